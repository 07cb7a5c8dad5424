"""Quote attribution: direct, partial and indirect statements with speaker and reporting verb.

Rules over the shared :class:`~framing.document.Document` (no model, no network):

* **direct**: a full quotation (it opens a sentence, or follows a colon or a
  ``said on Wednesday,``). A quotation split by its tag (``“A,” he said. “B.”``) is one
  row whose ``text`` is ``A … B``; a quotation running over several paragraphs gives one
  row per paragraph, each traceable to its own text.
* **partial**: a reported clause holding quoted words (PARC 3.0): ``said the talks had
  been “a waste of time” for both sides`` gives the clause as ``text`` and the quoted
  words as ``quoted_text``; when every word of the content is quoted (``described the
  talks as “very challenging”``) the quotation is the row.
* **indirect**: reported speech (``X said (that) ...``, ``X told reporters ...``,
  ``according to X, ...``, ``..., X said.``, ``X welcomed the cooperation ...``,
  ``X accused Y of ...``, ``what X described as ...``); ``start``/``end`` cover the
  reported clause. Coordinated clauses of one verb (``said A and that B``) are one
  statement, as in PARC 3.0; a second verb (``..., and added that ...``) is another.

Speakers come from the actors registry (aliases, titles, sides); pronouns ("he said")
and generic titles ("the envoy added") refer back to the last matching person; unlisted
speakers are kept as written with side ``unknown`` (or the side of a demonym:
"a Ukrainian official"); outlets and platforms ("told Reuters", "wrote on X") never
speak. Quote-mark problems found by :mod:`framing.quotemarks` (W101 unclosed, W102
mismatched, W103 stray) are carried into the ``warning`` column, with W201 for a full
quotation whose speaker was not found, W202 for an untagged quotation paragraph given
the speaker of the statement before it, W203 for one given the last person named in its
paragraph. Statements without a speaker are kept only for full quotations (a quoted
phrase with no reporting verb is a scare quote or a title, not a statement).

The rules are split by job, each module importing only those above it:
:mod:`~framing.extract.quotes.lexicon` (the reporting-verb lexicon),
:mod:`~framing.extract.quotes.patterns` (compiled patterns and word lists),
:mod:`~framing.extract.quotes.text` (word and span helpers),
:mod:`~framing.extract.quotes.model` (the records the rules pass along),
:mod:`~framing.extract.quotes.subjects` (the speaker named before or after a verb),
:mod:`~framing.extract.quotes.cues` (reporting verbs, nouns and "according to" in a sentence,
and the tags that need no content search), :mod:`~framing.extract.quotes.content` (where a
statement starts and ends), :mod:`~framing.extract.quotes.candidates` (quotation marks to
direct and partial rows), :mod:`~framing.extract.quotes.speakers` (pronouns, titles and
untagged quotations resolved in text order); this module runs them and builds the rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import Any

from framing.actors import UNKNOWN_SIDE, ActorRegistry, Mention, default_actors, find_mentions
from framing.document import Document, word_count
from framing.extract.quotes.candidates import _merge_spans, _nested_quote, _quote_candidates
from framing.extract.quotes.content import _analyse_sentence
from framing.extract.quotes.cues import _find_events, _sentence_spans
from framing.extract.quotes.lexicon import (
    VerbLexicon,
    default_verbs,
    inflect,
    load_verbs,
    parse_verbs,
)
from framing.extract.quotes.model import (
    CARRIED_OVER,
    INFERRED,
    NO_SPEAKER,
    Candidate,
    Event,
    _Context,
    _quotes_overlapping,
)
from framing.extract.quotes.speakers import _resolve
from framing.extract.quotes.statements import (
    clause_statement,
    content_end,
    fragment_words,
    fragments_text,
    merge_split_quotations,
)
from framing.extract.quotes.text import _has_two_words, _join, _trim, only_circumstance
from framing.extract.quotes.unlisted import outlet_as_source
from framing.intervals import Intervals
from framing.tables import QUOTE_ROW

__all__ = [
    "CARRIED_OVER",
    "INFERRED",
    "NO_SPEAKER",
    "QUOTE_COLUMNS",
    "VerbLexicon",
    "default_verbs",
    "extract_quotes",
    "inflect",
    "load_verbs",
    "parse_verbs",
    "quotes_in",
]

BODY = "body"  # the ``part`` of a statement in the article's text (else headline, deck)
QUOTE_COLUMNS = tuple(QUOTE_ROW)  # the declared order (framing.tables)


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
        for ev in events:
            if ev.subject is not None and ev.subject.kind == "media":
                ev.subject = outlet_as_source(ctx, ev.subject)
        events_by_sentence[sentence.index] = events
    cands = _quote_candidates(ctx, events_by_sentence)
    for c in cands:
        c.fragments = [(c.start, c.end)]
    statements = _Statements(cands)
    merged: set[int] = set()  # ids of quotation candidates that became part of a clause
    for events in events_by_sentence.values():
        for ev in events:
            if not ev.lemma or ev.subject is None or ev.content is None:
                continue
            if ev.subject.kind == "media":
                continue
            a, b = ev.content
            if ev.kind == "noun" and doc.quote_at(a) is not None:
                continue  # "X's claim that “...”": the quotation's rows say it
            start, end = _trim(doc.text, a, b)
            start, end = _trim(doc.text, start, content_end(doc.text, start, end))
            inside = _quotes_overlapping(ctx, start, end)
            if inside and all(_nested_quote(ctx, events, start, s) for s in inside):
                # "warned that Russia would go on until Kyiv accepted what he called “...”":
                # the quotation has its own verb; the clause before it is a statement
                start, end = _trim(doc.text, start, inside[0].start)
            elif inside:
                # a quotation running past the clause's end ('"more learning."') is in it
                end = max(end, inside[-1].end)
                members = statements.inside(start, end)
                clause = clause_statement(doc, ev, start, end, members)
                if clause is not None and not merged.intersection(map(id, members)):
                    merged.update(map(id, members))
                    statements.add(clause)
                elif clause is not None and statements.nests(clause, ev.sentence.start):
                    # "RT reported that Peskov said that the talks were “useful”": the
                    # inner report holds the quotation too (PARC 3.0 nests both)
                    statements.add(clause)
                continue  # else the quotation's own rows are the statement
            if not _has_two_words(doc.text, start, end) or only_circumstance(doc.text[start:end]):
                continue
            if statements.quoted.any_overlapping(start, end):
                continue
            statements.add(
                Candidate("indirect", start, end, doc.paragraph_at(start), ev.subject, ev.lemma)
            )
    cands = [c for c in statements.all() if id(c) not in merged]
    cands.sort(key=lambda c: (c.start, c.end))
    cands = merge_split_quotations(doc, cands, verbs)
    rows: list[dict[str, Any]] = []
    for n, (c, speaker, written, side) in enumerate(_resolve(ctx, cands), 1):
        quoted_text = fragments_text(doc.text, c.fragments)
        n_quoted = fragment_words(doc.text, c.fragments)
        direct = c.kind == "direct"  # the content is the quoted words
        body = quoted_text if direct else doc.text[c.start : c.end]
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
                "n_words": n_quoted if direct else word_count(body),
                "paragraph": c.paragraph,
                "start": c.start,
                "end": c.end,
                "compound": None,
                "warning": warning or None,
                "quoted_text": quoted_text or None,
                "speaker_title": (c.subject.title if c.subject is not None else "") or None,
                "part": BODY,
                "n_quoted_words": n_quoted,
            }
        )
    return rows


class _Statements:
    """The candidate rows of a document as they are found: its quotations first, then the
    clauses and indirect statements added; finds the rows inside a range without reading
    them all (an interval index over the quotations, the added rows kept sorted by start).
    """

    def __init__(self, quotations: list[Candidate]) -> None:
        self.quotations = quotations
        self.quoted = Intervals([(c.start, c.end) for c in quotations])
        self.added: list[tuple[int, int, Candidate]] = []  # (start, order added, row)

    def add(self, c: Candidate) -> None:
        bisect.insort(self.added, (c.start, len(self.added), c), key=lambda t: t[:2])

    def nests(self, clause: Candidate, floor: int) -> bool:
        """Whether ``clause`` lies strictly inside a clause row added before, one starting
        at ``floor`` or later (its sentence): a nested report whose quotation the outer
        clause took."""
        lo = bisect.bisect_left(self.added, floor, key=lambda t: t[0])
        hi = bisect.bisect_right(self.added, clause.start, key=lambda t: t[0])
        return any(
            c.kind == "partial"
            and clause.end <= c.end
            and (c.start, c.end) != (clause.start, clause.end)
            for _, _, c in self.added[lo:hi]
        )

    def all(self) -> list[Candidate]:
        """Every row, in the order found."""
        return [*self.quotations, *(c for _, _, c in sorted(self.added, key=lambda t: t[1]))]

    def inside(self, start: int, end: int) -> list[Candidate]:
        """The rows within ``[start, end)``, in the order found."""
        rows = [
            c
            for c in (self.quotations[i] for i in self.quoted.overlapping(start, end))
            if start <= c.start and c.end <= end
        ]
        first = bisect.bisect_left(self.added, start, key=lambda t: t[0])
        stop = bisect.bisect_left(self.added, end, lo=first, key=lambda t: t[0])
        later = sorted(self.added[first:stop], key=lambda t: t[1])
        return rows + [c for _, _, c in later if c.end <= end]


def quotes_in(rows: Iterable[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The rows of one kind (direct, partial or indirect)."""
    return [r for r in rows if r["kind"] == kind]
