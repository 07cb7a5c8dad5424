"""Intervals by resampling articles: one cluster bootstrap for every share and mean.

Sentences, quotes and term matches of one article are not independent draws (one
reporter, one story), so the unit of resampling is the article (the cluster
bootstrap; Davison and Hinkley 1997, "Bootstrap Methods and their Application",
section 3.8; Cameron, Gelbach and Miller 2008, "Bootstrap-based improvements for
inference with clustered errors"). Every figure is a ratio of per-article sums,
``sum(num) / sum(den)``: a share (matched words of a side / quoted words), a pooled
mean (sum of sentence scores / number of sentences), or a mean over articles
(value / 1). A resample draws the group's articles with replacement; the interval
is the percentile interval of the resampled ratios (``level``, default 95%).

* **Reproducible**: a fresh ``numpy.random.default_rng(seed)`` per group, so a group's
  interval does not depend on the other groups or on the order of the rows.
* **Bounded**: a ratio of resampled sums lies in the range of its per-article values,
  and the interval is clipped to the measure's range (``bounds``) as well: a share
  never leaves 0..1, a VADER mean never leaves -1..1.
* **Honest for small n**: below ``min_articles`` articles (default 5), or below
  ``min_units`` sentences for a sentence-level measure (default 10), no interval is
  given (NaN) and the table shows the n instead.
* **Vectorised**: the resamples are draw counts (``n_boot`` x articles) multiplied
  with the per-article sums of every measure of the group at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

N_BOOT = 1000
LEVEL = 0.95
SEED = 0
MIN_ARTICLES = 5
MIN_SENTENCES = 10
SHARE = (0.0, 1.0)
SENTIMENT = (-1.0, 1.0)
INTERVAL_COLUMNS = ["value", "n_articles", "ci_low", "ci_high"]


def ratio_intervals(
    num: np.ndarray,
    den: np.ndarray,
    *,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
    bounds: tuple[float, float] | None = SHARE,
) -> tuple[np.ndarray, np.ndarray]:
    """Percentile intervals of ``num.sum(0) / den.sum(0)`` resampling rows (articles).

    ``num``, ``den``: (articles, measures) per-article sums. Returns (low, high), one
    value per measure; NaN where every resample has a zero denominator.
    """
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    num = np.asarray(num, dtype=float).reshape(len(num), -1)
    den = np.asarray(den, dtype=float).reshape(len(den), -1)
    n = num.shape[0]
    rng = np.random.default_rng(seed)
    weights = resample_weights(rng, n, n_boot)
    boot_num, boot_den = weights @ num, weights @ den
    with np.errstate(invalid="ignore", divide="ignore"):
        ratios = np.where(boot_den > 0, boot_num / np.where(boot_den > 0, boot_den, 1), np.nan)
    alpha = (1 - level) / 2
    low = np.full(num.shape[1], math.nan)
    high = np.full(num.shape[1], math.nan)
    defined = ~np.isnan(ratios).all(axis=0)
    if defined.any():
        low[defined], high[defined] = np.nanquantile(ratios[:, defined], [alpha, 1 - alpha], axis=0)
    if bounds is not None:
        low, high = np.clip(low, *bounds), np.clip(high, *bounds)
    return low, high


def resample_weights(rng: np.random.Generator, n: int, n_boot: int) -> np.ndarray:
    """(n_boot, n): how many times each of ``n`` articles is drawn in each resample."""
    draws = rng.integers(0, n, size=(n_boot, n)) + np.arange(n_boot)[:, None] * n
    return np.bincount(draws.ravel(), minlength=n_boot * n).reshape(n_boot, n).astype(float)


def grouped_intervals(
    per_article: pd.DataFrame,
    groups: Sequence[str],
    measures: Sequence[str],
    *,
    num: str = "num",
    den: str = "den",
    min_articles: int = MIN_ARTICLES,
    min_units: int = 0,
    bounds: tuple[float, float] | None = SHARE,
    n_boot: int = N_BOOT,
    seed: int = SEED,
) -> pd.DataFrame:
    """Figures with intervals from per-article sums, resampled per group.

    ``per_article``: one row per (``groups``..., ``measures``..., article_id) with the
    article's ``num`` and ``den``. Within a group, the articles are resampled together
    for every measure (the same draws), so the measures of a group stay consistent.
    Returns ``groups``, ``measures``, value (sum num / sum den), n_articles (articles
    with den > 0), ci_low, ci_high (NaN below ``min_articles`` articles or
    ``min_units`` summed den, e.g. sentences); rows sorted by the keys.
    """
    keys = [*groups, *measures]
    columns = [*keys, *INTERVAL_COLUMNS]
    if per_article.empty:
        return pd.DataFrame(columns=columns)
    rows: list[pd.DataFrame] = []
    grouped = per_article.groupby(list(groups), sort=True) if groups else [((), per_article)]
    for group_key, frame in grouped:
        measure_keys, n_num, n_den = _article_matrices(frame, measures, num, den)
        totals = n_den.sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            value = np.where(
                totals > 0, n_num.sum(axis=0) / np.where(totals > 0, totals, 1), np.nan
            )
        n_articles = (n_den > 0).sum(axis=0)
        enough = (n_articles >= min_articles) & (totals >= min_units)
        low = np.full(len(totals), math.nan)
        high = np.full(len(totals), math.nan)
        if enough.any():
            lo, hi = ratio_intervals(
                n_num[:, enough], n_den[:, enough], n_boot=n_boot, seed=seed, bounds=bounds
            )
            low[enough], high[enough] = lo, hi
        out = measure_keys.copy()
        key_values = group_key if isinstance(group_key, tuple) else (group_key,)
        for name, key in zip(groups, key_values, strict=True):
            out.insert(len(out.columns) - len(measures), name, [key] * len(out))
        rows.append(
            out.assign(value=value, n_articles=n_articles.astype(int), ci_low=low, ci_high=high)
        )
    result = pd.concat(rows, ignore_index=True)[columns]
    return result.sort_values(keys, ignore_index=True)


def _article_matrices(
    frame: pd.DataFrame, measures: Sequence[str], num: str, den: str
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The distinct ``measures`` keys (sorted) and the (articles, measures) sums of
    ``num`` and ``den`` (0 where an article has no row for a measure)."""
    article_codes, articles = pd.factorize(frame["article_id"])
    keys = frame[list(measures)].drop_duplicates().sort_values(list(measures), ignore_index=True)
    position = pd.MultiIndex.from_frame(keys).get_indexer(
        pd.MultiIndex.from_frame(frame[list(measures)])
    )
    shape = (len(articles), len(keys))
    sums = []
    for column in (num, den):
        matrix = np.zeros(shape)
        np.add.at(matrix, (article_codes, position), frame[column].to_numpy(float))
        sums.append(matrix)
    return keys, sums[0], sums[1]


def mean_intervals(
    articles: pd.DataFrame,
    group: str,
    columns: Sequence[str],
    *,
    min_articles: int = MIN_ARTICLES,
    bounds: dict[str, tuple[float, float] | None] | None = None,
    seed: int = SEED,
) -> pd.DataFrame:
    """Mean over articles of each of ``columns`` per ``group``, with its interval.

    Each article weighs the same (the per-source summary's means). Returns ``group``,
    metric, value, n_articles, ci_low, ci_high; ``bounds``: per column (default: none).
    """
    parts = []
    for column in columns:
        values = articles[column].astype(float)
        known = values.notna()
        frame = pd.DataFrame(
            {
                group: articles.loc[known, group].astype(str),
                "metric": column,
                "article_id": articles.loc[known, "article_id"].astype(str),
                "num": values[known],
                "den": 1.0,
            }
        )
        limits = (bounds or {}).get(column)
        parts.append(
            grouped_intervals(
                frame, [group], ["metric"], min_articles=min_articles, bounds=limits, seed=seed
            )
        )
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def interval_text(value: float, low: float, high: float, n: int, digits: int = 2) -> str:
    """ "0.27 (0.20 to 0.31)" with an interval, else "0.27 (n = 3)" (too few for one)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if math.isnan(low) or math.isnan(high):
        return f"{value:.{digits}f} (n = {n})"
    return f"{value:.{digits}f} ({low:.{digits}f} to {high:.{digits}f})"
