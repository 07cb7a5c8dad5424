"""Hardening: bad input, hostile text, nothing half-written, determinism, lexicon schemas."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import random
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import framing
from framing.actors import load_actors
from framing.clean import load_boilerplate
from framing.cli import ExitStatus, main
from framing.extract.quotes import load_verbs
from framing.extract.terms import load_lexicon
from framing.lexicon import LexiconError
from framing.output import OutputError
from tests.conftest import SEEDS

GOOD = (
    "Talks in Abu Dhabi end with a prisoner swap\n"
    "Russia and Ukraine agreed on Thursday to exchange prisoners after two days of talks "
    "in Abu Dhabi, the foreign ministry said. The envoy said that more progress was expected "
    "in the coming weeks, and the people of Kyiv waited for news of the deal.\n"
)
GOOD_RECORD_TEXT = (
    "The talks in Kyiv went on for a second day, and the minister said that they were useful."
)


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """``framing`` in-process: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(args)
    return status, out.getvalue(), err.getvalue()


# --------------------------------------------------------------------------- 1. bad input


@dataclass(frozen=True)
class Bad:
    """A bad input file, the reason it must be refused with, and its line (None: whole file)."""

    name: str
    reason: str
    line: int | None = None
    good_ids: tuple[str, ...] = ()  # records of the same file that must still be analysed

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        BUILDERS[self.name](path)
        return path


def _sparse(size: int) -> Any:
    def build(path: Path) -> None:
        with path.open("wb") as f:
            f.truncate(size)

    return build


def _bytes(data: bytes) -> Any:
    return lambda path: path.write_bytes(data)


RUSSIAN = (
    "Переговоры в Абу-Даби продолжились во вторник. Стороны обсудили обмен пленными, "
    "прекращение огня и гуманитарные вопросы, сообщили в министерстве. "
) * 6
BUILDERS: dict[str, Any] = {
    "empty.txt": _bytes(b""),
    "image.txt": _bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"),
    "nul.txt": _bytes(b"Kyiv said the talks " + b"\x00" * 8 + b" went on."),
    "undecodable.txt": _bytes(b"The caf\xe9 in Kyiv \x81\x8d\x8f\x90\x9d was shut."),
    "bad_bom.txt": _bytes(b"\xff\xfeA"),
    "huge.txt": _sparse(50_000_000),
    "nobody.html": _bytes(b"<html><head><title>Talks</title></head></html>"),
    "records.json": _bytes(
        json.dumps(
            [
                {"id": 5, "source": "TASS", "text": GOOD_RECORD_TEXT},
                {"id": "b", "source": "TASS", "text": ["not", "a", "string"]},
            ]
        ).encode()
    ),
    "fields.json": _bytes(json.dumps([{"id": "f", "title": ["x"], "text": GOOD}]).encode()),
    "missing.json": _bytes(json.dumps({"articles": [{"id": "m", "title": "No text"}]}).encode()),
    "lines.jsonl": _bytes(
        (
            json.dumps({"id": "j1", "source": "RT", "text": GOOD_RECORD_TEXT}) + "\n{broken\n"
        ).encode()
    ),
    "first.jsonl": _bytes(
        (
            "{broken\n" + json.dumps({"id": "j2", "source": "RT", "text": GOOD_RECORD_TEXT}) + "\n"
        ).encode()
    ),
    "quote.csv": _bytes(
        f'id,source,text\nc1,RT,"{GOOD_RECORD_TEXT}"\nc2,RT,"unterminated\nmore\n'.encode()
    ),
    "columns.csv": _bytes(f'id,source,text\nd1,RT,"{GOOD_RECORD_TEXT}"\nd2,RT,ok,extra\n'.encode()),
    "fewer.csv": _bytes(f'id,source,text\ne1,RT,"{GOOD_RECORD_TEXT}"\ne2,RT\n'.encode()),
    "russian.txt": _bytes(RUSSIAN.encode()),
}
BAD = [
    Bad("empty.txt", "empty file"),
    Bad("image.txt", "binary file"),
    Bad("nul.txt", "binary file"),
    Bad("undecodable.txt", "cannot decode: not UTF-8, and byte 0x81"),
    Bad("bad_bom.txt", "cannot decode"),
    Bad("huge.txt", "50.0 MB is over the 20 MB limit"),
    Bad("nobody.html", "no article text found in the HTML"),
    Bad("records.json", "record 2 has no 'text' string", 1, ("5",)),
    Bad("fields.json", "record 1: 'title' is a list, expected a string", 1),
    Bad("missing.json", "record 1 has no 'text' string", 1),
    Bad("lines.jsonl", "invalid JSON", 2, ("j1",)),
    Bad("first.jsonl", "invalid JSON", 1, ("j2",)),
    Bad("quote.csv", "broken CSV row: unexpected end of data", 3, ("c1",)),
    Bad("columns.csv", "row has more fields than the header", 3, ("d1",)),
    Bad("fewer.csv", "row has fewer fields than the header", 3, ("e1",)),
    Bad("russian.txt", "not English: 100% of letters are Cyrillic", 1),
]
BAD_IDS = [b.name for b in BAD]


def _good_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "sources.csv").write_text("file,source\ngood.txt,RT\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, str]:
    """One CLI run over a folder holding every bad input and one good article."""
    folder = _good_folder(tmp_path_factory.mktemp("bad") / "corpus")
    for bad in BAD:
        bad.write(folder)
    out = folder.parent / "out"
    status, _, err = run_cli(["analyze", str(folder), "--out", str(out), "--no-report"])
    return out, status, err


def test_bad_inputs_exit_4_and_the_rest_is_written(bad_run: tuple[Path, int, str]) -> None:
    out, status, err = bad_run
    assert status == ExitStatus.INPUT_FAILED == 4
    ids = set(pd.read_csv(out / "articles.csv", dtype=str)["article_id"])
    assert ids == {"good"} | {i for b in BAD for i in b.good_ids}
    assert len(pd.read_csv(out / "errors.csv")) == len(BAD)
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_bad_input_is_reported_by_the_cli(bad_run: tuple[Path, int, str], bad: Bad) -> None:
    out, _, err = bad_run
    # a record's line is named, even line 1; an article read from a whole file has none
    record = Path(bad.name).suffix in {".json", ".jsonl", ".csv"}
    where = f"{bad.name}:{bad.line}" if record and bad.line else bad.name
    (line,) = [x for x in err.splitlines() if f"{where}: " in x]
    assert line.startswith("framing: skipped ") and bad.reason in line
    errors = pd.read_csv(out / "errors.csv", dtype=str, keep_default_na=False)
    row = errors[errors["file"].str.endswith(bad.name)]
    assert len(row) == 1 and bad.reason in row["reason"].iloc[0]
    assert int(row["line"].iloc[0]) == (bad.line or 0)


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_bad_input_becomes_an_error_row_in_the_library(tmp_path: Path, bad: Bad) -> None:
    folder = _good_folder(tmp_path)
    path = bad.write(folder)
    analysis = framing.analyze([folder / "good.txt", path])
    assert set(analysis.articles["article_id"]) == {"good", *bad.good_ids}
    (row,) = analysis.errors.to_dict(orient="records")
    assert row["file"] == str(path) and bad.reason in row["reason"]


@pytest.mark.parametrize("bad", BAD, ids=BAD_IDS)
def test_bad_input_with_strict_is_fatal_and_writes_nothing(tmp_path: Path, bad: Bad) -> None:
    folder = _good_folder(tmp_path / "corpus")
    bad.write(folder)
    out = tmp_path / "out"
    status, _, err = run_cli(["analyze", str(folder), "--out", str(out), "--strict", "--no-cache"])
    assert status == ExitStatus.ERROR
    assert bad.name in err and bad.reason in err and "Traceback" not in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_one_line_of_100k_characters_is_analysed(tmp_path: Path) -> None:
    """One sentence of 25,000 words is analysed as one sentence, without error.

    Regression: reporting-verb coordination was searched over the whole sentence
    (quadratic: over 100 s here). No timer in the test (speed lives in bench/); a
    quadratic relapse shows as a test run minutes longer.
    """
    rng = random.Random(0)
    words = "the talks in Kyiv said Russia Ukraine officials agreed war peace and claimed".split()
    text = " ".join(rng.choice(words) for _ in range(25_000))[:100_000]
    (tmp_path / "long.txt").write_text(text + "\n", encoding="utf-8")
    analysis = framing.analyze(tmp_path / "long.txt")
    assert analysis.errors.empty
    (row,) = analysis.articles.to_dict(orient="records")
    assert row["n_sentences"] == 1 and row["n_words"] > 15_000


def test_unbalanced_quote_is_a_warning_and_the_rest_is_analysed(tmp_path: Path) -> None:
    folder = _good_folder(tmp_path / "corpus")
    (folder / "unbalanced.txt").write_text(
        "The minister said “we will never give up the talks in Abu Dhabi.\n\n"
        "The envoy said the talks would resume on Monday, and Kyiv waited for news.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status, _, err = run_cli(["analyze", str(folder), "--out", str(out), "--no-report"])
    assert status == ExitStatus.OK
    assert re.search(r"\n +1  W101 unclosed quotation mark\n", err)  # the summary by kind
    assert f"all in {out / 'warnings.txt'}" in err
    quotes = pd.read_csv(out / "quotes.csv").query("article_id == 'unbalanced'")
    assert quotes["warning"].fillna("").str.contains("W101").any()
    sentences = pd.read_csv(out / "sentences.csv").query("article_id == 'unbalanced'")
    assert sentences["text"].str.contains("would resume on Monday").any()
    assert "W101" in (out / "warnings.txt").read_text(encoding="utf-8")


def test_manifest_naming_missing_files_is_a_warning_naming_them(tmp_path: Path) -> None:
    folder = _good_folder(tmp_path / "corpus")
    (folder / "sources.csv").write_text(
        "file,source\ngood.txt,RT\ngone.txt,TASS\nlost.txt,CGTN\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    status, _, err = run_cli(["analyze", str(folder), "--out", str(out), "--no-report"])
    assert status == ExitStatus.OK
    for name in ("gone.txt", "lost.txt"):
        assert re.search(rf"1  names '{name}', which is not among the inputs", err)
        assert name in (out / "warnings.txt").read_text(encoding="utf-8")


def test_readme_documents_exit_status_4() -> None:
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    assert "4 some inputs could not be analysed" in readme and "--strict" in readme


# --------------------------------------------------------------------------- 2. hostile text

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_ATTACK = (
    "[click](http://evil.example/a) ![x](http://evil.example/x.png) <b>raw</b> "
    "a | b `rm -rf` javascript:alert(1) www.evil.example press@evil.example"
)
HOSTILE_NAME = f"{IMG}|`x`.txt"
HOSTILE_SOURCE = (
    f'=HYPERLINK("http://evil.example","x") {SCRIPT} [a](http://evil.example) | press@evil.example'
)
HOSTILE_BODY = (
    f'=HYPERLINK("http://evil.example","Talks") in Kyiv {SCRIPT}\n'
    f"The war in Donbas is a terrible and deadly disaster for Kyiv. {IMG} "
    f"The minister said the talks would go on {MD_ATTACK}.\n"
    f"“-1+2 {SCRIPT} {IMG} [click](http://evil.example) and | pipes,” Zelensky said on Monday.\n"
    "“+1 is @SUM(A1),” Peskov said in Moscow, and the Kremlin rejected the plan.\n"
)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(HOSTILE_BODY, encoding="utf-8")
    record = {"id": "@rec", "source": "\r=1+1", "title": "\t-2+3", "text": GOOD}
    (folder / "rec.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["file", "source"], [HOSTILE_NAME, HOSTILE_SOURCE]])
    out = folder.parent / "out"
    status, _, _ = run_cli(["analyze", str(folder), "--out", str(out), "--no-cache"])
    assert status == ExitStatus.OK
    return out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_report_html_runs_no_article_code(hostile_out: Path) -> None:
    html = (hostile_out / "report.html").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    names = [tag for tag, _ in parser.tags]
    assert "script" not in names and "iframe" not in names and "object" not in names
    for tag, attrs in parser.tags:
        for key, value in attrs:
            assert not key.startswith("on"), (tag, key)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, key)
            if key in ("src", "href"):
                assert (value or "").startswith(("data:image/png;base64,", "#")), (tag, value)
    assert [t for t, _ in parser.tags].count("img") == html.count('class="chart"')
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, escaped


def _unescaped(text: str, char: str) -> int:
    """How many times ``char`` occurs in Markdown ``text`` without a backslash escape."""
    n, escaped = 0, False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == char:
            n += 1
    return n


def test_report_md_has_no_live_link_image_html_or_broken_table(hostile_out: Path) -> None:
    md = (hostile_out / "report.md").read_text(encoding="utf-8")
    assert "evil" in md and "script" in md  # the article text is there...
    for line in md.splitlines():  # ...but inert
        assert _unescaped(line, "<") == 0, line
        assert _unescaped(line, "`") == 0, line
        assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\((?!charts/)", line), line
        assert not re.search(r"(?<!\\)://|(?<![\\\w])www\.", line), line
    for block in re.split(r"\n(?!\|)", md):
        rows = [r for r in block.splitlines() if r.startswith("|")]
        assert len({_unescaped(r, "|") for r in rows}) <= 1, rows  # every row has the same cells


def test_report_md_rendered_by_github_has_no_article_link_or_html(hostile_out: Path) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")  # GitHub's own renderer (the [dev] extra)
    md = (hostile_out / "report.md").read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(cmarkgfm.github_flavored_markdown_to_html(md))
    for tag, attrs in parser.tags:
        assert tag not in ("script", "b", "iframe"), tag
        values = dict(attrs)
        if tag == "a":
            assert (values.get("href") or "").startswith(("#", "charts/")), values
        if tag == "img":
            assert (values.get("src") or "").startswith("charts/"), values
    assert "press@" in md and "mailto:" not in md


def test_csv_cells_cannot_run_as_formulas(hostile_out: Path) -> None:
    planted = 0
    for path in sorted(hostile_out.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                for cell in row:
                    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
                        float(cell)  # only numbers may start so: -0.5 stays a number
                    planted += cell.startswith(("'=", "'+", "'-", "'@", "'\t", "'\r"))
    assert planted >= 6
    articles = pd.read_csv(hostile_out / "articles.csv", keep_default_na=False)
    assert set(articles["source"]) == {"'" + HOSTILE_SOURCE, "'\n=1+1"}  # CR: a new row
    assert set(articles["article_id"]) == {Path(HOSTILE_NAME).stem, "'@rec"}
    assert "'\t-2+3" in set(articles["title"])
    sentences = pd.read_csv(hostile_out / "sentences.csv")
    assert sentences["compound"].dtype == float and (sentences["compound"] < 0).any()
    assert pd.api.types.is_float_dtype(articles["sentiment_mean"])
    quotes = pd.read_csv(hostile_out / "quotes.csv")
    assert quotes["text"].str.startswith(("'-1+2", "'+1")).sum() == 2


def test_parquet_keeps_raw_values(hostile_out: Path) -> None:
    articles = pd.read_parquet(hostile_out / "articles.parquet")
    assert set(articles["source"]) == {HOSTILE_SOURCE, "\r=1+1"}
    assert "\t-2+3" in set(articles["title"])
    quotes = pd.read_parquet(hostile_out / "quotes.parquet")
    assert quotes["text"].str.startswith(("-1+2", "+1")).sum() == 2


def test_compare_markdown_escapes_source_names(tmp_path: Path) -> None:
    from framing.compare.baseline import DEFAULT_TOLERANCES, _markdown

    frame = pd.DataFrame(
        {
            "source": ["a\\|b [x](http://evil.example)\n| y |"],
            "metric": ["m"],
            "baseline": [0.0],
            "current": [1.0],
            "delta": [1.0],
            "exceeded": [True],
        }
    )
    row = _markdown(frame, DEFAULT_TOLERANCES).splitlines()[-1]
    assert _unescaped(row, "|") == 6  # the five cells of the table, no more
    assert not re.search(r"(?<!\\)\[", row) and not re.search(r"(?<!\\)://", row)


# --------------------------------------------------------------------------- 3. nothing half-written


@pytest.fixture(scope="module")
def seeds_analysis() -> framing.Analysis:
    return framing.analyze(SEEDS)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("target", ["table chunk", "report"])
def test_failure_while_writing_keeps_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    out = tmp_path / "out"
    assert run_cli(["analyze", str(SEEDS), "--out", str(out), "--no-report"])[0] == 0
    before = _snapshot(out)
    import framing.output
    import framing.report

    owner: Any = framing.output.TableWriter if target == "table chunk" else framing.report
    name = "write" if target == "table chunk" else "write_report"
    real = getattr(owner, name)
    calls = []

    def failing(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 3 or target == "report":
            raise OSError(28, "No space left on device")
        real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    status, _, err = run_cli(["analyze", str(SEEDS), "--out", str(out)])
    assert status == ExitStatus.ERROR
    assert calls, "the patched writer was never called"
    assert f"{out}: cannot write" in err and "No space left" in err and "Traceback" not in err
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_interrupt_while_writing_keeps_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds_analysis: framing.Analysis
) -> None:
    out = tmp_path / "out"
    seeds_analysis.to_dir(out, report=False)
    before = _snapshot(out)

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("framing.output.TableWriter.write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        seeds_analysis.to_dir(out, report=False)
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("kind", ["foreign folder", "file"])
def test_out_not_written_by_framing_is_refused(
    tmp_path: Path, seeds_analysis: framing.Analysis, kind: str
) -> None:
    out = tmp_path / "mine"
    if kind == "file":
        out.write_text("precious", encoding="utf-8")
    else:
        out.mkdir()
        (out / "notes.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match="mine"):
        seeds_analysis.to_dir(out, report=False)
    status, _, err = run_cli(["analyze", str(SEEDS), "--out", str(out), "--no-report"])
    assert status == ExitStatus.ERROR and "mine" in err
    precious = out if kind == "file" else out / "notes.txt"
    assert precious.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]


# --------------------------------------------------------------------------- 4. determinism

DETERMINISTIC = [
    *(
        f"{t}.{ext}"
        for t in ("articles", "terms", "quotes", "sentences", "cleaning", "errors")
        for ext in ("csv", "parquet")
    ),
    "summary.csv",
    "summary.parquet",
    "summary.json",
]


def test_outputs_are_byte_identical_across_runs_and_workers(
    tmp_path: Path, seeds_analysis: framing.Analysis
) -> None:
    seeds_analysis.to_dir(tmp_path / "first", report=False)
    framing.analyze(SEEDS).to_dir(tmp_path / "again", report=False)
    framing.analyze(SEEDS, workers=2).to_dir(tmp_path / "pool", report=False)
    status, _, _ = run_cli(
        ["analyze", str(SEEDS), "--out", str(tmp_path / "cli"), "--workers", "2", "--no-report"]
    )
    assert status == ExitStatus.OK
    first = _snapshot(tmp_path / "first")
    for name in DETERMINISTIC:
        for other in ("again", "pool", "cli"):
            assert (tmp_path / other / name).read_bytes() == first[name], (other, name)


def test_parquet_metadata_has_no_timestamps(
    tmp_path: Path, seeds_analysis: framing.Analysis
) -> None:
    import pyarrow.parquet as pq

    seeds_analysis.to_dir(tmp_path / "out", report=False)
    meta = pq.read_metadata(tmp_path / "out" / "articles.parquet")
    text = json.dumps({k.decode(): v.decode() for k, v in (meta.metadata or {}).items()})
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text)
    assert meta.created_by.startswith("parquet-cpp-arrow version")


def test_bootstrap_intervals_are_seeded(seeds_analysis: framing.Analysis) -> None:
    from framing.compare.terms import term_choice

    a = term_choice(seeds_analysis.terms, voice="narrator")
    b = term_choice(framing.analyze(SEEDS).terms, voice="narrator")
    pd.testing.assert_frame_equal(a, b)


# --------------------------------------------------------------------------- 6. lexicon schemas

TERMS = """\
version: 1
poles:
  ua_western: western usage
  ru_state: Russian state usage
groups:
  - group: capital
    variants:
      - variant: Kyiv
        pole: ua_western
        forms: [Kyiv]
        sources: [AP Stylebook 2019]
      - variant: Kiev
        pole: ru_state
        forms: [Kiev]
        sources: [Russian official usage]
"""
ACTORS = """\
version: 1
sides: [RU, UA]
actors:
  - name: Dmitry Peskov
    side: RU
    kind: person
    aliases: [Peskov, Dmitry Peskov]
  - name: Volodymyr Zelensky
    side: UA
    aliases: [Zelensky]
"""
VERBS = """\
version: 1
classes:
  neutral: [say, tell]
  assertive: [claim]
frames:
  object: [tell]
"""
BOILERPLATE = """\
version: 1
lines:
  - reason: cookie_banner
    patterns:
      - "Accept cookies"
blocks:
  - reason: appeal
    start: "Support us"
    end: "Thank you"
    max_lines: 10
"""
LOADERS = {
    "terms": (TERMS, load_lexicon),
    "actors": (ACTORS, load_actors),
    "verbs": (VERBS, load_verbs),
    "boilerplate": (BOILERPLATE, load_boilerplate),
}
# (kind, old line, new line(s), key named in the error, message): the error must name
# the file and the line of the first line of "new".
SCHEMA_CASES = [
    (
        "terms",
        "  - group: capital",
        "  - group: capital\n    varaints: []",
        "varaints",
        "unknown key",
    ),
    ("terms", "        forms: [Kyiv]", "        forms: Kyiv", "forms", "expected a list"),
    ("terms", "        pole: ru_state", "        pole: [ru_state]", "pole", "expected a string"),
    ("terms", "        pole: ru_state", "        pole: western", "pole", "unknown pole"),
    ("terms", "        sources: [AP Stylebook 2019]", "        note: x", "sources", "missing key"),
    (
        "terms",
        "        forms: [Kiev]",
        "        forms: [Kiev, yes]",
        "forms[1]",
        "non-empty string",
    ),
    ("terms", "version: 1", "version: 1\nversion: 2", "version", "duplicate key"),
    ("actors", "    kind: person", "    kind: person\n    rank: 3", "rank", "unknown key"),
    ("actors", "    aliases: [Zelensky]", "    aliases: Zelensky", "aliases", "expected a list"),
    ("actors", "    aliases: [Zelensky]", "    aliases: [Zelensky, 7]", "aliases[1]", "string"),
    ("actors", "    side: UA", "    side: 7", "side", "expected a string"),
    ("actors", "    side: UA", "    sid: UA", "sid", "unknown key"),
    ("actors", "    side: RU", "    side: US", "side", "unknown side"),
    ("actors", "    kind: person", "    kind: person\n    kind: group", "kind", "duplicate key"),
    ("verbs", "  assertive: [claim]", "  assertive: claim", "assertive", "expected a list"),
    ("verbs", "  assertive: [claim]", "  assertive: [claim, no]", "assertive", "expected words"),
    ("verbs", "  object: [tell]", "  object: [tell]\n  objects: [say]", "objects", "unknown key"),
    ("verbs", "  object: [tell]", "  object: [shout]", "object", "unknown verb"),
    (
        "verbs",
        "  neutral: [say, tell]",
        "  neutral: [say]\n  neutral: [tell]",
        "neutral",
        "duplicate",
    ),
    ("boilerplate", "    max_lines: 10", "    max_lines: ten", "max_lines", "expected int"),
    ("boilerplate", '    end: "Thank you"', '    ends: "Thank you"', "ends", "unknown key"),
    (
        "boilerplate",
        '      - "Accept cookies"',
        '      - "Accept (cookies"',
        "patterns[0]",
        "regular",
    ),
    ("boilerplate", '      - "Accept cookies"', "      - 7", "patterns[0]", "expected a string"),
    ("boilerplate", "  - reason: appeal", "  - reasons: appeal", "reasons", "unknown key"),
    (
        "boilerplate",
        "    max_lines: 10",
        "    max_lines: 10\n    max_lines: 5",
        "max_lines",
        "duplicate",
    ),
]


@pytest.mark.parametrize("kind", sorted(LOADERS))
def test_schema_fixtures_are_valid(tmp_path: Path, kind: str) -> None:
    text, load = LOADERS[kind]
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    load(path)


@pytest.mark.parametrize(
    ("kind", "old", "new", "key", "message"),
    SCHEMA_CASES,
    ids=[f"{c[0]}-{c[3]}-{c[4]}" for c in SCHEMA_CASES],
)
def test_schema_errors_name_file_line_and_key(
    tmp_path: Path, kind: str, old: str, new: str, key: str, message: str
) -> None:
    text, load = LOADERS[kind]
    lines = text.splitlines()
    index = lines.index(old)
    new_lines = new.splitlines()
    bad_line = index + len(new_lines)  # 1-based line of the last new line
    lines[index : index + 1] = new_lines
    path = tmp_path / f"my_{kind}.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load(path)
    err = info.value
    assert err.path == str(path)
    expected = {index + 1, bad_line}
    if message == "missing key":  # the line of the mapping that lacks it
        expected = {next(n for n in range(index, 0, -1) if lines[n - 1].lstrip().startswith("- "))}
    assert err.line in expected, (err.line, str(err))
    assert key in str(err) and message in str(err), str(err)
    assert str(err).startswith(f"{path}:{err.line}: ")


@pytest.mark.parametrize("option", ["--lexicon", "--actors", "--verbs", "--boilerplate"])
def test_cli_bad_lexicon_is_exit_1_with_file_line_and_key(tmp_path: Path, option: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("version: 1\nunknown_key: 3\n", encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run_cli(["analyze", str(SEEDS), "--out", str(out), option, str(path)])
    assert status == ExitStatus.ERROR
    assert f"{path}:2: " in err and "unknown_key" in err and "Traceback" not in err
    assert not out.exists()


def test_vectorised_neutralising_equals_cell_by_cell() -> None:
    from framing.output import csv_cell, neutralise_formulas

    values = ["=1+1", "+2", "-3", "@SUM(A1)", "\tx", "\r=1", "a\r\nb", "a\rb", "plain", "", None]
    frame = pd.DataFrame({"text": pd.Series(values, dtype="str"), "n": range(len(values))})
    got = neutralise_formulas(frame)
    expected = [csv_cell(v) if isinstance(v, str) else v for v in values]
    assert got["text"].tolist()[:-1] == expected[:-1]
    assert pd.isna(got["text"].iloc[-1])
    assert got["n"].tolist() == list(range(len(values)))
    assert frame["text"].tolist()[0] == "=1+1"  # the input frame is not modified
