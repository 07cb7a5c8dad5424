"""Baseline diff: what moved between two runs' ``summary.json`` (for CI checks).

``compare_outputs(baseline, current)`` reads both files (or output folders holding
one), lines up every numeric per-source metric and flags the ones whose absolute
change exceeds ``tolerance``. A source present in only one run counts as exceeded.
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


@dataclass(frozen=True)
class Comparison:
    """Rows (source, metric, baseline, current, delta, exceeded), overall verdict, Markdown."""

    rows: pd.DataFrame
    exceeded: bool
    markdown: str


def read_summary(path: Path) -> dict[str, dict[str, Any]]:
    """``sources`` of a summary.json (or of ``path/summary.json``); CorpusError if invalid."""
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
    return sources


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _fmt(value: Any) -> str:
    number = _number(value)
    if number is None or math.isnan(number):
        return "—"
    return f"{number:.4g}"


def compare_outputs(baseline: Path, current: Path, *, tolerance: float = 0.05) -> Comparison:
    """Diff two runs; ``exceeded`` when any metric moved more than ``tolerance`` (absolute)."""
    old, new = read_summary(baseline), read_summary(current)
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
            exceeded = (a is None) != (b is None) or abs(delta) > tolerance + 1e-12
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
    return Comparison(frame, exceeded, _markdown(frame, tolerance))


def _cell(text: str) -> str:
    from framing.report import md_escape

    return md_escape(text)


def _markdown(frame: pd.DataFrame, tolerance: float) -> str:
    moved = frame[frame["exceeded"]]
    if moved.empty:
        return f"No metric moved by more than {tolerance:g} ({len(frame)} compared)."
    lines = [
        f"{len(moved)} of {len(frame)} metrics moved by more than {tolerance:g}:",
        "",
        "| source | metric | baseline | current | delta |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in moved.itertuples(index=False):
        lines.append(
            f"| {_cell(str(row.source))} | {_cell(str(row.metric))} | {_fmt(row.baseline)} "
            f"| {_fmt(row.current)} | {_fmt(row.delta)} |"
        )
    return "\n".join(lines)
