"""VADER per sentence: scores equal vaderSentiment's, voice split, sides, article means."""

from __future__ import annotations

import math

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.document import Document, document_from_text
from framing.extract.sentiment import (
    SENTENCE_COLUMNS,
    analyzer,
    article_sentiment,
    extract_sentences,
    polarity_scores,
    quoted_share,
    sides_of,
    voice_of,
)

FIXED = {
    "The talks were constructive and very useful.": 0.4927,
    "The strike killed three civilians.": -0.7184,
    "Negotiators met in Abu Dhabi on Wednesday.": 0.0,
}


@pytest.mark.parametrize("text", list(FIXED))
def test_polarity_scores_equal_vadersentiment(text: str) -> None:
    ours = polarity_scores(text)
    assert ours == SentimentIntensityAnalyzer().polarity_scores(text)
    assert ours["compound"] == pytest.approx(FIXED[text], abs=1e-4)


def test_one_analyzer_per_process() -> None:
    assert analyzer() is analyzer()


def test_columns_and_offsets() -> None:
    doc = document_from_text("Peace is good. War is terrible.", article_id="a", source="S")
    rows = extract_sentences(doc)
    assert [list(r) for r in rows] == [SENTENCE_COLUMNS] * 2
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["text"]
        assert r["compound"] == SentimentIntensityAnalyzer().polarity_scores(r["text"])["compound"]
    assert rows[0]["article_id"] == "a" and rows[0]["source"] == "S"
    assert rows[0]["compound"] > 0 > rows[1]["compound"]


def test_voice_from_quote_marks() -> None:
    doc = document_from_text(
        "The talks ended on Thursday.\n"
        "“We reached a very good agreement on prisoners and on many other things.”\n"
        "He said the talks were “hard” but that work on a settlement would continue for weeks."
    )
    voices = [r["voice"] for r in extract_sentences(doc)]
    assert voices == ["narrator", "quoted", "narrator"]


def test_voice_mixed_and_quote_rows() -> None:
    text = "Peskov said “the talks were constructive and useful,” adding nothing."
    doc = document_from_text(text)
    assert [r["voice"] for r in extract_sentences(doc)] == ["mixed"]
    # an indirect quote row covering the rest of the sentence makes it quoted
    start = text.index("Peskov")
    rows = extract_sentences(doc, quotes=[{"kind": "indirect", "start": start, "end": len(text)}])
    assert rows[0]["voice"] == "quoted"
    # rows of other kinds are ignored
    rows = extract_sentences(doc, quotes=[{"kind": "other", "start": 0, "end": len(text)}])
    assert rows[0]["voice"] == "mixed"


def test_voice_thresholds() -> None:
    assert voice_of(0.0) == voice_of(0.2) == "narrator"
    assert voice_of(0.21) == voice_of(0.79) == "mixed"
    assert voice_of(0.8) == voice_of(1.0) == "quoted"
    assert quoted_share("ab cd", 0, 5, [(0, 2)]) == 0.5  # spaces do not count
    assert quoted_share("   ", 0, 3, [(0, 3)]) == 0.0
    # spans before, after and touching the range: no overlap
    assert quoted_share("ab cd ef", 3, 5, [(0, 3), (5, 8)]) == 0.0
    assert quoted_share("ab cd ef", 3, 5, []) == 0.0
    assert quoted_share("ab cd ef", 3, 5, [(0, 4), (5, 8)]) == 0.5


def test_sides_inline() -> None:
    doc = document_from_text(
        "Putin met Zelensky's envoy in Abu Dhabi.\nThe weather was mild.\nThe Kremlin spoke."
    )
    sides = [r["sides"] for r in extract_sentences(doc)]
    assert sides[0].split(";") == sorted(set(sides[0].split(";")))
    assert {"RU", "UA"} <= set(sides[0].split(";"))
    assert sides[1] == ""
    assert sides[2] == "RU"
    assert sides_of("Zelensky and Putin") == "RU;UA"


def test_article_sentiment() -> None:
    rows = [
        {"compound": 0.5, "voice": "narrator"},
        {"compound": -0.5, "voice": "quoted"},
        {"compound": 0.0, "voice": "mixed"},
        {"compound": 0.04, "voice": "narrator"},
    ]
    out = article_sentiment(rows)
    assert out["sentiment_mean"] == pytest.approx(0.01)
    assert out["sentiment_pos_share"] == 0.25
    assert out["sentiment_neg_share"] == 0.25
    assert out["sentiment_narrator_mean"] == pytest.approx(0.27)
    assert out["sentiment_quoted_mean"] == -0.5
    empty = article_sentiment([{"compound": 0.1, "voice": "narrator"}])
    assert math.isnan(empty["sentiment_quoted_mean"])
    assert all(math.isnan(v) for v in article_sentiment([]).values())


def test_seed_sentences(seed_docs: dict[str, Document]) -> None:
    sia = SentimentIntensityAnalyzer()
    for doc in seed_docs.values():
        rows = extract_sentences(doc)
        assert len(rows) == len(doc.sentences)
        assert {r["voice"] for r in rows} <= {"narrator", "quoted", "mixed"}
        for r in rows:
            assert r["compound"] == sia.polarity_scores(r["text"])["compound"]
