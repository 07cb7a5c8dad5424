"""Lexical framing: matching rules, voice, lexicon schema, and hand counts on the seeds."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from framing.document import Document, document_from_text
from framing.extract.terms import (
    TERM_COLUMNS,
    Lexicon,
    default_lexicon,
    extract_terms,
    form_regex,
    load_lexicon,
)
from framing.lexicon import LexiconError
from tests.conftest import CGTN, CHINA_DAILY, GUARDIAN, MOSCOW_TIMES, RT


def matches(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, str]]:
    """(variant, matched) of every match in ``text``."""
    rows = extract_terms(document_from_text(text), lexicon=lexicon)
    return [(r["variant"], r["matched"]) for r in rows]


# ---------------------------------------------------------------- matching rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # case-insensitive
        ("KYIV and kiev", [("Kyiv", "KYIV"), ("Kiev", "kiev")]),
        # possessives count as the base variant, straight or curly apostrophe
        ("Kyiv's allies", [("Kyiv", "Kyiv's")]),
        ("Kyiv’s allies", [("Kyiv", "Kyiv’s")]),
        ("the conflict’s escalation", [("conflict", "conflict’s")]),
        # a closing quote mark after a word is not a possessive
        ("they said ‘Kyiv’ twice", [("Kyiv", "Kyiv")]),
        # longest match wins: counted once, as the longer phrase
        ("the Kyiv regime said", [("Kyiv regime", "Kyiv regime")]),
        ("the Kyiv’s regime said", [("Kyiv regime", "Kyiv’s regime")]),
        ("the regime in Kiev", [("Kiev regime", "regime in Kiev")]),
        ("the Ukraine crisis", [("Ukraine crisis", "Ukraine crisis")]),
        ("the war in Ukraine", [("war", "war in Ukraine")]),
        ("Ukrainian government", [("Ukrainian government", "Ukrainian government")]),
        # word boundaries
        ("Kyivstar is a phone company", []),
        ("Donbass", [("Donbass", "Donbass")]),
        ("Donbas", [("Donbas", "Donbas")]),
        ("Zelenskyy", [("Zelenskyy", "Zelenskyy")]),
        ("Zelensky", [("Zelensky", "Zelensky")]),
        ("Zelenskiy", [("Zelenskiy", "Zelenskiy")]),
        ("the two warring countries", []),
        ("post-war Europe and anti-war protests", []),
        ("a war-torn city", []),
        ("warmongers in Europe", [("warmongers", "warmongers")]),
        ("Kyiv-based analysts", [("Kyiv", "Kyiv")]),  # compounds allowed for place names
        # phrases that do not name this war are recognised as their own variants
        ("157 prisoners of war each", [("prisoners of war", "prisoners of war")]),
        ("since the second world war", [("world wars", "second world war")]),
        ("since World War II", [("world wars", "World War II")]),
        ("the humanitarian crisis", [("other crises", "humanitarian crisis")]),
        # flexible inner whitespace / hyphen
        ("the full-scale invasion", [("full-scale invasion", "full-scale invasion")]),
        ("the full scale invasion", [("full-scale invasion", "full scale invasion")]),
        ("the full  -  scale invasion", [("full-scale invasion", "full  -  scale invasion")]),
        (
            "the special  military operation",
            [("special military operation", "special  military operation")],
        ),
        ("the Russia-Ukraine war", [("war", "Russia-Ukraine war")]),
        ("the Russia Ukraine war", [("war", "Russia Ukraine war")]),
        # optional words: "maximalist (territorial) demands"
        ("maximalist demands", [("maximalist demands", "maximalist demands")]),
        (
            "maximalist territorial demands",
            [("maximalist demands", "maximalist territorial demands")],
        ),
        (
            "maximalist-territorial demands",
            [("maximalist demands", "maximalist-territorial demands")],
        ),
        # several matches in text order
        (
            "Kharkov, Odessa and Lugansk; Kharkiv, Odesa and Luhansk.",
            [
                ("Kharkov", "Kharkov"),
                ("Odessa", "Odessa"),
                ("Lugansk", "Lugansk"),
                ("Kharkiv", "Kharkiv"),
                ("Odesa", "Odesa"),
                ("Luhansk", "Luhansk"),
            ],
        ),
        ("regions that voted to join Russia", [("voted to join Russia", "voted to join Russia")]),
        ("regions Russia illegally annexed", [("illegally annexed", "illegally annexed")]),
        ("Russia annexed Crimea", [("annexed", "annexed")]),
        ("the occupied territories", [("occupied territories", "occupied territories")]),
        ("the new regions", [("new regions", "new regions")]),
    ],
)
def test_matching_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert matches(text) == expected


def test_phrase_does_not_cross_a_paragraph_break() -> None:
    assert matches("full-scale\ninvasion") == [("invasion", "invasion")]


def test_offsets_and_context_trace_back_to_the_text() -> None:
    doc = document_from_text("Intro line.\nPeskov said the Kyiv regime must act.", source="X")
    (row,) = extract_terms(doc)
    assert doc.text[row["start"] : row["end"]] == row["matched"] == "Kyiv regime"
    assert row["paragraph"] == 1
    assert row["sentence_idx"] == 1
    assert "[Kyiv regime]" in row["context"]
    assert row["source"] == "X"
    assert row["article_id"] == "doc"
    assert row["group"] == "government_label"
    assert row["pole"] == "ru_state"
    assert row["counts"] is True


def test_columns_are_the_contract_then_extras() -> None:
    (row,) = extract_terms(document_from_text("Kyiv"))
    assert list(row) == list(TERM_COLUMNS)
    assert list(row)[:12] == [
        "article_id", "source", "group", "variant", "pole", "matched",
        "voice", "speaker", "paragraph", "start", "end", "context",
    ]  # fmt: skip


def test_non_conflict_phrases_do_not_count() -> None:
    rows = extract_terms(document_from_text("the prisoners of war and the war"))
    assert [(r["group"], r["counts"]) for r in rows] == [
        ("non_conflict", False),
        ("conflict_name", True),
    ]


# ---------------------------------------------------------------- voice


def test_voice_from_quote_marks_without_quote_rows() -> None:
    doc = document_from_text("“The Kiev regime lies,” he said of Kyiv.")
    rows = extract_terms(doc)
    assert [(r["variant"], r["voice"], r["speaker"], r["quote_kind"]) for r in rows] == [
        ("Kiev regime", "quoted", "", "unattributed"),
        ("Kyiv", "narrator", "", ""),
    ]


def test_voice_and_speaker_from_quote_rows() -> None:
    text = "Peskov said the Kyiv regime must act. “The special military operation goes on,” he said. Kyiv refused."
    doc = document_from_text(text)
    indirect_start = text.index("the Kyiv regime")
    direct_start = text.index("The special")
    quotes: list[dict[str, Any]] = [
        {"kind": "indirect", "speaker": "Dmitry Peskov", "quote_id": "doc:q0",
         "start": indirect_start, "end": text.index(". “")},
        {"kind": "direct", "speaker": "Dmitry Peskov", "quote_id": "doc:q1",
         "start": direct_start, "end": text.index(",” he")},
    ]  # fmt: skip
    rows = extract_terms(doc, quotes=quotes)
    got = [(r["variant"], r["voice"], r["speaker"], r["quote_kind"], r["quote_id"]) for r in rows]
    assert got == [
        ("Kyiv regime", "quoted", "Dmitry Peskov", "indirect", "doc:q0"),
        ("special military operation", "quoted", "Dmitry Peskov", "direct", "doc:q1"),
        ("Kyiv", "narrator", "", "", ""),
    ]


def test_narrowest_quote_row_wins_and_missing_speaker_is_empty() -> None:
    text = "He said that Moscow wants a 'neutral and benevolent Ukraine' now."
    doc = document_from_text(text)
    inner = text.index("neutral and")
    quotes = [
        {"kind": "indirect", "speaker": "Sergey Lavrov", "start": 13, "end": len(text) - 1},
        {"kind": "partial", "speaker": None, "start": inner, "end": inner + 30},
    ]
    (row,) = extract_terms(doc, quotes=quotes)
    assert (row["voice"], row["speaker"], row["quote_kind"]) == ("quoted", "", "partial")


# ---------------------------------------------------------------- lexicon


def test_default_lexicon_is_cached_and_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    assert load_lexicon() is lex
    assert isinstance(lex.pattern.ignorecase, re.Pattern)
    assert isinstance(lex.pattern.lowercase, re.Pattern)
    assert len(lex.version) == 12

    def no_compile(*args: object, **kwargs: object) -> None:
        raise AssertionError("extract_terms must not compile patterns")

    doc = document_from_text("Kyiv and the war")
    monkeypatch.setattr(re, "compile", no_compile)
    assert len(extract_terms(doc)) == 2


def test_matched_is_as_written_on_either_path() -> None:
    for text in ("KYIV’s kyiv Kyiv — WAR", "KYIV’s kyiv Kyiv — WAR é"):
        rows = extract_terms(document_from_text(text))
        assert [r["matched"] for r in rows] == ["KYIV’s", "kyiv", "Kyiv", "WAR"]


REQUIRED_GROUPS = {
    "capital": {"Kyiv", "Kiev"},
    "government_label": {"Kyiv regime", "Kiev regime", "Ukrainian government"},
    "region": {"Donbas", "Donbass"},
    "luhansk": {"Luhansk", "Lugansk"},
    "kharkiv": {"Kharkiv", "Kharkov"},
    "odesa": {"Odesa", "Odessa"},
    "president_name": {"Zelensky", "Zelenskyy", "Zelenskiy"},
    "conflict_name": {
        "special military operation", "war", "invasion", "full-scale invasion",
        "conflict", "crisis", "Ukraine crisis",
    },
    "annexation": {
        "voted to join Russia", "annexed", "illegally annexed", "occupied territories", "new regions",
    },
    "evaluative": {
        "maximalist demands", "draconian terms", "neutral and benevolent Ukraine", "warmongers",
    },
}  # fmt: skip


def test_default_lexicon_has_the_required_groups_and_sources() -> None:
    lex = load_lexicon()
    names = {g.group: {v.variant for v in g.variants} for g in lex.groups}
    for group, variants in REQUIRED_GROUPS.items():
        assert variants <= names[group], group
    for v in lex.variants:
        assert v.sources and v.forms and v.pole in lex.poles
    assert lex.variant("capital", "Kyiv").pole == "ua_western"
    assert lex.variant("capital", "Kiev").pole == "ru_state"
    assert any("2019" in s for s in lex.variant("capital", "Kyiv").sources)


def test_form_regex_optional_words() -> None:
    pattern = re.compile(form_regex("maximalist (territorial) demands"), re.I)
    assert pattern.fullmatch("maximalist demands")
    assert pattern.fullmatch("Maximalist territorial demands")
    assert not pattern.fullmatch("maximalist  demands territorial")


MINIMAL = """\
version: 1
poles:
  red: one side
  blue: other side
groups:
  - group: colour
    variants:
      - variant: crimson
        pole: red
        forms: [crimson, deep red]
        sources: [a style guide]
      - variant: navy
        pole: blue
        forms: [navy]
        sources: [another]
"""


def write(tmp_path: Path, text: str, name: str = "lex.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_lexicon_replaces_the_default(tmp_path: Path) -> None:
    lex = load_lexicon(write(tmp_path, MINIMAL))
    assert [g.group for g in lex.groups] == ["colour"]
    assert matches("Deep-red and navy, not Kyiv", lex) == [
        ("crimson", "Deep-red"),
        ("navy", "navy"),
    ]


def test_user_lexicon_extends_the_default(tmp_path: Path) -> None:
    text = """\
version: 1
extends: default
groups:
  - group: capital
    variants:
      - variant: Kyiv
        pole: ua_western
        forms: [Kyiv, Kyjiw]
        sources: [German usage]
  - group: extra
    variants:
      - variant: meat grinder
        pole: neutral
        forms: [meat grinder]
        sources: [test]
"""
    lex = load_lexicon(write(tmp_path, text))
    assert "+" in lex.version
    assert matches("Kyjiw, Kiev, the meat grinder and Donbass", lex) == [
        ("Kyiv", "Kyjiw"),
        ("meat grinder", "meat grinder"),
        ("Donbass", "Donbass"),
    ]


def test_user_lexicon_is_reloaded_when_the_file_changes(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    first = load_lexicon(path)
    assert load_lexicon(path) is first
    write(tmp_path, MINIMAL.replace("[navy]", "[navy, ultramarine]"))
    assert matches("ultramarine", load_lexicon(path)) == [("navy", "ultramarine")]


@pytest.mark.parametrize(
    ("edit", "line", "key", "message"),
    [
        (("version: 1", "version: 1\nvarsion: 2"), 2, "terms.varsion", "unknown key"),
        (
            ("  - group: colour\n", "  - group: colour\n    colour: x\n"),
            7,
            "groups[0].colour",
            "unknown key",
        ),
        (
            ("        forms: [navy]", "        froms: [navy]"),
            14,
            "variants[1].froms",
            "unknown key",
        ),
        (("        pole: blue\n", ""), 12, "groups[0].variants[1]", "missing key 'pole'"),
        (("        sources: [another]\n", ""), 12, "variants[1]", "missing key 'sources'"),
        (("forms: [navy]", "forms: navy"), 14, "variants[1].forms", "expected a list"),
        (("forms: [navy]", "forms: []"), 14, "variants[1].forms", "non-empty list"),
        (("forms: [navy]", "forms: [navy, 3]"), 14, "variants[1].forms[1]", "non-empty string"),
        (("pole: blue", "pole: green"), 13, "variants[1].pole", "unknown pole 'green'"),
        (
            ("forms: [navy]", "forms: [navy, deep red]"),
            14,
            "variants[1].forms[1]",
            "duplicate form 'deep red' (also in colour/crimson)",
        ),
        (
            ("forms: [navy]", "forms: [navy, Deep-Red]"),
            14,
            "variants[1].forms[1]",
            "duplicate form",
        ),
        (
            ("forms: [navy]", "forms: [navy, (dark)]"),
            14,
            "variants[1].forms[1]",
            "at least one word",
        ),
        (
            ("forms: [navy]", "forms: [navy, 'dark (navy']"),
            14,
            "variants[1].forms[1]",
            "unbalanced",
        ),
        (("variant: navy", "variant: crimson"), 12, "variants[1].variant", "duplicate variant"),
        (
            ("  - group: colour\n", "  - group: colour\n    counts: maybe\n"),
            7,
            "groups[0].counts",
            "bool",
        ),
        (
            ("  - group: colour\n", "  - group: colour\n    alternatives: no idea\n"),
            7,
            "groups[0].alternatives",
            "bool",
        ),
        (("version: 1\n", ""), 1, "terms", "missing key 'version'"),
        (("forms: [navy]", "forms: [navy"), None, "", "invalid YAML"),
    ],
)
def test_schema_errors_name_file_line_and_key(
    tmp_path: Path, edit: tuple[str, str], line: int | None, key: str, message: str
) -> None:
    old, new = edit
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new))
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    err = info.value
    assert err.path == str(path)
    if line is not None:
        assert err.line == line
    else:
        assert err.line is not None
    assert key in err.key
    assert message in str(err)
    assert str(path) in str(err)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(tmp_path / "nope.yaml")


# ---------------------------------------------------------------- seeds, counted by hand

# Hand counts on the CLEANED seed articles (no CGTN cookie banner, /VCG captions or
# repeated block, no "(With input from Xinhua)", "Agencies Via Xinhua", or Moscow Times
# donation block), read paragraph by paragraph. Every variant of the default lexicon not
# listed here must have 0 matches.
#
# RT (000): conflict: "resolving the conflict" (p0), "the conflict’s escalation" (p3);
#   Ukraine crisis: "settle the Ukraine crisis" (p1); Zelensky: p4, "Zelensky’s" and
#   "that Zelensky" (p6); Donbass, Lugansk, voted to join Russia (p5); Kyiv: "Kyiv has
#   consistently refused" (p5), "accused Kyiv" (p6); ever-new demands (p6).
#   Not matched: "military-to-military".
# The Moscow Times (001): war: "the war in Ukraine" (p2, p12), "end the war by day one"
#   (p4), "ending the war" (p5); invasion (p6); conflict (p9); Kyiv regime and special
#   military operation (p10, Peskov); Donbas (p11); Zelensky (p11, p15).
#   Not matched: "two warring countries" (p0).
# The Guardian (002): conflict, second world war (p0); prisoners of war (p1); Kyiv:
#   "from Kyiv and Moscow" (p3), "Kyiv’s strongest" (p11), "what Kyiv and its allies"
#   (p14); war: "four years into the war" (p3), "ending the war" (p5), "winning the war"
#   (p12); Zelenskyy (p6); maximalist (territorial) demands, Donbas (p10); draconian
#   terms (p12).
# CGTN (003): conflict: "settlement of the conflict" (p1), "ending the conflict" (p2);
#   Zelenskyy: p2, p6, p7, p8; Kiev (p2); neutral and benevolent Ukraine (p4);
#   crisis: "easing the crisis" (p9).
# China Daily (004): conflict: "four-year conflict" (p2), "the conflict should be
#   frozen" (p20); Kyiv: p2, p18, p20, p23, "Kyiv residents" (p24); Donbas (p18); Kyiv
#   regime (p19, Peskov); Zelensky: p21, p22, p23.
SEED_COUNTS: dict[str, dict[str, int]] = {
    RT: {
        "conflict": 2, "Ukraine crisis": 1, "Zelensky": 3, "Donbass": 1, "Lugansk": 1,
        "voted to join Russia": 1, "Kyiv": 2, "ever-new demands": 1,
    },
    MOSCOW_TIMES: {
        "war": 4, "invasion": 1, "conflict": 1, "Kyiv regime": 1,
        "special military operation": 1, "Donbas": 1, "Zelensky": 2,
    },
    GUARDIAN: {
        "conflict": 1, "world wars": 1, "prisoners of war": 1, "Kyiv": 3, "war": 3,
        "Zelenskyy": 1, "maximalist demands": 1, "Donbas": 1, "draconian terms": 1,
    },
    CGTN: {
        "conflict": 2, "Zelenskyy": 4, "Kiev": 1, "neutral and benevolent Ukraine": 1,
        "crisis": 1,
    },
    CHINA_DAILY: {"conflict": 2, "Kyiv": 5, "Donbas": 1, "Kyiv regime": 1, "Zelensky": 3},
}  # fmt: skip


@pytest.mark.parametrize("article_id", list(SEED_COUNTS))
def test_seed_counts_for_every_variant(seed_docs: dict[str, Document], article_id: str) -> None:
    lex = load_lexicon()
    rows = extract_terms(seed_docs[article_id], lexicon=lex)
    got = Counter(r["variant"] for r in rows)
    for variant in lex.variants:
        expected = SEED_COUNTS[article_id].get(variant.variant, 0)
        assert got[variant.variant] == expected, (article_id, variant.variant)
    assert sum(got.values()) == sum(SEED_COUNTS[article_id].values())


def test_seed_matches_are_exact_text(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for row in extract_terms(doc):
            assert doc.text[row["start"] : row["end"]] == row["matched"]
            assert row["article_id"] == doc.article_id


def test_seed_voice_from_quote_marks(seed_docs: dict[str, Document]) -> None:
    """Without quote rows, only text inside quotation marks is quoted."""
    mt = {r["variant"]: r["voice"] for r in extract_terms(seed_docs[MOSCOW_TIMES])}
    assert mt["Kyiv regime"] == mt["special military operation"] == "quoted"
    assert mt["invasion"] == "narrator"
    guardian = {r["variant"]: r["voice"] for r in extract_terms(seed_docs[GUARDIAN])}
    assert guardian["maximalist demands"] == guardian["draconian terms"] == "narrator"
    cd = [r for r in extract_terms(seed_docs[CHINA_DAILY]) if r["variant"] == "Kyiv regime"]
    assert [r["voice"] for r in cd] == ["quoted"]


def test_evaluative_group_lists_expressions_not_alternatives() -> None:
    groups = {g.group: g for g in default_lexicon().groups}
    assert groups["evaluative"].alternatives is False
    assert groups["capital"].alternatives is True
