"""Fast regex scans over many lexicon forms, each equivalent to the plain pattern.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position of the
text: with a hundred case-insensitive forms that is most of the time spent on an
article. This module builds *equivalent* patterns that do less work per position:

* :func:`dispatch`: alternatives grouped by the character they must start with, each
  group behind a one-character lookahead, so only the forms that can start at a
  position are tried there;
* :func:`surface_trie`, :func:`literal_trie`, :func:`prefix_trie`: common prefixes
  written once (a trie), so a position tries each prefix once;
* :func:`matches_at`: a pattern that starts with a lookbehind tried only at the
  positions where a match can start;
* :class:`FoldedPattern`: a case-insensitive pattern with a case-sensitive twin run on
  the lower-cased text when that provably finds the same matches.

Equivalence: a match of ``a|b|...`` at a position is the first alternative, in list
order, that matches there. Two alternatives whose first characters differ (case
folded) can never match at the same position, so keeping the list order within
each group gives the same match, group and span, everywhere.
"""

from __future__ import annotations

import importlib
import json
import operator
import re
import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, NamedTuple

from framing.prepared import prepared

APOSTROPHES = "'’"
# The only non-ASCII characters that re.IGNORECASE matches to an ASCII character
# (İ and ı to i, the Kelvin sign to k, the long s to s); tests/test_alternation.py checks.
ASCII_CASE_TWINS = "\u0130\u0131\u212a\u017f"


def ignorecase_fold(text: str) -> str:
    """``text`` case-folded the way ``re.IGNORECASE`` compares characters: two strings
    that match each other character by character fold to one string.

    ``str.casefold`` alone does that except for two letters that ``re`` matches with
    "i" and "I": "İ" (dotted capital I) folds to "i̇" (two characters) and "ı" (dotless
    small i) to itself, so a lookup keyed by the casefold of what a pattern matched
    would miss "İstanbul" or "MİSSİLES".
    """
    return text.replace("İ", "i").replace("ı", "i").casefold()


@cache
def case_equivalent(a: str, b: str) -> bool:
    """Whether the characters ``a`` and ``b`` match each other under ``re.IGNORECASE``
    (remembered: building the alias tries asks it for the same pairs many times)."""
    return bool(
        re.fullmatch(re.escape(a), b, re.IGNORECASE) or re.fullmatch(re.escape(b), a, re.IGNORECASE)
    )


def first_chars(literal: str) -> str | None:
    """Characters a form written as ``literal`` can start with; None if unknown.

    An apostrophe stands for both ``'`` and ``’`` (forms match either); a leading
    space, hyphen or parenthesis has a regex meaning here, so it is unknown.
    """
    if not literal:
        return None
    first = literal[0]
    if first in APOSTROPHES:
        return APOSTROPHES
    if first.isspace() or first in "-‐‑()":
        return None
    return first


def dispatch(alternatives: Sequence[tuple[str | None, str]]) -> str:
    """Regex source equivalent to ``"|".join(regex for _, regex in alternatives)``.

    Each item is ``(chars, regex)``: ``regex`` only matches text that starts with one
    of ``chars`` (compared case-insensitively, as under ``re.IGNORECASE``). With any
    ``chars`` unknown (None) the plain alternation is returned.
    """
    if not alternatives:
        return r"(?!x)x"
    firsts = [chars for chars, _ in alternatives]
    if any(not chars for chars in firsts):
        return "|".join(regex for _, regex in alternatives)
    known = [chars for chars in firsts if chars]
    groups = []
    for chars, members in _char_buckets(known, case_equivalent):
        body = "|".join(alternatives[i][1] for i in members)
        first = "".join(sorted(chars))
        groups.append((first, f"(?={char_class(first)})(?:{body})"))
    # one test first, so positions where no alternative can start fail at once
    return f"(?={char_class(''.join(known))})(?:{_halves(groups)})"


def _halves(groups: Sequence[tuple[str, str]]) -> str:
    """The alternation of the groups' bodies, nested by halves behind a class of their
    first characters (a superset is fine): a position tests about log2(n) classes, not
    n. No two groups can match at the same position, so their order does not matter."""
    if len(groups) <= 3:
        return "|".join(body for _, body in groups)
    half = len(groups) // 2
    left = "".join(chars for chars, _ in groups[:half])
    return f"(?={char_class(left)})(?:{_halves(groups[:half])})|{_halves(groups[half:])}"


def char_class(chars: str) -> str:
    """A regex character class of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


# ---------------------------------------------------------------- surface tries

SPACE_REGEX = r"\s+"
APOSTROPHE_REGEX = "[’']"


def surface_char_regex(ch: str) -> str:
    """Regex of one character of a surface form: a space matches any run of spaces, an
    apostrophe either apostrophe, anything else itself (case-insensitively)."""
    if ch == " ":
        return SPACE_REGEX
    if ch in APOSTROPHES:
        return APOSTROPHE_REGEX
    return re.escape(ch)


def surface_regex(surface: str) -> str:
    """Regex of a surface form, character by character (:func:`surface_char_regex`)."""
    return "".join(map(surface_char_regex, surface))


def _fold(ch: str) -> str:
    """Characters with the same fold have the same :func:`surface_char_regex` under
    ``re.IGNORECASE`` (ASCII case, the two apostrophes)."""
    if ch in APOSTROPHES:
        return "'"
    return ch.lower() if ch.isascii() else ch


def _may_share(a: str, b: str) -> bool:
    """Whether the regexes of folded characters ``a`` and ``b`` can match one text character."""
    if a == b:
        return True
    if " " in (a, b):
        return (b if a == " " else a).isspace()
    if "'" in (a, b):
        return False  # the apostrophe class matches only apostrophes, which fold to "'"
    return case_equivalent(a, b)


def _plain_spaces(surface: str) -> bool:
    """Whether every whitespace of ``surface`` is one space between two other characters."""
    return all(
        ch == " "
        and 0 < i < len(surface) - 1
        and not surface[i - 1].isspace()
        and not surface[i + 1].isspace()
        for i, ch in enumerate(surface)
        if ch.isspace()
    )


class _Chars(NamedTuple):
    """How the characters of the alternatives of a trie match text."""

    regex: Callable[[str], str]  # regex of one character
    fold: Callable[[str], str]  # characters with equal folds have equal regexes
    may_share: Callable[[str, str], bool]  # whether two folds can match one text character


_SURFACE_CHARS = _Chars(surface_char_regex, _fold, _may_share)
_LITERAL_CHARS = _Chars(re.escape, str, operator.eq)


def surface_trie(surfaces: Sequence[str]) -> str:
    """Regex equivalent to ``"|".join(surface_regex(s) for s in surfaces)`` (re.IGNORECASE),
    with common prefixes written once, so that a text position tries each prefix once.

    Equivalence: ``PX|PY`` is ``P(?:X|Y)`` when ``P`` can match in only one way (each
    ``\\s+`` is followed by a character that is not a space, :func:`_plain_spaces`);
    alternatives whose next characters can never match the same text character may
    change order (as in :func:`dispatch`); all others keep their list order, and a
    surface that ends where others go on must be the last of them (else that point
    is written as the plain alternation).
    """
    if not surfaces:
        return r"(?!x)x"
    if not all(map(_plain_spaces, surfaces)):
        return dispatch([(first_chars(s), surface_regex(s)) for s in surfaces])
    return _trie(list(surfaces), 0, _SURFACE_CHARS)


def literal_trie(words: Sequence[str]) -> str:
    """Regex equivalent to ``"|".join(map(re.escape, words))`` matched case-sensitively,
    with common prefixes written once (see :func:`surface_trie`)."""
    return _trie(list(words), 0, _LITERAL_CHARS) if words else r"(?!x)x"


def _char_buckets(
    firsts: Sequence[Iterable[str]], may_share: Callable[[str, str], bool]
) -> list[tuple[set[str], list[int]]]:
    """Indexes of ``firsts`` (the characters each item can start with) grouped so that
    no text character matches two groups (``may_share`` tells whether two characters
    can match one text character): ``(characters, indexes)`` in the order of each
    group's first index."""
    buckets: list[tuple[set[str], list[int]]] = []
    for i, chars in enumerate(firsts):
        keys, members = set(chars), [i]
        for bucket in [b for b in buckets if any(may_share(k, o) for k in keys for o in b[0])]:
            buckets.remove(bucket)
            keys, members = keys | bucket[0], sorted(members + bucket[1])
        buckets.append((keys, members))
    return sorted(buckets, key=lambda b: b[1][0])


def _trie(items: list[str], depth: int, chars: _Chars) -> str:
    """Alternation of ``items`` from character ``depth`` on; they agree before it (folded)."""

    def rest(item: str) -> str:
        return "".join(map(chars.regex, item[depth:]))

    ended = [i for i, s in enumerate(items) if len(s) == depth]
    if ended and ended != [len(items) - 1]:
        return "(?:" + "|".join(map(rest, items)) + ")"
    parts = []
    heads = [chars.fold(s[depth]) for s in items[: len(items) - len(ended)]]
    for keys, members in _char_buckets(heads, chars.may_share):
        group = [items[i] for i in members]
        if len(keys) == 1:
            part = chars.regex(group[0][depth]) + _trie(group, depth + 1, chars)
        else:
            part = "(?:" + "|".join(map(rest, group)) + ")"
        parts.append(("".join(first_chars(s) or s[0] for s in group), part))
    if depth == 0 and not ended:  # the first characters are never spaces (_plain_spaces)
        return parts[0][1] if len(parts) == 1 else f"(?:{_halves(parts)})"
    bodies = [part for _, part in parts] + ([""] if ended else [])
    return bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"


def prefix_trie(items: Sequence[tuple[str, str]]) -> str:
    """Regex equivalent to ``"|".join(prefix + tail for prefix, tail in items)`` under
    ``re.IGNORECASE``, each ``prefix`` a run of letters and digits (so literal text) and
    ``tail`` any regex, with common prefixes written once.

    Equivalence as in :func:`surface_trie`: a literal prefix matches in one way only, so
    ``PX|PY`` is ``P(?:X|Y)``; items whose next characters can never match one text
    character may change order; the items whose prefix ends where others go on must
    come after all of them (else that point is written as the plain alternation).
    """
    if not all(prefix.isalnum() or not prefix for prefix, _ in items):
        raise ValueError("prefixes must be letters and digits")
    return _prefix_trie(list(items), 0) if items else r"(?!x)x"


def _prefix_trie(items: list[tuple[str, str]], depth: int) -> str:
    """Alternation of ``items`` from character ``depth`` of their prefixes on (they agree
    before it, folded)."""

    def rest(item: tuple[str, str]) -> str:
        return item[0][depth:] + item[1]

    going = [item for item in items if len(item[0]) > depth]
    if any(len(prefix) <= depth for prefix, _ in items[: len(going)]):
        return "(?:" + "|".join(map(rest, items)) + ")"
    bodies = []
    heads = [_fold(prefix[depth]) for prefix, _ in going]
    for keys, members in _char_buckets(heads, _may_share):
        group = [going[i] for i in members]
        if len(keys) == 1:
            bodies.append(group[0][0][depth] + _prefix_trie(group, depth + 1))
        else:
            bodies.append("(?:" + "|".join(map(rest, group)) + ")")
    bodies += [tail for _, tail in items[len(going) :]]
    return bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int]
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when each match of ``pattern`` starts at one of ``starts``
    (sorted): ``pattern`` is tried only there, from the end of the last match on.

    ``re`` cannot skip ahead to a pattern that opens with a lookbehind, so it would try
    every position of the text; the few places where a match can start are cheap to find.
    """
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end()


# ---------------------------------------------------------------- case-folded twin


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


@lru_cache(maxsize=1)
def uncased_lower(text: str) -> str | None:
    """``text.lower()`` if every non-ASCII character ``c`` of ``text`` has
    ``c.lower() == c == c.upper()`` (curly quotes, dashes: yes; "é", "ſ", "ı", "İ",
    Kelvin "K", "Σ": no), else None. Cached for the last text: the scans of one article
    share it.

    Checked in C: a string's lower (upper) case is the concatenation of its characters'
    mappings, none of them empty, and UTF-8 is one-to-one while ``bytes.lower`` changes
    only ASCII letters, so ``text.lower()`` encodes to the bytes of ``text`` lower-cased
    exactly when lower-casing changes no non-ASCII character; the same for upper case.
    """
    lower = text.lower()
    if text.isascii():
        return lower
    data = _utf8(text)
    if _utf8(lower) == data.lower() and _utf8(text.upper()) == data.upper():
        return lower
    return None


@cache
def _twin_char(ch: str) -> str:
    """What a surface character ``ch`` is in the twin: the one character of lower-cased
    text it matches under ``re.IGNORECASE`` when that is an ASCII letter (an ASCII capital
    its lower case; "ı" and "İ" match "i", "ſ" "s", Kelvin "K" "k"), else ``ch`` itself."""
    if ch.isascii():
        return ch.lower()
    return next((a for a in string.ascii_lowercase if case_equivalent(ch, a)), ch)


def twin_surface(surface: str) -> str:
    """``surface`` as the case-sensitive twin spells it (:func:`_twin_char`, per character)."""
    return "".join(map(_twin_char, surface))


@dataclass(frozen=True, slots=True)
class FoldedPattern:
    """A case-insensitive pattern of lexicon surfaces, with a faster case-sensitive twin.

    ``ignorecase`` is built from the surfaces and ``lowercase`` the same way from the
    surfaces as the twin spells them (:func:`twin_surface`, applied before any regex is
    written: lower-casing regex source would turn ``\\S`` into ``\\s``): one character
    for one, in the same order, so the alternatives keep their order and groups. ``re``
    runs the twin about twice as fast (its literal fast paths are case-sensitive).

    Equivalence on a text with no cased non-ASCII character (:func:`uncased_lower`):
    ``text.lower()`` has the same length and differs from ``text`` only in ASCII capitals.
    Such a text holds ASCII characters and uncased ones. Under ``re.IGNORECASE`` a surface
    character matches an ASCII letter of it exactly when the twin's character is that
    letter lower-cased ("ı" matches "I" and "i", so the twin has "i"); an uncased
    character matches only itself; a cased non-ASCII character with no ASCII equivalent
    ("ö") matches nothing in this text, in either pattern. Classes (``\\w``, ``\\s``,
    apostrophes, hyphens) and lookarounds treat an ASCII letter and its capital alike. So
    each alternative of the twin matches ``text.lower()`` where its original matches
    ``text``, and the first to match is the same: same spans and ``lastgroup``. Read the
    matched text from ``text`` by span.
    """

    ignorecase: re.Pattern[str]
    lowercase: re.Pattern[str]

    @classmethod
    def build(
        cls, surfaces: Sequence[str], source: Callable[[Sequence[str]], str]
    ) -> FoldedPattern:
        """``source(surfaces)`` compiled case-insensitively, and its twin."""
        return cls.compiled(source(surfaces), source([twin_surface(s) for s in surfaces]))

    @classmethod
    def compiled(cls, ignorecase: str, lowercase: str) -> FoldedPattern:
        """The pattern of regex source ``ignorecase`` and its twin's ``lowercase``."""
        return cls(re.compile(ignorecase, re.IGNORECASE), re.compile(lowercase))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``self.ignorecase.finditer(text)``: matches whose spans and ``lastgroup`` are
        those of the case-insensitive pattern. Their text may be lower-cased: read it from
        ``text`` by span (``text[m.start(g) : m.end(g)]``)."""
        lower = uncased_lower(text)
        if lower is not None:
            return self.lowercase.finditer(lower)
        return self.ignorecase.finditer(text)


def alias_source(surfaces: Sequence[str]) -> str:
    """Regex source of :func:`alias_pattern`, for surfaces already sorted longest first."""
    firsts = "".join(first_chars(s) or "" for s in surfaces)
    start = f"(?={char_class(firsts)})" if surfaces and all(map(first_chars, surfaces)) else ""
    return rf"(?<![\w’'-]){start}(" + surface_trie(surfaces) + r")(?=(?:[’']s?)?(?![\w-]))"


def alias_pattern(surfaces: Sequence[str]) -> FoldedPattern:
    """Names (actor aliases, places) as one case-insensitive pattern: longest first, common
    prefixes written once (:func:`surface_trie`); a name starts after no word character,
    apostrophe or hyphen and ends before none, a possessive allowed ("Russia's"). Group 1
    is the name."""
    ordered = sorted(surfaces, key=len, reverse=True)

    def sources() -> list[str]:
        return [alias_source(ordered), alias_source([twin_surface(s) for s in ordered])]

    # the tries of a few thousand names take a third of a second to write: kept on disk
    return FoldedPattern.compiled(*prepared("alias-pattern", json.dumps(ordered), sources))


# ---------------------------------------------------------------- required text
# Read from ``re``'s own parse of a pattern. The parser is a private module: if it is
# missing or changes shape, the answers are the ones that assume nothing.


def _parsed(pattern: re.Pattern[str]) -> list[tuple[Any, Any]] | None:
    try:
        parser = importlib.import_module("re._parser")
        return list(parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # a private parser: any surprise means "unknown"
        return None


def _opcodes() -> Any:
    try:
        return importlib.import_module("re._constants")
    except ImportError:
        return None


def opens_with_repeat(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` starts with a repeated or optional item (``.{10,400}``,
    ``(...)?``), which ``re`` can only fail by backtracking; False when unknown."""
    sre = _opcodes()
    items = _parsed(pattern)
    while items and sre is not None:
        op, av = items[0]
        if op is not sre.SUBPATTERN:
            return op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
        items = list(av[-1])
    return False


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of ASCII literal characters that every match of ``pattern``
    contains, lower-cased; "" when none is found.

    Consecutive literals of the top-level sequence, of groups and of repeats that occur
    at least once (alternations, classes, lookarounds and optional parts add nothing;
    ``re`` writes the common prefix of an alternation's branches as literals before
    it). A text that is ASCII and whose lower case lacks the run cannot match, with or
    without ``re.IGNORECASE``: on ASCII text an ASCII letter matches only itself and
    its other case.
    """
    sre = _opcodes()
    runs: list[str] = [""]

    def walk(items: Iterable[tuple[Any, Any]]) -> None:
        run = ""
        for op, av in items:
            if op is sre.LITERAL and av < 128:
                run += chr(av)
                continue
            runs.append(run)
            run = ""
            if op is sre.SUBPATTERN:
                walk(av[-1])
            elif op is sre.ATOMIC_GROUP:
                walk(av)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
                walk(av[2])
        runs.append(run)

    items = _parsed(pattern)
    try:
        walk(items if sre is not None and items is not None else ())
    except Exception:  # see _parsed
        return ""
    return max(runs, key=len).lower()
