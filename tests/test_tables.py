"""The model's tables: column orders agree with the extractors; parts cut and joined."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from framing.corpus import Article
from framing.run import analyze_article
from framing.tables import (
    PER_ARTICLE_TABLES,
    TABLE_DTYPES,
    ArticleResult,
    TableParts,
    typed_arrow,
    typed_frame,
    typed_table,
)


@pytest.mark.parametrize("table", ["terms", "quotes", "sentences", "coverage"])
def test_the_extractors_emit_the_declared_columns_in_order(
    seed_articles: dict[str, Article], table: str
) -> None:
    declared = list(TABLE_DTYPES[table])
    rows = [row for a in seed_articles.values() for row in getattr(analyze_article(a), table)]
    assert rows, table
    for row in rows:
        assert list(row) == declared


@pytest.fixture(scope="module")
def results(seed_articles: dict[str, Article]) -> list[ArticleResult]:
    failed = ArticleResult.failed(next(iter(seed_articles.values())), "not English")
    analysed = [analyze_article(a) for a in seed_articles.values()]
    return [analysed[0], failed, *analysed[1:], failed]


def test_parts_cut_anywhere_and_joined_are_the_parts_of_all(results: list[ArticleResult]) -> None:
    whole = TableParts.of(results)
    assert len(whole) == len(results) and whole.n_analysed == len(results) - 2
    for cut in range(len(results) + 1):
        head, tail = whole.split(cut)
        joined = TableParts.concat([head, tail])
        assert (joined.sizes, joined.warnings, joined.errors) == (
            whole.sizes,
            whole.warnings,
            whole.errors,
        )
        for name in PER_ARTICLE_TABLES:
            pd.testing.assert_frame_equal(joined.tables[name], whole.tables[name], check_exact=True)
    for i, result in enumerate(results):
        one = whole.article(i)
        pd.testing.assert_frame_equal(
            one.tables["quotes"], TableParts.of([result]).tables["quotes"], check_exact=True
        )
    assert whole.articles_until(1) == 1 and whole.articles_until(2) == 3


# Values of every kind a column may be given: its own type, None, NaN, another type
# (Arrow refuses these, pandas casts them), numpy scalars, a column left out.
AWKWARD = {
    "quotes": {
        "article_id": ["a", None, "c", "d"],
        "source": ["s", math.nan, 3, 2.5],
        "quote_id": ["q1", "q2", "q3", "q4"],
        "paragraph": [np.int64(1), 2, 3, 4],
        "start": [0, 2.0, True, 7],
        "end": [1, 3, 5, 8],
        "n_words": [1, 2, 3, 4],
        "n_quoted_words": [0, 2, 3, 0],
        "compound": [0.5, None, 1, math.nan],
        "undeclared": [1, None, 3, 4],
    },
    "terms": {
        "article_id": ["a", "b"],
        "paragraph": [0, 1],
        "start": [0, 1],
        "end": [1, 2],
        "sentence_idx": [0, 0],
        "counts": [np.True_, None],
        "own_words": [1, 0],
        "context": ["x", "=1+1"],
    },
    "cleaning": {"article_id": ["a", "b", "c"], "line": [1, 2, 3], "duplicate_of": [None, 3, None]},
    "articles": {},
}


@pytest.mark.parametrize("name", list(AWKWARD))
def test_arrow_parts_type_every_value_as_pandas_does(name: str) -> None:
    data = AWKWARD[name]
    expected = typed_table(data, name)
    got = typed_frame(typed_arrow(data, name), name)
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    # the writer's Arrow schema (so the Parquet bytes) is the same too
    schema = pa.Table.from_pandas(got, preserve_index=False).schema
    assert schema.equals(pa.Table.from_pandas(expected, preserve_index=False).schema, True)


def test_parts_survive_pickling(results: list[ArticleResult]) -> None:
    import pickle

    whole = TableParts.of(results)
    for part in (whole, *whole.split(3)):
        back = pickle.loads(pickle.dumps(part))
        assert (back.sizes, back.warnings, back.errors) == (part.sizes, part.warnings, part.errors)
        for name in PER_ARTICLE_TABLES:
            pd.testing.assert_frame_equal(back.tables[name], part.tables[name], check_exact=True)
