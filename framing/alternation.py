"""Fast regex alternations over many lexicon forms, dispatched on the first character.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position of the
text: with a hundred case-insensitive forms that is most of the time spent on an
article. :func:`dispatch` builds an *equivalent* pattern in which the alternatives
are grouped by the character they must start with, each group behind a one-character
lookahead, so at any position only the few forms that can start there are tried.

Equivalence: a match of ``a|b|...`` at a position is the first alternative, in list
order, that matches there. Two alternatives whose first characters differ (case
folded) can never match at the same position, so keeping the list order within
each group gives the same match, group and span, everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

APOSTROPHES = "'’"


def case_equivalent(a: str, b: str) -> bool:
    """Whether the characters ``a`` and ``b`` match each other under ``re.IGNORECASE``."""
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


def _buckets(firsts: Sequence[str]) -> list[tuple[str, list[int]]]:
    """Alternative indices grouped so that no text character opens two groups."""
    buckets: list[tuple[str, list[int]]] = []
    for i, chars in enumerate(firsts):
        merged_chars, merged = chars, [i]
        keep = []
        for bucket_chars, members in buckets:
            if any(case_equivalent(a, b) for a in bucket_chars for b in chars):
                merged_chars += bucket_chars
                merged += members
            else:
                keep.append((bucket_chars, members))
        buckets = [*keep, ("".join(sorted(set(merged_chars))), sorted(merged))]
    return sorted(buckets, key=lambda b: b[1][0])


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
    for chars, members in _buckets(known):
        body = "|".join(alternatives[i][1] for i in members)
        groups.append(f"(?={_char_class(chars)})(?:{body})")
    # one test first, so positions where no alternative can start fail at once
    return f"(?={_char_class(''.join(known))})(?:{'|'.join(groups)})"


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"
