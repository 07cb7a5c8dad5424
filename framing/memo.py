"""One bounded memo for the per-token and per-name work that recurs across articles.

The same tokens ("the", "said", "Kremlin") and the same matched names come back in
every article of a corpus: VADER's view of a token, a token's readability counts,
which actor or place a surface names. :class:`Memo` remembers them, computing a key
on first sight only, and empties itself when full, so memory stays bounded on a
corpus of any size (a memo only saves work: results never depend on its contents).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """``key -> compute(key)``, computed on first sight; emptied when it holds ``limit`` keys.

    A dict whose ``__missing__`` computes: a known key is a plain dict lookup, so
    ``map(memo.__getitem__, keys)`` runs without a Python call per known key.
    """

    def __init__(self, compute: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
