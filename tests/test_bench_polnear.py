"""bench/polnear.py: .ann parsing, gold kinds, matching and scoring on synthetic data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_polnear", ROOT / "bench" / "polnear.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_polnear"] = module
    spec.loader.exec_module(module)
    return module


P = _load()

TEXT = (
    "Headline about the budget\n"
    "\n"
    "Senator Jane Doe said the plan would fail. "
    "“It is a disaster for everyone,” she told reporters.\n"
    "\n"
    "Officials believe the vote will pass, according to aides.\n"
)


def _span(word: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(word, at + 1)
    return at, at + len(word)


def _ann() -> str:
    src1, cue1 = _span("Senator Jane Doe"), _span("said")
    con1 = _span("the plan would fail")
    con2, src2 = _span("“It is a disaster for everyone,”"), _span("she")
    cue2 = _span("told")
    # a discontinuous Content ("Officials believe" ... "the vote will pass") and no Source
    a, b = _span("the vote")
    c, d = _span("will pass")
    cue3 = _span("according to")
    lines = [
        f"T1\tSource {src1[0]} {src1[1]}\tSenator Jane Doe",
        f"T2\tCue {cue1[0]} {cue1[1]}\tsaid",
        f"T3\tContent {con1[0]} {con1[1]}\tthe plan would fail",
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tContent {con2[0]} {con2[1]}\tIt is a disaster",
        f"T6\tSource {src2[0]} {src2[1]}\tshe",
        f"T7\tCue {cue2[0]} {cue2[1]}\ttold",
        f"T8\tAttribution {cue2[0]} {cue2[1]}\ttold",
        "E2\tAttribution:T8 Cue:T7 Source:T6 Content:T5",
        f"T9\tContent {a} {b};{c} {d}\tthe vote will pass",
        "a continuation line of a multi-line span text",
        f"T10\tCue {cue3[0]} {cue3[1]}\taccording to",
        f"T11\tAttribution-no-source {cue3[0]} {cue3[1]}\taccording to",
        "E3\tAttribution-no-source:T11 Content:T9 Cue:T10",
        "E4\tAttribution-no-source:T11",
        "#1\tAnnotatorNotes T3\ta note",
        "T12\tDiscuss 0 8\tHeadline",
    ]
    return "\n".join(lines) + "\n"


def test_parse_ann_reads_roles_fragments_and_missing_parts() -> None:
    gold = P.parse_ann(_ann(), "a1")
    assert [g.event for g in gold] == ["E1", "E2", "E3", "E4"]
    assert gold[0].source == (_span("Senator Jane Doe"),)
    assert gold[2].content == (_span("the vote"), _span("will pass"))
    assert not gold[2].has_source
    assert gold[3].content == ()


def _write_corpus(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir(parents=True)
    (data / "dev" / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    (data / "dev" / "attributions" / "a1_b222.ann").write_text(_ann(), encoding="utf-8")
    (data / "dev" / "attributions" / "a1_a111.ann").write_text("", encoding="utf-8")
    (data / "dev" / "attributions" / "a1_c333.ann").write_text("", encoding="utf-8")
    (data / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\ttitle\tpublication_date\n"
        "dev\ta1\tsynthetic-daily\tHeadline\t2016-01-01\n",
        encoding="utf-8",
    )
    return tmp_path


def test_load_split_picks_first_annotator_and_refuses_test(tmp_path: Path) -> None:
    root = _write_corpus(tmp_path)
    (art,) = P.load_split(root, "dev")
    assert art.publisher == "synthetic-daily"
    assert art.gold == []  # a1_a111.ann (empty) sorts first
    (root / "data" / "dev" / "attributions" / "a1_a111.ann").unlink()
    (art,) = P.load_split(root, "dev")
    assert len(art.gold) == 4
    with pytest.raises(ValueError):
        P.load_split(root, "test")


def test_gold_items_kinds_speech_and_skipped_empty_content(tmp_path: Path) -> None:
    root = _write_corpus(tmp_path)
    (root / "data" / "dev" / "attributions" / "a1_a111.ann").unlink()
    (art,) = P.load_split(root, "dev")
    items = P.gold_items(art)
    assert len(items) == 3  # E4 has no Content
    assert [i.kind for i in items] == ["indirect", "direct", "indirect"]
    assert [i.speech for i in items] == [True, True, True]
    assert not P.is_speech_cue("believe")
    assert P.is_speech_cue("told reporters") and P.is_speech_cue("Adding")


def test_partial_kind_and_dice() -> None:
    text = "He called it “a sham” and a waste."
    starts = P.token_starts(text)
    whole = P.tokens_in(starts, [(text.index("it"), len(text))])
    assert P.gold_kind(whole, P.quoted_regions(text)) == "partial"
    assert P.dice(frozenset({1, 2, 3}), frozenset({3, 4})) == pytest.approx(2 / 5)


def _pred(tokens: set[int], speaker: str = "") -> object:
    return P.Pred(frozenset(tokens), "indirect", speaker, speaker, "say", "")


def _gold(tokens: set[int], source: str = "X", speech: bool = True) -> object:
    attribution = P.GoldAttribution("a", "E", ((0, 1),), ((0, 1),), ((0, 1),))
    return P.GoldItem(attribution, frozenset(tokens), "indirect", speech, source, "said")


def test_match_is_one_to_one_and_greedy_by_overlap() -> None:
    gold = [_gold({1, 2, 3, 4}), _gold({5, 6})]
    pred = [_pred({1, 2, 3, 4, 5, 6}), _pred({1, 2, 3, 4}), _pred({9})]
    pairs = P.match(gold, pred, 0.3)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1), (1, 0)]
    assert [(i, j) for i, j, _ in P.match(gold, pred, 0.8)] == [(0, 1)]


def test_score_speech_slice_and_speaker() -> None:
    golds = {
        "a": [
            _gold({1, 2, 3}, "Senator Jane Doe"),
            _gold({4, 5, 6}, "she"),
            _gold({7, 8}, "Officials", speech=False),
            _gold({20, 21}, "Bob"),
        ]
    }
    preds = {
        "a": [_pred({1, 2, 3}, "Doe"), _pred({4, 5, 6}, "Jane Doe"), _pred({7, 8}), _pred({30})]
    }
    s = P.score(golds, preds, 0.3)
    assert (s.n_gold, s.n_pred, s.n_matched) == (4, 4, 3)
    assert s.precision == pytest.approx(3 / 4) and s.recall == pytest.approx(3 / 4)
    # slice: 2 of 3 speech gold matched; the prediction matched to the belief is left out
    assert s.speech_recall == pytest.approx(2 / 3)
    assert s.speech_precision == pytest.approx(2 / 3)
    # "Doe" matches "Senator Jane Doe"; a resolved "she" does not; "Officials" vs "" not
    assert s.speaker_pairs == 3 and s.speaker_pronoun_pairs == 1
    assert s.speaker_accuracy == pytest.approx(1 / 3)


def test_same_speaker_strips_titles_and_possessives() -> None:
    assert P.same_speaker("Sen. Ted Cruz", "Cruz", "")
    assert P.same_speaker("Trump's campaign", "", "Donald Trump")
    assert not P.same_speaker("the president", "Mr. Obama", "")
    assert P.same_speaker("he", "He", "Barack Obama")
    assert P.same_speaker("The chairman", "chairman", "")
    assert not P.same_speaker("The chairman", "Smith", "")


def test_cleaned_offsets_map_back_to_raw_tokens() -> None:
    from framing.clean import clean_article
    from framing.corpus import Article

    raw = "Title line\n\nFirst para\u200bgraph here.\n\n\nSecond paragraph, “quoted words here,” she said.\n"
    record = Article(article_id="x", file="x.txt", text=raw)
    doc, cleaned = clean_article(record)
    mapping = P.cleaned_to_raw(raw, cleaned.paragraphs, doc.text, doc.paragraphs)
    at = doc.text.index("quoted")
    assert mapping[at] == raw.index("quoted")
    assert mapping[doc.text.index("Second")] == raw.index("Second")


def test_baseline_finds_quotes_and_speaker_before_said() -> None:
    raw = 'Jane Doe said: "We will win this race." Short "two words" here.\n'
    (stmt,) = P.baseline_statements(raw)
    assert raw[stmt[0] : stmt[1]] == '"We will win this race."'
    assert stmt[2] == "Jane Doe"


def test_an_article_framing_cannot_analyse_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _write_corpus(tmp_path)
    (root / "data" / "dev" / "attributions" / "a1_a111.ann").unlink()
    (root / "data" / "dev" / "text" / "a1.txt").write_text(
        "Президент заявил, что переговоры продолжатся. Министр сказал то же самое.\n",
        encoding="utf-8",
    )
    (art,) = P.load_split(root, "dev")
    assert P.predict_framing([art]) == {"a1": []}
    assert "not analysed, scored as misses: a1" in capsys.readouterr().err
