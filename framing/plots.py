"""Charts: each a function DataFrame (+ optional ``ax``) -> matplotlib Axes.

Never calls ``plt.show()`` and never touches pyplot's global state: figures are
``matplotlib.figure.Figure`` objects, so this works under any backend and in tests.
Colours (:mod:`framing.labels`): one fixed colour per side and per group in every
chart (the Okabe-Ito colour-blind-safe palette); ``group_label`` names the grouping
on the axes ("Outlet", "Country", ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing.labels import VOICE_COLOURS, group_colours, side_colour

OKABE_ITO = [
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
]
SVG_HASHSALT = "framing"
FONT_SIZE = 10
STYLE = {"svg.hashsalt": SVG_HASHSALT, "font.size": FONT_SIZE}
EMPTY_CELL = "#f2f2f2"
COVERAGE_KINDS = ("actor", "place", "number", "date")  # framing.compare.coverage.KINDS


def style() -> AbstractContextManager[None]:
    """rcParams for drawing and saving charts: font size, and a fixed ``svg.hashsalt`` so
    that SVG element ids (random by default) are the same on every run."""
    return matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT, "font.size": FONT_SIZE})


def _axes(ax: Axes | None, size: tuple[float, float] = (8, 4.5)) -> Axes:
    if ax is not None:
        return ax
    fig = Figure(figsize=size)
    return fig.add_subplot()


def _height(n_rows: int) -> tuple[float, float]:
    """Figure size for a chart with one row per source: short for few sources."""
    return (8.0, max(2.6, 1.2 + 0.55 * n_rows))


def _finish(ax: Axes, title: str, xlabel: str, ylabel: str) -> Axes:
    ax.set_title(title, loc="left", fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def term_choice_heatmap(
    df: pd.DataFrame, ax: Axes | None = None, *, group_label: str = "source"
) -> Axes:
    """Heatmap source x ``group: variant`` of ``share`` (from compare.terms.term_choice);
    a cell with an interval shows it under the share ("62%" over "40-80")."""
    data = df.assign(label=df["group"].astype(str) + ": " + df["variant"].astype(str))
    wide = data.pivot_table(index="source", columns="label", values="share", aggfunc="sum")
    wide = wide.sort_index().sort_index(axis=1)
    ax = _axes(ax, (max(6.0, 0.6 * len(wide.columns) + 3), 0.5 * len(wide) + 2.5))
    im = ax.imshow(wide.to_numpy(dtype=float), cmap="cividis", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(wide.columns)), list(wide.columns), rotation=45, ha="right")
    ax.set_yticks(range(len(wide.index)), list(wide.index))
    low = _cell_values(data, wide, "ci_low")
    high = _cell_values(data, wide, "ci_high")
    for (i, j), v in np.ndenumerate(wide.to_numpy(dtype=float)):
        if not np.isnan(v):
            text = f"{v:.0%}"
            if not np.isnan(low[i, j]):
                text += f"\n{low[i, j]:.0%}-{high[i, j]:.0%}"
            colour = "white" if v < 0.6 else "black"
            ax.text(j, i, text, ha="center", va="center", color=colour, fontsize=8)
    ax.get_figure().colorbar(im, ax=ax, label="share of group")  # type: ignore[union-attr]
    return _finish(ax, "Term choice (outlet's own words)", "term group: term", group_label)


def _cell_values(data: pd.DataFrame, wide: pd.DataFrame, column: str) -> np.ndarray:
    """``column`` laid out as ``wide`` (NaN where absent)."""
    if column not in data.columns:
        return np.full(wide.shape, np.nan)
    cells = data.pivot_table(index="source", columns="label", values=column, aggfunc="first")
    return cells.reindex(index=wide.index, columns=wide.columns).to_numpy(dtype=float)


def quote_share_bars(
    df: pd.DataFrame, ax: Axes | None = None, *, group_label: str = "source"
) -> Axes:
    """Stacked horizontal bars: share of quoted words per side, one bar per source."""
    wide = df.pivot_table(index="source", columns="side", values="share", aggfunc="sum").fillna(0)
    wide = wide.sort_index()
    ax = _axes(ax, _height(len(wide)))
    left = np.zeros(len(wide))
    for side in wide.columns:
        values = wide[side].to_numpy(dtype=float)
        ax.barh(list(wide.index), values, left=left, color=side_colour(side), label=str(side))
        left += values
    ax.set_xlim(0, 1)
    ax.legend(title="side", loc="center left", bbox_to_anchor=(1, 0.5), frameon=False)
    ax.invert_yaxis()
    return _finish(ax, "Quoted words by side", "share of the group's quoted words", group_label)


def loaded_verb_bars(
    df: pd.DataFrame, ax: Axes | None = None, *, group_label: str = "source"
) -> Axes:
    """Grouped bars: share of loaded reporting verbs per source and side."""
    wide = df.pivot_table(index="source", columns="side", values="loaded_share", aggfunc="sum")
    wide = wide.sort_index()
    ax = _axes(ax)
    width = 0.8 / max(1, len(wide.columns))
    x = np.arange(len(wide))
    for k, side in enumerate(wide.columns):
        ax.bar(x + k * width, wide[side].fillna(0), width, color=side_colour(side), label=str(side))
    ax.set_xticks(
        x + width * (len(wide.columns) - 1) / 2, list(wide.index), rotation=20, ha="right"
    )
    ax.set_ylim(0, 1)
    ax.legend(title="side", loc="center left", bbox_to_anchor=(1, 0.5), frameon=False)
    return _finish(ax, "Loaded reporting verbs", group_label, "share of statements")


def sentiment_points(
    df: pd.DataFrame, ax: Axes | None = None, *, group_label: str = "source"
) -> Axes:
    """Points with 95% intervals (from resampling articles; none below the minimum n):
    mean sentence sentiment per source and voice."""
    sources = sorted(df["source"].astype(str).unique())
    ax = _axes(ax, _height(len(sources)))
    voices = sorted(df["voice"].astype(str).unique())
    y = {s: i for i, s in enumerate(sources)}
    for k, voice in enumerate(voices):
        part = df[df["voice"].astype(str) == voice]
        offset = (k - (len(voices) - 1) / 2) * 0.2
        ys = [y[str(s)] + offset for s in part["source"]]
        means = part["mean"].to_numpy(dtype=float)
        lo = means - part["ci_low"].to_numpy(dtype=float)
        hi = part["ci_high"].to_numpy(dtype=float) - means
        ax.errorbar(
            means,
            ys,
            xerr=[np.nan_to_num(lo), np.nan_to_num(hi)],
            fmt="o",
            color=VOICE_COLOURS.get(voice, OKABE_ITO[k % 8]),
            label=voice,
            capsize=3,
        )
    ax.axvline(0, color="#999", lw=0.8)
    ax.set_yticks(range(len(sources)), sources)
    ax.set_xlim(-1, 1)
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.legend(title="voice", loc="center left", bbox_to_anchor=(1, 0.5), frameon=False)
    title = "Sentence sentiment (VADER; 95% interval where n allows)"
    return _finish(ax, title, "mean compound score", group_label)


def readability_bars(
    df: pd.DataFrame, ax: Axes | None = None, *, group_label: str = "source"
) -> Axes:
    """Bars of Flesch reading ease per source (higher is easier), each group its colour."""
    data = df.sort_values("source")
    ax = _axes(ax, _height(len(data)))
    colours = group_colours(data["source"])
    ax.barh(
        data["source"].astype(str),
        data["flesch_reading_ease"],
        color=[colours[str(s)] for s in data["source"]],
    )
    ax.invert_yaxis()
    return _finish(ax, "Readability", "Flesch reading ease (higher = easier)", group_label)


def distinctive_words_bars(
    df: pd.DataFrame, ax: Axes | None = None, *, top: int = 5, group_label: str = "source"
) -> Axes:
    """Horizontal bars of z-scores: the ``top`` most distinctive words of each source."""
    data = df.sort_values(["source", "z"], ascending=[True, False]).groupby("source").head(top)
    if data.empty:
        raise ValueError("no distinctive words to chart")
    palette = group_colours(data["source"])
    ax = _axes(ax, _height(len(data) // 2 + 1))
    labels = [f"{s}: {w}" for s, w in zip(data["source"], data["word"], strict=True)]
    colours = [palette[str(s)] for s in data["source"]]
    ax.barh(range(len(data)), data["z"], color=colours)
    ax.set_yticks(range(len(data)), labels)
    ax.set_ylim(len(data) - 0.5, -0.5)
    return _finish(ax, "Distinctive words (log-odds, informative prior)", "z-score", "")


def _count_cells(ax: Axes, counts: np.ndarray, vmax: float) -> None:
    """Annotate non-zero cells with their count, in a colour readable on the cell."""
    for (i, j), v in np.ndenumerate(counts):
        if v > 0:
            colour = "white" if v / vmax > 0.55 else "black"
            ax.text(j, i, f"{int(v)}", ha="center", va="center", color=colour, fontsize=9)


def _count_image(ax: Axes, counts: np.ndarray) -> float:
    """Heatmap of counts: zeros blank (light grey), more = darker (cividis, colour-blind-safe)."""
    cmap = matplotlib.colormaps["cividis_r"].with_extremes(bad=EMPTY_CELL)
    vmax = float(max(counts.max(initial=0), 1))
    masked = np.ma.masked_equal(counts.astype(float), 0)
    ax.imshow(masked, cmap=cmap, vmin=0, vmax=vmax * 1.15, aspect="auto", interpolation="none")
    ax.set_xticks(np.arange(counts.shape[1] + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(counts.shape[0] + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    _count_cells(ax, counts, vmax * 1.15)
    return vmax


def speaker_verb_matrix(
    df: pd.DataFrame, ax: Axes | None = None, *, top: int = 24, group_label: str = "source"
) -> Axes:
    """Heatmap speaker x reporting verb of statement counts, the ``top`` most quoted speakers.

    ``df``: the matrix of :func:`framing.compare.quotes.speaker_verb_matrix` (speakers as
    index, verbs as columns). Speakers are ordered by number of statements, verbs by use.
    """
    if df.empty:
        raise ValueError("no statements to chart")
    if isinstance(df.index, pd.MultiIndex):  # per group: "RT: Dmitry Peskov (RU)"
        df = df.set_axis([": ".join(map(str, k)) for k in df.index], axis=0)
    counts = df.astype(int)
    totals = counts.sum(axis=1)
    speakers = sorted(totals.index, key=lambda s: (-int(totals[s]), str(s)))[:top]
    counts = counts.loc[speakers]
    used = counts.sum(axis=0)
    verbs = sorted((v for v in used.index if used[v] > 0), key=lambda v: (-int(used[v]), str(v)))
    counts = counts[verbs]
    ax = _axes(ax, (max(6.0, 0.45 * len(verbs) + 3.5), max(3.0, 0.38 * len(speakers) + 1.8)))
    _count_image(ax, counts.to_numpy())
    ax.set_xticks(range(len(verbs)), [str(v) for v in verbs], rotation=45, ha="right")
    ax.set_yticks(range(len(speakers)), [str(s) for s in speakers])
    shown = f"top {len(speakers)} of {len(totals)} speakers" if len(totals) > top else "speakers"
    ax = _finish(ax, f"Reporting verbs per speaker ({shown})", "reporting verb (lemma)", "")
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


def coverage_matrix(
    df: pd.DataFrame,
    ax: Axes | None = None,
    *,
    top: int = 45,
    kinds: Sequence[str] | None = None,
    group_label: str = "source",
) -> Axes:
    """Matrix item x source of mention counts (blank: the source omits the item).

    ``df``: the tidy table of :func:`framing.compare.coverage.coverage_table`. Rows are
    grouped by kind (actors with their side); within a kind, items mentioned by more
    sources come first. With more than ``top`` items, the most mentioned are shown.
    """
    data = df if kinds is None else df[df["kind"].isin(list(kinds))]
    if data.empty:
        raise ValueError("no coverage items to chart")
    kind_order = {k: i for i, k in enumerate(COVERAGE_KINDS)}
    wide = data.pivot_table(
        index=["kind", "item"], columns="source", values="n_mentions", aggfunc="sum", fill_value=0
    ).sort_index(axis=1)
    n_items = len(wide)
    if n_items > top:
        totals = wide.sum(axis=1)
        keep = sorted(wide.index, key=lambda k: (-int(totals[k]), str(k[1])))[:top]
        wide = wide.loc[keep]
    present = (wide > 0).sum(axis=1)
    mentions = wide.sum(axis=1)
    rows = sorted(
        wide.index,
        key=lambda k: (kind_order.get(k[0], 99), -int(present[k]), -int(mentions[k]), str(k[1])),
    )
    wide = wide.loc[rows]
    sides = data.drop_duplicates(["kind", "item"]).set_index(["kind", "item"])["side"]
    labels = [
        f"{item} ({sides[(kind, item)]})" if kind == "actor" and pd.notna(sides[(kind, item)])
        else str(item)
        for kind, item in wide.index
    ]  # fmt: skip
    n_sources = len(wide.columns)
    ax = _axes(ax, (max(6.5, 1.05 * n_sources + 4.0), max(3.0, 0.27 * len(wide) + 1.9)))
    _count_image(ax, wide.to_numpy())
    ax.set_xticks(range(n_sources), [str(c) for c in wide.columns], rotation=30, ha="left")
    ax.xaxis.tick_top()
    ax.set_yticks(range(len(wide)), labels, fontsize=9)
    kinds_shown = [k for k, _ in wide.index]
    for i in range(1, len(kinds_shown)):
        if kinds_shown[i] != kinds_shown[i - 1]:
            ax.axhline(i - 0.5, color="#333333", linewidth=1.2)
    for kind in dict.fromkeys(kinds_shown):
        idx = [i for i, k in enumerate(kinds_shown) if k == kind]
        ax.text(
            n_sources - 0.35, (idx[0] + idx[-1]) / 2, f"{kind}s", rotation=270,
            ha="left", va="center", fontweight="bold", color="#333333",
        )  # fmt: skip
    shown = f"top {len(wide)} of {n_items} items" if n_items > top else f"{n_items} items"
    ax.set_title(
        f"Coverage: who mentions what ({shown}; blank = not mentioned)",
        loc="left", fontweight="bold", pad=12,
    )  # fmt: skip
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


def term_timeline(
    df: pd.DataFrame,
    ax: Axes | None = None,
    *,
    metric: str,
    title: str,
    colours: dict[str, str] | None = None,
    group_label: str = "source",
) -> Axes:
    """Lines over the periods of the ``timeline`` table: ``metric`` per group (one fixed
    colour each), its 95% interval shaded where the period has enough articles."""
    data = df[df["metric"] == metric]
    if data.empty:
        raise ValueError(f"no {metric} in the timeline")
    periods = sorted(df["period"].astype(str).unique())
    x = {p: i for i, p in enumerate(periods)}
    palette = colours or group_colours(df["group"])
    ax = _axes(ax, (8.0, 4.2))
    for group, part in data.groupby("group", sort=True):
        part = part.sort_values("period")
        xs = [x[str(p)] for p in part["period"]]
        colour = palette.get(str(group), "#333333")
        ax.plot(xs, part["value"], marker="o", color=colour, label=str(group), lw=1.6, ms=4)
        ax.fill_between(
            xs,
            part["ci_low"].to_numpy(dtype=float),
            part["ci_high"].to_numpy(dtype=float),
            color=colour,
            alpha=0.12,
            lw=0,
        )
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=30, ha="right")
    ax.set_ylim(-0.02, 1.02)
    ax.legend(title=group_label, loc="center left", bbox_to_anchor=(1, 0.5), frameon=False)
    return _finish(ax, title, "period", "share")


CHARTS: dict[str, Callable[..., Axes]] = {
    "term_choice": term_choice_heatmap,
    "quote_share": quote_share_bars,
    "loaded_verbs": loaded_verb_bars,
    "sentiment": sentiment_points,
    "readability": readability_bars,
    "distinctive_words": distinctive_words_bars,
    "speaker_verb": speaker_verb_matrix,
    "coverage": coverage_matrix,
}
