"""Per-source comparisons of the ``terms`` table: which variant each outlet chooses.

* :func:`term_choice`: share of each variant within its group, per source (tidy long
  form: ``source, group, variant, pole, n, group_total, share``), for one voice or all.
  "RT writes Donbass in its own words; the Guardian writes Donbas" is
  ``term_choice(terms, voice="own").query("group == 'region'")``.
* :func:`term_choice_by_voice`: the same for the narrator and for all voices, stacked.
* :func:`framing_index`: a per-source lexical framing index in [-1, +1] with a
  bootstrap confidence interval over the source's articles.

Rows with ``counts == False`` (recognised non-framing phrases such as "prisoners of
war", see ``framing/lexicons/terms.yaml``) are left out of every table here.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from framing.compare import row_counts
from framing.compare.intervals import MIN_ARTICLES, grouped_intervals, resample_weights

RU_POLE = "ru_state"
UA_POLE = "ua_western"
VOICES = ("narrator", "quoted", "own")
CHOICE_COLUMNS = ["source", "group", "variant", "pole", "n", "group_total", "share"]
INTERVAL_COLUMNS = ["n_articles", "ci_low", "ci_high"]
INDEX_COLUMNS = [
    "source",
    "index",
    "ci_low",
    "ci_high",
    "n_articles",
    "n_groups",
    "n_ru",
    "n_ua",
]


def _counted(terms: pd.DataFrame, voice: str | None, *, per_article: bool = True) -> pd.DataFrame:
    """Rows that count, in the chosen voice (None: all voices)."""
    required = {"source", "group", "variant", "pole", "voice"} | (
        {"article_id"} if per_article else set()
    )
    missing = required - set(terms.columns)
    if missing:
        raise ValueError(f"terms table lacks columns: {', '.join(sorted(missing))}")
    if voice is not None and voice not in VOICES:
        raise ValueError(f"voice must be one of {', '.join(VOICES)} or None, not {voice!r}")
    df = terms
    if "counts" in df.columns:
        df = df[df["counts"].fillna(True).astype(bool)]
    if voice == "own":
        df = df[own_words(df)]
    elif voice is not None:
        df = df[df["voice"] == voice]
    return df


def own_words(terms: pd.DataFrame) -> pd.Series:
    """True for matches worded by the outlet: narration and reported (indirect) speech.

    Inside quotation marks the words are the speaker's; outside them, even when the
    sentence reports what someone said, the spelling and the label are the outlet's
    choice ("Russian officials insist on a withdrawal from the Donbass"). Uses the
    ``own_words`` column when present, else ``voice`` and ``quote_kind``.
    """
    if "own_words" in terms.columns:
        return terms["own_words"].fillna(False).astype(bool)
    narrator = terms["voice"] == "narrator"
    if "quote_kind" not in terms.columns:
        return narrator
    return narrator | (terms["quote_kind"] == "indirect")


def term_choice(
    terms: pd.DataFrame, *, voice: str | None = None, min_articles: int = MIN_ARTICLES
) -> pd.DataFrame:
    """Share of each variant within its group, per source.

    Columns: source, group, variant, pole, n (matches), group_total (the source's matches
    in the group), share (n / group_total), then n_articles (the source's articles with a
    match in the group) and the 95% interval of the share from resampling those articles
    (ci_low, ci_high: NaN below ``min_articles``, or for a compact table without
    article_id; :mod:`framing.compare.intervals`). A variant seen in the group for any
    source is listed for every source that uses the group, with n = 0, so shares sum to
    1 per (source, group). ``voice``: ``"narrator"``, ``"quoted"``, ``"own"`` (the
    outlet's own words: narration and reported speech, see :func:`own_words`) or None.
    """
    df = _counted(terms, voice, per_article=False)
    if df.empty:
        return pd.DataFrame(columns=[*CHOICE_COLUMNS, *INTERVAL_COLUMNS])
    counts = row_counts(df, ["source", "group", "variant", "pole"]).rename("n").reset_index()
    variants = counts[["group", "variant", "pole"]].drop_duplicates()
    used = counts[["source", "group"]].drop_duplicates()
    grid = used.merge(variants, on="group", how="inner")
    out = grid.merge(counts, on=["source", "group", "variant", "pole"], how="left")
    out["n"] = out["n"].fillna(0).astype(int)
    out["group_total"] = out.groupby(["source", "group"])["n"].transform("sum").astype(int)
    out["share"] = out["n"] / out["group_total"]
    out = out.merge(_share_intervals(df, variants, min_articles), how="left")
    columns = [*CHOICE_COLUMNS, *INTERVAL_COLUMNS]
    return out[columns].sort_values(["source", "group", "variant"], ignore_index=True)


def _share_intervals(df: pd.DataFrame, variants: pd.DataFrame, min_articles: int) -> pd.DataFrame:
    """source, group, variant, n_articles, ci_low, ci_high of each variant's share."""
    keys = ["source", "group", "variant"]
    if "article_id" not in df.columns:
        return pd.DataFrame(columns=[*keys, *INTERVAL_COLUMNS])
    counts = row_counts(df, ["source", "group", "article_id", "variant"]).rename("n").reset_index()
    totals = counts.groupby(["source", "group", "article_id"])["n"].sum().rename("total")
    grid = totals.reset_index().merge(variants[["group", "variant"]], on="group")
    grid = grid.merge(counts, on=["source", "group", "article_id", "variant"], how="left")
    grid["n"] = grid["n"].fillna(0)
    out = grouped_intervals(
        grid, ["source", "group"], ["variant"], num="n", den="total", min_articles=min_articles
    )
    return out[[*keys, *INTERVAL_COLUMNS]]


def term_choice_by_voice(terms: pd.DataFrame) -> pd.DataFrame:
    """:func:`term_choice` for the narrator, the outlet's own words, and all voices, stacked.

    ``voices`` is ``"narrator"``, ``"own"`` or ``"all"``; columns: voices, then those of
    term_choice.
    """
    parts = [
        term_choice(terms, voice="narrator").assign(voices="narrator"),
        term_choice(terms, voice="own").assign(voices="own"),
        term_choice(terms, voice=None).assign(voices="all"),
    ]
    out = pd.concat([p for p in parts if not p.empty] or [parts[0]], ignore_index=True)
    return out[["voices", *CHOICE_COLUMNS, *INTERVAL_COLUMNS]]


def _pole_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Per article and group: n_ru, n_ua (only groups with a ru_state or ua_western match)."""
    polar = df[df["pole"].isin([RU_POLE, UA_POLE])]
    table = (
        polar.assign(
            n_ru=(polar["pole"] == RU_POLE).astype(int), n_ua=(polar["pole"] == UA_POLE).astype(int)
        )
        .groupby(["source", "article_id", "group"], sort=True)[["n_ru", "n_ua"]]
        .sum()
        .reset_index()
    )
    return table


def pooled_index(counts: np.ndarray) -> float:
    """Index of pooled counts: ``counts`` is (groups, 2) of (n_ru, n_ua) summed over articles.

    Mean over groups with n_ru + n_ua > 0 of (n_ru - n_ua) / (n_ru + n_ua); NaN if none.
    """
    totals = counts.sum(axis=1)
    used = totals > 0
    if not used.any():
        return math.nan
    return float(np.mean((counts[used, 0] - counts[used, 1]) / totals[used]))


def _pooled_indices(counts: np.ndarray) -> np.ndarray:
    """:func:`pooled_index` of each of (resamples, groups, 2) pooled counts, at once."""
    totals = counts.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_group = np.where(totals > 0, (counts[..., 0] - counts[..., 1]) / totals, np.nan)
    used = (totals > 0).sum(axis=1)
    sums = np.nansum(per_group, axis=1)
    return np.where(used > 0, sums / np.maximum(used, 1), np.nan)


def framing_index(
    terms: pd.DataFrame,
    *,
    voice: str | None = "own",
    articles: pd.DataFrame | None = None,
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 0,
    min_articles: int = MIN_ARTICLES,
) -> pd.DataFrame:
    """Per-source lexical framing index with a bootstrap CI over articles.

    Formula: pool the source's matches (in ``voice``: by default the outlet's own words,
    narration and reported speech; None = all voices) over its articles; for each group
    with at least one ``ru_state`` or ``ua_western`` match, g = (n_ru - n_ua) / (n_ru +
    n_ua); the index is the unweighted mean of g over those groups. +1: only
    Russian-state variants ("Kiev", "Donbass", "special military operation"); -1: only
    Ukrainian/western ones ("Kyiv", "Donbas", "invasion"); ``neutral`` and ``other``
    variants ("conflict", "Zelensky") do not enter.
    NaN when the source has no polar match.

    CI: percentile bootstrap (``n_boot`` resamples of the source's articles with
    replacement; a fresh ``numpy.random.default_rng(seed)`` per source, so the result is
    deterministic and does not depend on the other sources; the resamples are computed
    at once, :mod:`framing.compare.intervals`); NaN below ``min_articles`` articles.
    ``articles`` (with article_id and source) lets articles with no
    match count in ``n_articles`` and in the resampling; otherwise the articles are those
    of ``terms``.

    Columns: source, index, ci_low, ci_high, n_articles, n_groups (groups entering the
    index), n_ru, n_ua (pooled polar matches).
    """
    if not 0 < level < 1:
        raise ValueError("level must be between 0 and 1")
    df = _counted(terms, voice)
    if articles is not None:
        article_list = articles[["source", "article_id"]]
    else:
        article_list = terms[["source", "article_id"]]
    article_list = article_list.drop_duplicates().sort_values(["source", "article_id"])
    if article_list.empty:
        return pd.DataFrame(columns=INDEX_COLUMNS)
    per_group = _pole_counts(df)
    alpha = (1 - level) / 2
    rows = []
    for source, ids in article_list.groupby("source", sort=True)["article_id"]:
        ids_list = list(ids)
        sub = per_group[per_group["source"] == source]
        groups = sorted(sub["group"].unique())
        # cube[a, g] = (n_ru, n_ua) of article a in group g
        cube = np.zeros((len(ids_list), len(groups), 2), dtype=np.int64)
        a_pos = {a: i for i, a in enumerate(ids_list)}
        g_pos = {g: i for i, g in enumerate(groups)}
        for article, group, n_ru, n_ua in zip(
            sub["article_id"], sub["group"], sub["n_ru"], sub["n_ua"], strict=True
        ):
            if article in a_pos:
                cube[a_pos[article], g_pos[group]] = (int(n_ru), int(n_ua))
        pooled = cube.sum(axis=0)
        value = pooled_index(pooled)
        low = high = math.nan
        if len(ids_list) >= min_articles and groups:
            rng = np.random.default_rng(seed)  # per source: CIs do not depend on other sources
            weights = resample_weights(rng, len(ids_list), n_boot)
            boot = _pooled_indices(
                (weights @ cube.reshape(len(ids_list), -1)).reshape(n_boot, len(groups), 2)
            )
            boot = boot[~np.isnan(boot)]
            if boot.size:
                low, high = (float(x) for x in np.quantile(boot, [alpha, 1 - alpha]))
        rows.append(
            {
                "source": source,
                "index": value,
                "ci_low": low,
                "ci_high": high,
                "n_articles": len(ids_list),
                "n_groups": int((pooled.sum(axis=1) > 0).sum()),
                "n_ru": int(pooled[:, 0].sum()),
                "n_ua": int(pooled[:, 1].sum()),
            }
        )
    return pd.DataFrame(rows, columns=INDEX_COLUMNS)
