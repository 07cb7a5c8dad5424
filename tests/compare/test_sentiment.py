"""Per-source sentiment by voice and by side."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.compare.sentiment import (
    explode_sides,
    sentiment_by_side,
    sentiment_by_voice,
    side_matrix,
    summarize,
    t_quantile,
)

SENTENCES = pd.DataFrame(
    {
        "source": ["A", "A", "A", "B", "B"],
        "voice": ["narrator", "narrator", "quoted", "narrator", "mixed"],
        "compound": [0.5, -0.5, 0.2, 0.1, -0.3],
        "sides": ["RU;UA", "UA", "", "US", "RU"],
    }
)


def test_summarize_t_interval() -> None:
    s = summarize(pd.Series([1.0, 2.0, 3.0]))
    assert s["n"] == 3 and s["mean"] == 2.0 and s["sd"] == 1.0
    half = 4.303 / math.sqrt(3)
    assert s["ci_low"] == pytest.approx(2 - half) and s["ci_high"] == pytest.approx(2 + half)
    one = summarize(pd.Series([0.4]))
    assert one["n"] == 1 and math.isnan(one["ci_low"])
    assert t_quantile(1000) == pytest.approx(1.9623, abs=1e-3)


def test_by_voice() -> None:
    out = sentiment_by_voice(SENTENCES)
    a = out[out["source"] == "A"].set_index("voice")
    assert a.loc["all", "n"] == 3
    assert a.loc["narrator", "n"] == 2 and a.loc["narrator", "mean"] == 0.0
    assert a.loc["quoted", "mean"] == 0.2


def test_by_side() -> None:
    exploded = explode_sides(SENTENCES)
    assert len(exploded) == 5  # RU, UA, UA, US, RU; the no-actor sentence is dropped
    out = sentiment_by_side(SENTENCES).set_index(["source", "side"])
    assert out.loc[("A", "UA"), "n"] == 2
    assert out.loc[("A", "UA"), "mean"] == 0.0
    assert out.loc[("A", "RU"), "mean"] == 0.5
    assert out.loc[("A", "RU"), "share"] == pytest.approx(1 / 3)
    narr = sentiment_by_side(SENTENCES, voice="mixed")
    assert list(narr["side"]) == ["RU"]
    n = side_matrix(SENTENCES, value="n")
    assert n.loc["B", "UA"] == 0 and n.loc["A", "UA"] == 2


def test_empty() -> None:
    empty = SENTENCES.iloc[0:0]
    assert sentiment_by_voice(empty).empty
    assert sentiment_by_side(empty).empty
