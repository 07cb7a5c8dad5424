"""Punkt sentence boundaries for fixed parameters: nltk's spans without nltk's machinery.

:func:`span_tokenize` gives the spans of nltk's ``PunktSentenceTokenizer.span_tokenize``
(``nltk/tokenize/punkt.py``; the algorithm of Kiss & Strunk 2006, "Unsupervised
multilingual sentence boundary detection") for the English ``PunktLanguageVars`` and
``PunktParameters`` holding abbreviation types only, on every input string. It
follows nltk step by step:

1. candidates: a sentence-end character (``.?!``) followed by other punctuation, or
   by whitespace and a token (``period_context_re``), each with a context that starts
   after the last ASCII whitespace before it, or where the previous context starts
   when there is none, and a candidate is dropped when the next one's context starts
   before it (``_match_potential_end_contexts``);
2. a candidate is a break when its context, split into lines and word tokens as nltk
   splits it, holds a token annotated as a sentence break followed by any token
   (``text_contains_sentbreak``);
3. the slices between breaks, with closing quotes and brackets after a break moved
   to the sentence they close (``_realign_boundaries``).

What is constant under these parameters: the collocation and frequent-sentence-starter
rules never fire (their sets are empty), and ``_ortho_heuristic`` never says True (it
needs a lower-case occurrence in the orthographic context, which is empty), so a token
is annotated by :func:`token_breaks` alone, from its text and the next token's, with
no token object. The common shape of a context (a plain ASCII word, a period, then a
token without ``.?!``) is decided without tokenising it; any other is tokenised with
nltk's pattern.

nltk's patterns are compiled here from the same source by the same ``regex`` engine
(whose ``\\s``, ``\\w`` and ``\\d`` differ from the ``re`` module's), and Python's string
methods are called where nltk calls them, so that character classes agree: nltk's
"last whitespace" is ``string.whitespace`` (ASCII), its tokenizer's is Unicode
White_Space, and its blank-line test (``str.strip``) also counts ``\\x1c``-``\\x1f``. The
equality is a hard requirement, tested against stock nltk.
"""

from __future__ import annotations

import re
from collections.abc import Set
from itertools import pairwise

import regex

SENTENCE_END_CHARS = (".", "?", "!")  # PunktLanguageVars.sent_end_chars

# The sources of PunktLanguageVars' patterns, written out (not VERBOSE) with the
# same escapes; the order of "?!" in the class nltk builds from a set does not matter.
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb\?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_END = rf"(?=\s|$|{_NON_WORD}|{_MULTI_CHAR}|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}))"
WORD_TOKEN = regex.compile(rf"({_MULTI_CHAR}|(?={_WORD_START})\S+?{_WORD_END}|\S)", regex.UNICODE)
BOUNDARY_REALIGNMENT = regex.compile(
    r'["\')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)', regex.MULTILINE
)
# PunktToken's patterns: an initial ("J.") and a number (its type is "##number##").
_INITIAL = regex.compile(r"[^\W\d]\.$", regex.UNICODE)
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")

# nltk's period_context_re (a sentence-end character followed by punctuation, or by
# whitespace and a token) is matched by a scan in Python, str.find being faster than
# a regex engine scanning for a character class; its classes as sets. WHITESPACE is
# the regex engine's \s (Unicode White_Space; Python's str.isspace adds \x1c-\x1f):
# a test checks it against the engine on every code point.
WHITESPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000").union(
    map(chr, range(0x2000, 0x200B))
)
NON_WORD = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb?!")
_SPACE_CLASS = "".join(map(re.escape, sorted(WHITESPACE)))
_NEXT_TOKEN = re.compile(f"[{_SPACE_CLASS}]+([^{_SPACE_CLASS}]+)")
_MARK = re.compile(r"[.?!]")
CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # BOUNDARY_REALIGNMENT's first

_PUNCTUATION = frozenset(";:,.!?")  # PunktSentenceTokenizer.PUNCTUATION
_ASCII_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace: nltk's "last whitespace"
# A word of ASCII letters and digits with single inner periods or hyphens ("U.S",
# "ex-Gov", "3.5"), or nothing: followed by a period and then whitespace or one of
# NON_WORD, nltk's tokenizer makes it and the period one token.
_PLAIN_WORD = re.compile(r"(?:[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*)?")
_PLAIN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*\.?")


def _is_initial(token: str) -> bool:
    """PunktToken.is_initial: one letter and a period ("J.")."""
    return len(token) == 2 and _INITIAL.match(token) is not None


def _is_number(token: str) -> bool:
    """PunktToken's ``type_no_period == "##number##"``, for a period-final token."""
    typ = _NUMERIC.sub("##number##", token.lower())
    if len(typ) > 1 and typ[-1] == ".":
        typ = typ[:-1]
    return typ == "##number##"


def token_breaks(token: str, following: str, abbreviations: Set[str]) -> bool:
    """Whether nltk annotates ``token``, followed by the token ``following``, a sentence break.

    Only the first character of ``following`` and whether it is one of ``;:,.!?`` matter.

    nltk's first pass (``_first_pass_annotation``): ``.``, ``?`` and ``!`` are breaks;
    a run of periods is an ellipsis; a token that ends with one period is an
    abbreviation when its text before the period, lower-cased, or the part of that
    after its last hyphen, is a known abbreviation, else a break.

    nltk's second pass (``_second_pass_annotation``) with these parameters: the
    collocation and frequent-sentence-starter rules never fire (both sets are empty);
    ``_ortho_heuristic`` never says True (it needs a lower-case occurrence in the
    empty orthographic context), says False when the next token is one of ``;:,.!?``
    or starts lower case, else "unknown" (cases as ``str.islower`` and ``str.isupper``
    say: a title-case letter is neither). So an abbreviation or ellipsis never becomes
    a break, and a break on an initial or a number is undone when the orthographic
    heuristic says False, or, for an initial, when the next token starts upper case
    (the special rule for initials: it asks for no lower-case occurrence, and there
    is none).
    """
    if token in SENTENCE_END_CHARS:
        return True
    if token[-1] != "." or token.endswith(".."):
        return False
    stem = token[:-1].lower()
    if stem in abbreviations or stem.rpartition("-")[2] in abbreviations:  # split("-")[-1]
        return False
    first = following[0]
    if following in _PUNCTUATION or first.islower():
        return not (_is_initial(token) or _is_number(token))
    if first.isupper():
        return not _is_initial(token)
    return True


def word_tokens(context: str) -> list[str]:
    """nltk's word tokens of ``context`` (``_tokenize_words``): line by line, blank lines skipped.

    "Blank" is Python's ``strip``, whose whitespace includes ``\\x1c``-``\\x1f``, which
    the tokenizer's ``\\s`` does not: a line of those alone gives no token.
    """
    return [
        token for line in context.split("\n") if line.strip() for token in WORD_TOKEN.findall(line)
    ]


def context_breaks(context: str, abbreviations: Set[str]) -> bool:
    """nltk's ``text_contains_sentbreak``: a break, and a token after it, in the context."""
    tokens = word_tokens(context)
    return any(
        token_breaks(token, following, abbreviations) for token, following in pairwise(tokens)
    )


def _word_start(text: str, low: int, end: int, previous_start: int) -> int:
    """Where nltk's context of a candidate at ``end`` starts (``_match_potential_end_contexts``).

    After the last ASCII whitespace in ``text[low:end]`` (``low`` is the previous
    candidate, 0 for the first); without one, where the previous context started. As
    in nltk, whitespace at index 0 of ``text[low:end]`` counts as none.
    """
    last = max(text.rfind(space, low, end) for space in _ASCII_WHITESPACE)
    return last + 1 if last > low else previous_start


def _marks(text: str) -> list[int]:
    """Offsets of the sentence-end characters in ``text``."""
    if "?" in text or "!" in text:
        return [match.start() for match in _MARK.finditer(text)]
    found = []
    mark = text.find(".")
    while mark >= 0:
        found.append(mark)
        mark = text.find(".", mark + 1)
    return found


Candidate = tuple[int, int, int, int, bool | None]


def _candidates(text: str) -> list[Candidate]:
    """nltk's candidates that survive its overlap rule: ``(start, end, after, next_token, plain)``.

    ``text[end]`` is a sentence-end character followed by a punctuation mark
    (``next_token`` is -1, ``after`` is ``end + 2``) or by whitespace and a token
    (from ``next_token`` to ``after``): a match of nltk's ``period_context_re``.
    ``text[start:end]`` is the text before it in nltk's context; ``plain`` says
    whether that is a plain word (None: not looked at yet).

    nltk yields a candidate unless the next one's context starts before it (no ASCII
    whitespace between them: ``"Hi!!! There"`` gives one candidate, the last ``!``).
    """
    found: list[Candidate] = []
    previous: Candidate | None = None
    previous_start = previous_end = 0
    for end in _marks(text):
        follower = text[end + 1 : end + 2]
        if follower in NON_WORD:
            after, next_start = end + 2, -1
        elif follower in WHITESPACE:
            match = _NEXT_TOKEN.match(text, end + 1)
            if match is None:  # only whitespace follows
                continue
            after, next_start = match.end(), match.start(1)
        else:
            continue
        plain: bool | None = None
        space = text.rfind(" ", previous_end, end)
        if space > previous_end and _PLAIN_WORD.fullmatch(text, space + 1, end):
            start, plain = space + 1, True  # no other whitespace after the last space
        else:
            start = _word_start(text, previous_end, end, previous_start)
        if previous is not None and previous_end <= start:
            found.append(previous)
        previous = (start, end, after, next_start, plain)
        previous_start, previous_end = start, end
    if previous is not None:
        found.append(previous)
    return found


def _is_break(text: str, candidate: Candidate, abbreviations: Set[str]) -> bool:
    """Whether a candidate is a sentence break (nltk's ``text_contains_sentbreak`` on its context).

    The common shape is decided directly. A plain word (``_PLAIN_WORD``) before the mark
    is one token with a period, or one token (never a break: it is not period-final)
    before ``?`` or ``!``. A next token without ``.?!``, or a plain word with a final
    period, holds no break, and its first token starts with its first character and
    is one of ``;:,.!?`` when that character is (``;:,`` are tokens alone): that
    character stands for it in :func:`token_breaks`. Any other context is tokenised
    as nltk tokenises it.
    """
    start, end, after, next_start, plain = candidate
    if plain is None:
        plain = _PLAIN_WORD.fullmatch(text, start, end) is not None
    if plain:
        if next_start < 0:  # one punctuation mark follows, the last token
            if text[end] != ".":
                return True
            return token_breaks(text[start : end + 1], text[end + 1], abbreviations)
        following = text[next_start:after]
        if not following.strip() and "\n" in text[end + 1 : next_start]:
            return False  # the next token's line is blank to Python's strip: no token
        if text[end] != ".":
            return True
        if ("." not in following and "?" not in following and "!" not in following) or (
            _PLAIN_TOKEN.fullmatch(following)
        ):
            return token_breaks(text[start : end + 1], following[0], abbreviations)
    return context_breaks(text[start:after], abbreviations)


def _realign(text: str, slices: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """nltk's ``_realign_boundaries``: closing quotes and brackets join the sentence before.

    As in nltk, an empty slice is dropped, but a slice extended by realignment is kept.
    """
    spans = []
    realign = 0
    for (start, stop), (next_start, next_stop) in pairwise(slices):
        start += realign
        match = (
            BOUNDARY_REALIGNMENT.match(text[next_start:next_stop])
            if next_start < next_stop and text[next_start] in CLOSING
            else None
        )
        if match:
            spans.append((start, next_start + len(match.group(0).rstrip())))
            realign = match.end()
        else:
            realign = 0
            if start < stop:
                spans.append((start, stop))
    start, stop = slices[-1]
    if start + realign < stop:
        spans.append((start + realign, stop))
    return spans


def span_tokenize(text: str, abbreviations: Set[str]) -> list[tuple[int, int]]:
    """nltk's ``PunktSentenceTokenizer(params).span_tokenize(text)`` for ``params`` with
    ``abbrev_types = abbreviations`` and nothing else (the English language variables).

    A text without a candidate (most paragraphs of news copy: one sentence, one final
    period) is one span, the text without trailing whitespace, or none.
    """
    candidates = _candidates(text)
    stop = len(text.rstrip())
    if not candidates:
        return [(0, stop)] if stop else []
    slices = []
    last_break = 0
    for candidate in candidates:
        if _is_break(text, candidate, abbreviations):
            end, next_start = candidate[1], candidate[3]
            slices.append((last_break, end + 1))
            last_break = next_start if next_start >= 0 else end + 1
    slices.append((last_break, stop))
    return _realign(text, slices)
