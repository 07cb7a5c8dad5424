"""Actors registry: aliases, titles, apostrophes, media, demonyms, schema errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.actors import UNKNOWN_SIDE, find_mentions, load_actors
from framing.lexicon import LexiconError


def names(text: str) -> list[tuple[str, str, bool]]:
    return [(m.as_written, m.actor.name, m.via_title) for m in find_mentions(text)]


def test_default_registry_is_cached_and_valid() -> None:
    registry = load_actors()
    assert registry is load_actors()
    assert {a.side for a in registry.actors} <= set(registry.sides)
    assert UNKNOWN_SIDE not in registry.sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said",
            [
                ("Kremlin spokesman", "Dmitry Peskov", True),
                ("Dmitry Peskov", "Dmitry Peskov", False),
            ],
        ),
        ("Ukraine’s president spoke", [("Ukraine’s president", "Volodymyr Zelenskyy", True)]),
        ("Ukraine's president spoke", [("Ukraine's president", "Volodymyr Zelenskyy", True)]),
        ("Zelenskyy’s office", [("Zelenskyy", "Volodymyr Zelenskyy", False)]),
        (
            "the UAE's foreign ministry",
            [("the UAE's foreign ministry", "UAE Ministry of Foreign Affairs", False)],
        ),
        (
            "the United Arab Emirates (UAE) Ministry of Foreign Affairs",
            [
                (
                    "the United Arab Emirates (UAE) Ministry of Foreign Affairs",
                    "UAE Ministry of Foreign Affairs",
                    False,
                )
            ],
        ),
        ("Ukrainian officials said", [("Ukrainian officials", "Ukrainian government", False)]),
        ("a moscow mule", []),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert names(text) == expected


def test_resolution_is_remembered_per_surface_as_written() -> None:
    registry = load_actors()
    text = "Moscow said; a moscow mule; MOSCOW said; Moscow  said"
    first = [(m.as_written, m.actor.name) for m in find_mentions(text, registry)]
    assert first == [("Moscow", "Kremlin"), ("MOSCOW", "Kremlin"), ("Moscow", "Kremlin")]
    assert registry.resolve("moscow") is None  # remembered as "not a mention", still not one
    assert [(m.as_written, m.actor.name) for m in find_mentions(text, registry)] == first
    assert registry.resolve("Vladimir \n Putin") == registry.resolve("Vladimir Putin")


def test_find_accepts_either_apostrophe() -> None:
    registry = load_actors()
    actor = registry.find("Russia’s foreign minister")
    assert actor is not None and actor.name == "Sergey Lavrov"
    assert registry.find("nobody at all") is None


def test_media_and_demonyms() -> None:
    registry = load_actors()
    assert registry.is_media("Reuters") and registry.is_media("the Associated Press")
    assert registry.is_media("state media")
    assert not registry.is_media("Peskov")
    assert registry.demonym_side("a senior Ukrainian official") == "UA"
    assert registry.demonym_side("U.S. officials") == "US"
    assert registry.demonym_side("local residents") is None


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            "version: 1\nsides: [RU]\nactors:\n  - name: A\n    side: XX\n    aliases: [A]\n",
            r":5: actors\[0\]\.side: unknown side 'XX'",
        ),
        (
            "version: 1\nsides: [RU]\nactors:\n  - {name: A, side: RU, aliases: [X]}\n"
            "  - {name: B, side: RU, aliases: [X]}\n",
            "'X' is already an alias of 'A'",
        ),
        ("version: 1\nsides: [RU]\nactors: []\ndemonyms: {Russian: XX}\n", "demonyms.Russian"),
        ("version: 1\nsides: [RU]\nactors: []\nmedia: Reuters\n", ":4: media: expected a list"),
        ("version: 1\nsides: [RU]\nactors: []\npress: []\n", ":4: actors.press: unknown key"),
    ],
)
def test_schema_errors_name_file_and_line(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_actors(path)


def test_user_registry(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "version: 1\nsides: [A, B]\nmedia: [Daily Bugle]\ndemonyms: {Latverian: A}\n"
        "actors:\n  - {name: Victor von Doom, side: A, kind: person, aliases: [Doom],"
        " titles: [the Latverian ruler]}\n",
        encoding="utf-8",
    )
    registry = load_actors(path)
    assert [m.actor.name for m in find_mentions("Doom spoke.", registry)] == ["Victor von Doom"]
    assert registry.is_media("the Daily Bugle")
    assert registry.demonym_side("a Latverian diplomat") == "A"


def test_mentions_are_as_written_on_either_path() -> None:
    """Case checks see the text as written, whether or not it was matched lower-cased."""
    for text in ("PUTIN met ZeLensky in moscow", "PUTIN met ZeLensky in moscow, café"):
        assert [m.as_written for m in find_mentions(text)] == ["PUTIN", "ZeLensky"]


def test_memo_computes_once_and_empties_when_full() -> None:
    from framing.memo import Memo

    calls: list[str] = []
    memo = Memo(lambda key: calls.append(key) or key.upper(), limit=2)
    assert [memo[k] for k in ("a", "b", "a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]  # "a" computed once
    assert memo["c"] == "C" and set(memo) == {"c"}  # full: emptied before "c" went in
    assert calls == ["a", "b", "c"]


def test_mentions_with_letters_that_match_i_under_ignorecase() -> None:
    found = [(m.actor.name, m.as_written) for m in find_mentions("PUTİN met Putın")]
    assert found == [("Vladimir Putin", "PUTİN"), ("Vladimir Putin", "Putın")]
