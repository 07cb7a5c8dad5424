"""Coverage mentions: the actors, places and numeric facts an article mentions (an extractor).

The cross-source tables built from them (who mentions what, who omits it) are in
:mod:`framing.compare.coverage`.

Mentions are found in the ``sentences`` table (its ``text`` and ``start``/``end``
offsets into the cleaned text), so every count traces back to a sentence:

* ``actor``: actors of the registry (``framing/lexicons/actors.yaml``) by canonical
  name, with their side; aliases and title phrases count ("Kremlin spokesman Dmitry
  Peskov" is one mention of Dmitry Peskov: mentions of one actor separated only by
  spaces or a comma are merged).
* ``place``: places of ``framing/lexicons/coverage.yaml`` (countries, capitals, venues,
  regions), spelling variants merged (Kyiv/Kiev, Donbas/Donbass). A place name that is
  also an actor's metonym ("Moscow confirmed") counts as the place; a longer actor
  alias that contains it wins ("Russia's foreign ministry").
* ``number`` and ``date``: numeric facts with their unit, normalised so that the same
  fact gets the same label in every source ("314 prisoners", "157 prisoners each",
  "$2.5 billion", "12%"), and dates and years as their own kind; see
  :mod:`framing.extract.numbers` for the rules and what is left out (times, ages,
  ordinals, bare numbers).

Table: :func:`coverage_mentions` (and :func:`article_mention_rows` per article): one row
per mention: ``article_id, source, kind, item, side, as_written, start, end, context,
value, unit``, in the articles' order, then by offsets.

Limits: matching is by name lists, not by reading: an actor or place missing from the
lexicons is not seen, a pronoun ("he said") is not a mention, and a fact written
differently ("three hundred and fourteen") does not match its digits.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from framing.actors import (
    MEMO_LIMIT,
    ActorRegistry,
    find_mentions,
    load_actors,
    match_key,
    straight_apostrophes,
    surface_key,
)
from framing.actors import Mention as ActorMention
from framing.alternation import FoldedPattern, alias_pattern
from framing.extract.numbers import Unit, Units, find_numbers
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)
from framing.memo import Memo
from framing.tables import MENTION_COLUMNS

ACTOR, PLACE, NUMBER, DATE = "actor", "place", "number", "date"
KINDS = (ACTOR, PLACE, NUMBER, DATE)
PLACE_KINDS = frozenset({"country", "city", "region"})
CONTEXT_WIDTH = 60
MENTION_DTYPES = {
    **dict.fromkeys(MENTION_COLUMNS, "str"),
    "start": "int64",
    "end": "int64",
    "value": "float64",
}
_APPOSITION = re.compile(r"[\s,]*")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CoverageLexicon:
    """Places (one compiled pattern, longest alias first) and the units of numbers."""

    places: tuple[Place, ...]
    units: Units
    version: str
    pattern: FoldedPattern
    by_surface: dict[str, tuple[Place, str]]
    _resolved: Memo[str, Place | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_resolved", Memo(self._resolve, MEMO_LIMIT))

    def resolve(self, surface: str) -> Place | None:
        """The place a surface the pattern matched names; None when it is not written
        as a proper noun (:func:`_proper_case`). Memoised: the same few surfaces recur."""
        return self._resolved[surface]

    def _resolve(self, surface: str) -> Place | None:
        place, alias = self.by_surface[match_key(surface)]
        return place if _proper_case(alias, surface) else None


class Mention(NamedTuple):
    """One actor, place, number or date in a text (offsets into that text)."""

    start: int
    end: int
    kind: str
    item: str
    side: str | None
    as_written: str
    value: float | None = None
    unit: str | None = None


def _string_list(node: Any, key: str, *, path: str, where: str) -> tuple[str, ...]:
    items = require(node, key, list, path=path, where=where)
    if not items or not all(isinstance(x, str) and x.strip() for x in items):
        raise LexiconError(path, line_of(node, key), f"{where}.{key}", "expected a list of strings")
    return tuple(items)


def _parse_places(data: Any, *, path: str) -> tuple[Place, ...]:
    places: list[Place] = []
    seen: dict[str, str] = {}
    for i, node in enumerate(require(data, "places", list, path=path, where="coverage")):
        where = f"places[{i}]"
        check_keys(node, {"name", "kind", "aliases"}, path=path, where=where)
        name = require(node, "name", str, path=path, where=where)
        kind = require(node, "kind", str, path=path, where=where)
        if kind not in PLACE_KINDS:
            raise LexiconError(
                path, line_of(node, "kind"), f"{where}.kind", f"unknown kind {kind!r}"
            )
        aliases = _string_list(node, "aliases", path=path, where=where)
        for alias in aliases:
            key = surface_key(alias)
            if key in seen and seen[key] != name:
                raise LexiconError(
                    path,
                    line_of(node, "aliases"),
                    where,
                    f"{alias!r} is already an alias of {seen[key]!r}",
                )
            seen[key] = name
        places.append(Place(name, kind, aliases))
    return tuple(places)


def _parse_units(data: Any, *, path: str) -> Units:
    units: list[Unit] = []
    for i, node in enumerate(require(data, "units", list, path=path, where="coverage")):
        where = f"units[{i}]"
        check_keys(node, {"unit", "singular", "forms", "duration"}, path=path, where=where)
        duration = node.get("duration", False)
        if not isinstance(duration, bool):
            raise LexiconError(
                path, line_of(node, "duration"), f"{where}.duration", "expected true or false"
            )
        units.append(
            Unit(
                require(node, "unit", str, path=path, where=where),
                require(node, "singular", str, path=path, where=where),
                _string_list(node, "forms", path=path, where=where),
                duration,
            )
        )
    return Units.build(units)


def parse_coverage_lexicon(data: Any, *, path: str, version: str) -> CoverageLexicon:
    """Validate coverage YAML data (places, units) and compile the place pattern."""
    check_keys(data, {"version", "places", "units"}, path=path, where="coverage")
    places = _parse_places(data, path=path)
    by_surface = {surface_key(a): (p, a) for p in places for a in p.aliases}
    pattern = alias_pattern(sorted({a for p in places for a in p.aliases}))
    return CoverageLexicon(places, _parse_units(data, path=path), version, pattern, by_surface)


@cache
def default_coverage_lexicon() -> CoverageLexicon:
    return parse_package_yaml("coverage.yaml", parse_coverage_lexicon)


def load_coverage_lexicon(path: str | Path | None = None) -> CoverageLexicon:
    """The packaged places and units, or a user's YAML with the same schema."""
    return load_yaml_data(path, default_coverage_lexicon, parse_coverage_lexicon)


def _proper_case(alias: str, surface: str) -> bool:
    """Whether ``surface`` is written like ``alias``: an acronym word ("US", "U.S.") in
    capitals, a capitalised word capitalised ("ABU DHABI" is Abu Dhabi, "us" is not US)."""
    for a, s in zip(alias.split(), surface.split(), strict=False):
        letters = [ch for ch in a if ch.isalpha()]
        if len(letters) > 1 and all(ch.isupper() for ch in letters):
            if straight_apostrophes(s) != straight_apostrophes(a):
                return False
        elif a[:1].isupper() and not s[:1].isupper():
            return False
    return True


def find_places(text: str, lexicon: CoverageLexicon | None = None) -> list[Mention]:
    """Place names in ``text``; proper nouns only ("us" is not the US, "Kiev" is Kyiv)."""
    lexicon = lexicon or default_coverage_lexicon()
    out: list[Mention] = []
    for m in lexicon.pattern.finditer(text):
        start, end = m.span(1)
        surface = text[start:end]  # as written: the match may be of the lower-cased text
        place = lexicon.resolve(surface)
        if place is not None:
            out.append(Mention(start, end, PLACE, place.name, None, surface))
    return out


def _actor_mentions(found: Iterable[ActorMention]) -> list[Mention]:
    return [Mention(m.start, m.end, ACTOR, m.actor.name, m.actor.side, m.as_written) for m in found]


def _longest_first(candidates: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longest wins; at equal length a place beats an actor."""
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.kind != PLACE, m.start))
    kept: list[Mention] = []  # disjoint, by start: only the neighbours can overlap
    starts: list[int] = []
    for m in ranked:
        j = bisect.bisect_right(starts, m.start)
        if (j == 0 or kept[j - 1].end <= m.start) and (j == len(kept) or m.end <= starts[j]):
            kept.insert(j, m)
            starts.insert(j, m.start)
    return kept


def _merge_appositions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """One mention for "Kremlin spokesman Dmitry Peskov" or "Russia's representative, Kirill
    Dmitriev": neighbours naming the same actor with only spaces or a comma between."""
    merged: list[Mention] = []
    for m in mentions:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind == ACTOR
            and m.kind == ACTOR
            and prev.item == m.item
            and _APPOSITION.fullmatch(text, prev.end, m.start)
        ):
            merged[-1] = Mention(prev.start, m.end, ACTOR, m.item, m.side, text[prev.start : m.end])
        else:
            merged.append(m)
    return merged


def text_mentions(
    text: str,
    *,
    actors: ActorRegistry | None = None,
    lexicon: CoverageLexicon | None = None,
    kinds: Sequence[str] = KINDS,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[Mention]:
    """Every mention of the chosen ``kinds`` in ``text``, in text order.

    ``actor_mentions``: :func:`framing.actors.find_mentions` of this text (or of a text
    that differs from it only in which whitespace characters it has), when the caller
    already has them; else the text is scanned for actors here.
    """
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(sorted(unknown))} (known: {', '.join(KINDS)})")
    lexicon = lexicon or default_coverage_lexicon()
    names: list[Mention] = []
    if ACTOR in kinds:
        if actor_mentions is None:
            actor_mentions = find_mentions(text, actors or load_actors())
        names += _actor_mentions(actor_mentions)
    if PLACE in kinds or ACTOR in kinds:
        names += find_places(text, lexicon)  # places also shadow actors' metonyms
    out = [m for m in _merge_appositions(text, _longest_first(names)) if m.kind in kinds]
    out += [
        Mention(n.start, n.end, n.kind, n.item, None, n.as_written, n.value, n.unit or None)
        for n in find_numbers(text, lexicon.units)
        if n.kind in kinds
    ]
    return sorted(out, key=lambda m: (m.start, m.end))


def _context(text: str, start: int, end: int, width: int = CONTEXT_WIDTH) -> str:
    """Keyword in context within the sentence: ``left[match]right`` on one line."""
    left, right = text[max(0, start - width) : start], text[end : end + width]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ")


def coverage_mentions(
    sentences: pd.DataFrame,
    *,
    actors: ActorRegistry | None = None,
    lexicon: CoverageLexicon | None = None,
    kinds: Sequence[str] = KINDS,
) -> pd.DataFrame:
    """One row per mention in the ``sentences`` table (columns :data:`MENTION_COLUMNS`).

    Mentions are found per article (:func:`article_mention_rows`), within a sentence.
    ``start``/``end`` are offsets into the article's cleaned text, like every other
    table. Rows come in the articles' order of appearance, then by offsets, so the
    mentions of a corpus are the mentions of its chunks one after the other.
    """
    required = {"article_id", "source", "text", "start"}
    missing = required - set(sentences.columns)
    if missing:
        raise ValueError(f"sentences table lacks columns: {', '.join(sorted(missing))}")
    actors = actors or load_actors()
    lexicon = lexicon or default_coverage_lexicon()
    # whole articles per chunk: rows grouped by article (in order of appearance), cut
    # at the first article boundary after every CHUNK_SENTENCES rows
    codes = pd.factorize(sentences["article_id"])[0]
    ordered = sentences.iloc[np.argsort(codes, kind="stable")]
    codes = np.sort(codes)
    cuts = [0]
    while cuts[-1] + CHUNK_SENTENCES < len(ordered):
        cuts.append(int(np.searchsorted(codes, codes[cuts[-1] + CHUNK_SENTENCES], "left")))
        if cuts[-1] == cuts[-2]:  # one article longer than a chunk
            cuts[-1] = int(np.searchsorted(codes, codes[cuts[-2]], "right"))
    cuts.append(len(ordered))
    chunks = [
        _mention_frame(ordered.iloc[a:b], actors, lexicon, kinds)
        for a, b in pairwise(cuts)
        if b > a
    ]
    chunks = [c for c in chunks if not c.empty]
    if not chunks:
        return _mention_frame(sentences.iloc[:0], actors, lexicon, kinds)
    df = pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]
    article_order = pd.factorize(df["article_id"])[0]  # input order, as every other table
    order = np.lexsort((df["end"].to_numpy(), df["start"].to_numpy(), article_order))
    return df.iloc[order].reset_index(drop=True)


CHUNK_SENTENCES = 20_000  # mentions become a DataFrame chunk this often (bounds Python objects)


def article_mention_rows(
    article_id: str,
    source: str,
    sentences: Iterable[tuple[str, int]],
    *,
    actors: ActorRegistry,
    lexicon: CoverageLexicon,
    kinds: Sequence[str] = KINDS,
    actor_mentions: Sequence[ActorMention] | None = None,
) -> list[dict[str, Any]]:
    """Rows (columns :data:`MENTION_COLUMNS`) of the mentions in one article's sentences.

    ``sentences``: (text, start offset) pairs in text order. The article's text is put
    back together from them (blanks between sentences) and scanned once; a mention is
    kept when it lies within one sentence, and its context is clipped to the sentence.
    One scan per article instead of one per sentence: the same mentions, far faster.
    ``actor_mentions``: the actor mentions of the article's cleaned text, if already
    found (the text put back together differs from it only in whitespace between
    sentences, which no alias match depends on).
    """
    spans: list[tuple[int, int]] = []
    pieces: list[str] = []
    end = 0
    for text, start in sentences:
        if start < end:
            raise ValueError(f"{article_id}: sentences overlap or are out of order at {start}")
        pieces += [" " * (start - end), text]
        spans.append((start, start + len(text)))
        end = start + len(text)
    article = "".join(pieces)
    rows: list[dict[str, Any]] = []
    i = 0
    found = text_mentions(
        article, actors=actors, lexicon=lexicon, kinds=kinds, actor_mentions=actor_mentions
    )
    for m in found:
        while i < len(spans) and spans[i][1] <= m.start:
            i += 1
        if i == len(spans):
            break
        first, last = spans[i]
        if not (first <= m.start and m.end <= last):
            continue  # runs across a sentence break
        rows.append(
            {
                "article_id": article_id,
                "source": source,
                "kind": m.kind,
                "item": m.item,
                "side": m.side,
                "as_written": m.as_written,
                "start": m.start,
                "end": m.end,
                "context": _context(article[first:last], m.start - first, m.end - first),
                "value": m.value,
                "unit": m.unit,
            }
        )
    return rows


def _mention_frame(
    sentences: pd.DataFrame,
    actors: ActorRegistry,
    lexicon: CoverageLexicon,
    kinds: Sequence[str],
) -> pd.DataFrame:
    """:func:`coverage_mentions` of whole articles of the sentences table, column by column."""
    columns: dict[str, list[Any]] = {name: [] for name in MENTION_COLUMNS}
    frame = sentences.assign(
        text=sentences["text"].fillna("").astype(str), start=sentences["start"].astype(int)
    )
    for (article_id, source), group in frame.groupby(["article_id", "source"], sort=False):
        pairs = sorted(zip(group["text"], group["start"], strict=True), key=lambda p: p[1])
        for row in article_mention_rows(
            str(article_id), str(source), pairs, actors=actors, lexicon=lexicon, kinds=kinds
        ):
            for name in MENTION_COLUMNS:
                columns[name].append(row[name])
    return pd.DataFrame(columns, columns=MENTION_COLUMNS).astype(MENTION_DTYPES)
