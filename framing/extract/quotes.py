"""Quote attribution: direct, partial and indirect statements with speaker and reporting verb.

Rules over the shared :class:`~framing.document.Document` (no model, no network):

* **direct**: a full quotation (it opens a sentence, or follows a colon or a
  ``said on Wednesday,``). A quotation split by its tag (``“A,” he said. “B.”``) gives
  **two rows with the same speaker**, and so does a quotation running over several
  paragraphs (one row per paragraph): every row's ``start``/``end`` is one contiguous
  run of quoted words, so each figure can be traced back to its sentence.
* **partial**: a quoted phrase inside the narrator's sentence (``described the talks as
  “very challenging”``). A reported clause that contains quoted phrases is represented
  by its partial rows only (one per phrase), not by an extra indirect row: one
  statement, counted once. A coordinated clause without quotes (``... “have not been
  easy” and that Kiev would like ...``) is a separate indirect row.
* **indirect**: reported speech (``X said (that) ...``, ``X told reporters ...``,
  ``according to X, ...``, ``..., X said.``, ``X welcomed the cooperation ...``,
  ``X accused Y of ...``, ``what X described as ...``); ``start``/``end`` cover the
  reported clause.

Speakers come from the actors registry (aliases, titles, sides); pronouns ("he said")
and generic titles ("the envoy added") refer back to the last matching person; unlisted
speakers are kept as written with side ``unknown`` (or the side of a demonym:
"a Ukrainian official"); outlets and platforms ("told Reuters", "wrote on X") never
speak. Quote-mark problems found by :mod:`framing.quotemarks` (W101 unclosed, W102
mismatched, W103 stray) are carried into the ``warning`` column, with W201 for a full
quotation whose speaker was not found, W202 for an untagged quotation paragraph given
the speaker of the quotation before it, W203 for one given the last person named in its
paragraph. Statements without a speaker are kept only for full quotations (a quoted
phrase with no reporting verb is a scare quote or a title, not a statement).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from framing.actors import (
    UNKNOWN_SIDE,
    Actor,
    ActorRegistry,
    Mention,
    default_actors,
    find_mentions,
    match_key,
    surface_key,
)
from framing.alternation import ignorecase_fold, literal_trie
from framing.document import Document, Sentence, word_count
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)
from framing.quotemarks import STRAY_CLOSE, QuoteSpan

QUOTE_COLUMNS = (
    "article_id",
    "source",
    "quote_id",
    "kind",
    "speaker",
    "speaker_as_written",
    "affiliation",
    "verb",
    "verb_class",
    "text",
    "n_words",
    "paragraph",
    "start",
    "end",
    "compound",
    "warning",
)
NO_SPEAKER = "W201 no speaker found for a full quotation"
CARRIED_OVER = "W202 speaker carried over from the previous paragraph's quotation"
INFERRED = "W203 speaker inferred from the last person named in the paragraph"
ACCORDING_TO = "according to"

# ---------------------------------------------------------------- reporting verbs


@dataclass(frozen=True)
class VerbLexicon:
    """Reporting verbs by lemma: class, inflected forms, frames; see verbs.yaml."""

    version: str
    lemma_class: dict[str, str]
    form_lemma: dict[str, str]
    object_verbs: frozenset[str]
    as_verbs: frozenset[str]
    that_only: frozenset[str]
    indirect_object: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    nouns: dict[str, str]
    verb_pattern: re.Pattern[str]
    noun_pattern: re.Pattern[str]

    def lemma(self, form: str) -> str | None:
        """The lemma of an inflected form ("insisted" -> "insist"), or None."""
        return self.form_lemma.get(form.lower())


def inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb: lemma, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


def _word_list(node: Any, key: str, *, path: str, where: str) -> list[str]:
    value = node.get(key) or []
    if not isinstance(value, list):
        raise LexiconError(path, line_of(node, key), f"{where}.{key}", "expected a list")
    for item in value:
        if not isinstance(item, str):
            raise LexiconError(
                path,
                line_of(node, key),
                f"{where}.{key}",
                f"expected words, got {item!r} (quote it: YAML reads on/no/yes as booleans)",
            )
    return list(value)


def parse_verbs(data: object, *, path: str, version: str) -> VerbLexicon:
    """Validate verbs YAML data (see framing/lexicons/verbs.yaml) and compile its patterns."""
    check_keys(data, {"version", "classes", "forms", "frames", "nouns"}, path=path, where="verbs")
    classes = require(data, "classes", dict, path=path, where="verbs")
    lemma_class: dict[str, str] = {}
    for name in classes:
        for lemma in _word_list(classes, name, path=path, where="classes"):
            if lemma in lemma_class:
                raise LexiconError(
                    path,
                    line_of(classes, name),
                    f"classes.{name}",
                    f"{lemma!r} is already in class {lemma_class[lemma]!r}",
                )
            lemma_class[lemma] = str(name)
    assert isinstance(data, dict)
    forms_node = data.get("forms") or {}
    frames = data.get("frames") or {}
    nouns_node = data.get("nouns") or {}
    for key, node in (("forms", forms_node), ("frames", frames), ("nouns", nouns_node)):
        if not isinstance(node, dict):
            raise LexiconError(path, line_of(data, key), key, "expected a mapping")
    check_keys(
        frames,
        {"object", "as", "that_only", "indirect_object", "prepositions"},
        path=path,
        where="frames",
    )

    def known(lemma: str, node: Any, key: str, where: str) -> str:
        if lemma not in lemma_class:
            raise LexiconError(path, line_of(node, key), where, f"unknown verb {lemma!r}")
        return lemma

    form_lemma: dict[str, str] = {}
    for lemma in lemma_class:
        if " " not in lemma:
            for form in sorted(inflect(lemma)):  # same pattern every run
                form_lemma.setdefault(form, lemma)
    for lemma in forms_node:
        known(str(lemma), forms_node, lemma, f"forms.{lemma}")
        for form in _word_list(forms_node, lemma, path=path, where="forms"):
            form_lemma[form.lower()] = str(lemma)
    frame_sets: dict[str, frozenset[str]] = {}
    for key in ("object", "as", "that_only", "indirect_object"):
        words = _word_list(frames, key, path=path, where="frames")
        frame_sets[key] = frozenset(known(w, frames, key, f"frames.{key}") for w in words)
    preps_node = frames.get("prepositions") or {}
    if not isinstance(preps_node, dict):
        raise LexiconError(path, line_of(frames, "prepositions"), "frames.prepositions", "mapping")
    prepositions = {
        known(str(k), preps_node, k, f"frames.prepositions.{k}"): frozenset(
            _word_list(preps_node, k, path=path, where="frames.prepositions")
        )
        for k in preps_node
    }
    nouns = {
        str(n).lower(): known(str(v), nouns_node, n, f"nouns.{n}") for n, v in nouns_node.items()
    }
    verb_pattern = re.compile(r"(?<![\w’'-])(" + _longest_first(form_lemma) + r")(?![\w’'-])")
    noun_pattern = re.compile(r"(?<![\w-])(" + _longest_first(nouns) + r")\s+that\b")
    return VerbLexicon(
        version,
        lemma_class,
        form_lemma,
        frame_sets["object"],
        frame_sets["as"],
        frame_sets["that_only"],
        frame_sets["indirect_object"],
        prepositions,
        nouns,
        verb_pattern,
        noun_pattern,
    )


@cache
def default_verbs() -> VerbLexicon:
    """The packaged reporting-verb lexicon, parsed once per process."""
    return parse_package_yaml("verbs.yaml", parse_verbs)


def _longest_first(words: Iterable[str]) -> str:
    """Alternation of ``words`` (escaped), longest first, as a prefix trie (case-sensitive)."""
    escaped = sorted(((re.escape(w), w) for w in words), key=lambda e: len(e[0]), reverse=True)
    return literal_trie([w for _, w in escaped])


def load_verbs(path: str | Path | None = None) -> VerbLexicon:
    """The default reporting-verb lexicon (cached), or a user's verbs YAML."""
    return load_yaml_data(path, default_verbs, parse_verbs)


# ---------------------------------------------------------------- word lists (grammar)


@dataclass(frozen=True, slots=True)
class _Prefiltered:
    """A pattern that ``re`` must try at every position (it opens with a lookbehind, an
    optional character or an alternation), with ``needles``: words one of which every
    match contains. A range that holds none of them is not searched, as ``str.find``
    scans far faster; the results are those of the pattern itself."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        for needle in self.needles:
            if text.find(needle, start, end) >= 0:
                return self.pattern.search(text, start, end)
        return None

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        for needle in self.needles:
            if text.find(needle, start, end) >= 0:
                return self.pattern.finditer(text, start, end)
        return iter(())


@dataclass(frozen=True, slots=True)
class _Screened:
    """A pattern that ``re`` must try at every position, with a ``screen``: a pattern
    without anchors or lookarounds that matches a part of every match of ``pattern`` and
    that ``re`` scans fast (each of its alternatives opens with a literal character, so
    it is tried only where one of those characters is). A range where the screen finds
    nothing holds no match of ``pattern``, which is searched only where it does: the
    results are those of the pattern itself. For a pattern that needs one of many words,
    or words only after a common character (",\\s+while"), where ``_Prefiltered`` would
    find its needles nearly always."""

    pattern: re.Pattern[str]
    screen: re.Pattern[str]

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        if self.screen.search(text, start, end) is None:
            return None
        return self.pattern.search(text, start, end)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        if self.screen.search(text, start, end) is None:
            return iter(())
        return self.pattern.finditer(text, start, end)


@dataclass(frozen=True, slots=True)
class _EndAnchored:
    """A pattern anchored at the end of the searched range (``...$``) whose every match
    is made of ``chars`` only, as is the rest of the range after it (a ``$`` that matches
    before a final newline leaves that newline, a space). ``re`` tries such a pattern at
    every position; but no match can start before the last character of the range outside
    ``chars``, which ``str.rstrip`` finds in C, so the search starts after it. It searches
    the same string, where lookbehinds and ``\\b`` see the same characters, so it finds
    the same leftmost match."""

    pattern: re.Pattern[str]
    chars: str

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        earliest = start + len(text[start:end].rstrip(self.chars))
        return self.pattern.search(text, earliest, end)


# the characters that re's \s matches (str.isspace); a test compares them with every code point
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _characters(*parts: str) -> str:
    """The distinct characters of ``parts``, sorted: an argument for ``str.rstrip``."""
    return "".join(sorted(set("".join(parts))))


_WORD = re.compile(r"\w[\w’'.\-]*")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_COORDINATED = _EndAnchored(
    re.compile(
        r"(?:,[”\"’']?|[”\"’'],|[—–]|\band|\bbut|\bwhile)\s*(?:(?:has|have|had|also|then|later|"
        r"further|again|repeatedly|similarly|separately|he|she|they|it)\s+)*$"
    ),
    _characters(
        ",”\"’'—–",
        "and but while has have had also then later further again repeatedly similarly",
        "separately he she they it",
        WHITESPACE,
    ),
)
# _COORDINATED matches a few glue words just before a verb; searching only this many
# characters before it keeps a sentence with thousands of verbs linear, not quadratic.
GLUE_WINDOW = 200
_AND_THAT = _Prefiltered(re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?that\s+"), ("that",))
_CLAUSE_CUT = _Screened(
    re.compile(
        r",?\s+but\s+(?:also\s+)?(?:did|does|do|didn’t|didn't|has|had|was|would|gave|declined|"
        r"refused|stopped|offered|provided|made|noted|added|said)\b|,\s+according to\b|;|"
        r",\s+(?:while|whereas|amid|a (?:demand|claim|position|move|view|stance|charge)"
        r"|an (?:assertion|accusation|allegation))\b"
    ),
    re.compile(
        r"but|;|,\s+(?:according to|while|whereas|amid|a (?:demand|claim|position|move|view|"
        r"stance|charge)|an (?:assertion|accusation|allegation))"
    ),
)
# trimmed off a statement's start and end (as arguments for str.lstrip and str.rstrip)
_LEADING_JUNK = _characters(",;:.“”\"'‘’»«—–-", WHITESPACE)
_END_JUNK = _characters(".,;:!?“”\"'‘’»«—–-", WHITESPACE)
_QUOTE_END_JUNK = _characters(",;:", WHITESPACE)
_GENERIC_TITLE = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(envoy|minister|spokesman|spokeswoman|"
    r"spokesperson|president|official|negotiator|leader|diplomat|secretary|ambassador|chief|"
    r"commander|premier|chancellor|aide|adviser|advisor|general|mayor|governor|senator)$",
    re.IGNORECASE,
)

_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^—–(\n]{0,40})?(?:\s*\([^)]{1,30}\))?\s*[—–]\s*")
_INTERJECTED = re.compile(r"(?:\s+(?:on\s+)?[A-Z]\w+day)?\s*,\s*(?![a-z]+ing\b)[a-z]")
_QUOTED_AS = _Prefiltered(re.compile(r"\bquoted\s+([^,;:“”\"]{1,80}?)\s+as\s+$"), ("quoted",))
_BY_AGENT = re.compile(r"\bby\s+[A-Z]|\bby both\b")
_AS = _Prefiltered(re.compile(r"\bas\s+"), ("as",))
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her|their)\s+(?:\w+\s+){0,2}$")
_NP_RUN = re.compile(r"(?:[^,.;:“”\"]|(?<=\b[A-Z])\.)+")  # "two U.S. officials"
_TAG_TAIL = re.compile(r"^[\s,]*(?:on|in|at|during|after|before|but)\b")
_COMMA_TAIL = re.compile(r"^\s*,")
_NOT_A_VERB = re.compile(
    r"\s+(?:media|television|tv|news|agency|agencies|department|broadcaster|run|owned|"
    r"officials|secretary|of)\b|-"
)
_NOUN_CONTEXT = frozenset("of the a an member his her their its our my this that".split())
_NOUNABLE = frozenset(
    "note notes claim claims comment comments warning warnings call calls report reports "
    "answer answers question questions reply replies promise promises pledge pledges demand "
    "demands doubt doubts post posts state remark remarks appeal appeals plea threat "
    "threats welcome praise rebuff denial hope hopes".split()
)


def _noun_context(text: str, sent_start: int, pos: int) -> bool:
    """Whether a noun-like form ("note", "claims") is a noun here ("a positive note")."""
    before = [w.lower() for w in _words(text[max(sent_start, pos - 30) : pos])[-2:]]
    if not before:
        return False
    if before[-1] in _NOUN_CONTEXT:
        return True
    return (
        len(before) == 2
        and before[0] in _NOUN_CONTEXT
        and before[1].isalpha()
        and not before[1].endswith("ly")
        and before[1] not in AUX_ADVERBS
    )


PRONOUNS = {"he": "person", "she": "person", "they": "group"}
CLAUSE_START = frozenset(
    "the a an he she it they we i you there this these those that his her their its our my "
    "any no all some both each every neither either such one two three several many most "
    "more less few only work talks".split()
)
PREPOSITIONS = frozenset(
    "on in at during after before with to for about from by of over under since until "
    "despite following ahead amid among against toward towards via through as like "
    "when while although though if because once upon speaking asked".split()
)
AUX_ADVERBS = frozenset(
    "has have had is are was were will would also further later again repeatedly similarly "
    "earlier previously then once still however meanwhile already recently consistently now "
    "publicly separately privately reportedly openly first too yesterday today tonight "
    "on monday tuesday wednesday thursday friday saturday sunday last week night morning "
    "evening in a an his her their statement separate interview later, been being had "
    "just even ever long".split()
)
LEAD_CONJUNCTIONS = frozenset("but and yet so meanwhile however still also".split())
DETERMINERS = frozenset("the a an this that these those one".split())
PEOPLE_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson minister ministers diplomat "
    "diplomats negotiator negotiators source sources analyst analysts expert experts "
    "residents resident people citizens citizen soldiers soldier leader leaders lawmaker "
    "lawmakers senator senators ministry government administration office embassy army "
    "military commander commanders envoy envoys aide aides adviser advisers advisor advisors "
    "driver woman man women men mother father observers observer critics critic witnesses "
    "witness police authorities authority governor mayor president prime chancellor "
    "secretary ambassador representative representatives delegation delegates delegate "
    "council committee agency service services department staff team bloggers blogger "
    "veteran veterans voters voter officer officers survivor survivors prosecutors "
    "prosecutor judge court parliament partners allies statement sides side parties "
    "delegations countries nations readout communique presenter presenters host anchor "
    "commentator commentators columnist correspondent editor professor researcher "
    "researchers scholar economist economists historian activist activists lawyer "
    "lawyers doctor doctors nurse teacher student students worker workers farmer "
    "pensioner volunteer volunteers chief head director chairman deputy member members "
    "speaker".split()
)
NEGATIONS = frozenset(
    "not n't never nor neither declined refused without didn't doesn't won't wouldn't "
    "cannot can't didn’t doesn’t won’t wouldn’t".split()
)
BE_FORMS = frozenset("is are was were be been being".split())
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


# ---------------------------------------------------------------- small data records


@dataclass(slots=True)
class Subject:
    """Who speaks: an actor, an unlisted name, or a reference still to resolve."""

    kind: str  # actor | unknown | pronoun | generic | inherit | media
    as_written: str
    actor: Actor | None = None
    side: str = UNKNOWN_SIDE
    noun: str = ""  # the role noun of a generic title ("envoy")
    clean: bool = True  # False when words after the noun phrase were cut off


@dataclass(slots=True)
class Event:
    """A reporting verb (or "according to", or a reporting noun) in a sentence."""

    start: int
    end: int
    lemma: str
    sentence: Sentence
    kind: str = "verb"  # verb | noun | according
    subject: Subject | None = None
    content: tuple[int, int] | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)
    nested: str = ""  # lemma of a verb inside another's content ("what he called")
    head: int = -1  # where the subject ends when not at ``start`` ("Russia continues to demand")


@dataclass(slots=True)
class Candidate:
    kind: str
    start: int
    end: int
    paragraph: int
    subject: Subject | None
    lemma: str
    warning: str = ""
    continues: bool = False


@dataclass
class _Context:
    doc: Document
    actors: ActorRegistry
    verbs: VerbLexicon
    mentions: list[Mention]
    spans: list[QuoteSpan]

    def __post_init__(self) -> None:
        self.mention_starts = [m.start for m in self.mentions]
        self.mention_ends = [m.end for m in self.mentions]
        # in text order, none inside another (as find_mentions gives them): slices by bisect
        self.mentions_ordered = _non_decreasing(self.mention_starts, self.mention_ends)
        # "according to" is looked for in a sentence only when the document has it
        self.has_according = "ccording to" in self.doc.text
        self.span_starts = [s.start for s in self.spans]
        self.span_ends = [s.end for s in self.spans]
        # in text order, none inside another (as _merge_spans gives them): found by bisect
        self.spans_ordered = _non_decreasing(self.span_starts, self.span_ends)


def _non_decreasing(*values: list[int]) -> bool:
    """Whether each list is in non-decreasing order (sorting, in C, leaves it as it is)."""
    return all(v == sorted(v) for v in values)


# ---------------------------------------------------------------- helpers


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _has_two_words(text: str, start: int, end: int) -> bool:
    """``len(_words(text[start:end])) >= 2``, without finding the words past the second."""
    return len(list(islice(_WORD.finditer(text, start, end), 2))) == 2


def _in_spans(pos: int, spans: Sequence[QuoteSpan]) -> QuoteSpan | None:
    for s in spans:
        if s.start <= pos < s.end:
            return s
    return None


def _quote_at(ctx: _Context, pos: int) -> QuoteSpan | None:
    """``_in_spans(pos, ctx.spans)``: the first of the document's quote spans holding ``pos``."""
    if not ctx.spans_ordered:
        return _in_spans(pos, ctx.spans)
    # the spans that end after pos are a suffix; with sorted starts, its first span is the
    # first to hold pos if any does
    i = bisect.bisect_right(ctx.span_ends, pos)
    if i < len(ctx.spans) and ctx.spans[i].start <= pos:
        return ctx.spans[i]
    return None


def _quotes_overlapping(ctx: _Context, start: int, end: int) -> list[QuoteSpan]:
    """The document's quote spans that overlap ``[start, end)``, in text order."""
    if not ctx.spans_ordered:
        return [s for s in ctx.spans if s.start < end and s.end > start]
    # those that end after start are a suffix, those that start before end a prefix
    first = bisect.bisect_right(ctx.span_ends, start)
    return ctx.spans[first : bisect.bisect_left(ctx.span_starts, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding spaces and punctuation."""
    segment = text[start:end]
    body = segment.lstrip(_LEADING_JUNK)
    start += len(segment) - len(body)
    return start, start + len(body.rstrip(_END_JUNK))


def _strip_tail(words: list[str]) -> list[str]:
    """Drop auxiliaries, adverbs and time words from the end of a subject."""
    end = len(words)
    while end:
        low = words[end - 1].lower()
        if low not in AUX_ADVERBS and not low.endswith("ly"):
            break
        end -= 1
    return words[:end]


def _strip_head(words: list[str]) -> list[str]:
    """Drop leading conjunctions ("But", "and")."""
    start = 0
    while start < len(words) and words[start].lower() in LEAD_CONJUNCTIONS:
        start += 1
    return words[start:]


def _is_interjection(words: list[str]) -> bool:
    if not words:
        return True
    first = words[0].lower()
    return (
        first in PREPOSITIONS
        or first in {"who", "which", "whose", "where", "also", "whom"}
        or (first.endswith("ing") and first[0].islower())
        or (len(words) == 1 and (first.endswith("ly") or first.isdigit()))
        or (words[0].isdigit() and all(w.isdigit() for w in words))
    )


_CHUNK_MARK = re.compile(r"[(),;:—–-]")


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma- and dash-separated pieces of ``text[start:end]`` (outside parentheses)."""
    pieces: list[tuple[int, int]] = []
    depth, last = 0, start
    for m in _CHUNK_MARK.finditer(text, start, end):  # only the characters tested below
        i, ch = m.start(), m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and (
            ch in ",;:"
            or (ch in "—–-" and text[i - 1 : i] == " " and text[i + 1 : i + 2] == " ")
            or (ch in "—–" and text[i - 1 : i] == " ")
        ):
            pieces.append((last, i))
            last = i + 1
    pieces.append((last, end))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _mentions_in(ctx: _Context, start: int, end: int) -> list[Mention]:
    """The mentions inside ``[start, end)``, in text order."""
    if not ctx.mentions_ordered:
        return [m for m in ctx.mentions if m.start >= start and m.end <= end]
    first = bisect.bisect_left(ctx.mention_starts, start)
    return ctx.mentions[first : bisect.bisect_right(ctx.mention_ends, end)]


def _mentions_before(ctx: _Context, pos: int) -> list[Mention]:
    """The mentions that end at or before ``pos``, in text order."""
    if not ctx.mentions_ordered:
        return [m for m in ctx.mentions if m.end <= pos]
    return ctx.mentions[: bisect.bisect_right(ctx.mention_ends, pos)]


def _is_possessive(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a possessive ("Russia's",
    "the United States’"); a name at the very end of the text is not."""
    return text[end : end + 2] in ("’s", "'s") or (
        text[end : end + 1] in ("’", "'") and text[end - 1 : end] == "s"
    )


def _resolve_chunk(
    ctx: _Context,
    start: int,
    end: int,
    all_words: list[str] | None = None,
    core: list[str] | None = None,
) -> Subject | None:
    """The speaker named by one noun phrase ``text[start:end]``, or None.

    ``all_words``: ``_words(text[start:end])``, and ``core``:
    ``_strip_tail(_strip_head(all_words))``, when the caller has them already.
    """
    text = ctx.doc.text
    if all_words is None:
        all_words = _words(text[start:end])
    words = _strip_tail(_strip_head(all_words)) if core is None else core
    if not words:
        return None
    phrase = " ".join(words)
    low = phrase.lower()
    if low in PRONOUNS:
        return Subject("pronoun", phrase)
    if low in _OBJECT_PRONOUNS:
        return Subject("pronoun", _OBJECT_PRONOUNS[low])
    if low in {"i", "we", "you", "it", "this", "that", "there", "which", "who"}:
        return None
    if ctx.actors.is_media(phrase):
        return Subject("media", phrase)
    cut = end  # names after "familiar", "who" ... modify the head, they do not speak
    if not _POSTMODIFIERS_WHOSE.isdisjoint(all_words[1:]):  # the same words, offsets unknown
        for i, wm in enumerate(_WORD.finditer(text, start, end)):
            if i and wm.group() in _POSTMODIFIERS_WHOSE:
                cut = wm.start()
                break
    found: list[Mention] = []
    possessors: list[Mention] = []
    for m in _mentions_in(ctx, start, cut):
        (possessors if _is_possessive(text, m.end) else found).append(m)
    if found and found[0].actor.kind != "person":
        pre = [w.lower() for w in _words(text[start : found[0].start])]
        while pre and pre[-1] in DETERMINERS:
            pre = pre[:-1]
        if len(pre) >= 2 and pre[-1] == "to" and pre[-2] in PEOPLE_NOUNS:
            # "Ukraine's ambassador to the United States": the host country does not speak
            persons = [m for m in found[1:] if m.actor.kind == "person" and not m.via_title]
            if persons:
                best = persons[-1]
                return Subject("actor", best.as_written, best.actor, best.actor.side)
            role = _words(text[start : found[0].start])[: len(pre) - 1]
            side = ctx.actors.demonym_side(" ".join(role)) or (
                possessors[0].actor.side if possessors else UNKNOWN_SIDE
            )
            return Subject("unknown", _np_text(role), None, side)
    if found:
        first = found[0]
        cluster = [first]
        for m in found[1:]:
            gap = _words(text[cluster[-1].end : m.start])
            if len(gap) <= 8 and all(w[0].isupper() or w.lower() in _TITLE_GAP for w in gap):
                cluster.append(m)
            else:
                break
        # the head noun: words after the cluster that are not auxiliaries or adverbs
        tail = []
        rest = _strip_tail([w for w in _words(text[cluster[-1].end : end]) if w != "s"])
        for w in rest:
            low = w.lower()
            if w[0].islower() and (
                low.endswith(("ed", "ing")) or low in PREPOSITIONS or low in _RELATIVES
            ):
                break
            tail.append(w)
        clean = len(tail) == len(rest)
        tail = _strip_tail(tail)
        if tail and tail[0].lower() in ("and", "or") and tail[-1].lower() in _ALLIES:
            tail = []
        if not tail:
            persons = [m for m in cluster if m.actor.kind == "person" and not m.via_title]
            titles = [m for m in cluster if m.via_title]
            best = persons[0] if persons else titles[-1] if titles else cluster[0]
            return Subject("actor", best.as_written, best.actor, best.actor.side, clean=clean)
        if tail[-1].lower() not in PEOPLE_NOUNS:
            last = found[-1]
            if (
                last is not first
                and last.actor.kind == "person"
                and not last.via_title
                and not _strip_tail(_words(text[last.end : end]))
            ):
                # "Putin's foreign policy aide Yuri Ushakov": the name heads the phrase
                return Subject("actor", last.as_written, last.actor, last.actor.side, clean=clean)
            return None
        side = ctx.actors.demonym_side(phrase) or cluster[0].actor.side
        if tail[-1].lower() in {"residents", "resident", "people", "citizens", "voters"}:
            side = ctx.actors.demonym_side(phrase) or UNKNOWN_SIDE
        return Subject("unknown", _np_text(words), None, side, clean=clean)
    clean, full = True, words
    for i, w in enumerate(words):
        if i and (w.lower() in PREPOSITIONS or w.lower() in _POSTMODIFIERS):
            words = words[:i]
            phrase = " ".join(words)
            clean = False
            if w.lower() == "of" and len(full) <= 6 and words[-1].lower() in PEOPLE_NOUNS:
                words, clean = full, True  # "Zelenskyy's chief of staff"
            elif w.lower() == "of" and all(x.lower() in _QUANTIFIERS for x in words):
                words, clean = full, True  # "one of the sources"
                for j, x in enumerate(full[i + 1 :], i + 1):
                    if x.lower() in PREPOSITIONS or x.lower() in _POSTMODIFIERS:
                        words, clean = full[:j], False
                        break
            phrase = " ".join(words)
            break
    generic = _GENERIC_TITLE.match(phrase)
    if generic:
        return Subject("generic", phrase, noun=ignorecase_fold(generic.group(1)), clean=clean)
    earlier = _earlier_alias(ctx, start, words)
    if earlier is not None:
        return Subject("actor", earlier.as_written, earlier.actor, earlier.actor.side, clean=clean)
    head = phrase.split()[-1]
    core = list(words)
    while len(core) > 1 and core[0][0].islower() and core[0].lower() in _ROLE_WORDS:
        core = core[1:]  # "regional governor Ivan Fedorov"
    capitals = all(w[0].isupper() for w in core if w.lower() != "of")
    name_like = capitals and (
        len(core) <= 4
        or (
            len(core) <= 7
            and any(
                w.lower() in _NAME_TITLES or w in ctx.actors.demonyms for w in core[:-2]
            )  # "Russian Deputy Foreign Minister Sergey Ryabkov"
        )
    )
    if head.lower() in PEOPLE_NOUNS or (name_like and len(words) >= 1 and head[0].isupper()):
        if len(words) > 8:
            return None
        side = ctx.actors.demonym_side(phrase) or (
            possessors[0].actor.side if possessors else UNKNOWN_SIDE
        )
        if head.lower() in {"residents", "resident", "people", "citizens", "voters"}:
            side = ctx.actors.demonym_side(phrase) or UNKNOWN_SIDE
        return Subject("unknown", _np_text(words), None, side, clean=clean)
    return None


def _earlier_alias(ctx: _Context, start: int, words: list[str]) -> Mention | None:
    """An actor named in full earlier whose name ends with ``words``: "Fedorov" after
    "Ivan Fedorov", "the Air Force" after "the Ukrainian Air Force"."""
    tail = [w for w in words if w.lower() not in DETERMINERS]
    if not tail or len(tail) > 3 or not all(w[0].isupper() for w in tail):
        return None
    key = " " + surface_key(" ".join(tail))
    for m in reversed(_mentions_before(ctx, start)):
        if _written_key(m.as_written).endswith(key):
            return m
    return None


@lru_cache(maxsize=4096)
def _written_key(as_written: str) -> str:
    """The surface key of a name as written, its runs of spaces made one space (names
    recur within and across articles: each is keyed once)."""
    return match_key(as_written)


_ROLE_WORDS = frozenset(
    "regional local opposition military political former acting interim governor mayor "
    "senator minister deputy spokesman spokeswoman spokesperson ambassador envoy adviser "
    "advisor aide analyst expert commander chief head lawmaker official presidential".split()
)
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_RELATIVES = frozenset("who whom whose which that".split())
_QUANTIFIERS = frozenset("one two three four several some many most none each both all".split())
_POSTMODIFIERS = frozenset("familiar close who which briefed involved based".split())
_POSTMODIFIERS_WHOSE = _POSTMODIFIERS | {"whose"}
_ALLIES = frozenset("allies partners backers supporters".split())
_TITLE_GAP = frozenset(
    "special envoy spokesman spokesperson spokeswoman minister foreign president secretary of "
    "state the and chief top deputy senior presidential prime head negotiator adviser aide "
    "official leader commander general ambassador representative press defense defence "
    "national security council army".split()
)


def _np_text(words: list[str]) -> str:
    while words and words[0].lower() in DETERMINERS and words[1:2] != ["of"]:
        words = words[1:]
    return " ".join(words)


def _subject_before(
    ctx: _Context, start: int, end: int, *, interjected: bool = False
) -> Subject | None:
    """Subject of a verb at ``end`` from the text ``[start, end)`` before it.

    The chain of comma-separated noun phrases just before the verb is read right to
    left, skipping interjections ("in an interview", "who led the talks"); the first
    phrase of the chain that names an actor or is a pronoun wins (appositives such as
    "Kirill Dmitriev, Russian President Vladimir Putin's envoy, said" come after it).
    """
    text = ctx.doc.text
    # only a subordinator with no comma after it counts, and a match holds no comma:
    # the scan can start after the last comma (its lookbehind still sees the comma)
    after_comma = max(start, text.rfind(",", start, end) + 1)
    for sub in _SUBORDINATOR.finditer(text, after_comma, end):
        if ")" in text[sub.end() : end]:
            continue  # inside a parenthesis that closes before the verb
        between = _words(text[sub.end() : end])
        if (
            sub.group().strip().lower() == "who"
            and not _strip_tail(between)
            and not {"has", "have", "had"} & {w.lower() for w in between}
        ):
            return _antecedent(ctx, start, sub.start())  # "..., Medvedev, who wrote"
        start = sub.end()
        break
    chain: list[Subject] = []
    for a, b in reversed(_chunks(text, start, end)[-5:]):
        chunk_words = _words(text[a:b])
        words = _strip_head(chunk_words)
        if _is_interjection(words):
            continue
        core = _strip_tail(words)
        if not core:
            continue
        if not _VERBISH.isdisjoint(map(str.lower, core)) or len(words) > 14:
            break
        subject = _resolve_chunk(ctx, a, b, chunk_words, core)
        if subject is None:
            if chain:
                break
            continue
        if chain and not subject.clean:
            break  # a clause, not an appositive: "CONTENT, officials said"
        if (
            not chain
            and not subject.clean
            and text[b:end].strip() == ","
            and _speaker_after(ctx, end)
        ):
            return None  # "CONTENT, said two officials familiar with ...": speaker after
        chain.append(subject)
        if len(chain) == 3:
            break
    if not chain:
        return None
    if interjected and chain[0].kind in ("actor", "pronoun", "unknown"):
        return chain[0]  # "The Russian side, Ushakov added, had presented ..."
    for subject in reversed(chain):
        if subject.kind in ("actor", "pronoun", "media"):
            return subject
    named = [
        s
        for s in chain
        if s.kind == "unknown" and all(w[:1].isupper() for w in s.as_written.split())
    ]
    for subject in named[-1:] + list(reversed(chain)):
        if subject.kind == "unknown" and subject.as_written[:1].isupper():
            if subject.side == UNKNOWN_SIDE:
                # "Sergei Ryabkov, Russia's deputy foreign minister, said": the side of the role
                sides = [s.side for s in chain if s.kind == "unknown" and s.side != UNKNOWN_SIDE]
                if sides:
                    return replace(subject, side=sides[0])
            return subject  # "The governor of Kharkiv region, Oleh Syniehubov, said"
    return chain[-1]


def _speaker_after(ctx: _Context, verb_start: int) -> bool:
    """Whether a speaker follows the verb at ``verb_start`` ("..., said two officials")."""
    text = ctx.doc.text
    verb = _WORD.match(text, verb_start)
    if verb is None:
        return False
    chunks = _chunks(text, verb.end(), ctx.doc.sentence_at(verb_start).end)
    if not chunks or not _may_name_speaker(ctx, *chunks[0]):
        return False
    after = _resolve_chunk(ctx, *chunks[0])
    return after is not None and after.kind in ("actor", "unknown", "pronoun")


def _may_name_speaker(ctx: _Context, start: int, end: int) -> bool:
    """Whether the words right after a verb can be its (inverted) speaker: not "on
    Telegram that ...", not "reporters in Ankara that ..." (a hearer, then content)."""
    text = ctx.doc.text
    words = [w.lower() for w in _words(text[start:end])]
    if not words or words[0] in PREPOSITIONS or "that" in words:
        return False
    return _hearer_end(ctx, text[start:end]) == 0


def _antecedent(ctx: _Context, start: int, end: int) -> Subject | None:
    """The noun phrase a relative "who" refers to: the last name before it."""
    text = ctx.doc.text
    for a, b in reversed(_chunks(text, start, end)[-3:]):
        found = [m for m in _mentions_in(ctx, a, b) if not _is_possessive(text, m.end)]
        if found:
            m = found[-1]
            return Subject("actor", m.as_written, m.actor, m.actor.side)
        subject = _resolve_chunk(ctx, a, b)
        if subject is not None and subject.kind == "unknown" and subject.as_written[:1].isupper():
            return subject
    return None


_FINITE = frozenset(
    "would will was were is are had has have could can should must may might did does".split()
)
_SUBORDINATORS = (
    r"(?:what|that|which|who|whom|because|when|while|after|before|since|although|though|if|"
    r"where|until|unless|whereas|as|than)\s"
)
_SUBORDINATOR = _Screened(
    re.compile(r"(?<![\w’'-])" + _SUBORDINATORS + "+"), re.compile(_SUBORDINATORS)
)
_VERBISH = frozenset(
    "is are was were has have had will would can could should must may might did does do "
    "that said says told".split()
)


def _main_subject(ctx: _Context, start: int, end: int) -> Subject | None:
    """The subject at the start of the main clause in ``[start, end)``."""
    text = ctx.doc.text
    for a, b in _chunks(text, start, end):
        words = _strip_head(_words(text[a:b]))
        if _is_interjection(words):
            continue
        lead = len(text[a:b]) - len(text[a:b].lstrip())
        a += lead
        for m in _mentions_in(ctx, a, b):
            if _is_possessive(text, m.end):
                continue
            before = _strip_head(_words(text[a : m.start]))
            if all(
                w.lower() in DETERMINERS or w[0].isupper() or w.lower() in _TITLE_GAP
                for w in before
            ):
                # extend to the head of "U.S. special envoy Steve Witkoff"
                return _resolve_chunk(ctx, a, _verb_boundary(text, m.end, b))
            break
        first = words[0].lower() if words else ""
        if first in PRONOUNS:
            return Subject("pronoun", words[0])
        return None
    return None


def _verb_boundary(text: str, pos: int, end: int) -> int:
    """End of the capitalised/title run that starts at ``pos`` (where the verb begins)."""
    for m in _WORD.finditer(text, pos, end):
        w = m.group()
        if not (w[0].isupper() or w.lower() in _TITLE_GAP or w in ("’s", "'s")):
            return m.start()
    return end


# ---------------------------------------------------------------- events


def _negated(last_words: list[str]) -> bool:
    """Whether a verb is negated or an infinitive ("did not say", "to say"), judged by
    the three words before it (:func:`_last_words`)."""
    low = [w.lower() for w in last_words]
    if low and low[-1] == "to":
        return True
    if not _NOBODY.isdisjoint(low):
        return True  # "neither side has confirmed"
    return not NEGATIONS.isdisjoint(low[-2:])


_NOBODY = frozenset({"neither", "nobody", "none"})


def _last_words(text: str, floor: int, pos: int, near: list[str]) -> list[str]:
    """The last three words of ``text[max(floor, pos - 40) : pos]``, given ``near``: the
    words of ``text[max(floor, pos - 20) : pos]``.

    Both ranges start at ``floor`` when the verb is within 20 characters of it. Else, a
    range that starts later has the same words but for its first (the part of a word that
    its start cuts, if any): every word character of a range lies in one of its words. So
    when ``near`` has four words or more, its last three are the answer."""
    if pos - 20 <= floor or len(near) >= 4:
        return near[-3:]
    return _words(text[max(floor, pos - 40) : pos])[-3:]


_CATENATIVE = re.compile(r"\s+to\s+(?=[a-z])")
_CATENATIVE_BEFORE = _Prefiltered(
    re.compile(r"\s(?:continues|continued|continue|went\s+on)\s+to\s+$"), ("continue", "went")
)


def _sentence_spans(ctx: _Context, sentence: Sentence) -> list[QuoteSpan]:
    """The quote spans that overlap ``sentence``: the only ones that can hold or bound
    one of its verbs."""
    return _quotes_overlapping(ctx, sentence.start, sentence.end)


def _find_events(ctx: _Context, sentence: Sentence, spans: list[QuoteSpan]) -> list[Event]:
    """The reporting verbs, "according to"s and reporting nouns of ``sentence`` outside
    its quote ``spans``, in text order."""
    text, verbs = ctx.doc.text, ctx.verbs
    events: list[Event] = []
    for m in verbs.verb_pattern.finditer(text, sentence.start, sentence.end):
        if _in_spans(m.start(), spans):
            continue
        form = m.group(1)
        lemma = verbs.form_lemma[form]
        if form in _NOUNABLE and _NOT_A_VERB.match(text, m.end()):
            continue  # "state media", "claims of"
        if form in _NOUNABLE and _noun_context(text, sentence.start, m.start()):
            continue  # "secretary of state", "struck a positive note"
        pos = m.start()
        floor = max([sentence.start] + [s.end for s in spans if s.end <= pos])
        if lemma == "continue" and _CATENATIVE.match(text, m.end()):
            continue  # "continues to demand": the second verb reports
        catenative = _CATENATIVE_BEFORE.search(text, floor, pos)
        near = _words(text[max(floor, pos - 20) : pos])
        if catenative is None and _negated(_last_words(text, floor, pos, near)):
            continue
        if not form.endswith("ing") and near and near[-1].lower() in BE_FORMS:
            continue  # passive: "was described as"
        if form.endswith(("ed", "en")):
            after = text[m.end() : min(sentence.end, m.end() + 80)]
            if "by" in after and _BY_AGENT.search(after):
                continue  # reduced passive: "a first day described as positive by Kyiv"
        head = catenative.start() if catenative else -1
        events.append(Event(m.start(), m.end(), lemma, sentence, head=head))
    verb_events = len(events)  # in text order, as found
    # the two patterns below need these words: a sentence without them is not scanned
    if ctx.has_according and text.find("ccording to", sentence.start, sentence.end) >= 0:
        for m in _ACCORDING.finditer(text, sentence.start, sentence.end):
            if not _in_spans(m.start(), spans):
                events.append(Event(m.start(), m.end(), ACCORDING_TO, sentence, "according"))
    last_that = text.rfind("that", sentence.start, sentence.end)
    if last_that >= 0:
        # a match ends with a "that", and its \b reads the character after it: the
        # text past that character cannot change the matches
        scan_end = min(sentence.end, last_that + 5)
        for m in verbs.noun_pattern.finditer(text, sentence.start, scan_end):
            if not _in_spans(m.start(), spans):
                events.append(
                    Event(m.start(), m.end(), verbs.nouns[m.group(1).lower()], sentence, "noun")
                )
    if len(events) > verb_events:
        events.sort(key=lambda e: e.start)
    return events


def _content_start(ctx: _Context, ev: Event, limit: int) -> int | None:
    """Where the reported content of a verb starts, or None (no content)."""
    text, verbs = ctx.doc.text, ctx.verbs
    if ev.kind == "noun":
        return ev.end
    pos = ev.end
    when = _WHEN.match(text, pos, limit)
    if when and _WORD.search(text, when.end(), limit):  # a word follows (no lookaround)
        pos = when.end()  # "said on Wednesday Moscow was ...", "vowed on Monday to ..."
    rest = text[pos:limit]
    first_word = _WORD.search(rest)
    if first_word is None:
        return None
    if (
        first_word[0].lower() == "that"
        and ev.lemma not in verbs.as_verbs
        and ev.lemma not in verbs.indirect_object
        and not _quote_at(ctx, pos + first_word.start())
        and not ('"' in rest[: first_word.start()] or "“" in rest[: first_word.start()])
    ):
        # "said that ...": what the "that" loop below returns at its first word (the
        # as- and hearer rules before it do not apply), without splitting nine more words
        return pos + first_word.end()
    # the rules below look at no word past the tenth (words[i + 1 : i + 7] with i <= 3)
    words = list(islice(_WORD.finditer(rest), 10))
    lows = [w[0].lower() for w in words]
    if ev.lemma in verbs.as_verbs:
        m = _AS.search(rest, 0, 200)  # as in rest[:200]: re reads no character past 200
        if m and len(_words(rest[: m.start()])) <= 25 and not _quote_at(ctx, pos + m.start()):
            return pos + m.end()
    if ev.lemma in verbs.indirect_object:
        # "told reporters (that) ...": skip the hearer, up to three words
        capital = None
        for i, w in enumerate(words[:5]):
            low = lows[i]
            if low == "that" or low in PREPOSITIONS:
                break
            if i and low in CLAUSE_START:
                return pos + w.start()
            if (
                i
                and capital is None
                and w.group()[0].isupper()
                and i <= 3
                and any(_looks_finite(x.group()) for x in words[i + 1 : i + 7])
            ):
                # "told reporters Russia had ...", not "told the Kyiv Independent in an interview"
                capital = pos + w.start()
        if capital is not None and "that" not in lows[:9]:
            return capital
    zero_that = lows[0] in CLAUSE_START
    for i, w in enumerate(words[:9]):
        if zero_that and lows[i] in _FINITE:
            break  # "said he would not sign any deal that ...": zero-that clause
        if lows[i] == "that" and not _quote_at(ctx, pos + w.start()):
            between = rest[: w.start()]
            if i > 2 and lows[i - 1] in ("and", "but"):
                break  # "said Putin was open to a meeting but that ...": zero-that first
            if '"' in between or "“" in between or (i > 0 and between.strip().endswith(".")):
                break
            return pos + w.end()
    first = words[0].group()
    gap = rest[: words[0].start()]
    if "“" in gap or '"' in gap or ":" in gap:
        return None
    if ev.lemma in verbs.prepositions and first.lower() in verbs.prepositions[ev.lemma]:
        return pos + words[0].start()
    if first.lower() in {"instead", "also", "repeatedly"} and len(words) > 1:
        nxt = lows[1]
        if ev.lemma in verbs.prepositions and nxt in verbs.prepositions[ev.lemma]:
            return pos + words[0].start()
    if ev.lemma in verbs.object_verbs:
        if gap.strip() or first.lower() in PREPOSITIONS:
            return None
        return pos + words[0].start()
    if ev.lemma in verbs.that_only or ev.lemma in verbs.indirect_object:
        return None
    if gap.strip():
        return None
    if first.lower() in CLAUSE_START:
        return pos + words[0].start()
    if first[0].isupper() and first.lower() not in PREPOSITIONS:
        # "said Ukraine and Russia would release ...", not "called Trump on Monday"
        if any(_looks_finite(w.group()) for w in words[1:7]):
            return pos + words[0].start()
        return None
    if first.lower() not in PREPOSITIONS and not _FINITE.isdisjoint(lows[1:6]):
        return pos + words[0].start()  # "said progress had been made"
    return None


_WHEN = re.compile(
    r"\s+(?:(?:on|last|this|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,])|\s+(?:earlier|later|"
    r"yesterday|today|again)(?=\s)",
    re.IGNORECASE,
)


def _looks_finite(word: str) -> bool:
    """An auxiliary, or a lower-case past-tense or third-person form ("wanted", "says")."""
    low = word.lower()
    return low in _FINITE or (
        word[0].islower() and len(word) > 3 and low.endswith(("ed", "es", "ts", "ns", "ks"))
    )


def _glue_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends with coordinating glue (", and also"), read in
    ``text`` as :func:`_content_limit` reads it: a word that the range's start cuts
    ("...band also") is not the glue word "and"."""
    return bool(_COORDINATED.search(text, max(start, end - GLUE_WINDOW), end))


def _coordinate(text: str, start: int, ev: Event) -> bool:
    """Whether a verb continues the previous statement (", adding", "and added")."""
    return ev.kind == "verb" and _glue_before(text, start, ev.start)


def _analyse_sentence(
    ctx: _Context, sentence: Sentence, events: list[Event], sent_spans: list[QuoteSpan]
) -> None:
    """Fill subject and content of each event in one sentence (left to right)."""
    text = ctx.doc.text
    prev: Event | None = None
    for i, ev in enumerate(events):
        if ev.kind == "noun":
            ev.subject = _possessor(ctx, sentence, ev)
            qs = [s for s in sent_spans if s.start >= ev.end and s.start - ev.end < 3]
            if qs:
                ev.content = (qs[0].start, qs[0].end)
            continue
        ing = text[ev.start : ev.end].endswith("ing")
        with_np = _WITH_NP.search(text, sentence.start, ev.start) if ing else None
        if with_np:
            # "..., with French President Emmanuel Macron warning that ...": absolute clause
            subject = _resolve_chunk(ctx, with_np.start(1), with_np.end(1))
            if subject is not None and subject.kind in ("actor", "unknown"):
                if prev is not None and prev.content and prev.content[0] < with_np.start():
                    cut = text.rfind(",", prev.content[0], with_np.start())
                    prev.content = (prev.content[0], cut if cut > 0 else with_np.start())
                    prev.parts = _split_parts(text, *prev.content)
                ev.subject = subject
                limit = _content_limit(text, ev, events[i + 1 :], sentence.end)
                cs = _content_start(ctx, ev, limit)
                if cs is not None and cs < limit:
                    ev.content = (cs, limit)
                    ev.parts = _split_parts(text, cs, limit)
                prev = ev
                continue
        if (
            prev is not None
            and prev.content
            and prev.content[0] <= ev.start < prev.content[1]
            and not _coordinate(text, prev.end, ev)
        ):
            ev.nested, ev.lemma = ev.lemma, ""  # inside reported content: "said Russia claims"
            continue
        if ev.kind == "according":
            _according(ctx, sentence, ev)
            np = _NP_RUN.match(text, ev.end, sentence.end)
            for e in events[i + 1 :]:
                if np and e.start < np.end():
                    e.nested, e.lemma = e.lemma, ""  # "according to a source who spoke to"
            prev = ev
            continue
        coordinated = (
            prev is not None
            and prev.subject is not None
            and _glue_before(text, max(prev.end, sentence.start), ev.start)
            and (ing or _only_glue(text, prev, ev) or _after_quote(text, sent_spans, prev, ev))
        )
        participle = ing and text[max(sentence.start, ev.start - 3) : ev.start].strip().endswith(
            (",", "—", "–", ",”", ',"')
        )
        if coordinated and prev is not None:
            ev.subject = prev.subject
        elif participle:
            ev.subject = (prev.subject if prev is not None else None) or _main_subject(
                ctx, sentence.start, ev.start
            )
        else:
            seg_start = sentence.start
            for s in sent_spans:
                if s.end <= ev.start:
                    seg_start = max(seg_start, s.end)
            interjected = bool(_INTERJECTED.match(text, ev.end))
            quoted_as = _QUOTED_AS.search(text, seg_start, ev.start)
            if quoted_as:  # "RIA quoted Peskov as saying": the outlet is not the speaker
                ev.subject = _resolve_chunk(ctx, quoted_as.start(1), quoted_as.end(1))
            else:
                ev.subject = _subject_before(
                    ctx, seg_start, ev.head if ev.head >= 0 else ev.start, interjected=interjected
                )
            if ev.subject is None:
                ev.subject = _inverted_subject(ctx, sentence, ev, sent_spans)
                if ev.subject is not None:
                    _fronted_inverted(ctx, sentence, ev, sent_spans)
                    prev = ev
                    continue  # "..., said X, a Y": no content after the speaker
        limit = _content_limit(text, ev, events[i + 1 :], sentence.end)
        cs = _content_start(ctx, ev, limit)
        if cs is not None and cs < limit:
            ev.content = (cs, limit)
            ev.parts = _split_parts(text, cs, limit)
        elif (
            ev.subject is not None
            and ev.subject.kind != "media"
            and (ev.lemma not in ctx.verbs.that_only or ev.lemma in _FRONTED_THAT_ONLY)
            and ev.lemma not in ctx.verbs.object_verbs
        ):
            _fronted(ctx, sentence, ev, sent_spans)
        prev = ev


# that-only verbs that still close a statement: "CONTENT, the Air Force reported."
_FRONTED_THAT_ONLY = frozenset({"report", "inform", "estimate", "post"})


_WITH_NP = _Prefiltered(re.compile(r"\bwith\s+([^,;:“”\"]{3,80}?)\s+$"), ("with",))


def _after_quote(text: str, spans: list[QuoteSpan], prev: Event, ev: Event) -> bool:
    """Only glue between a quotation closing ``prev``'s phrase and ``ev``: "thanked Türkiye
    for its “support” and said ..." (the verb continues the same speaker)."""
    ends = [s.end for s in spans if prev.end < s.end <= ev.start]
    return bool(ends) and len(_words(text[max(ends) : ev.start])) <= 3


def _only_glue(text: str, prev: Event, ev: Event) -> bool:
    """True when only "and", "but", commas and auxiliaries separate ``prev``'s content."""
    start = prev.content[1] if prev.content else prev.end
    gap = _words(text[min(start, ev.start) : ev.start])
    return len(gap) <= 4


def _content_limit(text: str, ev: Event, following: list[Event], sent_end: int) -> int:
    """End of a verb's content: the sentence end, or where a coordinated verb begins."""
    limit = sent_end
    for e in following:
        if e.kind == "verb" and e.start < limit:
            m = _COORDINATED.search(text, max(ev.end, e.start - GLUE_WINDOW), e.start)
            if m:
                limit = m.start()
                break
    cut = _CLAUSE_CUT.search(text, ev.end, limit)
    if cut:
        limit = cut.start()
    return limit


def _split_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split reported content at a coordinated "and that" into separate statements."""
    parts, last = [], start
    for m in _AND_THAT.finditer(text, start, end):
        parts.append((last, m.start()))
        last = m.end()
    parts.append((last, end))
    return parts


def _possessor(ctx: _Context, sentence: Sentence, ev: Event) -> Subject | None:
    text = ctx.doc.text
    for m in reversed(_mentions_in(ctx, sentence.start, ev.start)):
        if _is_possessive(text, m.end) and len(_words(text[m.end : ev.start])) <= 4:
            return Subject("actor", m.as_written, m.actor, m.actor.side)
        break
    pron = _POSSESSIVE_PRONOUN.search(text[sentence.start : ev.start])
    if pron:
        return Subject("pronoun", {"his": "he", "her": "she"}.get(pron.group(1), "they"))
    return None


_STATEMENT_BY = re.compile(
    r"(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:statement|readout|post|report|communique)\s+(?:by|from)\s+"
)


def _according(ctx: _Context, sentence: Sentence, ev: Event) -> None:
    """``according to X, CONTENT`` or ``CONTENT, according to X``."""
    text = ctx.doc.text
    m = _NP_RUN.match(text, ev.end, sentence.end)
    if not m:
        return
    np_end = m.end()
    by = _STATEMENT_BY.match(text, ev.end, np_end)
    ev.subject = _resolve_chunk(ctx, by.end() if by else ev.end, np_end)
    if ev.subject is None:
        return
    if not _words(text[sentence.start : ev.start]) or text[sentence.start : ev.start].strip() in (
        "But",
        "And",
    ):
        ev.content = (np_end, sentence.end)
    else:
        ev.content = (sentence.start, ev.start)
    ev.parts = [ev.content]


def _hearer_end(ctx: _Context, tail: str) -> int:
    """Length of a media hearer at the start of ``tail`` ("reporters", "the Kyiv
    Independent"), or 0."""
    words = list(_WORD.finditer(tail[:80]))
    for n in range(min(5, len(words)), 0, -1):
        end = words[n - 1].end()
        if ctx.actors.is_media(tail[words[0].start() : end].rstrip(".")):
            return end if tail[end - 1 : end] != "." else end - 1
    return 0


_ASKED = re.compile(r"\s*(?:When\s+|If\s+)?[Aa]sked\b")


def _fronted(ctx: _Context, sentence: Sentence, ev: Event, spans: list[QuoteSpan]) -> None:
    """``CONTENT, X said.``: the tag closes a sentence whose start is the statement."""
    text = ctx.doc.text
    chunks = _chunks(text, sentence.start, ev.start)
    if len(chunks) < 2 or any(s.start < ev.start for s in spans):
        return
    last_quote_end = max((s.end for s in spans if s.end <= ev.start), default=sentence.start)
    tail = text[ev.end : sentence.end]
    if ev.lemma in ctx.verbs.indirect_object:
        tail = tail[_hearer_end(ctx, tail) :]  # "CONTENT, X told reporters." / "told Reuters on"
    if any(s.start >= ev.end for s in spans) or _ASKED.match(text, sentence.start):
        return  # "Asked whether ..., Trump told reporters: “...”": the quotation is the statement
    if _words(tail) and not _TAG_TAIL.match(tail) and not _COMMA_TAIL.match(tail):
        return
    start = sentence.start
    end = chunks[-1][0] - 1
    if _INTERJECTED.match(text, ev.end) and len(_words(text[start:end])) < 4:
        end = sentence.end  # "The talks, he said, were hard.": the whole sentence
    if last_quote_end > start and last_quote_end >= end:
        return  # a tag after a quotation: handled with the quotation
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    if len(_words(text[start:end])) < 3:
        return
    ev.content = (start, end)
    ev.parts = [(start, end)]


def _fronted_inverted(ctx: _Context, sentence: Sentence, ev: Event, spans: list[QuoteSpan]) -> None:
    """``CONTENT, said X, a Y.``: the statement is the sentence before the tag."""
    text = ctx.doc.text
    if any(s.start < ev.start for s in spans):
        return  # a tag after a quotation: handled with the quotation
    comma = text.rfind(",", sentence.start, ev.start)
    if comma < 0 or text[comma + 1 : ev.start].strip():
        return
    start = sentence.start
    dateline = _DATELINE.match(text, start, comma)
    if dateline:
        start = dateline.end()
    if len(_words(text[start:comma])) >= 3:
        ev.content = (start, comma)
        ev.parts = [ev.content]


def _inverted_subject(
    ctx: _Context, sentence: Sentence, ev: Event, spans: list[QuoteSpan]
) -> Subject | None:
    """``..., said X, a Y.``: the speaker follows the verb."""
    text = ctx.doc.text
    before = text[sentence.start : ev.start].rstrip()
    if not (before.endswith((",", "”", '"', "’", "'")) or not before):
        return None
    end = sentence.end
    for s in spans:
        if s.start >= ev.end:
            end = min(end, s.start)
    chunks = _chunks(text, ev.end, end)
    if not chunks or not _may_name_speaker(ctx, *chunks[0]):
        return None
    a, b = chunks[0]
    return _resolve_chunk(ctx, a, b)


# ---------------------------------------------------------------- quotations


def _merge_spans(doc: Document) -> list[QuoteSpan]:
    return [s for s in doc.quote_spans if s.warning != STRAY_CLOSE and s.inner_end > s.inner_start]


def _is_direct(ctx: _Context, span: QuoteSpan, para_spans: list[QuoteSpan], sent: Sentence) -> bool:
    """Whether ``span`` is a full quotation; ``sent``: the sentence at its start."""
    text, doc = ctx.doc.text, ctx.doc
    para = doc.paragraphs[span.paragraph]
    lead_start = max(para.start, sent.start if sent.start <= span.start else para.start)
    before: QuoteSpan | None = None
    for s in para_spans:
        if s.end <= span.start and s.end >= lead_start:
            lead_start, before = s.end, s
    lead = text[lead_start : span.start].strip()
    inner = text[span.inner_start : span.inner_end].lstrip()
    upper = bool(inner) and (inner[0].isupper() or inner[0].isdigit())
    if not lead:
        return upper or len(_words(inner)) > 6
    if lead.endswith(":"):
        return True
    if (
        before is not None
        and lead.endswith(",")
        and text[before.inner_start : before.inner_end].rstrip().endswith(",")
        and len(_words(lead)) <= 8
        and ctx.verbs.verb_pattern.search(lead)
    ):
        return True  # “We will,” he said, “win this war.”: the second half of a split quote
    if lead.endswith(",") and upper:
        # "X said on Wednesday, “...": the lead must hold a reporting verb
        return bool(ctx.verbs.verb_pattern.search(lead))
    return False


_SO_CALLED = re.compile(r"\b(?:so-called|self-styled|self-proclaimed|dubbed)\s*$", re.IGNORECASE)


def _tag_after(ctx: _Context, span: QuoteSpan, events: list[Event], limit: int) -> Event | None:
    """The reporting verb of a tag right after a quotation ("..., he said")."""
    text = ctx.doc.text
    for ev in events:
        if ev.kind != "verb" or not (span.end <= ev.start < limit):
            continue
        between = _words(text[span.end : ev.start])
        if len(between) > 16:
            return None
        if not ev.lemma or (between and ev.subject is None):
            continue
        return ev
    return None


def _tag_before(
    ctx: _Context, span: QuoteSpan, events: list[Event], lead_start: int
) -> Event | None:
    cands = [
        e for e in events if e.kind == "verb" and lead_start <= e.start < span.start and e.lemma
    ]
    return cands[-1] if cands else None


def _governs(ctx: _Context, ev: Event, gap: str) -> bool:
    """Whether a nested verb introduces the quotation after ``gap`` ("what he called “..."")."""
    n = len(_words(gap))
    frames = ctx.verbs.as_verbs | ctx.verbs.object_verbs
    before = [w.lower() for w in _words(ctx.doc.text[max(0, ev.start - 30) : ev.start])[-2:]]
    if not before or not ({"what", "he", "she", "it", "they"} & set(before)):
        return False  # "agreed to “update their leaders”": not the speaker's own verb
    return n <= 1 or (n <= 3 and ev.nested in frames)


def _nested_quote(ctx: _Context, events: list[Event], start: int, span: QuoteSpan) -> bool:
    """Whether a verb nested in reported content introduces ``span``."""
    return any(
        e.nested
        and start <= e.start
        and e.end <= span.start
        and _governs(ctx, e, ctx.doc.text[e.end : span.start])
        for e in events
    )


def _covering(events: list[Event], span: QuoteSpan) -> Event | None:
    """The last event whose content holds ``span``; a speaker's own reporting verb wins
    over an "according to" that sources the whole sentence."""
    best = None
    for ev in events:
        if ev.content and ev.lemma and ev.content[0] <= span.start < ev.content[1]:
            if best is not None and ev.kind == "according" and best.kind == "verb":
                continue
            best = ev
    return best


def _quote_candidates(ctx: _Context, events_by_sentence: dict[int, list[Event]]) -> list[Candidate]:
    """Candidate rows for the quotations of the document, in text order."""
    text, doc = ctx.doc.text, ctx.doc
    out: list[Candidate] = []
    all_events = [e for evs in events_by_sentence.values() for e in evs]
    by_para: dict[int, list[QuoteSpan]] = {}
    for s in ctx.spans:
        by_para.setdefault(s.paragraph, []).append(s)
    # a sentence lies within its paragraph, so these are the events that start in it
    events_by_para: dict[int, list[Event]] = {}
    for e in all_events:
        events_by_para.setdefault(e.sentence.paragraph, []).append(e)
    prev_continues = False
    for pindex, para in enumerate(doc.paragraphs):
        spans = by_para.get(pindex, [])
        para_events = events_by_para.get(pindex, [])
        for k, span in enumerate(spans):
            start, end = _trim_quote(text, span)
            if end <= start:
                continue
            warning = span.warning
            sent = doc.sentence_at(span.start)
            nxt_q = spans[k + 1].start if k + 1 < len(spans) else para.end
            after_sent = doc.sentence_at(max(span.end - 1, span.start))
            limit = min(nxt_q, max(after_sent.end, span.end))
            if (
                after_sent.end <= span.end + 1
                and after_sent.index + 1 < len(doc.sentences)
                and text[span.inner_start : span.inner_end].rstrip()[-1:] in ("?", "!")
            ):
                # «... Where is the logic here?» Zakharova asked.: the tag is split off
                tag = doc.sentences[after_sent.index + 1]
                if tag.end <= para.end and len(_words(text[tag.start : tag.end])) <= 8:
                    limit = min(nxt_q, tag.end)
            lead_start = max(para.start, sent.start if sent.start <= span.start else para.start)
            for s in spans[:k]:
                lead_start = max(lead_start, s.end)
            if _is_direct(ctx, span, spans, sent):
                ev = _tag_after(ctx, span, para_events, limit)
                if ev is None and text[lead_start : span.start].strip().endswith((":", ",")):
                    ev = _tag_before(ctx, span, para_events, lead_start)
                if ev is None and not text[lead_start : span.start].strip() and pindex > 0:
                    prev_text = text[
                        doc.paragraphs[pindex - 1].start : doc.paragraphs[pindex - 1].end
                    ]
                    if prev_text.rstrip().endswith(":"):
                        ev = _tag_before(
                            ctx,
                            span,
                            [e for e in all_events if doc.paragraphs[pindex - 1].start <= e.start],
                            doc.paragraphs[pindex - 1].start,
                        )
                if ev is not None and ev.subject is not None:
                    if ev.subject.kind == "media":
                        continue
                    out.append(
                        Candidate("direct", start, end, pindex, ev.subject, ev.lemma, warning)
                    )
                    continue
                same_para = [c for c in out if c.paragraph == pindex]
                if (
                    same_para
                    or (k == 0 and prev_continues)
                    or (k == 0 and _after_colon(doc, pindex))
                ):
                    out.append(
                        Candidate("direct", start, end, pindex, Subject("inherit", ""), "", warning)
                    )
                    continue
                out.append(
                    Candidate(
                        "direct",
                        start,
                        end,
                        pindex,
                        Subject("context", ""),
                        "",
                        warning,
                        span.continues,
                    )
                )
                continue
            if _SO_CALLED.search(text, max(para.start, span.start - 12), span.start):
                continue  # "the so-called “coalition of the willing”": a name, not a statement
            ev = _covering(para_events, span)
            lemma = ev.lemma if ev is not None else ""
            if ev is not None and ev.content is not None:
                inner = [
                    e
                    for e in para_events
                    if e.nested
                    and ev.content[0] <= e.start
                    and e.end <= span.start
                    and _governs(ctx, e, text[e.end : span.start])
                ]
                if inner:
                    lemma = inner[-1].nested  # "... until Kyiv accepted what he called “...”"
            if ev is None:
                sent_events = [
                    e
                    for e in para_events
                    if e.kind == "verb"
                    and e.lemma
                    and sent.start <= e.start < sent.end
                    and e.subject is not None
                ]
                after = [e for e in sent_events if e.start >= span.end]
                before = [e for e in sent_events if e.start < span.start]
                ev = after[0] if after and not before else (before[-1] if before else None)
            if ev is None or ev.subject is None or ev.subject.kind == "media":
                continue
            out.append(
                Candidate("partial", start, end, pindex, ev.subject, lemma or ev.lemma, warning)
            )
        prev_continues = bool(spans) and spans[-1].continues
    _carry_back(out)
    return out


def _carry_back(cands: list[Candidate]) -> None:
    """A quotation continued in the next paragraph takes the speaker of its continuation."""
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if (
            c.subject is not None
            and c.subject.kind == "context"
            and c.continues
            and nxt.paragraph == c.paragraph + 1
            and nxt.subject is not None
            and nxt.subject.kind not in ("inherit", "context")
        ):
            c.subject, c.lemma = nxt.subject, nxt.lemma


def _after_colon(doc: Document, pindex: int) -> bool:
    if pindex == 0:
        return False
    p = doc.paragraphs[pindex - 1]
    return doc.text[p.start : p.end].rstrip().endswith(":")


def _trim_quote(text: str, span: QuoteSpan) -> tuple[int, int]:
    """The quoted words: the inside of ``span`` without the spaces around them, nor the
    commas, semicolons and colons after them."""
    start, end = span.inner_start, span.inner_end
    if end <= start:
        return start, end
    inner = text[start:end]
    body = inner.lstrip()  # str.isspace characters, as WHITESPACE
    start += len(inner) - len(body)
    return start, start + len(body.rstrip(_QUOTE_END_JUNK))


def _join(*warnings: str) -> str:
    return "; ".join(w for w in warnings if w)


# ---------------------------------------------------------------- resolution


def _resolve(ctx: _Context, cands: list[Candidate]) -> list[tuple[Candidate, str, str, str]]:
    """(candidate, speaker, as_written, side), resolving pronouns and titles in text order."""
    out: list[tuple[Candidate, str, str, str]] = []
    # name, side, paragraph, actor, offset of the last person who spoke
    last_person: tuple[str, str, int, Actor | None, int] | None = None
    names: dict[str, str] = {}  # surname -> full name of unlisted people
    last_group: tuple[str, str] | None = None
    last: tuple[str, str] | None = None
    for c in cands:
        s = c.subject
        speaker, written, side = "", "", UNKNOWN_SIDE
        if s is None:
            pass
        elif s.kind == "actor" and s.actor is not None:
            speaker, written, side = s.actor.name, s.as_written, s.actor.side
        elif s.kind == "unknown":
            speaker, written, side = _person_name(s.as_written, names), s.as_written, s.side
        elif s.kind == "inherit":
            if out:
                _, speaker, written, side = out[-1]
            if not c.lemma and out:
                c.lemma = out[-1][0].lemma
        elif s.kind == "context":
            speaker, written, side = _from_context(ctx, c, out)
        elif s.kind == "pronoun" and s.as_written.lower() == "they":
            ref = last_group or last
            if ref:
                speaker, side = ref
            written = s.as_written
        elif s.kind in ("pronoun", "generic"):
            written = s.as_written
            ref_actor = _generic_ref(ctx, c.start, s.noun) if s.kind == "generic" else None
            earlier = _earlier_speaker(c, out, s.noun) if s.kind == "generic" else None
            if earlier is not None:
                speaker, side = earlier
            elif ref_actor is not None:
                speaker, side = ref_actor.name, ref_actor.side
            else:
                subject = _last_sentence_subject(ctx, c.start)
                recent = last_person is not None and c.paragraph - last_person[2] <= 3
                if (
                    recent
                    and last_person is not None
                    and (subject is None or subject.start < last_person[4])
                ):
                    speaker, side = last_person[0], last_person[1]
                elif subject is not None:
                    speaker, side = subject.actor.name, subject.actor.side
                else:
                    person = _last_person_mention(ctx, c.start)
                    if person is not None:
                        speaker, side = person.name, person.side
        if speaker:
            actor = s.actor if s is not None else None
            if s is not None and s.kind in ("inherit", "context") and out:
                actor = out[-1][0].subject.actor if out[-1][0].subject else None
            is_person = (
                (actor is not None and actor.kind == "person")
                or (actor is None and s is not None and s.kind == "unknown" and _singular(s))
                or (
                    s is not None and s.kind in ("pronoun", "generic") and written.lower() != "they"
                )
            )
            if is_person:
                last_person = (speaker, side, c.paragraph, actor, c.start)
            else:
                last_group = (speaker, side)
            last = (speaker, side)
        out.append((c, speaker, written, side))
    return out


def _person_name(as_written: str, names: dict[str, str]) -> str:
    """An unlisted speaker's name without leading titles; a bare surname seen before in
    full ("Energy Minister Denys Shmyhal", then "Shmyhal") maps to the full name."""
    words = as_written.split()
    while len(words) > 2 and words[0][0].islower() and words[0].lower() in _ROLE_WORDS:
        words = words[1:]  # "regional governor Ivan Fedorov"
    if not words or not all(w[0].isupper() for w in words):
        return as_written
    while len(words) > 1 and words[0].rstrip(".").lower() in _NAME_TITLES:
        words = words[1:]
    name = " ".join(words)
    if len(words) == 1:
        return names.get(name, name)
    names.setdefault(words[-1], name)
    return name


_NAME_TITLES = frozenset(
    "mr mrs ms dr sir dame president prime minister foreign defence defense energy interior "
    "finance deputy chief secretary general gen lt col colonel major maj spokesman "
    "spokeswoman spokesperson ambassador senator sen rep governor gov mayor chancellor "
    "commander head director ceo chairman chairwoman adviser advisor aide envoy special "
    "presidential vice state army navy admiral captain capt justice judge professor prof "
    "economy economic trade health culture education".split()
)


def _last_sentence_subject(ctx: _Context, pos: int) -> Mention | None:
    """The last person named as the subject of a sentence that ends at or before ``pos``:
    the antecedent for "he" and "she" (the mentions are read backwards from ``pos`` only
    as far as needed)."""
    for m in reversed(_mentions_before(ctx, pos)):
        if _is_sentence_subject(ctx, m):
            return m
    return None


def _is_sentence_subject(ctx: _Context, m: Mention) -> bool:
    """Whether ``m`` names a person as the subject of a sentence: outside quotations, not
    a possessive, after a few capitalised or title words at most."""
    text = ctx.doc.text
    return (
        m.actor.kind == "person"
        and not _quote_at(ctx, m.start)
        and not _is_possessive(text, m.end)
        and _opens_clause(text, ctx.doc.sentence_at(m.start).start, m.start)
    )


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has at most six words, each capitalised, a title word
    or a determiner (the words are read only up to the first that fails: the sentence
    before a mention may be very long)."""
    for i, word_match in enumerate(_WORD.finditer(text, start, end)):
        w = word_match.group()
        if i == 6 or not (w[0].isupper() or w.lower() in _TITLE_GAP or w.lower() in DETERMINERS):
            return False
    return True


def _from_context(
    ctx: _Context, c: Candidate, out: list[tuple[Candidate, str, str, str]]
) -> tuple[str, str, str]:
    """Speaker of an untagged full quotation: the statement just before it, else nobody.

    The previous statement counts when it is in the same paragraph, or is a quotation
    in the previous paragraph (flagged W202); else the last person named earlier in
    the paragraph (flagged W203).
    """
    if out:
        prev, speaker, written, side = out[-1]
        same = prev.paragraph == c.paragraph
        if speaker and (same or (prev.paragraph == c.paragraph - 1 and prev.kind == "direct")):
            c.lemma = c.lemma or prev.lemma
            if not same:
                c.warning = _join(c.warning, CARRIED_OVER)
            return speaker, written, side
    para_start = ctx.doc.paragraphs[c.paragraph].start
    for m in reversed(_mentions_in(ctx, para_start, c.start)):
        if m.actor.kind == "person":
            c.warning = _join(c.warning, INFERRED)
            return m.actor.name, m.as_written, m.actor.side
    return "", "", UNKNOWN_SIDE


def _singular(s: Subject) -> bool:
    """An unlisted speaker who is one person: a name, or a singular role noun."""
    head = s.as_written.split()[-1] if s.as_written else ""
    return bool(head) and (head[0].isupper() or not head.endswith("s"))


def _earlier_speaker(
    c: Candidate, out: list[tuple[Candidate, str, str, str]], noun: str
) -> tuple[str, str] | None:
    """The last speaker, within three paragraphs, whose name or title holds ``noun``."""
    for prev, speaker, written, side in reversed(out):
        if c.paragraph - prev.paragraph > 3:
            break
        actor = prev.subject.actor if prev.subject is not None else None
        words = f"{speaker} {written} {actor.role if actor else ''}".lower()
        if speaker and noun in words and (actor is None or actor.kind == "person"):
            return speaker, side
    return None


def _generic_ref(ctx: _Context, pos: int, noun: str) -> Actor | None:
    for m in reversed(_mentions_before(ctx, pos)):
        a = m.actor
        if a.kind == "person" and (
            noun in a.role.lower() or any(noun in t.lower() for t in a.titles)
        ):
            return a
    return None


def _last_person_mention(ctx: _Context, pos: int) -> Actor | None:
    for m in reversed(_mentions_before(ctx, pos)):
        if m.actor.kind == "person":
            return m.actor
    return None


# ---------------------------------------------------------------- entry point


def extract_quotes(
    doc: Document,
    *,
    actors: ActorRegistry | None = None,
    verbs: VerbLexicon | None = None,
    mentions: Sequence[Mention] | None = None,
) -> list[dict[str, Any]]:
    """One row per attributed statement of ``doc`` (columns: :data:`QUOTE_COLUMNS`).

    ``mentions``: the document's actor mentions (:func:`framing.actors.find_mentions` over
    ``doc.text`` with ``actors``), when the caller has them already.
    """
    actors = actors or default_actors()
    verbs = verbs or default_verbs()
    if mentions is None:
        mentions = find_mentions(doc.text, actors)
    ctx = _Context(doc, actors, verbs, list(mentions), _merge_spans(doc))
    events_by_sentence: dict[int, list[Event]] = {}
    for sentence in doc.sentences:
        spans = _sentence_spans(ctx, sentence)
        events = _find_events(ctx, sentence, spans)
        _analyse_sentence(ctx, sentence, events, spans)
        events_by_sentence[sentence.index] = events
    cands = _quote_candidates(ctx, events_by_sentence)
    quoted = [(c.start, c.end) for c in cands]
    for events in events_by_sentence.values():
        for ev in events:
            if not ev.lemma or ev.subject is None or not ev.parts:
                continue
            if ev.subject.kind == "media":
                continue
            for a, b in ev.parts:
                start, end = _trim(doc.text, a, b)
                inside = _quotes_overlapping(ctx, start, end)
                if inside and all(_nested_quote(ctx, events, start, s) for s in inside):
                    # "warned that Russia would go on until Kyiv accepted what he called “...”":
                    # the quotation has its own verb; the clause before it is a statement
                    start, end = _trim(doc.text, start, inside[0].start)
                elif inside:
                    continue  # content with quoted words: represented by partial rows
                if not _has_two_words(doc.text, start, end):
                    continue
                if any(qa < end and start < qb for qa, qb in quoted):
                    continue
                cands.append(
                    Candidate("indirect", start, end, doc.paragraph_at(start), ev.subject, ev.lemma)
                )
    cands.sort(key=lambda c: (c.start, c.end))
    rows: list[dict[str, Any]] = []
    for n, (c, speaker, written, side) in enumerate(_resolve(ctx, cands), 1):
        body = doc.text[c.start : c.end]
        warning = c.warning
        if c.kind == "direct" and not speaker and NO_SPEAKER not in warning:
            warning = _join(warning, NO_SPEAKER)
        rows.append(
            {
                "article_id": doc.article_id,
                "source": doc.source,
                "quote_id": f"{doc.article_id}:q{n}",
                "kind": c.kind,
                "speaker": speaker or None,
                "speaker_as_written": written or None,
                "affiliation": side if speaker else UNKNOWN_SIDE,
                "verb": c.lemma or None,
                "verb_class": verbs.lemma_class.get(c.lemma) if c.lemma else None,
                "text": body,
                "n_words": word_count(body),
                "paragraph": c.paragraph,
                "start": c.start,
                "end": c.end,
                "compound": None,
                "warning": warning or None,
            }
        )
    return rows


def quotes_in(rows: Iterable[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The rows of one kind (direct, partial or indirect)."""
    return [r for r in rows if r["kind"] == kind]
