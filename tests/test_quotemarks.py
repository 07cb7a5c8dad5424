"""Quote-mark scanner: pairs, apostrophes, guillemets, mismatched and unclosed marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.quotemarks import (
    ALL_MARKS,
    MISMATCHED,
    STRAY_CLOSE,
    UNCLOSED,
    QuoteSpan,
    find_quote_spans,
    mark_offsets,
)


def spans(text: str) -> list[QuoteSpan]:
    paragraphs, pos = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((pos, pos + len(part)))
        pos += len(part) + 2
    return find_quote_spans(text, paragraphs)


def inner(text: str) -> list[str]:
    return [text[s.inner_start : s.inner_end] for s in spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” he said.", ["We are ready,"]),
        ('"We are ready," he said.', ["We are ready,"]),
        ("«We are ready», he said.", ["We are ready"]),
        ("„Wir sind bereit“, sagte er.", ["Wir sind bereit"]),
        ("'We don't want war,' he said.", ["We don't want war,"]),
        ("‘We don’t want war,’ he said.", ["We don’t want war,"]),
        ("He called it “a ‘very’ hard round”.", ["a ‘very’ hard round"]),
        ("Ukraine’s president and Russia's envoy met.", []),
        ("The Ukrainians’ morale is high.", []),
        ("It was “constructive” and “very challenging.”", ["constructive", "very challenging."]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected
    assert all(not s.warning for s in spans(text))


def test_span_offsets_include_marks() -> None:
    text = "He said “yes” twice."
    (s,) = spans(text)
    assert text[s.start : s.end] == "“yes”"
    assert (s.open_mark, s.close_mark, s.level) == ("“", "”", "double")


def test_mismatched_double_closed_by_single_is_flagged() -> None:
    text = "\"They did not react at all,' Lavrov explained, adding that Russia demands a 'neutral Ukraine.\""
    found = spans(text)
    assert [text[s.inner_start : s.inner_end] for s in found] == [
        "They did not react at all,",
        "neutral Ukraine.",
    ]
    assert [s.warning for s in found] == [MISMATCHED, MISMATCHED]


def test_unclosed_quote_stops_at_paragraph_end() -> None:
    text = "“This will not stand, he said.\n\nThe next paragraph is narration."
    (s,) = spans(text)
    assert s.warning == UNCLOSED
    assert s.end == text.index("\n\n")
    assert not s.continues


def test_quote_continued_in_next_paragraph() -> None:
    text = "“We will fight on.\n\n“Every day counts,” he said."
    first, second = spans(text)
    assert first.continues and not first.warning
    assert (second.paragraph, second.warning) == (1, "")


def test_stray_closing_mark() -> None:
    (s,) = spans("He left.” Then nothing.")
    assert s.warning == STRAY_CLOSE
    assert s.inner_start == s.inner_end


def test_paragraph_index() -> None:
    found = spans("No quotes here.\n\n“Quoted,” she said.")
    assert [s.paragraph for s in found] == [1]


def test_opening_mark_used_to_close_is_flagged() -> None:
    text = "He said “it is over“ and left."
    (s,) = spans(text)
    assert text[s.inner_start : s.inner_end] == "it is over"
    assert s.warning == MISMATCHED


def test_new_opening_mark_closes_an_unclosed_quote() -> None:
    text = "He said “it is over. She said “no.”"
    first, second = spans(text)
    assert first.warning == UNCLOSED
    assert text[second.inner_start : second.inner_end] == "no."


@pytest.mark.parametrize("text", ['"“a', "““", "“ “x”", "'\"'", "«»", "„“"])
def test_offsets_are_ordered(text: str) -> None:
    for s in spans(text):
        assert 0 <= s.start <= s.inner_start <= s.inner_end <= s.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*ALL_MARKS, "a", " ", "\n", "é"])))
def test_mark_offsets_are_the_offsets_of_the_marks_in_order(text: str) -> None:
    assert mark_offsets(text) == [i for i, ch in enumerate(text) if ch in ALL_MARKS]


def test_a_paragraph_without_marks_has_no_spans_and_keeps_its_index() -> None:
    text = "no marks here\n\nsaid “yes”"
    assert [(s.paragraph, text[s.inner_start : s.inner_end]) for s in spans(text)] == [(1, "yes")]
