"""compare: tolerances, added/removed sources, invalid input, CLI exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from framing.cli import main
from framing.compare.baseline import compare_outputs
from framing.corpus import CorpusError


def _write(path: Path, sources: dict[str, dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"n_articles": 1, "sources": sources}), encoding="utf-8")
    return path


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return _write(tmp_path / "base.json", {"RT": {"quoted_word_share": 0.10, "n_words": 300}})


@pytest.mark.parametrize(
    ("value", "tolerance", "exceeded"),
    [(0.10, 0.05, False), (0.14, 0.05, False), (0.15, 0.05, False), (0.16, 0.05, True),
     (0.16, 0.1, False), (0.02, 0.05, True)],
)  # fmt: skip
def test_tolerance(
    tmp_path: Path, base: Path, value: float, tolerance: float, exceeded: bool
) -> None:
    cur = _write(tmp_path / "cur.json", {"RT": {"quoted_word_share": value, "n_words": 300}})
    result = compare_outputs(base, cur, tolerance=tolerance)
    assert result.exceeded is exceeded
    assert list(result.rows.columns) == [
        "source",
        "metric",
        "baseline",
        "current",
        "delta",
        "exceeded",
    ]
    assert main(["compare", str(base), str(cur), "--tolerance", str(tolerance)]) == (
        3 if exceeded else 0
    )


def test_source_added_counts_as_exceeded(tmp_path: Path, base: Path) -> None:
    cur = _write(
        tmp_path / "cur.json", {"RT": {"quoted_word_share": 0.1, "n_words": 300}, "CGTN": {}}
    )
    result = compare_outputs(base, cur)
    assert result.exceeded
    assert "CGTN" in result.markdown and "source added" in result.markdown


def test_output_folder_accepted(tmp_path: Path, base: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    _write(folder / "summary.json", {"RT": {"quoted_word_share": 0.1, "n_words": 300}})
    assert not compare_outputs(base, folder).exceeded


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"sources": 3}'])
def test_invalid_json(tmp_path: Path, base: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError):
        compare_outputs(base, bad)
    assert main(["compare", str(base), str(bad)]) == 1


def test_missing_file_exit_1(tmp_path: Path, base: Path) -> None:
    assert main(["compare", str(base), str(tmp_path / "nope.json")]) == 1


@pytest.mark.parametrize(
    ("metric", "old", "new", "exceeded"),
    [
        ("sentiment_mean", 0.10, 0.18, False),  # sentiment: +-0.1
        ("sentiment_mean", 0.10, 0.25, True),
        ("flesch_reading_ease", 40.0, 41.5, False),  # readability: +-2
        ("gunning_fog", 12.0, 14.5, True),
        ("n_words", 1000, 1090, False),  # counts: +-10%
        ("n_words", 1000, 1200, True),
        ("term_share.capital.Kyiv", 0.5, 0.56, True),  # shares: +-0.05
    ],
)
def test_tolerance_per_metric_kind(
    tmp_path: Path, metric: str, old: float, new: float, exceeded: bool
) -> None:
    a = _write(tmp_path / "a.json", {"RT": {metric: old}})
    b = _write(tmp_path / "b.json", {"RT": {metric: new}})
    assert compare_outputs(a, b).exceeded is exceeded


def test_changed_n_articles_is_reported(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", {"RT": {"n_articles": 4, "quoted_word_share": 0.2}})
    b = _write(tmp_path / "b.json", {"RT": {"n_articles": 5, "quoted_word_share": 0.2}})
    result = compare_outputs(a, b)
    assert result.exceeded
    assert "The corpus changed" in result.markdown and "RT 4 → 5 articles" in result.markdown
