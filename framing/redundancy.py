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
counting was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from framing.corpus import Article

MIN_ARTICLES = 2  # a line in this many articles of a source recurs
MAX_LINE_CHARS = 1000
_EDGE = " \t•·*-–—|:;,.!?\"'“”‘’«»()[]"


def line_key(line: str) -> str:
    """The normalised form lines are compared in (module docstring)."""
    return " ".join(line.casefold().split()).strip(_EDGE)


def _keys(text: str) -> Iterator[tuple[int, str]]:
    """(0-based line index, key) of the countable lines of ``text``."""
    for i, line in enumerate(text.split("\n")):
        if line.strip() and len(line) <= MAX_LINE_CHARS:
            key = line_key(line)
            if key:
                yield i, key


@dataclass
class RecurringLines:
    """Per source, the hashes of the line keys found in ``MIN_ARTICLES`` articles or
    more, with their number of articles."""

    recurring: dict[str, dict[int, int]] = field(default_factory=dict)

    def lines_of(self, article: Article) -> tuple[tuple[int, int], ...]:
        """(1-based line, articles holding it) for the lines of ``article`` that recur."""
        found = self.recurring.get(article.source)
        if not found:
            return ()
        hits = ((i + 1, found.get(hash(key), 0)) for i, key in _keys(article.text))
        return tuple((line, n) for line, n in hits if n)

    def mark(self, article: Article) -> Article:
        """``article`` with its ``recurring_lines`` filled in."""
        lines = self.lines_of(article)
        return replace(article, recurring_lines=lines) if lines else article


def count_recurring(articles: Iterable[Article]) -> RecurringLines:
    """The first pass: per source, which line keys occur in two articles or more."""
    counts: dict[str, dict[int, int]] = {}
    for article in articles:
        source = counts.setdefault(article.source, {})
        for h in {hash(key) for _, key in _keys(article.text)}:
            source[h] = source.get(h, 0) + 1
    return RecurringLines(
        {
            name: {h: n for h, n in source.items() if n >= MIN_ARTICLES}
            for name, source in counts.items()
        }
    )


def mark_recurring(articles: Sequence[Article]) -> Iterator[Article]:
    """Both passes over articles held in memory."""
    recurring = count_recurring(articles)
    return (recurring.mark(a) for a in articles)
