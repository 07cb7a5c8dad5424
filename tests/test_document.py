"""Document: sentences with offsets, tricky abbreviations, quote spans, source locations."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from framing.document import (
    NEWS_ABBREVIATIONS,
    Document,
    build_document,
    document_from_text,
    split_sentences,
    split_words,
    tokenize,
)
from framing.quotemarks import MISMATCHED, UNCLOSED
from tests.conftest import CGTN, RT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. special envoy Steve Witkoff praised the talks. He left.",
            ["U.S. special envoy Steve Witkoff praised the talks.", "He left."],
        ),
        (
            "Gen. Smith said on Feb. 5 that 3.5 million people left. Nobody stayed.",
            ["Gen. Smith said on Feb. 5 that 3.5 million people left.", "Nobody stayed."],
        ),
        (
            "Mr. Peskov spoke at 10 a.m. on Wednesday. The talks went on.",
            ["Mr. Peskov spoke at 10 a.m. on Wednesday.", "The talks went on."],
        ),
        ("He said: “It will go on.” Then he left.", ["He said: “It will go on.”", "Then he left."]),
        (
            "Russia-U.S. talks resumed. The U.S.-brokered deal held.",
            ["Russia-U.S. talks resumed.", "The U.S.-brokered deal held."],
        ),
        ("Is it over? No! It goes on.", ["Is it over?", "No!", "It goes on."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert [s.text for s in document_from_text(text).sentences] == expected


def test_offsets_point_at_the_sentence(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for sentence in doc.sentences:
            assert doc.text[sentence.start : sentence.end] == sentence.text
            para = doc.paragraphs[sentence.paragraph]
            assert para.start <= sentence.start < sentence.end <= para.end
        for token in doc.tokens:
            assert doc.text[token.start : token.end] == token.text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab1_ .-'’\n\u00e9\u0301\u0436", "U.S.", "co-op"])).map("".join))
def test_split_words_equals_the_token_scan(text: str) -> None:
    words, starts = split_words(text)
    assert list(zip(starts, words, strict=True)) == [(t.start, t.text) for t in tokenize(text)]


def _stock_punkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from nltk's own Punkt (timed patterns, run on every text), trimmed."""
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    spans = []
    for a, b in PunktSentenceTokenizer(params).span_tokenize(text):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((a + lead, a + lead + len(piece.strip())))
    return spans


_SENTENCE_PIECES = [*"ab A.?!,;:\"'“”’«»()-\n\t", " Mr. ", "U.S.", " p.m. ", "...", " 3.5 ", " J. "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES)).map("".join))
def test_split_sentences_equals_stock_punkt(text: str) -> None:
    assert split_sentences(text, 0, len(text)) == _stock_punkt_spans(text)


def test_tokens_are_the_words_with_offsets(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        assert doc.tokens == tuple(tokenize(doc.text))
        assert doc.words == tuple(t.text for t in doc.tokens)


def test_paragraphs_are_joined_by_blank_line() -> None:
    doc = document_from_text("First.\nSecond.\n")
    assert doc.text == "First.\n\nSecond."
    assert [(p.start, p.end, p.line) for p in doc.paragraphs] == [(0, 6, 1), (8, 15, 2)]


def test_location_maps_back_to_original_line_and_column() -> None:
    doc = build_document(
        "a", "s", [(3, "  Kiev said.", ()), (7, "Wrapped Kyiv and Donbass", ((13, 8),))]
    )
    assert doc.location(doc.text.index("Kiev")) == (3, 3)
    assert doc.location(doc.text.index("Kyiv")) == (7, 9)
    assert doc.location(doc.text.index("Donbass")) == (8, 5)


def test_curly_quotes_and_apostrophes_are_kept_as_written(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs[RT]
    assert "Zelensky’s" in doc.text and "“very challenging”" in doc.text
    quoted = [doc.text[q.inner_start : q.inner_end] for q in doc.quote_spans]
    assert quoted[:2] == ["very challenging", "constructive,"]
    assert all("’s" not in doc.text[q.start : q.start + 1] for q in doc.quote_spans)


@pytest.mark.parametrize(
    ("text", "inner", "warnings"),
    [
        ("He called it “absurd” and left.", ["absurd"], [""]),
        ('He called it "absurd" and left.', ["absurd"], [""]),
        ("He said it was ‘not easy’ today.", ["not easy"], [""]),
        ("He said «нет» twice.", ["нет"], [""]),
        ("Ukraine’s and Russia’s teams met; the Ukrainians’ view differs.", [], []),
        (
            "\"All is well,' Lavrov explained, adding a 'neutral Ukraine.\"",
            ["All is well,", "neutral Ukraine."],
            [MISMATCHED, MISMATCHED],
        ),
    ],
)
def test_quote_spans(text: str, inner: list[str], warnings: list[str]) -> None:
    doc = document_from_text(text)
    assert [doc.text[q.inner_start : q.inner_end] for q in doc.quote_spans] == inner
    assert [q.warning for q in doc.quote_spans] == warnings


def test_unclosed_quote_does_not_swallow_the_next_paragraph() -> None:
    doc = document_from_text("He said “we will not stop.\nThe next paragraph is narration.")
    (span,) = doc.quote_spans
    assert span.warning == UNCLOSED and span.end == doc.paragraphs[0].end


def test_quote_running_over_paragraphs_is_not_a_warning() -> None:
    doc = document_from_text("“We will go on.\n“And we will win,” he said.")
    assert [(q.paragraph, q.continues, q.warning) for q in doc.quote_spans] == [
        (0, True, ""),
        (1, False, ""),
    ]


def test_cgtn_mismatched_marks_are_flagged_not_swallowed(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs[CGTN]
    flagged = [q for q in doc.quote_spans if q.warning]
    assert [q.warning for q in flagged] == [MISMATCHED, MISMATCHED]
    first, second = (doc.text[q.inner_start : q.inner_end] for q in flagged)
    assert first.startswith("Over the past year") and first.endswith("at all,")
    assert second == "neutral and benevolent Ukraine."
    narration = doc.text.index("Lavrov explained")
    assert doc.quote_at(narration) is None


def test_context_is_one_line_window() -> None:
    doc = document_from_text("Talks in Kyiv.\nThe Kiev regime said no.")
    start = doc.text.index("Kiev")
    assert doc.context(start, start + 4, width=10) == "yiv.  The [Kiev] regime sa"
