"""Statements by the PARC 3.0 convention (framing.extract.quotes.statements, unlisted):
reported clauses, quotations split by their tag, speakers outside the registry."""

from __future__ import annotations

import doctest
from typing import Any

import pytest

from framing.document import document_from_text
from framing.extract.quotes import extract_quotes, statements, unlisted
from framing.extract.quotes.statements import content_end, quoted_ranges


def rows(text: str) -> list[dict[str, Any]]:
    return extract_quotes(document_from_text(text))


def test_docstring_examples() -> None:
    for module in (statements, unlisted):
        failed, _ = doctest.testmod(module)
        assert failed == 0


def test_a_clause_with_a_quoted_phrase_is_one_statement() -> None:
    text = 'The minister said the talks had been "a waste of time" for both sides.'
    (row,) = rows(text)
    assert row["kind"] == "partial"
    assert row["text"] == 'the talks had been "a waste of time" for both sides'
    assert row["quoted_text"] == "a waste of time"
    assert (row["n_words"], row["n_quoted_words"]) == (11, 4)
    assert text[row["start"] : row["end"]] == row["text"]


def test_two_quoted_phrases_in_one_clause_are_its_fragments() -> None:
    (row,) = rows('Peskov said the talks were "very challenging" but "constructive".')
    assert row["text"] == 'the talks were "very challenging" but "constructive"'
    assert row["quoted_text"] == "very challenging … constructive"
    assert row["n_quoted_words"] == 3


def test_a_clause_that_is_all_quotation_keeps_the_quotation() -> None:
    (row,) = rows('Peskov described the talks as "very challenging".')
    assert (row["kind"], row["text"], row["quoted_text"]) == (
        "partial",
        "very challenging",
        "very challenging",
    )


def test_quoted_share_counts_words_in_marks_only() -> None:
    doc = document_from_text(
        'The minister said the talks had been "a waste of time" for both sides.'
    )
    found = extract_quotes(doc)
    ((a, b),) = quoted_ranges(doc, found)
    assert doc.text[a:b] == "a waste of time"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Late-night host Jane Roe said it was wrong to compare the two plans.",
            "Late-night host Jane Roe",
        ),
        (
            "Former Senate Leader John Doe said the transition shows the reality.",
            "Former Senate Leader John Doe",
        ),
        (
            "Several backers of the plan said it is more sensible to keep the rule.",
            "Several backers of the plan",
        ),
        (
            "The retired engineer acknowledged that he expected scrutiny.",
            "The retired engineer",
        ),
    ],
)
def test_a_speaker_outside_the_registry(text: str, speaker: str) -> None:
    (row,) = rows(text)
    assert row["speaker_as_written"] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed the House and said nothing about it.",
        "In a statement said to be final, nothing changed.",
    ],
)
def test_no_speaker_from_a_clause_or_a_phrase(text: str) -> None:
    assert all(r["speaker"] != "" for r in rows(text))
    assert not any(
        (r["speaker_as_written"] or "").lower().startswith(("the bill", "in a")) for r in rows(text)
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("the talks were “very productive” in a post on X", "the talks were “very productive”"),
        ("the talks would go on, in a statement on Telegram.", "the talks would go on"),
        ("the US “seeks peace” and declined to say more", "the US “seeks peace”"),
        ("the talks would go on in the spring", "the talks would go on in the spring"),
    ],
)
def test_content_ends_before_the_medium_and_the_next_act(text: str, content: str) -> None:
    assert text[: content_end(text, 0, len(text))].rstrip(" ,.") == content


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        (
            "According to court documents, the man was arrested in May.",
            "court documents",
            "the man was arrested in May",
        ),
        (
            "But, according to the survey, most voters remain undecided.",
            "the survey",
            "most voters remain undecided",
        ),
        (
            "The firm lost money last year, according to a filing with regulators.",
            "a filing with regulators",
            "The firm lost money last year",
        ),
    ],
)
def test_according_to_any_source(text: str, source: str, content: str) -> None:
    (row,) = rows(text)
    assert (row["speaker_as_written"], row["verb"], row["text"]) == (
        source,
        "according to",
        content,
    )


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a subject pronoun fused with its auxiliary opens the clause
        ("The golfer said it's one of his favourite pictures.", "The golfer", "it's one of"),
        ("The envoy said they’re ready to talk.", "The envoy", "they’re ready to talk"),
        # a negated auxiliary is a finite verb
        ("Mr. Hale said Moscow doesn’t want a truce.", "Mr. Hale", "Moscow doesn’t want a truce"),
        # a party and state between the name and the verb; the state is no sentence end
        ("Sen. Jane Roe (R-Ga.) said the vote would wait.", "Sen. Jane Roe", "the vote would"),
        # an agency dotted as American papers dot it is no sentence end either
        ("The F.B.I. said it had opened an inquiry.", "F.B.I.", "it had opened an inquiry"),
        # a short phrase between the verb and the clause
        ("The mayor said after the meeting he would resign.", "The mayor", "he would resign"),
    ],
)
def test_indirect_speech_without_that(text: str, speaker: str, content: str) -> None:
    found = rows("The city council met on Monday.\n\n" + text)
    assert [(q["speaker_as_written"], q["kind"]) for q in found] == [(speaker, "indirect")]
    assert found[0]["text"].startswith(content)


def test_a_phrase_after_the_verb_is_no_clause_without_a_finite_verb() -> None:
    assert rows("The city council met.\n\nThe mayor said after the meeting he and his aides.") == []


# the verb frames of verbs.yaml beyond "said (that)": question, hearer_to, predicative
@pytest.mark.parametrize(
    ("text", "verb", "content"),
    [
        ("Lawmakers asked whether the deals had been approved.", "ask", "whether the deals had"),
        ("The reporter asked the minister if talks would resume.", "ask", "if talks would resume"),
        ("The mayor told his aides to find another site.", "tell", "his aides to find another"),
        ("The judge asked both sides to settle.", "ask", "both sides to settle"),
        ("The campaign called the charges a fabrication.", "call", "the charges a fabrication"),
        # a "by" after another participle is that participle's agent, not a passive's
        ("The senator has called the plan a trap laid by Moscow.", "call", "the plan a trap laid"),
    ],
)
def test_the_content_a_verb_frame_gives(text: str, verb: str, content: str) -> None:
    found = rows("The hearing opened on Monday.\n\n" + text)
    assert [(q["verb"], q["kind"]) for q in found] == [(verb, "indirect")]
    assert found[0]["text"].startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "The senator asked about the deals.",
        "The mayor told reporters to the left.",
        "The mayor called a meeting for Monday.",
        "The mayor called the council to the hall.",
    ],
)
def test_no_statement_where_no_frame_fits(text: str) -> None:
    assert rows("The hearing opened on Monday.\n\n" + text) == []


# sentence shapes that gave no statement (made-up sentences in the shape of PolNeAR
# train's misses)
@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a list of names inside the reported clause
        (
            "A Democratic aide said comments from Rice, Rhodes and Panetta were consistent.",
            "Democratic aide",
            "comments from Rice, Rhodes and Panetta were consistent",
        ),
        # a noun-like form after a preposition is a noun: "promises" reports nothing
        (
            "Cruz won over the crowds with speeches and promises to cut taxes, Stovall said.",
            "Stovall",
            "Cruz won over the crowds with speeches and promises to cut taxes",
        ),
        # a locative adverb ends the subject
        ("Officials here say there is a direct link.", "Officials", "there is a direct link"),
        # respondents as speakers
        ("Again, those surveyed said Trump was best.", "those surveyed", "Trump was best"),
        # a possessive of a name the registry does not know owns the reporting noun
        ("He rejected Sanders's claim that the race is open.", "Sanders", "the race is open"),
        # a long hearer before "that"
        (
            "Ben Carson told a crowded hall at a hotel in downtown Baltimore that he stays.",
            "Ben Carson",
            "he stays",
        ),
        # a verb coordinated after a long first predicate shares its subject
        (
            "Obama positioned Clinton as the most qualified person ever to run and said she "
            "would finish the job.",
            "Obama",
            "she would finish the job",
        ),
        # that-only verbs close a statement as a tag after a comma
        (
            "The talks were pointless, the Kremlin spokesman explained.",
            "Dmitry Peskov",
            "The talks",
        ),
    ],
)
def test_statement_shapes_from_real_misses(text: str, speaker: str, content: str) -> None:
    found = [q for q in rows(text) if q["speaker"] == speaker]
    assert found and found[0]["text"].startswith(content)


def test_a_fronted_subordinate_clause_ends_the_content_at_its_comma() -> None:
    (row,) = rows("Although in September she said the plan was a mistake, the town hall cheered.")
    assert row["text"] == "the plan was a mistake"


def test_a_participle_after_a_possessive_is_no_reporting_verb() -> None:
    found = rows("He dismissed Sen. Lindsey Graham's repeated warning that the plan would fail.")
    assert "repeat" not in {q["verb"] for q in found}


def test_a_tag_interjected_after_a_long_subject_gives_the_whole_clause() -> None:
    text = "Power cuts for industrial users, Kudrytskyi said, were “almost guaranteed” but rare."
    (row,) = rows(text)
    assert row["kind"] == "partial"
    assert row["text"].startswith("Power cuts for industrial users") and row["text"].endswith(
        "rare"
    )


def test_according_to_after_a_discourse_adverbial_and_an_owners_account() -> None:
    (row,) = rows("In addition, according to Kuleba's calculations, the assets would be enough.")
    assert (row["speaker"], row["text"]) == ("Dmytro Kuleba", "the assets would be enough")


def test_a_nested_report_holding_a_quoted_phrase_gives_both_rows() -> None:
    found = rows("RT reported that Peskov said that the talks were “useful”.")
    assert [(q["speaker"], q["kind"], q["text"]) for q in found] == [
        ("RT", "partial", "Peskov said that the talks were “useful”"),
        ("Dmitry Peskov", "partial", "the talks were “useful”"),
    ]


def test_according_to_inside_a_relative_clause_reports_what_follows() -> None:
    (row,) = rows("This led to the summit, where, according to Trump, the deal was done.")
    assert row["text"] == "the deal was done"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme's name ending the tag is no statement
        (
            '"We had nothing," Sanders said in an interview aired Monday on "New Day."',
            [("direct", "We had nothing")],
        ),
        # an outlet's possessive before the name, then the clause
        ('Carson told ABC\'s "This Week" that he would stay.', [("indirect", "he would stay")]),
        # a quoted phrase in lower case after "on" stays a quotation
        (
            'Peskov said the talks went on "in good faith."',
            [("partial", 'the talks went on "in good faith."')],
        ),
    ],
)
def test_programme_names_are_no_quotations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q["kind"], q["text"]) for q in rows(text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a possessive noun phrase with its own verb after "said" is the content
        (
            "Another pollster, David Woodard of Clemson University, said his survey showed "
            "support holding steady.",
            "David Woodard",
            "his survey showed support holding steady",
        ),
        # a bare weekday after a closing tag
        (
            "The couple were among the passengers, spokesman Ivan Roe said Thursday.",
            "Ivan Roe",
            "The couple were among the passengers",
        ),
        # a participle after a clause led by a noun phrase shares its subject
        (
            "The officials declined to comment, saying they cannot discuss the case.",
            "officials",
            "they cannot discuss the case",
        ),
    ],
)
def test_speakers_around_the_tag(text: str, speaker: str, content: str) -> None:
    assert (speaker, content) in {(q["speaker"], q["text"]) for q in rows(text)}


def test_an_interjected_tag_after_an_adverbial_clause_gives_the_sentence() -> None:
    (row,) = rows("If the stakes are small, the campaign said, it may not bother taking that step.")
    assert row["speaker"] == "the campaign"
    assert row["text"].startswith("If the stakes are small") and row["text"].endswith("step")


def test_an_attendee_is_a_speaker() -> None:
    (row,) = rows(
        "One attendee, who spoke on the condition of anonymity, said the message was clear."
    )
    assert (row["speaker"], row["text"]) == ("attendee", "the message was clear")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("42% say they're liberal.", "42%"),
        ("About three in 10 said they prefer a liberal agenda.", "About three in 10"),
        (
            "In each state, about half of voters say they prefer an outsider.",
            "about half of voters",
        ),
    ],
)
def test_poll_shares_are_speakers(text: str, speaker: str) -> None:
    (row,) = rows(text)
    assert (row["speaker"], row["affiliation"], row["speaker_title"]) == (speaker, "unknown", None)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The union will sit out the election, director Phil Smith told POLITICO earlier "
            "this week.",
            "The union will sit out the election",
        ),
        (
            "This is not about me, President Obama told his closest advisers as he labored.",
            "This is not about me",
        ),
        (
            "The solution, the partner told them, was simple.",
            "The solution, the partner told them, was simple",
        ),
    ],
)
def test_told_closes_a_statement_after_its_hearer(text: str, content: str) -> None:
    assert [q["text"] for q in rows(text)] == [content]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a capitalised name ending in -ly is no adverb
        (
            "Schlafly also noted that Reagan was willing to negotiate.",
            "Schlafly",
            "Reagan was willing to negotiate",
        ),
        # an aside between commas inside a zero-that clause
        (
            "Pollster Andy Smith said Trump, despite his wealth, is better placed.",
            "Andy Smith",
            "Trump, despite his wealth, is better placed",
        ),
    ],
)
def test_names_and_asides(text: str, speaker: str, content: str) -> None:
    assert [(q["speaker"], q["text"]) for q in rows(text)] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # professions as titles of an inverted speaker
        ("India has more resonance, says political scientist Dossym Satpayev.", "Dossym Satpayev"),
        # an irregular past form ends the subject of a participle's clause
        ("The businessman sought to calm the crowd, saying the deal was done.", "businessman"),
    ],
)
def test_profession_titles_and_irregular_pasts(text: str, speaker: str) -> None:
    assert [q["speaker"] for q in rows(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "It was a strike that company executives said could affect earnings.",
            "company executives",
            "could affect earnings",
        ),
        (
            "The changes, which officials said will start in May, will not apply to them.",
            "officials",
            "will start in May",
        ),
    ],
)
def test_a_relative_clause_around_the_tag_reports_its_predicate(
    text: str, speaker: str, content: str
) -> None:
    assert [(q["speaker"], q["text"]) for q in rows(text)] == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a zero-that clause after "reported"
        (
            "The New York Times reported the email came hours after the ban.",
            [("The New York Times", "the email came hours after the ban")],
        ),
        # an object, not a clause
        ("The company reported earnings of $8.42 a share.", []),
        # "reported" after a determiner is an adjective
        (
            "The reported leak was aimed at the talks, Ushakov said.",
            [("Yuri Ushakov", "The reported leak was aimed at the talks")],
        ),
    ],
)
def test_reported(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q["speaker"], q["text"]) for q in rows(text)] == expected


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a capitalised "Will" is a name, not a modal
        (
            "GOP Chairman Will Rogers, for example, said the visit would earn him coverage.",
            "Will Rogers",
            "the visit would earn him coverage",
        ),
        # "but has since said": the first subject
        (
            "Cruz backed the visas but has since said the system needs reform.",
            "Cruz",
            "the system needs reform",
        ),
        # a zero-that clause whose own verb takes "that"
        (
            "The insiders said Clinton's deficit meant that she would lose.",
            "The insiders",
            "Clinton's deficit meant that she would lose",
        ),
    ],
)
def test_subjects_and_clauses_of_real_shapes(text: str, speaker: str, content: str) -> None:
    assert [(q["speaker"], q["text"]) for q in rows(text)] == [(speaker, content)]
