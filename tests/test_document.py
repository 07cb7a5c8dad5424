"""Document: sentences with offsets, tricky abbreviations, quote spans, source locations."""

from __future__ import annotations

import re
import sys

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from framing.document import (
    _ABBREVIATION_THEN_STARTER,
    _WORD_RE,
    NEWS_ABBREVIATIONS,
    Document,
    build_document,
    document_from_text,
    merge_ranges,
    split_sentences,
    tokenize,
)
from framing.punkt import CLOSING, NON_WORD, WHITESPACE, WORD_TOKEN, span_tokenize
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
        # Punkt's frequent-sentence-starter rule for abbreviations that end sentences
        (
            "Kyiv held talks with the U.S. The Kremlin said they failed.",
            ["Kyiv held talks with the U.S.", "The Kremlin said they failed."],
        ),
        ("Mr. He Lifeng met U.S. officials.", ["Mr. He Lifeng met U.S. officials."]),
        # a state that is also a word, after a party letter ("(R-Miss.)")
        (
            "Sen. Roger Wicker (R-Miss.) said he expects a vote.",
            ["Sen. Roger Wicker (R-Miss.) said he expects a vote."],
        ),
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
@given(
    st.lists(
        st.sampled_from([*"ab1_ .-'’\n\u00e9\u0301\u0436“", "U.S.", "co-op"]), max_size=25
    ).map("".join)
)
def test_words_and_word_counts_equal_the_token_scan(text: str) -> None:
    doc = Document("a", "s", text, (), (), tuple(_WORD_RE.findall(text)), (), ())
    tokens = tokenize(text)
    assert list(zip(doc.word_starts, doc.words, strict=True)) == [(t.start, t.text) for t in tokens]
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            expected = sum(start <= t.start < end for t in tokens)
            assert doc.count_words(start, end) == expected, (start, end)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from([*"ab1_ .-'’\n\u00e9\u0301\u0436“", "U.S.", "..", "a'-b"])).map(
        "".join
    )
)
def test_possessive_word_pattern_finds_the_words_of_the_backtracking_one(text: str) -> None:
    backtracking = re.compile(r"\w+(?:[’'\-.]\w+)*")
    assert [m.span() for m in _WORD_RE.finditer(text)] == [
        m.span() for m in backtracking.finditer(text)
    ]


def _stock_punkt() -> PunktSentenceTokenizer:
    """nltk's own Punkt (timed patterns, run on every text) with framing's parameters."""
    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def _stock_punkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from nltk's own Punkt, trimmed."""
    spans = []
    for a, b in _stock_punkt().span_tokenize(text):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((a + lead, a + lead + len(piece.strip())))
    return spans


_SENTENCE_PIECES = [*"ab A.?!,;:\"'“”’«»()-\n\t", " Mr. ", "U.S.", " p.m. ", "...", " 3.5 ", " J. "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PIECES)).map("".join))
def test_split_sentences_equals_stock_punkt(text: str) -> None:
    assume(not _ABBREVIATION_THEN_STARTER.search(text))  # the one rule stock Punkt lacks here
    assert split_sentences(text, 0, len(text)) == _stock_punkt_spans(text)


# The alphabet on which framing.punkt could part from nltk: sentence-end marks, the
# punctuation nltk's patterns name, every kind of whitespace they tell apart (ASCII,
# Unicode, and \x1c-\x1f, which only Python's strip counts), abbreviations (also
# hyphenated and in capitals), initials, numbers, letters and digits outside ASCII.
_HARD_PIECES = [
    *".?!…\"'“”‘’«»()[]{},:;-–—#&*@`$%/_",
    *"0123456789ABJXZabxz",
    *[" "] * 6,
    *["\n", "\n\n", "\t", "\r", "\x0b", "\x0c", "\x85", "\xa0", "\u2003", "\u2028", "\x1c", "\x1f"],
    *"U.S. Mr. Jan. e.g. No. ex-Gov. a.m. Gen. etc. MR. U.S.- -Mr.".split(),
    *["He", "said", "é", "Élan", "Ж", "жена", "İ", "ı", "ǅ", "x\u0301", "٣", "①", "²", "don't"],
    *["...", "..", ". . .", "--", "1.5", "3,000", "-5", ".5", ",5", "1.", "5-6", "##number##"],
]
_HARD_WORDS = [*"He said talks U.S Mr ex-Gov J x _ 5 3.5 é İ".split(), ""]
_HARD_WORD = st.tuples(
    st.sampled_from(["", "", "", "(", '"', "“", "‘", "[", "-"]),
    st.sampled_from(_HARD_WORDS),
    st.sampled_from(
        ["", "", ".", ".", "?", "!", ",", ";", '."', ".”", ".)", "?'", "!!", "...", ".’"]
    ),
    st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "\u2003", "\x1c", "\n\x1c ", " \x1f\n"]),
).map("".join)
_HARD_TEXT = st.tuples(
    st.sampled_from(["", "", "", " ", "\n", "\t"]),
    st.one_of(
        st.lists(st.sampled_from(_HARD_PIECES), max_size=30).map("".join),
        st.lists(_HARD_WORD, max_size=12).map("".join),
    ),
).map("".join)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None)
@given(_HARD_TEXT)
def test_punkt_spans_equal_stock_punkt_on_hard_text(text: str) -> None:
    assert span_tokenize(text, NEWS_ABBREVIATIONS) == list(_stock_punkt().span_tokenize(text))
    assume(not _ABBREVIATION_THEN_STARTER.search(text))  # the one rule stock Punkt lacks here
    assert split_sentences(text, 0, len(text)) == _stock_punkt_spans(text)


@settings(max_examples=300, deadline=None)
@given(_HARD_TEXT)
def test_word_tokens_equal_nltk_word_tokenize(text: str) -> None:
    assert WORD_TOKEN.findall(text) == PunktLanguageVars().word_tokenize(text)


def test_character_classes_are_the_regex_engines() -> None:
    """framing.punkt's sets are the classes of nltk's patterns, on every code point."""
    every = "".join(map(chr, [*range(0xD800), *range(0xE000, sys.maxunicode + 1)]))
    assert set(regex.findall(r"\s", every)) == WHITESPACE
    # Python's strip (nltk's blank-line test) has four more: the information separators
    assert {c for c in every if c.isspace()} - WHITESPACE == set("\x1c\x1d\x1e\x1f")
    # what may follow a mark without whitespace; what realignment moves (nltk's own
    # patterns, without the ReDoS timer)
    period_context = PunktLanguageVars().period_context_re()
    period_context = regex.compile(period_context.pattern, period_context.flags)
    realignment = PunktLanguageVars.re_boundary_realignment
    realignment = regex.compile(realignment.pattern, realignment.flags)
    non_word, closing = set(), set()
    for c in every:
        match = period_context.match("." + c)
        if match and match.group("next_tok") is None:
            non_word.add(c)
        if realignment.match(c):
            closing.add(c)
    assert non_word == NON_WORD
    assert closing == CLOSING


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # abbreviation; its last hyphenated part; any case
        ("Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
        (
            "Ex-Gov. Smith and the ex-gov. spoke. Russia-U.S. talks resumed.",
            ["Ex-Gov. Smith and the ex-gov. spoke.", "Russia-U.S. talks resumed."],
        ),
        ("The U.S. said no. U.S. officials left.", ["The U.S. said no. U.S. officials left."]),
        # an ellipsis never breaks
        ("Wait... Then he left. Wait.. then.", ["Wait... Then he left.", "Wait.. then."]),
        # an initial: no break before upper or lower case or ;:,.!?, a break before "("
        (
            "J. Smith came. J. he said. J. (x) went. J. ; J. é.",
            ["J. Smith came.", "J. he said.", "J.", "(x) went.", "J. ; J. é."],
        ),
        # an initial is one letter in the regex engine's sense ("_" too, not "²"); a
        # title-case letter ("ǅ") is neither upper nor lower case: a break before it
        ("_. x. é. x. ǅ. x. ². x", ["_. x. é. x.", "ǅ. x.", "².", "x"]),
        # a number: no break before lower case only
        (
            "It rose 5. Then it fell 3.5. then it rose 1,000. (x)",
            ["It rose 5.", "Then it fell 3.5. then it rose 1,000.", "(x)"],
        ),
        ("He paid $2. It's over. No. 5 is here.", ["He paid $2.", "It's over.", "No. 5 is here."]),
        # ? and !; repeated marks are one candidate; "?!" after a space is two sentences
        ("Is it? Yes! No.", ["Is it?", "Yes!", "No."]),
        ("Hi!!! There ?! Here", ["Hi!!!", "There ?", "!", "Here"]),
        # closing quotes and brackets after the mark join the sentence
        (
            '"It is." He left. (It was.) She stayed.',
            ['"It is."', "He left.", "(It was.)", "She stayed."],
        ),
        ("He said «yes.» Then left.", ["He said «yes.»", "Then left."]),
        # a curly quote glued to an abbreviation or initial is part of its token
        ("“Mr. Smith spoke. ‘J. Smith too.", ["“Mr.", "Smith spoke.", "‘J.", "Smith too."]),
        # the token after the mark can itself hold a break ("end." before ")")
        ("Mr. end.) more", ["Mr.", "end.)", "more"]),
        # the context starts after ASCII whitespace only: "Ab." and "B?" are one context
        ("Ab.\u2003B? c", ["Ab.\u2003B?", "c"]),
        # but any Unicode whitespace after a mark makes a candidate
        ("One.\x85Two.", ["One.", "Two."]),
        # a line of \x1c-\x1f is blank to Python's strip: no token after "?"
        ("x?\n\x1c\nY", ["x?\n\x1c\nY"]),
        ("“x?\n\x1c\nY", ["“x?\n\x1c\nY"]),
        ("x? \x1c", ["x?"]),
        # whitespace at the very start counts as none: the first context starts at 0
        ("\n.!! B", ["\n.!!", "B"]),
        ("\n. x. Y", ["\n.", "x. Y"]),
        # spaced periods, a mark after a space
        ("He said. . . then left", ["He said.", ".", ".", "then left"]),
        ("a .! B", ["a .", "!", "B"]),
        # tabs, newlines, trailing whitespace, a text ending without a mark
        ("One.\tTwo.\nThree.  \n", ["One.", "Two.", "Three."]),
        ("One. Two", ["One.", "Two"]),
        ("Just one  \n", ["Just one"]),
    ],
)
def test_punkt_regressions(text: str, sentences: list[str]) -> None:
    """Each case exercises a branch framing.punkt decides without nltk's code."""
    spans = span_tokenize(text, NEWS_ABBREVIATIONS)
    assert spans == list(_stock_punkt().span_tokenize(text))
    assert [text[a:b] for a, b in spans] == sentences


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


def test_merge_ranges_sorts_drops_empty_and_joins_touching_ranges() -> None:
    assert merge_ranges([(5, 9), (0, 2), (2, 3), (7, 12), (4, 4)]) == [(0, 3), (5, 12)]
    assert merge_ranges([]) == []
