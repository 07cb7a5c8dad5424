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

from framing.labels import label

if TYPE_CHECKING:
    from framing.tables import Tables as Analysis

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
        "term figure). A match is quoted when it lies inside quotation marks or inside a "
        "statement attributed to someone; the outlet's own words are everything outside "
        "quotation marks (narration and reported speech, whose wording the outlet chose). "
        "Findings and the term-choice chart use the outlet's own words; terms.csv keeps "
        "voice, quote_kind and speaker for every match.",
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
        "not absolute values, and look at the intervals. On 5,190 New York Times "
        "editorial snippets rated by people (Hutto and Gilbert 2014; bench/vader_nyt.py), "
        "VADER's compound score correlates r = 0.50 with the human mean: a coarse "
        "signal, not a measurement of tone.",
    ),
    (
        "Intervals",
        "Every share and mean is given with a 95% interval from resampling articles (a "
        "cluster bootstrap, 1,000 resamples, fixed seed): sentences and quotes of one "
        "article are not independent. Below 5 articles (or 10 sentences) a group gets no "
        "interval and its n is shown instead: a figure from 1 or 2 articles is an "
        "anecdote, not an outlet's habit.",
    ),
    (
        "Readability",
        "Standard formulas (Flesch, Flesch-Kincaid, Gunning fog, SMOG) over the cleaned "
        "text; they count syllables and sentence lengths, not meaning.",
    ),
    (
        "Coverage",
        "Actors (actors.yaml) and places (coverage.yaml) are found by name lists, so an "
        "unlisted name or a pronoun is not a mention; a place used for its government "
        '("Moscow insists") counts as the place. Figures count only with a unit noun, '
        'currency or percent sign next to them, normalised ("157 prisoners of war each" '
        'and "each side returning 157 detainees" are both "157 prisoners each"); an '
        'unlisted noun is kept as written ("314 combatants"); the findings count the same '
        'number with different nouns as one figure ("314 (combatants, prisoners)") and '
        'durations ("2 days") apart. Dates and years are a kind of their own; clock times, '
        "ages and ordinals are left out. A 0 means the name list found nothing, not "
        "that the outlet ignored the fact.",
    ),
    (
        "Cleaning",
        "Boilerplate lines and duplicate paragraphs are removed before analysis; every "
        "removal is listed in the cleaning log with its line in the original file.",
    ),
]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
# GitHub-flavoured Markdown turns bare URLs and e-mail addresses into links: escape the
# ":" of "scheme://" and the "." of "www.", and put an invisible zero-width space after
# the "@" of an address (a backslash before "@" does not stop cmark-gfm's autolinker),
# so that article text never becomes a live link.
_MD_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=\bwww)(\.)")
_MD_EMAIL_AT = re.compile(r"(?<=[\w.+-])@(?=[\w-]+\.)")


def md_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: no links, HTML, code spans or cell breaks."""
    text = "" if value is None else str(value)
    text = text.replace("\r", " ").replace("\n", " ")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_AUTOLINK.sub(lambda m: "\\" + m.group(), text)
    return _MD_EMAIL_AT.sub("@&#8203;", text)


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
    df: pd.DataFrame,
    columns: list[str] | None = None,
    limit: int | None = None,
    *,
    csv: str | None = None,
    by: str = "source",
) -> dict[str, Any]:
    """``{"columns": [...], "rows": [[str, ...]], "more": n, "csv": name}`` for the templates.

    ``columns`` are shown by their human labels (:func:`framing.labels.label`; ``source``
    as the label of the grouping column ``by``). ``more``: rows left out by ``limit``;
    ``csv``: the output file that holds them all (templates cap long tables further and
    point to it).
    """

    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    more = 0
    if limit is not None and len(df) > limit:
        more = len(df) - limit
        df = df.head(limit)
    rows = [[fmt(v) for v in row] for row in df.itertuples(index=False)]
    headers = [label(c, by) for c in df.columns]
    return {"columns": headers, "rows": rows, "more": more, "csv": csv}


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


def comparison_tables(
    analysis: Analysis, *, min_articles: int = 5, min_sentences: int = 10
) -> dict[str, pd.DataFrame]:
    """The comparison tables behind the charts (those that can be computed); intervals
    below ``min_articles`` articles (``min_sentences`` sentences) are left out."""
    out: dict[str, pd.DataFrame] = {}
    minimum = {"min_articles": min_articles, "min_sentences": min_sentences}

    def term_choice() -> pd.DataFrame:
        from framing.compare.terms import term_choice as tc

        return tc(analysis.terms, voice="own", min_articles=min_articles)

    def quote_share() -> pd.DataFrame:
        from framing.compare.quotes import quoted_words_by_side

        return quoted_words_by_side(analysis.quotes, min_articles=min_articles)

    def loaded() -> pd.DataFrame:
        from framing.compare.quotes import loaded_verb_share

        return loaded_verb_share(analysis.quotes, min_articles=min_articles)

    def sentiment() -> pd.DataFrame:
        from framing.compare.sentiment import sentiment_by_voice

        return sentiment_by_voice(analysis.sentences, **minimum)

    def sides() -> pd.DataFrame:
        from framing.compare.sentiment import sentiment_by_side

        return sentiment_by_side(analysis.sentences, voice=None, **minimum)

    def vocabulary() -> pd.DataFrame:
        from framing.compare.vocabulary import distinctive_words

        return distinctive_words(analysis.sentences)

    def speaker_verb() -> pd.DataFrame:
        from framing.compare.quotes import speaker_verb_by_group

        return speaker_verb_by_group(analysis.quotes, labels=speaker_labels(analysis.quotes))

    def coverage() -> pd.DataFrame:
        from framing.compare.coverage import coverage_table

        return coverage_table(analysis.coverage, sources=analysis.articles["source"])

    for name, func in [
        ("term_choice", term_choice),
        ("quote_share", quote_share),
        ("loaded_verbs", loaded),
        ("sentiment", sentiment),
        ("sentiment_by_side", sides),
        ("distinctive_words", vocabulary),
        ("speaker_verb", speaker_verb),
        ("coverage", coverage),
    ]:
        if name == "term_choice" and analysis.terms.empty:
            continue
        if name in ("quote_share", "loaded_verbs", "speaker_verb") and analysis.quotes.empty:
            continue
        if (
            name in ("sentiment", "sentiment_by_side", "distinctive_words", "coverage")
            and analysis.sentences.empty
        ):
            continue
        result = _safe(func)
        if result is not None:
            out[name] = result
    out["readability"] = analysis.summary
    return out


def _join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def speaker_labels(quotes: pd.DataFrame) -> dict[str, str]:
    """Speaker -> "Dmitry Peskov (RU)": the side most often given to the speaker's statements."""
    labels: dict[str, str] = {}
    df = quotes[quotes["speaker"].notna()]
    for speaker, sides in df.groupby(df["speaker"].astype(str), sort=True)["affiliation"]:
        counts = sides.fillna("unknown").astype(str).value_counts()
        side = sorted(counts.index, key=lambda k: (-int(counts[k]), k))[0]
        labels[str(speaker)] = f"{speaker} ({side})"
    return labels


def display_table(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """The table shown under a chart: the chart's data, reshaped where a matrix reads badly.

    ``speaker_verb``: long form (speaker, verb, n) of the non-zero cells; ``coverage``:
    item x source counts with the number of sources mentioning each item.
    """
    if name == "speaker_verb":
        wide = df.rename_axis(index=["source", "speaker"]).reset_index()
        long = wide.melt(id_vars=["source", "speaker"], var_name="verb", value_name="n")
        long = long[long["n"] > 0]
        totals = long.groupby(["source", "speaker"])["n"].transform("sum")
        return long.assign(_t=-totals, _n=-long["n"]).sort_values(
            ["source", "_t", "speaker", "_n", "verb"], ignore_index=True
        )[["source", "speaker", "verb", "n"]]
    if name in INTERVAL_VALUES:
        return with_intervals(df, INTERVAL_VALUES[name])
    if name == "readability":  # the chart's measures, not the whole summary
        return df[[c for c in READABILITY_COLUMNS if c in df.columns]]
    if name == "coverage":
        from framing.compare.coverage import coverage_pivot

        wide = coverage_pivot(df)
        wide.insert(0, "n_sources", (wide > 0).sum(axis=1))
        return wide.reset_index()
    return df


READABILITY_COLUMNS = [
    "source",
    "n_articles",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
]
# tables whose value column is shown with its interval, "0.62 (0.40 to 0.80)" or
# "0.62 (n = 3)", in place of the value, ci_low and ci_high columns
INTERVAL_VALUES = {
    "term_choice": "share",
    "quote_share": "share",
    "loaded_verbs": "loaded_share",
    "sentiment": "mean",
    "sentiment_by_side": "mean",
}


def with_intervals(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """``df`` with ``value`` as text with its interval, and no ci_low/ci_high columns."""
    from framing.compare.intervals import interval_text

    if not {"ci_low", "ci_high", "n_articles"} <= set(df.columns):
        return df
    text = [
        interval_text(float(v), float(lo), float(hi), int(n))
        for v, lo, hi, n in zip(
            df[value], df["ci_low"], df["ci_high"], df["n_articles"], strict=True
        )
    ]
    return df.assign(**{value: text}).drop(columns=["ci_low", "ci_high"])


PNG_METADATA: dict[str, Any] = {"Software": None}
SVG_METADATA: dict[str, Any] = {"Date": None}


def _group_info(group: str) -> tuple[str, bool]:
    """(label, alternatives) of a group: its description in the packaged lexicon, else its
    name; whether its variants are rival names (True) or a list of expressions."""
    from framing.extract.terms import default_lexicon

    for g in default_lexicon().groups:
        if g.group == group:
            return g.description or group.replace("_", " "), g.alternatives
    return group.replace("_", " "), True


def _term_sentences(terms: pd.DataFrame) -> list[str]:
    """One sentence per lexicon group where the sources' usual variants differ.

    "Spelling of the eastern region, in the outlets' own words: RT writes Donbass (1 of
    1 matches); China Daily (1 of 1) and The Guardian (1 of 1) write Donbas." Own words
    are narration and reported speech, outside quotation marks
    (:func:`framing.compare.terms.own_words`); non-counting phrases are left out; the
    variant used by the fewest sources comes first.
    """
    from framing.compare.terms import term_choice

    choice = term_choice(terms, voice="own")
    choice = choice[choice["n"] > 0]
    lines: list[str] = []
    for group, gdf in choice.groupby("group", sort=True):
        label, alternatives = _group_info(str(group))
        if not alternatives:
            used = []
            for source, sdf in gdf.groupby("source", sort=True):
                pairs = zip(sdf["variant"], sdf["n"], strict=True)
                used.append(f"{source}: {', '.join(f'{v} ({n})' for v, n in pairs)}")
            lines.append(f"{label}, in the outlets' own words: {'; '.join(used)}.")
            continue
        users: dict[str, list[str]] = {}
        for source, sdf in gdf.groupby("source", sort=True):
            top = sdf.sort_values(["n", "variant"], ascending=[False, True]).iloc[0]
            users.setdefault(str(top["variant"]), []).append(
                f"{source} ({int(top['n'])} of {int(top['group_total'])})"
            )
        if len(users) < 2:
            continue
        parts = [
            f"{_join(names)} {'writes' if len(names) == 1 else 'write'} {variant}"
            for variant, names in sorted(users.items(), key=lambda kv: (len(kv[1]), kv[0]))
        ]
        lines.append(f"{label}, in the outlets' own words: {'; '.join(parts)}.")
    return lines


def findings(analysis: Analysis, tables: dict[str, pd.DataFrame]) -> list[str]:
    """Plain sentences generated from the numbers, one or more per source."""
    return [f["text"] for f in findings_with_evidence(analysis, tables)]


MAX_GROUP_FINDINGS = 12  # a finding per group up to this many groups; beyond, the table


def findings_with_evidence(
    analysis: Analysis, tables: dict[str, pd.DataFrame], *, min_articles: int = 5
) -> list[dict[str, str]]:
    """The findings, each with ``text`` and ``evidence``: the anchor of the report section
    that holds the rows it comes from (the summary, the terms in context, the coverage
    mentions). Shares and means carry their interval, or their n when too few."""
    summary = summary_display(analysis, min_articles) if not analysis.summary.empty else None
    out: list[dict[str, str]] = []
    if summary is not None and len(summary) <= MAX_GROUP_FINDINGS:
        for row in summary.to_dict(orient="records"):
            n = int(row["n_articles"])
            out.append(
                {
                    "text": f"{row['source']}: {n} article{'s' if n != 1 else ''}, "
                    f"{int(row['n_words'])} words, {int(row['n_quotes'])} attributed "
                    f"statements; share of words in direct quotes {row['quoted_word_share']}, "
                    f"mean sentence sentiment {row['sentiment_mean']}.",
                    "evidence": "evidence-quotes",
                    "csv": "quotes.csv",
                }
            )
    if not analysis.terms.empty:
        out += [
            {"text": t, "evidence": "evidence-terms", "csv": "terms.csv"}
            for t in _term_sentences(analysis.terms)
        ]
    if "coverage" in tables:
        out += [
            {"text": t, "evidence": "evidence-coverage", "csv": "coverage.csv"}
            for t in coverage_sentences(tables["coverage"])
        ]
    return out


def _who(names: str, most: int = 4) -> str:
    """ "a, b, c" of "a; b; c", at most ``most`` names ("a, b, c, d and 7 more")."""
    listed = names.split("; ")
    if len(listed) <= most:
        return ", ".join(listed)
    return ", ".join(listed[:most]) + f" and {len(listed) - most} more"


def _nouns(nouns: str, most: int = 3) -> str:
    listed = nouns.split(", ") if nouns else []
    shown = ", ".join(listed[:most]) + (", ..." if len(listed) > most else "")
    return f" ({shown})" if shown else ""


def coverage_sentences(cov: pd.DataFrame, *, max_items: int = 5) -> list[str]:
    """ "Figures not in every source: 314 prisoners (China Daily, The Moscow Times); ..." and
    the actors and places named by a single source."""
    from framing.compare.coverage import coverage_gaps

    gaps = coverage_gaps(cov)
    n_sources = cov["source"].nunique()
    if gaps.empty or n_sources < 2:
        return []
    from framing.compare.coverage import figures

    lines: list[str] = []
    facts = figures(cov)
    facts = facts[facts["omitted_by"] != ""]
    for kind, heading in (("count", "Figures"), ("amount", "Amounts"), ("duration", "Durations")):
        rows = facts[facts["kind"] == kind]
        if rows.empty:
            continue
        parts = [
            f"{fig}{_nouns(nouns)}: {_who(str(who))}"
            for fig, nouns, who in zip(
                rows["figure"].head(max_items).astype(str),
                rows["nouns"].head(max_items).astype(str),
                rows["mentioned_by"].head(max_items),
                strict=True,
            )
        ]
        extra = len(rows) - max_items
        lines.append(
            f"{heading} not reported by every source: "
            + "; ".join(parts)
            + (f"; and {extra} more (coverage.csv)" if extra > 0 else "")
            + "."
        )
    for kind, heading in (("actor", "Actors"), ("place", "Places")):
        single = gaps[(gaps["kind"] == kind) & (gaps["n_sources"] == 1)]
        if single.empty:
            continue
        by_source: dict[str, list[str]] = {}
        for r in single.itertuples():
            by_source.setdefault(str(r.mentioned_by), []).append(str(r.item))
        parts = [f"{_who('; '.join(items))} ({src})" for src, items in sorted(by_source.items())]
        lines.append(f"{heading} named by one source only: " + "; ".join(parts) + ".")
    return lines


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]+")
MAX_LABEL = 60


def chart_label(text: str) -> str:
    """A label fit for a chart: control characters (but the line feed) as spaces, at most
    ``MAX_LABEL`` characters (a source name or speaker from the input can be anything)."""
    text = _CONTROL.sub(" ", text)
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _chart_safe(df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with every text value and label passed through :func:`chart_label`."""

    def clean(value: Any) -> Any:
        return chart_label(value) if isinstance(value, str) else value

    out = df.rename(index=clean, columns=clean)
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(clean)
    return out


def _figure_bytes(name: str, ax: Any, folder: Path | None) -> str:
    """Save the chart (PNG + SVG under ``folder/charts``) and return the PNG as base64.

    Byte-identical on every run with the same input and library versions: no creation
    date or software stamp in the metadata, and SVG element ids hashed with a fixed
    salt (matplotlib's ``svg.hashsalt``; otherwise they are random).
    """
    import io

    from framing.plots import style

    fig = ax.get_figure()
    fig.tight_layout()
    buf = io.BytesIO()
    with style():  # svg.hashsalt: the same SVG ids on every run
        fig.savefig(buf, format="png", dpi=100, metadata=PNG_METADATA)
        if folder is not None:
            charts = folder / "charts"
            charts.mkdir(exist_ok=True)
            (charts / f"{name}.png").write_bytes(buf.getvalue())
            svg = io.BytesIO()
            fig.savefig(svg, format="svg", metadata=SVG_METADATA)
            (charts / f"{name}.svg").write_bytes(svg.getvalue())
    return base64.b64encode(buf.getvalue()).decode("ascii")


def build_charts(
    tables: dict[str, pd.DataFrame], folder: Path | None, *, group_label: str = "source"
) -> dict[str, str]:
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
        with plots.style():
            try:
                ax = func(_chart_safe(table_df), group_label=group_label)
            except (KeyError, ValueError):
                continue
        out[name] = _figure_bytes(name, ax, folder)
    return out


CHART_TITLES = {
    "term_choice": "Term choice in the outlet's own words (narration and reported speech)",
    "quote_share": "Quoted words by side",
    "loaded_verbs": "Loaded reporting verbs by side",
    "sentiment": "Sentence sentiment by source and voice",
    "sentiment_by_side": "Sentiment of sentences mentioning each side",
    "readability": "Readability by source",
    "distinctive_words": "Distinctive words per source (vs the rest)",
    "speaker_verb": "Reporting verbs per speaker",
    "coverage": "Coverage: actors, places and figures each source mentions or omits",
}
SECTION_NOTES = {
    "speaker_verb": (
        "Statements per speaker and reporting verb (lemma), for each group separately "
        "(its six most quoted speakers); the side in brackets is the one most often "
        "attributed to the speaker. Which verbs count as loaded, and why: the classes of "
        "framing/lexicons/verbs.yaml (neutral, directive, commissive, evaluative and belief "
        "verbs do not). Evidence: the Quotes table below and quotes.csv."
    ),
    "coverage": (
        "Counts of mentions per source; 0 = not mentioned. Actors and places are "
        "matched from name lists (actors.yaml, coverage.yaml), figures with their unit "
        "noun; dates and years are their own kind. Evidence: the first mention of each "
        "item per source below, every mention in coverage.csv."
    ),
}
EVIDENCE_LIMIT_HTML = 200
ARTICLE_LIMIT = 50  # the article list of a large corpus: the first rows, then articles.csv
MD_EVIDENCE_LIMIT = 20  # report.md shows the first rows of each evidence table
COVERAGE_EVIDENCE_COLUMNS = ["kind", "item", "source", "n_mentions", "as_written", "context"]


def report_context(
    analysis: Analysis, *, charts: bool, folder: Path | None = None
) -> dict[str, Any]:
    """Everything the templates need, as plain strings and lists.

    Comparisons are made between the groups of ``analysis.by`` (the outlets by default):
    on ``analysis.grouped``, the tables with ``source`` holding each article's group.
    """
    by = str(getattr(analysis, "by", "source"))
    view = getattr(analysis, "grouped", analysis)
    minimum = _minimum(analysis)
    tables = comparison_tables(view, **minimum)
    images = build_charts(tables, folder, group_label=label(by)) if charts else {}
    sections = [
        {
            "name": name,
            "title": CHART_TITLES.get(name, name),
            "note": SECTION_NOTES.get(name, ""),
            "image": images.get(name),
            "table": table(display_table(name, df), limit=60, by=by),
        }
        for name, df in tables.items()
    ]
    evidence_terms = analysis.terms
    evidence_quotes = analysis.quotes
    coverage_df = tables.get("coverage")
    coverage_evidence = (
        coverage_df[coverage_df["n_mentions"] > 0]
        if coverage_df is not None
        else pd.DataFrame(columns=COVERAGE_EVIDENCE_COLUMNS)
    )
    article_columns = (
        ARTICLE_COLUMNS if by == "source" else [*ARTICLE_COLUMNS[:2], by, *ARTICLE_COLUMNS[2:]]
    )
    return {
        **_counts(analysis, by),
        "findings": findings_with_evidence(view, tables, min_articles=minimum["min_articles"]),
        "summary": table(summary_display(view, minimum["min_articles"]), SUMMARY_COLUMNS, by=by),
        "articles": table(
            analysis.articles, article_columns, limit=ARTICLE_LIMIT, csv="articles.csv"
        ),
        "sections": sections,
        "timeline_sections": _timeline_sections(analysis, by, charts=charts, folder=folder),
        "term_evidence": table(
            evidence_terms,
            ["source", "group", "variant", "voice", "context"],
            limit=EVIDENCE_LIMIT_HTML,
            csv="terms.csv",
        ),
        "quote_evidence": table(
            evidence_quotes,
            ["source", "speaker", "affiliation", "verb", "kind", "text"],
            limit=EVIDENCE_LIMIT_HTML,
            csv="quotes.csv",
        ),
        "coverage_evidence": table(
            coverage_evidence,
            COVERAGE_EVIDENCE_COLUMNS,
            limit=EVIDENCE_LIMIT_HTML,
            csv="coverage.csv",
            by=by,
        ),
        "cleaning": table(analysis.cleaning, CLEANING_COLUMNS, limit=500, csv="cleaning.csv"),
        "warnings": list(analysis.warnings),
        "errors": table(analysis.errors, ["file", "line", "reason"]),
        "versions": sorted(analysis.versions.items()),
        "method_notes": METHOD_NOTES,
        "md_evidence_limit": MD_EVIDENCE_LIMIT,
    }


def _timeline_sections(
    analysis: Analysis, by: str, *, charts: bool, folder: Path | None
) -> list[dict[str, Any]]:
    """The term-share-over-time sections (none when the corpus spans one period)."""
    from framing.report.timeline import timeline_sections

    timeline = getattr(analysis, "timeline", None)
    if timeline is None:
        return []

    def draw(name: str, ax: Any) -> str:
        return _figure_bytes(name, ax, folder)

    return timeline_sections(timeline, by, draw=draw if charts else None, table=table)


def _minimum(analysis: Analysis) -> dict[str, int]:
    """The minimum sample for an interval (the analysis's options, else the defaults)."""
    options = getattr(analysis, "options", None)
    return {
        "min_articles": int(getattr(options, "min_articles", 5)),
        "min_sentences": int(getattr(options, "min_sentences", 10)),
    }


# the summary's means shown with an interval, and the range each is bounded to
SUMMARY_INTERVALS: dict[str, tuple[float, float] | None] = {
    "quoted_word_share": (0.0, 1.0),
    "sentiment_mean": (-1.0, 1.0),
    "flesch_reading_ease": None,
}


def summary_display(view: Analysis, min_articles: int) -> pd.DataFrame:
    """The per-group summary with each mean of SUMMARY_INTERVALS as "value (low to high)"
    (the interval from resampling the group's articles), or "value (n = 3)" when the
    group has fewer than ``min_articles`` articles."""
    from framing.compare.intervals import interval_text, mean_intervals

    summary = view.summary.copy()
    if summary.empty:
        return summary
    intervals = mean_intervals(
        view.articles,
        "source",
        list(SUMMARY_INTERVALS),
        min_articles=min_articles,
        bounds=SUMMARY_INTERVALS,
    ).set_index(["source", "metric"])
    for metric in SUMMARY_INTERVALS:
        digits = 1 if metric == "flesch_reading_ease" else 2
        summary[metric] = [
            interval_text(float(value), *_interval(intervals, str(group), metric), digits=digits)
            for group, value in zip(summary["source"], summary[metric], strict=True)
        ]
    return summary


def _interval(intervals: pd.DataFrame, group: str, metric: str) -> tuple[float, float, int]:
    if (group, metric) not in intervals.index:
        return math.nan, math.nan, 0
    low = intervals.at[(group, metric), "ci_low"]
    high = intervals.at[(group, metric), "ci_high"]
    n = intervals.at[(group, metric), "n_articles"]
    return float(low), float(high), int(n)  # type: ignore[arg-type]


def _counts(analysis: Analysis, by: str) -> dict[str, Any]:
    """Articles, outlets, and the grouping: ``by`` and its number of groups."""
    articles = analysis.articles
    n_sources = int(articles["source"].nunique()) if not articles.empty else 0
    n_groups = int(getattr(analysis, "grouped", analysis).articles["source"].nunique())
    return {
        "n_articles": len(articles),
        "n_sources": n_sources,
        "by": by,
        "by_label": label(by).lower(),
        "n_groups": n_groups if not articles.empty else 0,
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
    by = str(getattr(analysis, "by", "source"))
    view = getattr(analysis, "grouped", analysis)
    context = {
        **_counts(analysis, by),
        "summary": table(
            summary_display(view, _minimum(analysis)["min_articles"]), SUMMARY_COLUMNS, by=by
        ),
        "findings": findings(view, {}),
        "n_warnings": len(analysis.warnings),
        "n_errors": len(analysis.errors),
    }
    return _environment(True).get_template("summary.html.j2").render(**context)
