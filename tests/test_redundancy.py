"""The corpus pass that finds lines recurring in a source (framing.redundancy)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from framing.corpus import Article, CorpusError, ErrorHandler
from framing.redundancy import (
    MAX_LINE_CHARS,
    line_hashes,
    line_key,
    mark_read_twice,
    mark_recurring,
)

MENU = "Sedang Trending"


def _corpus() -> list[Article | CorpusError]:
    """Three articles of one source sharing a menu line, with an unreadable file between."""
    items: list[Article | CorpusError] = []
    for i, story in enumerate(["Talks resume.", "Kyiv replies.", "Allies agree."]):
        items.append(Article(f"a{i}", f"a{i}.txt", f"{MENU}\n{story}\n", source="Site"))
        if i == 0:
            items.append(CorpusError("bad.txt", "not text"))
    return items


class Reader:
    """Reads :func:`_corpus` as ``iter_unique`` does, counting the readings."""

    def __init__(self) -> None:
        self.readings = 0

    def __call__(self, on_error: ErrorHandler | None) -> Iterator[Article]:
        self.readings += 1
        for item in _corpus():
            if isinstance(item, CorpusError):
                if on_error is None:
                    raise item
                on_error(item)
            else:
                yield item


@pytest.mark.parametrize("held_chars, readings", [(10_000, 1), (20, 2)])
def test_files_are_read_once_when_they_fit_and_marked_alike(held_chars: int, readings: int) -> None:
    read, seen = Reader(), []
    events: list[object] = []

    def on_error(exc: CorpusError) -> None:
        events.append(exc.path)

    for article in mark_read_twice(read, on_error, max_held_chars=held_chars):
        events.append(article.article_id)
        seen.append(article)
    assert read.readings == readings
    assert events == ["a0", "bad.txt", "a1", "a2"]  # errors where one reading meets them
    good = [a for a in _corpus() if isinstance(a, Article)]
    assert seen == list(mark_recurring(good))
    assert [a.recurring_lines for a in seen] == [((1, 3),)] * 3


def test_without_a_handler_the_first_unreadable_file_raises_in_place() -> None:
    marked = mark_read_twice(Reader(), None)
    assert next(marked).article_id == "a0"
    with pytest.raises(CorpusError, match="not text"):
        next(marked)


def test_folding_the_whole_text_keys_each_line_as_line_key() -> None:
    lines = [
        "  • STRASSE Straße:",
        "ΟΔΟΣ Σ",
        "İstanbul  –",
        "",
        "   ",
        "x" * (MAX_LINE_CHARS + 1),
        "ﬁn.",
    ]
    expected = [
        (i, hash(line_key(line)))
        for i, line in enumerate(lines)
        if line_key(line) and len(line) <= MAX_LINE_CHARS
    ]
    assert line_hashes("\n".join(lines)) == expected
    assert [i for i, _ in expected] == [0, 1, 2, 6]
