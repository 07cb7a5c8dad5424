"""Numeric facts with their unit ("314 prisoners", "$2.5bn", "12%") and dates, normalised.

:func:`find_numbers` is a pure function of a text; offsets are into that text. Each
mention gets an ``item`` label that is the same whenever two texts state the same
fact, so that coverage can be compared across sources:

* ``number``: a figure with a unit noun, a currency or a percent sign.
  "314 prisoners" and "314 detainees" -> ``314 prisoners`` (units listed as forms of
  one unit in ``framing/lexicons/coverage.yaml`` are merged; an unlisted noun is kept
  as written: "314 combatants"); "157 prisoners of war each" and "each side
  returning 157 detainees" -> ``157 prisoners each`` (a per-side figure is a
  different fact from a total: "each or in total" is not "each");
  "$2.5bn" and "2.5 billion dollars" -> ``$2.5 billion``; "300,000 troops" ->
  ``300,000 troops``; "12 per cent" -> ``12%``; spelled-out numbers only before
  duration units: "five and a half hours" -> ``5.5 hours``, "two-day talks" ->
  ``2 days``.
* ``date``: calendar dates and years, kept as their own kind so that a year never
  matches a count: "February 5, 2026" and "5 February 2026" -> ``2026-02-05``,
  "March 2022" -> ``2022-03``, "Feb. 5" -> ``February 5``, "in 2022" -> ``2022``
  (a four-digit number from 1900 to 2099 without a listed unit after it).

Left out, on purpose: clock times ("10:30", "3 p.m."), ordinals ("second round",
"4th"), ages ("Serhii, 38", "a 38-year-old"), numbers without a unit next to them
(the noun they count is too far away to match reliably), vague quantities ("tens of
thousands", "a year"), numbers inside words or codes ("F-16", "a91857"), and a bare
"5m" or "5k" without a currency (metres? thousands?).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from framing.alternation import FoldedPattern, ignorecase_fold, matches_at, surface_trie
from framing.intervals import Intervals

NUMBER = "number"
DATE = "date"

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
SCALES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
}  # fmt: skip
AMBIGUOUS_SCALES = frozenset({"k", "m", "b"})  # "5m" is metres unless money
CURRENCY_SYMBOLS = {"$": "$", "US$": "$", "€": "€", "£": "£", "₽": "₽", "₴": "₴"}
CURRENCY_WORDS = {
    "dollars": "$", "dollar": "$", "euros": "€", "euro": "€", "pounds sterling": "£",
    "roubles": "₽", "rubles": "₽", "rouble": "₽", "ruble": "₽", "hryvnias": "₴",
    "hryvnia": "₴", "hryvnia's": "₴",
}  # fmt: skip
SPELLED = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# Words that follow a number without being what it counts ("314 of", "157 were").
NOT_UNITS = frozenset(
    """a an the of to in on at by for from with and or but nor as than per is are was were
    be been being has have had will would could should may might must can more less fewer
    each other others out up down over under into onto after before since until that which
    who whom whose this these those its their his her it they he she we you i said says
    say told am pm times percent cent also only just about around nearly almost some""".split()
)
YEAR_RANGE = range(1900, 2100)

_MONTH = (
    r"(?<![\w-])(?P<{name}>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"
_END = r"(?![\w-])"
_DATE = re.compile(
    "|".join(
        [
            _MONTH.format(name="m1") + r"\s+" + _DAY.format(name="d1")
            + r"(?:,?\s+" + _YEAR.format(name="y1") + ")?" + _END,
            r"(?<![\w.,-])" + _DAY.format(name="d2") + r"\s+(?:of\s+)?" + _MONTH.format(name="m2")
            + r"(?:,?\s+" + _YEAR.format(name="y2") + ")?" + _END,
            _MONTH.format(name="m3") + r",?\s+" + _YEAR.format(name="y3") + _END,
        ]
    )
)  # fmt: skip
# Every date starts with a run of digits (its day) or with one of these (its month).
_MONTH_PREFIX = re.compile("|".join(name[:3] for name in MONTH_NAMES))
_TIME = re.compile(
    r"(?<![\w.,-])\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)"
    r"|(?<![\w.,:-])\d{1,2}:\d\d(?![\w:])",
    re.IGNORECASE,
)
_NUMBER = re.compile(
    r"(?<![\w.,-])(?:(?P<cur>US\$|\$|€|£|₽|₴)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<abbr>bn|mn|tn|[mkb])|\s+(?P<scale>thousand|million|billion|trillion))?"
    r"(?:\s*(?P<pct>%|percent\b|per\s+cent\b))?"
    r"(?![\w]|[.,]\d)",
    re.IGNORECASE,
)
# Dates, times and numbers start where a run of digits does. "\d\d*", not "\d+": re
# skips ahead fast to a pattern's leading class, not to a leading repeat.
_DIGITS = re.compile(r"\d\d*")
CURRENCY_SIGNS = "".join(s for s in CURRENCY_SYMBOLS if len(s) == 1)  # "$€£₽₴"
_CURRENCY_SIGN = re.compile(f"[{CURRENCY_SIGNS}]")
_SPELLED_WORD = surface_trie(sorted(SPELLED, key=len, reverse=True))  # longest first
_SPELLED_SOURCE = (
    rf"(?<![\w-])(?=[{''.join(sorted(set(w[0] for w in SPELLED)))}])"
    rf"(?P<tens>{_SPELLED_WORD})(?:-(?P<ones>{_SPELLED_WORD}))?"
    r"(?P<half>\s+and\s+a\s+half)?(?![\w])"
)
# Its literals are lower-case ASCII, so its case-sensitive twin on the lower-cased text
# finds the same spans (FoldedPattern); group texts are then lower case.
_SPELLED = FoldedPattern(re.compile(_SPELLED_SOURCE, re.IGNORECASE), re.compile(_SPELLED_SOURCE))
_CURRENCY_WORD = re.compile(
    r"\s+(?:US\s+)?(?P<word>"
    + "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_EACH_AFTER = re.compile(
    r"\s+(?:each|apiece|per\s+side|on\s+each\s+side|from\s+each\s+side)\b(?!\s+or\b)",
    re.IGNORECASE,
)
_EACH_BEFORE = re.compile(r"\beach(?:\s+side)?(?:\s+[\w’'-]+){0,2}\s+$", re.IGNORECASE)
_NOUN = re.compile(r"\s+(?P<noun>[a-z][a-z’'-]*[a-z])(?![\w-])")
_ADJECTIVE = re.compile(r"\s+(?P<word>[A-Za-z][\w’'-]*)")
_AGE = re.compile(r"(?:-|\s+)old\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit noun: canonical plural, singular, surface forms; durations may be spelled out."""

    unit: str
    singular: str
    forms: tuple[str, ...]
    duration: bool = False


@dataclass(frozen=True)
class Units:
    """Units with one compiled pattern (longest form first) that matches right after a number."""

    units: tuple[Unit, ...]
    pattern: re.Pattern[str]
    by_form: dict[str, Unit]

    @classmethod
    def build(cls, units: Sequence[Unit]) -> Units:
        by_form: dict[str, Unit] = {}
        for unit in units:
            for form in unit.forms:
                by_form.setdefault(ignorecase_fold(form), unit)
        forms = sorted(by_form, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
        pattern = re.compile(
            rf"(?P<sep>\s+|-)(?P<form>{alternatives})(?![\w-])" if forms else r"(?!)",
            re.IGNORECASE,
        )
        return cls(tuple(units), pattern, by_form)

    def at(self, text: str, pos: int) -> tuple[Unit, int, str] | None:
        """The unit starting at ``pos`` (after a space, or a hyphen for durations): unit, end."""
        m = self.pattern.match(text, pos)
        if m is None:
            return None
        unit = self.by_form[ignorecase_fold(re.sub(r"\s+", " ", m.group("form")))]
        if m.group("sep") == "-" and not unit.duration:
            return None
        return unit, m.end(), m.group("sep")


class NumberMention(NamedTuple):
    """A numeric fact or a date found in a text (offsets into that text)."""

    start: int
    end: int
    kind: str
    item: str
    value: float
    unit: str
    as_written: str


def format_value(value: float) -> str:
    """A number for a label: "300,000", "2.5", "2.5 billion" (millions and up in words)."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {word}"
    return _plain(value)


def _plain(value: float) -> str:
    value = round(value, 6)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _label(value: float, unit: Unit | str, each: bool) -> tuple[str, str]:
    """(item label, canonical unit) of a count."""
    if isinstance(unit, Unit):
        name, noun = unit.unit, unit.singular if value == 1 else unit.unit
    else:
        name = noun = unit
    return f"{format_value(value)} {noun}{' each' if each else ''}", name


def _each_before(text: str, start: int) -> bool:
    return _EACH_BEFORE.search(text[max(0, start - 40) : start]) is not None


def digit_runs(text: str) -> list[int]:
    """Where the runs of digits of ``text`` start. A date's day, a time and a number
    start after no word character, so only there, never inside a run."""
    return [m.start() for m in _DIGITS.finditer(text)]


def _number_starts(text: str, digit_starts: Sequence[int]) -> list[int]:
    """Where a number can start: a run of digits, a currency sign, or two before a "$"
    (the one currency written with letters first is "US$")."""
    if not any(sign in text for sign in CURRENCY_SIGNS):  # most texts; faster than a scan
        return list(digit_starts)
    signs = [m.start() for m in _CURRENCY_SIGN.finditer(text)]
    us_dollars = [pos - 2 for pos in signs if pos >= 2 and text[pos] == "$"]
    return sorted({*digit_starts, *signs, *us_dollars})


def find_dates(text: str, digit_starts: Sequence[int] | None = None) -> list[NumberMention]:
    """Calendar dates ("February 5, 2026", "5 Feb", "March 2022"), normalised (module doc).

    ``digit_starts``: :func:`digit_runs` of ``text``, when the caller has them.
    """
    if digit_starts is None:
        digit_starts = digit_runs(text)
    months = [m.start() for m in _MONTH_PREFIX.finditer(text)]
    out: list[NumberMention] = []
    for m in matches_at(_DATE, text, sorted([*digit_starts, *months])):
        groups = m.groupdict()
        month_word = groups["m1"] or groups["m2"] or groups["m3"]
        day_text = groups["d1"] or groups["d2"]
        year_text = groups["y1"] or groups["y2"] or groups["y3"]
        month = MONTHS[month_word.lower()]
        if day_text is not None and not 1 <= int(day_text) <= 31:
            continue
        if day_text is None:
            item = f"{int(year_text):04d}-{month:02d}"
        elif year_text is None:
            item = f"{MONTH_NAMES[month - 1]} {int(day_text)}"
        else:
            item = f"{int(year_text):04d}-{month:02d}-{int(day_text):02d}"
        value = float(year_text) if year_text else 0.0
        out.append(NumberMention(m.start(), m.end(), DATE, item, value, "", m.group(0)))
    return out


def _unit_after(text: str, pos: int, units: Units) -> tuple[Unit | str, int] | None:
    """The unit noun after a number: a listed form (maybe after one or two adjectives
    such as "157 Ukrainian prisoners"), else the next lower-case word if it is not a
    function word ("314 combatants"); None when there is none."""
    found = units.at(text, pos)
    if found is not None:
        return found[0], found[1]
    cursor = pos
    for _ in range(2):
        adjective = _ADJECTIVE.match(text, cursor)
        if adjective is None or ignorecase_fold(adjective.group("word")) in NOT_UNITS:
            break
        cursor = adjective.end()
        found = units.at(text, cursor)
        if found is not None and found[2] != "-":
            return found[0], found[1]
    noun = _NOUN.match(text, pos)
    if noun is not None and noun.group("noun") not in NOT_UNITS:
        return noun.group("noun"), noun.end()
    return None


def _digit_mention(
    text: str, m: re.Match[str], units: Units, blocked: Intervals
) -> NumberMention | None:
    """The mention of one digit-number match, or None when it is not a fact (module doc);
    ``blocked``: the dates and times, which no number overlaps."""
    start, end = m.start(), m.end()
    if blocked.any_overlapping(start, end):
        return None
    raw = m.group("num")
    value = float(raw.replace(",", ""))
    scale_word = ignorecase_fold(m.group("abbr") or m.group("scale") or "")
    value *= SCALES.get(scale_word, 1.0)
    currency = CURRENCY_SYMBOLS.get((m.group("cur") or "").upper())
    if currency is None and not m.group("pct"):
        word = _CURRENCY_WORD.match(text, end)
        if word is not None:
            currency, end = CURRENCY_WORDS[ignorecase_fold(word.group("word"))], word.end()
    if scale_word in AMBIGUOUS_SCALES and currency is None:
        return None
    if m.group("pct"):
        return NumberMention(start, end, NUMBER, f"{_plain(value)}%", value, "%", text[start:end])
    each = _each_before(text, start)
    if currency is not None:
        after = _EACH_AFTER.match(text, end)
        if after is not None:
            each, end = True, after.end()
        item = f"{currency}{format_value(value)}{' each' if each else ''}"
        return NumberMention(start, end, NUMBER, item, value, currency, text[start:end])
    unit_end = _unit_after(text, end, units)
    is_year_like = "," not in raw and "." not in raw and not scale_word and int(value) in YEAR_RANGE
    if is_year_like and not (unit_end and isinstance(unit_end[0], Unit)):
        return NumberMention(start, m.end(), DATE, raw, value, "", raw)
    if unit_end is None:
        return None
    unit, end = unit_end
    if isinstance(unit, Unit) and unit.duration and _AGE.match(text, end):
        return None
    after = _EACH_AFTER.match(text, end)
    if after is not None:
        each, end = True, after.end()
    item, name = _label(value, unit, each)
    return NumberMention(start, end, NUMBER, item, value, name, text[start:end])


def _spelled_value(m: re.Match[str]) -> float | None:
    """Value of "five", "twenty-five", "five and a half"; None for "five-three" and the like."""
    first = SPELLED[ignorecase_fold(m.group("tens"))]
    second = SPELLED[ignorecase_fold(m.group("ones"))] if m.group("ones") else 0
    if m.group("ones") and not (first >= 20 and first % 10 == 0 and 1 <= second <= 9):
        return None
    return first + second + (0.5 if m.group("half") else 0.0)


def _spelled_mentions(text: str, units: Units) -> list[NumberMention]:
    """Spelled-out numbers before a duration unit: "five months", "two-day talks"."""
    out: list[NumberMention] = []
    for m in _SPELLED.finditer(text):
        found = units.at(text, m.end())
        if found is None or not found[0].duration:
            # "twenty-two-day": the hyphen after "twenty" was read as a second word
            continue
        unit, end, _ = found
        value = _spelled_value(m)
        if value is None or _AGE.match(text, end):
            continue
        each = _each_before(text, m.start())
        after = _EACH_AFTER.match(text, end)
        if after is not None:
            each, end = True, after.end()
        item, name = _label(value, unit, each)
        out.append(NumberMention(m.start(), end, NUMBER, item, value, name, text[m.start() : end]))
    return out


def find_numbers(text: str, units: Units) -> list[NumberMention]:
    """Numbers with a unit, money, percentages and dates in ``text``, in text order."""
    digit_starts = digit_runs(text)
    dates = find_dates(text, digit_starts)
    blocked = [(d.start, d.end) for d in dates]
    blocked += [(t.start(), t.end()) for t in matches_at(_TIME, text, digit_starts)]
    found: list[NumberMention] = list(dates)
    blocked_index = Intervals(blocked)
    for m in matches_at(_NUMBER, text, _number_starts(text, digit_starts)):
        mention = _digit_mention(text, m, units, blocked_index)
        if mention is not None:
            found.append(mention)
    found += _spelled_mentions(text, units)
    return sorted(found, key=lambda n: (n.start, n.end))
