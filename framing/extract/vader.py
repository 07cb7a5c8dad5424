"""A faster VADER: the same scores as vaderSentiment 3.3.2, computed with less overhead.

VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text", ICWSM-14) scores every sentence of every article, so
its per-sentence cost dominates a corpus run. The reference implementation spends
most of its time on bookkeeping, not on the model: it rebuilds the text character
by character to replace emoji even when there are none, lowercases the whole word
list again for every sentiment-bearing word (in ``negated``, ``_negation_check``,
``_special_idioms_check`` and ``_but_check``) and calls ``.lower()`` on the same
tokens many times.

:class:`FastVader` re-implements ``SentimentIntensityAnalyzer.polarity_scores``
step by step, with the same rules, the same quirks (the ``never so/this`` rule that
fires on any preceding "so"/"this", ``_but_check``'s first-equal-value indexing, the
idiom checks, lexicon look-ups on lowercased tokens only, capped punctuation
emphasis) and the same floating-point operations in the same order, but:

* the emoji pass runs only when the text contains an emoji character
  (a precomputed frozenset, ``isdisjoint``);
* each token is stripped and lowercased once (memoised per distinct token), and that
  one lowercase list serves every later check; the ALL CAPS test needs no stripping;
* the words that get a valence are found by set membership in one precomputed set,
  and a sentence with none of them gets the neutral scores at once;
* negation is a set look-up on one word instead of a scan of ``NEGATE`` over a
  freshly lowercased list; the idiom check builds its n-grams only when two adjacent
  words start an idiom; attribute look-ups are hoisted out of the loop.

The data are not copied: the lexicon and emoji dictionaries come from a
``SentimentIntensityAnalyzer`` built once, the constants (``N_SCALAR``, ``C_INCR``,
``NEGATE``, ``BOOSTER_DICT`` with its ``B_INCR``/``B_DECR`` values, ``SPECIAL_CASES``)
from the installed module (``SENTIMENT_LADEN_IDIOMS`` is unused by VADER 3.3.2 itself).
``tests/extract/test_vader.py`` checks that the output equals the library's, float
for float, on the 5,190 NYT editorial snippets of the VADER paper, on every seed
sentence, on hand-written edge cases and on generated text. Because that equality
is only established for vaderSentiment 3.3.2, any other installed version makes
:class:`FastVader` warn and delegate to the library's own analyzer: never silently
different numbers.
"""

from __future__ import annotations

import importlib.metadata
import math
import string
import warnings
from collections.abc import Sequence
from functools import cache
from itertools import compress

import vaderSentiment
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
)

from framing.memo import Memo

__all__ = [
    "VERIFIED_VERSION",
    "FastVader",
    "analyzer",
    "installed_version",
    "polarity_scores",
]

VERIFIED_VERSION = "3.3.2"
"""The vaderSentiment release whose output FastVader reproduces exactly (tested)."""

_PUNCTUATION = string.punctuation
_NEGATE = frozenset(NEGATE)
# The first two words of the multi-word keys the idiom check looks up (special cases
# and the "kind of"/"sort of"/"just enough" boosters). Tokens never contain a space, so
# an n-gram of the check can equal a key only if its first two words are such a pair:
# when none of the adjacent word pairs around a word is one, the check changes nothing.
_IDIOM_PAIRS = frozenset(
    (words[0], words[1])
    for words in (key.split(" ") for key in (*SPECIAL_CASES, *BOOSTER_DICT))
    if len(words) > 1
)
_MAX_CACHED_TOKENS = 200_000


def installed_version() -> str | None:
    """The installed vaderSentiment version (``__version__`` or package metadata)."""
    version = getattr(vaderSentiment, "__version__", None)
    if isinstance(version, str):
        return version
    try:
        return importlib.metadata.version("vaderSentiment")
    except importlib.metadata.PackageNotFoundError:
        return None


def _special_idioms_check(valence: float, low: Sequence[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on the already lowercased word list."""
    w0 = low[i]
    w1 = low[i - 1]
    w2 = low[i - 2]
    w3 = low[i - 3]
    onezero = f"{w1} {w0}"
    twoonezero = f"{w2} {w1} {w0}"
    twoone = f"{w2} {w1}"
    threetwoone = f"{w3} {w2} {w1}"
    threetwo = f"{w3} {w2}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(low)
    if n - 1 > i:
        zeroone = f"{w0} {low[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = f"{w0} {low[i + 1]} {low[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


def _but_check(low: Sequence[str], sentiments: list[float]) -> list[float]:
    """VADER's ``_but_check``, quirks included (``index`` finds the first equal value)."""
    if "but" in low:
        bi = low.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)
    return sentiments


def _score_valence(sentiments: list[float], text: str) -> dict[str, float]:
    """VADER's ``score_valence``, same operations in the same order."""
    if sentiments:
        sum_s = float(sum(sentiments))
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier: float = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier

        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        if compound < -1.0:
            compound = -1.0
        elif compound > 1.0:
            compound = 1.0

        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = sentiments.count(0)  # == 0, as VADER counts: 0, 0.0 and -0.0
        for score in filter(None, sentiments):  # the non-zero scores, in order
            if score > 0:
                pos_sum += float(score) + 1
            if score < 0:
                neg_sum += float(score) - 1

        abs_neg = math.fabs(neg_sum)
        if pos_sum > abs_neg:
            pos_sum += punct_emph_amplifier
        elif pos_sum < abs_neg:
            neg_sum -= punct_emph_amplifier

        total = pos_sum + math.fabs(neg_sum) + neu_count
        pos = math.fabs(pos_sum / total)
        neg = math.fabs(neg_sum / total)
        neu = math.fabs(neu_count / total)
    else:
        compound = 0.0
        pos = 0.0
        neg = 0.0
        neu = 0.0
    return {
        "neg": round(neg, 3),
        "neu": round(neu, 3),
        "pos": round(pos, 3),
        "compound": round(compound, 4),
    }


# The scores of a sentence whose words all score 0 (none is a lexicon word but a
# booster): the same for every such sentence, as "!" and "?" only amplify a non-zero sum.
_NEUTRAL_SCORES = _score_valence([0], "")


def _lowercase_word(token: str) -> str:
    """A token after VADER's ``_strip_punc_if_word``, lowercased (the form every rule reads).

    Its ALL CAPS test needs no stripping: ``token.isupper()`` equals
    ``stripped.isupper()``, as stripping removes ASCII punctuation only, which has no case.
    """
    stripped = token.strip(_PUNCTUATION)
    if len(stripped) <= 2:
        stripped = token
    return stripped.lower()


class FastVader:
    """``SentimentIntensityAnalyzer.polarity_scores`` with identical output, faster.

    Build it once (see :func:`analyzer`): it loads VADER's lexicon and emoji files
    through the library's own analyzer. Not tied to any document model: give it a
    sentence, get VADER's ``{"neg", "neu", "pos", "compound"}``.
    """

    def __init__(self) -> None:
        self.reference = SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = self.reference.lexicon
        self.emojis: dict[str, str] = self.reference.emojis
        # polarity_scores tests one character at a time, so only 1-character keys
        # (not the skin-tone or variation-selector sequences) can ever match.
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        # The lowercase words polarity_scores gives a valence: lexicon words but boosters.
        self._scorable = frozenset(w for w in self.lexicon if w not in BOOSTER_DICT)
        self._tokens = Memo(_lowercase_word, _MAX_CACHED_TOKENS)
        version = installed_version()
        self.delegating = version != VERIFIED_VERSION
        if self.delegating:
            warnings.warn(
                f"framing.extract.vader: vaderSentiment {version} is installed, but FastVader "
                f"is verified against {VERIFIED_VERSION} only; using the library's own "
                "(slower) SentimentIntensityAnalyzer instead.",
                RuntimeWarning,
                stacklevel=2,
            )

    def _replace_emoji(self, text: str) -> str:
        """The emoji pass of ``polarity_scores``: each emoji becomes its description."""
        emojis = self.emojis
        parts: list[str] = []
        prev_space = True
        for ch in text:
            if ch in emojis:
                if not prev_space:
                    parts.append(" ")
                parts.append(emojis[ch])
                prev_space = False
            else:
                parts.append(ch)
                prev_space = ch == " "
        return "".join(parts).strip()

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's neg/neu/pos/compound for ``text``, equal to vaderSentiment 3.3.2's."""
        if self.delegating or type(text) is not str:
            # Non-str input (and str subclasses) go to the library, which defines
            # whatever it does with them.
            result: dict[str, float] = self.reference.polarity_scores(text)
            return result
        # Every emoji character is non-ASCII, and str.isascii() costs nothing.
        if not text.isascii() and not self._emoji_chars.isdisjoint(text):
            text = self._replace_emoji(text)
        # Without emoji the library only strips surrounding whitespace, which changes
        # neither text.split() nor the "!"/"?" counts, so the text is used as is.
        raw = text.split()
        if not raw:
            return _score_valence([], text)

        low = list(map(self._tokens.__getitem__, raw))
        scorable = self._scorable
        if scorable.isdisjoint(low):
            return dict(_NEUTRAL_SCORES)
        upper = list(map(str.isupper, raw))
        n = len(low)
        allcap_words = sum(upper)
        is_cap_diff = 0 < n - allcap_words < n

        lexicon = self.lexicon
        booster_get = BOOSTER_DICT.get
        negate = _NEGATE
        idiom_pairs = _IDIOM_PAIRS
        n_scalar = N_SCALAR
        c_incr = C_INCR
        last = n - 1

        # Boosters, "kind" before "of" and words outside the lexicon score int 0, as in
        # the library; only lexicon words that are not boosters get a valence.
        sentiments: list[float] = [0] * n
        for i in compress(range(n), map(scorable.__contains__, low)):
            lw = low[i]
            if i < last and lw == "kind" and low[i + 1] == "of":
                continue
            base = lexicon[lw]
            valence = base
            if lw == "no" and i != last and low[i + 1] in lexicon:
                valence = 0.0
            if (
                (i > 0 and low[i - 1] == "no")
                or (i > 1 and low[i - 2] == "no")
                or (i > 2 and low[i - 3] == "no" and low[i - 1] in ("or", "nor"))
            ):
                valence = base * n_scalar
            if is_cap_diff and upper[i]:
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr

            if i > 0:
                w1 = low[i - 1]
                # start_i == 0: the word just before
                if w1 not in lexicon:
                    s = 0.0
                    scalar = booster_get(w1)
                    if scalar is not None:
                        s = scalar
                        if valence < 0:
                            s *= -1
                        if is_cap_diff and upper[i - 1]:
                            if valence > 0:
                                s += c_incr
                            else:
                                s -= c_incr
                    valence = valence + s
                    if w1 in negate or "n't" in w1:
                        valence = valence * n_scalar
                if i > 1:
                    w2 = low[i - 2]
                    # start_i == 1: two words before
                    if w2 not in lexicon:
                        s = 0.0
                        scalar = booster_get(w2)
                        if scalar is not None:
                            s = scalar
                            if valence < 0:
                                s *= -1
                            if is_cap_diff and upper[i - 2]:
                                if valence > 0:
                                    s += c_incr
                                else:
                                    s -= c_incr
                        if s != 0:
                            s = s * 0.95
                        valence = valence + s
                        if w2 == "never" and (w1 == "so" or w1 == "this"):
                            valence = valence * 1.25
                        elif w2 == "without" and w1 == "doubt":
                            pass
                        elif w2 in negate or "n't" in w2:
                            valence = valence * n_scalar
                    if i > 2:
                        w3 = low[i - 3]
                        # start_i == 2: three words before
                        if w3 not in lexicon:
                            s = 0.0
                            scalar = booster_get(w3)
                            if scalar is not None:
                                s = scalar
                                if valence < 0:
                                    s *= -1
                                if is_cap_diff and upper[i - 3]:
                                    if valence > 0:
                                        s += c_incr
                                    else:
                                        s -= c_incr
                            if s != 0:
                                s = s * 0.9
                            valence = valence + s
                            # VADER's precedence: (never and so/this) or (so/this just before)
                            if (w3 == "never" and (w2 == "so" or w2 == "this")) or (
                                w1 == "so" or w1 == "this"
                            ):
                                valence = valence * 1.25
                            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                                pass
                            elif w3 in negate or "n't" in w3:
                                valence = valence * n_scalar
                            # the check's n-grams start at w3, w2, w1 or lw
                            if (
                                (w3, w2) in idiom_pairs
                                or (w2, w1) in idiom_pairs
                                or (w1, lw) in idiom_pairs
                                or (i < last and (lw, low[i + 1]) in idiom_pairs)
                            ):
                                valence = _special_idioms_check(valence, low, i)
                # _least_check
                if w1 == "least" and w1 not in lexicon:
                    if i > 1:
                        if low[i - 2] != "at" and low[i - 2] != "very":
                            valence = valence * n_scalar
                    else:
                        valence = valence * n_scalar
            sentiments[i] = valence

        return _score_valence(_but_check(low, sentiments), text)


@cache
def analyzer() -> FastVader:
    """The process-wide :class:`FastVader` (lexicon loaded once)."""
    return FastVader()


def polarity_scores(text: str) -> dict[str, float]:
    """VADER scores of ``text`` with the shared analyzer; equal to vaderSentiment 3.3.2."""
    return analyzer().polarity_scores(text)
