"""Report: Analysis -> context dict -> Jinja2 templates (package data) -> HTML / Markdown.

``write_report`` writes ``report.html`` (self-contained: charts inlined as base64 PNG,
no external CSS/JS), ``report.md`` (charts referenced as ``charts/<name>.png``) and,
with ``charts=True``, ``charts/*.png`` + ``charts/*.svg``. ``render_html_summary``
is the compact HTML shown by ``Analysis._repr_html_`` in notebooks.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pandas as pd

if TYPE_CHECKING:
    from framing.analysis import Analysis

SUMMARY_COLUMNS = [
    "source",
    "n_articles",
    "n_words",
    "n_quotes",
    "quoted_word_share",
    "sentiment_mean",
    "flesch_reading_ease",
    "n_term_matches",
    "n_narrator_terms",
]
ARTICLE_COLUMNS = [
    "article_id",
    "source",
    "title",
    "date",
    "n_words",
    "n_quotes",
    "quoted_word_share",
    "sentiment_mean",
    "flesch_reading_ease",
    "n_removed_lines",
]
CLEANING_COLUMNS = ["article_id", "source", "line", "reason", "text"]
METHOD_NOTES = [
    (
        "Term choice",
        "Variants (e.g. Kyiv/Kiev, Donbas/Donbass) are matched from a YAML lexicon; a "
        "variant missing from the lexicon is not counted (lexicon coverage limits every "
        "term figure). Voice is narrator unless the match lies inside a detected quotation.",
    ),
    (
        "Quotes",
        "Quotes and speakers are attributed by rules (quote marks, reporting verbs, nearby "
        "names), not by a trained model: unusual constructions can be missed or "
        "misattributed. Warnings list quotes the rules refused to guess.",
    ),
    (
        "Sentiment",
        "VADER scores each sentence; it was built for social media and is weak on news "
        "prose (negation, irony, diplomatic wording). Read differences between sources, "
        "not absolute values, and look at the intervals: with one article per source "
        "they are wide.",
    ),
    (
        "Readability",
        "Standard formulas (Flesch, Flesch-Kincaid, Gunning fog, SMOG) over the cleaned "
        "text; they count syllables and sentence lengths, not meaning.",
    ),
    (
        "Cleaning",
        "Boilerplate lines and duplicate paragraphs are removed before analysis; every "
        "removal is listed in the cleaning log with its line in the original file.",
    ),
]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# GitHub-flavoured Markdown turns bare URLs into links: escape the ":" of "scheme://"
# and the "." of "www." so that article text never becomes a live link.
_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")


def md_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: no links, HTML, code spans or cell breaks."""
    text = "" if value is None else str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_AUTOLINK.sub(lambda m: "\\" + m.group(), text)


def fmt(value: Any, digits: int = 3) -> str:
    """A cell value for display: floats rounded, missing values empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.{digits}f}"
    if hasattr(value, "item"):
        return fmt(value.item(), digits)
    return str(value)


def table(
    df: pd.DataFrame, columns: list[str] | None = None, limit: int | None = None
) -> dict[str, Any]:
    """``{"columns": [...], "rows": [[str, ...]], "more": n}`` for the templates."""
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    more = 0
    if limit is not None and len(df) > limit:
        more = len(df) - limit
        df = df.head(limit)
    rows = [[fmt(v) for v in row] for row in df.itertuples(index=False)]
    return {"columns": [str(c) for c in df.columns], "rows": rows, "more": more}


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("framing", "report/templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    return env


def _safe(func: Callable[[], pd.DataFrame]) -> pd.DataFrame | None:
    """A comparison table, or None when its module is not available yet or has no data."""
    try:
        result = func()
    except (ImportError, KeyError, ValueError):
        return None
    return None if result is None or result.empty else result


def comparison_tables(analysis: Analysis) -> dict[str, pd.DataFrame]:
    """The comparison tables behind the charts (those that can be computed)."""
    out: dict[str, pd.DataFrame] = {}

    def term_choice() -> pd.DataFrame:
        from framing.compare.terms import term_choice as tc

        return tc(analysis.terms, voice="narrator")

    def quote_share() -> pd.DataFrame:
        from framing.compare.quotes import quoted_words_by_side

        return quoted_words_by_side(analysis.quotes)

    def loaded() -> pd.DataFrame:
        from framing.compare.quotes import loaded_verb_share

        return loaded_verb_share(analysis.quotes)

    def sentiment() -> pd.DataFrame:
        from framing.compare.sentiment import sentiment_by_voice

        return sentiment_by_voice(analysis.sentences)

    def sides() -> pd.DataFrame:
        from framing.compare.sentiment import sentiment_by_side

        return sentiment_by_side(analysis.sentences)

    def vocabulary() -> pd.DataFrame:
        from framing.compare.vocabulary import distinctive_words

        return distinctive_words(analysis.sentences)

    for name, func in [
        ("term_choice", term_choice),
        ("quote_share", quote_share),
        ("loaded_verbs", loaded),
        ("sentiment", sentiment),
        ("sentiment_by_side", sides),
        ("distinctive_words", vocabulary),
    ]:
        if name == "term_choice" and analysis.terms.empty:
            continue
        if name in ("quote_share", "loaded_verbs") and analysis.quotes.empty:
            continue
        if (
            name in ("sentiment", "sentiment_by_side", "distinctive_words")
            and analysis.sentences.empty
        ):
            continue
        result = _safe(func)
        if result is not None:
            out[name] = result
    out["readability"] = analysis.summary
    return out


NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def _count_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def _most_common(counts: dict[str, int]) -> str:
    return max(sorted(counts), key=lambda k: counts[k])


def _term_sentences(terms: pd.DataFrame) -> list[str]:
    """ "RT uses Donbass in its own voice 1 of 1 times; four other sources use Donbas"."""
    lines: list[str] = []
    narrator = terms[terms["voice"] == "narrator"]
    for group, gdf in narrator.groupby("group", sort=True):
        if gdf["variant"].nunique() < 2:
            continue
        counts: dict[str, dict[str, int]] = {}
        for source, variant in zip(
            gdf["source"].astype(str), gdf["variant"].astype(str), strict=True
        ):
            counts.setdefault(source, {})
            counts[source][variant] = counts[source].get(variant, 0) + 1
        top = {s: _most_common(c) for s, c in counts.items()}
        for source in sorted(counts):
            mine = top[source]
            total = sum(counts[source].values())
            others: dict[str, int] = {}
            for other, variant in top.items():
                if other != source and variant != mine:
                    others[variant] = others.get(variant, 0) + 1
            sentence = (
                f"{source} uses {mine} in its own voice {counts[source][mine]} of {total} "
                f"times ({group})"
            )
            for variant, n in sorted(others.items()):
                plural = "sources use" if n != 1 else "source uses"
                sentence += f"; {_count_word(n)} other {plural} {variant}"
            lines.append(sentence + ".")
    return lines


def findings(analysis: Analysis, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Plain sentences generated from the numbers, one or more per source."""
    lines: list[str] = []
    for row in analysis.summary.to_dict(orient="records"):
        n = int(row["n_articles"])
        share = float(row["quoted_word_share"])
        lines.append(
            f"{row['source']}: {n} article{'s' if n != 1 else ''}, {int(row['n_words'])} words, "
            f"{int(row['n_quotes'])} attributed statements, "
            f"{fmt(share * 100, 0)}% of words in direct quotes, "
            f"mean sentence sentiment {fmt(float(row['sentiment_mean']), 2)}."
        )
    if not analysis.terms.empty:
        lines += _term_sentences(analysis.terms)
    return lines


def _figure_bytes(name: str, ax: Any, folder: Path | None) -> str:
    """Save the chart (PNG + SVG under ``folder/charts``) and return the PNG as base64."""
    import io

    fig = ax.get_figure()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    if folder is not None:
        charts = folder / "charts"
        charts.mkdir(exist_ok=True)
        (charts / f"{name}.png").write_bytes(buf.getvalue())
        fig.savefig(charts / f"{name}.svg", format="svg", metadata={"Date": None})
    return base64.b64encode(buf.getvalue()).decode("ascii")


def build_charts(tables: dict[str, pd.DataFrame], folder: Path | None) -> dict[str, str]:
    """Chart name -> base64 PNG, for each table that has a chart function."""
    try:
        from framing import plots
    except ImportError:
        return {}
    out: dict[str, str] = {}
    for name, table_df in tables.items():
        func = plots.CHARTS.get(name)
        if func is None:
            continue
        try:
            ax = func(table_df)
        except (KeyError, ValueError):
            continue
        out[name] = _figure_bytes(name, ax, folder)
    return out


CHART_TITLES = {
    "term_choice": "Term choice in the narrator's voice",
    "quote_share": "Quoted words by side",
    "loaded_verbs": "Loaded reporting verbs by side",
    "sentiment": "Sentence sentiment by source and voice",
    "sentiment_by_side": "Sentiment of sentences mentioning each side",
    "readability": "Readability by source",
    "distinctive_words": "Distinctive words per source (vs the rest)",
}


def report_context(
    analysis: Analysis, *, charts: bool, folder: Path | None = None
) -> dict[str, Any]:
    """Everything the templates need, as plain strings and lists."""
    tables = comparison_tables(analysis)
    images = build_charts(tables, folder) if charts else {}
    sections = [
        {
            "name": name,
            "title": CHART_TITLES.get(name, name),
            "image": images.get(name),
            "table": table(df, limit=60),
        }
        for name, df in tables.items()
    ]
    evidence_terms = analysis.terms
    evidence_quotes = analysis.quotes
    return {
        "n_articles": len(analysis.articles),
        "n_sources": int(analysis.articles["source"].nunique())
        if not analysis.articles.empty
        else 0,
        "findings": findings(analysis, tables),
        "summary": table(analysis.summary, SUMMARY_COLUMNS),
        "articles": table(analysis.articles, ARTICLE_COLUMNS),
        "sections": sections,
        "term_evidence": table(
            evidence_terms, ["source", "group", "variant", "voice", "context"], limit=200
        ),
        "quote_evidence": table(
            evidence_quotes, ["source", "speaker", "affiliation", "verb", "kind", "text"], limit=200
        ),
        "cleaning": table(analysis.cleaning, CLEANING_COLUMNS, limit=500),
        "warnings": list(analysis.warnings),
        "errors": table(analysis.errors, ["file", "line", "reason"]),
        "versions": sorted(analysis.versions.items()),
        "method_notes": METHOD_NOTES,
    }


def write_report(analysis: Analysis, folder: Path, *, charts: bool = True) -> None:
    """Write ``report.html``, ``report.md`` and (with ``charts``) ``charts/*.png|svg``."""
    import matplotlib

    matplotlib.use("Agg")
    folder = Path(folder)
    context = report_context(analysis, charts=charts, folder=folder)
    html = _environment(True).get_template("report.html.j2").render(**context)
    md = _environment(False).get_template("report.md.j2").render(**context)
    (folder / "report.html").write_text(html, encoding="utf-8")
    (folder / "report.md").write_text(md, encoding="utf-8")


def render_html_summary(analysis: Analysis) -> str:
    """Compact HTML for notebooks: per-source summary, findings, warnings count."""
    context = {
        "n_articles": len(analysis.articles),
        "n_sources": int(analysis.articles["source"].nunique())
        if not analysis.articles.empty
        else 0,
        "summary": table(analysis.summary, SUMMARY_COLUMNS),
        "findings": findings(analysis, {}),
        "n_warnings": len(analysis.warnings),
        "n_errors": len(analysis.errors),
    }
    return _environment(True).get_template("summary.html.j2").render(**context)
