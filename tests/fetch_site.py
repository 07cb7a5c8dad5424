"""A small news site on 127.0.0.1 for the ``framing fetch`` tests (no other address is used).

The article texts are written for these tests. Every page a scenario needs is here:
articles, a feed, a robots.txt that forbids /private/, a slow page, a 500, a 429 then
200, a redirect, a page without article text, a cp1251 page and a page over the size limit.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from html import escape

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

TOPICS = [
    ("Talks resume in Istanbul", "negotiators", "grain corridor", "Black Sea ports"),
    ("Power cuts after strikes on the grid", "engineers", "substations", "Kharkiv"),
    ("Sanctions package agreed in Brussels", "ministers", "oil price cap", "tankers"),
    ("Drone attack reported near Belgorod", "officials", "air defence", "border villages"),
    ("Aid convoy reaches Kherson", "volunteers", "water supplies", "the river crossing"),
    ("Prisoner exchange completed", "mediators", "the lists of names", "families"),
    ("Kyiv hosts a donor conference", "delegations", "reconstruction funds", "housing"),
    ("Moscow summons an ambassador", "diplomats", "a protest note", "the embassy"),
    ("Shelling damages a hospital", "doctors", "the maternity ward", "generators"),
    ("Harvest estimates cut again", "farmers", "mined fields", "export quotas"),
    ("Refugees return for the winter", "families", "heating points", "schools"),
    ("Peace plan discussed at the UN", "envoys", "a ceasefire line", "monitors"),
]


def article_text(n: int) -> list[str]:
    """Four paragraphs on topic ``n``; each topic's text is different."""
    title, who, what, where = TOPICS[n % len(TOPICS)]
    return [
        f"{title}. The {who} said on Tuesday that work on {what} would continue despite "
        f"the setbacks of the past week, and that {where} remained the main concern.",
        f"According to the {who}, the situation around {where} changed quickly. "
        f"Several people who spoke to reporters described long queues and uncertainty "
        f"about {what}, while local authorities promised more details within days.",
        f"Observers noted that the question of {what} has divided opinion for months. "
        f"Some argue that progress is possible before the end of the year; others warn "
        f"that the {who} have little room to manoeuvre.",
        f"Story number {n}: the next meeting on {what} is expected early next month, "
        f"when the {who} will report on {where} again.",
    ]


def article_html(n: int, *, site: str = "Kyiv Daily", charset: str = "utf-8") -> str:
    title = TOPICS[n % len(TOPICS)][0]
    body = "".join(f"<p>{escape(p)}</p>" for p in article_text(n))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{escape(title)} | {site}'
        f'</title><meta property="og:site_name" content="{escape(site)}">'
        f'<meta property="og:title" content="{escape(title)}">'
        '<meta name="author" content="Olena Petrenko">'
        '<meta property="article:published_time" content="2023-03-0{d}T09:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Contact us. Cookie policy.</footer></body></html>"
    ).replace("{d}", str(1 + n % 9))


CP1251_PARAGRAPHS = [
    "Переговори в Стамбулі відновилися у вівторок. Делегації обговорили зерновий коридор, "
    "безпеку портів і обмін полоненими, повідомили джерела в обох делегаціях.",
    "За словами учасників, наступна зустріч запланована на початок наступного місяця. "
    "Місцева влада Києва та Одеси обіцяє оприлюднити подробиці найближчими днями.",
    "Спостерігачі зазначають, що питання коридору розділяє думки вже кілька місяців, "
    "і мало хто очікує швидкого результату.",
]


def cp1251_html() -> bytes:
    body = "".join(f"<p>{p}</p>" for p in CP1251_PARAGRAPHS)
    page = (
        "<html><head><title>Переговори відновилися</title></head><body>"
        f"<article><h1>Переговори відновилися</h1>{body}</article></body></html>"
    )
    return page.encode("cp1251")


def rss(base: str, paths: list[str]) -> str:
    items = "".join(
        f"<item><title>{escape(TOPICS[i][0])}</title><link>{base}{p}</link>"
        f"<pubDate>Wed, 0{1 + i} Mar 2023 10:00:00 GMT</pubDate></item>"
        for i, p in enumerate(paths)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Kyiv Daily</title><link>{base}/</link>{items}</channel></rss>"
    )


@pytest.fixture(scope="module", autouse=True)
def loopback_only() -> Iterator[None]:
    """Any connection or name lookup for an address other than this machine fails the test."""
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in LOOPBACK:
            raise AssertionError(f"a test tried to reach {address!r}")
        real_connect(self, address)  # type: ignore[arg-type]

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host not in LOOPBACK:
            raise AssertionError(f"a test tried to look up {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


@pytest.fixture(scope="module")
def site(loopback_only: None) -> Iterator[HTTPServer]:
    """The news site, threaded (the slow page must not hold up the others); one per module,
    so tests look at the requests they caused (``server.log`` grows)."""
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    base = server.url_for("").rstrip("/")

    def slow(_: Request) -> Response:
        time.sleep(0.6)
        return Response(article_html(11), content_type="text/html")

    html = "text/html; charset=utf-8"
    server.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    for n in range(8):
        server.expect_request(f"/news/{n}").respond_with_data(article_html(n), content_type=html)
    server.expect_request("/news/7/amp").respond_with_data(article_html(7), content_type=html)
    server.expect_request("/copy/of/3").respond_with_data(article_html(3), content_type=html)
    server.expect_request("/private/leak").respond_with_data(article_html(9), content_type=html)
    server.expect_request("/slow").respond_with_handler(slow)
    server.expect_request("/broken").respond_with_data("oops", status=500)
    server.expect_oneshot_request("/busy").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3"}
    )
    server.expect_request("/busy").respond_with_data(article_html(10), content_type=html)
    server.expect_request("/always-busy").respond_with_data(
        "come back in a minute", status=429, headers={"Retry-After": "60"}
    )
    server.expect_request("/old-address").respond_with_data(
        "", status=301, headers={"Location": "/news/moved"}
    )
    server.expect_request("/news/moved").respond_with_data(article_html(8), content_type=html)
    server.expect_request("/index").respond_with_data(
        "<html><body><nav><a href='/news/1'>One</a></nav></body></html>",
        content_type=html,
    )
    server.expect_request("/cyrillic").respond_with_data(
        cp1251_html(), content_type="text/html; charset=windows-1251"
    )
    server.expect_request("/huge").respond_with_data(
        article_html(6).replace("</article>", "<p>x</p>" * 20000 + "</article>"), content_type=html
    )
    server.expect_request("/huge-stream").respond_with_handler(
        lambda _: Response((b"<p>filler</p>" * 1000 for _ in range(10)), content_type="text/html")
    )  # sent in chunks, without a Content-Length: the limit applies while reading
    server.expect_request("/feed.xml").respond_with_data(
        rss(base, ["/news/4", "/news/5", "/private/leak"]), content_type="application/rss+xml"
    )
    yield server
    server.clear()
    if server.is_running():
        server.stop()
