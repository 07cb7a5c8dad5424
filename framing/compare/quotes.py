"""Per-source comparisons of the ``quotes`` table: who gets quoted, how much, with which verbs.

Every function takes the quotes DataFrame (columns as in DESIGN.md) and returns a new
DataFrame in long ("tidy") form, sorted for deterministic output; pivot it for display
(``df.pivot(index="source", columns="side", values="share")``).

* :func:`quoted_words_by_side`: share of each source's quoted words given to each side
  (direct and partial quotations by default: the words are the speaker's own).
* :func:`voices_by_side`: number of distinct speakers per side and source.
* :func:`speaker_verb_matrix`: statements per speaker and reporting verb.
* :func:`loaded_verb_share`: share of statements introduced by a loaded verb (one that
  carries the reporter's stance: claim, insist, admit, slam; see verbs.yaml), per side and
  source ("RU officials 'claim', UA officials 'say'").
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.compare import row_weights
from framing.compare.intervals import MIN_ARTICLES, grouped_intervals

NEUTRAL_CLASS = "neutral"
# verb classes that name the speaker's act without the reporter's stance (verbs.yaml's
# header: AP's "said", Wikipedia MOS:SAID); every other class counts as loaded
NOT_LOADED_CLASSES = frozenset({NEUTRAL_CLASS, "directive", "commissive", "evaluative", "belief"})
QUOTED_KINDS = ("direct", "partial")
UNKNOWN = "unknown"
INTERVAL_COLUMNS = ["n_articles", "ci_low", "ci_high"]


def side_intervals(
    df: pd.DataFrame, num: str, den: str, *, min_articles: int, within_side: bool
) -> pd.DataFrame:
    """source, side, n_articles, ci_low, ci_high of a share per side, resampling articles.

    ``num``/``den``: per-row columns summed per article; ``within_side``: the share's
    denominator is the side's own (loaded verbs of a side's statements), else the
    source's whole (a side's part of all quoted words). Empty without ``article_id``.
    """
    columns = ["source", "side", *INTERVAL_COLUMNS]
    if "article_id" not in df.columns or df.empty:
        return pd.DataFrame(columns=columns)
    sums = df.groupby(["source", "article_id", "side"], sort=False)[[num, den]].sum().reset_index()
    if not within_side:
        totals = sums.groupby(["source", "article_id"])[den].sum().rename("_total").reset_index()
        sides = sums[["source", "side"]].drop_duplicates()
        grid = totals.merge(sides, on="source").merge(
            sums[["source", "article_id", "side", num]],
            on=["source", "article_id", "side"],
            how="left",
        )
        sums = grid.assign(**{num: grid[num].fillna(0), den: grid["_total"]})
    out = grouped_intervals(sums, ["source"], ["side"], num=num, den=den, min_articles=min_articles)
    return out[columns]


def _prepared(quotes: pd.DataFrame, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Rows of the chosen kinds, with missing sides and speakers made explicit."""
    required = {"source", "kind", "speaker", "affiliation", "n_words"}
    missing = required - set(quotes.columns)
    if missing:
        raise ValueError(f"quotes table lacks columns: {', '.join(sorted(missing))}")
    df = quotes if kinds is None else quotes[quotes["kind"].isin(list(kinds))]
    df = df.copy()
    df["affiliation"] = df["affiliation"].fillna(UNKNOWN).astype(str)
    df["side"] = df["affiliation"]
    return df


def quoted_words_by_side(
    quotes: pd.DataFrame,
    *,
    kinds: Sequence[str] = QUOTED_KINDS,
    min_articles: int = MIN_ARTICLES,
) -> pd.DataFrame:
    """Quoted words per source and side: ``source, side, n_quotes, words, share``, then
    ``n_articles, ci_low, ci_high`` (the share's interval from resampling the source's
    articles with quoted words; NaN below ``min_articles`` or without article_id).

    ``share`` is the side's part of the source's quoted words (sums to 1 per source).
    """
    df = _prepared(quotes, kinds)
    columns = ["source", "side", "n_quotes", "words", "share", *INTERVAL_COLUMNS]
    if df.empty:
        return pd.DataFrame(columns=columns)
    weights = row_weights(df)  # 1 per row, or n_rows of a compact table
    # words inside quotation marks; a table written before n_quoted_words has only n_words
    counted = "n_quoted_words" if "n_quoted_words" in df.columns else "n_words"
    df = df.assign(_quotes=weights, _words=df[counted].astype("int64") * weights)
    out = (
        df.groupby(["source", "side"], sort=True)
        .agg(n_quotes=("_quotes", "sum"), words=("_words", "sum"))
        .reset_index()
    )
    totals = out.groupby("source")["words"].transform("sum")
    out["share"] = (out["words"] / totals.where(totals > 0)).fillna(0.0)
    intervals = side_intervals(
        df.assign(_all=df["_words"]), "_words", "_all", min_articles=min_articles, within_side=False
    )
    out = out.merge(intervals, on=["source", "side"], how="left")
    return out[columns].sort_values(["source", "side"], ignore_index=True)


def voices_by_side(quotes: pd.DataFrame, *, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Distinct speakers per source and side: ``source, side, n_voices, speakers``.

    ``speakers`` lists the names, sorted and joined by "; " so the table stays flat.
    Rows without a speaker are left out.
    """
    df = _prepared(quotes, kinds)
    df = df[df["speaker"].notna() & (df["speaker"].astype(str) != "")]
    columns = ["source", "side", "n_voices", "speakers"]
    if df.empty:
        return pd.DataFrame(columns=columns)
    out = (
        df.groupby(["source", "side"], sort=True)["speaker"]
        .agg(lambda s: sorted(set(map(str, s))))
        .reset_index()
    )
    out["n_voices"] = out["speaker"].map(len)
    out["speakers"] = out["speaker"].map("; ".join)
    return out[columns].sort_values(["source", "side"], ignore_index=True)


def speaker_verb_matrix(quotes: pd.DataFrame, *, source: str | None = None) -> pd.DataFrame:
    """Statements per speaker (rows) and reporting verb (columns); one source or all."""
    df = _prepared(quotes)
    if source is not None:
        df = df[df["source"] == source]
    df = df.assign(
        speaker=df["speaker"].fillna("(no speaker)").astype(str),
        verb=df["verb"].fillna("(none)").astype(str),
    )
    if df.empty:
        return pd.DataFrame()
    matrix = pd.crosstab(df["speaker"], df["verb"])
    return matrix.sort_index().sort_index(axis=1)


def speaker_verb_by_group(
    quotes: pd.DataFrame, *, labels: dict[str, str] | None = None, top: int = 6
) -> pd.DataFrame:
    """Statements per (source, speaker) and reporting verb: the ``top`` most quoted
    speakers of each source (or group), so that outlets are not pooled. Index: source,
    speaker (renamed by ``labels``, e.g. "Dmitry Peskov (RU)"); columns: verbs."""
    df = _prepared(quotes)
    df = df.assign(
        speaker=df["speaker"].fillna("(no speaker)").astype(str),
        verb=df["verb"].fillna("(none)").astype(str),
    )
    if df.empty:
        return pd.DataFrame()
    matrix = pd.crosstab([df["source"].astype(str), df["speaker"]], df["verb"])
    totals = matrix.sum(axis=1)
    keep = [
        key
        for source in sorted(matrix.index.get_level_values(0).unique())
        for key in sorted(
            (k for k in matrix.index if k[0] == source), key=lambda k: (-int(totals[k]), k[1])
        )[:top]
    ]
    matrix = matrix.loc[keep].sort_index(axis=1)
    if labels:
        matrix = matrix.rename(index=labels, level=1)
    return matrix


def loaded_verb_share(quotes: pd.DataFrame, *, min_articles: int = MIN_ARTICLES) -> pd.DataFrame:
    """Share of loaded reporting verbs (a class outside ``NOT_LOADED_CLASSES``) per source
    and side.

    Columns: ``source, side, n_statements, n_loaded, loaded_share, loaded_verbs``
    (the loaded verbs with their counts, most frequent first: "claim 2; insist 1"), then
    ``n_articles, ci_low, ci_high`` (interval of loaded_share from resampling articles).
    """
    df = _prepared(quotes)
    df = df[df["verb"].notna()]
    columns = [
        "source",
        "side",
        "n_statements",
        "n_loaded",
        "loaded_share",
        "loaded_verbs",
        *INTERVAL_COLUMNS,
    ]
    if df.empty:
        return pd.DataFrame(columns=columns)
    df = df.assign(
        loaded=~df["verb_class"].fillna(NEUTRAL_CLASS).isin(NOT_LOADED_CLASSES),
        _n=row_weights(df),
    )
    rows = []
    for (source, side), group in df.groupby(["source", "side"], sort=True):
        loaded = group[group["loaded"]]
        counts = loaded.groupby("verb")["_n"].sum()
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        n_statements, n_loaded = int(group["_n"].sum()), int(loaded["_n"].sum())
        rows.append(
            {
                "source": source,
                "side": side,
                "n_statements": n_statements,
                "n_loaded": n_loaded,
                "loaded_share": n_loaded / n_statements,
                "loaded_verbs": "; ".join(f"{verb} {n}" for verb, n in ordered),
            }
        )
    out = pd.DataFrame(rows, columns=columns[:6])
    scored = df.assign(_loaded=df["loaded"].astype(float) * df["_n"], _all=df["_n"].astype(float))
    intervals = side_intervals(
        scored, "_loaded", "_all", min_articles=min_articles, within_side=True
    )
    return out.merge(intervals, on=["source", "side"], how="left")[columns]
