"""Find quotation spans from quote marks, refusing to guess silently.

Recognised marks: straight and curly double quotes, guillemets, and single quotes
used as quote marks (an apostrophe between letters, as in "Ukraine’s", is not one).
A span never crosses a paragraph boundary: an unclosed quote ends at the end of its
paragraph, with ``continues=True`` when the next paragraph re-opens it (the
journalistic convention for quotes running over several paragraphs) and a
``warning`` otherwise. Mismatched pairs (a quote opened with a double mark and
closed with a single one, as in one of the seed articles, or an opening mark used to
close: “...“) are closed where the closing mark stands and flagged, so that the rest
of the article is not swallowed. German „...“ pairs are recognised.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹‛"
SINGLE_CLOSE = "’›"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = frozenset(DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + '"' + "'")

_OPEN_CONTEXT = " \t\n([{—–-/:;"
_CLOSE_PUNCT = ",.!?;:"

# Warning codes (grep-able, stable: they end up in the quotes table's warning column).
UNCLOSED = "W101 unclosed quotation mark"
MISMATCHED = "W102 quotation opened and closed with different marks"
STRAY_CLOSE = "W103 closing quotation mark without an opening one"


class QuoteSpan(NamedTuple):
    """Quoted text; ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    open_mark: str
    close_mark: str
    paragraph: int
    continues: bool = False
    warning: str = ""

    @property
    def level(self) -> str:
        """``double`` or ``single``: which kind of mark opened the quote."""
        return "single" if self.open_mark in SINGLE_OPEN + STRAIGHT_SINGLE else "double"


def _is_apostrophe(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev.isalnum() and nxt.isalnum()


def _opens(text: str, i: int, start: int) -> bool:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev in _OPEN_CONTEXT or prev in "“‘\"'") and not nxt.isspace()


def mark_offsets(text: str) -> list[int]:
    """Offsets of the quote marks in ``text``, in order: a ``str.find`` pass per mark
    (a few fast C scans instead of one character class tried at every offset)."""
    offsets = []
    for mark in ALL_MARKS:
        i = text.find(mark)
        while i >= 0:
            offsets.append(i)
            i = text.find(mark, i + 1)
    offsets.sort()
    return offsets


def _scan_paragraph(
    text: str, start: int, end: int, index: int, marks: Sequence[int]
) -> list[QuoteSpan]:
    """The spans of the paragraph ``text[start:end]``, whose quote marks stand at ``marks``."""
    spans: list[QuoteSpan] = []
    double: tuple[int, str] | None = None  # (offset, mark) of the open double quote
    single: tuple[int, str] | None = None  # open top-level single quote
    nested = 0  # single quotes opened inside a double quote

    def close(opened: tuple[int, str], i: int, mark: str, warning: str = "") -> None:
        spans.append(
            QuoteSpan(opened[0], i + 1, opened[0] + 1, i, opened[1], mark, index, False, warning)
        )

    for i in marks:
        ch = text[i]
        if ch in DOUBLE_OPEN or (
            ch == STRAIGHT_DOUBLE and double is None and _opens(text, i, start)
        ):
            if single is not None and ch == STRAIGHT_DOUBLE:
                pass  # handled below as a possible mismatched close
            elif double is None:
                double, nested = (i, ch), 0
                continue
            elif double[1] == "„" and ch == "“":
                close(double, i, ch)  # German and Central European „...“
                double, nested = None, 0
                continue
            elif not _opens(text, i, start):
                close(double, i, ch, MISMATCHED)  # an opening mark used to close: “...“
                double, nested = None, 0
                continue
            else:
                j = i  # a new opening mark: the open quote ends before it, unclosed
                while j > double[0] + 1 and text[j - 1].isspace():
                    j -= 1
                spans.append(
                    QuoteSpan(double[0], j, double[0] + 1, j, double[1], "", index, False, UNCLOSED)
                )
                double, nested = (i, ch), 0
                continue
        if ch in DOUBLE_CLOSE or ch == STRAIGHT_DOUBLE:
            if double is not None:
                close(double, i, ch)
                double, nested = None, 0
            elif single is not None:
                close(single, i, ch, MISMATCHED)
                single = None
            else:
                spans.append(QuoteSpan(i, i + 1, i + 1, i + 1, "", ch, index, False, STRAY_CLOSE))
            continue
        # single marks
        if _is_apostrophe(text, i):
            continue
        if ch in SINGLE_OPEN or (ch == STRAIGHT_SINGLE and _opens(text, i, start)):
            if double is not None:
                nested += 1
            elif single is None:
                single = (i, ch)
            continue
        # a closing single mark (’ or ' not between letters)
        if double is not None:
            if nested:
                nested -= 1
            elif text[i - 1] in _CLOSE_PUNCT:
                close(double, i, ch, MISMATCHED)
                double = None
        elif single is not None:
            close(single, i, ch)
            single = None
        # otherwise: a possessive apostrophe after a plural ("Ukrainians’ "), not a mark

    for opened in (double, single):
        if opened is not None:
            nxt = text[end + 2] if end + 2 < len(text) else ""
            continues = opened is double and (nxt in DOUBLE_OPEN or nxt == STRAIGHT_DOUBLE)
            spans.append(
                QuoteSpan(
                    opened[0],
                    end,
                    opened[0] + 1,
                    end,
                    opened[1],
                    "",
                    index,
                    continues,
                    "" if continues else UNCLOSED,
                )
            )
    return sorted(spans, key=lambda s: s.start)


def find_quote_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[QuoteSpan]:
    """Quote spans of ``text``, scanning each ``(start, end)`` paragraph separately
    (a paragraph without a quote mark has none)."""
    marks = mark_offsets(text)
    spans: list[QuoteSpan] = []
    for index, (start, end) in enumerate(paragraphs):
        first = bisect.bisect_left(marks, start)
        stop = bisect.bisect_left(marks, end, first)
        if first < stop:
            spans.extend(_scan_paragraph(text, start, end, index, marks[first:stop]))
    return spans
