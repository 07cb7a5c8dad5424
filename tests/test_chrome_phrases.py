"""Phrases of page chrome that real news pages print between body lines (ad markers,
share buttons, newsletter prompts, BBC credits, captions closed by a credit, bylines
with a role), each on a tiny made-up line, and body lines that look like them."""

from __future__ import annotations

import pytest

from framing.clean import clean_text
from tests.chrome_page import AFTER, BODY, reasons


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Image source, Getty Images", "caption"),
        ("Image caption, Delegates arrive at the palace", "caption"),
        ("Photo by Jane Doe/Getty Images", "caption"),
        ("Delegates arrive at the palace in Istanbul. (Reuters)", "caption"),
        ("Delegates arrive at the palace in Istanbul. REUTERS/Jane Doe", "caption"),
        ("Delegates arrive at the palace in Istanbul. ©AFP", "caption"),
        ("The foreign minister in Ankara. File photo", "caption"),
        ("The foreign minister (Sputnik/Kremlin via AP)", "caption"),
        ("Getty Images", "caption"),
        ("date 2023-12-18 (MENAFN- AzerNews)", "timestamp"),
        ("Jane Doe Read more", "share_prompt"),
        ("Story continues below advertisement", "share_prompt"),
        ("Advertisement - Scroll to continue", "share_prompt"),
        ("Continue reading", "share_prompt"),
        ("Telegram", "share_prompt"),
        ("Enter your email address", "share_prompt"),
        ("Get the latest news delivered to your inbox", "share_prompt"),
        ("This video can not be played", "share_prompt"),
        ("Recommended by Outbrain", "share_prompt"),
        ("Written by Jane Doe", "byline"),
        ("Jane Doe, Staff Writer", "byline"),
        ("Tags: Ukraine, Russia, talks", "navigation"),
        ("list of 4 items", "navigation"),
        ("Related Topics", "navigation"),
        ("More in Europe", "navigation"),
        ("Loading comments...", "navigation"),
        ("Published:", "navigation"),
        ("All articles tagged with #odesa port", "navigation"),
        ("#kherson #ukraine #dnipro", "navigation"),
        ("This video grab taken and released on Saturday shows smoke over the bridge.", "caption"),
        (
            "Ships at anchor in a bay in Crimea(photo credit: REUTERS/FILE PHOTO)ByJANE DOE",
            "caption",
        ),
        ("The two presidents meet at the Kremlin, Monday, March 20, 2023. - AP", "caption"),
        ("date 2023-07-17 Monday, July 17, 2023", "timestamp"),
        ("MILITARY ・ 20 MINUTES AGO", "timestamp"),
        ("Laisser un commentaire", "comment_form"),
        ("Votre adresse e-mail ne sera pas publiée.", "comment_form"),
        ("Article Source: Latest From CNN Read More", "share_prompt"),
        ("Read in Google News!", "share_prompt"),
        ("Check our website:", "share_prompt"),
        ("Save 30% OFF The Star Digital Access", "share_prompt"),
        ("Read all the news about the war in Ukraine in this dossier.", "share_prompt"),
        ("Jane Doe and John Roe – [source]", "share_prompt"),
        (
            "Description Angle down icon An icon in the shape of an angle pointing down.",
            "share_prompt",
        ),
    ],
)
def test_chrome_phrases_between_body_lines_go(line: str, reason: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {4: reason}


@pytest.mark.parametrize(
    "line",
    [
        "Photos from the scene showed a crater where the house had stood.",
        "Sign up for the draft has been slow, the ministry said.",
        "Get the latest figures, the minister told his deputies on Monday.",
        "Reuters could not verify the claims independently.",
        "More on that later, he told reporters.",
        "The images were taken by a drone, according to the regional governor.",
        "Read the statement on the ministry's website, officials told reporters.",
        "This photo shows the scale of the damage, the governor said on Telegram.",
        "85",
    ],
)
def test_body_lines_like_the_chrome_phrases_stay(line: str) -> None:
    assert reasons(BODY + line + "\n" + AFTER) == {}


def test_a_bare_number_above_or_below_the_body_is_a_counter() -> None:
    text = "0\n\n" + BODY + AFTER + "\n85"
    assert reasons(text) == {1: "page_top", 9: "page_bottom"}


@pytest.mark.parametrize(
    "headline",
    [
        "Russia’s invasion of Ukraine | Russia announced that it will leave the grain deal",
        "Renewed shelling at the plant underlines nuclear accident risk |",
    ],
)
def test_a_headline_with_one_bar_is_the_title(headline: str) -> None:
    cleaned = clean_text(headline + "\n\n" + BODY)
    assert cleaned.title == headline


@pytest.mark.parametrize(
    "line",
    ["Terms of use | Privacy policy", "By Jane Doe | Updated 3 hours ago", "A | B | C D E F"],
)
def test_bars_that_join_no_headline_give_no_title(line: str) -> None:
    assert clean_text(line + "\n\n" + BODY).title == ""
