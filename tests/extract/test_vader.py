"""FastVader returns exactly what vaderSentiment 3.3.2 returns, float for float."""

from __future__ import annotations

import importlib.metadata
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from framing.document import document_from_text
from framing.extract import vader
from framing.extract.vader import FastVader, analyzer, polarity_scores

ROOT = Path(__file__).resolve().parents[2]
NYT = ROOT / "bench" / "data" / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def reference() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def assert_same(fast: FastVader, ref: SentimentIntensityAnalyzer, text: str) -> None:
    """Equal keys, order, types and bits: repr() of a float round-trips exactly."""
    expected = ref.polarity_scores(text)
    got = fast.polarity_scores(text)
    assert got == expected, text
    assert repr(got) == repr(expected), text


def test_installed_version_is_the_verified_one() -> None:
    assert importlib.metadata.version("vaderSentiment") == vader.VERIFIED_VERSION
    assert vader.installed_version() == vader.VERIFIED_VERSION
    assert not analyzer().delegating


def test_data_comes_from_the_library(reference: SentimentIntensityAnalyzer) -> None:
    fast = analyzer()
    assert fast.lexicon == reference.lexicon
    assert fast.emojis == reference.emojis
    assert analyzer() is fast


def test_nyt_editorial_snippets() -> None:
    if not NYT.exists():
        pytest.skip(f"{NYT.relative_to(ROOT)} is absent (VADER's NYT snippets, 5,190 lines)")
    ref = SentimentIntensityAnalyzer()
    fast = analyzer()
    texts: list[str] = []
    for line in NYT.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            texts.append(parts[2])
    assert len(texts) >= 5000
    for text in texts:
        assert_same(fast, ref, text)


def seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out.extend(s.text for s in document_from_text(text).sentences)
        out.extend(text.splitlines())  # whole paragraphs, raw (curly quotes, dashes)
    return out


def test_seed_sentences(reference: SentimentIntensityAnalyzer) -> None:
    sentences = seed_sentences()
    assert len(sentences) > 50
    fast = analyzer()
    for sentence in sentences:
        assert_same(fast, reference, sentence)


TRICKY = [
    # negations
    "not good",
    "The food is not good.",
    "It isn't bad at all",
    "isn't bad at all",
    "Not bad at all",
    "never so good",
    "It has never been this good!",
    "Sentiment analysis has never been good.",
    "never this so good",
    "so good",
    "this is good",
    "Without doubt, a good idea.",
    "without doubt good",
    "without a doubt good",
    "Without a doubt, an excellent idea.",
    "I don't think it's great",
    "no good",
    "no, not good",
    "no problem at all",
    "no no no",
    "no love or hate",
    "no love nor joy",
    "There is no great harm",
    "nothing good ever happens",
    "hardly good",
    "aint no sunshine",
    "uh-uh, not happy",
    "He wasn't, couldn't, wouldn't be happy",
    # but
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "good good but bad bad",
    "but",
    "but good",
    "good but",
    "Good, BUT terrible and terrible and good.",
    "nice but nice but nice",
    # kind of / sort of / just enough
    "The book was only kind of good.",
    "kind of",
    "kind",
    "kind of kind",
    "it is kind",
    "the kind of nice people",
    "sort of nice",
    "it was just enough fun",
    "kinda sux",
    # boosters
    "VADER is very smart, handsome, and funny.",
    "extremely very incredibly good",
    "very",
    "barely good",
    "very very very bad",
    "somewhat not bad",
    # ALL CAPS differential
    "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VERY GOOD",
    "GOOD",
    "good GOOD",
    "Today SUX!",
    "VERY bad news",
    "NOT GOOD at all",
    "The NOT good news",
    # punctuation emphasis
    "Good!",
    "Good!!",
    "Good!!!!!!!!!",
    "Bad!!!",
    "Good??",
    "Good???",
    "Good????????",
    "Good?!?!?!",
    "!!!",
    "???",
    "?! ?! ?!",
    "neutral words only!!!",
    # emoji and emoticons
    ":)",
    ":-)",
    ":D",
    ":( sad",
    "Make sure you :) or :D today!",
    "😀 great",
    "good😀",
    "😀😀",
    "😀good😀 bad 😀",
    " 😀 ",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "thumbs 👍🏽 up",
    "☺️ smile",
    "♥",
    "❤️ love it",
    "I ✨really✨ love it",
    # idioms and special cases
    "the bomb",
    "That movie was the bomb",
    "With VADER, sentiment analysis is the shit!",
    "this is the shit",
    "He cut the mustard",
    "a kiss of death",
    "yeah right",
    "oh yeah right good",
    "it was to die for",
    "a beating heart",
    "the bus stop was nice",
    "On the other hand, VADER is quite bad ass",
    # an idiom's first two words at each place of the window the check reads
    "the bomb was good",
    "bad ass good",
    "bad ass good great",
    "bus stop nice good great",
    "good kiss of death",
    "great the bomb",
    "they said yeah right great",
    "great to die for",
    "VADER is such a badass!",
    "the good the bad",
    "in the red",
    "under the weather",
    # least
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "least good",
    "the very least good",
    "least",
    "At least it isn't a horrible book.",
    # degenerate input
    "",
    " ",
    "   \t\n  ",
    "\u00a0\u2003",
    ".",
    "...",
    "!?.,;:'\"-()[]{}",
    "a",
    "ok",
    "OK",
    "I",
    "12345",
    "--good--",
    "'good'",
    "(good)",
    "!!good!!",
    # unicode quotes and dashes
    "“very challenging” but “constructive,”",
    "He said it was ‘terrible’ — and ‘awful’.",
    "It’s not great, isn’t it?",
    "don’t worry",
    "Ünïcödé GOOD ÉCLAT",
    "İstanbul was great",
    "ΣΊΣΥΦΟΣ good",
    "ﬁne ﬁne good",
    # no word that scores (all neutral): "!" and "?" leave a zero sum alone
    "The talks continued on Tuesday!!!! Why?? Why???",
    "VERY very KIND OF extremely but",
    "THE TALKS: 2024 ... ?",
    # long text
    " ".join(["The good, the bad and the ugly!"] * 200),
    "good " * 5000,
    "no " * 100 + "good",
]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_cases(reference: SentimentIntensityAnalyzer, text: str) -> None:
    assert_same(analyzer(), reference, text)


def test_convenience_function(reference: SentimentIntensityAnalyzer) -> None:
    text = "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!"
    assert polarity_scores(text) == reference.polarity_scores(text)
    assert list(polarity_scores(text)) == ["neg", "neu", "pos", "compound"]


def test_repeated_calls_and_cache_reset(reference: SentimentIntensityAnalyzer) -> None:
    fast = FastVader()
    text = "Not bad at all, but the ENDING was terrible :("
    first = fast.polarity_scores(text)
    fast._tokens.clear()
    assert fast.polarity_scores(text) == first == reference.polarity_scores(text)


class _Str(str):
    pass


@pytest.mark.parametrize("value", [_Str("good day"), ["good", " day"], ("bad",)])
def test_non_str_input_matches_library(
    reference: SentimentIntensityAnalyzer, value: object
) -> None:
    assert analyzer().polarity_scores(value) == reference.polarity_scores(value)  # type: ignore[arg-type]


def test_non_str_errors_match_library(reference: SentimentIntensityAnalyzer) -> None:
    with pytest.raises(TypeError):
        reference.polarity_scores(12)
    with pytest.raises(TypeError):
        analyzer().polarity_scores(12)  # type: ignore[arg-type]


def test_other_version_warns_and_delegates(
    monkeypatch: pytest.MonkeyPatch, reference: SentimentIntensityAnalyzer
) -> None:
    monkeypatch.setattr(vader, "installed_version", lambda: "3.3.3")
    with pytest.warns(RuntimeWarning, match=r"vaderSentiment 3\.3\.3"):
        fast = FastVader()
    assert fast.delegating
    calls: list[str] = []
    original = fast.reference.polarity_scores

    def spy(text: str) -> dict[str, float]:
        calls.append(text)
        result: dict[str, float] = original(text)
        return result

    monkeypatch.setattr(fast.reference, "polarity_scores", spy)
    assert fast.polarity_scores("good") == reference.polarity_scores("good")
    assert calls == ["good"]


def test_verified_version_does_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        FastVader()


# --- generated text ----------------------------------------------------------

_LEXICON_WORDS = sorted(SentimentIntensityAnalyzer().lexicon)
_VOCABULARY = (
    NEGATE
    + sorted(BOOSTER_DICT)
    + [w for key in SPECIAL_CASES for w in key.split()]
    + ["no", "or", "nor", "but", "BUT", "kind", "of", "sort", "least", "at", "very"]
    + ["so", "this", "never", "without", "doubt", "the", "a", "it", "was", "news"]
)
_EMOJI = ["😀", "😁", "💘", "👍", "🏽", "☺", "️", "❤", "✨", "🙁", "😡"]
_PUNCT = ["!", "!!", "!!!!!", "?", "??", "????", ".", ",", ":)", ":(", ";-)", "...", "'", "“", "”"]

# The words VADER's rules look at, so that generated text often triggers them.
_RULE_WORDS = (
    "but kind of sort just enough no or nor least at very never so this without doubt not"
    " isn't the bomb shit yeah right kiss death to die for bad ass bus stop beating heart"
).split()

_word = st.one_of(
    st.sampled_from(_LEXICON_WORDS),
    st.sampled_from(_VOCABULARY),
    st.sampled_from(_RULE_WORDS),
    st.sampled_from(_RULE_WORDS),
    st.text(alphabet="abcXYZ'-", min_size=1, max_size=5),
)
_shaped = st.tuples(_word, st.sampled_from(["lower", "upper", "title", "asis"])).map(
    lambda pair: {
        "lower": pair[0].lower(),
        "upper": pair[0].upper(),
        "title": pair[0].title(),
        "asis": pair[0],
    }[pair[1]]
)
_piece = st.one_of(
    _shaped,
    _shaped,
    _shaped,
    st.sampled_from(_EMOJI),
    st.sampled_from(_PUNCT),
    st.tuples(_shaped, st.sampled_from(_PUNCT)).map("".join),
    st.tuples(_shaped, st.sampled_from(_EMOJI)).map("".join),
)
_separator = st.sampled_from([" ", " ", " ", "", "  ", "\t", "\n", "\u00a0"])
_texts = st.lists(st.tuples(_piece, _separator).map("".join), max_size=30).map("".join)

_HYPOTHESIS_REFERENCE = SentimentIntensityAnalyzer()


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_generated_text(text: str) -> None:
    assert_same(analyzer(), _HYPOTHESIS_REFERENCE, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode(text: str) -> None:
    assert_same(analyzer(), _HYPOTHESIS_REFERENCE, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=8) | st.text("aA'!?.-İǅẞ:)(", max_size=8))
def test_all_caps_needs_no_stripping(token: str) -> None:
    """VADER tests ALL CAPS on the stripped token; stripping removes caseless characters."""
    stripped = token.strip(vader._PUNCTUATION)
    if len(stripped) <= 2:
        stripped = token
    assert token.isupper() == stripped.isupper()
