"""Numeric facts: normalised labels, each vs total, dates as their own kind, noise left out."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings

from framing.alternation import matches_at
from framing.corpus import Article
from framing.extract import numbers
from framing.extract.coverage import default_coverage_lexicon
from framing.extract.numbers import DATE, NUMBER, find_numbers, format_value
from tests.test_alternation import NUMBER_TEXT


def _items(text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.item) for n in find_numbers(text, default_coverage_lexicon().units)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seeds' prisoner figures (RT, The Moscow Times, The Guardian, CGTN, China Daily)
        ("a prisoner exchange involving 314 combatants, which", [(NUMBER, "314 combatants")]),
        ("Ukraine and Russia would release 314 prisoners.", [(NUMBER, "314 prisoners")]),
        (
            "whether the sides would hand over 314 prisoners each or in total",
            [(NUMBER, "314 prisoners")],
        ),
        (
            "a reciprocal exchange of 157 prisoners of war each, offering",
            [(NUMBER, "157 prisoners each")],
        ),
        ("with each side returning 157 detainees.", [(NUMBER, "157 prisoners each")]),
        ("freed 157 Ukrainian POWs", [(NUMBER, "157 prisoners")]),
        # durations, spelled out or hyphenated
        ("the first such exchange in five months", [(NUMBER, "5 months")]),
        ("that ran for about five and a half hours", [(NUMBER, "5.5 hours")]),
        ("the two-day talks", [(NUMBER, "2 days")]),
        ("to end the four-year conflict", [(NUMBER, "4 years")]),
        ("a 30-day ceasefire", [(NUMBER, "30 days")]),
        ("twenty-five years", [(NUMBER, "25 years")]),
        ("one day", [(NUMBER, "1 day")]),
        # money, large counts, percentages
        ("$2.5bn", [(NUMBER, "$2.5 billion")]),
        ("2.5 billion dollars", [(NUMBER, "$2.5 billion")]),
        ("US$2.5 billion", [(NUMBER, "$2.5 billion")]),
        ("€300m in aid", [(NUMBER, "€300 million")]),
        ("300,000 troops", [(NUMBER, "300,000 troops")]),
        ("2,000 Ukrainian soldiers", [(NUMBER, "2,000 troops")]),
        ("12%", [(NUMBER, "12%")]),
        ("12 per cent", [(NUMBER, "12%")]),
        ("12.5 percent", [(NUMBER, "12.5%")]),
        # dates and years: their own kind
        ("which voted to join Russia in 2022.", [(DATE, "2022")]),
        ("February 5, 2026", [(DATE, "2026-02-05")]),
        ("on 5 February 2026", [(DATE, "2026-02-05")]),
        ("on Feb. 5", [(DATE, "February 5")]),
        ("since March 2022", [(DATE, "2022-03")]),
        ("2000 troops", [(NUMBER, "2,000 troops")]),
        # noise left out
        ("said Serhii, 38, a taxi driver", []),
        ("a 38-year-old driver", []),
        ("at 10:30 and 3 p.m. GMT", []),
        ("the F-16 jets and item a91857", []),
        ("the 4th round, the 1990s", []),
        ("5m away, 5k runners", []),
        ("the two sides and three delegations", []),
        ("tens of thousands of people", []),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert _items(text) == expected


def test_offsets_and_as_written() -> None:
    text = "They agreed to swap 157 prisoners of war each on Thursday."
    (n,) = find_numbers(text, default_coverage_lexicon().units)
    assert text[n.start : n.end] == n.as_written == "157 prisoners of war each"
    assert (n.value, n.unit) == (157.0, "prisoners")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(314, "314"), (300000, "300,000"), (2.5e9, "2.5 billion"), (5.5, "5.5"), (1e6, "1 million")],
)
def test_format_value(value: float, expected: str) -> None:
    assert format_value(value) == expected


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _scans(text: str) -> list[tuple[re.Pattern[str], list[int]]]:
    """The patterns find_numbers scans with, each with the starts it tries."""
    digits = numbers.digit_runs(text)
    months = [m.start() for m in numbers._MONTH_PREFIX.finditer(text)]
    return [
        (numbers._DATE, sorted(digits + months)),
        (numbers._TIME, digits),
        (numbers._NUMBER, numbers._number_starts(text, digits)),
    ]


@settings(max_examples=400, deadline=None)
@given(NUMBER_TEXT)
def test_matches_at_the_starts_finds_what_finditer_finds(text: str) -> None:
    for pattern, starts in _scans(text):
        assert _spans(matches_at(pattern, text, starts)) == _spans(pattern.finditer(text))


@pytest.mark.parametrize(
    "text",
    ["paid US$5 and us$6, Uſ$7, a$8 $9 €10", "On 5 Feb, 2026 at 10:30 GMT, 12 May; 1999 x3 4"],
)
def test_matches_at_the_starts_on_currencies_and_dates(text: str) -> None:
    for pattern, starts in _scans(text):
        assert _spans(matches_at(pattern, text, starts)) == _spans(pattern.finditer(text))


def test_matches_at_the_starts_on_seed_texts(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        for pattern, starts in _scans(article.text):
            found = _spans(matches_at(pattern, article.text, starts))
            assert found == _spans(pattern.finditer(article.text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "İ" and "ı" match "i" under re.IGNORECASE, but fold to "i̇" and "ı", not "i"
        ("They fired 12 MİSSİLES", [(NUMBER, "12 missiles")]),
        ("They fired 12 mıssıles", [(NUMBER, "12 missiles")]),
        ("a grant of 5 HRYVNİAS", [(NUMBER, "₴5")]),
        ("talks lasting FİVE DAYS", [(NUMBER, "5 days")]),
        ("talks lasting ſix days", [(NUMBER, "6 days")]),  # "ſ" matches "s", lower() keeps it
        ("12 MİSSİLES EACH", [(NUMBER, "12 missiles each")]),
        ("a loan of 5 MİLLİON dollars", [(NUMBER, "$5 million")]),  # was "$5": scale missed
    ],
)
def test_letters_that_match_i_under_ignorecase(text: str, expected: list[tuple[str, str]]) -> None:
    assert _items(text) == expected
