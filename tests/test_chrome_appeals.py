"""Reader appeals, slogans, view counters and syndicated bylines between body lines (each
on a tiny made-up line), the body lines that look like them; the short cut end of an
excerpt, a live post's stamped head and a kicker above the headline."""

from __future__ import annotations

import pytest

from framing.clean import clean_text
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We need your help now", "donation_appeal"),
        ("Support from readers like you keeps The Daily open.", "donation_appeal"),
        (
            "If you've seen value in our reporting, please contribute what you can.",
            "donation_appeal",
        ),
        ("If you value our journalism, please donate today.", "donation_appeal"),
        ("Support UP or become our patron!", "donation_appeal"),
        ("Soutenez le journalisme indépendant", "donation_appeal"),
        ("Unterstützen Sie uns jetzt!", "donation_appeal"),
        ("Підтримайте нас", "donation_appeal"),
        ("Creating new perspectives since 2009", "slogan"),
        ("Total Views: 3994", "counter"),
        ("1,204 views", "counter"),
        (
            "Join our crew and become one of the 106,853 members that receive our newsletter.",
            "share_prompt",
        ),
        ("By Jane Doe and Áine Roe (Bloomberg) —", "byline"),
        ("Article is being updated.", "editor_note"),
    ],
)
def test_appeals_and_counters_between_body_lines_go(line: str, reason: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {4: reason}


@pytest.mark.parametrize(
    "line",
    [
        "We need your help to rebuild the school, the mayor told residents.",
        "“We need your help now,” the mayor said.",
        "Fighting since 2014 has killed thousands, the United Nations said.",
        "Shelling since 2022 in Kherson",
        "Support from allies like Poland keeps the front supplied, officials said.",
        "The article is being updated by the ministry, its spokesman said on Monday.",
        "By Tuesday the talks (Reuters) had stalled, officials said.",
        "Views differ on the deal, the minister said.",
    ],
)
def test_body_lines_like_the_appeals_stay(line: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {}


def test_a_line_to_the_reader_between_two_appeal_lines_goes() -> None:
    appeal = (
        "We need your help now\n\nYou are visiting us because we have something you value.\n\n"
        "If you've seen value in our reporting, please contribute what you can.\n\n"
    )
    assert reasons(BODY + appeal + AFTER) == {
        4: "donation_appeal",
        6: "donation_appeal",
        8: "donation_appeal",
    }


def test_a_body_line_between_two_appeal_lines_stays() -> None:
    appeal = (
        "We need your help now\n\nThe ministry has not said when the talks will resume.\n\n"
        "Support UP or become our patron!\n\n"
    )
    assert reasons(BODY + appeal + AFTER) == {4: "donation_appeal", 8: "donation_appeal"}


@pytest.mark.parametrize("last", ["Ukraine", "Kremlin officials", "Ukrainian negotiators said"])
def test_a_short_cut_end_opening_with_a_word_of_the_story_stays(last: str) -> None:
    assert reasons(BODY + AFTER + "\n" + last) == {}


@pytest.mark.parametrize("last", ["Global Times", "Close Bitnami banner", "Ukraine Russia War"])
def test_a_short_label_naming_nothing_of_the_story_still_goes(last: str) -> None:
    assert reasons(BODY + AFTER + "\n" + last) == {7: "page_bottom"}


def test_a_question_subheading_above_the_cut_last_line_stays() -> None:
    text = BODY + "\nWhat is the logic for a separate entry?\n\nThe Nordic neighbours wanted to"
    assert reasons(text) == {}


def test_a_live_posts_stamped_head_is_no_headline() -> None:
    head = "9m ago 00.37 EST Zelenskiy expected to visit Washington Jane Doe"
    cleaned = clean_text(head + "\n\n" + BODY)
    assert cleaned.title == ""
    assert 1 not in {r.line for r in cleaned.removals}


def test_the_headline_below_a_kicker_is_the_title() -> None:
    headline = "How countries across Europe are responding to the refugee crisis"
    cleaned = clean_text("One Year On\n\n" + headline + "\n\n" + BODY)
    assert cleaned.title == headline
    assert {r.line: r.reason for r in cleaned.removals}[1] == "page_top"


def test_a_short_headline_above_its_body_is_still_the_title() -> None:
    assert clean_text("Kremlin rejects talks\n\n" + BODY).title == "Kremlin rejects talks"


def test_a_blurb_on_the_author_under_the_body_goes() -> None:
    blurb = ". “Coffee fanatic. Award-winning web ninja. Social media trailblazer. Falls a lot.”"
    assert reasons(BODY + AFTER + "\n" + blurb) == {7: "author_bio"}


@pytest.mark.parametrize(
    "last",
    [
        "He left. They won. It rained. We lost the war in the east.",
        "The past year, he said, was “a year of pain. Year of courage. Year of hope.”",
    ],
)
def test_short_sentences_ending_the_body_are_no_blurb(last: str) -> None:
    assert reasons(BODY + AFTER + "\n" + last) == {}


FOREIGN = (
    "Gratis är gott: skicka länkar från din telefon till din dator idag, och öppna dem "
    "direkt när du vill läsa.\n\n"
    "Programmet är gratis och allt som krävs är att du öppnar länkarna direkt på datorn "
    "efter att ha installerat appen.\n"
)


def test_lines_in_another_language_ending_the_text_go() -> None:
    assert reasons(BODY + AFTER + "\n" + FOREIGN) == {7: "page_bottom", 9: "page_bottom"}


def test_one_foreign_line_or_an_english_line_last_stays() -> None:
    one = FOREIGN.split("\n\n")[1]
    assert reasons(BODY + AFTER + "\n" + one) == {}
    assert reasons(BODY + "\n" + FOREIGN + "\n" + AFTER) == {}
