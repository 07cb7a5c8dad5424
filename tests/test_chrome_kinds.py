"""Kinds of page chrome read from real pages and written as rules for the kind, not the
page: captions written as sentences and their credits, a picture's alternative text and
cut preview, embedded posts, dash-led story lists, appeals and notices; and the body
lines near them that must stay (an excerpt's last line cut mid-word, the subheading
above it, a live blog's post title). Every line here is made up."""

from __future__ import annotations

import pytest

from framing.clean import clean_text
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Hero image", "caption"),
        ("The two ministers at the palace in Delhi (PTI file photo)", "caption"),
        ("Soldiers at a checkpoint near the border (Handout/Telegram/@ministry/AFP)", "caption"),
        ("The president thanked the crews on Tuesday. (@ministry)", "caption"),
        ("From left, the foreign ministers of both countries are seen in Ankara.", "caption"),
        ("JANE DOE/ROLLINGNEWS", "caption"),
        ("PPA pool", "caption"),
        (
            "Freed soldiers stand in a line at an unknown place, in this handout picture "
            "released by the press service.",
            "caption",
        ),
        ("Support Quality Journalism in the Delta Region", "donation_appeal"),
        ("Join us in our mission to bring local journalism to every home.", "donation_appeal"),
        ("Your contribution makes a difference to our newsroom.", "donation_appeal"),
        ("This is AI generated summarization, which may have errors.", "editor_note"),
        ("This is a developing story.", "editor_note"),
        ("[Editor's note: This post contains a gallery of images.]", "editor_note"),
        ("NOW READ: Minister says talks will go on", "related_link"),
        ("Related", "related_link"),
        ("Jump to navigation", "navigation"),
        ("Skip to navigationSkip to content", "navigation"),
        ("Key Takeaways:", "navigation"),
        ("Discussion about this post", "comment_form"),
        ("Please make active links to the source when quoting us", "copyright"),
        ("Download on the App Store", "share_prompt"),
        ("Find out more", "share_prompt"),
        ("Go to the live page for updates throughout the day.", "share_prompt"),
        ("Listen to NAME OF STATION", "share_prompt"),
        ("Live updates throughout the day will appear below.", "share_prompt"),
    ],
)
def test_chrome_kinds_between_body_lines_go(line: str, reason: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {4: reason}


@pytest.mark.parametrize(
    "line",
    [
        "Support for the deal fell sharply in Moscow, the pollster said on Monday.",
        "The building, seen in this photo, burned for two days before it collapsed.",
        "Russian troops crossed the border on February 24, 2022, and advanced on Kyiv.",
        "Delegates pose questions to the minister, who says talks will resume on May 3, 2024.",
        "People take shelter in metro stations, the mayor said on February 24, 2022.",
        "The new sanctions take effect on January 1, 2025.",
        "Putin meets Xi in Beijing on May 16, 2024, for two days of talks.",
        "The party holds its congress in Moscow on March 3, 2024.",
        "US/UK",
        "Join us in condemning this attack, the minister told his counterparts.",
        "Help us in this fight against the aggressor, the president urged the summit.",
    ],
)
def test_body_lines_like_the_chrome_kinds_stay(line: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {}


def test_a_caption_written_as_a_sentence_goes() -> None:
    line = "People take shelter in a metro station in Kyiv on the morning of February 24, 2022."
    assert reasons(BODY + "\n" + line + "\n\n" + AFTER) == {5: "caption"}


def test_the_line_above_a_bare_credit_is_its_caption() -> None:
    text = BODY + "The minister said the government was making contingency plans\nJANE DOE/PA\n"
    assert reasons(text + AFTER) == {4: "caption", 5: "caption"}


def test_a_sentence_above_a_credit_stays() -> None:
    text = BODY + "The minister said the government was making plans for winter.\nJANE DOE/PA\n"
    assert reasons(text + AFTER) == {5: "caption"}


def test_a_pictures_alternative_text_goes_with_its_caption() -> None:
    alt = "Foreign Minister Jane Doe and John Roe"
    caption = "From left, Foreign Minister Jane Doe and President John Roe are seen in Ankara."
    assert reasons(BODY + alt + "\n" + caption + "\n" + AFTER) == {4: "caption", 5: "caption"}


def test_a_captions_cut_preview_goes_with_it() -> None:
    full = "A man collects water from a pump in the basement of his house. (AP Photo/Jane Doe)"
    preview = "A man collects water from a pump in the basement of his ho..."
    text = BODY + preview + "\n\n" + full + "\n\n" + AFTER
    assert reasons(text) == {4: "caption", 6: "caption"}


def test_an_embedded_post_goes_with_its_signature() -> None:
    post = "Had a good talk with the president today. Thanked him for his support."
    signature = "— Jane Doe (@janedoe) January 12, 2023"
    text = BODY + post + "\n" + signature + "\n" + AFTER
    assert reasons(text) == {4: "embedded_post", 5: "embedded_post"}


def test_a_dash_led_list_of_other_stories_goes() -> None:
    items = [
        "— Russia says the talks are progressing",
        "— The president urges Congress to help his country",
        "— The port city has descended into despair",
    ]
    text = BODY + "\n" + "\n\n".join(items) + "\n\n" + AFTER
    assert set(reasons(text).values()) == {"related_link"}
    assert len(reasons(text)) == 3


_ITEMS = [
    "— Russia says the talks are progressing",
    "— Ukraine asks for more air defence",
    "— The port city is in despair",
]


def test_a_dash_list_the_body_introduces_stays() -> None:
    text = BODY + "Here is the latest on the war:\n" + "\n".join(_ITEMS) + "\n" + AFTER
    assert reasons(text) == {}


@pytest.mark.parametrize("intro", ["The talks were short.", "Two items stand out today."])
def test_a_dash_list_of_sentences_stays(intro: str) -> None:
    sentences = [item + "." for item in _ITEMS]
    assert reasons(BODY + intro + "\n" + "\n".join(sentences) + "\n" + AFTER) == {}


def test_an_excerpts_last_line_cut_mid_word_stays() -> None:
    text = BODY + "\nIn his spee"
    assert reasons(text) == {}


def test_a_short_label_under_the_body_still_goes() -> None:
    assert reasons(BODY + "\nRate author") == {5: "page_bottom"}


def test_a_subheading_above_the_cut_last_line_stays() -> None:
    text = BODY + "\nThe genesis of the food crisis\n\nRussia's invasion of Ukrai"
    assert reasons(text) == {}


def test_a_teaser_under_the_body_above_a_label_still_goes() -> None:
    text = BODY + "\nSerbia pays for its choice, says its president\n\nRate author"
    assert set(reasons(text)) == {5, 7}


def test_a_live_posts_title_between_chrome_lines_stays() -> None:
    text = (
        "Live: talks in Istanbul\n\nUpdated\nGo to latest\n\n"
        "Video shows destroyed armoured vehicle near Kyiv\n\nJane Doe\n\n"
        "Video has emerged of a destroyed armoured vehicle near Kyiv, officials said.\n" + AFTER
    )
    cleaned = clean_text(text)
    assert 6 not in {r.line for r in cleaned.removals}


@pytest.mark.parametrize(
    "line",
    [
        "Maverick News, Politics, South Africa, Ukraine Crisis, World",
        "Breaking news and insights at example-news.com",
    ],
)
def test_a_label_row_above_the_headline_is_no_title(line: str) -> None:
    headline = "What role is South Africa playing in the peace efforts?"
    cleaned = clean_text(line + "\n\n" + headline + "\n\n" + BODY)
    assert cleaned.title == headline
    assert {r.line for r in cleaned.removals} >= {1, 3}


def test_a_byline_closed_by_a_stamp_goes_and_gives_no_title() -> None:
    text = "News Desk The Canadian Press, 02 Mar, 2022 10:55 AM\n" + BODY
    cleaned = clean_text(text)
    assert cleaned.title == ""
    assert {r.line: r.reason for r in cleaned.removals} == {1: "byline"}


def test_a_headline_naming_leaders_in_a_list_is_a_title() -> None:
    headline = "Putin, Xi and Modi meet in Kazan"
    assert clean_text(headline + "\n\n" + BODY).title == headline


def test_an_outlet_byline_above_the_body_goes() -> None:
    text = "Talks resume in Istanbul\n\nJane Doe, NZ Herald,\n\n" + BODY
    assert reasons(text) == {1: "headline", 3: "byline"}


def test_related_headlines_with_summaries_to_the_end_go() -> None:
    teasers = [
        "Related",
        "Politics",
        "The legal battles faced by a former president",
        "The former president is due to start a prison sentence on Tuesday, his lawyers said.",
        "Colombia recalls ambassador amid a tariff spat",
        "Colombia's foreign ministry said on Monday it had recalled its ambassador from Washington.",
    ]
    text = BODY + AFTER + "\n" + "\n\n".join(teasers)
    assert set(reasons(text).values()) == {"related_link"}
    assert len(reasons(text)) == len(teasers)


def test_subheaded_paragraphs_under_a_read_more_prefix_stay() -> None:
    body_again = [
        "Read more:",
        "Talks resume in Istanbul",
        "The former president is due to start a prison sentence on Tuesday, his lawyers said.",
        "Ambassador recalled amid a tariff spat",
        "Colombia's foreign ministry said on Monday it had recalled its ambassador from Washington.",
    ]
    removed = reasons(BODY + AFTER + "\n".join(body_again))
    assert removed == {6: "related_link", 7: "related_link"}  # the link's title goes


def test_the_body_going_on_under_a_related_header_stays() -> None:
    body_again = [
        "Read more:",
        "Talks resume in Istanbul",
        "The former president is due to start a prison sentence on Tuesday, his lawyers said.",
        "Colombia's foreign ministry said on Monday it had recalled its ambassador from Washington.",
    ]
    removed = reasons(BODY + "\n".join(body_again) + "\n" + AFTER)
    assert 6 not in removed and 7 not in removed


def test_a_subheading_right_above_a_credit_or_a_caption_stays() -> None:
    over_credit = BODY + "Peace talks resume in Istanbul\nJANE DOE/PA\n" + AFTER
    over_caption = BODY + "Peace talks in Istanbul\nPeace talks in Istanbul. (AP Photo/Jane Doe)\n"
    assert reasons(over_credit) == {5: "caption"}
    assert reasons(over_caption + AFTER) == {5: "caption"}


def test_the_line_introducing_an_embedded_post_stays() -> None:
    signature = "— Jane Doe (@janedoe) January 12, 2023"
    text = BODY + "The president wrote on X:\n" + signature + "\n" + AFTER
    assert reasons(text) == {5: "embedded_post"}
