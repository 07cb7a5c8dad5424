"""Per-source sentiment: by voice (narrator / quoted / mixed) and by target side.

Input is the ``sentences`` table (one row per sentence, see
:mod:`framing.extract.sentiment`). Every aggregate carries its ``n`` so small samples
stay visible, and a 95% t-interval of the mean (``ci_low``/``ci_high``; NaN when
n < 2). Sentences are the unit here: sentences of one article are not independent,
so the intervals are optimistic; read them as a floor on the uncertainty.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd

CONFIDENCE = 0.95
VOICES = ("narrator", "quoted", "mixed")
AGG_COLUMNS = ["n", "mean", "sd", "ci_low", "ci_high"]

# Two-sided 97.5% quantiles of Student's t for small df (no scipy dependency).
_T975 = {
    1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
    9: 2.262, 10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131,
    16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086, 21: 2.080, 22: 2.074,
    23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045,
    30: 2.042,
}  # fmt: skip


def t_quantile(df: int) -> float:
    """Student t 0.975 quantile: table up to df=30, then Cornish-Fisher expansion."""
    if df in _T975:
        return _T975[df]
    z = NormalDist().inv_cdf(0.975)
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def summarize(values: pd.Series) -> dict[str, float]:
    """n, mean, sd and the 95% t-interval of the mean of ``values``."""
    x = values.dropna().astype(float).to_numpy()
    n = len(x)
    mean = float(x.mean()) if n else math.nan
    sd = float(x.std(ddof=1)) if n > 1 else math.nan
    if n > 1:
        half = t_quantile(n - 1) * sd / math.sqrt(n)
        low, high = mean - half, mean + half
    else:
        low = high = math.nan
    return {"n": n, "mean": mean, "sd": sd, "ci_low": low, "ci_high": high}


def _grouped(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    if frame.empty:
        return pd.DataFrame(columns=[*keys, *AGG_COLUMNS])
    rows = [
        {
            **dict(zip(keys, key if isinstance(key, tuple) else (key,), strict=True)),
            **summarize(group["compound"]),
        }
        for key, group in frame.groupby(keys, sort=True)
    ]
    out = pd.DataFrame(rows, columns=[*keys, *AGG_COLUMNS])
    out["n"] = out["n"].astype(int)
    return out


def sentiment_by_voice(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per (source, voice) plus voice ``"all"``: n, mean compound, sd, 95% CI."""
    keys = ["source", "voice"]
    if sentences.empty:
        return pd.DataFrame(columns=[*keys, *AGG_COLUMNS])
    both = pd.concat([sentences, sentences.assign(voice="all")], ignore_index=True)
    return _grouped(both, keys)


def explode_sides(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per (sentence, side mentioned); sentences mentioning no actor are dropped."""
    if sentences.empty:
        return sentences.assign(side=pd.Series(dtype=str))
    sides = sentences["sides"].fillna("").astype(str).str.split(";")
    out = sentences.assign(side=sides).explode("side")
    out = out[out["side"].astype(str) != ""]
    return out.reset_index(drop=True)


def sentiment_by_side(sentences: pd.DataFrame, *, voice: str | None = None) -> pd.DataFrame:
    """One row per (source, side): sentiment of the sentences that mention that side.

    A sentence mentioning two sides counts for both. ``voice`` restricts to narrator /
    quoted / mixed sentences. Columns: source, side, n, mean, sd, ci_low, ci_high,
    share (n over the source's sentences considered).
    """
    keys = ["source", "side"]
    frame = sentences if voice is None else sentences[sentences["voice"] == voice]
    out = _grouped(explode_sides(frame), keys)
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
