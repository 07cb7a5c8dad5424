"""Statements in headlines and decks (framing.extract.quotes.headlines), on made-up lines."""

from __future__ import annotations

from typing import Any

import pytest

import framing
from framing.actors import default_actors
from framing.corpus import Article
from framing.extract.quotes import default_verbs, extract_quotes
from framing.extract.quotes.headlines import (
    headline_statements,
    sentence_case_verbs,
    speaker_of,
)


def statements(line: str) -> list[dict[str, Any]]:
    return headline_statements(
        line,
        article_id="a",
        source="S",
        part="headline",
        line_number=3,
        actors=default_actors(),
        verbs=default_verbs(),
        extract=extract_quotes,
    )


def test_title_case_reporting_verbs_become_lower_case_in_place() -> None:
    line = "Lavrov Warns West Against Sending Troops"
    assert sentence_case_verbs(line, default_verbs()) == "Lavrov warns West Against Sending Troops"


def test_sentence_case_headline_is_left_alone() -> None:
    line = "Lavrov Warns the West against sending troops to the region"
    assert sentence_case_verbs(line, default_verbs()) == line


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("Zakharova", ("Maria Zakharova", "RU")),
        ("diplomat", ("diplomat", "unknown")),
        ("Chinese media readout", ("Chinese media readout", "CN")),
        ("World News", None),
        ("RIA Novosti", None),
    ],
)
def test_speaker_of_a_headline_source(who: str, expected: tuple[str, str] | None) -> None:
    assert speaker_of(who, default_actors()) == expected


def test_speaker_before_a_colon_after_a_section_label() -> None:
    line = "Analysis: Zakharova: the grain deal is dead for now"
    (row,) = statements(line)
    assert (row["speaker"], row["affiliation"], row["kind"]) == (
        "Maria Zakharova",
        "RU",
        "indirect",
    )
    assert line[row["start"] : row["end"]] == row["text"] == "the grain deal is dead for now"
    assert (row["part"], row["paragraph"], row["quote_id"]) == ("headline", 3, "a:q1")


def test_a_country_before_a_colon_is_a_section_label() -> None:
    assert statements("Ukraine: drones hit two power stations overnight") == []


def test_source_after_a_dash_takes_the_claim() -> None:
    line = "Kiev is stalling the prisoner exchange — diplomat"
    (row,) = statements(line)
    assert row["speaker"] == "diplomat"
    assert row["text"] == "Kiev is stalling the prisoner exchange"


def test_news_agency_after_a_dash_is_a_credit_not_a_speaker() -> None:
    line = "Kremlin says talks not easy, vital that they go on - RIA"
    (row,) = statements(line)
    assert row["speaker"] == "Kremlin"
    assert row["verb"] == "say"
    assert row["text"] == "talks not easy, vital that they go on"


def test_claim_with_a_source_after_a_colon_keeps_its_inner_statement() -> None:
    line = "Putin tells Xi that Moscow is open to talks with Kyiv: China"
    rows = statements(line)
    assert [(r["speaker"], r["text"]) for r in rows] == [
        ("Chinese Foreign Ministry", "Putin tells Xi that Moscow is open to talks with Kyiv"),
        ("Vladimir Putin", "Moscow is open to talks with Kyiv"),
    ]
    assert [r["quote_id"] for r in rows] == ["a:q1", "a:q2"]


def test_verbless_clause_after_a_title_case_says() -> None:
    line = "Zelensky Says Ukraine Already Drafting Security Guarantees"
    (row,) = statements(line)
    assert row["speaker"] == "Volodymyr Zelenskyy"
    assert row["text"] == "Ukraine Already Drafting Security Guarantees"


def test_plain_headline_without_attribution_gives_nothing() -> None:
    assert statements("Drones hit two power stations near Kharkiv overnight") == []


def test_analyze_gives_headline_rows_traceable_to_the_cleaning_table() -> None:
    text = (
        "Peskov: talks with Kyiv will resume after the holidays\n\n"
        "Kremlin spokesman Dmitry Peskov told reporters on Monday that the next round of "
        "talks was being prepared. He did not give a date.\n\n"
        "Ukraine's foreign ministry said it had received no invitation so far.\n"
    )
    analysis = framing.analyze([Article(article_id="x", file="x.txt", text=text, source="S")])
    quotes = analysis.quotes
    head = quotes[quotes["part"] == "headline"]
    assert list(head["speaker"]) == ["Dmitry Peskov"]
    row = head.iloc[0]
    cleaning = analysis.cleaning
    line = cleaning[(cleaning["reason"] == "headline") & (cleaning["line"] == row["paragraph"])]
    assert line["text"].iloc[0][row["start"] : row["end"]] == row["text"]
    assert set(quotes[quotes["part"] == "body"]["paragraph"]) <= {0, 1}
    assert analysis.articles["n_quotes"].iloc[0] == len(quotes)
    assert quotes["quote_id"].is_unique
