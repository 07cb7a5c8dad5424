"""Loading: formats, encodings, manifest, errors that name the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.corpus import UNKNOWN_SOURCE, CorpusError, load_corpus, manifest_warnings
from tests.conftest import CGTN, CHINA_DAILY, RT, SEEDS


def test_seeds_load_with_manifest_metadata() -> None:
    articles = {a.article_id: a for a in load_corpus(SEEDS)}
    assert len(articles) == 5
    assert articles[RT].source == "RT"
    assert articles[CGTN].source == "CGTN"
    assert articles[CGTN].country == "CN"
    assert articles[CHINA_DAILY].ownership == "state-owned"
    assert articles[CGTN].url.startswith("https://news.cgtn.com/")
    assert articles[RT].date == "2026-02-06"
    assert all(not a.warnings for a in articles.values())


def test_single_file_finds_manifest_beside_it() -> None:
    (article,) = load_corpus(SEEDS / f"{CGTN}.txt")
    assert article.source == "CGTN"


def test_no_manifest_gives_clear_source_and_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kyiv said so.\n", encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert article.source == UNKNOWN_SOURCE
    assert "a.txt" in article.warnings[0] and "source" in article.warnings[0]


def test_manifest_naming_missing_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,source\na.txt,RT\ngone.txt,TASS\n", encoding="utf-8"
    )
    assert load_corpus(tmp_path)[0].source == "RT"
    (warning,) = manifest_warnings([tmp_path])
    assert "gone.txt" in warning


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Киев и Донбасс: переговоры.".encode("cp1251"), "cp1251"),
        ("Kyiv’s café déjà vu, naïve façade and Zürich".encode("latin-1", "replace"), None),
        ("\ufeffKyiv said.".encode(), "utf-8-sig"),
        ("Kyiv said.".encode("utf-16"), "utf-16"),
    ],
)
def test_encodings_are_detected_not_mangled(
    tmp_path: Path, data: bytes, encoding: str | None
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (article,) = load_corpus(path)
    if encoding == "cp1251":
        assert article.text == "Киев и Донбасс: переговоры."
    elif encoding is None:
        assert "café déjà vu" in article.text
    else:
        assert article.text == "Kyiv said."
        assert article.encoding == encoding


def test_crlf_is_normalised(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"First line.\r\nSecond line.\r\n")
    (article,) = load_corpus(tmp_path)
    assert article.text == "First line.\nSecond line.\n"


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Talks end\nsource: RT\n---\n# Talks end\n\nThe **talks** in [Abu Dhabi](http://x) ended.\n",
        encoding="utf-8",
    )
    (article,) = load_corpus(tmp_path)
    assert (article.source, article.title) == ("RT", "Talks end")
    assert "The talks in Abu Dhabi ended." in article.text
    assert article.text.split("\n")[6] == "The talks in Abu Dhabi ended."  # line numbers kept


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    body = " ".join(
        ["Russia and Ukraine agreed to exchange prisoners in Abu Dhabi on Thursday."] * 3
    )
    html = f"""<html><head><title>Talks</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
    <article><h1>Talks end with swap</h1><p>{body}</p>
    <p>Witkoff said more progress was expected in the coming weeks, according to the statement.</p></article>
    <footer>Copyright 2026. All rights reserved. Cookie settings.</footer></body></html>"""
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    (article,) = load_corpus(tmp_path)
    assert "exchange prisoners in Abu Dhabi" in article.text
    assert "Witkoff said more progress" in article.text
    assert "Subscribe now" not in article.text
    assert "All rights reserved" not in article.text


def test_html_without_body_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<html><head></head><body></body></html>", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.html"):
        load_corpus(tmp_path)


def test_json_jsonl_csv_records(tmp_path: Path) -> None:
    rec = {"id": "x1", "source": "TASS", "text": "Kiev said.", "title": "T", "date": "2026-02-05"}
    (tmp_path / "a.json").write_text(json.dumps([rec]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({**rec, "id": "x2"}) + "\n\n" + json.dumps({**rec, "id": "x3"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "c.csv").write_text(
        'id,source,text\nx4,Sputnik,"Donbass, he said."\n', encoding="utf-8"
    )
    articles = {a.article_id: a for a in load_corpus(tmp_path)}
    assert sorted(articles) == ["x1", "x2", "x3", "x4"]
    assert articles["x3"].line == 3
    assert articles["x4"].source == "Sputnik"
    assert articles["x4"].text == "Donbass, he said."


@pytest.mark.parametrize(
    ("name", "content", "pattern"),
    [
        (
            "a.jsonl",
            '{"id": "1", "text": "ok"}\n{"id": 2}\n',
            r"a\.jsonl:2: record 2 has no 'text'",
        ),
        ("a.jsonl", '{"id": "1", "text": "ok"}\n{broken\n', r"a\.jsonl:2: invalid JSON"),
        ("a.json", '{"articles": [{"id": "1", "text": 5}]}', r"a\.json:1: record 1 has no 'text'"),
        (
            "a.json",
            '[\n  {"id": "1", "text": "ok, [1]"},\n\n  {"id": "2",\n   "text": 5}\n]\n',
            r"a\.json:4: record 2 has no 'text'",  # the line where the record starts
        ),
        ("a.csv", "id,text\n1,ok\n2,ok,extra\n", r"a\.csv:3: row has more fields"),
        ("a.csv", "id,body\n1,ok\n", r"a\.csv:1: CSV needs a 'text' column"),
        ("a.txt", "", r"a\.txt: empty file"),
        ("a.txt", None, r"a\.txt: looks like a binary file"),
        ("a.pdf", "x", r"a\.pdf: unsupported file type"),
    ],
)
def test_bad_input_errors_name_file_and_line(
    tmp_path: Path, name: str, content: str | None, pattern: str
) -> None:
    path = tmp_path / name
    if content is None:
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=pattern):
        load_corpus(path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(
        '{"id": "1", "text": "a"}\n{"id": "1", "text": "b"}\n', encoding="utf-8"
    )
    with pytest.raises(
        CorpusError, match=r"a\.jsonl:2: article id '1' already used by .*a\.jsonl:1"
    ):
        load_corpus(tmp_path)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope")


def test_same_stem_inputs_are_both_read_with_stable_unique_ids(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Kyiv said the talks went on.\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("Moscow said the talks ended.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("The envoy said nothing.\n", encoding="utf-8")
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "note.txt").write_text(f"Folder {sub} said so.\n", encoding="utf-8")
    ids = [a.article_id for a in load_corpus(tmp_path)]
    assert ids == ["a/note.txt", "b/note.txt", "other", "story.md", "story.txt"]
    assert [a.article_id for a in load_corpus(tmp_path)] == ids  # stable across runs
