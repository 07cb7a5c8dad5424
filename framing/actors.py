"""The actors registry: canonical names, aliases, title phrases and sides.

Data lives in ``framing/lexicons/actors.yaml`` (package data) or a user's YAML with the
same schema. :func:`find_mentions` finds every alias and title in a text with one
compiled regex (longest alias first, word boundaries, possessives allowed; common prefixes
written once, see :func:`framing.alternation.surface_trie`), which is
what quote attribution (speakers) and sentiment (the sides a sentence mentions) share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from framing.alternation import FoldedPattern, alias_pattern, ignorecase_fold, surface_regex
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)
from framing.memo import Memo

UNKNOWN_SIDE = "unknown"
MEMO_LIMIT = 100_000  # surfaces remembered per lexicon (odd spacing makes new ones)
ACTOR_KINDS = frozenset({"person", "institution", "group", "country"})
_DEMONYM_WORD = re.compile(r"[\w.]+")
_SPACES = re.compile(r"\s+")


def straight_apostrophes(text: str) -> str:
    """``text`` with its curly apostrophes (’ and ‘) made straight."""
    # str.replace: several times faster than str.translate with a mapping
    return text.replace("’", "'").replace("‘", "'")


def surface_key(text: str) -> str:
    """Lookup key of a surface form: case-folded (:func:`ignorecase_fold`), curly
    apostrophes made straight."""
    return ignorecase_fold(straight_apostrophes(text))


def match_key(surface: str) -> str:
    """:func:`surface_key` of a surface as a pattern matched it: an alias's space
    matches any run of whitespace, so each run becomes one space."""
    return surface_key(_SPACES.sub(" ", surface))


def _surface_regex(surface: str) -> str:
    """Regex for an alias: any apostrophe matches ’ or ', any run of spaces matches."""
    return surface_regex(surface)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    side: str
    kind: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    role: str = ""


class Mention(NamedTuple):
    """An alias or title of an actor found in a text (offsets into that text)."""

    start: int
    end: int
    actor: Actor
    as_written: str
    via_title: bool


@dataclass(frozen=True)
class ActorRegistry:
    """Actors plus two small word lists that quote attribution needs.

    ``media`` names outlets and platforms that carry words but are not speakers
    ("told Reuters", "according to state media"); ``demonyms`` maps adjectives such as
    "Ukrainian" to a side, for unlisted speakers like "a Ukrainian official".
    """

    actors: tuple[Actor, ...]
    sides: tuple[str, ...]
    version: str
    pattern: FoldedPattern
    by_surface: dict[str, tuple[Actor, bool]]
    media: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)
    # lookup keys of aliases (not titles) listed with a capital: a mention must have one too
    capitalised: frozenset[str] = frozenset()
    _resolved: Memo[str, tuple[Actor, bool] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_resolved", Memo(self._resolve, MEMO_LIMIT))

    def resolve(self, surface: str) -> tuple[Actor, bool] | None:
        """(actor, via title) of a surface the pattern matched; None when it is a
        lower-case match of an alias listed with a capital ("moscow"). Memoised: the
        same few surfaces recur in every article."""
        return self._resolved[surface]

    def _resolve(self, surface: str) -> tuple[Actor, bool] | None:
        key = match_key(surface)
        if key in self.capitalised and not surface[0].isupper():
            return None
        return self.by_surface[key]

    def find(self, name: str) -> Actor | None:
        """The actor whose alias or title is exactly ``name`` (case-insensitive)."""
        hit = self.by_surface.get(surface_key(name))
        return hit[0] if hit else None

    def is_media(self, name: str) -> bool:
        """Whether ``name`` (without a leading article) is a listed outlet or platform."""
        key = surface_key(name).removeprefix("the ").strip()
        return key in self.media

    def demonym_side(self, words: str) -> str | None:
        """The side of the first demonym ("Russian", "Ukrainian") in ``words``, if any."""
        for word in _DEMONYM_WORD.findall(words):
            side = self.demonyms.get(word) or self.demonyms.get(word.rstrip("."))
            if side:
                return side
        return None


def _strings(node: object, key: str, *, path: str, where: str, required: bool = True) -> list[str]:
    """``node[key]`` as a list of non-empty strings; an item of another type names its line."""
    label = f"{where}.{key}" if where else key
    if required:
        require(node, key, list, path=path, where=where)
    items = node.get(key) if isinstance(node, dict) else None
    if items is None:
        return []
    if not isinstance(items, list):
        raise LexiconError(path, line_of(node, key), label, "expected a list")
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(
                path,
                line_of(items, i),
                f"{label}[{i}]",
                f"expected a non-empty string, got {item!r} (quote it: YAML reads on/no/yes "
                "as booleans)",
            )
    return list(items)


def parse_actors(data: object, *, path: str, version: str) -> ActorRegistry:
    """Validate actors YAML data and compile the mention pattern."""
    check_keys(data, {"version", "sides", "actors", "media", "demonyms"}, path=path, where="actors")
    sides = tuple(_strings(data, "sides", path=path, where="actors"))
    raw = require(data, "actors", list, path=path, where="actors")
    actors: list[Actor] = []
    by_surface: dict[str, tuple[Actor, bool]] = {}
    for i, item in enumerate(raw):
        where = f"actors[{i}]"
        check_keys(
            item, {"name", "side", "kind", "aliases", "titles", "role"}, path=path, where=where
        )
        name = require(item, "name", str, path=path, where=where)
        side = require(item, "side", str, path=path, where=where)
        if side not in sides:
            raise LexiconError(
                path, line_of(item, "side"), f"{where}.side", f"unknown side {side!r}"
            )
        kind = item.get("kind", "person")
        if kind not in ACTOR_KINDS:
            raise LexiconError(
                path, line_of(item, "kind"), f"{where}.kind", f"unknown kind {kind!r}"
            )
        aliases = _strings(item, "aliases", path=path, where=where)
        titles = _strings(item, "titles", path=path, where=where, required=False)
        role = item.get("role", "")
        if not isinstance(role, str):
            raise LexiconError(path, line_of(item, "role"), f"{where}.role", "expected a string")
        actor = Actor(name, side, kind, tuple(aliases), tuple(titles), role)
        actors.append(actor)
        for surface, via_title in [(a, False) for a in actor.aliases] + [
            (t, True) for t in actor.titles
        ]:
            key = surface_key(surface)
            if key in by_surface and by_surface[key][0] is not actor:
                raise LexiconError(
                    path,
                    line_of(item),
                    where,
                    f"{surface!r} is already an alias of {by_surface[key][0].name!r}",
                )
            by_surface[key] = (actor, via_title)
    pattern = alias_pattern(list(by_surface))
    assert isinstance(data, dict)  # checked by check_keys
    media = _strings(data, "media", path=path, where="", required=False)
    demonyms = data.get("demonyms") or {}
    if not isinstance(demonyms, dict):
        raise LexiconError(path, line_of(data, "demonyms"), "demonyms", "expected a mapping")
    for word, side in demonyms.items():
        if side not in sides:
            raise LexiconError(
                path, line_of(demonyms, word), f"demonyms.{word}", f"unknown side {side!r}"
            )
    return ActorRegistry(
        tuple(actors),
        sides,
        version,
        pattern,
        by_surface,
        frozenset(surface_key(str(m)) for m in media),
        {str(k): str(v) for k, v in demonyms.items()},
        frozenset(
            key
            for key, (actor, via_title) in by_surface.items()
            if not via_title and _as_listed(actor, via_title, key)[0].isupper()
        ),
    )


@cache
def default_actors() -> ActorRegistry:
    return parse_package_yaml("actors.yaml", parse_actors)


def load_actors(path: str | Path | None = None) -> ActorRegistry:
    """The default registry, or a user's actors YAML."""
    return load_yaml_data(path, default_actors, parse_actors)


@cache
def _as_listed(actor: Actor, via_title: bool, key: str) -> str:
    """The alias (or title) of ``actor`` as written in the registry, from its lookup key."""
    return next(s for s in (actor.titles if via_title else actor.aliases) if surface_key(s) == key)


def find_mentions(text: str, registry: ActorRegistry | None = None) -> list[Mention]:
    """Every actor alias or title in ``text``, longest match first, non-overlapping.

    Aliases are matched case-insensitively except that a match must start with the
    same case as the alias (so the adverb "moscow" in lower case is not Moscow, but
    "the Kremlin" at a sentence start as "The Kremlin" is).
    """
    registry = registry or default_actors()
    mentions = []
    for m in registry.pattern.finditer(text):
        start, end = m.span(1)
        surface = text[start:end]  # as written: the match may be of the lower-cased text
        hit = registry.resolve(surface)
        if hit is not None:
            mentions.append(Mention(start, end, hit[0], surface, hit[1]))
    return mentions
