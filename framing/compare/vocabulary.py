"""Distinctive vocabulary per source against the rest ("Fightin' Words").

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
"Fightin' Words", Political Analysis 16(4), eq. 22): for word w, source i versus all
other sources j, with prior counts a_w = alpha0 * (share of w in the whole corpus),

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

Tokens: lowercased alphabetic words of ``sentences.text`` minus a shipped English
stopword list (no download).
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

COLUMNS = ["source", "word", "n", "n_rest", "log_odds", "z"]
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told it's he's she's they're we're i'm don't didn't
    doesn't isn't wasn't weren't won't can't s t""".split()
)


def tokenize(text: str) -> list[str]:
    """Lowercased words without stopwords ("Kyiv's" -> "kyiv's")."""
    text = text.lower().replace("\u2019", "'")
    return [w for w in WORD.findall(text) if w not in STOPWORDS]


def word_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """Wide table word (rows) x source (columns) of token counts."""
    counts: dict[str, Counter[str]] = {}
    for source, text in zip(
        sentences["source"].astype(str), sentences["text"].fillna("").astype(str), strict=True
    ):
        counts.setdefault(source, Counter()).update(tokenize(text))
    return pd.DataFrame(counts).fillna(0).astype(int).sort_index().sort_index(axis=1)


def distinctive_words(
    sentences: pd.DataFrame, *, top: int = 15, alpha0: float = 100.0, min_count: int = 2
) -> pd.DataFrame:
    """Most over-used words per source versus the rest: ``source, word, n, n_rest, log_odds, z``.

    ``top`` words per source with the highest z (only words used at least ``min_count``
    times by that source); sorted by source, then z descending, then word.
    """
    if sentences.empty:
        return pd.DataFrame(columns=COLUMNS)
    wide = word_counts(sentences)
    if wide.shape[1] < 2:
        return pd.DataFrame(columns=COLUMNS)
    total = wide.sum(axis=1)
    prior = alpha0 * total / total.sum()
    a0 = float(prior.sum())
    rows: list[pd.DataFrame] = []
    for source in wide.columns:
        yi = wide[source]
        yj = total - yi
        ni, nj = float(yi.sum()), float(yj.sum())
        li = ((yi + prior) / (ni + a0 - yi - prior)).map(math.log)
        lj = ((yj + prior) / (nj + a0 - yj - prior)).map(math.log)
        delta = li - lj
        z = delta / (1 / (yi + prior) + 1 / (yj + prior)).map(math.sqrt)
        frame = pd.DataFrame(
            {"source": source, "word": wide.index, "n": yi, "n_rest": yj, "log_odds": delta, "z": z}
        )
        frame = frame[frame["n"] >= min_count]
        rows.append(frame.sort_values(["z", "word"], ascending=[False, True]).head(top))
    out = pd.concat(rows, ignore_index=True)
    return out[COLUMNS].reset_index(drop=True)
