"""The cleaning rules added for page chrome seen on a second set of real pages, each on
tiny made-up lines: phrases (boilerplate.yaml) and shapes (framing.chrome)."""

from __future__ import annotations

import pytest

from framing import chrome
from framing.clean import clean_text
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("We use cookies.", "cookie_banner"),
        ("Your browser is out of date. Please update it to read this site.", "browser_notice"),
        ("К сожалению, браузер устарел. Пожалуйста, обновите его.", "browser_notice"),
        (
            "Rescuers at the site of a strike in Odesa, May 8. (City Rescue Service via AP)",
            "caption",
        ),
        (
            "In this photo provided by the city council, rescuers work at a damaged house.",
            "caption",
        ),
        ("Rescuers work at the site of a strike on the port in Odesa. EPA", "caption"),
        ("Smoke over the port, seen from the other bankPhoto: shot from Telegram", "caption"),
        ("Source:: Centre for Studies (Poland)", "agency_credit"),
        ("Other Topics of Interest", "related_link"),
        ("More live updates here.", "share_prompt"),
        ("Share This", "share_prompt"),
        ("Share this post with your friends!", "share_prompt"),
        ("Previous articleA ship reaches Istanbul", "navigation"),
        ("Author:", "navigation"),
        ("Archives for category: International", "navigation"),
        ("Please enter your comment!", "comment_form"),
        ("Editor in chief — Jane Doe. Terms of use. Privacy policy.", "copyright"),
        ("18 juin 2025 à 17:35", "timestamp"),
        ("15 de marzo de 2024, 10:20", "timestamp"),
        ("January 30, 2023 / 06:09 AM IST", "timestamp"),
    ],
)
def test_new_chrome_phrases_between_body_lines_go(line: str, reason: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {4: reason}


@pytest.mark.parametrize(
    "line",
    [
        "The talks ended on Sunday, the ministry said. Reuters",
        "Share prices fell in Moscow after the talks, traders said.",
        "Author: the ministry, the letter said, was the source of the leak.",
        "In this war, the photo provided by the army became the symbol of the siege.",
        "KYIV March 5",
    ],
)
def test_body_lines_like_the_new_phrases_stay(line: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {}


def test_a_headline_opens_with_a_letter_digit_or_quote_and_is_no_breadcrumb() -> None:
    assert not chrome.starts_like_text(": :inin Kyiv (EET)")
    assert chrome.starts_like_text("“Peace is near,” says envoy")
    assert chrome.is_breadcrumb("News Link • Ukraine")
    assert not chrome.is_breadcrumb("Ukraine – Russia talks resume in Istanbul")
    text = ": :inin Kyiv (EET)\n\nNews Link • Ukraine\n\nThe talks resume in Istanbul\n" + BODY
    cleaned = clean_text(text)
    assert cleaned.title == "The talks resume in Istanbul"
    assert reasons(text) == {1: "page_top", 3: "page_top", 5: "headline"}


def test_the_last_line_cut_short_under_the_body_is_body() -> None:
    cut = "Both sides have since accused the other of repeatedly violating"
    assert reasons(BODY + "\n" + cut) == {}
    # a teaser stands under other chrome, or has lines after it
    assert reasons(BODY + "\nAdvertisement\n\n" + cut) == {5: "share_prompt", 7: "page_bottom"}
    assert reasons(BODY + "\n" + cut + "\n\nAdvertisement") == {5: "page_bottom", 7: "share_prompt"}
    # a label of up to three words under the body is still a label
    assert reasons(BODY + "\nGlobal Times") == {5: "page_bottom"}


def test_an_outlet_glued_to_a_date_at_the_top_is_a_timestamp() -> None:
    assert chrome.is_outlet_date("CNN09-06-2025")
    assert chrome.is_outlet_date("CBSFEB 2024")
    assert not chrome.is_outlet_date("KYIV March 5")
    assert not chrome.is_outlet_date("NATO Summit 2024")
    assert reasons("CNN09-06-2025\n" + BODY) == {1: "timestamp"}


def test_a_list_of_tags_ending_in_a_comma_below_the_body() -> None:
    assert chrome.is_tag_list("Putin, Zelensky,")
    assert not chrome.is_tag_list("The talks, which ended on Sunday,")
    assert reasons(BODY + "\nPutin, Zelensky,\n") == {5: "tag"}


def test_a_quoted_title_under_a_related_header_is_a_teaser() -> None:
    assert chrome.is_quoted_title("‘The gas siege of the EU barely registers…’")
    assert not chrome.is_quoted_title("“We will talk,” he said.")
    text = BODY + "\nmore stories\n\n‘The gas siege of the EU barely registers, he said…’\n\n"
    text += "An economist talks about the gas market after the pipeline leaks\n\n" + AFTER
    assert reasons(text) == {5: "related_link", 7: "related_link", 9: "related_link"}


def test_a_line_introducing_the_body_is_no_teaser() -> None:
    text = BODY + "More live updates here.\nHere's the latest on key battlegrounds:\n" + AFTER
    assert reasons(text) == {4: "share_prompt"}
    assert not chrome.is_list_item("Here's the latest on key battlegrounds:")


def test_alternative_text_and_caption_one_under_the_other() -> None:
    alt = "Flames rise from one of the targeted refineries"
    assert chrome.is_caption_pair(alt, alt)
    assert chrome.is_caption_pair(alt, alt + " - X")
    assert not chrome.is_caption_pair(alt, alt + " and a depot was hit too on Sunday night")
    assert not chrome.is_caption_pair("Officials said so.", "Officials said so.")
    text = "Drones hit two refineries overnight\n\n" + alt + "\n" + alt + " - X\n\n" + BODY
    assert reasons(text) == {1: "headline", 3: "caption", 4: "caption"}


def test_a_comments_section_runs_to_the_end_of_the_page() -> None:
    assert chrome.is_comments_header("101 thoughts on “Discussion thread: War in Europe”")
    assert not chrome.is_comments_header("101 thoughts on the war")
    text = BODY + "12 thoughts on “Talks in Istanbul”\n" + AFTER
    assert reasons(text) == {4: "comment_form", 5: "comments", 6: "comments"}
    # a comment count above the body opens no section
    assert reasons("12 thoughts on “Talks in Istanbul”\n" + BODY) == {1: "comment_form"}


def test_the_first_copy_of_a_teaser_goes_with_it() -> None:
    teaser = "Russia Is Running Out of Tanks to Feed Into the War"
    text = BODY + teaser + "\nOther Topics of Interest\n" + teaser + "\n" + AFTER
    assert reasons(text) == {4: "related_link", 5: "related_link", 6: "related_link"}


def test_a_headline_printed_twice_under_a_feed_readers_list() -> None:
    headline = "Senate delays the sanctions bill until July"
    lead = "The Senate is postponing action on a sanctions bill until at least July, a report said."
    page = [
        "Normal view",
        "",
        "Today — 18 June 2025Main feed",
        "• " + headline,
        lead[:60],
        "",
        headline,
        "",
        "18 June 2025 at 17:35",
        headline,
        "",
        lead,
    ]
    text = "\n".join(page) + "\n" + BODY
    cleaned = clean_text(text)
    assert cleaned.title == headline
    got = {r.line: r.reason for r in cleaned.removals}
    assert got[7] == "headline" and 12 not in got  # the body's first line stays
    assert {got[n] for n in (1, 3, 4, 5)} == {"page_top"}
