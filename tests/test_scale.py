"""Scale: the process pool, the streamed corpus and the cache give the serial tables."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing.run
from framing.analysis import CHUNK_SIZE, TABLE_DTYPES, Analysis, analyze, analyze_to_dir
from framing.corpus import Article
from framing.output import read_output
from framing.tables import Columns
from tests.conftest import ROOT, SEEDS


def _copies(seed_articles: dict[str, Article], n: int) -> list[Article]:
    """``n`` articles cycling over the seeds, each with its own id."""
    seeds = list(seed_articles.values())
    return [
        dataclasses.replace(seeds[i % len(seeds)], article_id=f"copy-{i:03d}") for i in range(n)
    ]


def assert_same_tables(a: Analysis, b: Analysis) -> None:
    for name, df in a.tables.items():
        pd.testing.assert_frame_equal(df, b.tables[name], obj=name)
    pd.testing.assert_frame_equal(a.summary, b.summary, obj="summary")
    assert a.warnings == b.warnings


@pytest.fixture(scope="module")
def corpus(seed_articles: dict[str, Article]) -> list[Article]:
    return _copies(seed_articles, 3 * CHUNK_SIZE + 5)  # several chunks, the last one short


@pytest.fixture(scope="module")
def serial(corpus: list[Article]) -> Analysis:
    return analyze(corpus, workers=1)


def test_pool_output_is_the_serial_output_in_input_order(
    corpus: list[Article], serial: Analysis
) -> None:
    pooled = analyze(corpus, workers=2)
    assert list(pooled.articles["article_id"]) == [a.article_id for a in corpus]
    assert_same_tables(pooled, serial)


def test_cold_and_warm_cache_runs_match_the_uncached_run(
    corpus: list[Article], serial: Analysis, tmp_path: Path
) -> None:
    cold = analyze(corpus, cache=tmp_path)
    assert len(list(tmp_path.rglob("*.json"))) == len(corpus)
    warm = analyze(corpus, cache=tmp_path)
    assert_same_tables(cold, serial)
    assert_same_tables(warm, serial)


def test_cache_entries_hit_and_miss_in_any_mix(
    corpus: list[Article], serial: Analysis, tmp_path: Path
) -> None:
    analyze(corpus[::3], cache=tmp_path)  # every third article cached, the rest computed
    assert_same_tables(analyze(corpus, cache=tmp_path, workers=2), serial)


def test_streamed_folder_keeps_read_errors_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kyiv said the talks went well. " * 20, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Moscow said the talks failed. " * 20, encoding="utf-8")
    result = analyze(tmp_path)
    assert list(result.articles["article_id"]) == ["a", "c"]
    assert len(result.errors) == 1 and result.errors["file"].iloc[0].endswith("b.txt")


def test_dask_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.dask_engine import MissingExtraError, require_dask

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'framing\[dask\]'"):
        require_dask()


def test_unknown_engine_is_refused(corpus: list[Article]) -> None:
    with pytest.raises(ValueError, match="unknown engine"):
        analyze(corpus[:1], engine="spark")


def test_tables_built_in_chunks_equal_one_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # heldout: columns that are all empty in some articles (quote warnings, duplicate_of)
    paths = [str(SEEDS), str(ROOT / "bench/annotations/heldout_articles.jsonl")]
    whole = analyze(paths, workers=1, cache=False)
    monkeypatch.setattr(framing.run, "BATCH_ARTICLES", 1)
    chunked = analyze(paths, workers=1, cache=False)
    for name, table in whole.tables.items():
        pd.testing.assert_frame_equal(chunked.tables[name], table, check_exact=True)
    whole.to_dir(tmp_path / "a", report=False)
    chunked.to_dir(tmp_path / "b", report=False)
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_streamed_output_equals_the_in_memory_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # several batches on disk, with columns that are all empty in some of them
    paths = [str(SEEDS), str(ROOT / "bench/annotations/heldout_articles.jsonl")]
    whole = analyze(paths, workers=1, cache=False)
    whole.to_dir(tmp_path / "memory", report=False)
    monkeypatch.setattr(framing.run, "BATCH_ARTICLES", 2)
    run = analyze_to_dir(paths, tmp_path / "streamed", report=False, workers=1, cache=False)
    assert (run.n_articles, run.n_sources) == (
        len(whole.articles),
        whole.articles["source"].nunique(),
    )
    written = sorted(p.name for p in (tmp_path / "memory").iterdir())
    assert written == sorted(p.name for p in (tmp_path / "streamed").iterdir())
    for name in written:
        a, b = tmp_path / "memory" / name, tmp_path / "streamed" / name
        if name.endswith(".parquet"):  # same rows, in more row groups
            pd.testing.assert_frame_equal(pd.read_parquet(b), pd.read_parquet(a), obj=name)
        else:
            assert b.read_bytes() == a.read_bytes(), name
    back = read_output(tmp_path / "streamed")
    for name, table in whole.tables.items():
        pd.testing.assert_frame_equal(back.tables[name], table, check_exact=True, obj=name)
    assert back.warnings == whole.warnings


@pytest.fixture(scope="module")
def seeds_analysis() -> Analysis:
    return analyze(SEEDS)


def test_every_table_has_its_declared_columns_and_types(seeds_analysis: Analysis) -> None:
    for name, table in seeds_analysis.tables.items():
        # the manifest's extra columns follow the declared ones in articles, as text
        extra = ["attribution_confidence"] if name == "articles" else []
        assert list(table.columns) == [*TABLE_DTYPES[name], *extra], name
        types = [*TABLE_DTYPES[name].values(), *(["str"] * len(extra))]
        assert [str(t) for t in table.dtypes] == types, name
    # a missing integer stays an integer (not 2.0 in the CSV)
    assert str(seeds_analysis.cleaning["duplicate_of"].dropna().iloc[0]) == "2"


def test_an_empty_table_still_has_every_column(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The talks in Geneva went on for hours. " * 5, "utf-8")
    run = analyze_to_dir([tmp_path / "a.txt"], tmp_path / "out", report=False)
    assert run.n_articles == 1
    header = (tmp_path / "out" / "quotes.csv").read_text("utf-8").splitlines()
    assert header == [",".join(TABLE_DTYPES["quotes"])]
    assert list(pd.read_parquet(tmp_path / "out" / "quotes.parquet").dtypes.astype(str)) == list(
        TABLE_DTYPES["quotes"].values()
    )


def test_nothing_is_written_when_no_article_can_be_analysed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = analyze_to_dir([tmp_path / "empty.txt"], tmp_path / "out")
    assert run.out is None and run.n_articles == 0
    assert list(run.errors["file"]) == [str(tmp_path / "empty.txt")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]  # no folder, no temp


def test_rows_gathered_by_column_keep_every_value_in_place() -> None:
    columns = Columns([{"a": 1, "b": "x"}])
    columns.extend([{"a": 2}, {"a": 3, "c": 4.5, "b": "y"}, {"c": 6.0, "a": 5}])
    columns.append({"b": "z", "d": True})
    assert list(columns.data) == ["a", "b", "c", "d"]  # in order of first appearance
    assert columns.data == {
        "a": [1, 2, 3, 5, None],
        "b": ["x", None, "y", None, "z"],
        "c": [None, None, 4.5, 6.0, None],
        "d": [None, None, None, None, True],
    }
    assert columns.n_rows == 5
    columns.extend([])
    assert columns.n_rows == 5
