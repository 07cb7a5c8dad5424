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


def test_speaker_verb_matrix_top_speakers() -> None:
    matrix = pd.DataFrame(
        {"say": [4, 1, 0], "claim": [0, 2, 0], "insist": [0, 0, 1]},
        index=["Steve Witkoff (US)", "Sergey Lavrov (RU)", "Serhii (unknown)"],
    )
    ax = plots.speaker_verb_matrix(matrix, top=2)
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Steve Witkoff (US)",
        "Sergey Lavrov (RU)",
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["say", "claim"]  # "insist" unused
    assert ax.get_xlabel() == "reporting verb (lemma)"
    assert "top 2 of 3 speakers" in ax.get_title(loc="left")
    assert sorted(t.get_text() for t in ax.texts) == ["1", "2", "4"]  # zero cells blank


def test_coverage_matrix_rows_grouped_by_kind() -> None:
    rows = [
        ("Steve Witkoff", "actor", "US", "RT", 2), ("Steve Witkoff", "actor", "US", "CGTN", 1),
        ("Kyiv", "place", None, "RT", 1), ("Kyiv", "place", None, "CGTN", 0),
        ("314 prisoners", "number", None, "RT", 0), ("314 prisoners", "number", None, "CGTN", 1),
    ]  # fmt: skip
    df = pd.DataFrame(rows, columns=["item", "kind", "side", "source", "n_mentions"])
    ax = plots.coverage_matrix(df)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Steve Witkoff (US)",
        "Kyiv",
        "314 prisoners",
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["CGTN", "RT"]
    assert {"actors", "places", "numbers"} <= {t.get_text() for t in ax.texts}
    only_numbers = plots.coverage_matrix(df, kinds=["number"], ax=Figure().add_subplot())
    assert [t.get_text() for t in only_numbers.get_yticklabels()] == ["314 prisoners"]
    with pytest.raises(ValueError):
        plots.coverage_matrix(df, kinds=["date"])


def test_coverage_matrix_caps_rows() -> None:
    df = pd.DataFrame(
        {"item": [f"p{i}" for i in range(10)], "kind": "place", "side": None, "source": "RT",
         "n_mentions": range(10)}
    )  # fmt: skip
    ax = plots.coverage_matrix(df, top=3)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["p9", "p8", "p7"]
    assert "top 3 of 10 items" in ax.get_title(loc="left")
