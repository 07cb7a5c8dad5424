"""Quote attribution: the records the rules pass along (speaker, reporting event, candidate
row, per-document context), the warning codes, and lookups of quote spans and actor mentions."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from framing.actors import UNKNOWN_SIDE, Actor, ActorRegistry, Mention
from framing.document import Document, Sentence
from framing.extract.quotes.lexicon import VerbLexicon
from framing.intervals import Intervals
from framing.quotemarks import QuoteSpan

NO_SPEAKER = "W201 no speaker found for a full quotation"
CARRIED_OVER = "W202 speaker carried over from the previous paragraph's statement"
INFERRED = "W203 speaker inferred from the last person named in the paragraph"


@dataclass(slots=True)
class Subject:
    """Who speaks: an actor, an unlisted name, or a reference still to resolve."""

    kind: str  # actor | unknown | pronoun | generic | inherit | media
    as_written: str
    actor: Actor | None = None
    side: str = UNKNOWN_SIDE
    noun: str = ""  # the role noun of a generic title ("envoy")
    clean: bool = True  # False when words after the noun phrase were cut off
    title: str = ""  # the title run written with the name ("Kremlin spokesman")


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
    # the quoted words of the statement: [(start, end)] of a quotation, several for a
    # quotation split by its tag or a clause holding quoted phrases, none for indirect speech
    fragments: list[tuple[int, int]] = field(default_factory=list)


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
        # " " + the last words of each mention's name -> the mentions' indices, ascending
        # (built on first use by subjects._earlier_alias)
        self.name_endings: dict[str, list[int]] | None = None
        # role noun -> indices of the person mentions it fits (speakers._generic_ref)
        self.noun_mentions: dict[str, list[int]] = {}
        # indices of the mentions naming a person as a sentence's subject, among the first
        # ``subjects_read`` mentions (speakers._sentence_subjects)
        self.sentence_subjects: list[int] = []
        self.subjects_read = 0
        # quotations may nest or run to the end of a long paragraph: found by interval index
        self.span_index = Intervals([(s.start, s.end) for s in self.spans])


def _non_decreasing(*values: list[int]) -> bool:
    """Whether each list is in non-decreasing order (sorting, in C, leaves it as it is)."""
    return all(v == sorted(v) for v in values)


def _quote_at(ctx: _Context, pos: int) -> QuoteSpan | None:
    """The first of the document's quote spans holding ``pos``, if any."""
    i = ctx.span_index.first_containing(pos)
    return None if i is None else ctx.spans[i]


def _quotes_overlapping(ctx: _Context, start: int, end: int) -> list[QuoteSpan]:
    """The document's quote spans that overlap ``[start, end)``, in text order."""
    return [ctx.spans[i] for i in ctx.span_index.overlapping(start, end)]


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
