"""Data derived from framing's packaged inputs, kept on disk between processes.

Every run starts by deriving the same data from the same inputs: the syllable counts
of CMUdict's 126,000 words, the regex sources of the actor and place names (a trie over
thousands of surfaces, :func:`framing.alternation.surface_trie`). Each is a pure
function of its inputs and of the code that derives it, so the first process stores
the result and later ones read it back (about a tenth of the time).

An entry's key is the SHA-256 of its kind, its inputs, the source file of the
function that builds it and the Python version (whose Unicode tables case-fold and
classify characters): a change to any makes a new entry. Entries are JSON (never
pickle: a cache folder shared between users must not be a way to run code), written
atomically (temporary file + rename). The folder is ``prepared/`` in framing's cache
folder (``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else
``~/.cache/framing``). A folder that cannot be read or written only costs the time to
build: the result is the same.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cache_root() -> Path:
    """framing's cache folder: ``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``,
    else ``~/.cache/framing``."""
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "framing"


@cache
def _source_digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def entry_path(kind: str, inputs: str, build: Callable[[], Any]) -> Path:
    """Where the result of ``build`` for ``inputs`` is kept."""
    h = hashlib.sha256(f"{kind}\0{sys.version_info[:2]}\0".encode())
    h.update(_source_digest(inspect.getfile(build)).encode())
    h.update(inputs.encode("utf-8", "surrogatepass"))
    return cache_root() / "prepared" / f"{kind}-{h.hexdigest()[:40]}.json"


def prepared(kind: str, inputs: str, build: Callable[[], T]) -> T:
    """``build()``, read back from disk when a process has built it for the same ``inputs``
    and the same code; ``build`` must be a pure function of ``inputs`` and return data
    JSON keeps as it is (strings, numbers, lists, dicts with string keys)."""
    path = entry_path(kind, inputs, build)
    try:
        value: T = json.loads(path.read_text(encoding="utf-8"))
        return value
    except (OSError, ValueError):
        pass
    value = build()
    _store(path, value)
    return value


def _store(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(value, fh, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # a read-only or full disk: the next process builds again
