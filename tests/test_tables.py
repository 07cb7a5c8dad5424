"""The model's tables: column orders agree with the extractors; parts cut and joined."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.corpus import Article
from framing.extract.coverage import MENTION_COLUMNS as EXTRACTED_MENTIONS
from framing.extract.quotes import QUOTE_COLUMNS as EXTRACTED_QUOTES
from framing.extract.sentiment import SENTENCE_COLUMNS as EXTRACTED_SENTENCES
from framing.extract.terms import TERM_COLUMNS as EXTRACTED_TERMS
from framing.run import analyze_article
from framing.tables import PER_ARTICLE_TABLES, TABLE_DTYPES, ArticleResult, TableParts


@pytest.mark.parametrize(
    ("table", "emitted"),
    [
        ("terms", EXTRACTED_TERMS),
        ("quotes", EXTRACTED_QUOTES),
        ("sentences", EXTRACTED_SENTENCES),
        ("coverage", EXTRACTED_MENTIONS),
    ],
)
def test_declared_columns_are_those_the_extractors_emit(table: str, emitted: list[str]) -> None:
    assert list(TABLE_DTYPES[table]) == list(emitted)


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
