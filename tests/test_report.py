"""Report: every section present, charts inlined, article text escaped (HTML and Markdown)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd
import pytest

from framing.compare import source_summary
from framing.extract.coverage import coverage_mentions
from framing.report import md_escape, render_html_summary, write_report

PLANTED = "<script>alert(1)</script> [click](http://evil.example) | `code`"


def _article(aid: str, source: str, title: str, **extra: Any) -> dict[str, Any]:
    row = dict(
        article_id=aid, file=f"{aid}.txt", source=source, title=title, date="2026-02-05",
        url="", n_paragraphs=5, n_sentences=10, n_words=300, n_removed_lines=1,
        sentiment_mean=-0.1, sentiment_neg_share=0.3, sentiment_pos_share=0.2, n_quotes=1,
        quoted_word_share=0.2, flesch_reading_ease=45.0, flesch_kincaid_grade=11.0,
        gunning_fog=13.0, smog_index=12.0,
    )  # fmt: skip
    row.update(extra)
    return row


def _term(aid: str, source: str, variant: str, voice: str = "narrator") -> dict[str, Any]:
    return dict(
        article_id=aid, source=source, group="region", variant=variant, pole="x",
        matched=variant, voice=voice, speaker=None, paragraph=1, start=0, end=6,
        context=f"fighting in {variant} <b>east</b>",
    )  # fmt: skip


@pytest.fixture
def analysis() -> SimpleNamespace:
    articles = pd.DataFrame(
        [_article("a1", "RT", PLANTED), _article("b1", "The Guardian", "Talks end", n_words=400)]
    )
    terms = pd.DataFrame([_term("a1", "RT", "Donbass"), _term("b1", "The Guardian", "Donbas")])
    quotes = pd.DataFrame(
        [
            dict(
                article_id="a1", source="RT", quote_id="q1", kind="direct",
                speaker="Dmitry Peskov", speaker_as_written="Peskov", affiliation="RU",
                verb="said", verb_class="neutral", text="We are <ready>", n_words=3,
                paragraph=2, start=10, end=20, compound=0.3, warning=None,
            )
        ]
    )  # fmt: skip
    sentences = pd.DataFrame(
        [
            dict(
                article_id=a, source=s, paragraph=1, sentence_idx=i, text=t, voice=v,
                compound=c, pos=0.1, neu=0.8, neg=0.1, sides=sides, start=start,
            )
            for a, s, i, t, v, c, sides, start in [
                ("a1", "RT", 0, "Peskov said 314 combatants were swapped.", "narrator", -0.2, ["RU"], 0),
                ("a1", "RT", 1, "Kiev refused.", "quoted", 0.1, ["UA"], 42),
                ("b1", "The Guardian", 0, "Witkoff said 157 prisoners each.", "narrator", 0.2, [], 0),
            ]
        ]
    )  # fmt: skip
    cleaning = pd.DataFrame(
        [dict(article_id="a1", source="RT", line=3, reason="boilerplate",
              text="Subscribe <img src=x>", duplicate_of=None)]
    )  # fmt: skip
    ns = SimpleNamespace(
        articles=articles, terms=terms, quotes=quotes, sentences=sentences, cleaning=cleaning,
        errors=pd.DataFrame(columns=["file", "line", "article_id", "source", "reason"]),
        warnings=["a1.txt: unbalanced quote <here>"], versions={"terms": "1"},
    )  # fmt: skip
    ns.summary = source_summary(ns)  # type: ignore[arg-type]
    ns.coverage = coverage_mentions(sentences)
    return ns


@pytest.fixture
def written(analysis: SimpleNamespace, tmp_path: Path) -> Path:
    write_report(analysis, tmp_path, charts=True)  # type: ignore[arg-type]
    return tmp_path


SECTIONS = ["Findings", "Summary by outlet", "Articles", "Evidence", "Cleaning log",
            "Warnings", "Method notes", "Reporting verbs per speaker",
            "Coverage: actors, places and figures", "Coverage: first mention"]  # fmt: skip


@pytest.mark.parametrize("name", ["report.html", "report.md"])
def test_every_section_is_present(written: Path, name: str) -> None:
    text = (written / name).read_text(encoding="utf-8")
    for section in SECTIONS:
        assert section in text
    assert "VADER" in text


def test_html_escapes_planted_script(written: Path) -> None:
    html = (written / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x>" not in html
    assert "<b>east</b>" not in html


def test_html_is_self_contained(written: Path) -> None:
    html = (written / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html
    assert "http://" not in html.replace("http://evil.example", "")
    assert "<link" not in html


def test_markdown_cannot_inject_links_or_html(written: Path) -> None:
    md = (written / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in md
    assert "[click](" not in md
    assert "\\<script\\>" in md
    assert "![" in md and "charts/" in md


def test_charts_written_as_png_and_svg(written: Path) -> None:
    pngs = {p.stem for p in (written / "charts").glob("*.png")}
    svgs = {p.stem for p in (written / "charts").glob("*.svg")}
    assert pngs and pngs == svgs


def test_no_charts_when_disabled(analysis: SimpleNamespace, tmp_path: Path) -> None:
    write_report(analysis, tmp_path, charts=False)  # type: ignore[arg-type]
    assert not (tmp_path / "charts").exists()
    assert "data:image/png" not in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_findings_are_sentences_from_the_numbers(written: Path) -> None:
    md = (written / "report.md").read_text(encoding="utf-8")
    assert "RT (1 of 1) writes Donbass" in md
    assert "write Donbas" in md or "writes Donbas" in md


def test_report_is_deterministic(analysis: SimpleNamespace, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    write_report(analysis, a)  # type: ignore[arg-type]
    write_report(analysis, b)  # type: ignore[arg-type]
    assert (a / "report.md").read_bytes() == (b / "report.md").read_bytes()
    assert (a / "report.html").read_bytes() == (b / "report.html").read_bytes()


def test_html_summary_for_notebooks(analysis: SimpleNamespace) -> None:
    html = render_html_summary(analysis)  # type: ignore[arg-type]
    assert "The Guardian" in html and "<table>" in html
    assert "<script>" not in html


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b", "a\\|b"),
        ("[x](y)", "\\[x\\](y)"),
        ("<b>", "\\<b\\>"),
        ("`c`", "\\`c\\`"),
        ("line\nbreak", "line break"),
        (None, ""),
    ],
)
def test_md_escape(text: str | None, expected: str) -> None:
    assert md_escape(text) == expected


def test_new_charts_and_their_tables(written: Path) -> None:
    assert {"speaker_verb", "coverage"} <= {p.stem for p in (written / "charts").glob("*.png")}
    md = (written / "report.md").read_text(encoding="utf-8")
    assert "![Coverage: actors, places and figures" in md
    assert "| Kind | Item | Groups mentioning it | RT | The Guardian |" in md
    assert "| number | 314 combatants | 1 | 1 | 0 |" in md
    assert "| Dmitry Peskov (RU) | said | 1 |" in md
    # one figure per count whatever its noun; durations apart; each finding names its evidence
    assert (
        "Figures not reported by every source: 314 (combatants): RT; 157 each (prisoners): "
        "The Guardian. (evidence: coverage.csv)"
    ) in md


def test_svg_and_png_are_byte_identical_across_renders(
    analysis: SimpleNamespace, tmp_path: Path
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    write_report(analysis, a)  # type: ignore[arg-type]
    write_report(analysis, b)  # type: ignore[arg-type]
    files = sorted(p.name for p in (a / "charts").iterdir())
    assert "coverage.svg" in files and "speaker_verb.svg" in files
    for name in files:
        assert (a / "charts" / name).read_bytes() == (b / "charts" / name).read_bytes(), name
    assert b"<dc:date>" not in (a / "charts" / "coverage.svg").read_bytes()


def test_markdown_caps_long_evidence_tables(analysis: SimpleNamespace, tmp_path: Path) -> None:
    analysis.terms = pd.DataFrame([_term("a1", "RT", "Donbass") for _ in range(25)])
    write_report(analysis, tmp_path, charts=False)  # type: ignore[arg-type]
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "… 5 more rows in terms.csv." in md
    assert md.count("fighting in Donbass") == 20
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<details><summary>25 term matches (terms.csv)</summary>" in html
    assert html.count("fighting in Donbass") == 25


def test_chart_labels_drop_control_characters_and_stay_short() -> None:
    from framing.report import MAX_LABEL, chart_label

    assert chart_label("RT\rnews\x00\x1b[31m") == "RT news [31m"
    assert chart_label("two\nlines") == "two\nlines"  # line feeds wrap labels on purpose
    long = chart_label("x" * 500)
    assert len(long) == MAX_LABEL and long.endswith("…")
