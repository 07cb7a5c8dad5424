"""Lines that recur across the articles of one source: the corpus-level chrome signal.

A navigation label, a topic blurb or an appeal printed on every page of a site recurs,
verbatim, in several of its articles; a body line does not (the redundancy signal of
boilerplate detectors such as jusText and boilerpipe). So a corpus is read twice: a
first pass counts, per source, in how many articles each normalised line occurs
(:func:`count_recurring`), then each article is given the numbers of its lines that
occur in another article of its source, with that count (:meth:`RecurringLines.mark`,
the ``Article.recurring_lines`` field), before it is cleaned, in this process, in a
pool or on Dask alike. :func:`framing.clean.clean_text` decides which of them to remove.

Lines are compared after case folding, with spacing collapsed and bullets and outer
punctuation stripped (digits count: "List of key events, day 26" and "day 28" are two
headlines of a series, not one label). Blank lines and lines longer than
``MAX_LINE_CHARS`` are not counted.
Memory: one dict entry per distinct line of each source (a hash and a count), freed
after the count; the hashes are those of this process, so the marking is done where the
counting was. Files are read and decoded once when their texts total at most
``MAX_HELD_CHARS`` (the articles are held between the passes), else twice
(:func:`mark_read_twice`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from framing.corpus import Article, CorpusError, ErrorHandler

MIN_ARTICLES = 2  # a line in this many articles of a source recurs
MAX_LINE_CHARS = 1000
MAX_HELD_CHARS = 64_000_000  # texts held between the two passes over files (about 64 MB)
_EDGE = " \t•·*-–—|:;,.!?\"'“”‘’«»()[]"


def line_key(line: str) -> str:
    """The normalised form lines are compared in (module docstring)."""
    return _key_of_folded(line.casefold())


def _key_of_folded(folded: str) -> str:
    """:func:`line_key` of a line already case-folded."""
    return " ".join(folded.split()).strip(_EDGE)


def _keys(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line index, key) of the countable lines of ``text``.

    The text is case-folded once, not line by line: folding maps each character on its
    own and never makes or removes a line break or a space, so line ``i`` of the folded
    text is the folded line ``i``."""
    folded = text.casefold().split("\n")
    for i, (line, low) in enumerate(zip(text.split("\n"), folded, strict=True)):
        if len(line) <= MAX_LINE_CHARS:
            key = _key_of_folded(low)
            if key:
                yield i, key


def line_hashes(text: str) -> list[tuple[int, int]]:
    """(0-based line index, hash of the key) of the countable lines of ``text``."""
    return [(i, hash(key)) for i, key in _keys(text)]


@dataclass
class RecurringLines:
    """Per source, the hashes of the line keys found in ``MIN_ARTICLES`` articles or
    more, with their number of articles."""

    recurring: dict[str, dict[int, int]] = field(default_factory=dict)

    def lines_of(
        self, article: Article, hashes: Sequence[tuple[int, int]] | None = None
    ) -> tuple[tuple[int, int], ...]:
        """(1-based line, articles holding it) for the lines of ``article`` that recur
        (``hashes``: its :func:`line_hashes`, when already known)."""
        found = self.recurring.get(article.source)
        if not found:
            return ()
        if hashes is None:
            hashes = line_hashes(article.text)
        hits = ((i + 1, found.get(h, 0)) for i, h in hashes)
        return tuple((line, n) for line, n in hits if n)

    def mark(self, article: Article, hashes: Sequence[tuple[int, int]] | None = None) -> Article:
        """``article`` with its ``recurring_lines`` filled in."""
        lines = self.lines_of(article, hashes)
        return replace(article, recurring_lines=lines) if lines else article


def count_recurring(articles: Iterable[Article]) -> RecurringLines:
    """The first pass: per source, which line keys occur in two articles or more."""
    return _recurring((a.source, line_hashes(a.text)) for a in articles)


def _recurring(hashed: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> RecurringLines:
    """:func:`count_recurring` from each article's source and :func:`line_hashes`."""
    counts: dict[str, Counter[int]] = {}
    for source, hashes in hashed:
        counts.setdefault(source, Counter()).update({h for _, h in hashes})
    return RecurringLines(
        {
            name: {h: n for h, n in source.items() if n >= MIN_ARTICLES}
            for name, source in counts.items()
        }
    )


def mark_recurring(articles: Sequence[Article]) -> Iterator[Article]:
    """Both passes over articles held in memory."""
    hashes = [line_hashes(a.text) for a in articles]
    recurring = _recurring(zip((a.source for a in articles), hashes, strict=True))
    return map(recurring.mark, articles, hashes)


Reader = Callable[[ErrorHandler | None], Iterable[Article]]


def mark_read_twice(
    read: Reader, on_error: ErrorHandler | None, max_held_chars: int = MAX_HELD_CHARS
) -> Iterator[Article]:
    """Both passes over the articles ``read(on_error)`` reads from files, marked as
    they are read the second time.

    The first read's articles (with their line hashes, and the errors met, in order)
    are held for the second pass while their texts total ``max_held_chars`` characters
    or fewer, so a corpus of that size is read and decoded once; a larger one is read
    again, one article in memory at a time. Either way the articles, and the calls of
    ``on_error`` (or the CorpusError raised when it is None), come as one reading with
    ``on_error`` would give them.
    """
    held: list[tuple[Article, list[tuple[int, int]]] | CorpusError] | None = []

    def keep_error(exc: CorpusError) -> None:
        if held is not None:
            held.append(exc)

    def first_pass() -> Iterator[tuple[str, list[tuple[int, int]]]]:
        nonlocal held
        size = 0
        for article in read(keep_error):
            hashes = line_hashes(article.text)
            size += len(article.text)
            if held is not None and size <= max_held_chars:
                held.append((article, hashes))
            else:
                held = None
            yield article.source, hashes

    recurring = _recurring(first_pass())
    if held is None:
        yield from map(recurring.mark, read(on_error))
        return
    for item in held:
        if isinstance(item, CorpusError):
            if on_error is None:
                raise item
            on_error(item)
        else:
            yield recurring.mark(*item)
