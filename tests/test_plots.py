"""Chart functions: DataFrame -> Axes with the expected labels; never pyplot state."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from framing import plots


def test_term_choice_heatmap_labels() -> None:
    df = pd.DataFrame(
        {
            "source": ["RT", "RT", "CGTN"],
            "group": ["region"] * 3,
            "variant": ["Donbass", "Donbas", "Donbas"],
            "share": [1.0, 0.0, 1.0],
        }
    )
    ax = plots.term_choice_heatmap(df)
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CGTN", "RT"]
    assert "region: Donbass" in [t.get_text() for t in ax.get_xticklabels()]
    assert ax.get_ylabel() == "source"


def test_quote_share_bars_stack_to_one() -> None:
    df = pd.DataFrame({"source": ["RT", "RT"], "side": ["RU", "UA"], "share": [0.75, 0.25]})
    ax = plots.quote_share_bars(df)
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths == [0.25, 0.75]
    assert ax.get_legend() is not None


def test_sentiment_points_and_given_axes() -> None:
    ax0 = Figure().add_subplot()
    df = pd.DataFrame(
        {
            "source": ["RT", "RT"],
            "voice": ["narrator", "quoted"],
            "n": [3, 2],
            "mean": [0.1, -0.2],
            "sd": [0.1, 0.1],
            "ci_low": [0.0, -0.4],
            "ci_high": [0.2, 0.0],
        }
    )
    ax = plots.sentiment_points(df, ax=ax0)
    assert ax is ax0
    assert ax.get_xlabel() == "mean compound score"


def test_readability_bars() -> None:
    df = pd.DataFrame({"source": ["RT", "CGTN"], "flesch_reading_ease": [40.0, 55.0]})
    ax = plots.readability_bars(df)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CGTN", "RT"]


def test_okabe_ito_palette() -> None:
    assert plots.OKABE_ITO[0] == "#E69F00"
    assert len(set(plots.OKABE_ITO)) == 8


@pytest.mark.parametrize("name", sorted(plots.CHARTS))
def test_registry_holds_functions(name: str) -> None:
    assert callable(plots.CHARTS[name])


def test_distinctive_words_bars() -> None:
    df = pd.DataFrame(
        {"source": ["RT", "RT", "CGTN"], "word": ["kiev", "regime", "peace"], "z": [3.0, 2.0, 2.5]}
    )
    ax = plots.distinctive_words_bars(df)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["CGTN: peace", "RT: kiev", "RT: regime"]
    assert ax.get_xlabel() == "z-score"
