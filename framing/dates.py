"""Publication dates, as written in manifests, records, front matter and HTML metadata,
read to ISO 8601 calendar dates (``2026-02-05``).

Accepted: ISO 8601 dates and date-times (``2026-02-05``, ``2026-02-05T10:12:00Z``,
``2026/02/05``, ``20260205``), RFC 2822 dates of feeds (``Thu, 05 Feb 2026 10:12:00
GMT``), and dates with a month name (``5 February 2026``, ``Feb. 5, 2026``,
``Thursday, February 5, 2026``). A date-time keeps the calendar date as written (no
time-zone shift). A numeric day/month date (``05/02/2026``) is read only when the
order is certain (one number over 12); otherwise, like any text that is not a date,
it is refused: the date is left empty and a warning names the file and the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime
from typing import Protocol, TypeVar

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:$|[T ]\d)")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_NAMED = [
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})"),
    re.compile(rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})"),
]  # fmt: skip


def iso_date(text: str) -> str | None:
    """The ISO date of ``text``, "" for no date, None when ``text`` is not a date.

    >>> iso_date("Thu, 05 Feb 2026 10:12:00 GMT"), iso_date("Feb. 5, 2026")
    ('2026-02-05', '2026-02-05')
    >>> iso_date("05/02/2026") is None   # 5 February or May 2?
    True
    """
    text = " ".join(text.split())
    if not text:
        return ""
    for reader in (_iso, _named, _numeric, _rfc2822):
        found = reader(text)
        if found is not None:
            return found.isoformat()
    return None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(text: str) -> date | None:
    match = _ISO.match(text)
    return _valid(*(int(g) for g in match.groups())) if match else None


def _named(text: str) -> date | None:
    for pattern in _NAMED:
        match = pattern.match(text)
        if match and match["month"].lower() in MONTHS:
            return _valid(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    return None


def _numeric(text: str) -> date | None:
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    if first > 12 >= second:
        return _valid(year, second, first)  # day first
    if second > 12 >= first:
        return _valid(year, first, second)  # month first
    return None  # both orders possible (or neither): refuse to guess


def _rfc2822(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


class Dated(Protocol):
    @property
    def date(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...


D = TypeVar("D", bound=Dated)


def dated(record: D) -> D:
    """``record`` (a dataclass such as :class:`framing.corpus.Article`) with its date as
    an ISO date; a date that cannot be read is left empty, with a warning."""
    found = iso_date(record.date)
    if found == record.date:
        return record
    if found is None:
        warning = (
            f"{record.file}: date {record.date!r} not understood "
            "(expected e.g. 2026-02-05 or 5 February 2026); left empty"
        )
        return replace(record, date="", warnings=(*record.warnings, warning))  # type: ignore[type-var]
    return replace(record, date=found)  # type: ignore[type-var]
