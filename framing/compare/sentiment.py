"""Per-source sentiment: by voice (narrator / quoted / mixed) and by target side.

Input is the ``sentences`` table (one row per sentence, see
:mod:`framing.extract.sentiment`). Every aggregate carries its ``n`` (sentences) and
``n_articles``, so small samples stay visible, and a 95% interval of the mean from
resampling articles (``ci_low``/``ci_high``; :mod:`framing.compare.intervals`):
sentences of one article are not independent, so the article is the unit resampled.
Below ``min_articles`` articles or ``min_sentences`` sentences the interval is NaN,
and the interval never leaves VADER's -1..1.
"""

from __future__ import annotations

import math

import pandas as pd

from framing.compare.intervals import MIN_ARTICLES, MIN_SENTENCES, SENTIMENT, grouped_intervals

VOICES = ("narrator", "quoted", "mixed")
AGG_COLUMNS = ["n", "n_articles", "mean", "sd", "ci_low", "ci_high"]


def _grouped(
    frame: pd.DataFrame,
    keys: list[str],
    *,
    min_articles: int = MIN_ARTICLES,
    min_sentences: int = MIN_SENTENCES,
) -> pd.DataFrame:
    """Per ``keys``: sentences, articles, mean compound (pooled over sentences), sd, and
    the cluster-bootstrap interval of the mean."""
    if frame.empty:
        return pd.DataFrame(columns=[*keys, *AGG_COLUMNS])
    scored = frame[frame["compound"].notna()]
    ids = (
        scored["article_id"].astype(str)
        if "article_id" in scored.columns
        else pd.Series(range(len(scored)), index=scored.index).astype(str)
    )
    per_article = (
        scored.assign(article_id=ids, _x=scored["compound"].astype(float), _n=1.0)
        .groupby([keys[0], "article_id", *keys[1:]], sort=False)[["_x", "_n"]]
        .sum()
        .reset_index()
    )
    out = grouped_intervals(
        per_article,
        keys[:1],
        keys[1:],
        num="_x",
        den="_n",
        min_articles=min_articles,
        min_units=min_sentences,
        bounds=SENTIMENT,
    )
    stats = scored.groupby(keys, sort=True)["compound"].agg(["size", "std"]).reset_index()
    out = out.merge(stats, on=keys, how="left")
    out = out.rename(columns={"value": "mean", "size": "n", "std": "sd"})
    out["n"] = out["n"].astype(int)
    out["sd"] = out["sd"].astype(float).where(out["n"] > 1, math.nan)
    return out[[*keys, *AGG_COLUMNS]]


def sentiment_by_voice(sentences: pd.DataFrame, **minimum: int) -> pd.DataFrame:
    """One row per (source, voice) plus voice ``"all"``: n, n_articles, mean compound,
    sd, 95% interval (``minimum``: ``min_articles``, ``min_sentences``)."""
    keys = ["source", "voice"]
    if sentences.empty:
        return pd.DataFrame(columns=[*keys, *AGG_COLUMNS])
    both = pd.concat([sentences, sentences.assign(voice="all")], ignore_index=True)
    return _grouped(both, keys, **minimum)


def explode_sides(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, side mentioned); sentences mentioning no actor are dropped."""
    if sentences.empty:
        return sentences.assign(side=pd.Series(dtype=str))
    sides = sentences["sides"].fillna("").astype(str).str.split(";")
    out = sentences.assign(side=sides).explode("side")
    out = out[out["side"].astype(str) != ""]
    return out.reset_index(drop=True)


def sentiment_by_side(
    sentences: pd.DataFrame, *, voice: str | None = None, **minimum: int
) -> pd.DataFrame:
    """One row per (source, side): sentiment of the sentences that mention that side.

    A sentence mentioning two sides counts for both. ``voice`` restricts to narrator /
    quoted / mixed sentences. Columns: source, side, n, n_articles, mean, sd, ci_low,
    ci_high, share (n over the source's sentences considered).
    """
    keys = ["source", "side"]
    frame = sentences if voice is None else sentences[sentences["voice"] == voice]
    out = _grouped(explode_sides(frame), keys, **minimum)
    totals = frame.groupby("source").size() if not frame.empty else pd.Series(dtype=int)
    if out.empty:
        out["share"] = pd.Series(dtype=float)
    else:
        out["share"] = out["n"] / out["source"].map(totals).astype(float)
    return out


def side_matrix(sentences: pd.DataFrame, *, value: str = "mean") -> pd.DataFrame:
    """Wide table source x side of ``value`` (``"mean"`` or ``"n"``) from sentiment_by_side."""
    table = sentiment_by_side(sentences)
    if table.empty:
        return pd.DataFrame()
    wide = table.pivot(index="source", columns="side", values=value)
    if value == "n":
        return wide.fillna(0).astype(int)
    return wide.astype(float)
