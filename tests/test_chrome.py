"""Page chrome by shape, place and recurrence; headlines and decks; precision first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.chrome import is_date_or_time, is_timestamp
from framing.clean import clean_article, clean_text
from framing.corpus import Article
from framing.redundancy import count_recurring, line_key, mark_recurring
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    "line",
    [
        "KYIV, Ukraine (AP) —",
        "MOSCOW, February 12. /TASS/.",
        "WHITE HOUSE —",
        "Washington DC:",
        "WESTERN WEAPONS",
        "Russian drone attacks",
        "“We will never give up.”",
        "March 23, 2022",
        "9:15 p.m.",
        "8. Ceasefire talks",
        "By Thursday evening, the talks had ended.",
        "Sign up for the draft has been slow, the ministry said.",
        "Home is where the front line is now, a soldier said.",
    ],
)
def test_body_lines_between_body_lines_stay(line: str) -> None:
    text = BODY + line + "\n" + AFTER
    assert reasons(text) == {}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("https://cdn.example.com/img/07e6/04/05/1094507873_1920x0_80.jpg", "url"),
        ("/html/head/meta[@name='og:title']/@content", "markup"),
        (
            "Reuters | Kyiv | Updated: 18-10-2022 01:11 IST | Created: 18-10-2022 01:00 IST",
            "metadata",
        ),
        ("2022-05-29T19:23+0000", "timestamp"),
        ("February 24, 2022 10:03am", "timestamp"),
        ("Leave a Reply", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Read: Wartime Ukraine erasing Russian past from public spaces", "related_link"),
        ("Sign up now: Get our newsletters delivered to your inbox", "share_prompt"),
        ("open image in gallery", "share_prompt"),
        ("Credit: AP", "caption"),
        ("Soldiers rest near Bakhmut, February 5. (AP Photo/Jane Doe, File)", "caption"),
        ("FILE - Soldiers climb on a vehicle near Bakhmut, Ukraine, on Feb. 5, 2026.", "caption"),
        ("A damaged facility outside Mariupol [File: Jane Doe/AP Photo]", "caption"),
        ("The president speaks in Kyiv on May 8. Photo: EPA-EFE", "caption"),
        (
            "(This story has not been edited by staff and is auto-generated from a feed.)",
            "agency_credit",
        ),
        ("INTERACTIVE Russia Ukraine War Who controls what", "embed_label"),
        ("Skip to main content", "navigation"),
    ],
)
def test_chrome_lines_between_body_lines_go(line: str, reason: str) -> None:
    text = BODY + line + "\n" + AFTER
    assert reasons(text) == {4: reason}


def test_poll_summary_with_sources_in_brackets_is_body() -> None:
    line = "-Donald Trump leads over Ted Cruz in Indiana. [HuffPost, NBC/WSJ/Marist, ARG]"
    assert reasons(BODY + line + "\n") == {}


def test_headline_deck_and_page_top() -> None:
    text = (
        "All news\n\nNothing can be reported about results of talks yet — Kremlin\n\n"
        "Russia and Ukraine have been holding talks since February 28\n\n"
        "MOSCOW, April 13. /TASS/. There is nothing to report about the results yet, "
        "Kremlin Spokesman Dmitry Peskov told reporters.\n" + BODY
    )
    cleaned = clean_text(text)
    assert {r.line: r.reason for r in cleaned.removals} == {
        1: "navigation",
        3: "headline",
        5: "deck",
    }
    assert cleaned.title == "Nothing can be reported about results of talks yet — Kremlin"
    assert cleaned.paragraphs[0][1].startswith("MOSCOW, April 13. /TASS/.")


def test_bulleted_deck_and_a_headline_printed_twice() -> None:
    text = (
        "Ukraine war: no one can predict length of war\n"
        "Ukraine war: no one can predict length of war.\n"
        "- Zelensky said Ukraine shot down the 200th Russian aircraft of the war\n"
        "- Russian defence chiefs speak for the first time since the invasion\n" + BODY
    )
    cleaned = clean_text(text)
    got = [(r.line, r.reason, r.duplicate_of) for r in cleaned.removals]
    assert got == [(1, "headline", None), (2, "duplicate", 1), (3, "deck", None), (4, "deck", None)]


def test_text_that_starts_with_its_body_has_no_headline() -> None:
    assert clean_text(BODY).title == ""
    wrapped = "The talks in Abu Dhabi\nended on Thursday with a\nswap.\n\nA second paragraph\n"
    assert clean_text(wrapped + "follows here.\n").title == ""


def test_the_given_title_picks_the_headline_line() -> None:
    text = "Kremlin says talks were useful.\n" + BODY
    cleaned = clean_text(text, title="Kremlin says talks were useful")
    assert cleaned.title == "Kremlin says talks were useful."
    assert [r.reason for r in cleaned.removals] == ["headline"]


def test_a_line_held_whole_in_an_earlier_one_is_a_copy() -> None:
    first = BODY.split("\n")[0]
    text = first + " " + BODY.split("\n")[1] + "\n" + BODY.split("\n")[1] + "\n"
    got = [(r.line, r.reason, r.duplicate_of) for r in clean_text(text).removals]
    assert got == [(2, "duplicate", 1)]


def test_teaser_and_labels_below_the_body() -> None:
    text = BODY + "\nMauritius becomes a model for innovation-driven development in Africa\n"
    assert reasons(text + "You Might Be Interested In\n") == {5: "page_bottom", 6: "related_link"}


def test_a_bulleted_list_the_body_ends_with_stays() -> None:
    text = BODY + "• Russian troops are moving deeper into the city.\n• Ukraine prosecutor\n"
    assert reasons(text) == {}


def test_timestamps_need_a_date_and_a_clock_or_an_edge() -> None:
    assert is_timestamp("Published On 21 Mar 2022", at_edge=False)
    assert not is_timestamp("March 23, 2022", at_edge=False)
    assert is_timestamp("March 23, 2022", at_edge=True)
    assert not is_timestamp("7 p.m.", at_edge=True)
    assert is_date_or_time("7 p.m.") and not is_date_or_time("Seven p.m. talks")


def _article(i: int, text: str, source: str = "Site") -> Article:
    return Article(article_id=f"a{i}", file=f"a{i}.txt", text=text, source=source)


STORIES = [
    "Kremlin says talks with Kyiv will resume next week in Istanbul, officials confirmed.\n"
    "Peskov said the date had not been set and that the delegations would be the same.\n",
    "Zelensky said Ukraine would not withdraw from Donbas as a condition for a ceasefire.\n"
    "He spoke in his evening address after the second day of talks in Abu Dhabi ended.\n",
    "NATO allies agreed to send more air defence systems to Ukraine before the winter.\n"
    "The secretary general said the decision had been taken unanimously on Wednesday.\n",
]
BLURB = "On February 24, Russia launched a special military operation in Ukraine after a request."


def test_recurring_chrome_goes_and_recurring_body_stays() -> None:
    texts = [f"Sedang Trending\n{story}Getty.\n{story}{BLURB}\n" for story in STORIES[:2]]
    texts += [f"Sedang Trending\n{STORIES[2]}{BLURB}\n"]
    marked = list(mark_recurring([_article(i, t) for i, t in enumerate(texts)]))
    first = clean_article(marked[0])[1]
    got = {r.line: r.reason for r in first.removals}
    assert got[1] == "recurring" and got[4] == "recurring" and got[7] == "recurring"
    two = [_article(i, f"Sedang Trending\n{STORIES[i]}{BLURB}\n") for i in range(2)]
    kept = clean_article(next(iter(mark_recurring(two))))[1]  # a blurb in two articles stays
    assert {r.line: r.reason for r in kept.removals} == {1: "recurring"}


def test_two_copies_of_one_story_lose_nothing_to_recurrence() -> None:
    text = "Talks resume in Istanbul\n" + STORIES[0] + STORIES[1]
    for article in mark_recurring([_article(0, text), _article(1, text)]):
        assert article.recurring_lines
        assert [r.reason for r in clean_article(article)[1].removals] == ["headline"]


def test_recurrence_is_counted_per_source() -> None:
    articles = [_article(0, "Getty.\n", "A"), _article(1, "Getty.\n", "B")]
    assert count_recurring(articles).recurring == {"A": {}, "B": {}}
    assert line_key("  • Sedang  TRENDING: ") == "sedang trending"


def test_analyze_marks_recurring_lines_across_files(tmp_path: Path) -> None:
    from framing.analysis import analyze_to_dir

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, story in enumerate(STORIES):
        (corpus / f"s{i}.md").write_text(
            f"---\nsource: Site\n---\nSubscribe to Site Daily\n{story}", encoding="utf-8"
        )
    analyze_to_dir([corpus], tmp_path / "out", report=False)
    cleaning = pd.read_csv(tmp_path / "out" / "cleaning.csv")
    assert list(cleaning["reason"]) == ["recurring"] * 3


def test_the_list_under_a_related_header_is_teasers() -> None:
    teasers = (
        "Related Stories\n"
        "- Türkiye rejects U.S. proposal to send Russian-made air defense system to Ukraine: FM\n"
        "- Be\n"
    )
    assert reasons(BODY + teasers) == {4: "related_link", 5: "related_link", 6: "related_link"}
    after = "Related Stories\n" + AFTER  # body lines after the header stay
    assert reasons(BODY + after) == {4: "related_link"}


def test_a_reporter_credit_in_brackets() -> None:
    assert reasons(BODY + "(CCTV reporter Jane Doe and John Roe)\n") == {4: "agency_credit"}
