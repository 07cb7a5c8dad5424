"""Refuse to analyse text that is not English, instead of silently counting nothing.

The lexicons, the reporting verbs, VADER and the readability formulas are all
English. Two cheap checks, no model: the script (share of Latin letters among all
letters) and English function words (share of tokens that are among the commonest
English words; running English prose is around 40-50 %, other Latin-script
languages a few per cent).
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence

MIN_LATIN_SHARE = 0.5
MIN_FUNCTION_WORD_SHARE = 0.12
MIN_TOKENS_FOR_WORD_CHECK = 40
FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are "
    "but from or have an they which one you were her all she there would their we him been "
    "has when who will more no if out so said what up its about into than them can only "
    "other new some could time these two may then do first any my now such like our over "
    "man me even most made after also did many before must through back years where much "
    "your way well down should because each just those how too little state good very make "
    "world still own see men work long get here between both life being under never day "
    "same another know while last might us great old year off come since against go came "
    "right used take three".split()
)


_ASCII_RUN = re.compile("[\x00-\x7f]+")
_LATIN_EXTENDED_RUN = re.compile("[\u00c0-\u024f]+")
_ASCII_LETTERS = string.ascii_letters.encode()


def _script_name(ch: str) -> str:
    if "\u0400" <= ch <= "\u04ff":
        return "Cyrillic"
    if "\u0370" <= ch <= "\u03ff":
        return "Greek"
    if "\u0600" <= ch <= "\u06ff":
        return "Arabic"
    if "\u4e00" <= ch <= "\u9fff":
        return "CJK"
    return "non-Latin"


def _ascii_letter_count(text: str) -> int:
    """Letters among the ASCII characters, counted in C by ``bytes.translate``."""
    ascii_bytes = text.encode("ascii", "ignore")
    return len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_LETTERS))


def script_of(text: str) -> tuple[float, str]:
    """(share of Latin letters among letters, name of the commonest other script).

    Latin: ASCII and U+00C0..U+024F. Only the (usually few) non-ASCII characters are
    looked at one by one. The ASCII runs are dropped by a pattern that matches them:
    ``re`` takes a long run in one match, far cheaper than failing at every position.
    """
    non_ascii = _ASCII_RUN.sub("", text)
    letters = _ascii_letter_count(text) + sum(map(str.isalpha, non_ascii))
    scripts: dict[str, int] = {}
    for ch in _LATIN_EXTENDED_RUN.sub("", non_ascii):
        if ch.isalpha():
            name = _script_name(ch)
            scripts[name] = scripts.get(name, 0) + 1
    other = sum(scripts.values())
    main_other = max(scripts, key=lambda k: scripts[k]) if scripts else ""
    return ((letters - other) / letters if letters else 1.0), main_other


def _short_function_word_share(tokens: Sequence[str], *, chunk: int = 64) -> float | None:
    """The share of ``tokens`` (not empty) that are function words when it is below
    :data:`MIN_FUNCTION_WORD_SHARE`, else None. Counted ``chunk`` tokens at a time: once
    the tokens counted so far make the minimum share of all, the full count can only
    be larger, and English text gets there within a few chunks."""
    count = 0
    for i in range(0, len(tokens), chunk):
        count += sum(map(FUNCTION_WORDS.__contains__, map(str.lower, tokens[i : i + chunk])))
        if count / len(tokens) >= MIN_FUNCTION_WORD_SHARE:
            return None
    return count / len(tokens)


def language_problem(text: str, tokens: Sequence[str]) -> str | None:
    """Why this text is not analysable English, or None when it is."""
    latin_share, other = script_of(text)
    if latin_share < MIN_LATIN_SHARE:
        return (
            f"not English: {1 - latin_share:.0%} of letters are {other} "
            "(the lexicons and sentiment model are English)"
        )
    if len(tokens) >= MIN_TOKENS_FOR_WORD_CHECK:
        share = _short_function_word_share(tokens)
        if share is not None:
            return (
                f"not English: only {share:.0%} of words are common English function words "
                f"(English prose has over {MIN_FUNCTION_WORD_SHARE:.0%})"
            )
    return None
