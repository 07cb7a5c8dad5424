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


ROW_COUNT = "n_rows"


def compact(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``df`` reduced to its distinct rows over ``columns``, each with ``n_rows``: how
    many rows of ``df`` it stands for (summed when ``df`` is already compact).

    The functions that only count rows (:func:`source_summary`'s term counts,
    :func:`~framing.compare.terms.term_choice`, :func:`~framing.compare.quotes.
    quoted_words_by_side`, :func:`~framing.compare.quotes.loaded_verb_share`) give the
    same result on a compact table, so the summary of a corpus of any size is built
    from compact batches in constant memory.
    """
    weights = df[ROW_COUNT] if ROW_COUNT in df.columns else 1
    keyed = df[columns].assign(**{ROW_COUNT: weights})
    return keyed.groupby(columns, dropna=False, sort=False)[ROW_COUNT].sum().reset_index()


def row_weights(df: pd.DataFrame) -> pd.Series:
    """How many rows each row of ``df`` stands for: ``n_rows`` of a compact table, else 1."""
    if ROW_COUNT in df.columns:
        return df[ROW_COUNT].astype("int64")
    return pd.Series(1, index=df.index, dtype="int64")


def row_counts(df: pd.DataFrame, keys: str | list[str]) -> pd.Series:
    """Rows per group of ``keys`` (sorted), counting a compact table's ``n_rows``."""
    return (
        row_weights(df).groupby([df[k] for k in ([keys] if isinstance(keys, str) else keys)]).sum()
    )


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
    by_source = row_counts(terms, "source") if not terms.empty else pd.Series(dtype=int)
    narrator = (
        row_counts(terms[terms["voice"] == "narrator"], "source")
        if not terms.empty
        else pd.Series(dtype=int)
    )
    summary["n_term_matches"] = by_source.reindex(summary.index, fill_value=0).astype(int)
    summary["n_narrator_terms"] = narrator.reindex(summary.index, fill_value=0).astype(int)
    return summary.reset_index()
