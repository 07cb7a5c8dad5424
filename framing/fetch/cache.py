"""On-disk cache of fetched pages, keyed by address, so a rerun fetches only what is missing.

One entry per address: ``<sha256>.body`` (the bytes as received) and ``<sha256>.json``
(status, headers that matter, redirects, time). The body is written first and each
file is renamed into place, so an interrupted run leaves whole entries or none: the
JSON file's presence means the entry is complete. Only pages that arrived are stored;
failures are retried on the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import asdict
from pathlib import Path

from framing.fetch.http import Page

CACHE_FOLDER = ".fetch-cache"  # inside the corpus folder; hidden, so `analyze` skips it


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename (never half a file).

    The file gets the permissions any new file gets here (0666 less the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class PageCache:
    """Pages by address under ``folder`` (see the module docstring)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        base = self.folder / key[:2] / key
        return base.with_suffix(".json"), base.with_suffix(".body")

    def get(self, url: str) -> Page | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url:
            return None
        meta["redirects"] = tuple(meta.get("redirects", ()))
        try:
            return Page(body=body, **meta)
        except TypeError:  # written by another version: fetch again
            return None

    def put(self, page: Page) -> None:
        meta_path, body_path = self._paths(page.url)
        write_atomically(body_path, page.body)
        meta = {k: v for k, v in asdict(page).items() if k != "body"}
        write_atomically(meta_path, json.dumps(meta, indent=1, sort_keys=True).encode("utf-8"))
