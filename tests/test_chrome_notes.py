"""Page chrome of the kinds found on real pages nobody tuned the cleaner to: linked teaser
lists, paywall prompts, agency and translator notes, author notes, photo asset numbers;
and the body lines shaped like them, which stay (precision first)."""

from __future__ import annotations

import pytest

from framing.chrome import is_author_bio
from framing.clean import clean_text
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Weiterlesen »", "read_more"),
        ("Read more »", "read_more"),
        ("Open in App", "share_prompt"),
        ("No comments:", "comment_form"),
        ("Top News", "related_link"),
        ("In the photo: Jane Roe, leader of the party. Tbilisi, February 24, 2022.", "caption"),
        ("На фото: участники митинга в Тбилиси", "caption"),
        ("* Translated from Arabic by Jane Roe", "agency_credit"),
        ("Based on materials from TASS", "agency_credit"),
        ("INSET 2 Jane Roe GettyImages 2154666803 Jane Roe", "caption"),
        ("(Jane Roe/AFP)", "caption"),
        ("Prime Minister John Doe Office of the Prime Minister via AP", "caption"),
        ("Subscribe today and save 40%", "share_prompt"),
        ("Already signed up? LOG IN", "share_prompt"),
        ("Click the alert icon to follow topics:", "share_prompt"),
        ("by Jane Roe, Brussels,", "byline"),
        ("date 2022-02-26 news, latest-news,", "timestamp"),
        ("Similar News: you can also read news like this from other sources.", "related_link"),
        ("Jane News Agency (JNA)", "agency_credit"),
        ("ENGLISH arrow icon", "share_prompt"),
        ("The president visited Kyiv for a peace mission. (Jane Roe – Press Bureau)", "caption"),
        (
            "Only part of the messages sent, which Anadolu Agency broadcasts to its "
            "subscribers via the Internal Broadcasting System, is published here.",
            "agency_credit",
        ),
    ],
)
def test_notes_links_and_prompts_between_body_lines_go(line: str, reason: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {4: reason}


@pytest.mark.parametrize(
    "line",
    [
        "He said the photos were taken via AP",
        "The move was translated by officials into new rules.",
        "By Monday, Kyiv,",
        "According to reports from the front, the town held.",
        "Read more about the talks in the minister's statement, he said.",
        "He met Putin in Moscow. (Vladimir Putin – Russian president)",
        "The news agency (AFP) said the talks had ended.",
    ],
)
def test_body_lines_like_the_notes_stay(line: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {}


def test_a_quoted_cut_end_under_a_speakers_name_stays() -> None:
    text = (
        BODY
        + "\nJane Roe\n\n“We will stay here as long as it takes,” she said.\n\nJohn Doe\n\n“I have"
    )
    assert reasons(text) == {}


def test_a_numbered_point_under_the_headline_is_no_deck() -> None:
    text = (
        "Finland and Sweden move closer to joining NATO\n"
        "3. Overwhelming public support.— Jane Roe Entry into NATO would be a historic move for both\n"
    )
    removed = {r.line: r.reason for r in clean_text(text + BODY).removals}
    assert removed == {1: "headline"}


def test_teasers_above_two_read_more_links_go() -> None:
    teasers = (
        "Talks resume in Geneva\nWeiterlesen »\nA port reopens to grain ships\nWeiterlesen »\n"
    )
    removed = reasons(BODY + teasers)  # the last teaser may go as page bottom first
    assert set(removed) == {4, 5, 6, 7} and removed[4] == "related_link"
    assert removed[5] == removed[7] == "read_more"


def test_one_read_more_link_leaves_the_line_above() -> None:
    text = BODY + "The minister will travel to Geneva on Monday, his office said.\nRead more »\n"
    assert reasons(text) == {5: "read_more"}


def test_bullets_under_a_latest_developments_header_go() -> None:
    bullets = (
        "Latest developments:\n"
        "• The prime minister insisted no allies are contemplating a no-fly zone over the "
        "country to prevent bombing of its cities and towns\n"
        "• Athletes from two countries banned by the federation\n"
    )
    assert reasons(BODY + bullets + "\n" + AFTER) == {
        4: "related_link",
        5: "related_link",
        6: "related_link",
    }


@pytest.mark.parametrize(
    ("line", "at_top", "bio"),
    [
        ("The writer is a graduate of Queen Mary, University of London.", False, True),
        ("Jane Roe is the founding editor of The Daily Paper. She lives in Rome.", True, True),
        ("Roe is the former Editor of TIME and the author of two books.", True, True),
        ("Jane Roe is the founding editor of The Daily Paper.", False, False),
        ("John Doe is a journalist who fled Russia in 2022.", True, False),
        ("Putin is the president of Russia.", True, False),
        ("The author is a keen observer of the region.", True, False),
        ("“The writer is a graduate of our school,” she said.", True, False),
        ("I'm a graduate of Zaria Polytechnic, where I studied business.", False, True),
        ("I'm a graduate of Zaria Polytechnic, where I studied business.", True, False),
        ("I am a reporter and I have covered this war since 2014.", True, False),
    ],
)
def test_author_bio_shapes(line: str, at_top: bool, bio: bool) -> None:
    assert is_author_bio(line, at_top=at_top) is bio


def test_an_author_note_first_or_last_goes() -> None:
    top = "Jane Roe is the founding editor of The Daily Paper. She lives in Rome.\n"
    bottom = "The writer is a graduate of Queen Mary, University of London.\n"
    assert reasons(top + BODY + bottom) == {1: "author_bio", 5: "author_bio"}


def test_an_author_note_between_body_lines_stays() -> None:
    line = "Jane Roe is a senior fellow at the Institute for War Studies in London.\n"
    assert reasons(BODY + line + AFTER) == {}


def test_a_caption_printed_again_below_one_that_went_goes() -> None:
    caption = "Rally in support of Ukraine in Tbilisi"
    pair = caption + "\n" + caption + " - Jane Roe\n"  # alternative text, then caption
    end = "A third round is planned for May, the ministry said on Friday evening.\n"
    removed = reasons(BODY + pair + AFTER + caption + "\n" + end)
    assert removed == {4: "caption", 5: "caption", 8: "caption"}


PAYWALL = (
    "\nSubscribe today and save 40%\n\nAlready signed up? LOG IN\n\nNo comments:\n\n"
    "Election ad featuring a candidate in a city of the south.\n"
    "This Desert City Could Decide Who Is the Next Prime Minister\n"
    "A scene from a film.\n"
)


def test_what_stands_below_a_closing_block_without_prose_goes() -> None:
    removed = reasons(BODY + PAYWALL)
    assert {removed[n] for n in (11, 12, 13)} == {"page_bottom"}


def test_the_body_going_on_below_a_closing_block_stays() -> None:
    prose = (
        "The talks will resume in Geneva next week, where both of the delegations expect "
        "some progress on the exchange of prisoners.\n"
    )
    removed = reasons(BODY + PAYWALL + prose)
    assert not {11, 12, 13, 14} & set(removed)


def test_two_closing_lines_inside_the_body_are_no_block() -> None:
    text = BODY + "\nAdvertisement\n\nStory continues below\n\nA scene from a film.\n"
    assert 9 not in reasons(text)


def test_the_last_line_opening_a_caption_that_went_is_its_cut_copy() -> None:
    caption = "Rally in support of Ukraine in Tbilisi"
    pair = caption + "\n" + caption + " - Jane Roe\n"
    removed = reasons(BODY + pair + AFTER + "Rally in support of Ukraine i")
    assert removed[8] == "caption"


def test_a_cut_last_line_opening_no_caption_stays() -> None:
    assert reasons(BODY + AFTER + "Rally in support of Ukraine i") == {}
