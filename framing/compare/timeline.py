"""Comparisons over time: the ``timeline`` table, one row per group x period x metric.

Columns (DESIGN.md): ``by, group, period, metric, value, n_articles, ci_low, ci_high``.
``by`` names the grouping column (``source``, ``country``, ...), ``group`` its value,
``period`` the day (``2026-02-05``), ISO week (``2026-W06``) or month (``2026-02``) of
the articles' dates. Metrics, the same names as in ``summary.json``:

* ``term_share.<group>.<variant>``: share of the variant among the term group's matches
  in the outlet's own words (narration and reported speech), e.g. when "Kiev" gave way
  to "Kyiv"; ``n_articles``: articles of the period with a match in the term group;
* ``quoted_word_share.<side>``: the side's part of the words in direct and partial
  quotations; ``n_articles``: articles with quoted words;
* ``sentiment_mean``: mean over articles of their mean sentence sentiment (VADER).

Intervals come from resampling the period's articles (:mod:`framing.compare.intervals`):
NaN below ``min_articles``. Articles without a date are left out of the timeline. The
timeline is built from per-article counts (:func:`timeline_counts`), which a streamed
run gathers batch by batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from framing.compare.groups import DEFAULT_BY, article_groups
from framing.compare.intervals import MIN_ARTICLES, SENTIMENT, SHARE, grouped_intervals
from framing.compare.quotes import QUOTED_KINDS
from framing.compare.terms import own_words
from framing.tables import TIMELINE_COLUMNS, typed_table

DAY_SPAN = 31  # up to a month of dates: one period per day
WEEK_SPAN = 183  # up to half a year: per week; longer: per month


def choose_period(dates: pd.Series) -> str:
    """``day``, ``week`` or ``month`` from the span of ``dates`` (ISO dates)."""
    parsed = pd.to_datetime(dates[dates.astype(str) != ""], errors="coerce").dropna()
    if parsed.empty:
        return "day"
    span = (parsed.max() - parsed.min()).days
    return "day" if span <= DAY_SPAN else "week" if span <= WEEK_SPAN else "month"


def period_of(dates: pd.Series, period: str) -> pd.Series:
    """The period label of each ISO date ("" for no date)."""
    parsed = pd.to_datetime(dates.where(dates.astype(str) != ""), errors="coerce")
    if period == "day":
        labels = parsed.dt.strftime("%Y-%m-%d")
    elif period == "week":
        iso = parsed.dt.isocalendar()
        labels = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    elif period == "month":
        labels = parsed.dt.strftime("%Y-%m")
    else:
        raise ValueError(f"period must be day, week or month, not {period!r}")
    return labels.where(parsed.notna(), "").astype(str)


def timeline_counts(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Per-article counts the timeline needs: ``terms`` (article_id, group, variant, n:
    matches in the outlet's own words that count) and ``quotes`` (article_id, side,
    words: words in direct and partial quotations). Small: one row per article and
    variant or side; the counts of consecutive batches are concatenated."""
    terms = tables["terms"]
    if not terms.empty:
        kept = own_words(terms)
        if "counts" in terms.columns:
            kept &= terms["counts"].fillna(True).astype(bool)
        terms = terms[kept]
    term_counts = (
        terms.groupby(["article_id", "group", "variant"], sort=False)
        .size()
        .rename("n")
        .reset_index()
    )
    quotes = tables["quotes"]
    quotes = quotes[quotes["kind"].isin(QUOTED_KINDS)]
    words = "n_quoted_words" if "n_quoted_words" in quotes.columns else "n_words"
    side_words = (
        quotes.assign(side=quotes["affiliation"].fillna("unknown").astype(str))
        .groupby(["article_id", "side"], sort=False)[words]
        .sum()
        .rename("words")
        .reset_index()
    )
    return {"terms": term_counts, "quotes": side_words}


def concat_counts(parts: Sequence[Mapping[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    """The counts of several batches as one."""
    return {
        name: pd.concat([p[name] for p in parts], ignore_index=True) for name in ("terms", "quotes")
    }


def _share_rows(
    counts: pd.DataFrame, keys: pd.DataFrame, within: list[str], item: str, value: str
) -> pd.DataFrame:
    """Per article and ``item``: its count (``num``, 0 when the article lacks it) and the
    article's total over the items of the same ``within`` (``den``), with the article's
    group and period. Every item seen with ``within`` is listed for every article that
    has a count there, so shares add up to 1."""
    rows = counts.merge(keys, on="article_id")
    totals = rows.groupby(["article_id", *within], sort=False)[value].sum().rename("den")
    items = rows[[*within, item]].drop_duplicates()
    grid = totals.reset_index()
    grid = grid.merge(items, on=within) if within else grid.merge(items, how="cross")
    grid = grid.merge(rows[["article_id", *within, item, value]], how="left")
    grid = grid.merge(keys, on="article_id")
    return grid.assign(num=grid[value].fillna(0).astype(float), den=grid["den"].astype(float))


_ROW_COLUMNS = ["group", "period", "metric", "article_id", "num", "den"]


def _term_shares(counts: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    if counts.empty:
        return pd.DataFrame(columns=_ROW_COLUMNS)
    rows = _share_rows(
        counts.rename(columns={"group": "term_group"}), keys, ["term_group"], "variant", "n"
    )
    metric = "term_share." + rows["term_group"].astype(str) + "." + rows["variant"].astype(str)
    return rows.assign(metric=metric)[_ROW_COLUMNS]


def _side_shares(counts: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    counts = counts[counts["words"] > 0]
    if counts.empty:
        return pd.DataFrame(columns=_ROW_COLUMNS)
    rows = _share_rows(counts, keys, [], "side", "words")
    return rows.assign(metric="quoted_word_share." + rows["side"].astype(str))[_ROW_COLUMNS]


def timeline_table(
    articles: pd.DataFrame,
    counts: Mapping[str, pd.DataFrame],
    *,
    by: str = DEFAULT_BY,
    period: str | None = None,
    min_articles: int = MIN_ARTICLES,
) -> pd.DataFrame:
    """The timeline (module doc) of ``articles`` and their :func:`timeline_counts`.

    ``period``: ``day``, ``week``, ``month``, or None to choose from the date span.
    """
    if articles.empty:
        return typed_table({}, "timeline")
    chosen = period or choose_period(articles["date"].fillna("").astype(str))
    keys = pd.DataFrame(
        {
            "article_id": articles["article_id"].astype(str).to_numpy(),
            "group": article_groups(articles, by).to_numpy(),
            "period": period_of(articles["date"].fillna("").astype(str), chosen).to_numpy(),
        }
    )
    keys = keys[keys["period"] != ""]
    sentiment = articles.assign(article_id=articles["article_id"].astype(str)).merge(
        keys, on="article_id"
    )
    sentiment = sentiment[sentiment["sentiment_mean"].notna()]
    parts = [
        grouped_intervals(
            _term_shares(counts["terms"], keys),
            ["group", "period"],
            ["metric"],
            min_articles=min_articles,
            bounds=SHARE,
        ),
        grouped_intervals(
            _side_shares(counts["quotes"], keys),
            ["group", "period"],
            ["metric"],
            min_articles=min_articles,
            bounds=SHARE,
        ),
        grouped_intervals(
            pd.DataFrame(
                {
                    "group": sentiment["group"],
                    "period": sentiment["period"],
                    "metric": "sentiment_mean",
                    "article_id": sentiment["article_id"],
                    "num": sentiment["sentiment_mean"].astype(float),
                    "den": 1.0,
                }
            ),
            ["group", "period"],
            ["metric"],
            min_articles=min_articles,
            bounds=SENTIMENT,
        ),
    ]
    out = pd.concat([p for p in parts if not p.empty] or [parts[0]], ignore_index=True)
    out = out[out["n_articles"] > 0].assign(by=by)
    out = out.sort_values(["group", "metric", "period"], ignore_index=True)
    return typed_table(out[TIMELINE_COLUMNS], "timeline")
