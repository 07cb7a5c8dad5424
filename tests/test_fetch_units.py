"""The parts of ``framing fetch`` one at a time: addresses, inputs, outlets, politeness, cache."""

from __future__ import annotations

import email.utils

import pytest

from framing.corpus import CorpusError
from framing.fetch.cache import PageCache
from framing.fetch.extract import NotAnArticle, extract_article, page_text
from framing.fetch.http import HostGate, Page, retry_after
from framing.fetch.inputs import BadLink, Link, iso_date, looks_like_feed, read_source
from framing.fetch.outlets import default_outlets, load_outlets, source_name
from framing.fetch.urls import NotAUrl, domain, fetch_url, is_variant, page_key
from framing.fetch.writer import CorpusWriter, article_file_name, read_previous_rows
from framing.lexicon import LexiconError
from tests.fetch_site import article_html, cp1251_html, loopback_only, rss  # noqa: F401


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://WWW.RT.com:443/news/1/?utm_source=x&b=2&a=1#top",
            "https://www.rt.com/news/1/?a=1&b=2",
        ),
        ("http://example.org/x?fbclid=1&id=3&ref=tw", "http://example.org/x?id=3"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_fetch_url_drops_trackers_fragments_and_default_ports(url, expected):
    assert fetch_url(url) == expected


@pytest.mark.parametrize("text", ["see the attached file", "ftp://example.org/a", "https://", ""])
def test_fetch_url_refuses_what_is_not_a_web_address(text):
    with pytest.raises(NotAUrl):
        fetch_url(text)


@pytest.mark.parametrize(
    "variant",
    [
        "http://www.rt.com/news/1/",
        "https://m.rt.com/news/1",
        "https://amp.rt.com/news/1/amp/",
        "https://rt.com/news/1?outputType=amp&utm_campaign=x",
        "https://mobile.rt.com/news/1.amp",
    ],
)
def test_every_address_of_a_page_has_one_key(variant):
    assert page_key(variant) == page_key("https://rt.com/news/1") == "https://rt.com/news/1"


def test_other_pages_keep_other_keys():
    assert page_key("https://rt.com/news/1?id=2") != page_key("https://rt.com/news/1?id=3")
    assert page_key("https://rt.com/news/1") != page_key("https://tass.com/news/1")


@pytest.mark.parametrize(
    ("url", "variant"),
    [
        ("https://m.rt.com/a", True),
        ("https://rt.com/a/amp", True),
        ("https://rt.com/a?amp=1", True),
        ("https://www.rt.com/a", False),
        ("https://rt.com/ampoule", False),
    ],
)
def test_mobile_and_amp_addresses_are_variants(url, variant):
    assert is_variant(url) is variant


def test_domain_drops_www_mobile_and_port():
    assert domain("https://www.rt.com/x") == "rt.com"
    assert domain("http://m.bbc.co.uk/news") == "bbc.co.uk"
    assert domain("http://127.0.0.1:8080/a") == "127.0.0.1"


def test_a_url_list_skips_comments_and_blank_lines_and_lists_bad_lines(tmp_path):
    links = tmp_path / "links.txt"
    links.write_text("# from the newsletter\n\nhttps://rt.com/a  first\nnot a link\n")
    items = list(read_source(str(links)))
    assert items[0] == Link("https://rt.com/a", f"{links}:3", {})
    assert isinstance(items[1], BadLink) and items[1].found_in == f"{links}:4"
    assert len(items) == 2


def test_a_media_cloud_export_keeps_its_columns_and_fills_date_and_source_hint(tmp_path):
    export = tmp_path / "stories.csv"
    export.write_text(
        "stories_id,publish_date,title,url,language,media_id,media_name,media_url\n"
        "7,2022-02-24 05:00:00,Invasion,https://www.rt.com/a,en,1,RT,https://rt.com\n"
    )
    (link,) = read_source(str(export))
    assert isinstance(link, Link)
    assert link.meta["date"] == "2022-02-24 05:00:00"
    assert link.meta["source_hint"] == "RT"
    assert (link.meta["media_id"], link.meta["stories_id"], link.meta["language"]) == (
        "1",
        "7",
        "en",
    )


def test_a_gdelt_tsv_gets_iso_dates_and_its_country(tmp_path):
    export = tmp_path / "gdelt.tsv"
    export.write_text(
        "URL\ttitle\tseendate\tdomain\tlanguage\tsourcecountry\n"
        "https://tass.com/a\tTalks\t20220301T120000Z\ttass.com\tEnglish\tRussia\n"
    )
    (link,) = read_source(str(export))
    assert isinstance(link, Link)
    assert link.meta["date"] == "2022-03-01T12:00:00Z"
    assert link.meta["country"] == link.meta["sourcecountry"] == "Russia"
    assert link.meta["domain"] == "tass.com"


def test_a_gdelt_doc_api_json_answer_and_a_jsonl_file_are_read(tmp_path):
    answer = tmp_path / "artlist.json"
    answer.write_text(
        '{"articles": [{"url": "https://www.aljazeera.com/news/a", "url_mobile": "",'
        ' "title": "Talks", "seendate": "20220301T120000Z", "domain": "aljazeera.com",'
        ' "language": "English", "sourcecountry": "Qatar", "tone": -2.5, "extra": {"a": 1}}]}'
    )
    (link,) = read_source(str(answer))
    assert isinstance(link, Link) and link.found_in == f"{answer}#1"
    assert link.url == "https://www.aljazeera.com/news/a"
    assert (link.meta["date"], link.meta["country"], link.meta["tone"]) == (
        "2022-03-01T12:00:00Z",
        "Qatar",
        "-2.5",
    )
    assert "extra" not in link.meta
    lines = tmp_path / "links.jsonl"
    lines.write_text('{"link": "https://tass.com/a"}\n\n{"link": "nowhere"}\n')
    first, second = read_source(str(lines))
    assert isinstance(first, Link) and first.found_in == f"{lines}:1"
    assert isinstance(second, BadLink) and second.found_in == f"{lines}:3"


def test_a_table_without_an_address_column_is_refused(tmp_path):
    export = tmp_path / "x.csv"
    export.write_text("title,date\nA,2022\n")
    with pytest.raises(CorpusError, match="'url' column"):
        list(read_source(str(export)))


def test_a_feed_file_gives_links_titles_and_dates(tmp_path):
    feed = tmp_path / "feed.rss"
    feed.write_text(rss("https://kyivdaily.example", ["/a", "/b"]))
    links = list(read_source(str(feed)))
    assert [lk.url for lk in links if isinstance(lk, Link)] == [
        "https://kyivdaily.example/a",
        "https://kyivdaily.example/b",
    ]
    assert isinstance(links[0], Link) and links[0].meta == {
        "title": "Talks resume in Istanbul",
        "date": "2023-03-01T10:00:00Z",
    }


def test_a_source_that_is_neither_a_file_nor_an_address_is_an_error():
    with pytest.raises(CorpusError, match="not an http"):
        list(read_source("no/such/links.txt"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("20220224T101500Z", "2022-02-24T10:15:00Z"), ("2022-02-24", "2022-02-24"), (" x ", "x")],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_feeds_are_told_from_pages():
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("text/xml", b'<?xml version="1.0"?><feed>')
    assert not looks_like_feed("text/html", b"<?xml version='1.0'?><html>")
    assert not looks_like_feed("", b"<!DOCTYPE html><html>")


def test_the_packaged_outlets_cover_the_story():
    outlets = default_outlets()
    names = {o.name for o in outlets.by_domain.values()}
    assert len(names) >= 60
    countries = {o.country for o in outlets.by_domain.values()}
    assert {"RU", "UA", "US", "GB", "DE", "FR", "CN", "QA", "AE", "TR", "IN"} <= countries
    assert {o.ownership for o in outlets.by_domain.values()} == {"state", "private", "public"}
    for host, name in [
        ("rt.com", "RT"),
        ("themoscowtimes.com", "The Moscow Times"),
        ("cgtn.com", "CGTN"),
        ("edition.cnn.com", "CNN"),
        ("news.sky.com", "Sky News"),
        ("abcnews.go.com", "ABC News"),
    ]:
        found = outlets.lookup(host)
        assert found is not None and found.name == name, host
    assert outlets.lookup("go.com") is None and outlets.lookup("sky.com") is None


def test_an_unknown_domain_falls_back_to_the_site_name_then_the_domain():
    assert source_name(None, hint="", sitename="Kyiv Daily", domain="kd.example") == "Kyiv Daily"
    assert source_name(None, hint="kd", sitename="", domain="kd.example") == "kd"
    assert source_name(None, hint="", sitename="", domain="kd.example") == "kd.example"


def test_an_outlets_file_with_a_bad_ownership_names_the_line(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text("outlets:\n  - name: X\n    domains: [x.example]\n    ownership: owned\n")
    with pytest.raises(LexiconError, match=r"outlets.yaml:4: outlets\[0\].ownership"):
        load_outlets(bad)


def test_a_domain_listed_twice_is_refused(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text(
        "outlets:\n  - {name: A, domains: [a.example]}\n  - {name: B, domains: [a.example]}\n"
    )
    with pytest.raises(LexiconError, match="already listed for A"):
        load_outlets(bad)


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("120", now=0.0) == 120.0
    date = email.utils.formatdate(1_000_030.0, usegmt=True)
    assert retry_after(date, now=1_000_000.0) == pytest.approx(30.0)
    assert retry_after("soon", now=0.0) is None
    assert retry_after(None, now=0.0) is None


def test_a_host_gate_spaces_requests_by_its_delay():
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    gate = HostGate(per_host=1, delay=1.5)
    for _ in range(3):
        with gate.turn(lambda: now[0], sleep):
            now[0] += 0.5  # the request takes half a second
    assert waits == [1.0, 1.0]
    gate.hold(10.0, lambda: now[0])
    with gate.turn(lambda: now[0], sleep):
        pass
    assert waits[-1] == pytest.approx(10.0)


def page(body: bytes, *, charset: str = "", content_type: str = "text/html") -> Page:
    return Page("https://x.example/a", "https://x.example/a", 200, content_type, charset, body)


def test_the_charset_comes_from_the_header_then_the_page_then_detection():
    assert page_text(page(cp1251_html(), charset="windows-1251"))[1] == "cp1251"
    meta = cp1251_html().replace(b"<head>", b'<head><meta charset="windows-1251">')
    assert page_text(page(meta))[1] == "cp1251"
    text, encoding = page_text(page(cp1251_html()))
    assert "Переговори" in text and encoding == "cp1251"
    # a wrong declaration falls back to detection rather than mangling the text
    assert "Переговори" in page_text(page(cp1251_html(), charset="utf-8"))[0]


def test_extraction_gives_text_and_metadata_and_refuses_what_is_not_an_article():
    found = extract_article(page(article_html(0).encode()))
    assert found.title == "Talks resume in Istanbul"
    assert (found.author, found.sitename, found.date) == (
        "Olena Petrenko",
        "Kyiv Daily",
        "2023-03-01",
    )
    assert "Talks resume in Istanbul. The negotiators said on Tuesday" in found.text
    assert "Cookie policy" not in found.text
    with pytest.raises(NotAnArticle, match="not an HTML page"):
        extract_article(page(b"%PDF-1.4", content_type="application/pdf"))
    with pytest.raises(NotAnArticle, match="no article text"):
        extract_article(page(b"<html><body></body></html>"))


def test_the_cache_returns_what_was_stored_and_nothing_else(tmp_path):
    cache = PageCache(tmp_path)
    stored = Page(
        "https://x.example/a",
        "https://x.example/b",
        200,
        "text/html",
        "utf-8",
        b"<p>",
        redirects=("https://x.example/b",),
        fetched_at="2026-01-01T00:00:00Z",
    )
    cache.put(stored)
    assert cache.get("https://x.example/a") == stored
    assert cache.get("https://x.example/b") is None
    next(tmp_path.rglob("*.json")).write_text("{broken")
    assert cache.get("https://x.example/a") is None


def test_a_rerun_keeps_earlier_rows_whose_files_exist(tmp_path):
    writer = CorpusWriter(tmp_path)
    for n, name in enumerate(["a.txt", "b.txt"]):
        row = {"file": name, "source": "X", "url": f"https://x.example/{n}", "duplicate_urls": ""}
        writer.write_article(n, row, "Some text.")
    writer.flush()
    (tmp_path / "articles" / "a.txt").unlink()
    assert [r["file"] for r in read_previous_rows(tmp_path)] == ["b.txt"]
    assert (tmp_path / "fetch_errors.csv").read_text() == "url,status,reason,found_in\n"


def test_files_are_written_with_the_usual_permissions(tmp_path):
    import os

    from framing.fetch.cache import write_atomically

    write_atomically(tmp_path / "a" / "sources.csv", b"file,source\n")
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "a" / "sources.csv").stat().st_mode & 0o777 == 0o666 & ~umask
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["sources.csv"]


def test_article_file_names_are_stable_and_safe():
    name = article_file_name("127.0.0.1", "https://127.0.0.1/a")
    assert name == article_file_name("127.0.0.1", "https://127.0.0.1/a")
    assert name.startswith("127-0-0-1_") and name.endswith(".txt") and len(name) == 30


def test_the_progress_bar_counts_each_ending_and_stays_off_the_terminal_when_disabled(capsys):
    from framing.fetch.progress import ProgressBar

    bar = ProgressBar(enabled=False)
    bar.add_total(3)
    for kind in ("fetched", "cached", "failed"):
        bar.count(kind)
    bar.close()
    assert dict(bar.counts) == {"fetched": 1, "cached": 1, "failed": 1}
    assert capsys.readouterr().err == ""


def test_the_scheduler_keeps_one_request_per_host_and_serves_hosts_side_by_side():
    from framing.fetch.crawl import HostScheduler, Target

    def target(order: int, url: str) -> Target:
        return Target(order, url, [Link(url, "test")])

    scheduler = HostScheduler(per_host=1)
    scheduler.add(
        [
            target(1, "https://a.example/1"),
            target(2, "https://a.example/2"),
            target(3, "https://b.example/1"),
        ]
    )
    first, second = scheduler.take(), scheduler.take()
    assert first is not None and second is not None
    assert (first.order, second.order) == (1, 3)
    assert scheduler.take() is None  # a.example is busy, b.example has nothing left
    scheduler.done(first)
    third = scheduler.take()
    assert third is not None and third.order == 2


def robots_answer(monkeypatch, answer):
    """A Client whose robots.txt request gives ``answer`` (a Page body or a FetchError)."""
    from framing.fetch.http import Client, FetchError

    def reply(self, url):
        if isinstance(answer, FetchError):
            raise answer
        return page(answer, content_type="text/plain")

    monkeypatch.setattr(Client, "_with_retries", reply)
    return Client()


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (403, True), (429, False), (503, False), (None, False)]
)
def test_robots_txt_that_cannot_be_read_allows_on_4xx_and_forbids_otherwise(
    monkeypatch, status, allowed
):
    from framing.fetch.http import FetchError

    client = robots_answer(monkeypatch, FetchError("https://x.example/robots.txt", status, "no"))
    rules = client.robots("https://x.example/a")
    assert (rules is not None and rules.can_fetch("framing", "https://x.example/a")) is allowed


def test_a_longer_crawl_delay_in_robots_txt_wins(monkeypatch):
    client = robots_answer(monkeypatch, b"User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n")
    rules = client.robots("https://x.example/a")
    assert rules is not None and not rules.can_fetch(
        client.politeness.user_agent, "https://x.example/private/b"
    )
    assert client._gate("https://x.example/a").delay == 7.0


def test_the_proxy_of_the_environment_is_used_except_for_this_machine_and_no_proxy(monkeypatch):
    from framing.fetch.http import Client

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.invalid:3128")
    monkeypatch.setenv("NO_PROXY", "intranet.example")
    client = Client()
    assert client._pool("https://www.rt.com/a") is client._proxied["https"]
    assert client._pool("http://www.rt.com/a") is client._direct  # no HTTP_PROXY
    assert client._pool("https://intranet.example/a") is client._direct
    assert client._pool("https://127.0.0.1:8080/a") is client._direct
