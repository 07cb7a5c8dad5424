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
)

SENTENCES = pd.DataFrame(
    {
        "source": ["A", "A", "A", "B", "B"],
        "voice": ["narrator", "narrator", "quoted", "narrator", "mixed"],
        "compound": [0.5, -0.5, 0.2, 0.1, -0.3],
        "sides": ["RU;UA", "UA", "", "US", "RU"],
    }
)


def test_two_sentences_get_no_interval() -> None:
    """The t-interval of two sentences ran from -5.62 to 5.51; now: the n, no interval."""
    two = pd.DataFrame(
        {"article_id": ["a", "a"], "source": ["A", "A"], "voice": ["quoted"] * 2,
         "compound": [0.9, -0.8], "sides": ["", ""]}
    )  # fmt: skip
    row = sentiment_by_voice(two).iloc[0]
    assert row["n"] == 2 and row["n_articles"] == 1 and math.isnan(row["ci_low"])


def test_interval_from_articles_stays_in_range() -> None:
    many = pd.DataFrame(
        {
            "article_id": [f"a{i // 3}" for i in range(30)],
            "source": "A",
            "voice": "narrator",
            "compound": [0.99, 0.98, -0.2] * 10,
            "sides": "",
        }
    )
    row = sentiment_by_voice(many).set_index("voice").loc["narrator"]
    assert row["n"] == 30 and row["n_articles"] == 10
    assert -1 <= row["ci_low"] <= row["mean"] <= row["ci_high"] <= 1
    assert sentiment_by_voice(many).equals(sentiment_by_voice(many))  # fixed seed


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
