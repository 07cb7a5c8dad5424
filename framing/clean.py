"""Plain-text cleaning: boilerplate and repeated paragraphs out, every removal recorded.

Rules are data (``framing/lexicons/boilerplate.yaml``). The cleaner works on the
lines of the loaded text and returns the kept paragraphs (with their original line
numbers, for :func:`framing.document.build_document`) and one :class:`Removal` per
removed line, the rows of the ``cleaning`` table. In order:

1. blocks (a publisher's appeal from its first to its last line);
2. whole-line patterns (cookie banners, photo captions, agency credits, prompts, ...),
   and a line speaking to the reader between two lines of a reader appeal;
3. line shapes that no body line takes: URLs, markup residue, ``|``-joined metadata,
   lone lower-case tags, date-and-time lines (:mod:`framing.chrome`);
4. lines that recur in other articles of the same source (``recurring``; the
   corpus pass of :mod:`framing.redundancy` numbers them): short lines above or below
   the lines that do not recur, or anywhere when they are labels (up to three words,
   or a handle or URL: not the time heading a live-blog entry, not a line ending in
   ``:``); body-like lines only above or below the body and when found in three
   articles or more (a blurb: two versions of one story share paragraphs); nothing
   when most of the article's body-like lines recur (another copy of one story);
5. the headline and its deck (``headline``, ``deck``): kept out of the body, so no
   narration count includes them, and returned as :attr:`Cleaned.title`; short lines
   above the headline (``page_top``) and copies of it (``duplicate``) go too; then a
   picture's alternative text and its caption printed one under the other
   (``caption``), a note on the author as the first or last body-like line
   (``author_bio``), and a comments section from its title to the end (``comments``);
6. the edges of the page, above the first and below the last body-like line: bare
   dates, bylines in capitals, tags, short labels (``page_top``) and teasers
   (``page_bottom``); the list under a removed "Related stories" header
   (``related_link``), and the line above each of two or more "Read more »" links
   (``read_more``: the teaser it opens, ``related_link``); then context
   (:mod:`framing.context`, jusText's smoothing): menus (``menu``), short lines
   between chrome lines (``context``), labels below the last prose line
   (``page_edge``), reader prompts in either place (``reader_prompt``), and what stands
   below a closing block of prompts when none of it is prose, or lines in another
   language ending an English text (``page_bottom``);
7. paragraphs are formed from the kept lines (one per line, or a block of
   hard-wrapped lines separated by blank lines);
8. a kept line whose copy further down went as a teaser or caption goes with it (and
   one whose copy further up went as a caption); a
   paragraph that repeats an earlier paragraph of the same article, or a line of
   eight words or more held whole in one of the 20 kept lines before it, is removed
   (``duplicate``, with the line it repeats), so no count doubles;
9. the trailing run of blank lines is removed.

Every removal is a row of the ``cleaning`` table (line, reason, text), so every word
left out of the counts can be found again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from framing import captions, chrome, context
from framing.boilerplate import Boilerplate, default_boilerplate, line_rule
from framing.boilerplate import load_boilerplate as load_boilerplate
from framing.corpus import Article
from framing.document import Document, build_document

DUPLICATE = "duplicate"
TRAILING_BLANK = "trailing_blank"
HEADLINE = "headline"
DECK = "deck"
RECURRING = "recurring"
PAGE_TOP = "page_top"
PAGE_BOTTOM = "page_bottom"
RELATED = "related_link"
CAPTION = "caption"
COMMENTS = "comments"
READ_MORE = "read_more"
AUTHOR_BIO = "author_bio"
DONATION = "donation_appeal"
BIO_MIN_BODY_AFTER = 2  # body-like lines below a named bio at the top, so it is no lede
BIO_TOP_LINES = 2  # a bio at the top is one of the first body-like lines (a deck above)
MIN_READ_MORE_LINKS = 2  # a list of teasers links each to its story from this many
MIN_DUPLICATE_WORDS = 4  # shorter repeated lines ("Military included") may be legitimate
MIN_CONTAINED_WORDS = 8  # a line held whole in an earlier one is a copy from this length
MAX_RECURRING_SHARE = 0.5  # above: the article is another copy of a story of its source
MIN_BLURB_ARTICLES = 3  # a recurring body-like line is a blurb from this many articles
MIN_CUT_COPY_CHARS = 15  # the last line opening a caption is its copy cut from this length
CONTAINED_LOOKBACK = 20  # kept lines searched for one that holds a line whole
_TERMINAL = tuple('.!?:;"”’»)')
_QUOTE_FOLD = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"'))


@dataclass(frozen=True, slots=True)
class Removal:
    """A removed line: 1-based ``line`` in the loaded text, why, and what it said."""

    line: int
    reason: str
    text: str
    duplicate_of: int | None = None


@dataclass(frozen=True)
class Cleaned:
    """Output of :func:`clean_text`: kept paragraphs and the removal log."""

    paragraphs: tuple[tuple[int, str, tuple[tuple[int, int], ...]], ...]
    removals: tuple[Removal, ...]
    warnings: tuple[str, ...] = field(default=())
    title: str = ""  # the headline found at the top ("" when none)


def fingerprint(text: str) -> str:
    """Comparison key for duplicate paragraphs: case, spacing and quote style folded."""
    for mark, plain in _QUOTE_FOLD:
        text = text.replace(mark, plain)  # str.replace: much faster than str.translate here
    return " ".join(text.casefold().split())


def _remove_blocks(
    lines: list[str], rules: Boilerplate, removed: dict[int, Removal], warnings: list[str]
) -> None:
    """Remove the block rules' blocks from ``lines`` (stripped)."""
    for i, line in enumerate(lines):
        if i in removed:
            continue
        for rule in rules.block_rules:
            if not rule.start.fullmatch(line):
                continue
            reach = range(i, min(i + rule.max_lines, len(lines)))
            end = next((j for j in reach if rule.end.fullmatch(lines[j])), None)
            if end is None:
                warnings.append(
                    f"line {i + 1}: {rule.reason} block starts here but its end "
                    f"was not found within {rule.max_lines} lines; nothing removed"
                )
                break
            for j in range(i, end + 1):
                if lines[j]:
                    removed[j] = Removal(j + 1, rule.reason, lines[j])
            break


def _remove_lines(lines: list[str], rules: Boilerplate, removed: dict[int, Removal]) -> None:
    """Remove the ``lines`` (stripped) that a line rule matches."""
    for i, line in enumerate(lines):
        if i in removed or not line:
            continue
        reason = line_rule(rules, line)
        if reason is not None:
            removed[i] = Removal(i + 1, reason, line)


def _remove_inside_appeals(lines: list[str], removed: dict[int, Removal]) -> None:
    """Step 2 too: a kept line that speaks to the reader (a second-person word:
    "You are visiting us because we have something you value. ...") standing alone
    between two lines of a reader appeal (``donation_appeal``, blank lines aside) is a
    line of that appeal."""
    nonblank = [i for i, line in enumerate(lines) if line]
    for above, i, below in zip(nonblank, nonblank[1:], nonblank[2:], strict=False):
        if i in removed or not context.speaks_to_reader(lines[i]):
            continue
        if all(j in removed and removed[j].reason == DONATION for j in (above, below)):
            removed[i] = Removal(i + 1, DONATION, lines[i])


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when paragraphs are blocks of several lines separated by blank lines."""
    blocks, current = [], 0
    for line in lines:
        if line:
            current += 1
        elif current:
            blocks.append(current)
            current = 0
    if current:
        blocks.append(current)
    multi = [b for b in blocks if b > 1]
    return len(blocks) > 1 and len(multi) * 2 >= len(blocks)


def _paragraphs(lines: list[str], removed: dict[int, Removal]) -> list[list[int]]:
    """Group kept line indexes into paragraphs (``lines`` stripped)."""
    wrapped = _is_hard_wrapped(lines)
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if not line or i in removed:
            if current and (not line or not wrapped):
                groups.append(current)
                current = []
            continue
        if current and not wrapped:
            prev = lines[current[-1]]
            joins = prev.endswith(("-", ",")) or (
                not prev.endswith(_TERMINAL) and line[:1].islower()
            )
            if not joins:
                groups.append(current)
                current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def _wrapped_lines(lines: list[str]) -> frozenset[int]:
    """Lines of hard-wrapped paragraphs: the line-level steps 3 to 6 leave them alone, as
    a part of a paragraph is not a line of the page. In a text that
    :func:`_is_hard_wrapped`, a block of lines is a wrapped paragraph when at least half
    of its line breaks fall inside a sentence (the line ends in no sentence end and the
    next starts in lower case, or the line ends in ``,`` or ``-``)."""
    if not _is_hard_wrapped(lines):
        return frozenset()
    fixed: set[int] = set()
    start = 0
    for end in range(len(lines) + 1):
        if end < len(lines) and lines[end]:
            continue
        block = range(start, end)
        breaks = [_breaks_sentence(lines[i], lines[i + 1]) for i in block[:-1]]
        if breaks and sum(breaks) * 2 >= len(breaks):
            fixed.update(block)
        start = end + 1
    return frozenset(fixed)


def _breaks_sentence(line: str, following: str) -> bool:
    """Whether the break between ``line`` and ``following`` falls inside a sentence."""
    if line.endswith((",", "-")):
        return True
    return not chrome.ends_sentence(line) and following[:1].islower()


def _remove_shapes(lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]) -> None:
    """Step 3: the line shapes no body line takes (:mod:`framing.chrome`)."""
    for i, line in enumerate(lines):
        if i in removed or i in fixed or not line:
            continue
        if chrome.is_url_line(line):
            reason = "url"
        elif chrome.is_markup(line):
            reason = "markup"
        elif chrome.is_metadata(line):
            reason = "metadata"
        elif chrome.is_timestamp(line, at_edge=False):
            reason = "timestamp"
        elif chrome.is_tag(lines, i, in_top=False):
            reason = "tag"
        else:
            continue
        removed[i] = Removal(i + 1, reason, line)


def _outside(span: tuple[int, int] | None, i: int) -> bool:
    """Whether line ``i`` is above the first or below the last body-like line."""
    return span is None or i < span[0] or i > span[1]


def _remove_pictures_and_posts(
    lines: list[str], rules: Boilerplate, removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 3 too: captions written as sentences, a caption above its credit, a
    picture's alternative text or cut preview, embedded posts and dash-led story lists
    (:func:`framing.captions.picture_and_post_chrome`)."""
    found = captions.picture_and_post_chrome(lines, removed, fixed, rules.caption_verbs)
    for i, reason in found.items():
        removed[i] = Removal(i + 1, reason, lines[i])


def _remove_recurring(
    lines: list[str],
    removed: dict[int, Removal],
    fixed: frozenset[int],
    recurring: Sequence[tuple[int, int]],
) -> None:
    """Step 4: lines that recur in the source, where they are chrome (module docstring).
    A body-like line is removed only above or below the body and when it recurs in
    ``MIN_BLURB_ARTICLES`` articles: two versions of one story share paragraphs."""
    counts = {
        n - 1: k
        for n, k in recurring
        if 0 < n <= len(lines) and n - 1 not in removed and n - 1 not in fixed
    }
    if not counts:
        return
    body = [i for i, line in enumerate(lines) if i not in removed and chrome.is_body_like(line)]
    if body and len(counts.keys() & set(body)) > MAX_RECURRING_SHARE * len(body):
        return
    span = chrome.body_span(lines, {**removed, **counts})
    for i, n_articles in sorted(counts.items()):
        line = lines[i]
        if chrome.is_body_like(line):
            chrome_line = _outside(span, i) and n_articles >= MIN_BLURB_ARTICLES
        else:
            chrome_line = _outside(span, i) or chrome.is_recurring_label(line)
        if chrome_line:
            removed[i] = Removal(i + 1, RECURRING, line)


def _mark_headline(
    lines: list[str], removed: dict[int, Removal], fixed: frozenset[int], hint: str
) -> int | None:
    """Step 5: headline, deck, the short lines above them and copies of the headline."""
    headline = chrome.find_headline(lines, removed, fixed, hint)
    if headline is None:
        return None
    for i in range(headline):
        if lines[i] and i not in removed:
            removed[i] = Removal(i + 1, PAGE_TOP, lines[i])
    removed[headline] = Removal(headline + 1, HEADLINE, lines[headline])
    key, size = chrome.fold(lines[headline]), len(lines[headline])
    for i in range(headline + 1, len(lines)):
        if i in removed or i in fixed or abs(len(lines[i]) - size) > 3:
            continue
        if chrome.fold(lines[i]) == key:
            removed[i] = Removal(i + 1, DUPLICATE, lines[i], headline + 1)
    for i in chrome.find_deck(lines, removed, fixed, headline):
        removed[i] = Removal(i + 1, DECK, lines[i])
    return headline


def _remove_author_bios(
    lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 5 too: a note on the author (:func:`framing.chrome.is_author_bio`) as one
    of the first ``BIO_TOP_LINES`` (2: a deck written as a sentence may stand above it)
    body-like lines, with ``BIO_MIN_BODY_AFTER`` (2) more in the text, or as the last
    (not a named one: a story may end on who someone is)."""
    body = [
        i
        for i, line in enumerate(lines)
        if line and i not in removed and i not in fixed and chrome.is_body_like(line)
    ]
    for i in body[:BIO_TOP_LINES]:
        if len(body) > BIO_MIN_BODY_AFTER + 1 and chrome.is_author_bio(lines[i], at_top=True):
            removed[i] = Removal(i + 1, AUTHOR_BIO, lines[i])
    if len(body) > 1 and chrome.is_author_bio(lines[body[-1]], at_top=False):
        removed[body[-1]] = Removal(body[-1] + 1, AUTHOR_BIO, lines[body[-1]])


def _edge_reason(lines: list[str], removed: dict[int, Removal], i: int, top: bool) -> str | None:
    """Step 6 for one line above (``top``) or below the body."""
    line = lines[i]
    if chrome.is_timestamp(line, at_edge=True):
        return "timestamp"
    if top and chrome.is_outlet_date(line):
        return "timestamp"
    if top and (
        chrome.is_caps_byline(line)
        or chrome.is_outlet_byline(line)
        or chrome.is_stamped_byline(line)
    ):
        return "byline"
    if top and chrome.is_tag_row(line):
        return "tag"
    if chrome.is_counter(line):
        return PAGE_TOP if top else PAGE_BOTTOM
    if not top and chrome.is_tag_list(line):
        return "tag"
    if chrome.is_tag(lines, i, in_top=top):
        return "tag"
    if top and chrome.is_edge_label(line, chrome.EDGE_MAX_WORDS):
        return PAGE_TOP
    if not top and chrome.is_teaser(lines, removed, i):
        return PAGE_BOTTOM
    return None


def _remove_edges(lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]) -> None:
    """Step 6: the edges of the page, above the first and below the last body-like line."""
    span = chrome.body_span(lines, removed)
    if span is None:
        return
    edges = [*range(span[0]), *range(span[1] + 1, len(lines))]
    for i in edges:
        if lines[i] and i not in removed and i not in fixed:
            reason = _edge_reason(lines, removed, i, top=i < span[0])
            if reason is not None:
                removed[i] = Removal(i + 1, reason, lines[i])


def _remove_caption_pairs(
    lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 5 too: a picture's alternative text and its caption, printed one under the
    other (:func:`framing.chrome.is_caption_pair`), both ``caption``."""
    for i in range(len(lines) - 1):
        pair = (i, i + 1)
        if any(j in removed or j in fixed or not lines[j] for j in pair):
            continue
        if chrome.is_caption_pair(lines[i], lines[i + 1]):
            for j in pair:
                removed[j] = Removal(j + 1, CAPTION, lines[j])


def _remove_comment_section(lines: list[str], removed: dict[int, Removal]) -> None:
    """Step 6 too: a comments section runs from its title ("101 thoughts on “...”"),
    below the body, to the end of the page: readers' words, not the outlet's."""
    start = next(
        (
            i
            for i, r in sorted(removed.items())
            if chrome.is_comments_header(lines[i])
            and any(chrome.is_body_like(lines[j]) for j in range(i) if j not in removed)
        ),
        None,
    )
    if start is None:
        return
    for j in range(start + 1, len(lines)):
        if lines[j] and j not in removed:
            removed[j] = Removal(j + 1, COMMENTS, lines[j])


def _remove_teaser_lists(
    lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 6 too: the list under a removed related-stories header of at most
    ``HEADER_MAX_WORDS`` words ("Related Stories", "Read also:", "Latest developments:"),
    up to the next body-like line, is teasers: the headlines of other stories, a quoted
    title or a bullet that ends no sentence being a teaser at any length."""
    for i, line in enumerate(lines):
        header = removed.get(i)
        if header is None or header.reason != RELATED:
            continue
        if len(line.split()) > chrome.HEADER_MAX_WORDS:
            continue
        pairs = chrome.teaser_pairs(lines, removed, fixed, i)
        for j in pairs:  # headlines and summaries of other stories to the page's end
            removed[j] = Removal(j + 1, RELATED, lines[j])
        for j in range(i + 1, len(lines)):
            if not lines[j] or j in removed:
                continue
            item = lines[j]
            if j in fixed or not chrome.is_list_item(item):
                break
            if chrome.is_body_like(item) and not chrome.is_teaser_item(item):
                break
            removed[j] = Removal(j + 1, RELATED, lines[j])


def _remove_linked_teasers(
    lines: list[str], removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 6 too: when ``MIN_READ_MORE_LINKS`` (2) or more "Read more »" links
    (``read_more``) stand on the page, the kept line right above each (blank lines
    aside) is the teaser of another story that the link opens (an aggregator's "Similar
    News" list: headline and summary, then "Weiterlesen »"); one link alone may close
    the article's own excerpt, and stays alone."""
    links = [i for i, r in removed.items() if r.reason == READ_MORE]
    if len(links) < MIN_READ_MORE_LINKS:
        return
    for link in links:
        above = chrome.nonblank_above(lines, link)
        if above is not None and above not in removed and above not in fixed:
            removed[above] = Removal(above + 1, RELATED, lines[above])


def _remove_by_context(
    lines: list[str], rules: Boilerplate, removed: dict[int, Removal], fixed: frozenset[int]
) -> None:
    """Step 6 too: menus, then short lines and reader prompts between chrome lines or
    the page's edges (:mod:`framing.context`, jusText's context smoothing)."""
    for i in context.menu_runs(lines, removed, fixed):
        removed[i] = Removal(i + 1, context.MENU, lines[i])
    for i, reason in context.context_chrome(lines, removed, fixed, rules.prompt_verbs).items():
        removed[i] = Removal(i + 1, reason, lines[i])
    for i in context.below_closing_block(lines, removed, fixed):
        removed[i] = Removal(i + 1, PAGE_BOTTOM, lines[i])
    for i in context.foreign_tail(lines, removed, fixed):
        removed[i] = Removal(i + 1, PAGE_BOTTOM, lines[i])


def _remove_first_copies(lines: list[str], keys: list[str], removed: dict[int, Removal]) -> None:
    """A kept line printed again further down, where its copy went as a teaser or a
    caption, is that teaser or caption too (a story's headline above its "Other Topics"
    box, a picture's caption repeated): it goes with the same reason, unless body-like.
    A caption printed again below one that went is a caption too, for the same reason,
    and so is the text's last line when it opens a caption that went, cut short by the
    excerpt's length limit (``MIN_CUT_COPY_CHARS`` (15) characters or more)."""
    later: dict[str, Removal] = {}
    for i in range(len(lines) - 1, -1, -1):
        r = removed.get(i)
        if r is not None and r.reason in (RELATED, CAPTION):
            later[keys[i]] = r
        elif r is None and keys[i] in later and not chrome.is_body_like(lines[i]):
            removed[i] = Removal(i + 1, later[keys[i]].reason, lines[i])
    captions: set[str] = set()
    for i, key in enumerate(keys):
        r = removed.get(i)
        if r is not None and r.reason == CAPTION:
            captions.add(key)
        elif r is None and key in captions and not chrome.is_body_like(lines[i]):
            removed[i] = Removal(i + 1, CAPTION, lines[i])
    last = chrome.nonblank_above(lines, len(lines))
    if last is not None and _is_cut_caption(keys, removed, captions, last):
        removed[last] = Removal(last + 1, CAPTION, lines[last])


def _is_cut_caption(
    keys: list[str], removed: dict[int, Removal], captions: set[str], last: int
) -> bool:
    """Whether the kept last line opens a caption that went (its copy, cut short)."""
    key = keys[last]
    if last in removed or len(key) < MIN_CUT_COPY_CHARS:
        return False
    return any(k.startswith(key) and k != key for k in captions)


def _remove_contained(lines: list[str], keys: list[str], removed: dict[int, Removal]) -> None:
    """Step 8 for lines: a kept line of ``MIN_CONTAINED_WORDS`` words or more held whole
    in one of the ``CONTAINED_LOOKBACK`` kept lines before it (a page repeats its lead
    next to it; the bound keeps the step linear)."""
    recent: list[int] = []
    for i, key in enumerate(keys):
        if i in removed or not key:
            continue
        if key.count(" ") + 1 >= MIN_CONTAINED_WORDS:  # fingerprint: single spaces
            j = next((j for j in recent if len(keys[j]) > len(key) and key in keys[j]), None)
            if j is not None:
                removed[i] = Removal(i + 1, DUPLICATE, lines[i], j + 1)
                continue
        recent = [*recent[-CONTAINED_LOOKBACK + 1 :], i]


def clean_text(
    text: str,
    rules: Boilerplate | None = None,
    *,
    title: str = "",
    recurring_lines: Sequence[tuple[int, int]] = (),
) -> Cleaned:
    """Clean normalised text (``\\n`` line ends); see the module docstring for the steps.

    ``title``: the title given with the input, which picks the headline line when one
    reads the same; ``recurring_lines``: (1-based line, articles holding it) for the
    lines that recur in other articles of the source (:mod:`framing.redundancy`).
    """
    rules = rules or default_boilerplate()
    lines = [line.strip() for line in text.split("\n")]  # every step reads them stripped
    removed: dict[int, Removal] = {}
    warnings: list[str] = []
    _remove_blocks(lines, rules, removed, warnings)
    _remove_lines(lines, rules, removed)
    _remove_inside_appeals(lines, removed)
    fixed = _wrapped_lines(lines)
    _remove_shapes(lines, removed, fixed)
    _remove_pictures_and_posts(lines, rules, removed, fixed)
    _remove_recurring(lines, removed, fixed, recurring_lines)
    headline = _mark_headline(lines, removed, fixed, title)
    _remove_author_bios(lines, removed, fixed)
    _remove_caption_pairs(lines, removed, fixed)
    _remove_comment_section(lines, removed)
    _remove_edges(lines, removed, fixed)
    _remove_teaser_lists(lines, removed, fixed)
    _remove_linked_teasers(lines, removed, fixed)
    _remove_by_context(lines, rules, removed, fixed)

    keys = [fingerprint(line) for line in lines]
    _remove_first_copies(lines, keys, removed)
    first_seen: dict[str, int] = {}
    for i, key in enumerate(keys):  # captions repeated verbatim point at their first copy
        if i in removed and key in first_seen and removed[i].duplicate_of is None:
            r = removed[i]
            removed[i] = Removal(r.line, r.reason, r.text, first_seen[key] + 1)
        first_seen.setdefault(key, i)
    if not fixed:
        _remove_contained(lines, keys, removed)

    paragraphs: list[tuple[int, str, tuple[tuple[int, int], ...]]] = []
    seen_paragraphs: dict[str, list[int]] = {}
    for group in _paragraphs(lines, removed):
        body = " ".join(lines[i] for i in group)
        key = " ".join(keys[i] for i in group)  # fingerprint(body): it folds word by word
        original = seen_paragraphs.get(key)
        if original is not None and len(key.split()) >= MIN_DUPLICATE_WORDS:
            for k, i in enumerate(group):
                removed[i] = Removal(
                    i + 1, DUPLICATE, lines[i], original[min(k, len(original) - 1)] + 1
                )
            continue
        seen_paragraphs.setdefault(key, group)
        starts, pos = [], 0
        for k, i in enumerate(group):
            if k:
                starts.append((pos, i + 1))
            pos += len(lines[i]) + 1
        paragraphs.append((group[0] + 1, body, tuple(starts)))

    last = len(lines)
    while last and not lines[last - 1]:
        last -= 1
    # the final newline ends the last line; what follows it is not a line
    lines_in_file = len(lines) - 1 if text.endswith("\n") else len(lines)
    for i in range(last, lines_in_file):
        removed[i] = Removal(i + 1, TRAILING_BLANK, "")

    return Cleaned(
        tuple(paragraphs),
        tuple(sorted(removed.values(), key=lambda r: r.line)),
        tuple(warnings),
        lines[headline] if headline is not None else "",
    )


def clean_article(article: Article, rules: Boilerplate | None = None) -> tuple[Document, Cleaned]:
    """Clean a loaded article and build its Document (the one path every command takes)."""
    cleaned = clean_text(
        article.text, rules, title=article.title, recurring_lines=article.recurring_lines
    )
    doc = build_document(
        article.article_id,
        article.source,
        cleaned.paragraphs,
        title=article.title or cleaned.title,  # the headline found when none was given
    )
    return doc, cleaned
