"""The report's timeline section: term shares over time per group, when the corpus spans
more than one period (:mod:`framing.compare.timeline`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from framing.labels import group_colours, label

MAX_TERM_CHARTS = 6


def term_metrics(timeline: pd.DataFrame) -> list[tuple[str, str, str]]:
    """(metric, term group, variant) to chart: per term group whose variants are rival
    names, the lexicon's first variant the timeline holds (the Ukrainian or western
    form: Kyiv, Donbas), for groups seen in more than one period."""
    from framing.extract.terms import default_lexicon

    chosen = []
    metrics = set(timeline["metric"].astype(str))
    for group in default_lexicon().groups:
        if not group.alternatives:
            continue
        for variant in group.variants:
            metric = f"term_share.{group.group}.{variant.variant}"
            rows = timeline[timeline["metric"] == metric]
            if metric in metrics and rows["period"].nunique() > 1:
                chosen.append((metric, group.description or group.group, variant.variant))
                break
    return chosen[:MAX_TERM_CHARTS]


def period_table(timeline: pd.DataFrame, metric: str) -> pd.DataFrame:
    """Group x period of a metric as "62% (14)": the share and its articles."""
    rows = timeline[timeline["metric"] == metric]
    cells = rows.assign(
        cell=[f"{v:.0%} ({n})" for v, n in zip(rows["value"], rows["n_articles"], strict=True)]
    )
    wide = cells.pivot(index="group", columns="period", values="cell").fillna("")
    wide = wide.sort_index().sort_index(axis=1).rename_axis(index="source")
    return wide.reset_index()  # "source": shown as the grouping column's label


def timeline_sections(
    timeline: pd.DataFrame,
    by: str,
    *,
    draw: Callable[[str, Any], str] | None,
    table: Callable[..., dict[str, Any]],
) -> list[dict[str, Any]]:
    """One section per charted term: title, note, chart (``draw(name, ax)`` -> base64
    PNG, None for no charts) and the group x period table."""
    if timeline.empty or timeline["period"].nunique() < 2:
        return []
    from framing import plots

    colours = group_colours(timeline["group"])
    sections = []
    for metric, description, variant in term_metrics(timeline):
        title = f"{description} over time: share of “{variant}” in the outlets' own words"
        image = None
        chart = f"timeline_{metric.split('.')[1]}"
        if draw is not None:
            with plots.style():
                ax = plots.term_timeline(
                    timeline,
                    metric=metric,
                    title=f"Share of “{variant}” over time",
                    colours=colours,
                    group_label=label(by),
                )
            image = draw(chart, ax)
        sections.append(
            {
                "name": f"timeline-{metric}",
                "title": title,
                "note": (
                    "Each cell: the share, and (in brackets) the articles of the period with "
                    "a match in the term group; shaded: 95% interval from resampling those "
                    "articles, where there are enough. Every period and metric: timeline.csv."
                ),
                "image": image,
                "chart": chart,
                "table": table(period_table(timeline, metric), by=by, csv="timeline.csv"),
            }
        )
    return sections
