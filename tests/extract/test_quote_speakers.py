"""Quote attribution: speaker titles and back-references, on small synthetic sentences."""

from __future__ import annotations

import doctest
from types import ModuleType
from typing import Any

import pytest

from framing.document import document_from_text
from framing.extract.quotes import extract_quotes, references, subjects
from framing.extract.quotes import speakers as speakers_module
from framing.extract.quotes.speakers import _gender_of, _without_title
from framing.extract.quotes.subjects import _bare_title, _split_name, _title_before


def rows(text: str) -> list[dict[str, Any]]:
    return extract_quotes(document_from_text(text, article_id="t", source="S"))


def speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(r["speaker"], r["speaker_as_written"], r["speaker_title"]) for r in rows(text)]


# (sentence, speaker, speaker_as_written, speaker_title)
# fmt: off
TITLED = [
    # a title run before a listed name
    ("Kremlin spokesman Dmitry Peskov said the talks were useful.",
     "Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman"),
    # a long lower-case title before an unlisted name: the name speaks, the run is the title
    ("The company's chief executive officer and co-founder Jane Roe said the talks were useful.",
     "Jane Roe", "company's chief executive officer and co-founder Jane Roe",
     "The company's chief executive officer and co-founder"),
    # a capitalised title before an unlisted name
    ("Deputy Trade Minister Ivan Petrovsky said the talks were useful.",
     "Ivan Petrovsky", "Deputy Trade Minister Ivan Petrovsky", "Deputy Trade Minister"),
    # a registry title inside a longer title run: the unlisted name after it speaks
    (
        "Acme's senior vice president for global affairs Jane Roe said the talks were useful.",
        "Jane Roe",
        "Acme's senior vice president for global affairs Jane Roe",
        "Acme's senior vice president for global affairs",
    ),
    # appositions, before and after the verb
    ("Peskov, the Kremlin's spokesman, said the talks were useful.",
     "Dmitry Peskov", "Peskov", "the Kremlin's spokesman"),
    ("The talks were useful, said Peskov, the Kremlin spokesman.",
     "Dmitry Peskov", "Peskov", "the Kremlin spokesman"),
    ("Jane Roe, a senior official at the company, said the talks were useful.",
     "Jane Roe", "Jane Roe", "a senior official at the company"),
    # a clause after the title is not part of it
    ("Jane Roe, a senior official who led the talks, said they were useful.",
     "Jane Roe", "Jane Roe", "a senior official"),
    # a bare title stands for the speaker: the title is the words as written
    ("The US secretary of state said the talks were useful.",
     "Marco Rubio", "The US secretary of state", "The US secretary of state"),
    # a name without a title, and an honorific that is no title
    ("Jane Roe said the talks were useful.", "Jane Roe", "Jane Roe", None),
    ("Mr. John Doe said the talks were useful.", "John Doe", "Mr. John Doe", None),
    # what a person is, before the name, is a title too
    ("Famed fight doctor Jane Roe said the talks were useful.",
     "Jane Roe", "Famed fight doctor Jane Roe", "Famed fight doctor"),
]
# fmt: on


@pytest.mark.parametrize(("text", "speaker", "written", "title"), TITLED)
def test_speaker_title(text: str, speaker: str, written: str, title: str | None) -> None:
    assert speakers(text) == [(speaker, written, title)]


def test_pronoun_takes_the_title_of_the_speaker_it_refers_to() -> None:
    found = speakers(
        "Kremlin spokesman Dmitry Peskov said the talks were useful.\n“We will see,” he said."
    )
    assert found == [
        ("Dmitry Peskov", "Dmitry Peskov", "Kremlin spokesman"),
        ("Dmitry Peskov", "he", "Kremlin spokesman"),
    ]


def test_quotation_split_by_an_inverted_tag_keeps_the_title() -> None:
    found = speakers("“We will see,” said Peskov, the Kremlin spokesman. “Nothing is agreed.”")
    assert found == [("Dmitry Peskov", "Peskov", "the Kremlin spokesman")]  # one statement


def test_she_skips_the_nearest_speaker_when_he_is_a_man() -> None:
    found = speakers(
        "Ms. Jane Roe said the talks were useful. Mr. John Doe said they were not.\n"
        "“We will see,” she said."
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "John Doe", "Jane Roe"]


def test_gender_learnt_from_an_earlier_pronoun() -> None:
    # "she" right after Jane Roe shows a woman; the later "she" skips Mr. Doe
    found = speakers(
        "Jane Roe said the talks were useful. “We will see,” she said.\n"
        "Mr. John Doe said they were not. “We will see,” she said."
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "Jane Roe", "John Doe", "Jane Roe"]


def test_he_without_a_known_gender_is_the_nearest_person() -> None:
    found = speakers(
        "Jane Roe said the talks were useful. John Doe said they were not.\n“No,” he said."
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "John Doe", "John Doe"]


def test_pronoun_with_a_gender_unknown_anywhere_is_the_nearest_person() -> None:
    found = speakers(
        "Jane Roe said the talks were useful. John Doe said they were not.\n“No,” she said."
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "John Doe", "John Doe"]


def test_generic_title_refers_to_the_speaker_whose_title_holds_it() -> None:
    found = speakers(
        "Jane Roe, the company's spokeswoman, said the talks were useful. "
        "John Doe said they were not.\n“We will see,” the spokeswoman said."
    )
    assert found[-1] == ("Jane Roe", "the spokeswoman", "the spokeswoman")


def test_title_before() -> None:
    assert _title_before(["Kremlin", "spokesman"]) == "Kremlin spokesman"
    assert _title_before(["But", "Sen."]) == "Sen."
    assert _title_before(["Mr."]) == ""
    assert _title_before(["New", "York"]) == ""


def test_bare_title() -> None:
    assert _bare_title(["the", "US", "secretary", "of", "state"]) == "the US secretary of state"
    assert _bare_title(["a", "senior", "official"]) == "a senior official"
    assert _bare_title(["two", "officials"]) == ""
    assert _bare_title(["the", "company"]) == ""


def test_split_name() -> None:
    assert _split_name(["Deputy", "Foreign", "Minister", "Sergey", "Ryabkov"]) == (
        ["Deputy", "Foreign", "Minister"],
        ["Sergey", "Ryabkov"],
    )
    assert _split_name(["Mr.", "Doe"]) == (["Mr."], ["Doe"])
    assert _split_name(["the", "spokesman"]) == (["the", "spokesman"], [])


def test_gender_of() -> None:
    assert _gender_of(["Kremlin", "spokeswoman"]) == "f"
    assert _gender_of(["Mr.", "Peskov"]) == "m"
    assert _gender_of(["Jane", "Roe"]) == ""
    assert _gender_of(["Mr.", "and", "Mrs.", "Roe"]) == ""


def test_without_title() -> None:
    assert _without_title(
        "company's chief executive Jane Roe", "The company's chief executive"
    ) == ("Jane Roe")
    assert _without_title("Jane Roe", "a senior official") == "Jane Roe"


@pytest.mark.parametrize("module", [subjects, references, speakers_module])
def test_docstring_examples(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


def test_name_at_the_end_of_a_sentence_loses_the_full_stop() -> None:
    assert [r["speaker"] for r in rows("The talks were useful, said Jane Roe.")] == ["Jane Roe"]


def test_a_possessive_pronoun_in_a_title_shows_no_gender() -> None:
    # "her lawyer" may be a man: the later "he" still refers to him
    found = speakers(
        "John Doe, her lawyer, said the talks were useful. Mr. Smith left.\n“No,” he said."
    )
    assert [s for s, _, _ in found] == ["John Doe", "John Doe"]


def test_an_honorific_anywhere_shows_a_listed_persons_gender() -> None:
    # the last speaker is Peskov, called "Mr. Peskov" later: "she" is Jane Roe, not him
    found = speakers(
        "Ms. Jane Roe said the talks were useful.\n"
        "“We will see,” he said. Peskov said nothing was agreed.\n"
        "Mr. Peskov left. “We are patient,” she said."
    )
    assert [s for s, _, _ in found][-1] == "Jane Roe"


def test_an_impersonal_passive_is_no_statement() -> None:
    doc = document_from_text("The summit ended. It was reportedly agreed to continue the talks.")
    assert extract_quotes(doc) == []


def test_a_spokesman_title_shows_no_gender() -> None:
    # outlets write "spokesman" of women: the later "she" is still Jane Roe
    found = speakers(
        "Foreign Ministry spokesman Jane Roe said the talks were useful.\n“We will see,” she said."
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "Jane Roe"]


def test_a_family_name_written_first_refers_to_the_full_name() -> None:
    found = rows(
        "Chinese Deputy Trade Minister Li Wei said the talks were useful.\n“We will see,” Li said."
    )
    assert [(r["speaker"], r["affiliation"]) for r in found] == [("Li Wei", "CN"), ("Li Wei", "CN")]


def test_a_listed_name_by_its_first_word() -> None:
    # "Qin" after "Qin Gang" (listed): the same person, with the registry's side
    found = rows("Qin Gang said the talks were useful.\nQin said they would go on.")
    assert [(r["speaker"], r["affiliation"]) for r in found] == [("Qin Gang", "CN")] * 2


def test_an_untagged_quotation_paragraph_continues_an_indirect_statement() -> None:
    found = speakers(
        "Jane Roe said the talks were useful.\n“We will meet again next week and talk more.”"
    )
    assert [s for s, _, _ in found] == ["Jane Roe", "Jane Roe"]


def test_the_head_of_state_refers_to_the_president_named_before() -> None:
    found = speakers(
        "President Volodymyr Zelenskyy spoke to reporters. John Doe left early.\n"
        "According to the head of state, the talks were useful."
    )
    assert found[-1] == ("Volodymyr Zelenskyy", "the head of state", "the head of state")


def test_the_ministry_refers_to_the_ministry_named_before() -> None:
    found = rows(
        "The UAE Ministry of Foreign Affairs said the talks were useful.\n"
        "The Ministry added that more talks would follow."
    )
    assert [(r["speaker"], r["affiliation"]) for r in found] == [
        ("UAE Ministry of Foreign Affairs", "UAE")
    ] * 2


def test_the_ministry_with_no_ministry_named_before_stays_as_written() -> None:
    found = rows("Jane Roe left.\nThe ministry added that more talks would follow.")
    assert [(r["speaker"], r["affiliation"]) for r in found] == [("ministry", "unknown")]


def test_a_presidents_aide_is_the_listed_adviser_of_that_president() -> None:
    found = speakers(
        "Presidential adviser Dmytro Lytvyn spoke on Tuesday.\n"
        "“Nothing is agreed,” President Volodymyr Zelensky's aide said."
    )
    assert found[-1][0] == "Dmytro Lytvyn"


def test_an_aide_with_no_listed_adviser_of_that_side_stays_as_written() -> None:
    # Lytvyn advises Ukraine's president, not Russia's
    found = speakers("Dmytro Lytvyn spoke.\n“Nothing is agreed,” Putin's aide said.")
    assert found[-1][0] == "Putin's aide"


def test_the_statement_is_issued_by_the_speaker_before_it() -> None:
    found = rows(
        "The UAE Ministry of Foreign Affairs said the talks were useful.\n"
        "The statement also noted that more talks would follow."
    )
    assert [r["speaker"] for r in found] == ["UAE Ministry of Foreign Affairs"] * 2


def test_the_statement_with_nobody_before_it_has_no_speaker() -> None:
    found = rows("The statement also noted that more talks would follow.")
    assert [(r["speaker"], r["speaker_as_written"]) for r in found] == [(None, "the statement")]


@pytest.mark.parametrize(
    "text",
    [
        "Instead, Jane Roe said the talks went well.",
        "Indeed, Jane Roe said the talks went well.",
        "WASHINGTON — Jane Roe said the talks went well.",
    ],
)
def test_a_sentence_adverb_or_a_dateline_is_no_speaker(text: str) -> None:
    assert [r["speaker"] for r in rows(text)] == ["Jane Roe"]


def test_a_pronoun_before_a_coordinated_predicate_is_the_speaker() -> None:
    found = speakers(
        "IAEA chief Rafael Grossi spoke on Monday.\n"
        "He thanked all partners for their support and noted that the talks went well."
    )
    assert [(s, w) for s, w, _ in found] == [("Rafael Grossi", "He")]


def test_a_name_in_quoted_words_is_not_what_he_refers_to() -> None:
    found = speakers(
        "The crowd carried a banner, “Peace with Zelenskyy now”.\nHe said the talks went well."
    )
    assert found == [(None, "He", None)]


def test_an_article_that_names_nobody_before_he_takes_the_headline_person() -> None:
    from framing.document import build_document

    body = "“The talks went well,” the president said."
    doc = build_document("t", "S", [(1, body, ())], title="Zelenskyy says talks went well")
    assert [r["speaker"] for r in extract_quotes(doc)] == ["Volodymyr Zelenskyy"]
    untitled = build_document("t", "S", [(1, body, ())])
    assert [r["speaker"] for r in extract_quotes(untitled)] == [None]


@pytest.mark.parametrize(
    ("text", "speaker", "side"),
    [
        # the aide speaks, on the side of the person they serve
        ("A top aide to President Vladimir Putin said talks were off.", "top aide to", "RU"),
        # a name after the title run is the speaker
        ("Aide to the Russian President Yury Ushakov said talks were off.", "Yuri Ushakov", "RU"),
    ],
)
def test_an_aide_to_a_person_is_not_that_person(text: str, speaker: str, side: str) -> None:
    (row,) = extract_quotes(document_from_text(text))
    assert row["speaker"].startswith(speaker)
    assert row["affiliation"] == side
