"""Per-source comparison: tables that aggregate the per-article tables by outlet.

One module per topic (terms, quotes, sentiment, vocabulary, baseline), each a set
of functions DataFrame -> DataFrame. This package's root holds the per-source
summary that every report and ``summary.json`` start from (defined with the tables, in
:mod:`framing.tables`, since every :class:`~framing.tables.Tables` carries it).
"""

from __future__ import annotations

from framing.tables import (
    ROW_COUNT,
    SUMMARY_MEANS,
    SUMMARY_SUMS,
    compact,
    row_counts,
    row_weights,
    source_summary,
)

__all__ = [
    "ROW_COUNT",
    "SUMMARY_MEANS",
    "SUMMARY_SUMS",
    "compact",
    "row_counts",
    "row_weights",
    "source_summary",
]
