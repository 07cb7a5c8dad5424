"""Chrome by context (framing.context): jusText's line classes and smoothing, each signal
on tiny made-up pages, with the body lines that look like it and must stay."""

from __future__ import annotations

import pytest

from framing import context
from framing.boilerplate import default_boilerplate, parse_boilerplate
from framing.lexicon import LexiconError
from tests.chrome_page import AFTER, BODY, reasons

VERBS = default_boilerplate().prompt_verbs


def test_stopword_density_tells_prose_from_labels() -> None:
    assert context.stopword_density("He said that the talks would go on.") >= 0.5
    assert context.stopword_density("World Europe Politics Ukraine") == 0.0
    assert context.stopword_density("") == 0.0


@pytest.mark.parametrize(
    ("line", "prompt"),
    [
        ("Your email address will not be published.", True),
        ("Please enter your comment!", True),
        ("Try again", True),
        ("Loading comments...", True),
        ("Leave a Reply", True),
        ("Follow @newsdesk.", True),
        ("Share prices fell in Moscow on Thursday.", False),  # a noun opens it
        ("“You will pay for this,” he told them.", False),  # a quotation
        ("In a two-party system, you only have two real choices in an election.", False),
        ("Support for the deal grew in the spring.", False),  # a noun, not a verb of the list
        ("Kyiv said the talks would go on", False),
    ],
)
def test_reader_prompts(line: str, prompt: bool) -> None:
    assert context.is_reader_prompt(line, VERBS) is prompt


def test_classes_of_lines() -> None:
    assert context.line_class("Kherson Ukraine Russia dam flood Kakhovka", VERBS) == "bad"
    assert context.line_class("Russia and Ukraine met in Istanbul", VERBS) == "short"
    assert context.line_class("He follows..", VERBS) == "good"  # a sentence of stopwords
    assert context.line_class("“We will not give up,” he said.", VERBS) == "good"
    assert context.line_class("Photos", VERBS) == "short"


def test_a_label_between_chrome_lines_goes() -> None:
    page = BODY + "Advertisement\nOur picks\nAdvertisement\n" + AFTER
    assert reasons(page) == {4: "share_prompt", 5: "context", 6: "share_prompt"}


def test_a_run_of_short_and_keyword_lines_between_chrome_goes() -> None:
    page = BODY + "Advertisement\nKherson Ukraine Russia dam flood Kakhovka\nOur picks\n"
    page += "Advertisement\n" + AFTER
    assert reasons(page) == {4: "share_prompt", 5: "context", 6: "context", 7: "share_prompt"}


def test_a_prompt_between_chrome_lines_goes_as_a_prompt() -> None:
    page = BODY + "Advertisement\nPlease rate this article!\nAdvertisement\n" + AFTER
    assert reasons(page)[5] == "reader_prompt"


@pytest.mark.parametrize(
    "line",
    [
        "WHITE HOUSE —",  # a dateline
        "Washington DC:",  # introduces what follows
        "“We will not give up,” he said.",  # a one-line quotation paragraph
        "In a two-party system, you only have two real choices in an election.",
    ],
)
def test_body_lines_between_chrome_lines_stay(line: str) -> None:
    page = BODY + "Advertisement\n" + line + "\nAdvertisement\n" + AFTER
    assert reasons(page) == {4: "share_prompt", 6: "share_prompt"}


def test_a_subheading_between_body_and_chrome_stays() -> None:
    assert reasons(BODY + "What comes next\n" + AFTER) == {}
    assert reasons(BODY + "What comes next\nAdvertisement\n" + AFTER) == {5: "share_prompt"}


def test_labels_and_prompts_below_the_last_prose_line_go() -> None:
    page = BODY + AFTER + "From our partners\nYou might also like these stories.\n"
    assert reasons(page) == {6: "page_edge", 7: "reader_prompt"}
    page = BODY + AFTER + "\nFrom our partners\n\nTry it free for a month.\n"
    assert reasons(page) == {7: "page_edge", 9: "reader_prompt"}
    page = BODY + AFTER + "\nYou might also like these stories.\nOur newsroom\n"
    assert reasons(page) == {7: "reader_prompt", 8: "page_edge"}  # no cut body under chrome


@pytest.mark.parametrize(
    ("tail", "removed"),
    [
        ("\nPure propaganda.\n\nYou might also like these stories.\n", {9: "reader_prompt"}),
        ("\nBoth sides have since\n", {}),  # the body cut short by an excerpt's length limit
        ("\nAnd alr\n", {}),
        ("The second round of talks between them may start i\n", {}),
    ],
)
def test_the_end_of_the_body_stays(tail: str, removed: dict[int, str]) -> None:
    assert reasons(BODY + AFTER + tail) == removed


def test_a_cut_last_line_counts_as_the_end_of_the_prose() -> None:
    cut = "The second round of talks between the two delegations may start in Istanbul i"
    assert reasons(BODY + AFTER + "\nWhat comes next\n\n" + cut + "\n") == {}


def test_a_menu_goes_and_a_list_the_body_introduces_stays() -> None:
    page = BODY + "Sport\nCulture\nOpinion\nScience\n" + AFTER
    assert reasons(page) == {4: "menu", 5: "menu", 6: "menu", 7: "menu"}
    assert reasons(BODY + "The package bans imports of:\nOil\nGas\nCoal\n" + AFTER) == {}
    assert reasons(BODY + "Sport\nCulture\n" + AFTER) == {}  # two lines are no menu


def test_a_text_wrapped_without_blank_lines_stays() -> None:
    wrapped = (
        "A member of the committee for national security of the\n"
        "Parliament said a new draft law was ready\n"
    )
    page = BODY + "Advertisement\n" + wrapped + "Advertisement\n" + AFTER
    assert reasons(page) == {4: "share_prompt", 7: "share_prompt"}


def test_prompt_verbs_are_data() -> None:
    assert {"leave", "subscribe", "please"} <= VERBS
    data = {"version": 1, "lines": [], "prompt_verbs": ["Leave", "Share"]}
    assert parse_boilerplate(data, path="x.yaml", version="1").prompt_verbs == {"leave", "share"}
    bare = parse_boilerplate({"version": 1, "lines": []}, path="x.yaml", version="1")
    assert bare.prompt_verbs == frozenset()
    with pytest.raises(LexiconError):
        parse_boilerplate({"version": 1, "prompt_verbs": [1]}, path="x.yaml", version="1")
