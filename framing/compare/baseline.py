"""Baseline diff: what moved between two runs' ``summary.json`` (for CI checks).

``compare_outputs(baseline, current)`` reads both files (or output folders holding
one), lines up every numeric per-source (or per-group, ``by``) metric and flags the
ones that moved past the tolerance of their kind (:func:`metric_kind`):

* ``share`` (quoted-word, loaded-verb and term shares, sentiment shares; 0..1):
  absolute change, ``tolerance`` (default 0.05);
* ``sentiment`` (mean VADER compound, -1..1): absolute, default 0.1;
* ``readability`` (Flesch reading ease in points, grade levels): absolute, default 2;
* ``count`` (words, quotes, term matches): relative change, default 0.1 (10%);
* ``n_articles``: any change is reported and counts as exceeded (the corpus is not
  the baseline's, so the other figures are not comparable).

A source present in only one run counts as exceeded.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from framing.corpus import CorpusError

COLUMNS = ["source", "metric", "baseline", "current", "delta", "exceeded"]
DEFAULT_TOLERANCES = {"share": 0.05, "sentiment": 0.1, "readability": 2.0, "count": 0.1}
READABILITY = ("flesch", "gunning_fog", "smog_index", "coleman_liau", "dale_chall", "automated")


def metric_kind(metric: str) -> str:
    """``n_articles``, ``count``, ``share``, ``sentiment`` or ``readability``."""
    if metric == "n_articles":
        return "n_articles"
    if metric.startswith("n_"):
        return "count"
    if "share" in metric:
        return "share"
    if metric.startswith("sentiment"):
        return "sentiment"
    if metric.startswith(READABILITY):
        return "readability"
    return "share"


def moved_past(metric: str, old: float, new: float, tolerances: dict[str, float]) -> bool:
    """Whether ``old`` -> ``new`` moved past the tolerance of the metric's kind."""
    kind = metric_kind(metric)
    if kind == "n_articles":
        return old != new
    if kind == "count":
        return abs(new - old) > tolerances["count"] * max(abs(old), 1.0) + 1e-12
    return abs(new - old) > tolerances[kind] + 1e-12


@dataclass(frozen=True)
class Comparison:
    """Rows (source, metric, baseline, current, delta, exceeded), overall verdict, Markdown."""

    rows: pd.DataFrame
    exceeded: bool
    markdown: str


def read_summary(path: Path, by: str = "source") -> dict[str, dict[str, Any]]:
    """``sources`` of a summary.json (or of ``path/summary.json``); CorpusError if invalid.

    ``by`` another column: its ``groups`` when the summary was grouped by it, else, for
    an output folder, the groups computed from its tables.
    """
    path = Path(path)
    file = path / "summary.json" if path.is_dir() else path
    if not file.exists():
        raise FileNotFoundError(f"{file}: no such summary.json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(file, f"cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise CorpusError(file, f"invalid JSON: {exc.msg}", exc.lineno) from exc
    sources = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(sources, dict) or not all(isinstance(v, dict) for v in sources.values()):
        raise CorpusError(file, "not a framing summary.json (no 'sources' object)")
    if by == "source":
        return sources
    if data.get("by") == by and isinstance(data.get("groups"), dict):
        groups: dict[str, dict[str, Any]] = data["groups"]
        return groups
    if path.is_dir() and (path / "articles.parquet").exists():
        return _groups_of_folder(path, by)
    raise CorpusError(
        file, f"not grouped by {by!r}; run framing analyze --by {by}, or pass the output folder"
    )


def _groups_of_folder(folder: Path, by: str) -> dict[str, dict[str, Any]]:
    from framing.compare.groups import CompareOptions
    from framing.output import read_output, summary_dict

    groups: dict[str, dict[str, Any]] = summary_dict(
        read_output(folder, options=CompareOptions(by=by))
    )["groups"]
    return groups


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _fmt(value: Any) -> str:
    number = _number(value)
    if number is None or math.isnan(number):
        return "—"
    return f"{number:.4g}"


def compare_outputs(
    baseline: Path,
    current: Path,
    *,
    tolerance: float = 0.05,
    tolerances: dict[str, float] | None = None,
    by: str = "source",
) -> Comparison:
    """Diff two runs; ``exceeded`` when a metric moved past its kind's tolerance.

    ``tolerance``: shares (absolute); ``tolerances``: any of ``share``, ``sentiment``,
    ``readability`` (absolute) and ``count`` (relative), over DEFAULT_TOLERANCES.
    ``by``: compare the groups of that column (module doc).
    """
    limits = DEFAULT_TOLERANCES | {"share": tolerance} | dict(tolerances or {})
    old, new = read_summary(baseline, by), read_summary(current, by)
    rows: list[dict[str, Any]] = []
    for source in sorted(set(old) | set(new)):
        if source not in old or source not in new:
            rows.append(
                {
                    "source": source,
                    "metric": "(source added)" if source not in old else "(source removed)",
                    "baseline": math.nan,
                    "current": math.nan,
                    "delta": math.nan,
                    "exceeded": True,
                }
            )
            continue
        for metric in sorted(set(old[source]) | set(new[source])):
            a, b = _number(old[source].get(metric)), _number(new[source].get(metric))
            if a is None and b is None:
                continue
            delta = math.nan if a is None or b is None else b - a
            exceeded = (a is None) != (b is None) or (
                a is not None and b is not None and moved_past(metric, a, b, limits)
            )
            rows.append(
                {
                    "source": source,
                    "metric": metric,
                    "baseline": math.nan if a is None else a,
                    "current": math.nan if b is None else b,
                    "delta": delta,
                    "exceeded": bool(exceeded),
                }
            )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    exceeded = bool(frame["exceeded"].any()) if not frame.empty else False
    return Comparison(frame, exceeded, _markdown(frame, limits, by))


def _cell(text: str) -> str:
    from framing.report import md_escape

    return md_escape(text)


def _limits_text(limits: dict[str, float]) -> str:
    return (
        f"shares ±{limits['share']:g}, sentiment ±{limits['sentiment']:g}, "
        f"readability ±{limits['readability']:g}, counts ±{limits['count']:.0%}"
    )


def _markdown(frame: pd.DataFrame, limits: dict[str, float], by: str = "source") -> str:
    corpus = frame[(frame["metric"] == "n_articles") & frame["exceeded"]]
    lines = []
    if not corpus.empty:
        lines += [
            "**The corpus changed**: "
            + "; ".join(
                f"{_cell(str(r.source))} {_fmt(r.baseline)} → {_fmt(r.current)} articles"
                for r in corpus.itertuples(index=False)
            )
            + ". The other figures compare different articles.",
            "",
        ]
    moved = frame[frame["exceeded"]]
    if moved.empty:
        return (
            f"No metric moved past its tolerance ({_limits_text(limits)}; {len(frame)} compared)."
        )
    lines += [
        f"{len(moved)} of {len(frame)} metrics moved past their tolerance "
        f"({_limits_text(limits)}):",
        "",
        f"| {by} | metric | baseline | current | delta |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in moved.itertuples(index=False):
        lines.append(
            f"| {_cell(str(row.source))} | {_cell(str(row.metric))} | {_fmt(row.baseline)} "
            f"| {_fmt(row.current)} | {_fmt(row.delta)} |"
        )
    return "\n".join(lines)
