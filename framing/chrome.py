"""Page chrome by the shape and place of a line: what :mod:`framing.clean` removes
beyond its whole-line patterns.

Boilerplate detectors for HTML (jusText, boilerpipe: Kohlschütter et al., "Boilerplate
detection using shallow text features", WSDM 2010) tell chrome from body by a line's
length, its sentence-ness, its link density and its position; on plain text the same
shallow features remain, less the links. Each function here reads one feature and is
precision first: it fires only on shapes a body line does not take (a dateline
"KYIV, Ukraine (AP) —", a subheading or a short quotation is body).

Thresholds (words are whitespace tokens):

- a **body-like** line has ``BODY_MIN_WORDS`` (8) words or more and ends a sentence
  (``.``, ``?``, ``!``, or a closing quotation mark after one), or has ``LONG_WORDS``
  (20) words or more (an excerpt cut mid-sentence). The **top zone** is what comes
  before the first body-like line, the **bottom zone** what comes after the last
  line that is body-like, ends a sentence or has more than ``TEASER_MAX_WORDS`` (12)
  words;
- a **headline** is the first of the top ``HEADLINE_SCAN`` (8) kept lines with 3 to
  ``HEADLINE_MAX_WORDS`` (30) words with letters that opens with a letter, digit or
  quotation mark, does not end a sentence with a period, nor end in ``: , ; —``, holds no
  breadcrumb separator (`` • › » >``) and at most one ``|`` with 5 words on one side
  (a section before the headline, a bar after it), and no post's age ("9m ago": a live
  blog's post head), with a body-like line after it; only lines of at most
  ``ABOVE_MAX_WORDS`` (8) words may stand above it (a longer line first means the body
  starts there: no headline), and a kicker of up to ``LABEL_MAX_WORDS`` words right
  above a longer headline-shaped line ("One Year On") is not it. A headline-shaped line
  printed again further down comes first when the lines above it are short, copies of
  it or previews of the body (a feed reader's list);
- a **deck** follows the headline: bullet lines (``- ``, ``• ``) of 5 words or more, or
  one line of 5 to ``DECK_MAX_WORDS`` (35) words that neither ends a sentence nor holds
  one, nor opens with a number of a list ("3. "): a numbered point is body;
- short lines in the top and bottom zones: up to ``EDGE_MAX_WORDS`` (6) words above the
  body (not a dateline: no final ``— – - :``, not in capitals), up to
  ``TEASER_MAX_WORDS`` (12) below it (after a blank or a removed line, not ending in a
  short lower-case word as a cut line does, and not the text's last line of more than
  ``LABEL_MAX_WORDS`` (3) words right under a body-like line: an excerpt cut short),
  neither ending a sentence nor holding one; a bare number of up to ``COUNTER_MAX_DIGITS``
  (6) digits in either zone is a counter (views, comments, shares);
- a **timestamp** line holds only date and time words, with a date and a clock time
  or a "Published/Updated" word (a bare date only in the top or bottom zone, a bare
  time never: in a live blog "March 23, 2022" or "9:15 p.m." heads the entries that
  follow); month names and stamp words in French, German, Spanish, Italian,
  Portuguese, Russian and Ukrainian count ("18 juin 2025 à 17:35"); an outlet in
  capitals glued to a date ("CNN09-06-2025") is one at the top;
- **metadata** lines join fields with two or more ``|``; **URL** lines are half URL;
  **markup** lines have ``MARKUP_SHARE`` (8 %) and at least 3 characters of
  ``/@[]{}<>=\\_#``; neither is body-like (a sentence quoting markup is body);
- a **tag** line has at most 4 words, all in lower case, between blank lines, or is a
  bullet with at most 3 words in the top zone, or up to 4 capitalised names joined by
  commas and ending in one below the body ("Putin, Zelensky,"); a **byline** in
  capitals lists names joined by ``,`` or a lower-case ``and`` in the top zone;
- a **caption pair** is a line of ``DECK_MIN_WORDS`` (5) words or more, no sentence,
  with the same line right under it, or the same plus a credit of up to 4 words after
  `` - `` (a picture's alternative text, then its caption);
- a **comments section** opens with "N thoughts (comments, responses, replies) on
  “Title”";
- the text's last line is the body **cut short** (:func:`cut_tail`) when it is no
  sentence and has more than ``LABEL_MAX_WORDS`` words or opens with a function word
  and ends in a lower-case letter ("In his spee"), or opens with a capitalised word the
  lines above print, alone or before a lower-case word ("Ukraine", "Zelenskyy
  underscored"), right under a body-like line or under a subheading (a label or a
  question) right under one (both stay);
- (:mod:`framing.captions`) a **caption sentence** has, in its first sentence of 6 to
  ``CAPTION_MAX_WORDS`` (60) words, a caption verb (``caption_verbs`` of
  ``boilerplate.yaml``) and a date with its year or "for a picture", and neither a
  reporting verb nor a quotation mark; the line right above a bare credit of up to
  ``CREDIT_MAX_WORDS`` (4) words is its caption when it is no sentence of
  ``BODY_MIN_WORDS`` (8) words or more (5 for a picture's alternative text right above
  its caption); a run of ``DASH_LIST_MIN_ITEMS`` (3) titles led by "— " is a list of
  other stories;
- a **note on the author** opens "The writer (author, columnist) is a/an/the", then a
  role (editor, columnist, graduate, fellow, ...) within four words; at the top also
  "Name is the founding editor of The Outlet" (the role, then "of/at/for/with" and a
  capital within three words), at the bottom also "I'm a graduate of ...";
- a **tag row** joins ``TAG_ROW_MIN_PARTS`` (3) or more capitalised names of up to 3
  words with commas; under a related header, ``TEASER_PAIRS_MIN`` (2) headlines each
  followed by a body-like summary, running to the text's end, are teasers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

BODY_MIN_WORDS = 8
LONG_WORDS = 20
HEADLINE_SCAN = 8
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
ABOVE_MAX_WORDS = 8
DECK_MIN_WORDS = 5
DECK_MAX_WORDS = 35
EDGE_MAX_WORDS = 6
TEASER_MAX_WORDS = 12
TAG_MAX_WORDS = 4
LABEL_MAX_WORDS = 3
HEADER_MAX_WORDS = 4
LIST_ITEM_MAX_WORDS = 20
COUNTER_MAX_DIGITS = 6
TAG_ROW_MIN_PARTS = 3
TEASER_PAIRS_MIN = 2
BLURB_MIN_PHRASES = 4
BLURB_MAX_WORDS = 5
MARKUP_SHARE = 0.08
MARKUP_CHARS = frozenset("/@[]{}<>=\\_#")

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«„"
_CRUMB_SEPARATORS = (" • ", " › ", " » ", " > ")
OPEN_ENDS = (":", ",", ";", "—", "–", "-")
_BULLETS = ("- ", "• ", "· ", "* ")
_WEB_FILES = (".html", ".htm", ".php", ".jpg", ".jpeg", ".png", ".webp")
_MONTHS = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december "
    # the stamps of pages in other languages: French, German, Spanish, Italian, Portuguese,
    # Russian and Ukrainian (genitive: "18 июня 2025")
    "janv janvier févr février mars avr avril mai juin juil juillet août septembre octobre "
    "novembre déc décembre januar jänner februar märz juni juli oktober dezember enero "
    "febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre janeiro "
    "fevereiro março maio junho julho setembro outubro novembro dezembro января февраля "
    "марта апреля мая июня июля августа сентября октября ноября декабря січня лютого "
    "березня квітня травня червня липня серпня вересня жовтня листопада грудня"
).split()
_WEEKDAYS = (
    "mon monday tue tuesday wed wednesday thu thursday fri friday sat saturday sun sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag "
    "freitag samstag sonntag lunes martes miércoles jueves viernes sábado domingo"
)
_STAMP_PREFIX = frozenset(
    "published updated posted modified created publié mis veröffentlicht aktualisiert "
    "publicado actualizado atualizado pubblicato aggiornato опубликовано обновлено "
    "опубліковано оновлено".split()
)
_STAMP_WORDS = (
    frozenset(
        (
            "published updated posted modified created last first on at date time am pm a.m. "
            "p.m. gmt utc ist est edt cet cest msk bst et pt ct hrs h le à jour um uhr de del "
            "el às em в г. года року " + _WEEKDAYS
        ).split()
    )
    | frozenset(_MONTHS)
    | _STAMP_PREFIX
)
_CLOCK = re.compile(
    r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|\d{1,2}[ap]\.?m\.?", re.IGNORECASE
)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NUMERIC_DATE = re.compile(r"\d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_DIGIT = re.compile(r"\d")
_STAMP_MAX_CHARS = 120
_MERIDIEM = frozenset("am pm a.m. p.m.".split())
_ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}t\d{2}:\d{2}", re.IGNORECASE)
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"'”’]? +\S")  # not "U.S. in"
_CUT_WORD = re.compile(r"[a-z]{1,3}")
_WORD = re.compile(r"[^\W\d_]+")
_PHRASE_END = re.compile(r"[.!?]+(?:\s+|$)")
# the age of a post, as live blogs stamp each entry: "9m ago", "2 hours ago"
_RELATIVE_STAMP = re.compile(
    r"(?<!\w)\d{1,2} ?(?:s|m|min|mins|h|hr|hrs|minutes?|hours?) ago\b", re.IGNORECASE
)
_ROLES = (
    r"editor|columnist|author|writer|journalist|correspondent|contributor|reporter|"
    r"professor|fellow|graduate|analyst|researcher|lecturer|commentator|director"
)
# "The writer is a graduate of ...", "David Horovitz is the founding editor of The Times
# of Israel.": a role, then its outlet or school, within the first words
_WRITER_BIO = re.compile(
    rf"The (?:writer|author|columnist)s? (?:is|was|are) (?:a|an|the)\b(?: [\w'’-]+){{0,4}}? "
    rf"(?:{_ROLES})s?\b",
    re.IGNORECASE,
)
_FIRST_PERSON_BIO = re.compile(
    rf"I(?: am|'m|’m) (?:a|an)\b(?: [\w'’-]+){{0,4}}? (?:{_ROLES})s?\b", re.IGNORECASE
)
_NAMED_BIO = re.compile(
    r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:is|was) (?:a|an|the)(?: [\w'’-]+){0,3}? "
    rf"(?i:{_ROLES})s?(?: [\w'’-]+){{0,3}}? (?:of|at|for|with) [A-Z]"
)
_NUMBERED = re.compile(r"\d{1,2}[.)] ")  # "3. Overwhelming public support."
# function words that open a sentence and no label: a short last line opening with one
# is a sentence cut short ("In his spee")
_SENTENCE_OPENERS = frozenset(
    "a an the in on at as after before but and or he she it its they we i his her their "
    "this that these those there when while with for from by of to if".split()
)
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
_NAME = re.compile(r"[A-Z][A-Z.'’-]+")
_COMMENTS_HEADER = re.compile(
    r"\d+ (?:thoughts|comments|responses|replies) (?:on|to) [“\"‘'].{2,200}", re.IGNORECASE
)
_SITE_NAME = re.compile(r"(?<![\w@.])[a-z0-9-]{2,40}\.(?:com|org|net|news|info|co\.[a-z]{2})\b")
_OUTLET_BYLINE = re.compile(
    r"[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}, [A-Z][\w.&'’-]*( [A-Z][\w.&'’-]*){0,3},"
)
_OUTLET_DATE = re.compile(
    r"([A-Z]{2,8})(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|[A-Z][A-Za-z]{2,8}\.?)(?: \d{1,2},?)?(?: \d{4})?"
)


def words(line: str) -> list[str]:
    return line.split()


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence: ``. ? !``, also inside closing quotation marks."""
    return line.rstrip().rstrip(_CLOSERS).endswith((".", "?", "!", "…"))


def is_body_like(line: str) -> bool:
    n = len(line.split())
    return n >= LONG_WORDS or (n >= BODY_MIN_WORDS and ends_sentence(line))


def is_texty(line: str) -> bool:
    """Body-like, a sentence, or longer than a teaser: where the bottom zone ends."""
    return is_body_like(line) or ends_sentence(line) or len(line.split()) > TEASER_MAX_WORDS


def body_span(lines: Sequence[str], skip: dict[int, Any]) -> tuple[int, int] | None:
    """Index of the first body-like line and of the last texty line not in ``skip``;
    None when no line is body-like."""
    kept = [i for i, line in enumerate(lines) if line and i not in skip]
    first = next((i for i in kept if is_body_like(lines[i])), None)
    if first is None:
        return None
    return first, next(i for i in reversed(kept) if is_texty(lines[i]))


def _is_headline_shape(line: str) -> bool:
    n = 0  # words with a letter: "CHINA / DIPLOMACY" has two
    for token in line.split():
        n += any(c.isalpha() for c in token)
        if n > HEADLINE_MAX_WORDS:
            return False  # read no further: a scraped article may be one 5 MB line
    if n < HEADLINE_MIN_WORDS or line.startswith(_BULLETS):
        return False
    bare = line.rstrip().rstrip(_CLOSERS)
    if bare.endswith((".", "…", *OPEN_ENDS)) or is_breadcrumb(line):
        return False
    if "|" in line and not _is_one_bar_title(line):
        return False
    if is_tag_row(line) or is_stamped_byline(line) or _SITE_NAME.search(line):
        return False
    if _RELATIVE_STAMP.search(line):
        return False  # "9m ago 00.37 EST Zelenskiy expected ...": a live blog's post head
    return starts_like_text(line) and any(c.isupper() for c in line)


def is_tag_row(line: str) -> bool:
    """Section or topic names joined by commas: "Maverick News, Politics, South Africa,
    Ukraine Crisis, World" (``TAG_ROW_MIN_PARTS`` (3) names or more, each of at most
    ``LABEL_MAX_WORDS`` words, every word capitalised); a headline has a verb in lower
    case ("Putin, Xi and Modi meet in Kazan")."""
    parts = [part.strip() for part in line.rstrip(",").split(",")]
    if len(parts) < TAG_ROW_MIN_PARTS or ends_sentence(line):
        return False
    return all(
        0 < len(part.split()) <= LABEL_MAX_WORDS and all(w[:1].isupper() for w in part.split())
        for part in parts
    )


def is_stamped_byline(line: str) -> bool:
    """A byline closed by a stamp with a clock time after its last comma: "Darpan News
    Desk The Canadian Press, 02 Mar, 2022 10:55 AM"."""
    if "," not in line or len(line.split()) > TEASER_MAX_WORDS:
        return False
    head, _, tail = line.partition(",")
    parts = _stamp_parts(tail.strip())
    return bool(head.strip()) and parts is not None and parts[0] and parts[1]


def is_outlet_byline(line: str) -> bool:
    """A name, then an outlet, each capitalised and closed by a comma: "Jane Doe, NZ
    Herald," (a byline of a syndicated story)."""
    return _OUTLET_BYLINE.fullmatch(line) is not None


def _is_one_bar_title(line: str) -> bool:
    """A headline with one ``|``: a section before it ("Russia's invasion of Ukraine |
    Russia announced ...") or nothing after it, the headline side of ``DECK_MIN_WORDS``
    words or more; "Terms of use | Privacy" and "By X | Updated 3 hours ago" are not."""
    parts = [part.split() for part in line.split("|")]
    if len(parts) != 2:
        return False
    return max(len(part) for part in parts) >= DECK_MIN_WORDS and not is_timestamp(
        " ".join(parts[1]), at_edge=True
    )


def starts_like_text(line: str) -> bool:
    """Whether ``line`` opens with a letter, a digit or a quotation mark, as a headline
    does; a clock widget's residue ": :inin Kyiv (EET)" does not."""
    first = line.lstrip()[:1]
    return first.isalnum() or first in _OPENERS


def is_breadcrumb(line: str) -> bool:
    """Section names joined by a separator a headline does not use: "IPFS News Link •
    Ukraine", "World › Europe"."""
    return any(sep in line for sep in _CRUMB_SEPARATORS)


def find_headline(
    lines: Sequence[str], removed: dict[int, Any], fixed: frozenset[int], hint: str = ""
) -> int | None:
    """Index of the headline among the first kept lines, or None.

    ``hint`` (a title given with the input) picks the line that reads the same, when
    there is one; otherwise the shape decides (module docstring). A line of a
    hard-wrapped paragraph (in ``fixed``) first means the text starts with its body.
    """
    kept = [i for i, line in enumerate(lines) if line and i not in removed][:HEADLINE_SCAN]
    if hint:
        key = fold(hint)
        match = next((i for i in kept if i not in fixed and fold(lines[i]) == key), None)
        if match is not None and _body_follows(lines, removed, match):
            return match
    twice = headline_printed_twice(lines, removed, fixed, kept)
    if twice is not None:
        return twice
    for k, i in enumerate(kept):
        if i in fixed:
            return None
        if _is_headline_shape(lines[i]):
            i = _below_kicker(lines, fixed, kept[k:])
            return i if _body_follows(lines, removed, i) else None
        if len(lines[i].split()) > ABOVE_MAX_WORDS:
            return None
    return None


def _below_kicker(lines: Sequence[str], fixed: frozenset[int], kept: Sequence[int]) -> int:
    """The first of ``kept``, a headline-shaped line, or the next kept line when the
    first is a kicker: up to ``LABEL_MAX_WORDS`` words ("One Year On") right above a
    longer headline-shaped line."""
    first = kept[0]
    if len(kept) < 2 or len(lines[first].split()) > LABEL_MAX_WORDS:
        return first
    below = kept[1]
    longer = len(lines[below].split()) > LABEL_MAX_WORDS
    return below if longer and below not in fixed and _is_headline_shape(lines[below]) else first


def headline_printed_twice(
    lines: Sequence[str], removed: dict[int, Any], fixed: frozenset[int], kept: Sequence[int]
) -> int | None:
    """Index of the first headline-shaped line among ``kept`` (the first lines) that the
    page prints again below it, with a body after it, when every kept line above it is
    short, a bulleted copy of it or a preview of the body (it opens as a later line
    does): the page of a feed reader, whose list of items precedes the item."""
    candidates = [i for i in kept if i not in fixed and _is_headline_shape(lines[i])]
    if not candidates:
        return None
    keys = [fold(line.lstrip("•·-* ")) if line else "" for line in lines]
    for i in candidates:
        if keys[i] not in keys[i + 1 :] or not _body_follows(lines, removed, i):
            continue
        above = [j for j in kept if j < i]
        if all(_is_above_a_copy(lines, keys, j, i) for j in above):
            return i
    return None


def _is_above_a_copy(lines: Sequence[str], keys: Sequence[str], j: int, headline: int) -> bool:
    """Line ``j``, above a headline printed twice, is short, a copy of it, or a preview:
    it opens with the first ``BODY_MIN_WORDS`` words of a line below the headline."""
    if len(lines[j].split()) <= ABOVE_MAX_WORDS or keys[j] == keys[headline]:
        return True
    opening = " ".join(keys[j].split()[:BODY_MIN_WORDS])
    return any(k.startswith(opening) for k in keys[headline + 1 :] if k)


def _body_follows(lines: Sequence[str], removed: dict[int, Any], i: int) -> bool:
    """Whether a body-like line follows line ``i``: a text of a headline alone keeps it."""
    return any(j not in removed and is_body_like(lines[j]) for j in range(i + 1, len(lines)))


def find_deck(
    lines: Sequence[str], removed: dict[int, Any], fixed: frozenset[int], headline: int
) -> list[int]:
    """Indexes of the deck lines right after the headline (module docstring)."""
    after = [i for i in range(headline + 1, len(lines)) if lines[i] and i not in removed]
    bullets = []
    for i in after:
        line = lines[i]
        if i in fixed or not line.startswith(_BULLETS) or len(line.split()) < DECK_MIN_WORDS:
            break
        bullets.append(i)
    if bullets or not after or after[0] in fixed:
        return bullets
    first = lines[after[0]]
    n = len(first.split())
    deck = DECK_MIN_WORDS <= n <= DECK_MAX_WORDS and not ends_sentence(first)
    deck = deck and not _NUMBERED.match(first)  # a numbered point of the body
    deck = deck and not _INNER_SENTENCE_END.search(first)  # one sentence, or none
    below = after[0] + 1
    deck = deck and not (below < len(lines) and is_caption_pair(first, lines[below]))
    return [after[0]] if deck and not first.rstrip().endswith(OPEN_ENDS) else []


def fold(text: str) -> str:
    """Comparison key of a headline: case, spacing, quote style and a final period folded."""
    for mark, plain in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"')):
        text = text.replace(mark, plain)
    return " ".join(text.casefold().split()).rstrip(".")


def _stamp_parts(line: str) -> tuple[bool, bool, bool] | None:
    """(has a date, has a clock time, has a "Published" word) when ``line`` holds only
    date and time words, else None. A day number is a date with a month name ("21 Mar
    2022"), a clock time with "a.m."/"p.m." ("7 p.m.")."""
    if len(line) > _STAMP_MAX_CHARS or not _DIGIT.search(line):
        return None
    tokens = [t.strip(",|·•()[]/").lower() for t in line.replace("|", " ").split()]
    tokens = [t.rstrip(":") for t in tokens if t]
    if not tokens or len(tokens) > 14:
        return None
    date = clock = prefix = day = month = meridiem = False
    for t in tokens:
        if _CLOCK.fullmatch(t):
            clock = True
        elif _ISO_TIME.match(t) or _NUMERIC_DATE.fullmatch(t):
            date = True
            clock = clock or bool(_ISO_TIME.match(t))
        elif _DAY.fullmatch(t):
            day = True
        elif t.rstrip(".") in _MONTHS:
            month = True
        elif t in _STAMP_WORDS:
            prefix = prefix or t in _STAMP_PREFIX
            meridiem = meridiem or t in _MERIDIEM
        else:
            return None
    return date or month, clock or (day and meridiem and not month), prefix


def is_timestamp(line: str, *, at_edge: bool) -> bool:
    """A line of date and time words only: with a clock time or a "Published" word
    anywhere, a bare date only at the edge of the page (``at_edge``)."""
    parts = _stamp_parts(line)
    return parts is not None and parts[0] and (parts[1] or parts[2] or at_edge)


def is_outlet_date(line: str) -> bool:
    """An outlet's name in capitals glued to a date, as aggregators print a story's
    source: "CNN09-06-2025", "CBSFEB 2024" (a city before a date is a dateline: body)."""
    m = _OUTLET_DATE.fullmatch(line.strip())
    return m is not None and (m.group(2)[:1].isdigit() or m.group(2).lower() in _MONTHS)


def is_date_or_time(line: str) -> bool:
    """Only date and time words: "March 23, 2022", "9:15 p.m.", "12:35 p.m.:"."""
    parts = _stamp_parts(line)
    return parts is not None and (parts[0] or parts[1])


def is_metadata(line: str) -> bool:
    """Fields joined by ``|``: "Reuters | Kyiv | Updated: ... | Created: ..."; never a line
    as long as body text (a scraped article may be one line holding a few ``|``)."""
    return line.count("|") >= 2 and not ends_sentence(line) and not is_body_like(line)


def is_url_line(line: str) -> bool:
    """Half of the line's characters (spaces aside) in URLs or file names."""
    low = line.lower()
    if "://" not in low and "www." not in low and not any(e in low for e in _WEB_FILES):
        return False
    if is_body_like(line):
        return False  # first: it splits the line once, is_url reads every token
    letters = len(line) - line.count(" ")
    in_urls = sum(len(t) for t in line.split() if is_url(t))
    return letters > 0 and in_urls * 2 >= letters


def is_url(token: str) -> bool:
    """A URL or the name of a web page or image file."""
    bare = token.strip("()[]<>\"'.,;").lower()
    return "://" in bare or bare.startswith("www.") or bare.split("?")[0].endswith(_WEB_FILES)


def is_markup(line: str) -> bool:
    """Markup or path residue: "/html/head/meta[@name='og:title']/@content"."""
    if is_body_like(line):
        return False
    n = sum(line.count(c) for c in MARKUP_CHARS)
    return n >= 3 and n >= MARKUP_SHARE * len(line) and not is_body_like(line)


def is_tag(lines: Sequence[str], i: int, *, in_top: bool) -> bool:
    """A topic tag: a short lower-case line standing alone, or a short bullet at the top."""
    line = lines[i]
    if in_top and line.startswith(_BULLETS[:3]) and len(line.split()) <= 4:
        return not ends_sentence(line)
    alone = (i == 0 or not lines[i - 1]) and (i + 1 == len(lines) or not lines[i + 1])
    return (
        alone
        and len(line.split()) <= TAG_MAX_WORDS
        and line == line.lower()
        and all(c.isalpha() or c in " -" for c in line)
    )


def is_tag_list(line: str) -> bool:
    """Tags printed as a list that ends in a comma: "Putin, Zelensky,"; at most
    ``TAG_MAX_WORDS`` names, each capitalised."""
    if not line.endswith(","):
        return False
    names = [n.strip() for n in line.rstrip(",").split(",")]
    n_words = sum(len(n.split()) for n in names)
    return 0 < n_words <= TAG_MAX_WORDS and all(n[:1].isupper() for n in names)


def is_caption_pair(line: str, following: str) -> bool:
    """Whether ``line`` and the line right under it are a picture's alternative text and
    its caption: the same words, the second with a credit at most ("Flames rise from the
    refinery" / "Flames rise from the refinery - X"), no sentence end (a line of body
    printed twice is a copy, and goes as one)."""
    if len(line.split()) < DECK_MIN_WORDS or ends_sentence(line):
        return False
    if following == line:
        return True
    rest = following[len(line) :] if following.startswith(line) else ""
    return rest[:3] in (" - ", " — ", " – ", " | ") and len(rest.split()) <= LABEL_MAX_WORDS + 1


def is_comments_header(line: str) -> bool:
    """The title of a comments section: "101 thoughts on “Discussion thread”"."""
    return _COMMENTS_HEADER.fullmatch(line) is not None


def is_caps_byline(line: str) -> bool:
    """Names in capitals joined by commas or a lower-case "and": "JULIE PACE, HANNA
    ARHIROVA and JAMES JORDAN"."""
    tokens = line.replace(",", " , ").split()
    names = [t for t in tokens if t not in {",", "and", "&"}]
    joined = "," in tokens or "and" in tokens or "&" in tokens
    return (
        joined
        and 3 <= len(names) <= 12
        and all(_NAME.fullmatch(t) for t in names)
        and not ends_sentence(line)
    )


def is_author_bio(line: str, *, at_top: bool) -> bool:
    """A note on the author: "The writer is a graduate of ..." (the op-ed convention);
    ``at_top``, "David Horovitz is the founding editor of The Times of Israel. ..." (a
    name, "is a/the", a role within four words, then "of/at/for" and a capitalised
    outlet or school); at the bottom, "I'm a graduate of ..." (a first-person essay may
    open so, not end so), or a blurb of ``BLURB_MIN_PHRASES`` (4) or more capitalised
    phrases of up to ``BLURB_MAX_WORDS`` (5) words, none opening with a pronoun or an
    article, each closed by a period ("Hardcore internet junkie. Award-winning bacon
    ninja. Social media trailblazer. Falls down a lot."); never in quotation marks (a
    blurb aside), at most 600 characters."""
    if len(line) > 600:
        return False
    if not at_top and is_blurb_bio(line):
        return True
    if line[:1] in _OPENERS:
        return False
    if _WRITER_BIO.match(line):
        return True
    return (_NAMED_BIO if at_top else _FIRST_PERSON_BIO).match(line) is not None


def is_blurb_bio(line: str) -> bool:
    """A blurb on the author: short capitalised phrases each closed by a period, all of
    them (stray punctuation and quotation marks around it aside)."""
    core = line.strip(" .,;:" + _OPENERS + _CLOSERS)
    phrases = [p.split() for p in _PHRASE_END.split(core) if p.strip()]
    return len(phrases) >= BLURB_MIN_PHRASES and all(
        len(p) <= BLURB_MAX_WORDS and p[0][:1].isupper() and p[0].lower() not in _SENTENCE_OPENERS
        for p in phrases
    )


def is_counter(line: str) -> bool:
    """A bare number, as share, view and comment counters print it ("0", "85")."""
    return line.isascii() and line.isdigit() and len(line) <= COUNTER_MAX_DIGITS


def is_edge_label(line: str, limit: int) -> bool:
    """A short line that is no sentence, holds none and is no dateline: a label, kicker
    or teaser."""
    n = len(line.split())
    if not 1 <= n <= limit or ends_sentence(line) or line.rstrip().endswith(OPEN_ENDS):
        return False
    if _INNER_SENTENCE_END.search(line):  # "... in Indiana. [HuffPost, ARG]": text
        return False
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and not all(c.isupper() for c in letters)


def is_teaser(lines: Sequence[str], removed: dict[int, Any], i: int) -> bool:
    """A short line below the body that stands apart from it (after a blank line or a
    removed line) and ends in a whole word: the headline of another story or a label.
    A line right under the body, or one cut short ("... a truce with Russia is fai"),
    is the end of the body."""
    line = lines[i]
    if not is_edge_label(line, TEASER_MAX_WORDS) or _CUT_WORD.fullmatch(line.split()[-1]):
        return False
    if is_cut_body_end(lines, removed, i):
        return False
    return i > 0 and (not lines[i - 1] or i - 1 in removed)


def is_cut_body_end(lines: Sequence[str], removed: dict[int, Any], i: int) -> bool:
    """Whether line ``i`` is the end of the body cut short, or the subheading right
    above that end (:func:`cut_tail`); only those two lines are read for it, so asking
    line by line stays linear."""
    last = nonblank_above(lines, len(lines))
    if last is None or (i != last and i != nonblank_above(lines, last)):
        return False
    return i in cut_tail(lines, removed)


def nonblank_above(lines: Sequence[str], i: int) -> int | None:
    """Index of the nearest non-blank line above line ``i``, or None."""
    return next((j for j in range(i - 1, -1, -1) if lines[j]), None)


def reads_as_cut(line: str) -> bool:
    """Whether the text's last line reads as a sentence cut short by an excerpt's
    length limit: no sentence end, and more than ``LABEL_MAX_WORDS`` words ("Both
    sides have since accused the other of repeatedly violating"), or a shorter one that
    opens as a sentence does (a function word, after a quotation mark or not: "In his
    spee", "“I have") and ends in a lower-case letter, as no label ("Rate author")
    opens."""
    tokens = line.split()
    if ends_sentence(line):
        return False
    if len(tokens) > LABEL_MAX_WORDS:
        return True
    return (
        len(tokens) >= 2
        and tokens[0].lstrip(_OPENERS).lower() in _SENTENCE_OPENERS
        and line[-1:].isalpha()
        and line[-1:].islower()
    )


def cut_tail(lines: Sequence[str], removed: dict[int, Any]) -> tuple[int, ...]:
    """The body cut short at the end of the text: its last line when it
    :func:`reads_as_cut` and stands under a kept body-like line (blank lines aside),
    or under a subheading (a short line, no sentence: "The genesis of global food
    crisis") that stands under one, with that subheading. An excerpt cut at its length
    limit ends so; a teaser stands under other chrome, or is not the last line."""
    last = nonblank_above(lines, len(lines))
    if last is None or last in removed:
        return ()
    if not reads_as_cut(lines[last]) and not opens_with_story_word(lines, removed, last):
        return ()
    above = nonblank_above(lines, last)
    if above is None or above in removed:
        return ()
    if is_body_like(lines[above]):
        return (last,)
    over = nonblank_above(lines, above)
    if (
        over is not None
        and over not in removed
        and is_body_like(lines[over])
        and is_subheading(lines[above])
    ):
        return (above, last)
    return ()


def is_subheading(line: str) -> bool:
    """A short line heading the paragraph below it: a label, no sentence ("The genesis
    of global food crisis"), or a question ("What is the logic for separate entry?")."""
    if is_edge_label(line, TEASER_MAX_WORDS):
        return True
    n = len(line.split())
    return line.rstrip().rstrip(_CLOSERS).endswith("?") and 2 <= n <= TEASER_MAX_WORDS


def opens_with_story_word(lines: Sequence[str], removed: dict[int, Any], last: int) -> bool:
    """Whether the text's short last line (up to ``LABEL_MAX_WORDS`` words, no sentence)
    opens a sentence of the story cut short: its first word is a capitalised word
    that the kept lines above print ("Ukraine", "Zelenskyy underscored"), and it is
    that word alone or ends in a lower-case word; "Global Times", "Close Bitnami
    banner" name nothing the story told."""
    tokens = lines[last].split()
    if not 1 <= len(tokens) <= LABEL_MAX_WORDS or ends_sentence(lines[last]):
        return False
    first = _WORD.match(tokens[0])
    if first is None or not first.group()[:1].isupper() or len(first.group()) < 3:
        return False
    if len(tokens) > 1 and not (tokens[-1].isalpha() and tokens[-1].islower()):
        return False
    name = first.group()
    return any(
        name in _WORD.findall(lines[j]) for j in range(last) if lines[j] and j not in removed
    )


def is_recurring_label(line: str) -> bool:
    """A recurring line that is chrome between body lines too: up to
    ``LABEL_MAX_WORDS`` (3) words ("Getty.", "FULL TEXT.") or a handle or URL ("Follow
    Pam Key on Twitter @pamkeyNEN."), but not the time or date heading the entries of a
    live blog, nor a line introducing the next ("Partial transcript as follows:")."""
    if is_body_like(line) or is_date_or_time(line) or line.rstrip().endswith(":"):
        return False
    tokens = line.split()
    return len(tokens) <= LABEL_MAX_WORDS or bool(_HANDLE.search(line)) or any(map(is_url, tokens))


def is_list_item(line: str) -> bool:
    """A line of a list of headlines: a bullet, a quoted title, or up to
    ``LIST_ITEM_MAX_WORDS`` words with no sentence end and no final ``:``."""
    if line.startswith(_BULLETS) or is_quoted_title(line):
        return True
    if line.rstrip().endswith(":"):
        return False  # "Here's the latest on key battlegrounds:" introduces the body
    return len(line.split()) <= LIST_ITEM_MAX_WORDS and not ends_sentence(line)


def teaser_pairs(
    lines: Sequence[str], removed: dict[int, Any], fixed: frozenset[int], header: int
) -> list[int]:
    """The kept lines below a related-stories ``header`` when they run to the end of the
    text as teasers of other stories: list items (a headline, a section label), each
    body-like line right after a headline (its one-sentence summary), with
    ``TEASER_PAIRS_MIN`` (2) such pairs or more; else none (two body-like lines in a row,
    or one after a label, are the body going on). A header ending in ``:`` ("Read
    more:") is a link's prefix whose link the page lost, and the body may go on under
    it with subheadings: it opens no such list."""
    if lines[header].rstrip().endswith(":"):
        return []
    kept: list[int] = []
    pairs, after_headline = 0, False
    for j in range(header + 1, len(lines)):  # returns at the first line that is no teaser
        line = lines[j]
        if not line or j in removed:
            continue
        kept.append(j)
        if j in fixed:
            return []
        if is_body_like(line):
            if not after_headline:
                return []
            pairs, after_headline = pairs + 1, False
        elif is_list_item(line):
            after_headline = _is_headline_shape(line)
        else:
            return []
    return kept if pairs >= TEASER_PAIRS_MIN else []


def is_teaser_item(line: str) -> bool:
    """A list item that is a story's title at any length: a quoted title, or a bullet
    that ends no sentence ("• Athletes from Russia and Belarus banned by World
    Athletics"), as the items under a related header are."""
    return is_quoted_title(line) or (line.startswith(_BULLETS) and not ends_sentence(line))


def is_quoted_title(line: str) -> bool:
    """A title within quotation marks, whole: a teaser quoting the story it links to
    ("‘In comparison with all the other senseless actions, the gas siege barely
    registers…’"), up to ``LIST_ITEM_MAX_WORDS`` words."""
    return (
        len(line) > 2
        and line[0] in _OPENERS
        and line[-1] in _CLOSERS
        and len(line.split()) <= LIST_ITEM_MAX_WORDS
    )
