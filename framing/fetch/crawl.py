"""Links to a corpus: plan (one fetch per page), fetch in threads, extract, write.

The same article under several addresses (tracking parameters, AMP, mobile hosts) is
fetched once (:func:`framing.fetch.urls.page_key`); two pages whose main texts are
identical are written once, the other address recorded in ``duplicate_urls``. Fetching
and extraction run in worker threads; only the main thread writes, so an interrupt
(Ctrl-C) leaves whole files and a manifest that matches them.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from framing.fetch.cache import CACHE_FOLDER, PageCache
from framing.fetch.extract import Extracted, NotAnArticle, extract_article
from framing.fetch.http import Client, FetchError, Page, Politeness
from framing.fetch.inputs import BadLink, Link, looks_like_feed, read_feed, read_source
from framing.fetch.outlets import Outlets, load_outlets, source_name
from framing.fetch.urls import domain, is_variant, page_key
from framing.fetch.writer import CorpusWriter, article_file_name


class Progress(Protocol):
    """What the crawl reports as it goes (the CLI draws a bar; tests may count)."""

    def add_total(self, n: int) -> None: ...

    def count(self, kind: str) -> None: ...  # fetched, cached, failed, duplicate


class _Silent:
    def add_total(self, n: int) -> None:
        pass

    def count(self, kind: str) -> None:
        pass


@dataclass
class Target:
    """One page to fetch: the preferred address of every link that names it."""

    order: int
    key: str
    links: list[Link]

    @property
    def url(self) -> str:
        return next((lk.url for lk in self.links if not is_variant(lk.url)), self.links[0].url)

    @property
    def maybe_feed(self) -> bool:
        return any(lk.maybe_feed for lk in self.links)


@dataclass(frozen=True)
class Outcome:
    target: Target
    page: Page | None = None
    article: Extracted | None = None
    error: FetchError | None = None
    cached: bool = False
    feed_links: tuple[Link | BadLink, ...] = ()


@dataclass
class FetchReport:
    """What a run did: articles written (``fetched`` + ``cached``: where their page came
    from), links that failed, pages whose text was already written, feeds read."""

    out: Path
    written: int = 0
    fetched: int = 0  # written from a page downloaded in this run
    cached: int = 0  # written from a page in the cache
    failed: int = 0
    duplicates: int = 0
    feeds: int = 0
    files: list[str] = field(default_factory=list)


class Planner:
    """Groups links by page: a link to a page already planned joins its target."""

    def __init__(self) -> None:
        self.targets: dict[str, Target] = {}
        self._order = 0

    def next_order(self) -> int:
        self._order += 1
        return self._order

    def add(self, link: Link) -> Target | None:
        """The new target for ``link``, or None when its page is already planned."""
        key = page_key(link.url)
        if key in self.targets:
            self.targets[key].links.append(link)
            return None
        self.targets[key] = Target(self.next_order(), key, [link])
        return self.targets[key]


def fetch_target(target: Target, client: Client, cache: PageCache, *, refresh: bool) -> Outcome:
    """Fetch (or read from the cache) and extract one page; never raises FetchError.

    The outcome keeps the page's metadata but not its body (outcomes wait, in memory,
    to be recorded in input order; the body is in the cache)."""
    page = None if refresh else cache.get(target.url)  # feeds are never cached
    cached = page is not None
    try:
        if page is None:
            page = client.get(target.url)
            if target.maybe_feed and looks_like_feed(page.content_type, page.body):
                links = tuple(read_feed(page.body, target.url))
                return Outcome(target, replace(page, body=b""), feed_links=links)
            cache.put(page)
        article = extract_article(page)
        return Outcome(target, replace(page, body=b""), article, cached=cached)
    except FetchError as exc:
        return Outcome(target, page and replace(page, body=b""), error=exc, cached=cached)
    except (NotAnArticle, ValueError) as exc:  # ValueError: a broken feed (CorpusError)
        status = page.status if page else None
        error = FetchError(target.url, status, str(exc))
        return Outcome(target, page and replace(page, body=b""), error=error, cached=cached)


class HostScheduler:
    """Targets queued per host: at most ``per_host`` in flight to a host, so no thread
    waits on a busy host while another host has work; the earliest target goes first."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self._queues: dict[str, deque[Target]] = defaultdict(deque)
        self._busy: Counter[str] = Counter()

    def add(self, targets: Iterable[Target]) -> None:
        for t in targets:
            self._queues[host_of(t.url)].append(t)

    def take(self) -> Target | None:
        """The earliest queued target of a host with a free slot, or None."""
        free = [q for h, q in self._queues.items() if q and self._busy[h] < self.per_host]
        if not free:
            return None
        target = min(free, key=lambda q: q[0].order).popleft()
        self._busy[host_of(target.url)] += 1
        return target

    def done(self, target: Target) -> None:
        self._busy[host_of(target.url)] -= 1


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def merged_meta(links: Iterable[Link]) -> dict[str, str]:
    """The inputs' metadata for one page: the first non-empty value of each field."""
    meta: dict[str, str] = {}
    for link in links:
        for k, v in link.meta.items():
            meta.setdefault(k, v)
    return meta


def manifest_row(
    target: Target, page: Page, article: Extracted, outlets: Outlets
) -> dict[str, str]:
    """The sources.csv row of one article (writer.MANIFEST_COLUMNS, then input columns)."""
    meta = merged_meta(target.links)
    hint = meta.pop("source_hint", "")
    host = domain(page.final_url) or domain(target.url)
    outlet = outlets.lookup(host)
    row = {
        "file": article_file_name(domain(target.url), target.key),
        "source": source_name(outlet, hint=hint, sitename=article.sitename, domain=host),
        "country": (outlet.country if outlet else "") or meta.pop("country", ""),
        "ownership": outlet.ownership if outlet else "",
        "url": target.url,
        "date": meta.pop("date", "") or article.date,
        "title": meta.pop("title", "") or article.title,
        "author": article.author or meta.pop("author", ""),
        "sitename": article.sitename,
        "final_url": page.final_url,
        "redirects": " ".join(page.redirects),
        "duplicate_urls": " ".join(sorted({lk.url for lk in target.links} - {target.url})),
        "found_in": "; ".join(dict.fromkeys(lk.found_in for lk in target.links)),
        "fetched_at": page.fetched_at,
    }
    row.update({k: v for k, v in meta.items() if k not in row})
    return row


def text_digest(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def read_links(sources: Iterable[str]) -> Iterator[Link | BadLink]:
    for source in sources:
        yield from read_source(source)


class Crawl:
    """One run of :func:`fetch_corpus` (state shared by its steps)."""

    def __init__(
        self,
        out: Path,
        client: Client,
        cache: PageCache,
        outlets: Outlets,
        progress: Progress,
        *,
        refresh: bool,
    ) -> None:
        self.client, self.cache, self.outlets, self.progress = client, cache, outlets, progress
        self.refresh = refresh
        self.writer = CorpusWriter(out)
        self.planner = Planner()
        self.report = FetchReport(out)
        self.by_text: dict[str, str] = {}  # text digest -> file written
        self.file_of: dict[str, str] = {}  # page key -> file written

    def plan(self, links: Iterable[Link | BadLink]) -> list[Target]:
        """New targets for ``links``; a bad entry is an error row at once."""
        new: list[Target] = []
        for link in links:
            if isinstance(link, BadLink):
                self.progress.add_total(1)
                order = self.planner.next_order()
                self.writer.add_error(order, link.text, None, link.reason, link.found_in)
                self.report.failed += 1
                self.progress.count("failed")
            else:
                target = self.planner.add(link)
                if target is not None:
                    new.append(target)
                elif page_key(link.url) in self.file_of:  # a late link to a page written
                    self.writer.add_duplicate(self.file_of[page_key(link.url)], [link.url])
        self.progress.add_total(len(new))
        return new

    def record(self, outcome: Outcome) -> list[Target]:
        """Write what a target gave; return the new targets a feed brought."""
        target = outcome.target
        if outcome.feed_links:
            self.report.feeds += 1
            self.progress.count("feed")
            return self.plan(outcome.feed_links)
        if outcome.error is not None or outcome.page is None or outcome.article is None:
            error = outcome.error or FetchError(target.url, None, "no page")
            found_in = "; ".join(dict.fromkeys(lk.found_in for lk in target.links))
            self.writer.add_error(target.order, target.url, error.status, error.reason, found_in)
            self.report.failed += 1
            self.progress.count("failed")
            return []
        row = manifest_row(target, outcome.page, outcome.article, self.outlets)
        digest = text_digest(outcome.article.text)
        first = self.by_text.get(digest)
        if first is not None and first != row["file"]:
            self.writer.add_duplicate(first, [target.url, *row["duplicate_urls"].split()])
            self.file_of[target.key] = first
            self.report.duplicates += 1
            self.progress.count("duplicate")
            return []
        self.by_text[digest] = self.file_of[target.key] = row["file"]
        self.writer.write_article(target.order, row, outcome.article.text)
        self.report.written += 1
        self.report.files.append(row["file"])
        if outcome.cached:
            self.report.cached += 1
        else:
            self.report.fetched += 1
        self.progress.count("cached" if outcome.cached else "fetched")
        return []

    def run(self, targets: list[Target], workers: int) -> None:
        """Fetch in threads (:class:`HostScheduler`); record outcomes in input order, so
        the output is deterministic (of two identical texts, the one listed first is kept)."""
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="framing-fetch")
        scheduler = HostScheduler(self.client.politeness.per_host)
        pending: dict[Future[Outcome], Target] = {}
        outstanding: list[int] = []  # orders planned and not yet recorded (a heap)
        arrived: dict[int, Outcome] = {}

        def plan(batch: list[Target]) -> None:
            scheduler.add(batch)
            for t in batch:
                heapq.heappush(outstanding, t.order)

        def dispatch() -> None:
            while len(pending) < workers and (t := scheduler.take()) is not None:
                pending[
                    pool.submit(fetch_target, t, self.client, self.cache, refresh=self.refresh)
                ] = t

        try:
            plan(targets)
            dispatch()
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    target = pending.pop(future)
                    scheduler.done(target)
                    arrived[target.order] = future.result()
                while outstanding and outstanding[0] in arrived:
                    plan(self.record(arrived.pop(heapq.heappop(outstanding))))
                dispatch()
                self.writer.maybe_flush()
        finally:
            if pending:  # interrupted: running fetches end at their next wait or request
                self.client.stop()
            pool.shutdown(wait=not pending, cancel_futures=True)
            self.writer.flush()


def fetch_corpus(
    sources: Iterable[str],
    out: str | Path,
    *,
    politeness: Politeness | None = None,
    outlets: str | Path | None = None,
    refresh: bool = False,
    cache_dir: str | Path | None = None,
    workers: int = 8,
    progress: Progress | None = None,
    client: Client | None = None,
) -> FetchReport:
    """Fetch every article the SOURCES name into the corpus folder ``out``.

    ``sources``: URL-list files, CSV/TSV exports, feed files, or URLs (a feed or a page).
    Pages come from the cache under ``out/.fetch-cache`` (or ``cache_dir``) unless
    ``refresh``; failures are listed in ``fetch_errors.csv`` and do not stop the run.
    """
    out = Path(out)
    crawl = Crawl(
        out,
        client or Client(politeness),
        PageCache(cache_dir or out / CACHE_FOLDER),
        load_outlets(outlets),
        progress or _Silent(),
        refresh=refresh,
    )
    try:
        targets = crawl.plan(read_links(sources))
    except BaseException:
        crawl.writer.flush()
        raise
    crawl.run(targets, workers)
    return crawl.report
