"""The corpus folder: one text file per article, ``sources.csv`` and ``fetch_errors.csv``.

Layout (``framing analyze CORPUS`` reads it as it is; the cache folder is hidden)::

    CORPUS/articles/<domain>_<hash>.txt   the article's main text, UTF-8
    CORPUS/sources.csv                    file, source, country, ownership, url, date,
                                          title, ... (MANIFEST_COLUMNS, then the input's
                                          own columns)
    CORPUS/fetch_errors.csv               url, status, reason, found_in
    CORPUS/.fetch-cache/                  pages as received (framing.fetch.cache)

Every file is written to a temporary name and renamed, and the two CSV files are
rewritten every few seconds, so an interrupted run leaves a corpus that loads. A
rerun keeps the rows of earlier runs whose files are still there.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import time
from pathlib import Path

from framing.corpus import FETCH_ERRORS_NAME, MANIFEST_NAME
from framing.fetch.cache import write_atomically

ARTICLES_FOLDER = "articles"
ERRORS_NAME = FETCH_ERRORS_NAME
MANIFEST_COLUMNS = (
    "file",
    "source",
    "country",
    "ownership",
    "url",
    "date",
    "title",
    "author",
    "sitename",
    "final_url",
    "redirects",
    "duplicate_urls",
    "found_in",
    "fetched_at",
)
ERROR_COLUMNS = ("url", "status", "reason", "found_in")
FLUSH_SECONDS = 2.0


def article_file_name(domain: str, key: str) -> str:
    """``rt-com_1f2e3d4c5b6a7980.txt``: stable for a page, so a rerun rewrites the same file."""
    slug = re.sub(r"[^a-z0-9]+", "-", domain.lower()).strip("-") or "page"
    return f"{slug}_{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}.txt"


def csv_bytes(columns: list[str] | tuple[str, ...], rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    return buffer.getvalue().encode("utf-8")


def read_previous_rows(out: Path) -> list[dict[str, str]]:
    """Rows of an earlier run's manifest whose article files still exist."""
    path = out / MANIFEST_NAME
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [{k: v or "" for k, v in row.items() if k} for row in csv.DictReader(handle)]
    return [r for r in rows if r.get("file") and (out / ARTICLES_FOLDER / r["file"]).is_file()]


class CorpusWriter:
    """Writes articles as they come and keeps the manifest and error list (see the module)."""

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        (self.out / ARTICLES_FOLDER).mkdir(parents=True, exist_ok=True)
        self._previous = {r["file"]: r for r in read_previous_rows(self.out)}
        self._rows: dict[str, tuple[int, dict[str, str]]] = {}
        self._errors: list[tuple[int, dict[str, str]]] = []
        self._flushed = time.monotonic()

    def write_article(self, order: int, row: dict[str, str], text: str) -> None:
        """The article's text file, then its manifest row (written at the next flush)."""
        write_atomically(self.out / ARTICLES_FOLDER / row["file"], (text.strip() + "\n").encode())
        self._rows[row["file"]] = (order, row)
        self._previous.pop(row["file"], None)

    def add_duplicate(self, file: str, urls: list[str]) -> None:
        """Record ``urls`` as other addresses of the article in ``file``."""
        _, row = self._rows[file]
        known = row["duplicate_urls"].split()
        row["duplicate_urls"] = " ".join(known + [u for u in urls if u not in known])

    def add_error(
        self, order: int, url: str, status: int | None, reason: str, found_in: str
    ) -> None:
        row = {"url": url, "status": str(status or ""), "reason": reason, "found_in": found_in}
        self._errors.append((order, row))

    @property
    def n_errors(self) -> int:
        return len(self._errors)

    def maybe_flush(self) -> None:
        if time.monotonic() - self._flushed >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Rewrite ``sources.csv`` and ``fetch_errors.csv`` (atomically), in input order."""
        rows = [row for _, row in sorted(self._rows.values(), key=lambda item: item[0])]
        rows += list(self._previous.values())
        columns = list(MANIFEST_COLUMNS)
        for row in rows:
            columns += [c for c in row if c not in columns]
        write_atomically(self.out / MANIFEST_NAME, csv_bytes(columns, rows))
        errors = [row for _, row in sorted(self._errors, key=lambda item: item[0])]
        write_atomically(self.out / ERRORS_NAME, csv_bytes(ERROR_COLUMNS, errors))
        self._flushed = time.monotonic()
