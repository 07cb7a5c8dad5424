"""A polite HTTP client: robots.txt, one gate per host, timeouts, retries, redirects, size limit.

* **robots.txt** is read once per host and honoured for every address, redirects
  included (RFC 9309: a 4xx robots.txt allows everything; a 5xx or an unreachable one
  forbids everything; a ``Crawl-delay`` longer than ours is obeyed).
* **Per host**, at most ``per_host`` requests are in flight and two requests start at
  least ``delay`` seconds apart.
* **Retries** on 429, 5xx, timeouts and refused connections, waiting ``backoff``,
  then twice as long, ...; a ``Retry-After`` header (seconds or an HTTP date, RFC 9110
  §10.2.3) is honoured when it asks for at most ``max_wait`` seconds, and holds the
  whole host.
* **Redirects** are followed by hand (at most ``max_redirects``), each hop recorded.
* A body over ``max_bytes`` is refused while it is read (never held whole).
* ``HTTP_PROXY`` / ``HTTPS_PROXY`` / ``NO_PROXY`` are honoured as urllib reads them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass
from urllib.robotparser import RobotFileParser

from framing import __version__

DEFAULT_USER_AGENT = (
    f"framing/{__version__} (news framing research toolkit; polite crawler: robots.txt, "
    "1 request per second per host)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Politeness:
    """How the crawler treats a site. Defaults suit a research crawl of news sites."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # seconds between two requests to one host
    per_host: int = 1  # requests in flight to one host
    timeout: float = 20.0  # seconds to connect, and between two reads
    retries: int = 3  # further attempts after a 429, a 5xx or a network error
    backoff: float = 2.0  # first wait before a retry; doubles each time
    max_wait: float = 120.0  # the longest Retry-After honoured; longer is a failure
    max_bytes: int = 5_000_000  # a page larger than this is refused
    max_redirects: int = 5


@dataclass(frozen=True)
class Page:
    """A response that arrived whole: 2xx, under the size limit."""

    url: str  # the address requested
    final_url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, without parameters
    charset: str  # from the Content-Type header, "" when none
    body: bytes
    redirects: tuple[str, ...] = ()  # every address redirected to, in order
    fetched_at: str = ""  # UTC, ISO 8601


class FetchError(Exception):
    """A page could not be fetched: ``status`` is the HTTP status, or None (network, robots)."""

    def __init__(self, url: str, status: int | None, reason: str) -> None:
        self.url, self.status, self.reason = url, status, reason
        super().__init__(f"{url}: {status} {reason}" if status else f"{url}: {reason}")


class _Retry(Exception):
    """A failed attempt worth repeating, after ``wait`` seconds if the server said so."""

    def __init__(self, error: FetchError, wait: float | None = None) -> None:
        self.error, self.wait = error, wait


@dataclass
class HostGate:
    """At most ``per_host`` requests in flight to one host, starting ``delay`` s apart."""

    per_host: int
    delay: float
    _slots: threading.Semaphore = field(init=False)
    _lock: threading.Lock = field(init=False, default_factory=threading.Lock)
    _next_start: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        self._slots = threading.Semaphore(self.per_host)

    @contextmanager
    def turn(self, clock: Callable[[], float], sleep: Callable[[float], object]) -> Iterator[None]:
        with self._slots:
            with self._lock:
                now = clock()
                start = max(now, self._next_start)
                self._next_start = start + self.delay
            if start > now:
                sleep(start - now)
            yield

    def hold(self, seconds: float, clock: Callable[[], float]) -> None:
        """No request to this host before ``seconds`` from now (a Retry-After)."""
        with self._lock:
            self._next_start = max(self._next_start, clock() + seconds)


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def environment_proxies() -> dict[str, str]:
    """``{"http": ..., "https": ...}`` from HTTP_PROXY / HTTPS_PROXY (urllib's reading)."""
    return {k: v for k, v in getproxies().items() if k in ("http", "https") and v}


def is_local(host: str) -> bool:
    """This machine: never reached through a proxy."""
    return host in ("localhost", "::1") or host.startswith("127.")


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


class Client:
    """Fetch pages politely (see the module docstring). Thread-safe; one per crawl."""

    def __init__(
        self,
        politeness: Politeness | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        import urllib3

        self.politeness = politeness = politeness or Politeness()
        self._stopped = threading.Event()
        self._clock = clock
        self._sleep = sleep or self._stopped.wait  # a wait that stop() cuts short
        options: dict[str, Any] = {
            "num_pools": 64,
            "maxsize": max(1, politeness.per_host),
            "headers": {
                "User-Agent": politeness.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
        }
        self._direct = urllib3.PoolManager(**options)
        self._proxied = {
            scheme: urllib3.ProxyManager(address, **options)
            for scheme, address in environment_proxies().items()
        }
        self._lock = threading.Lock()
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def stop(self) -> None:
        """Give up: waits end at once and no further request starts (after Ctrl-C)."""
        self._stopped.set()

    def _pool(self, url: str) -> Any:
        """The proxy the environment names for this address (HTTP_PROXY, HTTPS_PROXY,
        NO_PROXY), or a direct connection."""
        parts = urlsplit(url)
        proxied = self._proxied.get(parts.scheme)
        if proxied is None or is_local(parts.hostname or "") or proxy_bypass(parts.netloc):
            return self._direct
        return proxied

    def get(self, url: str) -> Page:
        """The page at ``url`` after redirects; raises FetchError (robots, status, size, ...)."""
        hops: list[str] = []
        current = url
        while True:
            self._check_robots(current, url)
            page_or_next = self._with_retries(current)
            if isinstance(page_or_next, Page):
                return replace(page_or_next, url=url, redirects=tuple(hops))
            hops.append(page_or_next)
            if len(hops) > self.politeness.max_redirects:
                raise FetchError(url, None, f"more than {self.politeness.max_redirects} redirects")
            current = page_or_next

    def _gate(self, url: str) -> HostGate:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._gates:
                self._gates[host] = HostGate(self.politeness.per_host, self.politeness.delay)
            return self._gates[host]

    def _check_robots(self, url: str, asked: str) -> None:
        rules = self.robots(url)
        if rules is None:
            raise FetchError(asked, None, f"robots.txt of {urlsplit(url).netloc} is unreachable")
        if not rules.can_fetch(self.politeness.user_agent, url):
            where = "" if url == asked else f" (redirected to {url})"
            raise FetchError(asked, None, f"forbidden by robots.txt{where}")

    def robots(self, url: str) -> RobotFileParser | None:
        """The host's robots.txt rules (read once); None when it is unreachable (forbid all)."""
        host = urlsplit(url).netloc.lower()
        with self._lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:
            if host not in self._robots:
                self._robots[host] = self._read_robots(robots_url(url))
            return self._robots[host]

    def _read_robots(self, url: str) -> RobotFileParser | None:
        rules = RobotFileParser(url)
        current = url
        try:
            for _ in range(self.politeness.max_redirects + 1):
                result = self._with_retries(current)
                if isinstance(result, Page):
                    rules.parse(result.body.decode("utf-8", "replace").splitlines())
                    break
                current = result
            else:
                return None
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                rules.parse([])  # RFC 9309 §2.3.1.3: no rules, everything allowed
                return rules
            return None  # §2.3.1.4 (and 429, as a server that cannot answer): forbid all
        delay = rules.crawl_delay(self.politeness.user_agent)
        if delay:
            gate = self._gate(url)
            gate.delay = max(gate.delay, float(delay))
        return rules

    def _with_retries(self, url: str) -> Page | str:
        """One address, retried on 429/5xx/network errors: a Page, or where it redirects."""
        p = self.politeness
        gate = self._gate(url)
        for attempt in range(p.retries + 1):
            try:
                with gate.turn(self._clock, self._sleep):
                    if self._stopped.is_set():
                        raise FetchError(url, None, "stopped before the request")
                    return self._request(url)
            except _Retry as retry:
                if attempt == p.retries:
                    raise retry.error from None
                wait = p.backoff * 2**attempt
                if retry.wait is not None:
                    if retry.wait > p.max_wait:
                        raise FetchError(
                            url,
                            retry.error.status,
                            f"{retry.error.reason}; Retry-After asks {retry.wait:.0f} s, "
                            f"over the {p.max_wait:.0f} s limit",
                        ) from None
                    wait = retry.wait
                    gate.hold(wait, self._clock)
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _request(self, url: str) -> Page | str:
        import urllib3

        p = self.politeness
        try:
            response = self._pool(url).request(
                "GET",
                url,
                redirect=False,
                retries=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=p.timeout, read=p.timeout),
            )
        except urllib3.exceptions.TimeoutError:
            raise _Retry(FetchError(url, None, f"timed out after {p.timeout:g} s")) from None
        except urllib3.exceptions.HTTPError as exc:
            raise _Retry(FetchError(url, None, f"network error: {_short(exc)}")) from None
        try:
            return self._read(url, response)
        finally:
            response.release_conn()

    def _read(self, url: str, response: object) -> Page | str:
        import urllib3

        assert isinstance(response, urllib3.BaseHTTPResponse)
        status, headers = response.status, response.headers
        if 300 <= status < 400 and headers.get("Location"):
            target = urljoin(url, headers["Location"])
            if urlsplit(target).scheme not in ("http", "https"):
                raise FetchError(url, status, f"redirect to a non-web address: {target[:200]}")
            return target
        if status >= 400 or status < 200:
            error = FetchError(url, status, response.reason or "HTTP error")
            if status in RETRY_STATUSES:
                wait = retry_after(headers.get("Retry-After"), time.time())
                raise _Retry(error, wait)
            raise error
        body = self._body(url, response)
        media, _, params = (headers.get("Content-Type") or "").partition(";")
        charset = ""
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.lower() == "charset":
                charset = value.strip().strip("\"'").lower()
        return Page(
            url=url,
            final_url=url,
            status=status,
            content_type=media.strip().lower(),
            charset=charset,
            body=body,
            fetched_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        )

    def _body(self, url: str, response: object) -> bytes:
        import urllib3

        assert isinstance(response, urllib3.BaseHTTPResponse)
        limit = self.politeness.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, response.status, _too_large(int(declared), limit))
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(65536):
                size += len(chunk)
                if size > limit:
                    raise FetchError(url, response.status, _too_large(size, limit, at_least=True))
                chunks.append(chunk)
        except urllib3.exceptions.TimeoutError:
            raise _Retry(FetchError(url, None, "timed out while reading the page")) from None
        except urllib3.exceptions.HTTPError as exc:
            raise _Retry(FetchError(url, None, f"network error: {_short(exc)}")) from None
        return b"".join(chunks)


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    if at_least:
        return f"page is larger than the {limit / 1e6:g} MB limit (stopped reading)"
    return f"page is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit"


def _short(exc: BaseException) -> str:
    """The last line of an exception's message: urllib3 nests the cause's repr."""
    text = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
    return text[:200]
