"""Coverage across sources: which actors, places and numeric facts each source mentions,
and which it omits.

The mentions themselves are found per article by :mod:`framing.extract.coverage` (the
``coverage`` table); this module compares them across sources:

* :func:`coverage_table`: one row per item and source, including the sources that
  omit the item (``n_mentions == 0``): ``item, kind, side, source, n_mentions,
  n_articles, article_id, start, end, as_written, context, value, unit`` where
  ``article_id``/``start``/``end``/``as_written``/``context`` are those of the
  source's first mention (by article_id, then offset); empty when omitted.
* :func:`coverage_pivot`: item x source counts; :func:`coverage_gaps`: who mentions
  and who omits each item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from framing.actors import ActorRegistry
from framing.extract.coverage import (
    KINDS,
    MENTION_COLUMNS,
    MENTION_DTYPES,
    CoverageLexicon,
    Mention,
    article_mention_rows,
    coverage_mentions,
    default_coverage_lexicon,
    find_places,
    load_coverage_lexicon,
    text_mentions,
)

__all__ = [
    "COVERAGE_COLUMNS",
    "GAP_COLUMNS",
    "KINDS",
    "MENTION_COLUMNS",
    "MENTION_DTYPES",
    "CoverageLexicon",
    "Mention",
    "article_mention_rows",
    "coverage",
    "coverage_gaps",
    "coverage_mentions",
    "coverage_pivot",
    "coverage_table",
    "default_coverage_lexicon",
    "find_places",
    "load_coverage_lexicon",
    "text_mentions",
]

COVERAGE_COLUMNS = [
    "item",
    "kind",
    "side",
    "source",
    "n_mentions",
    "n_articles",
    "article_id",
    "start",
    "end",
    "as_written",
    "context",
    "value",
    "unit",
]
GAP_COLUMNS = ["item", "kind", "side", "n_sources", "n_mentions", "mentioned_by", "omitted_by"]
FIGURE_COLUMNS = ["figure", "kind", "nouns", "n_sources", "mentioned_by", "omitted_by"]
# units that make a number a duration, not a count of people or things
DURATION_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades".split()
)
# units that make a number an amount (of money, or a percentage): kept in the figure
AMOUNT_UNITS = frozenset(
    "% percent per cent $ € £ ¥ ₽ ₴ dollar dollars euro euros pound pounds rouble roubles "
    "ruble rubles hryvnia hryvnias yuan lira liras".split()
)


def figures(table: pd.DataFrame) -> pd.DataFrame:
    """The coverage table's numbers as facts: one row per figure (columns
    :data:`FIGURE_COLUMNS`), who reports it and who does not.

    The same count with different nouns is one figure ("314 prisoners" and "314
    combatants" are ``314``, nouns "combatants, prisoners"; "157 prisoners each" is
    ``157 each``); durations ("2 days", "5.5 hours") and amounts of money or
    percentages ("$70", "70%") are kinds of their own (``duration``, ``amount``) and
    keep their unit. Sorted by kind (counts first), then the figures reported by more
    sources first.
    """
    numbers = table[table["kind"] == "number"]
    if numbers.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    unit = numbers["unit"].fillna("").astype(str).str.casefold()
    duration = unit.isin(DURATION_UNITS)
    amount = unit.isin(AMOUNT_UNITS) | ~unit.str.contains(r"[a-z]", regex=True) & (unit != "")
    each = numbers["item"].astype(str).str.endswith(" each")
    value = pd.to_numeric(numbers["value"], errors="coerce")
    number = value.map(lambda v: f"{v:g}" if pd.notna(v) else "")
    figure = number.where(~(duration | amount), numbers["item"].astype(str))
    counted = ~(duration | amount)  # the item itself is the label of the other kinds
    figure = figure + pd.Series(" each", index=numbers.index).where(each & counted, "")
    kinds = pd.Series("count", index=numbers.index).where(~duration, "duration")
    keyed = numbers.assign(figure=figure, kind=kinds.where(~amount, "amount"), noun=unit)
    all_sources = sorted(set(map(str, table["source"])))
    rows = []
    for (fig_kind, fig), group in keyed.groupby(["kind", "figure"], sort=False):
        present = sorted(set(map(str, group.loc[group["n_mentions"] > 0, "source"])))
        if not present:
            continue
        nouns = sorted(set(group.loc[group["n_mentions"] > 0, "noun"]) - {""})
        rows.append(
            {
                "figure": fig,
                "kind": fig_kind,
                "nouns": ", ".join(nouns) if fig_kind == "count" else "",
                "n_sources": len(present),
                "mentioned_by": "; ".join(present),
                "omitted_by": "; ".join(s for s in all_sources if s not in present),
            }
        )
    out = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    rank = {"count": 0, "amount": 1, "duration": 2}
    order = out.assign(_k=out["kind"].map(rank), _n=-out["n_sources"])
    return out.loc[order.sort_values(["_k", "_n"], kind="stable").index].reset_index(drop=True)


def _kind_rank(kinds: pd.Series) -> pd.Series:
    return kinds.map({k: i for i, k in enumerate(KINDS)}).fillna(len(KINDS))


def _sorted(df: pd.DataFrame, *then: str) -> pd.DataFrame:
    """Rows by kind, then names alphabetically, figures by unit then value ("157 prisoners
    each" next to "314 prisoners"), dates by year; then by the columns ``then``."""
    keyed = df.assign(
        _rank=_kind_rank(df["kind"]),
        _unit=df["unit"].fillna("").astype(str).str.casefold(),
        _value=pd.to_numeric(df["value"], errors="coerce").fillna(0.0),
        _key=df["item"].astype(str).str.casefold(),
    )
    keys = ["_rank", "_unit", "_value", "_key", "item", *then]
    return keyed.sort_values(keys, ignore_index=True)[list(df.columns)]


def coverage_table(mentions: pd.DataFrame, *, sources: Iterable[str] | None = None) -> pd.DataFrame:
    """Per item and source: how often the source mentions it, and where first.

    ``sources``: every outlet to report on (e.g. ``analysis.articles["source"]``), so that
    a source that mentions nothing still shows its omissions; default: the sources
    found in ``mentions``. Columns :data:`COVERAGE_COLUMNS` (module doc).
    """
    all_sources = sorted(set(map(str, sources if sources is not None else mentions["source"])))
    if mentions.empty or not all_sources:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    ordered = mentions.assign(source=mentions["source"].astype(str)).sort_values(
        ["article_id", "start", "end"], kind="stable"
    )
    keys = ["kind", "item", "source"]
    first = ordered.drop_duplicates(keys)[
        [*keys, "article_id", "start", "end", "as_written", "context"]
    ]
    counts = (
        ordered.groupby(keys, sort=False)
        .agg(n_mentions=("item", "size"), n_articles=("article_id", "nunique"))
        .reset_index()
    )
    items = ordered.drop_duplicates(["kind", "item"])[["kind", "item", "side", "value", "unit"]]
    grid = items.merge(pd.DataFrame({"source": all_sources}), how="cross")
    out = grid.merge(counts, on=keys, how="left").merge(first, on=keys, how="left")
    out["n_mentions"] = out["n_mentions"].fillna(0).astype(int)
    out["n_articles"] = out["n_articles"].fillna(0).astype(int)
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    return _sorted(out[COVERAGE_COLUMNS], "source")


def coverage(
    sentences: pd.DataFrame,
    *,
    sources: Iterable[str] | None = None,
    actors: ActorRegistry | None = None,
    lexicon: CoverageLexicon | None = None,
    kinds: Sequence[str] = KINDS,
) -> pd.DataFrame:
    """:func:`coverage_table` of :func:`coverage_mentions`: the coverage of ``sentences``.

    >>> cov = coverage(analysis.sentences, sources=analysis.articles["source"])  # doctest: +SKIP
    >>> coverage_pivot(cov, kinds=["number"])                                    # doctest: +SKIP
    """
    mentions = coverage_mentions(sentences, actors=actors, lexicon=lexicon, kinds=kinds)
    if sources is None:
        sources = sentences["source"].astype(str)
    return coverage_table(mentions, sources=sources)


def coverage_pivot(
    table: pd.DataFrame, *, kinds: Sequence[str] | None = None, values: str = "n_mentions"
) -> pd.DataFrame:
    """Item x source matrix of ``values`` (mentions, or ``n_articles``); 0 where omitted.

    Index: (kind, item), in the order of :func:`coverage_table`; columns: sources, sorted.
    """
    df = table if kinds is None else table[table["kind"].isin(list(kinds))]
    if df.empty:
        return pd.DataFrame(index=pd.MultiIndex.from_tuples([], names=["kind", "item"]))
    wide = df.pivot_table(
        index=["kind", "item"], columns="source", values=values, aggfunc="sum", fill_value=0
    )
    order = df.drop_duplicates(["kind", "item"]).set_index(["kind", "item"]).index
    wide = wide.reindex(order).sort_index(axis=1).astype(int)
    wide.columns.name = "source"
    return wide


def coverage_gaps(table: pd.DataFrame, *, omitted_only: bool = True) -> pd.DataFrame:
    """Who mentions and who omits each item (columns :data:`GAP_COLUMNS`).

    ``mentioned_by``/``omitted_by``: sources joined by "; ". With ``omitted_only``
    (default), items that every source mentions are left out. Sorted by kind, then
    items mentioned by fewer sources first.
    """
    if table.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    rows = []
    for (kind, item), group in table.groupby(["kind", "item"], sort=False):
        present = group["n_mentions"] > 0
        if omitted_only and present.all():
            continue
        rows.append(
            {
                "item": item,
                "kind": kind,
                "side": group["side"].iloc[0],
                "n_sources": int(present.sum()),
                "n_mentions": int(group["n_mentions"].sum()),
                "mentioned_by": "; ".join(sorted(group.loc[present, "source"].astype(str))),
                "omitted_by": "; ".join(sorted(group.loc[~present, "source"].astype(str))),
            }
        )
    out = pd.DataFrame(rows, columns=GAP_COLUMNS)
    if out.empty:
        return out
    out = out.assign(_rank=_kind_rank(out["kind"]), _key=out["item"].str.casefold())
    out = out.sort_values(["_rank", "n_sources", "_key"], ignore_index=True)
    return out[GAP_COLUMNS]
