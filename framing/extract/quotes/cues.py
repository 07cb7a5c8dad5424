"""Quote attribution: the reporting events of a sentence (verbs, reporting nouns, "according
to") and the tags whose statement is fixed by their shape ("according to X, ...", "CONTENT, X
said.", "CONTENT, said X", "X's claim that")."""

from __future__ import annotations

import re
from collections.abc import Mapping

from framing.document import Sentence
from framing.extract.quotes.model import Event, Subject, _Context, _mentions_in, _quotes_overlapping
from framing.extract.quotes.patterns import (
    _ACCORDING,
    _BY_AGENT,
    _COMMA_TAIL,
    _DATELINE,
    _FINITE,
    _INTERJECTED,
    _NOT_A_VERB,
    _NOUN_CONTEXT,
    _NOUN_PREPOSITIONS,
    _NOUNABLE,
    _NP_RUN,
    _POSSESSIVE_PRONOUN,
    _TAG_TAIL,
    _WORD,
    AUX_ADVERBS,
    BE_FORMS,
    NEGATIONS,
    SUBORDINATORS,
    WEEKDAYS,
    _Prefiltered,
)
from framing.extract.quotes.subjects import (
    _hearer_end,
    _inverted_with_title,
    _may_name_speaker,
    _resolve_chunk,
)
from framing.extract.quotes.text import (
    _chunks,
    _in_spans,
    _is_possessive,
    _words,
    is_possessive_word,
)
from framing.extract.quotes.unlisted import named_source
from framing.quotemarks import QuoteSpan

ACCORDING_TO = "according to"


_STATE_NOUN_FORMS = frozenset(("state", "states"))
_THAT_NEXT = re.compile(r"\s+that\b")


def _noun_context(text: str, sent_start: int, pos: int) -> bool:
    """Whether a noun-like form ("note", "claims") is a noun here ("a positive note")."""
    before = [w.lower() for w in _words(text[max(sent_start, pos - 30) : pos])[-2:]]
    if not before:
        return False
    if before[-1] in _NOUN_CONTEXT or is_possessive_word(before[-1]):
        return True  # "the claim", "Moscow's claim"
    if before[-1] in _NOUN_PREPOSITIONS and text[pos - 1 : pos].isspace():
        return True  # "with promises", "for comments"
    return (
        len(before) == 2
        and before[0] in _NOUN_CONTEXT
        and before[1].isalpha()
        and not before[1].endswith("ly")
        and before[1] not in AUX_ADVERBS
    )


def _after_verb(forms: Mapping[str, str], text: str, sent_start: int, pos: int) -> bool:
    """Whether the word right before ``pos`` is a reporting verb's form ("said claims")."""
    before = _words(text[max(sent_start, pos - 20) : pos])
    return bool(before) and before[-1] in forms and text[pos - 1].isspace()


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
        if form in _NOUNABLE and _after_verb(verbs.form_lemma, text, sentence.start, m.start()):
            continue  # "said comments from ...", "denied claims": the object of a verb
        if form.lower() in _STATE_NOUN_FORMS and not _THAT_NEXT.match(text, m.end()):
            continue  # "the most conservative state": "state(s)" reports only before "that"
        pos = m.start()
        floor = max([sentence.start] + [s.end for s in spans if s.end <= pos])
        if lemma == "continue" and _CATENATIVE.match(text, m.end()):
            continue  # "continues to demand": the second verb reports
        catenative = _CATENATIVE_BEFORE.search(text, floor, pos)
        near = _words(text[max(floor, pos - 20) : pos])
        if catenative is None and _negated(_last_words(text, floor, pos, near)):
            continue
        if not form.endswith("ing") and _after_be(near):
            continue  # passive: "was described as", "was reportedly agreed"
        if (
            form.endswith("ed")
            and near
            and (is_possessive_word(near[-1].lower()) or near[-1].lower() in ("the", "a", "an"))
        ):
            continue  # an adjective: "Graham's repeated warning", "The reported leak"
        if form.endswith(("ed", "en")) and not (near and near[-1].lower() in _HAVE):
            after = text[m.end() : min(sentence.end, m.end() + 80)]
            if "by" in after and _agent_of_this_verb(after):
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


_NOUN_BY = re.compile(r"\s+by\s+(.+?)\s+that$")


def _possessor(ctx: _Context, sentence: Sentence, ev: Event) -> Subject | None:
    """Who makes a reporting noun's statement: "by X" after it ("the announcement by
    Zelensky that"), a possessive before it ("Moscow's claim"), or a possessive pronoun."""
    text = ctx.doc.text
    by = _NOUN_BY.search(text, ev.start, ev.end)
    if by:
        return _resolve_chunk(ctx, by.start(1), by.end(1))
    for m in reversed(_mentions_in(ctx, sentence.start, ev.start)):
        if _is_possessive(text, m.end) and len(_words(text[m.end : ev.start])) <= 4:
            return Subject("actor", m.as_written, m.actor, m.actor.side)
        break
    pron = _POSSESSIVE_PRONOUN.search(text[sentence.start : ev.start])
    if pron:
        return Subject("pronoun", {"his": "he", "her": "she"}.get(pron.group(1), "they"))
    owner = _NAME_OWNER.search(text, max(sentence.start, ev.start - 80), ev.start)
    if owner and owner.group(1).split()[-1].lower() not in _NOT_OWNERS:
        return _resolve_chunk(ctx, owner.start(1), owner.end(1))  # "Sanders's claim that"
    return None


# a capitalised name the registry does not know, then a possessive, up to two words
# before the noun ("Sanders's claim", "Sen. Graham's repeated warning")
_NAME_OWNER = re.compile(
    r"(?<![\w.])([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})(?:['’]s|(?<=s)['’])\s+"
    r"(?:[a-z][\w-]*\s+){0,2}$"
)
_NOT_OWNERS = frozenset(
    [
        *WEEKDAYS,
        *"january february march april may june july august september october november "
        "december today yesterday week year it".split(),
    ]
)


# a source's account after "according to": its owner speaks
_OWNER_OF_ACCOUNT = re.compile(
    r"\s*(.+?)['’]s?\s+(?:\w+\s+)?(?:calculations?|estimates?|data|figures|words|view|"
    r"assessment|account|remarks|statements?|comments|tally|count)\s*$"
)
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
    np_start = by.end() if by else ev.end
    source_end = _source_end(text, np_start, np_end)
    owned = _OWNER_OF_ACCOUNT.match(text, np_start, source_end)
    owner = None
    if owned:
        source_end = owned.end(1)  # "according to Kuleba's calculations": Kuleba
        owner = next(
            (m for m in _mentions_in(ctx, np_start, source_end) if m.end == source_end), None
        )
    if owner is not None:
        ev.subject = Subject("actor", owner.as_written, owner.actor, owner.actor.side)
    else:
        ev.subject = _resolve_chunk(ctx, np_start, source_end) or named_source(
            ctx, np_start, source_end
        )
    if ev.subject is None:
        return
    before = text[sentence.start : ev.start].strip().rstrip(",").strip()
    before_words = _words(before)
    if (
        len(before_words) <= 1
        or _adverbial_only(before_words)
        or before_words[-1].lower() in _OPENS_A_CLAUSE  # "..., where, according to X, ..."
    ) and not before.endswith(("”", '"')):
        ev.content = (np_end, sentence.end)
    else:
        ev.content = (sentence.start, ev.start)


# where the source after "according to" ends: a dash or a relative clause ("according to
# two senators present who asked not to be named", "according to the poll - despite ...")
_SOURCE_STOP = re.compile(r"\s+[-–—]\s|\s+(?:who|which|whose)\b")


def _source_end(text: str, start: int, end: int) -> int:
    """The end of the source phrase in ``text[start:end]``, before a dash or a relative
    clause.

    >>> _source_end("the poll - despite all", 0, 22)
    8
    """
    stop = _SOURCE_STOP.search(text, start, end)
    return stop.start() if stop else end


_ASKED = re.compile(r"\s*(?:When\s+|If\s+)?[Aa]sked\b")


def _fronted(ctx: _Context, sentence: Sentence, ev: Event, spans: list[QuoteSpan]) -> None:
    """``CONTENT, X said.``: the tag closes a sentence whose start is the statement."""
    text = ctx.doc.text
    chunks = _chunks(text, sentence.start, ev.start)
    if len(chunks) < 2:
        return
    first_word = _WORD.search(text, sentence.start, ev.start)
    opening = first_word.start() if first_word else ev.start
    if any(_quotation_then_tag(text, s, ev) for s in spans if s.start <= opening):
        return  # a quotation is the sentence up to its tag: the tag is the quotation's
    last_quote_end = max((s.end for s in spans if s.end <= ev.start), default=sentence.start)
    tail = text[ev.end : sentence.end]
    if ev.lemma in ctx.verbs.indirect_object:
        tail = tail[_hearer_end(ctx, tail) :]  # "CONTENT, X told reporters." / "told Reuters on"
        hearer = _PERSONAL_HEARER.match(tail)
        if hearer:
            tail = tail[hearer.end() :]  # "CONTENT, the president told her." / "told his aides"
    start = sentence.start
    end = chunks[-1][0] - 1
    # "The talks, he said, were hard.": a short subject, the tag, then the clause goes on
    tag_end = sentence.end - len(tail)  # after the verb and its hearer
    interjected = _INTERJECTED.match(text, tag_end) and _subject_only(_words(text[start:end]))
    if _ASKED.match(text, sentence.start) or (
        not interjected and any(s.start >= ev.end for s in spans)
    ):
        return  # "Asked whether ..., Trump told reporters: “...”": the quotation is the statement
    if _words(tail) and not _TAG_TAIL.match(tail) and not _COMMA_TAIL.match(tail):
        return
    if interjected:
        end = sentence.end  # the whole sentence, a quoted phrase after the tag included
    elif _COMMA_TAIL.match(tail) and _words(tail) and _opens_adverbial(text[start:end]):
        end = sentence.end  # "If talks fail, he said, Congress can ...": the main clause follows
    if last_quote_end > start and last_quote_end >= end:
        # 'The summit achieved "too little," he added': the clause holds the quotation
        end = last_quote_end
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()
    if len(_words(text[start:end])) < 3:
        return
    ev.content = (start, end)


_OPENS_A_CLAUSE = frozenset("where that which because while when if since although as".split())
_DISCOURSE_OPENERS = frozenset(
    "in at on however meanwhile also moreover furthermore additionally besides still yet "
    "but and so thus overall separately earlier later now today yesterday".split()
)


def _adverbial_only(words: list[str]) -> bool:
    """Whether up to four words are a discourse adverbial and no clause ("In addition",
    "At the same time"): the statement after "according to X," follows it."""
    return (
        0 < len(words) <= 4
        and words[0].lower() in _DISCOURSE_OPENERS
        and not any(w.lower() in _FINITE for w in words)
    )


def _subject_only(words: list[str]) -> bool:
    """Whether the words before an interjected tag are a subject with no verb of its own
    ("Power cuts for industrial users, he said, were ..."): under four words, or no
    auxiliary and no past-tense form among them."""
    return len(words) < 4 or not any(
        w.lower() in _FINITE or (w[0].islower() and w.endswith("ed")) for w in words
    )


# a hearer after "told" that is a person or an audience, not a medium
_PERSONAL_HEARER = re.compile(
    r"\s+(?:him|her|them|me|us|[A-Z]{3,}|(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:advisers|advisors|aides|supporters|crowd|audience|staff|colleagues|followers|"
    r"members|voters|listeners|viewers|lawmakers|donors|students|workers|rally|gathering))\b"
)


_ADVERBIAL_OPENERS = SUBORDINATORS | frozenset(
    "as in after before since with for by despite on at during given without under until "
    "whether".split()
)


def _opens_adverbial(clause: str) -> bool:
    """Whether ``clause`` (the words before an interjected tag) is an adverbial phrase or
    clause, so that the main clause follows the tag ("As Election Day nears, Stone says,
    the number ... shrinks").

    >>> _opens_adverbial("As Election Day nears"), _opens_adverbial("The talks failed")
    (True, False)
    """
    words = _words(clause)
    return bool(words) and words[0].lower() in _ADVERBIAL_OPENERS


def _quotation_then_tag(text: str, span: QuoteSpan, ev: Event) -> bool:
    """Whether ``span``, which opens its sentence (no word before it), runs to the tag of
    ``ev``: it ends on a comma, ? or ! (inside or right after its marks) or only the tag
    follows it (``“A,” the US secretary of state, Marco Rubio, said``), unlike a quotation
    the narrator goes on (``“I held and hugged” grieving families ..., he said``)."""
    closing = text[span.inner_end - 1 : span.inner_end] + text[span.end : span.end + 1]
    return bool(set(closing) & set(",?!")) or len(_words(text[span.end : ev.start])) < 2


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
    return _inverted_with_title(ctx, chunks[:2])


_HAVE = frozenset(("has", "have", "had", "having"))
_PARTICIPLE = re.compile(r"\b[a-z]{3,}(?:ed|en)\b")


def _agent_of_this_verb(after: str) -> bool:
    """Whether a "by" agent in ``after`` (the text after a participle) is that verb's: no
    other participle comes first ("called it a hoax perpetrated by China" is active)."""
    agent = _BY_AGENT.search(after)
    return agent is not None and _PARTICIPLE.search(after, 0, agent.start()) is None


def _after_be(words: list[str]) -> bool:
    """Whether the last of ``words`` is a form of "be", or an adverb in -ly after one
    ("was reportedly", "is widely"): the verb that follows is a passive."""
    last = [w.lower() for w in words[-2:]]
    if last and last[-1] in BE_FORMS:
        return True
    return len(last) == 2 and last[1].endswith("ly") and last[0] in BE_FORMS
