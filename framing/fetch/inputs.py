"""What to fetch: URL lists, CSV/TSV exports (Media Cloud, GDELT), RSS/Atom feeds, URLs.

Each SOURCE becomes :class:`Link` records: an address, where it was found
(``file:line``), and the metadata the input had. Columns of a table are kept
(lower-cased names); those that say the same as a manifest column fill it:

* Media Cloud story exports (``stories_id``/``media_id``, ``media_name``,
  ``publish_date``, ``title``, ``url``, ``language``): ``media_name`` -> source hint,
  ``publish_date`` -> date.
* GDELT DOC API article lists, CSV or JSON (``url``, ``title``, ``seendate``, ``domain``,
  ``language``, ``sourcecountry``): ``seendate`` (``20220224T101500Z``) -> date in
  ISO 8601, ``sourcecountry`` -> country. GDELT GKG/event files name the address
  ``DocumentIdentifier`` / ``SOURCEURL``.

A line that is not an address is a :class:`BadLink` (listed in fetch_errors.csv).
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.corpus import CorpusError, read_text
from framing.fetch.urls import NotAUrl, fetch_url

URL_COLUMNS = ("url", "link", "story_url", "documentidentifier", "sourceurl")
DATE_COLUMNS = ("date", "publish_date", "seendate", "published", "pub_date", "datetime")
SOURCE_COLUMNS = ("source", "media_name", "outlet", "media")
COUNTRY_COLUMNS = ("country", "sourcecountry")
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
JSON_LISTS = ("articles", "stories", "results", "items")  # GDELT DOC API: "articles"
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_GDELT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T?(\d{2})(\d{2})(\d{2})Z?$")


@dataclass(frozen=True)
class Link:
    """One address to fetch, with the metadata its input gave (manifest names where known)."""

    url: str
    found_in: str  # file:line, feed address, or "command line"
    meta: dict[str, str] = field(default_factory=dict)
    maybe_feed: bool = False  # a URL given as a SOURCE: a feed or an article


@dataclass(frozen=True)
class BadLink:
    """An input entry that is not an address to fetch."""

    text: str
    found_in: str
    reason: str


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_source(source: str) -> Iterator[Link | BadLink]:
    """The links of one SOURCE (a URL, a URL list, a CSV/TSV export, or a feed file)."""
    if is_url(source):
        yield _link(source, "command line", {}, maybe_feed=True)
        return
    path = Path(source)
    if not path.is_file():
        raise CorpusError(path, "no such file, and not an http(s) address")
    text, _ = read_text(path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        yield from read_table(text, str(path), delimiter="\t" if suffix == ".tsv" else None)
    elif suffix in JSON_SUFFIXES:
        yield from read_json(text, str(path), lines=suffix == ".jsonl")
    elif suffix in FEED_SUFFIXES or text.lstrip().startswith("<"):
        yield from read_feed(path.read_bytes(), str(path))  # the XML declares its encoding
    else:
        yield from read_url_list(text, str(path))


def _link(
    url: str, found_in: str, meta: dict[str, str], *, maybe_feed: bool = False
) -> Link | BadLink:
    try:
        return Link(fetch_url(url), found_in, meta, maybe_feed)
    except NotAUrl as exc:
        return BadLink(url, found_in, str(exc))


def read_url_list(text: str, name: str) -> Iterator[Link | BadLink]:
    """One address a line; blank lines and ``#`` comments are skipped."""
    for n, line in enumerate(text.splitlines(), 1):
        entry = line.strip()
        if entry and not entry.startswith("#"):
            yield _link(entry.split()[0], f"{name}:{n}", {})


def read_table(text: str, name: str, *, delimiter: str | None = None) -> Iterator[Link | BadLink]:
    """Rows of a CSV/TSV export with an address column (see the module docstring)."""
    if delimiter is None:
        delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    url_column = _url_column(header, name)
    for row in reader:
        if any(cell.strip() for cell in row):
            record = dict(zip(header, (cell.strip() for cell in row), strict=False))
            yield _record_link(record, url_column, f"{name}:{reader.line_num}")


def _url_column(columns: list[str], name: str) -> str:
    found = next((c for c in URL_COLUMNS if c in columns), None)
    if found is None:
        raise CorpusError(name, f"needs a 'url' column, has {columns}", 1)
    return found


def _record_link(record: dict[str, str], url_column: str, found_in: str) -> Link | BadLink:
    return _link(record.get(url_column, ""), found_in, table_meta(record, url_column))


def read_json(text: str, name: str, *, lines: bool) -> Iterator[Link | BadLink]:
    """Records of a JSON file (a list, or an object holding one under ``articles`` as the
    GDELT DOC API answers with ``format=json``) or of a JSONL file, with an address field."""
    try:
        if lines:
            numbered = [
                (n, json.loads(ln)) for n, ln in enumerate(text.splitlines(), 1) if ln.strip()
            ]
        else:
            data = json.loads(text)
            if isinstance(data, dict):
                data = next((data[k] for k in JSON_LISTS if isinstance(data.get(k), list)), [data])
            numbered = [
                (n, item) for n, item in enumerate(data if isinstance(data, list) else [], 1)
            ]
    except json.JSONDecodeError as exc:
        raise CorpusError(name, f"invalid JSON: {exc.msg}", exc.lineno) from None
    records = [
        (n, {str(k).lower(): _scalar(v) for k, v in item.items()})
        for n, item in numbered
        if isinstance(item, dict)
    ]
    if not records:
        raise CorpusError(name, "no records (expected a list of objects, or 'articles')")
    url_column = _url_column(sorted({k for _, r in records for k in r}), name)
    for n, record in records:
        yield _record_link(record, url_column, f"{name}:{n}" if lines else f"{name}#{n}")


def _scalar(value: Any) -> str:
    """A JSON value as a manifest cell: strings and numbers as written, anything else empty."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value).strip()


def _sniff_delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max(",;\t", key=first.count)


def table_meta(record: dict[str, str], url_column: str) -> dict[str, str]:
    """A row's metadata: every column but the address, plus the manifest fields it fills."""
    meta = {k: v for k, v in record.items() if k != url_column and k != "text" and v}
    filled = {
        "date": _first(record, DATE_COLUMNS),
        "source_hint": _first(record, SOURCE_COLUMNS),
        "country": _first(record, COUNTRY_COLUMNS),
    }
    meta.pop("source", None)  # the outlet name is decided from the domain first
    meta.update({k: v for k, v in filled.items() if v})
    if meta.get("date"):
        meta["date"] = iso_date(meta["date"])
    return meta


def _first(record: dict[str, str], columns: tuple[str, ...]) -> str:
    return next((record[c] for c in columns if record.get(c)), "")


def iso_date(value: str) -> str:
    """GDELT's ``20220224T101500Z`` as ``2022-02-24T10:15:00Z``; other dates unchanged."""
    match = _GDELT_DATE.match(value.strip())
    if not match:
        return value.strip()
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def read_feed(data: str | bytes, name: str) -> Iterator[Link | BadLink]:
    """Entries of an RSS or Atom feed (feedparser): link, title, date, author."""
    import feedparser

    parsed: Any = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception") or "no entries"
        raise CorpusError(name, f"not an RSS/Atom feed, or an empty one: {problem}")
    for n, entry in enumerate(parsed.entries, 1):
        meta = {
            "title": str(entry.get("title") or "").strip(),
            "date": _feed_date(entry),
            "author": str(entry.get("author") or "").strip(),
        }
        link = str(entry.get("link") or "").strip()
        yield _link(link, f"{name}#{n}", {k: v for k, v in meta.items() if v})


def _feed_date(entry: Any) -> str:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else ""


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """A response that is an RSS/Atom document rather than a web page."""
    if content_type in ("application/rss+xml", "application/atom+xml"):
        return True
    head = body[:1024].lstrip().lower()
    return (
        content_type in ("application/xml", "text/xml", "")
        and (head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed")))
        and b"<html" not in head
    )
