"""``framing fetch`` end to end against a news site on 127.0.0.1 (tests/fetch_site.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from pytest_httpserver import HTTPServer

from framing.cli import ExitStatus, main
from framing.corpus import load_corpus
from framing.fetch import Politeness, fetch_corpus
from framing.fetch.http import Client
from tests.fetch_site import article_text, loopback_only, site  # noqa: F401

FAST = Politeness(delay=0.0, timeout=0.3, retries=1, backoff=0.0, max_wait=5, max_bytes=60_000)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def paths_requested(server: HTTPServer) -> list[str]:
    return [request.path for request, _ in server.log]


def write_inputs(folder: Path, base: str) -> list[str]:
    """A URL list, a Media Cloud export, a GDELT export and the feed's address."""
    folder.mkdir()
    (folder / "links.txt").write_text(
        "# links pasted from a newsletter\n"
        f"{base}/news/0?utm_source=newsletter&utm_medium=email\n"
        f"{base}/news/0\n"
        "\n"
        f"{base}/news/7/amp\n"
        f"{base}/news/7\n"
        f"{base}/copy/of/3\n"
        f"{base}/private/leak\n"
        f"{base}/slow\n"
        f"{base}/broken\n"
        f"{base}/busy\n"
        f"{base}/old-address\n"
        f"{base}/index\n"
        f"{base}/cyrillic\n"
        f"{base}/huge\n"
        "see the attached file\n",
        encoding="utf-8",
    )
    (folder / "mediacloud.csv").write_text(
        "stories_id,publish_date,title,url,language,media_id,media_name,media_url\n"
        f"2101,2023-03-02 08:15:00,Grid under strain,{base}/news/1,en,4418,kyivdaily.example,"
        "http://kyivdaily.example\n"
        f"2102,2023-03-03 11:00:00,Sanctions agreed,{base}/news/2,en,4418,kyivdaily.example,"
        "http://kyivdaily.example\n",
        encoding="utf-8",
    )
    (folder / "gdelt.csv").write_text(
        "url,url_mobile,title,seendate,socialimage,domain,language,sourcecountry\n"
        f"{base}/news/3,,Drone attack reported,20230304T101500Z,,localhost,English,Ukraine\n"
        f"{base}/news/6,,Refugees return,20230305T120000Z,,localhost,English,Ukraine\n",
        encoding="utf-8",
    )
    return [
        str(folder / "links.txt"),
        str(folder / "mediacloud.csv"),
        str(folder / "gdelt.csv"),
        f"{base}/feed.xml",
    ]


@pytest.fixture(scope="module")
def fetched(site: HTTPServer, tmp_path_factory: pytest.TempPathFactory) -> dict:  # noqa: F811
    """One fetch of every scenario, shared by the tests that read its corpus."""
    tmp_path = tmp_path_factory.mktemp("fetched")
    base = site.url_for("").rstrip("/")
    sources = write_inputs(tmp_path / "inputs", base)
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text(
        "outlets:\n  - {name: Loopback Herald, domains: [127.0.0.1], country: UA, "
        "ownership: private}\n",
        encoding="utf-8",
    )
    waits: list[float] = []
    client = Client(FAST, sleep=waits.append)
    out = tmp_path / "corpus"
    report = fetch_corpus(sources, out, client=client, outlets=outlets, workers=4)
    return {
        "base": base,
        "sources": sources,
        "out": out,
        "report": report,
        "waits": waits,
        "outlets": outlets,
        "log": paths_requested(site),
        "tmp": tmp_path,
    }


def test_links_feed_and_exports_become_a_corpus_whose_manifest_names_the_outlets(fetched):
    out, base = fetched["out"], fetched["base"]
    rows = {r["url"]: r for r in read_csv(out / "sources.csv")}
    assert set(rows) == {
        f"{base}{p}"
        for p in (
            "/news/0",
            "/news/7",
            "/news/1",
            "/news/2",
            "/copy/of/3",
            "/news/6",
            "/news/4",
            "/news/5",
            "/busy",
            "/old-address",
            "/cyrillic",
        )
    }
    assert {r["source"] for r in rows.values()} == {"Loopback Herald"}
    assert {r["country"] for r in rows.values()} == {"UA"}
    assert {r["ownership"] for r in rows.values()} == {"private"}
    for row in rows.values():
        assert (out / "articles" / row["file"]).is_file()
    # the Media Cloud export's columns are kept; its date and title win
    mc = rows[f"{base}/news/1"]
    assert (mc["media_id"], mc["language"], mc["stories_id"]) == ("4418", "en", "2101")
    assert (mc["date"], mc["title"]) == ("2023-03-02 08:15:00", "Grid under strain")
    assert mc["found_in"].endswith("mediacloud.csv:2")
    # GDELT's seendate becomes ISO 8601; the feed gives title and date
    assert rows[f"{base}/news/6"]["date"] == "2023-03-05T12:00:00Z"
    assert rows[f"{base}/news/6"]["country"] == "UA"  # the outlets file wins over GDELT's
    assert rows[f"{base}/news/4"]["date"] == "2023-03-01T10:00:00Z"
    assert rows[f"{base}/news/4"]["found_in"] == f"{base}/feed.xml#1"
    # the page's own metadata (trafilatura) fills the rest
    assert rows[f"{base}/news/0"]["author"] == "Olena Petrenko"
    assert rows[f"{base}/news/0"]["sitename"] == "Kyiv Daily"
    assert rows[f"{base}/news/0"]["title"] == "Talks resume in Istanbul"


def test_duplicates_are_fetched_once_and_both_addresses_recorded(fetched):
    out, base, log = fetched["out"], fetched["base"], fetched["log"]
    rows = {r["url"]: r for r in read_csv(out / "sources.csv")}
    assert log.count("/news/0") == 1  # the tracking parameters dropped: one page
    assert "/news/7/amp" not in log  # the desktop address preferred over AMP
    assert rows[f"{base}/news/7"]["duplicate_urls"] == f"{base}/news/7/amp"
    # another address with the same text: fetched, not written; the first listed is kept
    assert rows[f"{base}/copy/of/3"]["duplicate_urls"] == f"{base}/news/3"
    assert fetched["report"].duplicates == 1


def test_robots_txt_is_honoured_and_failures_are_listed_not_fatal(fetched):
    out, base, log = fetched["out"], fetched["base"], fetched["log"]
    assert not [p for p in log if p.startswith("/private/")]
    errors = {r["url"]: r for r in read_csv(out / "fetch_errors.csv")}
    assert "robots.txt" in errors[f"{base}/private/leak"]["reason"]
    assert "timed out" in errors[f"{base}/slow"]["reason"]
    assert errors[f"{base}/broken"]["status"] == "500"
    assert log.count("/broken") == 2  # one retry
    assert errors[f"{base}/index"]["reason"] == "only 1 word of text, fewer than 30: not an article"
    assert "limit" in errors[f"{base}/huge"]["reason"]
    assert "not an http(s) address" in errors["see"]["reason"]
    assert errors["see"]["found_in"].endswith("links.txt:16")
    assert fetched["report"].failed == len(errors) == 6


def test_429_is_retried_after_retry_after_and_redirects_are_recorded(fetched, site):  # noqa: F811
    out, base = fetched["out"], fetched["base"]
    rows = {r["url"]: r for r in read_csv(out / "sources.csv")}
    assert paths_requested(site).count("/busy") == 2
    assert 3.0 in fetched["waits"]  # Retry-After: 3
    assert "/busy" in rows[f"{base}/busy"]["url"]
    moved = rows[f"{base}/old-address"]
    assert moved["final_url"] == moved["redirects"] == f"{base}/news/moved"


def test_user_agent_names_the_tool(fetched, site):  # noqa: F811
    agents = {request.headers.get("User-Agent") for request, _ in site.log}
    assert len(agents) == 1 and agents.pop().startswith("framing/0.1.0 (")


def test_a_cp1251_page_is_decoded(fetched):
    rows = {r["url"]: r for r in read_csv(fetched["out"] / "sources.csv")}
    text = (fetched["out"] / "articles" / rows[f"{fetched['base']}/cyrillic"]["file"]).read_text(
        encoding="utf-8"
    )
    assert "Переговори в Стамбулі відновилися" in text
    assert rows[f"{fetched['base']}/cyrillic"]["title"] == "Переговори відновилися"


def test_a_second_run_fetches_nothing_new(fetched, site):  # noqa: F811
    first = fetched["log"]
    client = Client(FAST, sleep=lambda _: None)
    report = fetch_corpus(
        fetched["sources"], fetched["out"], client=client, outlets=fetched["outlets"], workers=4
    )
    again = paths_requested(site)[len(first) :]
    # only the failures are asked again (and robots.txt and the feed, which are never cached)
    assert sorted(set(again)) == ["/broken", "/feed.xml", "/huge", "/robots.txt", "/slow"]
    assert (report.fetched, report.cached, report.written) == (0, 11, 11)
    assert len(read_csv(fetched["out"] / "sources.csv")) == 11


def test_framing_analyze_reads_the_corpus_and_its_manifest(fetched, tmp_path):
    articles = load_corpus(fetched["out"])
    assert len(articles) == 11
    assert {a.source for a in articles} == {"Loopback Herald"}
    results = tmp_path / "results"
    status = main(
        [
            "analyze",
            str(fetched["out"]),
            "--out",
            str(results),
            "--workers",
            "1",
            "--no-report",
            "--quiet",
        ]
    )
    # analysed, all but the Ukrainian page, which analyze skips (its lexicons are English)
    assert status == ExitStatus.INPUT_FAILED
    skipped = pd.read_csv(results / "errors.csv")
    assert len(skipped) == 1 and "Cyrillic" in skipped["reason"][0]
    table = pd.read_csv(results / "articles.csv")
    assert len(table) == 10
    assert set(table["source"]) == {"Loopback Herald"}
    assert set(table["title"]) >= {"Grid under strain", "Talks resume in Istanbul"}


def test_the_cli_fetches_and_summarises(site, tmp_path, capsys):  # noqa: F811
    base = site.url_for("").rstrip("/")
    links = tmp_path / "links.txt"
    links.write_text(f"{base}/news/1\n{base}/news/2\n{base}/broken\n", encoding="utf-8")
    out = tmp_path / "corpus"
    argv = ["fetch", str(links), "--out", str(out), "--delay", "0", "--retries", "0", "--quiet"]
    assert main(argv) == ExitStatus.INPUT_FAILED
    summary = capsys.readouterr().out
    assert summary.startswith("2 articles (2 fetched, 0 from the cache), 1 failed")
    assert main(argv) == ExitStatus.INPUT_FAILED
    assert capsys.readouterr().out.startswith("2 articles (0 fetched, 2 from the cache), 1 failed")


def test_an_interrupted_run_leaves_a_corpus_that_loads_and_resumes(site, tmp_path):  # noqa: F811
    base = site.url_for("").rstrip("/")
    links = tmp_path / "links.txt"
    links.write_text("".join(f"{base}/news/{n}\n" for n in range(6)), encoding="utf-8")
    out = tmp_path / "corpus"
    before = len(site.log)

    class Interrupt:
        written = 0

        def add_total(self, n: int) -> None:
            pass

        def count(self, kind: str) -> None:
            self.written += kind == "fetched"
            if self.written == 2:
                raise KeyboardInterrupt

    client = Client(FAST, sleep=lambda _: None)
    with pytest.raises(KeyboardInterrupt):
        fetch_corpus([str(links)], out, client=client, workers=1, progress=Interrupt())
    loaded = load_corpus(out)
    assert len(loaded) == 2
    assert {a.source for a in loaded} == {"Kyiv Daily"}  # the site name: 127.0.0.1 is unlisted
    report = fetch_corpus([str(links)], out, client=client, workers=2)
    assert (report.written, report.cached, report.fetched) == (6, 2, 4)
    assert paths_requested(site)[before:].count("/news/0") == 1  # not fetched again
    assert len(load_corpus(out)) == 6


def test_nothing_in_these_tests_can_reach_another_address():
    import socket

    with pytest.raises(AssertionError, match="tried to"):
        socket.getaddrinfo("example.com", 80)
    with socket.socket() as sock, pytest.raises(AssertionError, match="tried to reach"):
        sock.connect(("192.0.2.1", 80))
    assert article_text(0) != article_text(1)


def test_a_page_without_a_length_is_cut_off_at_the_size_limit(site):  # noqa: F811
    from framing.fetch.http import FetchError

    with pytest.raises(FetchError, match=r"larger than the 0\.06 MB limit"):
        Client(FAST).get(site.url_for("/huge-stream"))
    assert site.log[-1][1].headers.get("Content-Length") is None


def test_stop_ends_a_long_retry_after_wait_at_once(site):  # noqa: F811
    import threading
    import time
    from dataclasses import replace

    from framing.fetch.http import FetchError

    client = Client(replace(FAST, retries=2, max_wait=120))  # the real wait, not a fake
    errors: list[FetchError] = []

    def fetch() -> None:
        try:
            client.get(site.url_for("/always-busy"))
        except FetchError as exc:
            errors.append(exc)

    worker = threading.Thread(target=fetch)
    worker.start()
    time.sleep(0.3)  # the first answer came: 429, Retry-After: 60
    client.stop()
    worker.join(timeout=5)
    assert not worker.is_alive()
    assert [e.reason for e in errors] == ["stopped before the request"]
    assert paths_requested(site).count("/always-busy") == 1
