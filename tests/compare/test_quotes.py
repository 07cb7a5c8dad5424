"""Per-source quote tables: quoted words by side, voices, speaker x verb, loaded verbs."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.compare.quotes import (
    loaded_verb_share,
    quoted_words_by_side,
    speaker_verb_matrix,
    voices_by_side,
)


@pytest.fixture
def quotes() -> pd.DataFrame:
    rows = [
        ("RT", "direct", "Dmitry Peskov", "RU", "say", "neutral", 10),
        ("RT", "partial", "Dmitry Peskov", "RU", "describe", "neutral", 2),
        ("RT", "indirect", "Kremlin", "RU", "insist", "assertive", 12),
        ("RT", "partial", "Volodymyr Zelenskyy", "UA", "claim", "assertive", 3),
        ("RT", "indirect", "Volodymyr Zelenskyy", "UA", "claim", "assertive", 9),
        ("Guardian", "direct", "Marco Rubio", "US", "say", "neutral", 20),
        ("Guardian", "indirect", "Vladimir Putin", "RU", "claim", "assertive", 5),
        ("Guardian", "direct", None, None, None, None, 4),
    ]
    return pd.DataFrame(
        rows,
        columns=["source", "kind", "speaker", "affiliation", "verb", "verb_class", "n_words"],
    )


def test_quoted_words_by_side(quotes: pd.DataFrame) -> None:
    out = quoted_words_by_side(quotes)
    assert list(out.columns) == [
        "source",
        "side",
        "n_quotes",
        "words",
        "share",
        "n_articles",
        "ci_low",
        "ci_high",
    ]
    rt = out[out["source"] == "RT"].set_index("side")
    assert rt.loc["RU", "words"] == 12 and rt.loc["UA", "words"] == 3
    assert rt.loc["RU", "share"] == pytest.approx(12 / 15)
    guardian = out[out["source"] == "Guardian"].set_index("side")
    assert set(guardian.index) == {"US", "unknown"}  # indirect rows are not quoted words
    assert math.isclose(out.groupby("source")["share"].sum().min(), 1.0)


def test_voices_by_side(quotes: pd.DataFrame) -> None:
    out = voices_by_side(quotes)
    rt_ru = out[(out["source"] == "RT") & (out["side"] == "RU")].iloc[0]
    assert rt_ru["n_voices"] == 2 and rt_ru["speakers"] == "Dmitry Peskov; Kremlin"
    assert "unknown" not in set(out[out["source"] == "Guardian"]["side"])  # no speaker


def test_speaker_verb_matrix(quotes: pd.DataFrame) -> None:
    m = speaker_verb_matrix(quotes, source="RT")
    assert m.loc["Volodymyr Zelenskyy", "claim"] == 2
    assert m.loc["Dmitry Peskov", "say"] == 1
    assert list(m.columns) == sorted(m.columns)
    everything = speaker_verb_matrix(quotes)
    assert "(no speaker)" in everything.index


def test_loaded_verb_share(quotes: pd.DataFrame) -> None:
    out = loaded_verb_share(quotes).set_index(["source", "side"])
    assert out.loc[("RT", "UA"), "loaded_share"] == 1.0
    assert out.loc[("RT", "UA"), "loaded_verbs"] == "claim 2"
    assert out.loc[("RT", "RU"), "loaded_share"] == pytest.approx(1 / 3)
    assert out.loc[("Guardian", "US"), "n_loaded"] == 0


def test_empty_and_invalid_input() -> None:
    empty = pd.DataFrame(
        columns=["source", "kind", "speaker", "affiliation", "verb", "verb_class", "n_words"]
    )
    assert quoted_words_by_side(empty).empty
    assert voices_by_side(empty).empty
    assert loaded_verb_share(empty).empty
    assert speaker_verb_matrix(empty).empty
    with pytest.raises(ValueError, match="lacks columns"):
        quoted_words_by_side(pd.DataFrame({"source": []}))
