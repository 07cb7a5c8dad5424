"""Coverage: who mentions which actors, places and figures; omissions visible; traceable."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import Analysis, analyze_article
from framing.compare.coverage import (
    COVERAGE_COLUMNS,
    GAP_COLUMNS,
    MENTION_COLUMNS,
    coverage,
    coverage_gaps,
    coverage_mentions,
    coverage_pivot,
    find_places,
    load_coverage_lexicon,
    text_mentions,
)
from framing.corpus import Article
from framing.document import Document
from framing.lexicon import LexiconError


def _found(text: str, kinds: tuple[str, ...] = ("actor", "place")) -> list[tuple[str, str, str]]:
    return [(m.kind, m.item, m.as_written) for m in text_mentions(text, kinds=kinds)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said talks in Abu Dhabi went well.",
            [("actor", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov"), ("place", "Abu Dhabi", "Abu Dhabi")],
        ),
        (
            "Russia’s representative, Kirill Dmitriev, struck a positive note.",
            [("actor", "Kirill Dmitriev", "Russia’s representative, Kirill Dmitriev")],
        ),
        ("Moscow confirmed the swap.", [("place", "Moscow", "Moscow")]),
        ("Kiev and Kyiv", [("place", "Kyiv", "Kiev"), ("place", "Kyiv", "Kyiv")]),
        ("the Donbass regions of Donetsk and Lugansk", [
            ("place", "Donbas", "Donbass"), ("place", "Donetsk", "Donetsk"), ("place", "Luhansk", "Lugansk")]),
        ("ABU DHABI — talks ended", [("place", "Abu Dhabi", "ABU DHABI")]),
        ("He told us that the US would help.", [("place", "United States", "the US")]),
        ("US-led talks in the UAE", [("place", "United Arab Emirates", "the UAE")]),
        ("Russia's foreign ministry said", [("actor", "Russian Foreign Ministry", "Russia's foreign ministry")]),
        (
            "the United Arab Emirates (UAE) Ministry of Foreign Affairs welcomed it",
            [("actor", "UAE Ministry of Foreign Affairs", "the United Arab Emirates (UAE) Ministry of Foreign Affairs")],
        ),
        ("Ukrainian officials have rejected those terms", [("actor", "Ukrainian government", "Ukrainian officials")]),
    ],
)  # fmt: skip
def test_text_mentions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(text) == expected


def test_kinds_are_checked() -> None:
    with pytest.raises(ValueError, match="unknown kinds"):
        text_mentions("Kyiv", kinds=("person",))


@pytest.fixture
def sentences() -> pd.DataFrame:
    rows = [
        ("a1", "RT", "Moscow confirmed an exchange of 314 combatants.", 0),
        ("a1", "RT", "Witkoff praised the talks.", 49),
        ("b1", "The Guardian", "The sides agreed to swap 157 prisoners of war each.", 0),
        ("b1", "The Guardian", "Steve Witkoff said work remains in Kyiv.", 52),
        ("c1", "CGTN", "Each side returned 157 detainees.", 0),
    ]
    return pd.DataFrame(rows, columns=["article_id", "source", "text", "start"])


def test_mentions_have_absolute_offsets(sentences: pd.DataFrame) -> None:
    m = coverage_mentions(sentences)
    assert list(m.columns) == MENTION_COLUMNS
    witkoff = m[(m["item"] == "Steve Witkoff") & (m["source"] == "The Guardian")].iloc[0]
    assert (witkoff["start"], witkoff["end"], witkoff["side"]) == (52, 65, "US")
    assert witkoff["context"] == "[Steve Witkoff] said work remains in Kyiv."


def test_table_lists_omissions_and_first_mentions(sentences: pd.DataFrame) -> None:
    cov = coverage(sentences, sources=["RT", "The Guardian", "CGTN", "China Daily"])
    assert list(cov.columns) == COVERAGE_COLUMNS
    each = cov[cov["item"] == "157 prisoners each"].set_index("source")
    assert each["n_mentions"].to_dict() == {"CGTN": 1, "China Daily": 0, "RT": 0, "The Guardian": 1}
    assert each.loc["CGTN", "as_written"] == "157 detainees"
    assert pd.isna(each.loc["RT", "article_id"]) and pd.isna(each.loc["RT", "start"])
    witkoff = cov[(cov["item"] == "Steve Witkoff") & (cov["source"] == "RT")].iloc[0]
    assert (witkoff["kind"], witkoff["article_id"], witkoff["start"]) == ("actor", "a1", 49)


def test_table_order_is_kind_then_unit_then_value(sentences: pd.DataFrame) -> None:
    cov = coverage(sentences)
    assert list(dict.fromkeys(cov["kind"])) == ["actor", "place", "number"]
    numbers = list(dict.fromkeys(cov.loc[cov["kind"] == "number", "item"]))
    assert numbers == ["314 combatants", "157 prisoners each"]


def test_pivot_and_gaps(sentences: pd.DataFrame) -> None:
    cov = coverage(sentences)
    wide = coverage_pivot(cov, kinds=["number"])
    assert list(wide.columns) == ["CGTN", "RT", "The Guardian"]
    assert wide.loc[("number", "314 combatants")].tolist() == [0, 1, 0]
    gaps = coverage_gaps(cov)
    assert list(gaps.columns) == GAP_COLUMNS
    witkoff = gaps[gaps["item"] == "Steve Witkoff"].iloc[0]
    assert (witkoff["mentioned_by"], witkoff["omitted_by"]) == ("RT; The Guardian", "CGTN")
    assert coverage_gaps(cov, omitted_only=False)["n_sources"].max() == 2


def test_empty_input() -> None:
    empty = pd.DataFrame(columns=["article_id", "source", "text", "start"])
    assert list(coverage(empty).columns) == COVERAGE_COLUMNS
    assert coverage_pivot(coverage(empty)).empty
    assert coverage_gaps(coverage(empty)).empty
    with pytest.raises(ValueError, match="lacks columns"):
        coverage_mentions(pd.DataFrame({"text": ["x"]}))


def test_user_lexicon_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "cov.yaml"
    path.write_text(
        "version: 1\nplaces:\n  - name: Kyiv\n    kind: town\n    aliases: [Kyiv]\nunits: []\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"cov.yaml:4: places\[0\].kind"):
        load_coverage_lexicon(path)


# --- the seeds (read them: seeds/*.txt) ----------------------------------------------


@pytest.fixture(scope="module")
def seed_cov(seed_analysis: Analysis) -> pd.DataFrame:
    return coverage(seed_analysis.sentences, sources=seed_analysis.articles["source"])


def _sources(cov: pd.DataFrame, item: str) -> set[str]:
    rows = cov[(cov["item"] == item) & (cov["n_mentions"] > 0)]
    return set(rows["source"])


ALL = {"RT", "The Moscow Times", "The Guardian", "CGTN", "China Daily"}


@pytest.mark.parametrize(
    ("item", "sources"),
    [
        # The Moscow Times and China Daily: "314 prisoners"; RT: "314 combatants";
        # The Guardian: "157 prisoners of war each"; CGTN: "each side returning 157 detainees"
        ("314 prisoners", {"The Moscow Times", "China Daily"}),
        ("314 combatants", {"RT"}),
        ("157 prisoners each", {"The Guardian", "CGTN"}),
        ("5 months", {"The Moscow Times", "CGTN"}),
        ("4 years", {"The Guardian", "China Daily"}),
        ("Steve Witkoff", ALL),
        ("Volodymyr Zelenskyy", ALL),
        ("Abu Dhabi", ALL),
        ("Kyrylo Budanov", {"The Guardian"}),
        ("Sergey Lavrov", {"RT", "CGTN"}),
        ("Jared Kushner", {"The Moscow Times"}),
        ("Donbas", {"RT", "The Moscow Times", "The Guardian", "China Daily"}),
        ("Luhansk", {"RT"}),
    ],
)
def test_seed_coverage(seed_cov: pd.DataFrame, item: str, sources: set[str]) -> None:
    assert _sources(seed_cov, item) == sources


def test_seed_numbers_are_facts_not_noise(seed_cov: pd.DataFrame) -> None:
    numbers = set(seed_cov.loc[seed_cov["kind"] == "number", "item"])
    assert numbers == {
        "314 prisoners", "314 combatants", "157 prisoners each", "2 days", "3 hours",
        "5.5 hours", "4 years", "5 months",
    }  # fmt: skip
    # RT's "voted to join Russia in 2022" is a year; Serhii's age (38) and the CGTN photo
    # caption's date are not figures (the caption is removed as a duplicate by cleaning)
    assert set(seed_cov.loc[seed_cov["kind"] == "date", "item"]) == {"2022"}


def test_seed_mentions_trace_back_to_the_cleaned_text(
    seed_analysis: Analysis, seed_docs: dict[str, Document]
) -> None:
    mentions = coverage_mentions(seed_analysis.sentences)
    assert len(mentions) > 100
    for row in mentions.itertuples():
        assert seed_docs[str(row.article_id)].text[row.start : row.end] == row.as_written


def test_mentions_in_chunks_equal_one_pass(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    import framing.extract.coverage as cov

    whole = coverage_mentions(seed_analysis.sentences)
    monkeypatch.setattr(cov, "CHUNK_SENTENCES", 3)
    pd.testing.assert_frame_equal(coverage_mentions(seed_analysis.sentences), whole)


def test_coverage_table_of_an_analysis_is_the_mentions_of_its_sentences(
    seed_analysis: Analysis,
) -> None:
    # computed per article in the workers; the same as the table function over sentences
    assert len(seed_analysis.coverage) > 100
    pd.testing.assert_frame_equal(
        seed_analysis.coverage, coverage_mentions(seed_analysis.sentences), check_exact=True
    )


def test_article_mentions_stay_within_their_sentence() -> None:
    from framing.actors import load_actors
    from framing.extract.coverage import article_mention_rows, default_coverage_lexicon

    resources = {"actors": load_actors(), "lexicon": default_coverage_lexicon()}
    # "Abu Dhabi" would run across the break between the two sentences: not a mention
    split = [("Talks went on in Abu", 0), ("Dhabi and Moscow.", 21)]
    rows = article_mention_rows("a", "S", split, **resources)
    assert [(r["item"], r["start"], r["end"], r["context"]) for r in rows] == [
        ("Moscow", 31, 37, "Dhabi and [Moscow].")
    ]
    whole = article_mention_rows(
        "a", "S", [("Talks went on in Abu Dhabi and Moscow.", 0)], **resources
    )
    assert [r["item"] for r in whole] == ["Abu Dhabi", "Moscow"]
    with pytest.raises(ValueError, match="out of order"):
        article_mention_rows("a", "S", [("Moscow.", 10), ("Kyiv.", 0)], **resources)


def test_coverage_mentions_in_chunks_of_whole_articles(
    seed_analysis: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    import framing.extract.coverage as module

    whole = coverage_mentions(seed_analysis.sentences)
    monkeypatch.setattr(module, "CHUNK_SENTENCES", 7)  # every chunk cut at an article's end
    pd.testing.assert_frame_equal(coverage_mentions(seed_analysis.sentences), whole)


def test_places_are_as_written_on_either_path() -> None:
    """Case checks see the text as written, whether or not it was matched lower-cased."""
    for text in ("KYIV and us and the US", "KYIV and us and the US, café"):
        assert [m.as_written for m in find_places(text)] == ["KYIV", "the US"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "İ" and "ı" match "i" under re.IGNORECASE, but fold to "i̇" and "ı", not "i"
        ("talks in İstanbul", [("place", "Istanbul", "İstanbul")]),
        (
            "talks in ISTANBUL and İSTANBUL",
            [("place", "Istanbul", "ISTANBUL"), ("place", "Istanbul", "İSTANBUL")],
        ),
        (
            "talks in Istanbul with PUTİN",
            [("place", "Istanbul", "Istanbul"), ("actor", "Vladimir Putin", "PUTİN")],
        ),
    ],
)
def test_letters_that_match_i_under_ignorecase(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _found(text) == expected
    assert [(m.item, m.as_written) for m in find_places(text) if m.item == "Istanbul"] == [
        (item, as_written) for _, item, as_written in expected if item == "Istanbul"
    ]


def test_analyze_article_with_letters_that_match_i_under_ignorecase() -> None:
    text = (
        "Delegations met in İstanbul on Tuesday, officials said.\n"
        "Russia said Ukraine fired 12 MİSSİLES at the city overnight, and PUTİN called it "
        "a provocation that could delay the talks by FİVE DAYS.\n"
    )
    result = analyze_article(Article("tr", "tr.txt", text, source="Wire"))
    assert result.error is None
    found = {(row["kind"], row["item"]) for row in result.coverage}
    assert {("place", "Istanbul"), ("number", "12 missiles"), ("number", "5 days")} <= found
    assert ("actor", "Vladimir Putin") in found


def test_figures_count_a_number_once_and_keep_durations_and_amounts_apart() -> None:
    from framing.compare.coverage import figures

    rows = [
        ("314 prisoners", 314.0, "prisoners", "A"),
        ("314 combatants", 314.0, "combatants", "B"),
        ("2 days", 2.0, "days", "A"),
        ("70%", 70.0, "%", "B"),
        ("70 people", 70.0, "people", "C"),
    ]
    table = pd.DataFrame(
        {
            "item": [r[0] for r in rows],
            "kind": "number",
            "value": [r[1] for r in rows],
            "unit": [r[2] for r in rows],
            "source": [r[3] for r in rows],
            "n_mentions": 1,
        }
    )
    out = figures(table).set_index("figure")
    assert out.loc["314", "nouns"] == "combatants, prisoners" and out.loc["314", "n_sources"] == 2
    assert out.loc["2 days", "kind"] == "duration" and out.loc["70%", "kind"] == "amount"
    assert out.loc["70", "nouns"] == "people" and out.loc["70", "omitted_by"] == "A; B"
