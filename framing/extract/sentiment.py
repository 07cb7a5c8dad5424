"""VADER sentiment per sentence, split by voice (narrator / quoted / mixed) and by the
sides of the actors a sentence mentions.

Model: vaderSentiment 3.3.2 (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text", ICWSM-14), computed by
:class:`framing.extract.vader.FastVader` (the library's data and rules, identical
scores, faster), ONE per process (:func:`analyzer`, cached).

Voice of a sentence: the share of its non-space characters that fall inside quoted
text, where quoted text is the union of ``Document.quote_spans`` (inner spans, marks
excluded) and the ``start``/``end`` spans of quote rows of kind direct / partial /
indirect from quote attribution. With that share ``q``:

* ``q >= QUOTED_MIN`` (0.8)  -> ``"quoted"``
* ``q <= NARRATOR_MAX`` (0.2) -> ``"narrator"``
* otherwise                  -> ``"mixed"``

``sides``: sorted unique sides of the actors :func:`framing.actors.find_mentions` finds
in the sentence, joined by ``";"`` (e.g. ``"RU;UA"``; ``""`` when none) so that the
column round-trips through CSV.

Limits (see ``bench/vader_nyt.py`` and :data:`METHOD_NOTES`): VADER was built and
validated on social-media text; on news editorials it agrees with human raters much
less well, so per-sentence scores are noisy and only averages over many sentences
should be read, always with their counts.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any

from framing.actors import ActorRegistry, Mention, find_mentions
from framing.document import Document, merge_ranges
from framing.extract.quotes.statements import quoted_ranges
from framing.extract.vader import analyzer
from framing.tables import SENTENCE_ROW

QUOTED_MIN = 0.8
NARRATOR_MAX = 0.2
# Hutto & Gilbert's standard thresholds on the compound score.
POS_THRESHOLD = 0.05
NEG_THRESHOLD = -0.05
QUOTE_KINDS = frozenset({"direct", "partial", "indirect"})
REPORTED_KINDS = frozenset({"partial", "indirect"})

SENTENCE_COLUMNS = list(SENTENCE_ROW)  # the declared order (framing.tables)

METHOD_NOTES = """\
Sentiment is VADER 3.3.2 (Hutto & Gilbert 2014), a lexicon-and-rules model built for
social-media text. Measured on the 5,190 NYT editorial snippets rated by humans in the
VADER paper (bench/vader_nyt.py), its compound score correlates with the human mean
rating at Pearson r = 0.503, Spearman rho = 0.480 (n = 5190). framing's
polarity_scores gives identical scores (5190/5190); framing's sentence path
(Document -> sentences, mean over a snippet's sentences) r = 0.503, rho = 0.480
(80 snippets split into several sentences, 45 scores differ). So on news prose VADER
explains about a quarter of the variance of human judgements (r^2 = 0.25): read
per-sentence scores as noise and compare only averages over many sentences, with their
counts and intervals. VADER scores words, not framing: it cannot see irony,
attribution, or whom a negative word is about (a sentence about an attack is negative
whichever side is blamed); news vocabulary ("strike", "conflict", "prisoner") is
negative in its lexicon whatever the stance. Quoted sentences carry the speaker's
sentiment, not the outlet's: hence the narrator / quoted split.
"""


def polarity_scores(text: str) -> dict[str, float]:
    """VADER's ``polarity_scores`` (neg, neu, pos, compound) for ``text``.

    Computed by :class:`framing.extract.vader.FastVader`: vaderSentiment 3.3.2's
    algorithm and data, bit-identical scores, several times faster.
    """
    return dict(analyzer().polarity_scores(text))


def quoted_spans(doc: Document, quotes: Sequence[Mapping[str, Any]] = ()) -> list[tuple[int, int]]:
    """Merged, sorted spans in a quoted voice: the inside of quotation marks, and the
    reported clauses of partial and indirect statements (a direct statement split by its
    tag counts its quoted words only, not the tag between them)."""
    spans = [(q.inner_start, q.inner_end) for q in doc.quote_spans]
    for row in quotes:
        if row.get("kind") in REPORTED_KINDS:
            spans.append((int(row["start"]), int(row["end"])))
    spans.extend(quoted_ranges(doc, [r for r in quotes if r.get("kind") == "direct"]))
    return merge_ranges(spans)


def quoted_share(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> float:
    """Share of the non-space characters of ``text[start:end]`` inside ``spans``."""
    i = bisect.bisect_right(spans, start, key=itemgetter(1))  # first span ending after start
    if i == len(spans) or spans[i][0] >= end:
        return 0.0  # no quote overlaps the range
    total = _non_space(text[start:end])
    if not total:
        return 0.0
    inside = 0
    for k in range(i, len(spans)):  # not spans[i:]: a copy of the rest per sentence
        a, b = spans[k]
        if a >= end:
            break
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            inside += _non_space(text[lo:hi])
    return inside / total


def _non_space(text: str) -> int:
    """Number of characters that are not whitespace (``str.split`` and ``isspace`` agree)."""
    return sum(map(len, text.split()))


def voice_of(share: float) -> str:
    """narrator / quoted / mixed from the quoted share (thresholds in the module doc)."""
    if share >= QUOTED_MIN:
        return "quoted"
    if share <= NARRATOR_MAX:
        return "narrator"
    return "mixed"


def sides_of(text: str, actors: ActorRegistry | None = None) -> str:
    """Sorted unique sides of the actors mentioned in ``text``, joined by ";"."""
    return ";".join(sorted({m.actor.side for m in find_mentions(text, actors)}))


def _sides_by_sentence(doc: Document, mentions: Sequence[Mention]) -> list[str]:
    """:func:`sides_of` for every sentence, from the document's actor mentions (one scan
    of the text instead of one per sentence; a mention counts in the sentence that holds
    it whole)."""
    sides: list[set[str]] = [set() for _ in doc.sentences]
    ends = [s.end for s in doc.sentences]
    for m in mentions:
        i = bisect.bisect_right(ends, m.start)
        if i < len(doc.sentences) and doc.sentences[i].start <= m.start and m.end <= ends[i]:
            sides[i].add(m.actor.side)
    return [";".join(sorted(s)) for s in sides]


def extract_sentences(
    doc: Document,
    *,
    quotes: Sequence[Mapping[str, Any]] = (),
    actors: ActorRegistry | None = None,
    mentions: Sequence[Mention] | None = None,
) -> list[dict[str, Any]]:
    """One row per sentence of ``doc`` (columns :data:`SENTENCE_COLUMNS`).

    ``mentions``: the document's actor mentions (:func:`framing.actors.find_mentions` over
    ``doc.text``), when the caller has them already.
    """
    spans = quoted_spans(doc, quotes)
    vader = analyzer()
    if mentions is None:
        mentions = find_mentions(doc.text, actors)
    sides = _sides_by_sentence(doc, mentions)
    rows: list[dict[str, Any]] = []
    for s in doc.sentences:
        scores = vader.polarity_scores(s.text)
        rows.append(
            {
                "article_id": doc.article_id,
                "source": doc.source,
                "paragraph": s.paragraph,
                "sentence_idx": s.index,
                "text": s.text,
                "voice": voice_of(quoted_share(doc.text, s.start, s.end, spans)),
                "compound": scores["compound"],
                "pos": scores["pos"],
                "neu": scores["neu"],
                "neg": scores["neg"],
                "sides": sides[s.index],
                "start": s.start,
                "end": s.end,
            }
        )
    return rows


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def article_sentiment(sentences: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Per-article sentiment from its sentence rows (NaN where there are no sentences).

    sentiment_mean: mean compound; sentiment_neg_share / sentiment_pos_share: share of
    sentences with compound <= -0.05 / >= 0.05; sentiment_narrator_mean /
    sentiment_quoted_mean: mean compound of narrator / quoted sentences.
    """
    compounds = [float(r["compound"]) for r in sentences]
    n = len(compounds)
    return {
        "sentiment_mean": _mean(compounds),
        "sentiment_neg_share": (sum(c <= NEG_THRESHOLD for c in compounds) / n if n else math.nan),
        "sentiment_pos_share": (sum(c >= POS_THRESHOLD for c in compounds) / n if n else math.nan),
        "sentiment_narrator_mean": _mean(
            [float(r["compound"]) for r in sentences if r["voice"] == "narrator"]
        ),
        "sentiment_quoted_mean": _mean(
            [float(r["compound"]) for r in sentences if r["voice"] == "quoted"]
        ),
    }
