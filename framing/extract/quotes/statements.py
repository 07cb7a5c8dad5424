"""Quote attribution: candidate rows assembled into statements by the PARC 3.0 convention.

The content of an attribution is the whole reported clause (Pareti 2016, "PARC 3.0: A
Corpus of Attribution Relations", LREC; the convention of PolNeAR, citron and the
Gender Gap Tracker), whatever part of it stands in quotation marks:

* a reported clause holding quoted words is **one partial statement** whose span is the
  clause: ``said the talks had been “a waste of time” for both sides`` gives the content
  ``the talks had been “a waste of time” for both sides``, with the quoted words
  ``a waste of time`` kept apart (:attr:`Candidate.fragments`);
* a quotation split by its tag is **one direct statement**: ``“A,” he said, “B.”`` spans
  from A to B, its content is A and B without the tag.

Every statement keeps the offsets of its quoted words, so the share of words in quotation
marks counts those words only, never the narrator's words around them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from framing.document import Document, merge_ranges, word_count
from framing.extract.quotes.lexicon import VerbLexicon
from framing.extract.quotes.model import Candidate, Event
from framing.extract.quotes.text import _join
from framing.intervals import Intervals

FRAGMENT_JOINER = " … "
# where the speaker said it, written after the content: part of the tag, not the content
# ("... “very productive” in a post on X", "... would continue, in a statement on Telegram")
_MEDIUM_TAIL = re.compile(
    r"[\s,]+(?:(?:in|on|during|at)\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?"
    r"(?:post|statement|interview|video|address|speech|briefing|news conference|"
    r"press conference|message|tweet|letter|televised address)"
    r"(?:\s+(?:on|to|with)\s+[\w .’'-]{1,40}?)?"
    r"|on\s+(?:X|Telegram|Twitter|Facebook|Truth Social|social media))[\s.,;:]*$"
)
# the speaker's next act, coordinated after the content: "... peace" and declined to ...
_NEXT_ACT = re.compile(
    r",?\s+(?:and|but)\s+(?:declined|refused|did not|didn[’']t|would not|wouldn[’']t)\b"
)
# the words between two parts of a quotation split by its tag ("he said", "said X, a former
# senator who led the talks"); more is narration, and the parts stay two statements
MAX_TAG_WORDS = 40


def content_end(text: str, start: int, end: int) -> int:
    """The end of a statement's content within ``[start, end)``: before the speaker's next
    act ("... “a durable peace” and declined to discuss details") and before the medium
    written after it ("“very productive” in a post on X").

    >>> t = "the talks were “very productive” in a post on X"
    >>> t[: content_end(t, 0, len(t))]
    'the talks were “very productive”'
    """
    nxt = _NEXT_ACT.search(text, start, end)
    if nxt is not None:
        end = nxt.start()
    tail = _MEDIUM_TAIL.search(text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    return end


def fragments_text(text: str, fragments: Sequence[tuple[int, int]]) -> str:
    """The quoted words of a statement, fragments joined by " … ".

    >>> fragments_text("“A,” he said, “B.”", [(1, 2), (15, 17)])
    'A … B.'
    """
    return FRAGMENT_JOINER.join(text[a:b] for a, b in fragments)


def fragment_words(text: str, fragments: Sequence[tuple[int, int]]) -> int:
    """How many words stand in the quoted fragments."""
    return sum(word_count(text[a:b]) for a, b in fragments)


def clause_statement(
    doc: Document, ev: Event, start: int, end: int, members: Sequence[Candidate]
) -> Candidate | None:
    """One partial statement for the reported clause ``[start, end)`` of ``ev`` and the
    quotation candidates inside it, or None when the clause is only the quotation.

    ``X said the talks had been “a waste of time” for both sides``: the clause, not the
    phrase, is the content; the phrase is its fragment. So is a quotation that opens a
    clause the narrator goes on (``“I held and hugged” grieving families ..., he said``).
    When every word of the clause is quoted (``described the talks as “very
    challenging”``) the quotation is the statement as it stands, and None is returned.
    """
    if not members or any(m.kind != "partial" and len(m.fragments) > 1 for m in members):
        return None  # a quotation split by its own tag is a statement of its own
    fragments = [f for m in members for f in m.fragments]
    if word_count(doc.text[start:end]) <= fragment_words(doc.text, fragments):
        return None
    first = members[0]
    start, end = with_marks(doc, start, end)
    return Candidate(
        "partial",
        start,
        end,
        doc.paragraph_at(start),
        ev.subject,
        ev.lemma or first.lemma,
        _join(*dict.fromkeys(m.warning for m in members)),
        fragments=fragments,
    )


def with_marks(doc: Document, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the quotation marks of the quotations it overlaps, so a
    clause that ends on quoted words keeps its closing mark: ``had been “constructive”``.
    """
    return doc.quote_index.widened(start, end)


def is_split_by_tag(doc: Document, first: Candidate, second: Candidate, verbs: VerbLexicon) -> bool:
    """Whether ``second`` continues the quotation ``first`` after its tag.

    ``“A,” he said. “B.”``, ``“A,” he said, “B.”``, ``“A,” said X, a former senator who
    led the talks. “B.”``: both direct, in one paragraph, the second attributed by the same
    tag or inheriting the speaker; between them only the tag: a reporting verb, at most
    :data:`MAX_TAG_WORDS` words, and no sentence but the one the first quotation ends in.
    """
    if first.kind != "direct" or second.kind != "direct" or first.paragraph != second.paragraph:
        return False
    if second.subject is None or not (
        second.subject is first.subject or second.subject.kind == "inherit"
    ):
        return False
    gap = doc.text[first.end : second.start]
    if word_count(gap) > MAX_TAG_WORDS:
        return False
    if (
        doc.sentence_at(second.start).index - doc.sentence_at(max(first.start, first.end - 1)).index
        > 1
    ):
        return False
    return verbs.verb_pattern.search(gap) is not None


def merge_split_quotations(
    doc: Document, cands: list[Candidate], verbs: VerbLexicon
) -> list[Candidate]:
    """The candidates (in text order) with each quotation split by its tag made one."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and is_split_by_tag(doc, prev, c, verbs):
            prev.end = c.end
            prev.fragments = [*prev.fragments, *c.fragments]
            prev.warning = _join(*dict.fromkeys(w for w in (prev.warning, c.warning) if w))
            continue
        out.append(c)
    return out


QUOTED_KINDS = ("direct", "partial")


def quoted_ranges(doc: Document, rows: Iterable[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """The character ranges of quoted words in the statements ``rows``, sorted and merged.

    A direct or partial statement's quoted words are where its ``[start, end)`` meets the
    inside of the document's quotation marks: the tag of a quotation split by it and the
    narrator's words around a partial quote are left out.
    """
    inner = [(s.inner_start, s.inner_end) for s in doc.quote_spans]
    index = Intervals(inner)
    found: list[tuple[int, int]] = []
    for row in rows:
        if row.get("kind") not in QUOTED_KINDS:
            continue
        start, end = int(row["start"]), int(row["end"])
        for i in index.overlapping(start, end):
            a, b = inner[i]
            found.append((max(a, start), min(b, end)))
    return merge_ranges(found)
