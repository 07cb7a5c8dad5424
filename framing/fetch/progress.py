"""A progress bar on stderr for ``framing fetch`` (tqdm): pages done, and how each ended."""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

KINDS = ("fetched", "cached", "failed", "duplicate")


class ProgressBar:
    """Counts of fetched / cached / failed / duplicate pages; drawn only when ``enabled``."""

    def __init__(self, *, enabled: bool) -> None:
        from tqdm import tqdm

        self.counts: Counter[str] = Counter()
        self._bar: Any = tqdm(
            total=0, unit="page", file=sys.stderr, disable=not enabled, dynamic_ncols=True
        )

    def add_total(self, n: int) -> None:
        if n:
            self._bar.total += n
            self._bar.refresh()

    def count(self, kind: str) -> None:
        self.counts[kind] += 1
        self._bar.update(1)
        self._bar.set_postfix({k: self.counts[k] for k in KINDS if self.counts[k]}, refresh=False)

    def close(self) -> None:
        self._bar.close()
