"""Quote attribution: quotation-mark spans to candidate rows, direct (a full quotation and its
tag) or partial (a quoted phrase inside a reported statement)."""

from __future__ import annotations

import bisect
import re

from framing.document import Document, Sentence
from framing.extract.quotes.model import Candidate, Event, Subject, _Context
from framing.extract.quotes.patterns import _QUOTE_END_JUNK
from framing.extract.quotes.text import _words, title_before_that
from framing.intervals import Intervals
from framing.quotemarks import STRAY_CLOSE, QuoteSpan


def _merge_spans(doc: Document) -> list[QuoteSpan]:
    return [s for s in doc.quote_spans if s.warning != STRAY_CLOSE and s.inner_end > s.inner_start]


class _ByStart:
    """Events in text order, sliced by start with bisect: the only ones a rule that reads
    ``lo <= event.start < hi`` can take (all of them, were they ever out of order)."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events
        self.starts = [e.start for e in events]
        self.in_order = self.starts == sorted(self.starts)
        self._contents: Intervals | None = None

    def between(self, lo: int, hi: int) -> list[Event]:
        """The events that start in ``[lo, hi)``, in text order (a superset if unordered)."""
        if not self.in_order:
            return self.events
        return self.events[
            bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)
        ]

    def holding(self, pos: int) -> list[Event]:
        """The events whose content holds ``pos``, in list order."""
        if self._contents is None:
            self._contents = Intervals([e.content or (0, 0) for e in self.events])
        return [self.events[i] for i in self._contents.containing(pos)]


def _is_direct(ctx: _Context, span: QuoteSpan, sent: Sentence) -> bool:
    """Whether ``span`` is a full quotation; ``sent``: the sentence at its start."""
    text, doc = ctx.doc.text, ctx.doc
    para = doc.paragraphs[span.paragraph]
    lead_start = max(para.start, sent.start if sent.start <= span.start else para.start)
    before: QuoteSpan | None = None
    # the paragraph's spans that can end in the lead: those overlapping [lead_start - 1, span.start]
    for i in ctx.span_index.overlapping(lead_start - 1, span.start + 1):
        s = ctx.spans[i]
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
    """Candidate rows for the quotations of the document, in text order.

    Each rule reads only the events and spans near its quotation (sliced by start, or
    found in an interval index), so the time grows with the number of quotations, not
    with its square in a paragraph of many.
    """
    text, doc = ctx.doc.text, ctx.doc
    out: list[Candidate] = []
    all_events = [e for evs in events_by_sentence.values() for e in evs]
    everywhere = _ByStart(all_events)
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
        para_events = _ByStart(events_by_para.get(pindex, []))
        prior_end = -1  # the last end among spans[:k]
        for k, span in enumerate(spans):
            if k:
                prior_end = max(prior_end, spans[k - 1].end)
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
            lead_start = max(lead_start, prior_end)
            if _is_direct(ctx, span, sent):
                ev = _tag_after(ctx, span, para_events.between(span.end, limit), limit)
                if ev is None and text[lead_start : span.start].strip().endswith((":", ",")):
                    ev = _tag_before(
                        ctx, span, para_events.between(lead_start, span.start), lead_start
                    )
                if ev is None and not text[lead_start : span.start].strip() and pindex > 0:
                    prev_text = text[
                        doc.paragraphs[pindex - 1].start : doc.paragraphs[pindex - 1].end
                    ]
                    if prev_text.rstrip().endswith(":"):
                        prev_start = doc.paragraphs[pindex - 1].start
                        ev = _tag_before(
                            ctx, span, everywhere.between(prev_start, span.start), prev_start
                        )
                if ev is not None and ev.subject is not None:
                    if ev.subject.kind == "media":
                        continue
                    out.append(
                        Candidate("direct", start, end, pindex, ev.subject, ev.lemma, warning)
                    )
                    continue
                same_para = bool(out) and out[-1].paragraph == pindex  # out is in text order
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
            if title_before_that(text, span, para.start):
                continue  # 'said on “Face the Nation” that ...': a programme's name
            ev = _covering(para_events.holding(span.start), span)
            lemma = ev.lemma if ev is not None else ""
            if ev is not None and ev.content is not None:
                inner = [
                    e
                    for e in para_events.between(ev.content[0], span.start)
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
                    for e in para_events.between(sent.start, sent.end)
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
