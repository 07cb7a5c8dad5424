"""Grouping by a manifest column: the tables regrouped, the summary per group, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import Analysis, analyze
from framing.cli import main
from framing.compare.baseline import compare_outputs
from framing.compare.groups import (
    CompareOptions,
    GroupingError,
    article_groups,
    grouping_columns,
    regroup_tables,
)
from tests.conftest import SEEDS


def _articles(**columns: list[str]) -> pd.DataFrame:
    ids = [f"a{i}" for i in range(len(next(iter(columns.values()))))]
    return pd.DataFrame({"article_id": ids, "source": ["X"] * len(ids), **columns})


def test_regroup_replaces_source_by_the_articles_group() -> None:
    articles = _articles(country=["RU", "GB", ""])
    terms = pd.DataFrame({"article_id": ["a0", "a2", "a1"], "source": ["X", "X", "X"]})
    out = regroup_tables({"articles": articles, "terms": terms}, "country")
    assert list(out["terms"]["source"]) == ["RU", "(no country)", "GB"]
    assert list(out["articles"]["source"]) == ["RU", "GB", "(no country)"]


def test_unknown_column_lists_the_manifest_columns() -> None:
    articles = _articles(country=["RU"], ownership=["state"], alignment=["pro"])
    with pytest.raises(GroupingError, match=r"'colour'.*source, country, ownership, alignment"):
        article_groups(articles, "colour")
    assert grouping_columns(articles) == ["source", "country", "ownership", "alignment"]


def test_options_refuse_a_bad_period_or_minimum() -> None:
    with pytest.raises(ValueError, match="period"):
        CompareOptions(period="year")
    with pytest.raises(ValueError, match="min_articles"):
        CompareOptions(min_articles=1)


def test_seeds_by_country(seed_analysis: Analysis) -> None:
    by_country = seed_analysis.regroup("country")
    summary = by_country.summary
    assert list(summary.columns)[:2] == ["country", "n_articles"]
    assert dict(zip(summary["country"], summary["n_articles"], strict=True)) == {
        "CN": 2,
        "GB": 1,
        "NL": 1,
        "RU": 1,
    }
    assert set(by_country.grouped.quotes["source"]) <= {"CN", "GB", "NL", "RU"}
    assert len(by_country.source_summary) == 5  # the per-source summary is kept


def test_an_extra_manifest_column_groups_too() -> None:
    analysis = analyze(SEEDS, by="attribution_confidence")
    assert set(analysis.summary["attribution_confidence"]) == {"high", "medium"}
    assert "attribution_confidence" in analysis.articles.columns


def test_cli_by_ownership_and_compare_by_group(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--by", "ownership", "-q"]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["by"] == "ownership"
    assert set(summary["groups"]) == {"independent", "private", "state-owned"}
    assert summary["groups"]["state-owned"]["n_articles"] == 3
    assert pd.read_csv(out / "summary.csv").columns[0] == "ownership"
    # a folder not grouped by country is regrouped from its tables
    assert not compare_outputs(out, out, by="country").exceeded
    assert main(["compare", str(out), str(out), "--by", "ownership"]) == 0


def test_cli_unknown_column_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--by", "colour", "-q"]) == 1
    assert "columns: source, country, ownership" in capsys.readouterr().err
    assert not out.exists()
