"""The actors registry: canonical names, aliases, title phrases and sides.

Data lives in ``framing/lexicons/actors.yaml`` (package data) or a user's YAML with the
same schema. :func:`find_mentions` finds every alias and title in a text with one
compiled regex (longest alias first, word boundaries, possessives allowed; common prefixes
written once, see :func:`framing.alternation.surface_trie`), which is
what quote attribution (speakers) and sentiment (the sides a sentence mentions) share.
:meth:`ActorRegistry.side_from_description` gives a side to a speaker who is not in the
registry, from the words of their own noun phrase ("a Republican senator", "governor of
Dnipropetrovsk region").
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
OTHER_SIDE = "other"  # a known source outside the listed sides (an outlet, a state)
MEMO_LIMIT = 100_000  # surfaces remembered per lexicon (odd spacing makes new ones)
ACTOR_KINDS = frozenset({"person", "institution", "group", "country"})
_DEMONYM_WORD = re.compile(r"[\w.]+")
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"[\w.'’-]+")
# a description's own words end at a clause ("the envoy who met Putin") ...
_CLAUSE_WORDS = frozenset(
    "who whom whose which that when while where after before during since because".split()
)
# ... and at "to" after a posting: "ambassador to Ukraine" names the host, not the side
_POSTS = frozenset(
    "ambassador ambassadors envoy envoys representative representatives emissary emissaries "
    "delegate delegates delegation delegations mission missions consul attache attaché".split()
)
# after these, places and nationality words say where the speaker is, not whom they speak
# for ("a Turkish diplomat in Moscow"); institutions still count ("an official at the Pentagon")
_LOCATION_WORDS = frozenset("in at near inside visiting".split())
# people who live somewhere do not speak for its authorities: "Kyiv residents" has no side
# from the place ("Ukrainian refugees" keeps the nationality's)
_CIVILIANS = frozenset(
    "resident residents people citizen citizens voter voters civilian civilians local locals "
    "villager villagers survivor survivors refugee refugees witness witnesses eyewitness "
    "eyewitnesses passer-by passers-by".split()
)


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


class DescriptionWords(NamedTuple):
    """Institution and place words of ``actors.yaml`` (``institution_sides``,
    ``place_sides``) with one compiled pattern for both."""

    pattern: FoldedPattern | None
    sides: dict[str, tuple[str, bool]]  # surface key -> (side, is a place)
    capitalised: frozenset[str]  # keys listed with a capital: a match must have one too


NO_DESCRIPTION_WORDS = DescriptionWords(None, {}, frozenset())


class _Signal(NamedTuple):
    """A word of a description that names a side; ordered by strength, then position."""

    weak: bool  # a place: counts only when nothing else in the description does
    start: int
    nationality: bool  # at the same offset an institution ("Russian-installed") comes first
    side: str


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
    "Ukrainian" to a side, for unlisted speakers like "a Ukrainian official";
    ``description_words`` adds institution and place words for
    :meth:`side_from_description`.
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
    description_words: DescriptionWords = NO_DESCRIPTION_WORDS
    _resolved: Memo[str, tuple[Actor, bool] | None] = field(init=False, repr=False, compare=False)
    _described: Memo[str, str | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_resolved", Memo(self._resolve, MEMO_LIMIT))
        object.__setattr__(self, "_described", Memo(self._describe, MEMO_LIMIT))

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

    def side_from_description(self, description: str) -> str | None:
        """The side a speaker's own noun phrase gives them, or None (then: unknown).

        A speaker the registry names takes that actor's side (:meth:`resolve`,
        :meth:`find`); this is for the others. ``description`` is the speaker's own
        phrase (title, institution, name: "a Republican senator", "governor of
        Dnipropetrovsk region", "Zaporizhzhia's Russian-installed governor"), never the
        whole sentence. Precedence:

        1. the phrase ends at a clause ("who", "which", "after", ...) and, after a
           posting noun, at "to" ("ambassador to Ukraine" names the host country);
        2. registry actors (aliases and titles: "Kremlin aide", "the Duma"), institution
           words (``institution_sides``: "Pentagon", "Labour", "Russian-installed") and
           nationality words (``demonyms``: "Turkish", "China"): the first in the phrase
           decides ("a Polish critic of Putin" is EU);
        3. place names (``place_sides`` and registry aliases listed there: "Kharkiv",
           "Belgorod", "Moscow") only when step 2 finds nothing: "Zaporizhzhia's
           Russian-installed governor" is RU;
        4. after "in", "at", "near" only institutions count: "a Turkish diplomat in
           Moscow" is TR, "a diplomat in Moscow" None, "an official at the Pentagon" US;
        5. residents, civilians, refugees take no side from a place ("Kyiv residents").

        Named other states ("Indian", "Saudi") give ``other``. Memoised per description.

        >>> default_actors().side_from_description("EU foreign policy chief")
        'EU'
        >>> default_actors().side_from_description("governor of Dnipropetrovsk region")
        'UA'
        >>> default_actors().side_from_description("local residents") is None
        True
        """
        return self._described[description]

    def _describe(self, description: str) -> str | None:
        end, located = _own_words(description)
        signals = self._signals(description[:end], located)
        if _head_noun(description[:located]) in _CIVILIANS:
            signals = [s for s in signals if not s.weak]
        return min(signals).side if signals else None

    def _signals(self, text: str, located: int) -> list[_Signal]:
        """Every side-naming word of ``text``; after offset ``located`` institutions only."""
        words = self.description_words
        found: list[_Signal] = []

        def add(start: int, side: str, kind: str) -> None:
            if kind == "institution" or start < located:
                found.append(_Signal(kind == "place", start, kind == "nationality", side))

        for mention in find_mentions(text, self):
            listed = words.sides.get(match_key(mention.as_written))
            if listed is not None:
                add(mention.start, listed[0], "place" if listed[1] else "institution")
            elif mention.as_written in self.demonyms:
                add(mention.start, mention.actor.side, "nationality")
            else:
                add(mention.start, mention.actor.side, "institution")
        if words.pattern is not None:
            for m in words.pattern.finditer(text):
                start, stop = m.span(1)
                key = match_key(text[start:stop])
                if key in words.capitalised and not text[start].isupper():
                    continue
                side, is_place = words.sides[key]
                add(start, side, "place" if is_place else "institution")
        for start in _party_state_codes(text):
            add(start, US_SIDE, "institution")
        for m in _DEMONYM_WORD.finditer(text):
            word = m.group()
            nationality = self.demonyms.get(word) or self.demonyms.get(word.rstrip("."))
            if nationality:
                add(m.start(), nationality, "nationality")
        return found


# a US lawmaker's party and state: "(R-SD)", "I-Maine", "D-Mass." (the US press's habit)
_PARTY_STATE = re.compile(r"(?<![\w-])[RDI]-(?:[A-Z]{2}|[A-Z][a-z]+\.?)(?![\w-])")
US_SIDE = "US"


def _party_state_codes(text: str) -> list[int]:
    """Offsets of the party-state codes of US lawmakers in ``text``.

    >>> _party_state_codes("Sen. Jane Roe (R-SD)"), _party_state_codes("John Doe, I-Maine")
    ([15], [10])
    >>> _party_state_codes("the R-rated film")
    []
    """
    if "-" not in text:
        return []
    return [m.start() for m in _PARTY_STATE.finditer(text)]


def _head_noun(phrase: str) -> str:
    """The head noun of a noun phrase, lower-cased: its last word before "of", "from" or
    "for" ("a resident of Belgorod" -> resident), else its last word."""
    head = ""
    for word in _TOKEN.findall(phrase.lower()):
        if word in ("of", "from", "for") and head:
            break
        head = word
    return head


def _own_words(description: str) -> tuple[int, int]:
    """(end, located) offsets in ``description``: its own words end at ``end`` (a clause,
    or "to" after a posting noun); from ``located`` on they say where, not whom."""
    located = len(description)
    previous = ""
    for m in _TOKEN.finditer(description):
        word = m.group().lower()
        if word in _CLAUSE_WORDS or (word == "to" and previous in _POSTS):
            return m.start(), min(located, m.start())
        if word in _LOCATION_WORDS and located == len(description):
            located = m.start()
        previous = word
    return len(description), located


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
    check_keys(
        data,
        {"version", "sides", "actors", "media", "demonyms", "institution_sides", "place_sides"},
        path=path,
        where="actors",
    )
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
    demonyms = _side_mapping(data, "demonyms", sides, path=path)
    institutions = _side_mapping(data, "institution_sides", sides, path=path)
    places = _side_mapping(data, "place_sides", sides, path=path)
    return ActorRegistry(
        tuple(actors),
        sides,
        version,
        pattern,
        by_surface,
        frozenset(surface_key(str(m)) for m in media),
        demonyms,
        frozenset(
            key
            for key, (actor, via_title) in by_surface.items()
            if not via_title and _as_listed(actor, via_title, key)[0].isupper()
        ),
        _description_words(institutions, places),
    )


def _side_mapping(
    data: dict[str, object], key: str, sides: tuple[str, ...], *, path: str
) -> dict[str, str]:
    """``data[key]``: a mapping of words to listed sides (empty when absent)."""
    mapping = data.get(key) or {}
    if not isinstance(mapping, dict):
        raise LexiconError(path, line_of(data, key), key, "expected a mapping")
    for word, side in mapping.items():
        if side not in sides:
            raise LexiconError(
                path, line_of(mapping, word), f"{key}.{word}", f"unknown side {side!r}"
            )
    return {str(k): str(v) for k, v in mapping.items()}


def _description_words(institutions: dict[str, str], places: dict[str, str]) -> DescriptionWords:
    """One pattern over institution and place words, each keyed to (side, is a place)."""
    listed = [(w, s, False) for w, s in institutions.items()]
    listed += [(w, s, True) for w, s in places.items()]
    if not listed:
        return NO_DESCRIPTION_WORDS
    sides = {surface_key(w): (s, is_place) for w, s, is_place in listed}
    capitalised = frozenset(surface_key(w) for w, _, _ in listed if w[0].isupper())
    return DescriptionWords(alias_pattern(list(sides)), sides, capitalised)


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
        if hit is not None and not (hit[1] and _FORMER.search(text, max(0, start - 12), start)):
            mentions.append(Mention(start, end, hit[0], surface, hit[1]))
    return mentions


# "the former secretary of state", "ex-", "then-": the title names an earlier holder,
# not the actor who holds it now (only a title is dropped so: "former President Trump"
# names Trump by his alias)
_FORMER = re.compile(r"\b(?:former|ex-|then-|late|previous|past)\s*$", re.IGNORECASE)
