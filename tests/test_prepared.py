"""Derived data kept on disk: read back only for the same inputs and code, never trusted blindly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from framing import alternation
from framing.prepared import entry_path, prepared


def _double_build(calls: list[str]) -> Callable[[], dict[str, int]]:
    def build() -> dict[str, int]:
        calls.append("built")
        return {"kyiv": 2, "kiev": 2}

    return build


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_second_call_reads_the_stored_result(cache_dir: Path) -> None:
    calls: list[str] = []
    build = _double_build(calls)
    first = prepared("test", "inputs-1", build)
    second = prepared("test", "inputs-1", build)
    assert first == second == {"kyiv": 2, "kiev": 2}
    assert calls == ["built"]
    assert entry_path("test", "inputs-1", build).parent == cache_dir / "prepared"


def test_other_inputs_build_again(cache_dir: Path) -> None:
    calls: list[str] = []
    build = _double_build(calls)
    prepared("test", "inputs-1", build)
    prepared("test", "inputs-2", build)
    assert calls == ["built", "built"]


def test_a_damaged_entry_is_built_again(cache_dir: Path) -> None:
    calls: list[str] = []
    build = _double_build(calls)
    prepared("test", "x", build)
    entry_path("test", "x", build).write_text('{"kyiv": 2, "ki', encoding="utf-8")
    assert prepared("test", "x", build) == {"kyiv": 2, "kiev": 2}
    assert calls == ["built", "built"]


def test_an_unwritable_folder_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(blocker / "cache"))
    calls: list[str] = []
    build = _double_build(calls)
    assert prepared("test", "x", build) == prepared("test", "x", build)
    assert calls == ["built", "built"]


def test_alias_pattern_read_back_matches_as_built(cache_dir: Path) -> None:
    names = ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Kyiv", "Kiev", "Kremlin"]
    built = alternation.alias_pattern(names)
    stored = list((cache_dir / "prepared").glob("alias-pattern-*.json"))
    assert len(stored) == 1
    read_back = alternation.alias_pattern(names)
    assert read_back == built  # same sources, same flags
    text = "The Kremlin said Volodymyr Zelensky's office in Kiev (Kyiv) had not replied."
    assert [text[m.start(1) : m.end(1)] for m in read_back.finditer(text)] == [
        "Kremlin",
        "Volodymyr Zelensky",
        "Kiev",
        "Kyiv",
    ]
