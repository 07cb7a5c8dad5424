"""Per-source term-choice tables and the lexical framing index."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.compare.terms import (
    CHOICE_COLUMNS,
    INDEX_COLUMNS,
    INTERVAL_COLUMNS,
    framing_index,
    term_choice,
    term_choice_by_voice,
)
from framing.document import Document, document_from_text
from framing.extract.terms import extract_terms
from tests.conftest import GUARDIAN, RT


def terms_of(*articles: tuple[str, str, str]) -> pd.DataFrame:
    """Terms table of inline ``(article_id, source, text)`` articles."""
    rows = []
    for article_id, source, text in articles:
        rows += extract_terms(document_from_text(text, article_id=article_id, source=source))
    return pd.DataFrame(rows)


def test_term_choice_shares_per_source_and_group() -> None:
    terms = terms_of(
        ("a1", "A", "Kyiv, Kyiv and Kiev. The war."),
        ("b1", "B", "Kiev."),
    )
    out = term_choice(terms)
    assert list(out.columns) == [*CHOICE_COLUMNS, *INTERVAL_COLUMNS]
    got = {(r.source, r.group, r.variant): (r.n, r.group_total, r.share) for r in out.itertuples()}
    assert got == {
        ("A", "capital", "Kiev"): (1, 3, pytest.approx(1 / 3)),
        ("A", "capital", "Kyiv"): (2, 3, pytest.approx(2 / 3)),
        ("A", "conflict_name", "war"): (1, 1, 1.0),
        ("B", "capital", "Kiev"): (1, 1, 1.0),
        ("B", "capital", "Kyiv"): (0, 1, 0.0),  # unused variant listed with n = 0
    }
    assert out.groupby(["source", "group"])["share"].sum().tolist() == pytest.approx([1, 1, 1])


def test_term_choice_by_voice_and_non_counting_rows() -> None:
    terms = terms_of(("a1", "A", "“The Kiev regime,” he said of Kyiv and prisoners of war."))
    assert set(terms["voice"]) == {"quoted", "narrator"}
    narrator = term_choice(terms, voice="narrator")
    assert narrator[["group", "variant", "n"]].values.tolist() == [["capital", "Kyiv", 1]]
    everything = term_choice(terms)
    assert set(everything["variant"]) == {"Kyiv", "Kiev regime"}  # prisoners of war: counts=False
    quoted = term_choice(terms, voice="quoted")
    assert quoted["variant"].tolist() == ["Kiev regime"]
    both = term_choice_by_voice(terms)
    assert list(both.columns) == ["voices", *CHOICE_COLUMNS, *INTERVAL_COLUMNS]
    assert both.groupby("voices").size().to_dict() == {"all": 2, "narrator": 1, "own": 1}


def test_own_words_include_reported_speech_not_quotation_marks() -> None:
    text = (
        "Russian officials insist on a withdrawal from the Donbass. "
        "Peskov said the “Kiev regime” must go. Kyiv refused."
    )
    doc = document_from_text(text, article_id="a1", source="A")
    donbass = text.index("Donbass")
    quotes = [
        {"start": 0, "end": donbass + 7, "speaker": "Russian officials", "kind": "indirect"},
        {
            "start": text.index("Kiev"),
            "end": text.index("” must"),
            "speaker": "Dmitry Peskov",
            "kind": "partial",
        },
    ]
    terms = pd.DataFrame(extract_terms(doc, quotes=quotes))
    by_variant = terms.set_index("variant")
    assert by_variant.loc["Donbass", "voice"] == "quoted"  # attributed statement...
    assert by_variant.loc["Donbass", "own_words"]  # ...but the outlet's spelling
    assert not by_variant.loc["Kiev regime", "own_words"]  # inside quotation marks
    assert by_variant.loc["Kyiv", "own_words"]
    own = term_choice(terms, voice="own")
    assert sorted(own["variant"]) == ["Donbass", "Kyiv"]
    assert framing_index(terms).iloc[0]["index"] == 0.0  # Donbass +1, Kyiv -1


def test_term_choice_empty_and_bad_voice() -> None:
    empty = terms_of(("a1", "A", "Nothing here."))
    assert empty.empty
    columns = ["article_id", "source", "group", "variant", "pole", "voice"]
    assert list(term_choice(pd.DataFrame(columns=columns)).columns)[:7] == CHOICE_COLUMNS
    with pytest.raises(ValueError, match="voice"):
        term_choice(terms_of(("a1", "A", "Kyiv")), voice="reporter")
    with pytest.raises(ValueError, match="lacks columns"):
        term_choice(pd.DataFrame({"source": ["A"]}))


def test_framing_index_formula() -> None:
    # capital: 1 ru (Kiev) vs 3 ua (Kyiv) -> (1 - 3) / 4 = -0.5
    # region: 1 ru (Donbass) -> +1; conflict and Zelensky are neutral: ignored
    # index = mean(-0.5, +1) = 0.25
    terms = terms_of(("a1", "A", "Kiev, Kyiv, Kyiv, Kyiv. Donbass. The conflict. Zelensky."))
    out = framing_index(terms)
    assert list(out.columns) == INDEX_COLUMNS
    row = out.iloc[0]
    assert row["index"] == pytest.approx(0.25)
    assert (row["n_articles"], row["n_groups"], row["n_ru"], row["n_ua"]) == (1, 2, 2, 3)
    assert math.isnan(row["ci_low"]) and math.isnan(row["ci_high"])  # a single article


def test_framing_index_narrator_by_default() -> None:
    terms = terms_of(
        ("a1", "A", "“The special military operation goes on,” he said. The invasion.")
    )
    assert framing_index(terms).iloc[0]["index"] == -1.0
    assert framing_index(terms, voice=None).iloc[0]["index"] == 0.0


def test_framing_index_bootstrap_is_deterministic_and_bounded() -> None:
    terms = terms_of(
        ("a1", "A", "Kiev and Donbass."),
        ("a2", "A", "Kyiv."),
        ("a3", "A", "Kyiv and the invasion."),
        ("b1", "B", "Kiev."),
    )
    first = framing_index(terms, seed=7, n_boot=500, min_articles=2)
    again = framing_index(terms, seed=7, n_boot=500, min_articles=2)
    pd.testing.assert_frame_equal(first, again)
    a = first.set_index("source").loc["A"]
    # pooled: capital 1 ru / 2 ua -> -1/3; region +1; conflict_name -1 -> mean = -1/9
    assert a["index"] == pytest.approx(-1 / 9)
    assert a["n_articles"] == 3
    assert -1 <= a["ci_low"] <= a["index"] <= a["ci_high"] <= 1
    b = first.set_index("source").loc["B"]
    assert b["index"] == 1.0 and math.isnan(b["ci_low"])
    # a source's CI does not depend on the other sources
    alone = framing_index(terms[terms["source"] == "A"], seed=7, n_boot=500, min_articles=2)
    assert alone.iloc[0]["ci_low"] == a["ci_low"]


def test_framing_index_counts_articles_without_matches() -> None:
    terms = terms_of(("a1", "A", "Kyiv."))
    articles = pd.DataFrame({"article_id": ["a1", "a2"], "source": ["A", "A"]})
    out = framing_index(terms, articles=articles, n_boot=200)
    assert out.iloc[0]["n_articles"] == 2
    assert out.iloc[0]["index"] == -1.0
    no_polar = framing_index(terms_of(("a1", "A", "The conflict.")))
    assert math.isnan(no_polar.iloc[0]["index"])


def seed_terms(seed_docs: dict[str, Document]) -> pd.DataFrame:
    """Terms of the cleaned seeds, voice from quote marks only (no quote rows)."""
    return pd.DataFrame([r for doc in seed_docs.values() for r in extract_terms(doc)])


def test_seed_region_spelling_by_source(seed_docs: dict[str, Document]) -> None:
    region = term_choice(seed_terms(seed_docs), voice="narrator").query("group == 'region'")
    used = region[region["n"] > 0].set_index("source")["variant"].to_dict()
    assert used["RT"] == "Donbass"
    assert used["The Guardian"] == "Donbas"
    assert region.set_index("source").loc["RT", "group_total"].tolist() == [1, 1]
    sources = {seed_docs[RT].source, seed_docs[GUARDIAN].source}
    assert sources == {"RT", "The Guardian"}


def test_seed_framing_index(seed_docs: dict[str, Document]) -> None:
    out = framing_index(seed_terms(seed_docs)).set_index("source")
    # RT narrator: Kyiv x2 (-1, capital), Donbass, Lugansk, voted to join Russia, Ukraine
    # crisis, ever-new demands (+1 each in their groups) -> mean(-1, 1, 1, 1, 1, 1) = 2/3
    assert out.loc["RT", "index"] == pytest.approx(2 / 3)
    # The Guardian narrator: Kyiv, war, Zelenskyy, Donbas, maximalist/draconian: all -1
    assert out.loc["The Guardian", "index"] == -1.0
    assert out["n_articles"].tolist() == [1, 1, 1, 1, 1]
    assert out["ci_low"].isna().all()
