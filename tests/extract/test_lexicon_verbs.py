"""The packaged reporting-verb lexicon (framing/lexicons/verbs.yaml): size, classes,
spellings and forms, and which classes count as loaded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from framing.compare.quotes import NOT_LOADED_CLASSES
from framing.document import document_from_text
from framing.extract.quotes import default_verbs, extract_quotes, inflect

VERBS_YAML = Path(__file__).resolve().parents[2] / "framing" / "lexicons" / "verbs.yaml"
# British / American spellings that do not follow -ise / -ize
SPELLING_PAIRS = [("enquire", "inquire")]


def raw_classes() -> dict[str, list[str]]:
    data = yaml.safe_load(VERBS_YAML.read_text(encoding="utf-8"))
    classes: dict[str, list[str]] = data["classes"]
    return classes


def header_classes() -> set[str]:
    """The classes defined in the file's header ("#   name   definition ...")."""
    header = VERBS_YAML.read_text(encoding="utf-8").split("\nversion:")[0]
    return set(re.findall(r"^#   ([a-z_]+)\s{2,}\S", header, flags=re.MULTILINE))


def test_at_least_150_lemmas() -> None:
    assert len(default_verbs().lemma_class) >= 150


def test_every_class_is_defined_in_the_header() -> None:
    assert set(raw_classes()) <= header_classes()


def test_no_lemma_listed_twice() -> None:
    lemmas = [lemma for words in raw_classes().values() for lemma in words]
    assert len(lemmas) == len(set(lemmas))


def test_every_single_word_lemma_inflects_to_itself() -> None:
    verbs = default_verbs()
    for lemma in verbs.lemma_class:
        if " " not in lemma:
            assert {verbs.lemma(form) for form in inflect(lemma)} == {lemma}, lemma


def test_every_multi_word_lemma_has_its_forms() -> None:
    verbs = default_verbs()
    multi = [lemma for lemma in verbs.lemma_class if " " in lemma and lemma != "according to"]
    assert multi  # "point out", "lash out"
    for lemma in multi:
        particle = lemma.split(" ")[-1]
        heads = {f.split(" ")[0] for f, lem in verbs.form_lemma.items() if lem == lemma}
        assert lemma in verbs.form_lemma and len(heads) >= 3, lemma  # lemma, -s, -ed
        assert all(verbs.lemma(f"{head} {particle}") == lemma for head in heads)


def test_british_and_american_spellings_both_present_in_one_class() -> None:
    classes = default_verbs().lemma_class
    pairs = [(lem[:-3] + "ise", lem) for lem in classes if lem.endswith("ize")]
    assert len(pairs) >= 4  # emphasise, criticise, summarise, apologise, theorise
    for british, american in [*pairs, *SPELLING_PAIRS]:
        assert classes.get(british) == classes.get(american) is not None, (british, american)
    ise = [lem for lem in classes if lem.endswith("ise") and lem[:-3] + "ize" in classes]
    assert len(ise) == len(pairs)


@pytest.mark.parametrize("lemma", ["explain", "confirm", "welcome", "praise", "describe", "note"])
def test_verbs_naming_the_speakers_act_are_not_loaded(lemma: str) -> None:
    assert default_verbs().lemma_class[lemma] in NOT_LOADED_CLASSES


@pytest.mark.parametrize(
    "lemma", ["claim", "insist", "admit", "allege", "concede", "boast", "slam", "point out"]
)
def test_verbs_carrying_the_reporters_stance_are_loaded(lemma: str) -> None:
    assert default_verbs().lemma_class[lemma] not in NOT_LOADED_CLASSES


def test_beliefs_are_marked_apart() -> None:
    classes = default_verbs().lemma_class
    assert {classes[v] for v in ("believe", "think", "expect", "hope")} == {"belief"}


@pytest.mark.parametrize(
    ("text", "verb", "body"),
    [
        ("Peskov pointed out that the talks had stalled.", "point out", "the talks had stalled"),
        ("Zelensky lashed out at critics, saying that nothing had changed.", "say", None),
        ("Rubio reckoned that a deal was close.", "reckon", "a deal was close"),
        ("Lavrov quipped that Europe was late.", "quip", "Europe was late"),
    ],
)
def test_new_cues_are_found(text: str, verb: str, body: str | None) -> None:
    rows = extract_quotes(document_from_text(text, article_id="t", source="S"))
    assert [r["verb"] for r in rows] == [verb]
    if body is not None:
        assert rows[0]["text"] == body


@pytest.mark.parametrize(
    "text",
    [
        "Zakharova said at a briefing that the union was “doing everything possible”.",
        "Ukraine wants security guarantees and protests continued in Kyiv.",
        "There were fears that the ceasefire would collapse.",
    ],
)
def test_nouns_are_not_cues(text: str) -> None:
    rows = extract_quotes(document_from_text(text, article_id="t", source="S"))
    assert all(r["verb"] in (None, "say") for r in rows)
