"""Cleaning: every boilerplate kind removed and recorded, no body line removed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.boilerplate import Boilerplate, load_boilerplate, parse_boilerplate
from framing.boilerplate import line_rule as _line_rule
from framing.clean import DUPLICATE, TRAILING_BLANK, Cleaned, clean_article, clean_text, fingerprint
from framing.corpus import Article
from framing.document import Document
from framing.lexicon import LexiconError
from tests.conftest import CGTN, CHINA_DAILY, GUARDIAN, MOSCOW_TIMES, RT, SEEDS

# Hand-made list of the seeds' boilerplate: (line, reason, duplicate_of), read off the files.
EXPECTED_REMOVALS: dict[str, list[tuple[int, str, int | None]]] = {
    RT: [],
    MOSCOW_TIMES: [(n, "donation_appeal", None) for n in range(19, 27)],
    GUARDIAN: [(n, TRAILING_BLANK, None) for n in range(16, 24)],
    CGTN: [
        (1, "cookie_banner", None),
        (2, "caption", None),
        (3, "caption", 2),
        (14, "caption", 2),
        *[(n, DUPLICATE, n - 11) for n in range(15, 25)],
        (25, "agency_credit", None),
    ],
    CHINA_DAILY: [(1, "headline", None), (2, "deck", None), (27, "agency_credit", None)]
    + [(n, TRAILING_BLANK, None) for n in range(28, 54)],
}


@pytest.mark.parametrize("article_id", sorted(EXPECTED_REMOVALS))
def test_seed_cleaning_matches_hand_list(
    seed_cleaned: dict[str, tuple[Document, Cleaned]], article_id: str
) -> None:
    _, cleaned = seed_cleaned[article_id]
    got = [(r.line, r.reason, r.duplicate_of) for r in cleaned.removals]
    assert got == EXPECTED_REMOVALS[article_id]


@pytest.mark.parametrize("article_id", sorted(EXPECTED_REMOVALS))
def test_every_body_line_survives(
    seed_cleaned: dict[str, tuple[Document, Cleaned]], article_id: str
) -> None:
    doc, cleaned = seed_cleaned[article_id]
    removed = {r.line for r in cleaned.removals}
    lines = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8").split("\n")
    body = [
        (n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and n not in removed
    ]
    assert [p.line for p in doc.paragraphs] == [n for n, _ in body]
    for paragraph, (_, line) in zip(doc.paragraphs, body, strict=True):
        assert doc.text[paragraph.start : paragraph.end] == line


def test_cgtn_counts_each_sentence_once(seed_docs: dict[str, Document]) -> None:
    text = seed_docs[CGTN].text
    assert text.count("Today I received a report") == 1
    assert text.count("prisoners of war released") == 0
    assert len(seed_docs[CGTN].paragraphs) == 10


def test_removal_keeps_the_text_it_removed(
    seed_cleaned: dict[str, tuple[Document, Cleaned]],
) -> None:
    _, cleaned = seed_cleaned[MOSCOW_TIMES]
    assert cleaned.removals[0].text == "A Message from The Moscow Times:"
    assert cleaned.removals[-1].text == "Remind me later."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("By continuing to browse our site you agree to our use of cookies.", "cookie_banner"),
        ("Soldiers rest near Bakhmut, Ukraine, February 5, 2026. /Xinhua", "caption"),
        ("Photo: Kremlin press service", "caption"),
        ("A shelled building in Kharkiv. Photograph: Sergey Bobok/AFP via Getty Images", "caption"),
        ("(With input from Xinhua)", "agency_credit"),
        ("(With inputs from agencies)", "agency_credit"),
        ("Agencies Via Xinhua", "agency_credit"),
        ("Additional reporting by Pjotr Sauer", "agency_credit"),
        ("Advertisement", "share_prompt"),
        ("You can share this story on social media:", "share_prompt"),
        ("Download the Kyiv Independent app", "share_prompt"),
        ("READ MORE: Kremlin comments on Abu Dhabi talks", "related_link"),
        ("Related: Zelensky says talks were not easy", "related_link"),
        ("Reuse this content", "related_link"),
        ("By Guy Faulconbridge and Dmitry Antonov", "byline"),
        ("By Guy Faulconbridge, Reuters", "byline"),
        ("(Reporting by Guy Faulconbridge; Editing by Alex Richardson)", "agency_credit"),
        (
            "Associated Press writers Illia Novikov in Kyiv and Aamer Madhani in Washington "
            "contributed to this report.",
            "agency_credit",
        ),
        ("Our Standards: The Thomson Reuters Trust Principles.", "agency_credit"),
        ("Published: Feb 5, 2026 at 10:15 a.m. EST", "timestamp"),
        ("Updated 2026-02-05 14:30", "timestamp"),
        ("4 min read", "timestamp"),
        ("© 2026 Reuters. All rights reserved.", "copyright"),
        ("Copyright © 2026 CGTN. Beijing ICP prepared NO.16065310-3", "copyright"),
    ],
)
def test_boilerplate_line_kinds(line: str, reason: str) -> None:
    cleaned = clean_text(f"Body sentence one is here.\n{line}\nBody sentence two is here.")
    assert [(r.line, r.reason) for r in cleaned.removals] == [(2, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell in Moscow on Thursday.",
        "Kyiv residents told Reuters they were skeptical.",
        "Sources said the talks would continue.",
        "Military included",
        "We use the term carefully, he said.",
        "By Thursday evening, the talks had ended.",
        "By 2026 the war had lasted four years.",
        "Related talks will be held in Istanbul next week.",
        "Updated figures showed 314 prisoners were freed.",
        "Published in 2022, the report said the war was costly.",
        "Copyright law was not discussed at the talks.",
        "Support for Ukraine remained strong, Rutte said.",
        "Recommended by the UN, the plan was rejected.",
        "Topics included prisoner exchanges and energy.",
    ],
)
def test_body_lines_that_look_like_boilerplate_are_kept(line: str) -> None:
    assert clean_text(f"Body sentence one is here.\n{line}\n").removals == ()


def test_block_without_end_is_not_removed_and_is_warned() -> None:
    cleaned = clean_text("A Message from The Moscow Times:\nDear readers,\nThe body goes on.\n")
    assert cleaned.removals == ()
    assert "donation_appeal" in cleaned.warnings[0]


def test_duplicate_paragraph_removed_once_with_pointer() -> None:
    text = "Talks ended in Abu Dhabi on Thursday.\nA second line of body.\nTalks ended in Abu Dhabi on Thursday.\n"
    cleaned = clean_text(text)
    assert [(r.line, r.reason, r.duplicate_of) for r in cleaned.removals] == [(3, DUPLICATE, 1)]
    assert [p[0] for p in cleaned.paragraphs] == [1, 2]


def test_hard_wrapped_paragraphs_are_joined_with_line_map() -> None:
    text = "The talks in Abu Dhabi\nended on Thursday with a\nswap.\n\nA second paragraph\nfollows here.\n"
    cleaned = clean_text(text)
    assert [(p[0], p[1]) for p in cleaned.paragraphs] == [
        (1, "The talks in Abu Dhabi ended on Thursday with a swap."),
        (5, "A second paragraph follows here."),
    ]
    assert cleaned.paragraphs[0][2] == ((23, 2), (48, 3))


def test_user_boilerplate_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bp.yaml"
    path.write_text(
        "version: 1\nlines:\n  - reason: x\n    patterns: ['(unclosed']\n", encoding="utf-8"
    )
    with pytest.raises(
        LexiconError, match=r"bp\.yaml:4: lines\[0\]\.patterns\[0\]: invalid regular"
    ):
        load_boilerplate(path)
    path.write_text("version: 1\nlines:\n  - reason: x\n    patern: [a]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bp\.yaml:4: lines\[0\]\.patern: unknown key"):
        load_boilerplate(path)


def _first_rule(rules: Boilerplate, line: str) -> str | None:
    return next((r for r, p in rules.line_rules if p.fullmatch(line)), None)


def test_combined_line_rules_pick_the_first_matching_rule() -> None:
    rules = load_boilerplate()
    assert rules.line_pattern is not None
    lines = [line.strip() for path in SEEDS.glob("*.txt") for line in path.read_text().split("\n")]
    lines += ["Advertisement", "Photo: AP", "Read more: x", "(c) 2024 Foo", "Cookie policy."]
    lines += [  # the rules that open with a repeat, each with and without its needle
        "Residents walk past a damaged building in Kyiv / VCG",
        "Residents walk past a damaged building in Kyiv. Photograph: Jane Doe/AP",
        "Ministers met in Geneva (Photo: Xinhua)",
        "Foo Media Group. All rights reserved.",
        "Foo Media Group. All right\u017f reserved.",
        "Residents walk past a damaged building in Kyiv \u212a VCG",
        "Residents walk past a “damaged” building in Kyiv / VCG",
        "Residents walk past a “damaged” building. Photograph: Jane Doe/AP",
        "Foo Medıa Group. All rıghts reserved.",
    ]
    for line in lines:
        assert _line_rule(rules, line) == _first_rule(rules, line)
    assert len(rules.line_needles) >= 3


_LINE_PIECES = st.sampled_from(
    [
        "Photo", "Photograph: ", "/", " / ", "VCG", "AFP", "(", ")", ": ", "Image: ",
        "All rights reserved", "All right\u017f reserved", "via ", "Via Xinhua", " contributed", " read", "5 min",
        "Reuters", "Residents of Kyiv", " ", "é", "\u212a", "\u017f", "\u0130", "\u0131", "“",
        "’", "Read more",
        "Copyright 2024", "By John Smith", ".",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=12).map("".join))
def test_line_rules_ruled_out_by_needle_never_match(line: str) -> None:
    rules = load_boilerplate()
    assert _line_rule(rules, line) == _first_rule(rules, line)


def test_rules_with_backreferences_are_not_combined() -> None:
    data = {"version": 1, "lines": [{"reason": "a", "patterns": [r"(x)\1", "y+"]}]}
    rules = parse_boilerplate(data, path="t.yaml", version="1")
    assert rules.line_pattern is None
    assert _line_rule(rules, "xx") == "a" and _line_rule(rules, "yy") == "a"
    assert _line_rule(rules, "xy") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(min_size=1).map(str.strip).filter(bool), min_size=1))
def test_fingerprint_of_joined_lines_is_the_join_of_their_fingerprints(lines: list[str]) -> None:
    assert fingerprint(" ".join(lines)) == " ".join(map(fingerprint, lines))


def test_a_one_line_article_with_pipes_is_body_not_metadata() -> None:
    sentence = "The minister said the talks in Geneva would go on for a second week. "
    text = sentence * 30 + "Sources | Kyiv | Moscow and the rest of the text goes on without a"
    doc, cleaned = clean_article(Article(article_id="a", file="a.txt", text=text))
    assert not cleaned.removals
    assert doc.text == text.strip()
