"""The shared Document: cleaned text split once into paragraphs, sentences and quote spans.

Every extractor reads a :class:`Document`; none re-reads files or re-splits text.
All offsets (``start``/``end``) are character offsets into :attr:`Document.text`,
the cleaned article text, in which paragraphs are joined by a blank line (``"\\n\\n"``).
Quote marks and apostrophes are kept as written (curly or straight): they are
recognised by :mod:`framing.quotemarks`, never rewritten away.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from framing.intervals import Intervals
from framing.punkt import span_tokenize
from framing.quotemarks import QuoteSpan, find_quote_spans

PARAGRAPH_SEPARATOR = "\n\n"

# Abbreviations that end with a period but do not end a sentence in news copy.
# Punkt learns these from data; we set them by hand so that no nltk data download
# is ever needed (Kiss & Strunk 2006, "Unsupervised multilingual sentence boundary
# detection": the abbreviation list is the model's main parameter).
# fmt: off
NEWS_ABBREVIATIONS = frozenset(
    (
        "u.s", "u.k", "u.n", "e.u", "u.a.e", "d.c", "n.y", "l.a", "mr", "mrs", "ms", "dr", "prof",
        "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
        "cpl", "pvt", "brig", "cdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp",
        "det", "amb", "sec", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "est", "approx",
        "no", "nos", "vol", "fig", "pp", "vs", "etc", "al", "e.g", "i.e", "cf", "ca", "a.m", "p.m",
        # agencies as American papers' house styles dot them (the New York Times: "F.B.I.")
        "f.b.i", "c.i.a", "s.e.c", "i.r.s", "e.p.a", "f.d.a", "n.s.a", "f.c.c", "f.e.c", "f.a.a",
        "c.d.c", "d.h.s", "g.o.p", "n.r.a", "a.c.l.u", "n.a.a.c.p", "i.m.f", "w.h.o", "n.a.t.o",
        "u.s.s.r", "s.b.u", "f.s.b", "k.g.b", "g.r.u", "o.s.c.e", "i.a.e.a", "i.c.c", "e.c.b",
        # US states as AP style abbreviates them after a politician's party ("(R-Ga.)"),
        # those that are not also English words ("Ill.", "Miss.", "Wash." are left out)
        "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "kans", "ky", "md",
        "mich", "minn", "mont", "neb", "nev", "okla", "tenn", "tex", "vt", "va", "wis", "wyo",
        "n.h", "n.j", "n.m", "n.c", "n.d", "s.c", "s.d", "r.i", "w.va", "ind",
        # states that are also words, only after a party letter ("(R-Miss.) said")
        *(f"{party}-{state}" for party in "rdi" for state in (
            "ill", "miss", "wash", "mass", "pa", "la", "me", "del", "ore", "mo", "ida", "ok",
        )),
    )
)
# fmt: on

# Possessive: a word is the longest run it can be, so re never needs to give back (and
# a text of many word-like runs is scanned faster); same words as \w+(?:[’'\-.]\w+)*.
_WORD_RE = re.compile(r"\w++(?:[’'\-.]\w++)*+")
_WORD_CHAR = re.compile(r"[\w’'\-.]")  # every character of a word is one of these


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the cleaned text; ``line`` is its first line in the original input."""

    index: int
    start: int
    end: int
    line: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its offsets in the cleaned text and the paragraph it belongs to."""

    index: int
    paragraph: int
    start: int
    end: int
    text: str


class Token(NamedTuple):
    """A word token (letters, digits, inner apostrophes, hyphens and periods).

    A NamedTuple, not a dataclass: a Document holds one per word, and a tuple is built
    several times faster."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SourceLine:
    """Maps a run of cleaned text back to a line of the original input (1-based)."""

    start: int
    line: int
    column: int  # 1-based column in the original line of the character at ``start``


@dataclass(frozen=True)
class Document:
    """One article, normalised and split once; the input of every extractor.

    Build it with :func:`build_document`; the constructor stores, it never computes.
    """

    article_id: str
    source: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    words: tuple[str, ...]  # the word tokens' text (see :attr:`tokens`)
    quote_spans: tuple[QuoteSpan, ...]
    line_map: tuple[SourceLine, ...] = field(repr=False)
    title: str = ""

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        """Word tokens with offsets (built on first use)."""
        return tuple(tokenize(self.text))

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """Start offsets of :attr:`words` (built on first use)."""
        return tuple(token.start for token in self.tokens)

    def count_words(self, start: int, end: int) -> int:
        """How many of :attr:`words` start in ``[start, end)``.

        Words hold only word characters, apostrophes, hyphens and periods, so none
        spans a character outside them: scanning from the last such character before
        ``start`` finds the words of the whole text, and no more than needed. A scan
        that stops at ``end`` cuts only a word that goes past ``end``, which still starts
        before it, so the words starting in ``[restart, end)`` less those starting in
        ``[restart, start)`` are counted by two ``findall`` calls.
        """
        text, restart = self.text, start
        while restart > 0 and _WORD_CHAR.match(text, restart - 1):
            restart -= 1
        before = len(_WORD_RE.findall(text, restart, start)) if restart < start else 0
        return len(_WORD_RE.findall(text, restart, end)) - before

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [seg.start for seg in self.line_map]

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph that contains ``offset`` (or precedes it)."""
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that contains ``offset`` (or the one just before it)."""
        if not self.sentences:
            raise ValueError(f"{self.article_id}: the document has no sentences")
        return self.sentences[max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)]

    @cached_property
    def quote_index(self) -> Intervals:
        """:attr:`quote_spans` (their marks included) as an interval index."""
        return Intervals([(span.start, span.end) for span in self.quote_spans])

    def quote_at(self, offset: int) -> QuoteSpan | None:
        """The (first) quote span whose marks enclose ``offset``, if any."""
        i = self.quote_index.first_containing(offset)
        return None if i is None else self.quote_spans[i]

    def location(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of ``offset`` in the original input."""
        if not self.line_map:
            return 1, 1
        seg = self.line_map[max(bisect.bisect_right(self._line_starts, offset) - 1, 0)]
        return seg.line, seg.column + (offset - seg.start)

    def context(self, start: int, end: int, *, width: int = 60) -> str:
        """Keyword-in-context window: ``width`` characters either side, on one line."""
        left = self.text[max(start - width, 0) : start]
        right = self.text[end : end + width]
        return f"{left}[{self.text[start:end]}]{right}".replace("\n", " ")


def normalise(text: str) -> str:
    """NFC, unify line endings and spaces; quote marks and apostrophes stay as written."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return text


# An abbreviation that often ends a sentence, then a word that often starts one: Punkt's
# frequent-sentence-starter rule (Kiss & Strunk 2006, sect. 4.1.2), which our fixed
# parameters leave out, for the cases news copy needs ("talks with the U.S. The Kremlin").
_ABBREVIATION_THEN_STARTER = re.compile(
    r"(?<![\w.])(?:U\.S|U\.K|U\.N|E\.U|U\.A\.E|D\.C|Inc|Corp|Ltd|a\.m|p\.m)\."
    r"(?=\s+(?:He|She|It|They|We|I|The|But|And|In|This|That|These|Those|His|Her|Its|Their|"
    r"There|As|On|At|After|When|While|However|Meanwhile|Yet|So|If|A|An)\s)"
)
_STARTER_NEEDLES = ("U.", "E.U.", "D.C.", "Inc.", "Corp.", "Ltd.", ".m.")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as absolute offsets, whitespace trimmed.

    Punkt's spans (:func:`framing.punkt.span_tokenize`: nltk's, with
    :data:`NEWS_ABBREVIATIONS`), also split after an abbreviation that ends a sentence
    before a frequent sentence starter (:data:`_ABBREVIATION_THEN_STARTER`), trimmed as
    ``str.strip`` trims; a span that is only whitespace is dropped.
    """
    chunk = text[start:end]
    spans = []
    for a, b in _starter_splits(chunk, span_tokenize(chunk, NEWS_ABBREVIATIONS)):
        if a < b and not chunk[a].isspace() and not chunk[b - 1].isspace():
            spans.append((start + a, start + b))  # nothing to trim (the usual case)
            continue
        piece = chunk[a:b]
        stripped = piece.strip()
        if stripped:
            a += len(piece) - len(piece.lstrip())
            spans.append((start + a, start + a + len(stripped)))
    return spans


def _starter_splits(chunk: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """``spans`` cut after each :data:`_ABBREVIATION_THEN_STARTER` inside one."""
    if not any(needle in chunk for needle in _STARTER_NEEDLES):
        yield from spans
        return
    for a, b in spans:
        for m in _ABBREVIATION_THEN_STARTER.finditer(chunk, a, b):
            yield a, m.end()
            a = m.end()
        yield a, b


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The character ranges sorted, empty ones dropped, overlapping or touching ones merged.

    >>> merge_ranges([(5, 9), (0, 2), (2, 3), (7, 12), (4, 4)])
    [(0, 3), (5, 12)]
    """
    merged: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[1] > r[0]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def word_count(text: str) -> int:
    """How many words ``text`` holds, split as :attr:`Document.words` is."""
    return len(_WORD_RE.findall(text))


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets."""
    return [Token(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text)]


ParagraphInput = tuple[int, str, Sequence[tuple[int, int]]]


def build_document(
    article_id: str,
    source: str,
    paragraphs: Sequence[ParagraphInput],
    *,
    title: str = "",
) -> Document:
    """Build a Document from cleaned paragraphs.

    ``paragraphs`` holds ``(line, text, wraps)`` items: ``line`` is the paragraph's
    1-based first line in the original input, ``wraps`` the ``(offset_in_paragraph,
    line)`` starts of further original lines when a paragraph was joined from
    several lines (hard-wrapped text), else empty.
    """
    parts: list[str] = []
    paras: list[Paragraph] = []
    line_map: list[SourceLine] = []
    pos = 0
    for index, (line, raw, wraps) in enumerate(paragraphs):
        body = normalise(raw)
        lead = len(body) - len(body.lstrip())
        body = body.strip()
        if index:
            parts.append(PARAGRAPH_SEPARATOR)
            pos += len(PARAGRAPH_SEPARATOR)
        paras.append(Paragraph(index, pos, pos + len(body), line))
        line_map.append(SourceLine(pos, line, lead + 1))
        for offset, later_line in wraps:
            line_map.append(SourceLine(pos + max(offset - lead, 0), later_line, 1))
        parts.append(body)
        pos += len(body)
    text = "".join(parts)

    sentences: list[Sentence] = []
    for para in paras:
        for a, b in split_sentences(text, para.start, para.end):
            sentences.append(Sentence(len(sentences), para.index, a, b, text[a:b]))

    return Document(
        article_id=article_id,
        source=source,
        text=text,
        paragraphs=tuple(paras),
        sentences=tuple(sentences),
        words=tuple(_WORD_RE.findall(text)),
        quote_spans=tuple(find_quote_spans(text, [(p.start, p.end) for p in paras])),
        line_map=tuple(line_map),
        title=title,
    )


def document_from_text(text: str, *, article_id: str = "doc", source: str = "") -> Document:
    """A Document from plain text with one paragraph per non-blank line (tests, notebooks)."""
    lines = normalise(text).split("\n")
    return build_document(
        article_id, source, [(n, line, ()) for n, line in enumerate(lines, 1) if line.strip()]
    )
