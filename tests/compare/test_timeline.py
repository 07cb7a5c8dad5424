"""The timeline: term shares, quote shares and sentiment per group and period."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import analyze
from framing.cli import main
from framing.compare.timeline import choose_period, period_of
from framing.tables import TIMELINE_COLUMNS

# made-up articles: outlet A switches from "Kiev" to "Kyiv" in March; B never does
SENTENCE = "Officials in {capital} said the talks with Moscow would go on, the ministry said."


def _corpus(folder: Path) -> Path:
    rows = ["file,source,country,ownership,date"]
    for month in (1, 2, 3, 4):
        for day in range(1, 7):
            for outlet, country in (("A", "GB"), ("B", "RU")):
                capital = "Kyiv" if outlet == "A" and month >= 3 else "Kiev"
                name = f"{outlet}{month}{day}.txt"
                text = f"{SENTENCE.format(capital=capital)} The delegations met again.\n"
                (folder / name).write_text(text, encoding="utf-8")
                rows.append(f"{name},{outlet},{country},private,2026-0{month}-{day:02d}")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("timeline"))


def test_periods() -> None:
    dates = pd.Series(["2026-01-01", "2026-01-05", ""])
    assert choose_period(dates) == "day"
    assert choose_period(pd.Series(["2026-01-01", "2026-04-01"])) == "week"
    assert choose_period(pd.Series(["2026-01-01", "2026-09-01"])) == "month"
    assert list(period_of(dates, "week")) == ["2026-W01", "2026-W02", ""]  # Thu, Mon
    assert list(period_of(dates, "month")) == ["2026-01", "2026-01", ""]


def test_the_switch_from_kiev_to_kyiv(corpus: Path) -> None:
    timeline = analyze(corpus, period="month").timeline
    assert list(timeline.columns) == TIMELINE_COLUMNS
    kyiv = timeline[timeline["metric"] == "term_share.capital.Kyiv"].set_index(["group", "period"])
    assert list(kyiv.loc["A", "value"]) == [0.0, 0.0, 1.0, 1.0]
    assert list(kyiv.loc["B", "value"]) == [0.0, 0.0, 0.0, 0.0]
    assert (kyiv["n_articles"] == 6).all()
    assert {"sentiment_mean", "term_share.capital.Kiev"} <= set(timeline["metric"])
    bounded = timeline.dropna(subset=["ci_low"])
    assert not bounded.empty
    low = bounded["metric"].eq("sentiment_mean").map({True: -1.0, False: 0.0})
    assert ((bounded["ci_low"] >= low) & (bounded["ci_high"] <= 1.0)).all()
    assert (
        (bounded["ci_low"] <= bounded["value"]) & (bounded["value"] <= bounded["ci_high"])
    ).all()


def test_by_country_and_written_with_the_chart(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["analyze", str(corpus), "--out", str(out), "--by", "country", "--period", "month"]
    assert main([*args, "-q", "--workers", "1"]) == 0
    timeline = pd.read_csv(out / "timeline.csv")
    assert set(timeline["by"]) == {"country"} and set(timeline["group"]) == {"GB", "RU"}
    assert (out / "charts" / "timeline_capital.png").exists()
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "capital over time: share of “Kyiv”" in html
    assert "![Spelling of Ukraine's capital over time" in (out / "report.md").read_text("utf-8")
