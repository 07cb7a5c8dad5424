"""Compact tables (distinct rows with their counts) give the counting functions' results."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.analysis import Analysis
from framing.compare import ROW_COUNT, compact, source_summary
from framing.compare.quotes import loaded_verb_share, quoted_words_by_side
from framing.compare.terms import CHOICE_COLUMNS, term_choice
from framing.output import SUMMARY_COUNTS


def test_compact_counts_rows_and_adds_up_compact_parts() -> None:
    df = pd.DataFrame({"source": ["A", "A", "B", "A"], "voice": ["n", "n", "q", None]})
    once = compact(df, ["source", "voice"])
    assert once[ROW_COUNT].tolist() == [2, 1, 1] and len(once) == 3  # the missing voice kept
    twice = compact(pd.concat([once, compact(df, ["source", "voice"])]), ["source", "voice"])
    assert twice[ROW_COUNT].tolist() == [4, 2, 2]


@pytest.mark.parametrize("voice", [None, "narrator", "quoted", "own"])
def test_term_choice_of_compact_terms(seed_analysis: Analysis, voice: str | None) -> None:
    terms = compact(seed_analysis.terms, SUMMARY_COUNTS["terms"])
    assert len(terms) < len(seed_analysis.terms)
    compact_choice = term_choice(terms, voice=voice)
    full = term_choice(seed_analysis.terms, voice=voice)
    # the same counts and shares; intervals need article_id, which compact rows lack
    pd.testing.assert_frame_equal(compact_choice[CHOICE_COLUMNS], full[CHOICE_COLUMNS])
    assert compact_choice["ci_low"].isna().all()


def test_quote_shares_of_compact_quotes(seed_analysis: Analysis) -> None:
    quotes = compact(seed_analysis.quotes, SUMMARY_COUNTS["quotes"])
    assert len(quotes) < len(seed_analysis.quotes)
    for function in (quoted_words_by_side, loaded_verb_share):
        counts = function(quotes).columns[:-3]  # the interval columns need article_id
        pd.testing.assert_frame_equal(
            function(quotes)[counts], function(seed_analysis.quotes)[counts]
        )


def test_source_summary_of_compact_tables(seed_analysis: Analysis) -> None:
    tables = dict(seed_analysis.tables)
    tables["terms"] = compact(tables["terms"], SUMMARY_COUNTS["terms"])
    pd.testing.assert_frame_equal(source_summary(Analysis(tables)), seed_analysis.summary)
