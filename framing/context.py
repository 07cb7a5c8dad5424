"""Chrome by context: jusText's line classes and their smoothing, on plain text.

jusText (Pomikálek 2011, "Removing Boilerplate and Duplicate Content from Web
Corpora", ch. 3) classes each block of a page as *good* (long, with many stopwords:
prose), *bad* (few stopwords, many links) or *short*, then decides every short block by
its neighbours: a short block between two bad blocks is bad, between two good blocks
good; the edges of the page count as bad. boilerpipe (Kohlschütter et al. 2010,
"Boilerplate Detection using Shallow Text Features") finds the same: the length of a
block and of its neighbours decide most of it. On plain text there are no links; the
rest carries over, line by line, after the rules of :mod:`framing.clean` (patterns,
shapes, redundancy, headline, edges) have removed the lines they are sure of.

Classes of a kept line (words are whitespace tokens; the share of stopwords is read
on the first ``KEYWORD_MAX_WORDS`` (40) words):

- **good** (prose): body-like (:func:`framing.chrome.is_body_like`: 8 words and a
  sentence end, or 20 words), or a sentence whose share of stopwords is at least
  ``PROSE_MIN_DENSITY`` (0.30, jusText's ``stopwords_low``): "“We will not give up,”
  he said." is good, so is "He follows.."; a line joined to the next or the one before
  by a sentence broken across them (``,`` or ``-`` at the break, or no sentence end and
  a stopword before the break or a lower-case word after it) is good too: a text
  hard-wrapped with no blank line between paragraphs;
- **bad**: a **reader prompt**: at most ``PROMPT_MAX_WORDS`` (15) words, no quotation
  mark, not body-like, and a second-person word ("Your email address will not be
  published.": a news story's own "you" stands in quotation marks or in a longer
  sentence) or a first word among the ``prompt_verbs`` of ``boilerplate.yaml``
  followed by a stopword or a handle, or by one word at most ("Please enter your
  comment!", "Leave a reply", "Try again", "Loading comments...": "Share prices fell in
  Moscow." opens with a noun); or a **keyword
  line**: ``DECK_MIN_WORDS`` (5) to 40 words, no sentence end, stopwords under
  ``KEYWORD_MAX_DENSITY`` (0.10): hashtags, a tag cloud, a menu on one line;
- **short**: any other line.

Removed lines count as bad (chrome), but a headline or deck as good and a copy
(``duplicate``) as neither; hard-wrapped paragraph lines are good. The end of the page
counts as bad, as in jusText; its start as good, since what stands above the headline
is the headline rule's to judge (a text may open with its headline or a kicker).

A short or bad line of at most ``CONTEXT_MAX_WORDS`` (15) words goes when

- its nearest good-or-bad lines above and below (short and blank lines skipped) are
  both bad (``context``): "Leave a Reply" between a share widget and a comment form;
- or it lies below the last good line (``page_edge``, boilerpipe's and jusText's
  position signal): the labels and prompts under an article's last paragraph;

(``reader_prompt`` instead when the line is a prompt). Never removed: a good line; a
short line that ends a sentence ("Pure propaganda.", "Another first." may end an
article); a line ending in ``:`` (it introduces what follows: "Here is the latest from
Ukraine:", "Washington DC:") or in ``— – -`` (a dateline: "WHITE HOUSE —"); the
text's last line when it is the body cut short by an excerpt's length limit
(:func:`is_cut_end`), which then counts as the last good line, and a subheading right
above that line (:func:`framing.chrome.cut_tail`); a line, no sentence, whose content
words (``HEADING_MIN_SHARED`` (3) or more, at least half of them) the next good line
within ``HEADING_REACH`` (3) non-blank lines repeats (:func:`heads_paragraph`: a live
blog's post title). A subheading stands between prose lines, so it stays.

Below a **closing block** (``page_bottom``: ``CLOSING_MIN_LINES`` (3) or more lines
removed as prompts, comment forms, related headers or footers, one under the other,
below a body-like line), every kept line goes when none of them is prose (a sentence
of ``CLOSING_PROSE_MIN_WORDS`` (15) words or more, body-like, with stopwords for
``PROSE_MIN_DENSITY``): a paywall's list of other stories under its prompts, each
headline under its picture's caption (:func:`below_closing_block`).

A **foreign tail** (``page_bottom``): ``FOREIGN_MIN_LINES`` (2) or more kept lines that
end the text, each of ``FOREIGN_MIN_WORDS`` (8) words or more with a letter outside
ASCII and none of the commonest English words, under an English body-like line: a
foreign site's teasers under the English story it reposts (:func:`foreign_tail`).

A **menu** (``menu``) is a run of ``MENU_MIN_LINES`` (3) or more kept lines, one under
the other with no blank line between (removed lines aside), each of at most
``MENU_MAX_WORDS`` (4) words, none a sentence or ending in ``:``, when the line above
the run does not end in ``:`` (a list the body introduces): "Home / World / Europe /
Politics" printed one per line.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from framing import chrome
from framing.language import FUNCTION_WORDS

PROSE_MIN_DENSITY = 0.30
KEYWORD_MAX_DENSITY = 0.10
KEYWORD_MAX_WORDS = 40
PROMPT_MAX_WORDS = 15
CONTEXT_MAX_WORDS = 15
MENU_MIN_LINES = 3
MENU_MAX_WORDS = 4
HEADING_MIN_SHARED = 3
HEADING_REACH = 3
CLOSING_MIN_LINES = 3
CLOSING_PROSE_MIN_WORDS = 15
FOREIGN_MIN_LINES = 2
FOREIGN_MIN_WORDS = 8

GOOD, BAD, SHORT = "good", "bad", "short"
# removals that close an article: prompts, comment forms, related headers, footers
CLOSING = frozenset(
    "share_prompt comment_form related_link read_more donation_appeal copyright".split()
)
CONTEXT = "context"
PAGE_EDGE = "page_edge"
READER_PROMPT = "reader_prompt"
MENU = "menu"
NOT_CHROME = frozenset({"headline", "deck"})  # removed, but the article's own words
NEUTRAL = frozenset({"duplicate"})  # a copy: neither side of a boundary

# English function words, as jusText's stoplists count them (its English list is longer:
# the most frequent words of Wikipedia); a body line in English is about half stopwords
STOPWORDS = frozenset(
    """a about above across after again against all also although am among an and any are
    aren't as at be because been before being below between both but by can can't could
    did didn't do does doesn't doing don't down during each even few for from further had
    has hasn't have haven't having he he's her here hers herself him himself his how
    however i i'm if in into is isn't it it's its itself just may me might more most must
    my myself no nor not now of off on once one only or other our ours ourselves out over
    own said same says she she's should since so some still such than that that's the
    their theirs them themselves then there there's these they they're this those though
    through to too toward towards under until up upon us very was wasn't we we're were
    weren't what when where whether which while who whom whose why will with within
    without won't would yet you you're your yours yourself""".split()
)
SECOND_PERSON = frozenset("you your yours yourself yourselves you're you've you'll you'd".split())
_STRIP = ".,;:!?\"'“”‘’«»()[]{}—–-…*"
_QUOTES = frozenset('"“”«»„')
_OPEN_ENDS = ("—", "–", "-")


def tokens(line: str) -> list[str]:
    """Lower-case words of ``line``, punctuation stripped, apostrophes straightened."""
    words = (t.strip(_STRIP).lower().replace("’", "'") for t in line.split())
    return [t for t in words if t]


def stopword_density(line: str) -> float:
    """Share of stopwords among the line's first ``KEYWORD_MAX_WORDS`` (40) words
    (jusText's signal of prose; a scraped article may be one 5 MB line)."""
    words = tokens(" ".join(line.split(None, KEYWORD_MAX_WORDS)[:KEYWORD_MAX_WORDS]))
    return sum(w in STOPWORDS for w in words) / len(words) if words else 0.0


def is_reader_prompt(line: str, prompt_verbs: Collection[str]) -> bool:
    """A short line that speaks to the reader: it holds a second-person word, or opens
    with a verb of ``prompt_verbs`` and is no body-like line; never with a quotation
    mark (module docstring)."""
    if _n_words(line, PROMPT_MAX_WORDS) > PROMPT_MAX_WORDS:
        return False
    if not _QUOTES.isdisjoint(line) or chrome.is_body_like(line):
        return False  # "In a two-party system, you only have two real choices."
    words = tokens(line)
    return any(w in SECOND_PERSON for w in words) or opens_with_prompt_verb(words, prompt_verbs)


def speaks_to_reader(line: str) -> bool:
    """Whether ``line`` holds a second-person word outside quotation marks."""
    return _QUOTES.isdisjoint(line) and any(w in SECOND_PERSON for w in tokens(line))


def opens_with_prompt_verb(words: Sequence[str], prompt_verbs: Collection[str]) -> bool:
    """Whether ``words`` open with an imperative of ``prompt_verbs``: "please", or a verb
    followed by a stopword or a handle or alone with one word ("Leave a reply", "Read it
    all here", "Follow @x", "Try again", "Cancel anytime"); "Share prices fell" opens
    with a noun."""
    if not words or words[0] not in prompt_verbs:
        return False
    if words[0] == "please" or len(words) <= 2:
        return True
    return words[1] in STOPWORDS or words[1].startswith("@")


def is_keyword_line(line: str) -> bool:
    """Words with hardly a stopword and no sentence: hashtags, a tag cloud, a menu; of
    ``DECK_MIN_WORDS`` (5) to ``KEYWORD_MAX_WORDS`` (40) words."""
    if chrome.ends_sentence(line):
        return False
    n = _n_words(line, KEYWORD_MAX_WORDS)
    return chrome.DECK_MIN_WORDS <= n <= KEYWORD_MAX_WORDS and (
        stopword_density(line) < KEYWORD_MAX_DENSITY
    )


def line_class(line: str, prompt_verbs: Collection[str]) -> str:
    """``good``, ``bad`` or ``short`` for a kept line (module docstring)."""
    sentence = chrome.ends_sentence(line)
    if sentence and _n_words(line, PROMPT_MAX_WORDS) > PROMPT_MAX_WORDS:
        return GOOD  # a long sentence: body-like, too long for a prompt, no keyword line
    if is_reader_prompt(line, prompt_verbs) or is_keyword_line(line):
        return BAD
    if chrome.is_body_like(line) or (sentence and stopword_density(line) >= PROSE_MIN_DENSITY):
        return GOOD
    return SHORT


def _n_words(line: str, limit: int) -> int:
    """The number of words of ``line``, counted up to ``limit`` + 1 (a scraped article
    may be one 5 MB line: it is split no further)."""
    return len(line.split(None, limit))


def classes(
    lines: Sequence[str],
    removed: dict[int, Any],
    fixed: Collection[int],
    prompt_verbs: Collection[str],
) -> list[str | None]:
    """The class of every line (None: blank or neutral); ``removed`` maps a line's index
    to its removal, whose ``reason`` decides: chrome is bad, a headline or deck good."""
    out: list[str | None] = []
    for i, line in enumerate(lines):
        r = removed.get(i)
        if not line or (r is not None and r.reason in NEUTRAL):
            out.append(None)
        elif r is not None:
            out.append(GOOD if r.reason in NOT_CHROME else BAD)
        elif i in fixed or _joined(lines, i):
            out.append(GOOD)
        else:
            out.append(line_class(line, prompt_verbs))
    return out


def _joined(lines: Sequence[str], i: int) -> bool:
    """Whether line ``i`` is part of a sentence broken across lines, at its start or its
    end (:func:`_breaks`): a text hard-wrapped with no blank line between paragraphs."""
    above = lines[i - 1] if i > 0 else ""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(above and _breaks(above, lines[i])) or bool(below and _breaks(lines[i], below))


def _breaks(line: str, following: str) -> bool:
    """A sentence broken between ``line`` and ``following``: ``line`` ends in ``,`` or
    ``-``, or in no sentence end and either a stopword ("... the ruling Servant of the")
    or before a lower-case opening."""
    if line.endswith((",", "-")):
        return True
    if chrome.ends_sentence(line):
        return False
    last = tokens(line[-40:].rsplit(None, 1)[-1])  # the last word only: lines may be long
    return following[:1].islower() or (bool(last) and last[0] in STOPWORDS)


def _neighbour(kinds: Sequence[str | None], i: int, step: int) -> str:
    """The class of the nearest line from ``i`` in direction ``step`` that is not short
    or blank; the page's end is bad, its start good (what stands above the headline
    is the headline rule's to judge: a text may open with a headline or a kicker)."""
    j = i + step
    while 0 <= j < len(kinds):
        if kinds[j] in (GOOD, BAD):
            return kinds[j]  # type: ignore[return-value]
        j += step
    return BAD if step > 0 else GOOD


def _may_go(lines: Sequence[str], kinds: Sequence[str | None], i: int, last: int) -> bool:
    """Whether context may remove line ``i``: not a dateline, not a line introducing
    the body, not the text's last line (``last``: its index) when cut short."""
    line = lines[i]
    if _n_words(line, CONTEXT_MAX_WORDS) > CONTEXT_MAX_WORDS:
        return False
    if line.endswith((":", *_OPEN_ENDS)):
        return False
    return not (i == last and is_cut_end(lines, kinds, i))


def is_cut_end(lines: Sequence[str], kinds: Sequence[str | None], i: int) -> bool:
    """Whether line ``i``, the text's last, is the body cut short by an excerpt's length
    limit: no reader prompt or keyword line, and prose itself (``BODY_MIN_WORDS`` (8)
    words and stopwords for ``PROSE_MIN_DENSITY``: "The second round of talks may start
    i"), or under a prose line ("Rus", "And alr") or right under a short line with no
    blank between (the next item of a list: "• Ukraine prosecutor"). A label standing
    apart under other chrome ("CAPTCHA") is not."""
    if kinds[i] == BAD:
        return False
    long_enough = _n_words(lines[i], chrome.BODY_MIN_WORDS) >= chrome.BODY_MIN_WORDS
    if long_enough and stopword_density(lines[i]) >= PROSE_MIN_DENSITY:
        return True
    above = chrome.nonblank_above(lines, i)
    if above is None:
        return False
    return kinds[above] == GOOD or (kinds[above] == SHORT and above == i - 1)


def context_chrome(
    lines: Sequence[str],
    removed: dict[int, Any],
    fixed: Collection[int],
    prompt_verbs: Collection[str],
) -> dict[int, str]:
    """Index -> reason of the kept lines that context makes chrome (module docstring)."""
    kinds = classes(lines, removed, fixed, prompt_verbs)
    last = max((i for i, line in enumerate(lines) if line), default=-1)
    prose = [i for i, k in enumerate(kinds) if k == GOOD and i not in removed]
    if last >= 0 and last not in removed and is_cut_end(lines, kinds, last):
        prose.append(last)  # the body runs to the end of the excerpt
    tail = chrome.cut_tail(lines, removed)
    tail = tail if len(tail) > 1 else ()  # a subheading above the cut end: both are body
    prose.extend(tail)
    bottom = max(prose) + 1 if prose else len(lines)
    out: dict[int, str] = {}
    for i, kind in enumerate(kinds):
        if kind not in (SHORT, BAD) or i in removed or not _may_go(lines, kinds, i, last):
            continue
        if i in tail or heads_paragraph(lines, kinds, i):
            continue
        if kind == SHORT and chrome.ends_sentence(lines[i]):
            continue  # a short sentence ("Pure propaganda.") may end the body
        if i >= bottom:
            reason = PAGE_EDGE
        elif _neighbour(kinds, i, -1) == BAD and _neighbour(kinds, i, 1) == BAD:
            reason = CONTEXT
        else:
            continue
        out[i] = READER_PROMPT if is_reader_prompt(lines[i], prompt_verbs) else reason
    return out


def is_prose(line: str) -> bool:
    """A sentence of ``CLOSING_PROSE_MIN_WORDS`` (15) words or more, body-like, with
    stopwords for ``PROSE_MIN_DENSITY``: the article's own narration, which a caption
    ("Election ad featuring X in Rahat, the largest Arab city in the region.") or a
    headline of another story is not."""
    n = _n_words(line, CLOSING_PROSE_MIN_WORDS)
    return (
        n >= CLOSING_PROSE_MIN_WORDS
        and chrome.is_body_like(line)
        and stopword_density(line) >= PROSE_MIN_DENSITY
    )


def below_closing_block(
    lines: Sequence[str], removed: dict[int, Any], fixed: Collection[int]
) -> list[int]:
    """The kept lines below a closing block, when no prose (:func:`is_prose`) stands
    among them: a block is ``CLOSING_MIN_LINES`` (3) or more lines removed as
    :data:`CLOSING` chrome one under the other (blank and other removed lines between,
    no kept line), below a body-like line; what follows a paywall's or a comment form's
    prompts without any narration is the page's list of other stories, their headlines
    and their pictures' captions. Two lines ("Advertisement", "Story continues below")
    may stand inside the body; the body going on below a block has prose."""
    prose_below = [False] * (len(lines) + 1)
    for i in range(len(lines) - 1, -1, -1):
        kept = bool(lines[i]) and i not in removed
        prose_below[i] = prose_below[i + 1] or (kept and (i in fixed or is_prose(lines[i])))
    run, seen_body = 0, False
    for i, line in enumerate(lines):
        if not line:
            continue
        r = removed.get(i)
        if r is None:
            if run >= CLOSING_MIN_LINES and seen_body and not prose_below[i]:
                return [j for j in range(i, len(lines)) if lines[j] and j not in removed]
            run, seen_body = 0, seen_body or chrome.is_body_like(line)
        elif r.reason in CLOSING:
            run += 1
    return []


def foreign_tail(
    lines: Sequence[str], removed: dict[int, Any], fixed: Collection[int]
) -> list[int]:
    """The kept lines that end the text in another language under an English body-like
    line: ``FOREIGN_MIN_LINES`` (2) or more, each of ``FOREIGN_MIN_WORDS`` (8) words or
    more with a letter outside ASCII and not one of the commonest English words
    (:data:`framing.language.FUNCTION_WORDS`): a foreign site's teasers or promotion
    printed under the English story it reposts ("Hyperduck är ett program för att
    skicka länkar ..."). An English line, a list of names or figures, stops the run."""
    run: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i] or i in removed:
            continue
        if i in fixed or not _is_foreign(lines[i]):
            above = i
            break
        run.append(i)
    else:
        return []
    english = chrome.is_body_like(lines[above]) and not _is_foreign(lines[above])
    return sorted(run) if len(run) >= FOREIGN_MIN_LINES and english else []


def _is_foreign(line: str) -> bool:
    """A line of ``FOREIGN_MIN_WORDS`` words or more, none of them a common English word,
    with a letter outside ASCII."""
    words = tokens(" ".join(line.split(None, KEYWORD_MAX_WORDS)[:KEYWORD_MAX_WORDS]))
    if len(words) < FOREIGN_MIN_WORDS or any(w in FUNCTION_WORDS for w in words):
        return False
    return any(c.isalpha() and not c.isascii() for c in line)


def content_words(line: str) -> set[str]:
    """The words of ``line`` that are no stopword, of 3 letters or more."""
    return {w for w in tokens(line) if w not in STOPWORDS and len(w) >= 3}


def heads_paragraph(lines: Sequence[str], kinds: Sequence[str | None], i: int) -> bool:
    """Whether line ``i``, no sentence, is the title of the paragraph below it: the
    next good line (within ``HEADING_REACH`` non-blank lines: a byline may stand
    between) holds at least half of its content words, and ``HEADING_MIN_SHARED`` (3)
    or more ("Video shows destroyed Australian Bushmaster in Ukraine" above "Video has
    emerged of a destroyed Australian Bushmaster ..."): a live blog's post title or a
    subheading, not chrome."""
    line = lines[i]
    if chrome.ends_sentence(line):
        return False
    own = content_words(line)
    if len(own) < HEADING_MIN_SHARED:
        return False
    seen = 0
    for j in range(i + 1, len(lines)):
        if not lines[j]:
            continue
        if kinds[j] == GOOD:
            shared = own & content_words(" ".join(lines[j].split()[:KEYWORD_MAX_WORDS]))
            return len(shared) >= HEADING_MIN_SHARED and 2 * len(shared) >= len(own)
        seen += 1
        if seen >= HEADING_REACH:
            return False
    return False


def _is_menu_item(line: str) -> bool:
    n = _n_words(line, MENU_MAX_WORDS)
    return (
        1 <= n <= MENU_MAX_WORDS
        and not chrome.ends_sentence(line)
        and not line.endswith((":", *_OPEN_ENDS))
    )


def menu_runs(lines: Sequence[str], removed: dict[int, Any], fixed: Collection[int]) -> list[int]:
    """Indexes of the kept lines in menus: runs of ``MENU_MIN_LINES`` short labels one
    under the other (module docstring)."""
    out: list[int] = []
    run: list[int] = []
    for i in range(len(lines) + 1):
        if i < len(lines) and lines[i] and i in removed:
            continue  # a removed line ("Facebook") does not break a run
        item = i < len(lines) and i not in fixed and _is_menu_item(lines[i])
        if item:
            run.append(i)
            continue
        if len(run) >= MENU_MIN_LINES and not _introduced(lines, run[0]):
            out.extend(run)
        run = []
    return out


def _introduced(lines: Sequence[str], first: int) -> bool:
    """Whether the nearest line above ``first`` ends in ``:``: a list the body opens."""
    above = chrome.nonblank_above(lines, first)
    return above is not None and lines[above].endswith(":")
