"""Scale: the process pool, the streamed corpus and the cache give the serial tables."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing.analysis
from framing.analysis import CHUNK_SIZE, Analysis, analyze
from framing.corpus import Article
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
    monkeypatch.setattr(framing.analysis, "BATCH_ARTICLES", 1)
    chunked = analyze(paths, workers=1, cache=False)
    for name, table in whole.tables.items():
        pd.testing.assert_frame_equal(chunked.tables[name], table, check_exact=True)
    whole.to_dir(tmp_path / "a", report=False)
    chunked.to_dir(tmp_path / "b", report=False)
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name
