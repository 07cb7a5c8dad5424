"""The CLI in-process: outputs, exit statuses, errors naming the file, nothing half-written."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import TABLE_COLUMNS
from framing.cli import ExitStatus, main
from framing.tables import PARQUET_ONLY_TABLES
from tests.conftest import SEEDS

EXPECTED_FILES = [
    "articles.csv",
    "articles.parquet",
    "terms.csv",
    "terms.parquet",
    "quotes.csv",
    "quotes.parquet",
    "sentences.csv",
    "sentences.parquet",
    "cleaning.csv",
    "cleaning.parquet",
    "coverage.csv",
    "coverage.parquet",
    "documents.parquet",
    "summary.json",
    "report.html",
    "report.md",
]


@pytest.fixture(scope="module")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--quiet"]) == ExitStatus.OK
    return out


def test_analyze_writes_every_table_and_report(seeds_out: Path) -> None:
    for name in EXPECTED_FILES:
        assert (seeds_out / name).is_file(), name
    for table, columns in TABLE_COLUMNS.items():
        parquet = pd.read_parquet(seeds_out / f"{table}.parquet")
        assert list(parquet.columns[: len(columns)]) == columns
        if table in PARQUET_ONLY_TABLES:
            assert not (seeds_out / f"{table}.csv").exists()  # unless --documents-csv
            continue
        csv = pd.read_csv(seeds_out / f"{table}.csv")
        assert list(parquet.columns) == list(csv.columns)
        assert len(csv) == len(parquet)


def test_documents_hold_the_text_every_offset_indexes(
    seeds_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from framing.output import read_output

    analysis = read_output(seeds_out)
    texts = analysis.documents.set_index("article_id")["text"]
    assert len(texts) == len(analysis.articles) == 5
    for row in analysis.terms.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.matched
    for row in analysis.sentences.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    out = tmp_path / "out"
    args = ["analyze", str(SEEDS), "--out", str(out), "--quiet", "--no-report", "--documents-csv"]
    assert main(args) == ExitStatus.OK
    assert pd.read_csv(out / "documents.csv")["text"].tolist() == texts.tolist()


def test_articles_table_on_seeds(seeds_out: Path) -> None:
    articles = pd.read_csv(seeds_out / "articles.csv").set_index("article_id")
    assert list(articles["source"]) == [
        "RT",
        "The Moscow Times",
        "The Guardian",
        "CGTN",
        "China Daily",
    ]
    assert list(articles["n_removed_lines"]) == [0, 8, 8, 15, 29]  # China Daily: headline, deck
    assert list(articles["n_paragraphs"]) == [7, 18, 15, 10, 24]
    assert articles.loc["004_a3842fe7df86b0c5", "title"] == "Abu Dhabi peace talks see progress"
    cleaning = pd.read_csv(seeds_out / "cleaning.csv")
    assert cleaning.groupby("source").size().to_dict() == {
        "CGTN": 15,
        "China Daily": 29,
        "The Guardian": 8,
        "The Moscow Times": 8,
    }


def test_summary_json_is_per_source_and_sorted(seeds_out: Path) -> None:
    summary = json.loads((seeds_out / "summary.json").read_text(encoding="utf-8"))
    assert list(summary["sources"]) == sorted(summary["sources"])
    assert summary["n_articles"] == 5
    assert summary["sources"]["RT"]["n_articles"] == 1


@pytest.mark.parametrize("cache", ["--no-cache", None])
def test_second_run_is_byte_identical(seeds_out: Path, tmp_path: Path, cache: str | None) -> None:
    """Fresh (--no-cache) and cached re-runs write the same bytes as the first run."""
    out = tmp_path / "again"
    args = ["analyze", str(SEEDS), "--out", str(out), "--quiet", "--no-report"]
    assert main(args + ([cache] if cache else [])) == 0
    for name in [
        "articles.csv",
        "terms.csv",
        "quotes.csv",
        "sentences.csv",
        "cleaning.csv",
        "summary.json",
    ]:
        assert (out / name).read_bytes() == (seeds_out / name).read_bytes(), name


def test_missing_input_is_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["analyze", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert status == ExitStatus.ERROR
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_bad_lexicon_is_error_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "terms.yaml"
    bad.write_text("groups:\n  - name: capital\n    variants: [\n", encoding="utf-8")
    status = main(["analyze", str(SEEDS), "--out", str(tmp_path / "out"), "--lexicon", str(bad)])
    assert status == ExitStatus.ERROR
    assert "terms.yaml:" in capsys.readouterr().err


def test_usage_error_is_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(SEEDS)])  # --out missing
    assert exc.value.code == ExitStatus.USAGE


def test_foreign_folder_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("precious", encoding="utf-8")
    assert main(["analyze", str(SEEDS), "--out", str(out), "--quiet"]) == ExitStatus.ERROR
    assert (out / "thesis.docx").read_text(encoding="utf-8") == "precious"
    assert "not written by framing" in capsys.readouterr().err


def test_failed_run_leaves_previous_output_intact(seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--quiet", "--no-report"]) == 0
    before = (out / "articles.csv").read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "a.jsonl").write_text('{"id": "1"}\n', encoding="utf-8")
    assert main(["analyze", str(broken), "--out", str(out), "--quiet"]) == ExitStatus.ERROR
    assert (out / "articles.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]


def test_python_m_framing_entry_point() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "framing", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("framing ")


def test_warnings_are_summed_up_by_kind_with_a_pointer_to_warnings_txt() -> None:
    from framing.cli import SHOWN_WARNING_KINDS, warning_summary

    warnings = [f"f{i}.txt: f{i}:q1: W201 no speaker found for a full quotation" for i in range(5)]
    warnings += [
        "g.txt: g:q2: W101 unclosed quotation mark; W201 no speaker found for a full quotation"
    ]
    warnings += [f"h{i}.txt: rare message {i}" for i in range(SHOWN_WARNING_KINDS + 2)]
    lines = warning_summary(warnings, Path("out"))
    assert lines[0] == f"framing: {len(warnings)} warnings (all in out/warnings.txt):"
    assert lines[1] == "       6  W201 no speaker found for a full quotation"
    assert lines[2] == "       1  W101 unclosed quotation mark"
    assert len(lines) == 1 + SHOWN_WARNING_KINDS + 1
    assert lines[-1] == "       4  of 4 other kinds"
    assert warning_summary([], Path("out")) == []


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from framing.cli import _progress_bar

    monkeypatch.setattr(sys, "stderr", _Terminal())
    with _progress_bar([str(SEEDS)], quiet=False) as bar:
        assert not bar.disable and bar.total == 5  # the seed files, one article each
    with _progress_bar([str(SEEDS)], quiet=True) as bar:
        assert bar.disable
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with _progress_bar([str(SEEDS)], quiet=False) as bar:
        assert bar.disable


def test_progress_counts_every_article(tmp_path: Path) -> None:
    from framing.analysis import analyze

    done: list[int] = []
    analyze(SEEDS, progress=done.append)
    assert sum(done) == 5


def test_an_article_over_the_limit_is_refused_naming_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text("The envoy said the talks went well. " * 20)
    (folder / "long.txt").write_text("The envoy said the talks went well. " * 200)
    out = tmp_path / "out"
    args = ["analyze", str(folder), "--out", str(out), "--no-report", "--max-article-chars", "2000"]
    assert main(args) == ExitStatus.INPUT_FAILED
    err = capsys.readouterr().err
    assert re.search(r"skipped .*long\.txt: 7,200 characters is over the limit of 2,000", err)
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["short"]
