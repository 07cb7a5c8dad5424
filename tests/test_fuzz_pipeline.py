"""Fuzzing the whole per-article pipeline: random unicode, long lines, deep and unbalanced
quote marks; it must finish, in time bounded per character, and every row's offsets
must index the text written to the ``documents`` table."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.corpus import Article
from framing.run import analyze_article
from framing.tables import ArticleResult

MARKS = [*"\"'“”‘’«»„‹›", "“‘", "’”", "« ", " »"]
WORDS = ["Kyiv", "Moscow", "Putin", "Zelensky", " said", " told reporters", " that", "U.S."]
WORDS += ["according to", "Mr.", "Peskov", "talks", "war", "$5 million", "on Monday", "30%"]
PIECES = [*MARKS, *WORDS, " ", " ", ". ", ", ", ": ", "\n", "\n\n", "—"]
NEWSY = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=120).map("".join)
# nested openings and unbalanced closings: “‘«“‘« ... »’” with some marks dropped
NESTED = st.integers(1, 40).flatmap(
    lambda depth: st.lists(st.booleans(), min_size=depth * 2, max_size=depth * 2).map(
        lambda keep: "".join(
            mark + " word"
            for mark, k in zip(
                ("“‘«" * depth)[:depth] + ("»’”" * depth)[:depth], keep, strict=False
            )
            if k
        )
    )
)
SECONDS_PER_CHAR = 1e-3  # about 100 times the pipeline's cost per character on news text


def _check_offsets(result: ArticleResult) -> None:
    if result.error is not None:
        return  # refused (e.g. not English): no rows to check
    (document,) = result.documents
    text = document["text"]
    for row in result.terms:
        assert text[row["start"] : row["end"]] == row["matched"]
    for row in result.sentences:
        assert text[row["start"] : row["end"]] == row["text"]
    for row in result.quotes:
        assert 0 <= row["start"] <= row["end"] <= len(text)
        if row["kind"] != "direct":
            assert text[row["start"] : row["end"]] == row["text"]
    for row in result.coverage:
        assert 0 <= row["start"] <= row["end"] <= len(text)


def _run(text: str) -> None:
    start = time.process_time()
    result = analyze_article(Article(article_id="fuzz", file="fuzz.txt", text=text))
    elapsed = time.process_time() - start
    _check_offsets(result)
    assert elapsed < 2.0 + SECONDS_PER_CHAR * len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(NEWSY, NESTED, st.text(max_size=400)))
def test_any_text_runs_through_and_offsets_index_the_document(text: str) -> None:
    _run(text)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY, st.integers(50, 400))
def test_long_lines_and_repeats_run_in_bounded_time(piece: str, times: int) -> None:
    """One line of up to ~50,000 characters: every paragraph break removed."""
    line = (piece.replace("\n", " ") + " Kyiv said “the talks ") * times
    _run(line)
