"""Per-source comparison: tables that aggregate the per-article tables by outlet.

One module per topic (terms, quotes, sentiment, vocabulary, baseline), each a set
of functions DataFrame -> DataFrame. This package's root holds the per-source
summary that every report and ``summary.json`` start from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from framing.analysis import Analysis

SUMMARY_SUMS = ["n_paragraphs", "n_sentences", "n_words", "n_removed_lines", "n_quotes"]
SUMMARY_MEANS = [
    "sentiment_mean",
    "sentiment_neg_share",
    "sentiment_pos_share",
    "quoted_word_share",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
]


def source_summary(analysis: Analysis) -> pd.DataFrame:
    """One row per source: article count, summed counts, and unweighted means over articles.

    Columns: source, n_articles, the sums of SUMMARY_SUMS, the means of SUMMARY_MEANS
    (each article weighs the same, so a long article does not speak for its outlet),
    n_term_matches and n_narrator_terms.
    """
    articles = analysis.articles
    if articles.empty:
        return pd.DataFrame(columns=["source", "n_articles", *SUMMARY_SUMS, *SUMMARY_MEANS])
    grouped = articles.groupby("source", sort=True)
    summary = grouped.size().rename("n_articles").to_frame()
    summary = summary.join(grouped[SUMMARY_SUMS].sum())
    summary = summary.join(grouped[SUMMARY_MEANS].mean())
    terms = analysis.terms
    by_source = terms.groupby("source").size() if not terms.empty else pd.Series(dtype=int)
    narrator = (
        terms[terms["voice"] == "narrator"].groupby("source").size()
        if not terms.empty
        else pd.Series(dtype=int)
    )
    summary["n_term_matches"] = by_source.reindex(summary.index, fill_value=0).astype(int)
    summary["n_narrator_terms"] = narrator.reindex(summary.index, fill_value=0).astype(int)
    return summary.reset_index()
