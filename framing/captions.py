"""Captions, embedded posts and story lists by shape: the picture and post chrome that
:mod:`framing.clean` removes after its line patterns (thresholds in the docstring of
:mod:`framing.chrome`).

A caption written as a sentence describes a picture: its subject does something in
the present tense ("poses", "take shelter", "are seen") on a date given with its year,
where a report narrates in the past ("met ... on June 3, 2024"); a credit stands under
it ("JANE DOE/PA"), its alternative text or a cut preview above it. An embedded post
ends in a signature line ("— Name (@handle) January 12, 2023"), and a live page lists
other stories as titles led by a dash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from framing import chrome

_EN_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|"
    "september|oct|october|nov|november|dec|december"
)
_DATE_WITH_YEAR = re.compile(
    rf"\b(?:{_EN_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"
    rf"|\b\d{{1,2}} (?:{_EN_MONTHS})\.?,? \d{{4}}\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
_PICTURE_PHRASE = re.compile(
    r"\bfor (?:a|the) (?:picture|photo|photograph|portrait)\b", re.IGNORECASE
)
_REPORTING_WORDS = frozenset(
    "said says say told tells according stated announced wrote added".split()
)
_FIRST_SENTENCE_END = re.compile(r"[a-z0-9]{2}[.!?] +[A-Z]")  # "... 2022. Air raid ..."
_QUOTATION_MARKS = frozenset('"“”«»„')
_POST_SIGNATURE = re.compile(
    rf"[—–-] ?[^()]{{1,80}}\(@\w{{1,30}}\) (?:{_EN_MONTHS})\.? \d{{1,2}}, \d{{4}}", re.IGNORECASE
)
_DASH_ITEM = ("— ", "– ")
CAPTION_MAX_WORDS = 60
CREDIT_MAX_WORDS = 4
DASH_LIST_MIN_ITEMS = 3
PREVIEW_MIN_WORDS = 5
CAPTION_REASON = "caption"
EMBED_REASON = "embedded_post"
TEASER_REASON = "related_link"


def is_caption_sentence(line: str, caption_verbs: frozenset[str]) -> bool:
    """A caption written as a sentence: its first sentence (6 to ``CAPTION_MAX_WORDS``
    words, no quotation mark, no reporting verb) has a verb of ``caption_verbs`` (a
    picture's subject in the present tense: "poses", "take shelter", "are seen") and a
    date with its year or "for a picture" ("People take shelter in a metro station in
    Kyiv on the morning of February 24, 2022."); a report narrates such a date in the
    past tense ("met ... on June 3, 2024")."""
    if not caption_verbs or len(line) > 40 * CAPTION_MAX_WORDS:
        return False
    end = _FIRST_SENTENCE_END.search(line)
    head = line[: end.start() + 3] if end else line
    dated = _YEAR.search(head) is not None and _DATE_WITH_YEAR.search(head) is not None
    if not dated and not ("for " in head and _PICTURE_PHRASE.search(head)):
        return False  # first: most lines have neither (a cheap test)
    if not _QUOTATION_MARKS.isdisjoint(head):
        return False
    tokens = [t.strip(",.;:()[]").lower() for t in head.split()]
    if not 6 <= len(tokens) <= CAPTION_MAX_WORDS or not _REPORTING_WORDS.isdisjoint(tokens):
        return False
    return not caption_verbs.isdisjoint(tokens)


def is_post_signature(line: str) -> bool:
    """The signature line of an embedded post: "— Name (@handle) January 12, 2023"."""
    return _POST_SIGNATURE.fullmatch(line) is not None


def _reason(removed: dict[int, Any], i: int) -> str | None:
    r = removed.get(i)
    return None if r is None else getattr(r, "reason", str(r))


def picture_and_post_chrome(
    lines: Sequence[str],
    removed: dict[int, Any],
    fixed: frozenset[int],
    caption_verbs: frozenset[str],
) -> dict[int, str]:
    """Index -> reason of kept lines that are captions, embedded posts or story lists
    (:func:`is_caption_sentence`, :func:`is_post_signature` and the line above it, the
    runs of :func:`dash_list_runs`, the caption above a bare credit, a picture's
    alternative text or cut preview above its caption); ``removed`` holds the line
    rules' removals, whose ``reason`` is read."""
    found: dict[int, str] = {}

    def kept(i: int) -> bool:
        return bool(lines[i]) and i not in removed and i not in found and i not in fixed

    for i in range(len(lines)):
        if not kept(i):
            continue
        if is_caption_sentence(lines[i], caption_verbs):
            found[i] = CAPTION_REASON
        elif is_post_signature(lines[i]):
            found[i] = EMBED_REASON
            above = chrome.nonblank_above(lines, i)
            if above is not None and kept(above) and not lines[above].endswith(":"):
                found[above] = EMBED_REASON  # the post's text, not the body's "He wrote:"
    for i in dash_list_runs(lines, removed, fixed):
        found.setdefault(i, TEASER_REASON)
    for i in range(1, len(lines)):
        if _reason(removed, i) == CAPTION_REASON or found.get(i) == CAPTION_REASON:
            for j in _caption_companions(lines, i, kept):
                found[j] = CAPTION_REASON
    return found


def _caption_companions(lines: Sequence[str], i: int, kept: Any) -> list[int]:
    """Kept lines that belong to the caption at ``i``: the line right above a bare
    credit ("SAM BOAL/ROLLINGNEWS"), when it is no sentence of 8 words or more; the line
    right above the caption, of 5 words or more, that holds only its words (a picture's
    alternative text: "Kazakh President Kassym-Jomart Tokayev and Vladimir Putin"); and a
    preview cut with "..." among the 3 lines above that the caption continues."""
    out: list[int] = []
    caption = lines[i]
    above = i - 1
    if lines[above] and kept(above):
        line = lines[above]
        n = len(line.split())
        plain = not chrome.ends_sentence(line) and not line.endswith(chrome.OPEN_ENDS)
        # a subheading is shorter: 8 words for a caption, 5 for an alternative text
        over_credit = n >= chrome.BODY_MIN_WORDS and len(caption.split()) <= CREDIT_MAX_WORDS
        alt_text = n >= PREVIEW_MIN_WORDS and _holds_words(caption, line)
        if plain and (over_credit or alt_text):
            out.append(above)
    j, seen = i, 0
    while seen < chrome.LABEL_MAX_WORDS:
        j = chrome.nonblank_above(lines, j)  # type: ignore[assignment]
        if j is None:
            break
        seen += 1
        stem = lines[j].rstrip(" .…")
        if (
            kept(j)
            and lines[j].endswith(("...", "…"))
            and len(stem.split()) >= PREVIEW_MIN_WORDS
            and caption.startswith(stem)
        ):
            out.append(j)
    return out


def _holds_words(caption: str, line: str) -> bool:
    """Whether ``caption`` opens with the first 5 words of ``line`` or holds every word
    of it of 3 letters or more (case folded)."""
    head = line.split()[:PREVIEW_MIN_WORDS]
    if caption.split()[: len(head)] == head:
        return True
    have = {t.strip(",.;:()").lower() for t in caption.split()}
    own = [t.strip(",.;:()").lower() for t in line.split()]
    own = [t for t in own if len(t) >= 3]
    return bool(own) and all(t in have for t in own)


def dash_list_runs(
    lines: Sequence[str], removed: dict[int, Any], fixed: frozenset[int]
) -> list[int]:
    """Lines of lists of other stories printed with a leading dash ("— Russia says
    Ukraine talks are progressing"): runs of ``DASH_LIST_MIN_ITEMS`` (3) or more kept
    lines opening with "— " (blank and removed lines between), none a sentence or
    ending in ``:``, whose first item no line ending in ``:`` introduces (a list of the
    body: "Here's the latest:")."""
    out: list[int] = []
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and (not lines[i] or i in removed):
            continue
        line = lines[i] if i < len(lines) else ""
        item = (
            i < len(lines)
            and i not in fixed
            and line.startswith(_DASH_ITEM)
            and not chrome.ends_sentence(line)
            and not line.endswith(":")
        )
        if item:
            run.append(i)
            continue
        if len(run) >= DASH_LIST_MIN_ITEMS:
            intro = chrome.nonblank_above(lines, run[0])
            if intro is None or not lines[intro].endswith(":"):
                out.extend(run)
        run = []
    return out
