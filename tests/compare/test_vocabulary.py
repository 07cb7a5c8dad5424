"""Fightin' Words: the over-used word of each source ranks first, z symmetric for two."""

from __future__ import annotations

import pandas as pd

from framing.compare.vocabulary import distinctive_words, tokenize


def _sentences(rows: list[tuple[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["source", "text"])


def test_tokenize_drops_stopwords_and_lowercases() -> None:
    assert tokenize("The talks in Kyiv’s office") == ["talks", "kyiv's", "office"]


def test_each_source_gets_its_own_word() -> None:
    df = _sentences(
        [
            ("RT", "Kiev regime Kiev regime talks"),
            ("RT", "Kiev regime talks"),
            ("CGTN", "peace dialogue talks peace"),
            ("CGTN", "dialogue peace talks"),
            ("Guardian", "Kyiv war talks Kyiv"),
            ("Guardian", "Kyiv war talks"),
        ]
    )
    out = distinctive_words(df, top=2, min_count=2, min_articles=1, min_z=0)
    assert list(out.columns) == ["source", "word", "n", "n_rest", "log_odds", "z", "n_articles"]
    first = out.groupby("source").head(1).set_index("source")["word"].to_dict()
    assert first["Guardian"] == "kyiv"
    assert first["CGTN"] == "peace"
    assert first["RT"] in {"kiev", "regime"}
    talks = distinctive_words(df, top=50, min_count=1, min_articles=1, min_z=-99)
    assert (talks[talks["word"] == "talks"]["z"].abs() < 1).all()


def test_two_sources_are_symmetric() -> None:
    df = _sentences([("A", "alpha alpha beta"), ("B", "beta beta alpha")])
    out = distinctive_words(df, top=5, min_count=1, min_articles=1, min_z=-99)
    out = out.set_index(["source", "word"])["z"]
    assert abs(out[("A", "alpha")] + out[("B", "alpha")]) < 1e-9


def test_single_source_or_empty() -> None:
    assert distinctive_words(_sentences([("A", "x y z")])).empty
    assert distinctive_words(_sentences([])).empty


def test_filler_and_one_article_words_are_not_distinctive() -> None:
    rows = [("A", f"a{i}", "Despite the day, the invasion went on. Invasion.") for i in range(30)]
    rows += [("A", "a9", "zebra zebra zebra zebra zebra zebra")]
    rows += [("B", f"b{i}", "Despite the day, the talks went on.") for i in range(30)]
    df = pd.DataFrame(rows, columns=["source", "article_id", "text"])
    out = distinctive_words(df)
    assert "day" not in set(out["word"]) and "despite" not in set(out["word"])
    assert "zebra" not in set(out["word"])  # six uses, one article
    assert list(out["word"]) == ["invasion", "talks"] and (out["z"] >= 1.96).all()
