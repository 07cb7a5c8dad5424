"""Quote attribution: word, chunk and trimming helpers over the document text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from framing.extract.quotes.patterns import (
    _END_JUNK,
    _FINITE,
    _IRREGULAR_PAST,
    _LEADING_JUNK,
    _RELATIVES,
    _WORD,
    AUX_ADVERBS,
    LEAD_CONJUNCTIONS,
    PREPOSITIONS,
)
from framing.quotemarks import QuoteSpan


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _has_two_words(text: str, start: int, end: int) -> bool:
    """``len(_words(text[start:end])) >= 2``, without finding the words past the second."""
    return len(list(islice(_WORD.finditer(text, start, end), 2))) == 2


def _in_spans(pos: int, spans: Sequence[QuoteSpan]) -> QuoteSpan | None:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding spaces and punctuation."""
    segment = text[start:end]
    body = segment.lstrip(_LEADING_JUNK)
    start += len(segment) - len(body)
    return start, start + len(body.rstrip(_END_JUNK))


def _strip_tail(words: list[str]) -> list[str]:
    """Drop auxiliaries, adverbs and time words from the end of a subject."""
    end = len(words)
    while end:
        low = words[end - 1].lower()
        if low not in AUX_ADVERBS and not (low.endswith("ly") and words[end - 1][0].islower()):
            break  # (a capitalised -ly word is a name: "Schlafly")
        end -= 1
    return words[:end]


def _strip_head(words: list[str]) -> list[str]:
    """Drop leading conjunctions ("But", "and")."""
    start = 0
    while start < len(words) and words[start].lower() in LEAD_CONJUNCTIONS:
        start += 1
    return words[start:]


def _is_interjection(words: list[str]) -> bool:
    if not words:
        return True
    first = words[0].lower()
    return (
        first in PREPOSITIONS
        or first in {"who", "which", "whose", "where", "also", "whom"}
        or (first.endswith("ing") and first[0].islower())
        or (len(words) == 1 and (first.endswith("ly") or first.isdigit()))
        or (words[0].isdigit() and all(w.isdigit() for w in words))
    )


_CHUNK_MARK = re.compile(r"[(),;:—–-]")


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma- and dash-separated pieces of ``text[start:end]`` (outside parentheses)."""
    pieces: list[tuple[int, int]] = []
    depth, last = 0, start
    for m in _CHUNK_MARK.finditer(text, start, end):  # only the characters tested below
        i, ch = m.start(), m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (
            ch in ",;:"
            or (ch in "—–-" and text[i - 1 : i] == " " and text[i + 1 : i + 2] == " ")
            or (ch in "—–" and text[i - 1 : i] == " ")
        ):
            pieces.append((last, i))
            last = i + 1
    pieces.append((last, end))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _is_possessive(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a possessive ("Russia's",
    "the United States’"); a name at the very end of the text is not."""
    return text[end : end + 2] in ("’s", "'s") or (
        text[end : end + 1] in ("’", "'") and text[end - 1 : end] == "s"
    )


def is_possessive_word(word: str) -> bool:
    """Whether a lower-cased word is a possessive ("zelensky's", "their"): what
    :func:`_is_possessive` tells of a name in the text, for one word."""
    return word.endswith(("'s", "’s")) or word in ("his", "her", "their", "its")


def _join(*warnings: str) -> str:
    return "; ".join(w for w in warnings if w)


_CIRCUMSTANCE_START = frozenset("this last next earlier later since in on at during".split())
_CIRCUMSTANCE_WORDS = frozenset(
    "this last next earlier later since in on at during a an the week month year day "
    "morning afternoon evening night weekend time news conference interview statement "
    "monday tuesday wednesday thursday friday saturday sunday ago that".split()
)


def only_circumstance(content: str) -> bool:
    """Whether a reported clause is only a time or a setting ("said this week", "hinted
    in a news conference Monday", "proposed in 2013"): no content at all.

    >>> only_circumstance("this week"), only_circumstance("the talks had failed")
    (True, False)
    """
    words = [w.lower().rstrip(".") for w in _words(content)]
    if not words or words[0] not in _CIRCUMSTANCE_START or len(words) > 6:
        return False
    return all(w in _CIRCUMSTANCE_WORDS or w.isdigit() for w in words)


# before a programme's name: "on", "to" or "in", or an outlet's possessive ("on ABC's",
# "told CNN's")
_TITLE_BEFORE = re.compile(r"\b(?:on|to|in)\s*$|\b[A-Z][\w.&-]*['’]s\s+$")
_THAT_AFTER = re.compile(r"\s*that\b")
_SENTENCE_END_AFTER = re.compile(r"[.,]?(?:\s|$)")


def title_before_that(text: str, span: QuoteSpan, floor: int) -> bool:
    """Whether a quotation is a programme's or a publication's name after "on", "to", "in"
    or an outlet's possessive: capitalised, up to six words, followed by "that" (``said on
    “Face the Nation” that ...``), or in title case and ending the sentence (``said in an
    interview aired Monday on “New Day.”``).

    >>> from framing.quotemarks import find_quote_spans
    >>> text = "Graham said on “Morning Joe” that it was over."
    >>> title_before_that(text, find_quote_spans(text, [(0, len(text))])[0], 0)
    True
    """
    words = _words(text[span.inner_start : span.inner_end])
    if not (
        0 < len(words) <= 6
        and words[0][0].isupper()
        and _TITLE_BEFORE.search(text, max(floor, span.start - 30), span.start) is not None
    ):
        return False
    if _THAT_AFTER.match(text, span.end) is not None:
        return True
    title_case = all(w[0].isupper() for w in words if len(w) > 3)
    closes = text[span.inner_end - 1 : span.inner_end] in ".,"
    return title_case and (closes or _SENTENCE_END_AFTER.match(text, span.end) is not None)


def _pronoun_after_phrase(words: list[str]) -> bool:
    """Whether a prepositional phrase of up to five words ends in a subject pronoun
    ("in September she", "at the rally he"): the pronoun is the verb's subject."""
    return (
        2 < len(words) <= 6
        and words[0].lower() in PREPOSITIONS
        and words[-1].lower() in _PERSONAL_SUBJECT_PRONOUNS
        and not any(w.lower() in _PERSONAL_SUBJECT_PRONOUNS for w in words[:-1])
    )


# subject pronouns of persons and groups ("it" left out: "in the statement it")
_PERSONAL_SUBJECT_PRONOUNS = frozenset("he she they we i".split())


_POSSESSIVE_DETERMINERS = frozenset("his her their its our my".split())


def _clause_follows(written: list[str]) -> bool:
    """Whether the words after a verb hold a finite verb of their own, before any relative
    word ("the officials were wrong", "his survey showed"): a zero-that clause, no speaker.
    Past forms count only after a possessive ("his survey showed", not "officials involved
    in the talks")."""
    possessive = written[0].lower() in _POSSESSIVE_DETERMINERS
    for w in written[1:]:
        low = w.lower()
        if low in _RELATIVES:
            return False
        if low in _FINITE or (possessive and w[0].islower() and low.endswith("ed")):
            return True
    return False


def _first_verb(text: str, start: int, end: int) -> int | None:
    """Where the first finite-looking verb of ``text[start:end]`` starts (an auxiliary or
    a lower-case past form after the first word), or None."""
    for i, m in enumerate(_WORD.finditer(text, start, end)):
        w = m.group()
        if (
            i
            and w[0].islower()
            and (w in _FINITE or w in _IRREGULAR_PAST or (len(w) > 3 and w.endswith("ed")))
        ):
            return m.start()
    return None


# a short parenthesis right before the verb: a party and state ("(R-Ga.)"), an acronym
_TRAILING_PARENTHESIS = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _before_parenthesis(text: str, start: int, end: int) -> int:
    """Where the subject before ``end`` ends once a short parenthesis just before the verb
    is set aside: "Sen. Jane Roe (R-Ga.) said" reads as "Sen. Jane Roe said"."""
    if text[start:end].rstrip()[-1:] != ")":
        return end
    m = _TRAILING_PARENTHESIS.search(text, max(start, end - 40), end)
    return m.start() if m else end
