"""Shortcuts in quote attribution give the results of the plain computations they replace."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from itertools import islice
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.document import Document
from framing.extract import quotes
from framing.extract.quotes.candidates import _trim_quote
from framing.extract.quotes.cues import _last_words
from framing.extract.quotes.model import _Context, _quote_at, _quotes_overlapping
from framing.extract.quotes.patterns import (
    _TITLE_GAP,
    _WORD,
    DETERMINERS,
    WHITESPACE,
    _EndAnchored,
    _Prefiltered,
    _Screened,
)
from framing.extract.quotes.speakers import _opens_clause
from framing.extract.quotes.text import _has_two_words, _is_possessive, _trim, _words
from framing.quotemarks import QuoteSpan

# every module-level value of the package's modules, by name
VALUES = {
    name: value
    for info in pkgutil.iter_modules(quotes.__path__, quotes.__name__ + ".")
    for name, value in vars(importlib.import_module(info.name)).items()
}
PREFILTERED = {name: value for name, value in VALUES.items() if isinstance(value, _Prefiltered)}
SCREENED = {name: value for name, value in VALUES.items() if isinstance(value, _Screened)}
END_ANCHORED = {name: value for name, value in VALUES.items() if isinstance(value, _EndAnchored)}
# words the prefiltered patterns are made of, glued by spaces and punctuation
WORDS = (
    "quoted as with that and but also , ; : “ ” continue continues went on to said "
    "did has according while whereas amid a an demand claim assertion Peskov the officials "
    "allegation stance move who which if because than since has was"
)
PIECES = st.sampled_from([*WORDS.split(), " ", "  ", "\n", "\u00a0", ",", "'", "’"])
TEXT = st.lists(PIECES, max_size=30).map(" ".join) | st.text(
    alphabet="abtwhq ,;:.'’“”\u00a0\n-", max_size=40
)


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[Any, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _assert_finds_what_its_pattern_finds(fast: Any, text: str, start: int, end: int) -> None:
    """A prefiltered or screened pattern's search and finditer equal its plain pattern's."""
    found = fast.search(text, start, end)
    plain = fast.pattern.search(text, start, end)
    assert _spans([found] if found else []) == _spans([plain] if plain else [])
    assert _spans(fast.finditer(text, start, end)) == _spans(
        fast.pattern.finditer(text, start, end)
    )


def test_prefiltered_patterns_found() -> None:
    assert set(PREFILTERED) >= {"_AS", "_QUOTED_AS", "_WITH_NP"}
    assert set(SCREENED) >= {"_CLAUSE_CUT", "_SUBORDINATOR"}


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 5), st.integers(0, 5))
def test_every_match_holds_a_needle(text: str, cut_start: int, cut_end: int) -> None:
    end = max(len(text) - cut_end, 0)
    for name, pre in PREFILTERED.items():
        for m in pre.pattern.finditer(text, cut_start, end):
            assert any(n in m.group() for n in pre.needles), (name, m.group())
        _assert_finds_what_its_pattern_finds(pre, text, cut_start, end)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(0, 5), st.integers(0, 5))
def test_every_match_holds_a_screen_match(text: str, cut_start: int, cut_end: int) -> None:
    end = max(len(text) - cut_end, 0)
    for name, screened in SCREENED.items():
        for m in screened.pattern.finditer(text, cut_start, end):
            assert screened.screen.search(m.group()), (name, m.group())
        _assert_finds_what_its_pattern_finds(screened, text, cut_start, end)


@pytest.mark.parametrize("name", sorted({**SCREENED, **PREFILTERED}))
def test_screened_and_prefiltered_on_seed_sentences(
    name: str, seed_docs: dict[str, Document]
) -> None:
    fast = {**SCREENED, **PREFILTERED}[name]
    for doc in seed_docs.values():
        for sentence in doc.sentences:
            for start in (sentence.start, (sentence.start + sentence.end) // 2):
                _assert_finds_what_its_pattern_finds(fast, doc.text, start, sentence.end)


# the pattern _trim used to find a statement's trailing spaces and punctuation
SENTENCE_END = re.compile(r"[\s.,;:!?“”\"'‘’»«—–-]+$")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,;:!?“”\"'‘’»«—–-\u00a0\u2009\n\t", max_size=30))
def test_trim_tail_is_the_end_pattern(text: str) -> None:
    start, end = _trim(text, 0, len(text))
    lead = re.match(r"^[\s,;:.“”\"'‘’»«—–-]+", text)
    expected_start = lead.end() if lead else 0
    tail = SENTENCE_END.search(text[expected_start:])
    expected_end = expected_start + tail.start() if tail else len(text)
    assert (start, end) == (expected_start, max(expected_end, expected_start))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 .'’-\n", max_size=20), st.integers(0, 20), st.integers(0, 20))
def test_has_two_words(text: str, start: int, end: int) -> None:
    assert _has_two_words(text, start, end) == (len(_words(text[start:end])) >= 2)


def test_whitespace_is_what_backslash_s_matches() -> None:
    spaces = {chr(c) for c in range(0x110000) if re.match(r"\s", chr(c))}
    assert set(WHITESPACE) == spaces == {chr(c) for c in range(0x110000) if chr(c).isspace()}


def test_end_anchored_patterns_found() -> None:
    assert set(END_ANCHORED) >= {"_COORDINATED"}


GLUE_TEXT = st.lists(
    st.sampled_from(
        [
            *"and but while has also then he it they Ukraine said , ; . ” ’ — – - \" '".split(),
            *[" ", "\n", "\u00a0", "\u2009", "brand", "ithe", "Hand", ",”", "x"],
        ]
    ),
    max_size=25,
).map(" ".join) | st.text(alphabet="andbuthlie ,.”’—\n\u00a0xA", max_size=40)


@settings(max_examples=400, deadline=None)
@given(GLUE_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_end_anchored_search_is_the_plain_search(text: str, cut_start: int, cut_end: int) -> None:
    end = max(len(text) - cut_end, 0)
    for name, anchored in END_ANCHORED.items():
        for start in range(cut_start, end + 1):
            plain = anchored.pattern.search(text, start, end)
            if plain is not None:  # the match and the rest of the range are made of chars
                assert set(text[plain.start() : end]) <= set(anchored.chars), name
            found = anchored.search(text, start, end)
            assert _spans([found] if found else []) == _spans([plain] if plain else []), name


def _quote(start: int, end: int) -> QuoteSpan:
    return QuoteSpan(start, end, start + 1, end - 1, "“", "”", 0)


SPAN_LISTS = st.lists(st.tuples(st.integers(0, 40), st.integers(2, 12)), max_size=6).map(
    lambda pairs: [_quote(a, a + n) for a, n in pairs]
)


@settings(max_examples=300, deadline=None)
@given(SPAN_LISTS, st.integers(-2, 60), st.integers(-2, 60), st.booleans())
def test_quote_lookups_are_the_linear_scans(
    spans: list[QuoteSpan], start: int, end: int, ordered: bool
) -> None:
    if ordered:  # in text order, none inside another (as _merge_spans gives them)
        spans, last = sorted(spans), -1
        spans = [s for s in spans if s.start >= last and (last := s.end)]
    ctx = _Context(Document("a", "s", "", (), (), (), (), (), ()), None, None, [], spans)  # type: ignore[arg-type]
    assert _quotes_overlapping(ctx, start, end) == [
        s for s in spans if s.start < end and s.end > start
    ]
    assert _quote_at(ctx, start) == next((s for s in spans if s.start <= start < s.end), None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from("The the US Special envoy of a talks Kyiv’s U.S. , — 12".split()),
        max_size=9,
    ).map(" ".join),
    st.integers(0, 3),
)
def test_opens_clause_reads_the_first_seven_words(text: str, start: int) -> None:
    end = len(text)
    before = [w.group() for w in islice(_WORD.finditer(text, start, end), 7)]
    expected = len(before) <= 6 and all(
        w[0].isupper() or w.lower() in _TITLE_GAP or w.lower() in DETERMINERS for w in before
    )
    assert _opens_clause(text, start, end) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "did", "not", "to", "U.S.", "Kyiv’s", "well-known", "x" * 19, "."]),
        max_size=14,
    ).map(" ".join)
    | st.text(alphabet="ab .’'-\n", max_size=50),
    st.integers(0, 50),
    st.integers(0, 60),
)
def test_last_words_are_those_of_the_forty_characters(text: str, floor: int, pos: int) -> None:
    near = _words(text[max(floor, pos - 20) : pos])
    assert _last_words(text, floor, pos, near) == _words(text[max(floor, pos - 40) : pos])[-3:]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab ,;:.\u00a0\u2009\n\t", max_size=20), st.integers(0, 22), st.integers(0, 22)
)
def test_trim_quote_is_the_character_loops(text: str, inner_start: int, inner_end: int) -> None:
    start, end = min(inner_start, len(text)), min(inner_end, len(text))
    span = QuoteSpan(0, len(text), start, end, "“", "”", 0)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    assert _trim_quote(text, span) == (start, end)


@pytest.mark.parametrize(
    ("text", "end", "possessive"),
    [
        ("Russia's envoy", 6, True),
        ("the United States’ envoy", 17, True),
        ("the United States envoy", 17, False),
        ("talks with the United States", 28, False),  # the end of the text is no apostrophe
    ],
)
def test_is_possessive(text: str, end: int, possessive: bool) -> None:
    assert _is_possessive(text, end) is possessive
