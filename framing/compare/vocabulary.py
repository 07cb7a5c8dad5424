"""Distinctive vocabulary per source against the rest ("Fightin' Words").

Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
"Fightin' Words", Political Analysis 16(4), eq. 22): for word w, source i versus all
other sources j, with prior counts a_w = alpha0 * (share of w in the whole corpus),

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

Tokens: lowercased alphabetic words of ``sentences.text`` minus a shipped English
stop word list (``framing/lexicons/stopwords.yaml``: the Glasgow IR list, contractions
and words every news story uses; its header cites each part). A word is reported
for a group only when the group uses it at least ``min_count`` times, in at least
``min_articles`` of its articles (one article's pet word is not its outlet's), and
its z-score is at least ``min_z`` (1.96: beyond chance at the 5% level, two-sided, as
Monroe et al. read it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from importlib.resources import files

import pandas as pd
import yaml

COLUMNS = ["source", "word", "n", "n_rest", "log_odds", "z", "n_articles"]
WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
MIN_Z = 1.96


@cache
def stopwords() -> frozenset[str]:
    """The shipped stop words (every list of ``stopwords.yaml``)."""
    text = files("framing.lexicons").joinpath("stopwords.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return frozenset(w for key, words in data.items() if key != "version" for w in words.split())


def tokenize(text: str) -> list[str]:
    """Lowercased words without stopwords ("Kyiv's" -> "kyiv's")."""
    text = text.lower().replace("\u2019", "'")
    stop = stopwords()
    return [w for w in WORD.findall(text) if w not in stop]


def word_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """Wide table word (rows) x source (columns) of token counts."""
    counts: dict[str, Counter[str]] = {}
    for source, text in zip(
        sentences["source"].astype(str), sentences["text"].fillna("").astype(str), strict=True
    ):
        counts.setdefault(source, Counter()).update(tokenize(text))
    return pd.DataFrame(counts).fillna(0).astype(int).sort_index().sort_index(axis=1)


def article_counts(sentences: pd.DataFrame) -> pd.DataFrame:
    """Wide table word x source of the number of the source's articles using the word
    (each sentence its own article when there is no article_id)."""
    ids = (
        sentences["article_id"].astype(str)
        if "article_id" in sentences.columns
        else pd.Series(range(len(sentences)), index=sentences.index).astype(str)
    )
    words: dict[tuple[str, str], set[str]] = {}
    for source, article, text in zip(
        sentences["source"].astype(str), ids, sentences["text"].fillna("").astype(str), strict=True
    ):
        words.setdefault((source, article), set()).update(tokenize(text))
    counts: dict[str, Counter[str]] = {}
    for (source, _), used in words.items():
        counts.setdefault(source, Counter()).update(used)
    return pd.DataFrame(counts).fillna(0).astype(int).sort_index().sort_index(axis=1)


def distinctive_words(
    sentences: pd.DataFrame,
    *,
    top: int = 15,
    alpha0: float = 100.0,
    min_count: int = 5,
    min_articles: int = 2,
    min_z: float = MIN_Z,
) -> pd.DataFrame:
    """Most over-used words per source versus the rest: ``source, word, n, n_rest,
    log_odds, z, n_articles``.

    ``top`` words per source with the highest z, among words the source uses at least
    ``min_count`` times in at least ``min_articles`` articles, with z >= ``min_z``;
    sorted by source, then z descending, then word.
    """
    if sentences.empty:
        return pd.DataFrame(columns=COLUMNS)
    wide = word_counts(sentences)
    if wide.shape[1] < 2:
        return pd.DataFrame(columns=COLUMNS)
    in_articles = article_counts(sentences).reindex_like(wide).fillna(0).astype(int)
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
            {
                "source": source,
                "word": wide.index,
                "n": yi,
                "n_rest": yj,
                "log_odds": delta,
                "z": z,
                "n_articles": in_articles[source],
            }
        )
        kept = (frame["n"] >= min_count) & (frame["n_articles"] >= min_articles)
        frame = frame[kept & (frame["z"] >= min_z)]
        rows.append(frame.sort_values(["z", "word"], ascending=[False, True]).head(top))
    out = pd.concat(rows, ignore_index=True)
    return out[COLUMNS].reset_index(drop=True)
