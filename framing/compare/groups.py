"""Groups: any manifest column of the articles table as the unit of comparison.

Every comparison in :mod:`framing.compare` is written per ``source``. To compare by
``country``, ``ownership`` or any other manifest column (``--by COLUMN``), the tables
are *regrouped*: in each table that has an ``article_id``, ``source`` is replaced by
the article's value in that column (:func:`regroup_tables`), so that every comparison,
chart and finding works unchanged on the groups. An article without a value is in the
group ``(no <column>)``, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from framing.tables import TABLE_DTYPES

DEFAULT_BY = "source"
PERIODS = ("day", "week", "month")
# article columns that describe one article, not a group of them
_PER_ARTICLE = frozenset(
    {"article_id", "file", "title", "date", "url", "text_standard", "encoding", "text"}
)
_DECLARED_TEXT = [c for c, t in TABLE_DTYPES["articles"].items() if t == "str"]


class GroupingError(ValueError):
    """``--by`` names a column the articles do not have (the message lists those they do)."""


@dataclass(frozen=True)
class CompareOptions:
    """How comparisons are made: the grouping column (``by``), the timeline's period
    (``day``, ``week``, ``month``; None: chosen from the date span), and the minimum
    sample below which an interval is not shown (``min_articles`` for every measure,
    ``min_sentences`` also for sentence-level ones; see :mod:`framing.compare.intervals`).
    """

    by: str = DEFAULT_BY
    period: str | None = None
    min_articles: int = 5
    min_sentences: int = 10

    def __post_init__(self) -> None:
        if self.period is not None and self.period not in PERIODS:
            raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {self.period!r}")
        if self.min_articles < 2 or self.min_sentences < 1:
            raise ValueError("min_articles must be at least 2 and min_sentences at least 1")


def grouping_columns(articles: pd.DataFrame) -> list[str]:
    """The columns an analysis can be grouped by: the outlet metadata (source, country,
    ownership) and every extra manifest column, in table order."""
    declared = [c for c in _DECLARED_TEXT if c in articles.columns and c not in _PER_ARTICLE]
    extra = [
        c
        for c in articles.columns
        if c not in TABLE_DTYPES["articles"]
        and c not in _PER_ARTICLE
        and (articles[c].dtype == object or pd.api.types.is_string_dtype(articles[c]))
    ]
    return [*declared, *extra]


def check_by(articles: pd.DataFrame, by: str) -> None:
    """Raise :class:`GroupingError` unless ``by`` is one of :func:`grouping_columns`."""
    columns = grouping_columns(articles)
    if by not in columns:
        raise GroupingError(
            f"cannot group by {by!r}: not a manifest column of these articles; "
            f"columns: {', '.join(columns)}"
        )


def missing_label(by: str) -> str:
    return f"(no {by})"


def article_groups(articles: pd.DataFrame, by: str) -> pd.Series:
    """article_id -> group (its value in column ``by``; empty is ``(no <by>)``)."""
    check_by(articles, by)
    values = articles[by].astype(object).where(articles[by].notna(), "")
    values = values.map(lambda v: str(v).strip() or missing_label(by))
    return pd.Series(values.to_numpy(), index=articles["article_id"].astype(str), dtype=object)


def regroup_tables(tables: Mapping[str, pd.DataFrame], by: str) -> dict[str, pd.DataFrame]:
    """The tables with ``source`` replaced by each article's group in column ``by``.

    ``tables`` must hold ``articles``; every table with ``article_id`` and ``source``
    columns is regrouped (a row whose article is not in ``articles``, such as an
    ``errors`` row, keeps its source). ``by="source"`` returns the tables as they are.
    """
    articles = tables["articles"]
    if by == DEFAULT_BY:
        check_by(articles, by)
        return dict(tables)
    groups = article_groups(articles, by)
    out: dict[str, pd.DataFrame] = {}
    for name, df in tables.items():
        if {"article_id", "source"} <= set(df.columns) and not df.empty:
            mapped = df["article_id"].astype(str).map(groups)
            df = df.assign(source=mapped.where(mapped.notna(), df["source"]).astype("str"))
        out[name] = df
    return out
