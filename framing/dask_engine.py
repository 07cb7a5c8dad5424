"""Run the per-article function on a dask.distributed cluster (the ``[dask]`` extra).

The per-chunk function of :mod:`framing.run` runs over a Dask bag, block by block: a
block of articles is split into partitions, each computed on the cluster into typed
tables (:class:`~framing.tables.TableParts`), which come back in input order while the
next block is already running. The tables are then written exactly as with the local
engine, so the outputs are identical.

Every worker needs framing installed, at the same version as the client (the
function and the lexicon settings are sent by reference, not as code).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from typing import Any

from framing.corpus import Article
from framing.tables import TableParts

# what framing.run hands over: a chunk of articles -> their typed tables, and the warm-up
ChunkWork = Callable[[list[Article]], TableParts]

EXTRA_HINT = "pip install 'framing[dask]'"
BLOCK_SIZE = 512  # articles per bag; two blocks in flight bound the client's memory
PARTITION_SIZE = 16  # articles per bag partition (one task)


class MissingExtraError(ImportError):
    """An optional dependency is not installed; the message names the extra."""


class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached (names the address)."""


def require_dask() -> tuple[Any, Any, Any]:
    """``(dask.bag, distributed.Client, distributed.LocalCluster)``, or a clear error."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise MissingExtraError(
            f"the dask engine needs dask and distributed ({exc.name} is missing): "
            f"install the extra with {EXTRA_HINT}"
        ) from None
    return db, Client, LocalCluster


def compute_on_dask(
    work: ChunkWork,
    articles: Iterable[Article],
    warm: Callable[[], None],
    *,
    workers: int,
    scheduler: str | None = None,
) -> Iterator[TableParts]:
    """``work`` over ``articles`` on the cluster at ``scheduler`` (else a local one), one
    bag partition at a time, as typed tables in input order; ``warm`` runs once per worker."""
    db, client_class, cluster_class = require_dask()
    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(client_class(scheduler))
            except OSError as exc:  # refused, timed out, unknown host
                raise ClusterError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                ) from None
        else:
            cluster = stack.enter_context(
                cluster_class(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(client_class(cluster))
        client.run(warm)  # lexicons, VADER, CMUdict: once per worker
        pending: deque[Any] = deque()
        for block in _blocks(articles, BLOCK_SIZE):
            bag = db.from_sequence(block, partition_size=PARTITION_SIZE).map_partitions(
                _partition_parts, work
            )
            pending.append(client.compute(bag))
            if len(pending) >= 2:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _partition_parts(partition: Iterable[Article], work: ChunkWork) -> list[TableParts]:
    """One bag partition's articles as one element: their typed tables."""
    return [work(list(partition))]


def _blocks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` articles (the last one shorter)."""
    it = iter(articles)
    while block := list(islice(it, size)):
        yield block
