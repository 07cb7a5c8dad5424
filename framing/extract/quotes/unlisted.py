"""Quote attribution: a speaker outside the actors registry, read from the bare noun phrase
before a reporting verb.

The registry-aware reader (:mod:`framing.extract.quotes.subjects`) knows names, titles and
appositions of listed actors and of people written as names ("Energy Minister Denys
Shmyhal"). News quotes many more: "Late-night host Jane Roe said", "Several backers of
the plan said", "Aides to the senator say", "The plan says". In English news the noun phrase
that ends right before a reporting verb, with no comma, subordinator or verb inside it, is
its subject (the canonical SVO order of attribution, Pareti 2016, PARC 3.0 section 4); this
module reads that phrase when the registry-aware reader finds none.
"""

from __future__ import annotations

import re

from framing.actors import OTHER_SIDE, UNKNOWN_SIDE
from framing.extract.quotes.model import Subject, _Context
from framing.extract.quotes.patterns import _FINITE, _RELATIVES, _WORD, PREPOSITIONS
from framing.extract.quotes.text import _strip_head, _strip_tail

# where a subject noun phrase cannot reach back past
_BOUNDARY = re.compile(r"[,;:()\[\]“”\"—–]|\s-\s")
# words that end the phrase on their left: a clause or another verb's object lies before
_CLAUSE_WORDS = frozenset(
    "that while as when because although though if since so where whereas but or nor then "
    "than after before once until unless whether".split()
)
# words that cannot be, or be inside, a speaker's noun phrase
_NOT_A_SUBJECT = frozenset(
    "it this that there which what i we you me us him them something nothing everything "
    "anything here who whom whose".split()
)
# the finite auxiliaries, and forms of "be", "do" and negation: none stands in a subject
_FINITE_WORDS = _FINITE | frozenset("be been being do shall not never".split())
_AUXILIARIES = frozenset("did does do can could would will may might must should shall".split())
# media words that name an audience or an occasion, never the author of a report
_NOT_AN_AUTHOR = frozenset(
    "reporters journalists media x a news conference a press conference".split(" ")
)
MAX_SUBJECT_WORDS = 10


def noun_phrase_subject(ctx: _Context, start: int, end: int) -> Subject | None:
    """The speaker named by the noun phrase that ends at ``end`` (a verb's start).

    "Late-night host Jane Roe said ..." gives "Late-night host Jane Roe"; "Aides to the
    senator say ..." gives "Aides to the senator"; "officials who have worked with him say
    ..." gives "officials"; "In a statement said ...", "The bill passed the House and
    said ..." give None.
    """
    text = ctx.doc.text
    cut = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
    words = [m.group() for m in _WORD.finditer(text, cut, end)]
    words = _after_clause_words(words)
    if [w.lower() for w in words] == ["who"] and cut > start:
        # "... echoed by former Gov. John Doe, who noted that ...": the name before
        # (not "who has promised ...": a perfect tense tells the person's past, not a report)
        return _antecedent_name(ctx, start, cut - 1)
    words = _strip_tail(_strip_head(words))
    while words and words[-1].lower() in _AUXILIARIES:
        words = _strip_tail(words[:-1])  # "Roe did suggest", "the office can confirm"
    relative = next((i for i, w in enumerate(words) if w.lower() in _RELATIVES), None)
    if relative is not None:
        words = words[:relative]  # "officials who have worked with him": the head speaks
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    lows = [w.lower() for w in words]
    if lows[0] in PREPOSITIONS or not _NOT_A_SUBJECT.isdisjoint(lows):
        return None
    if words[0][0].islower() and lows[0].endswith("ing"):
        return None  # a participle clause: "having promised ...", "saying ..."
    if not _FINITE_WORDS.isdisjoint(lows) or any(
        _looks_like_verb(words, i) for i in range(1, len(words))
    ):
        return None
    head = _head(words)
    if not head[-1][0].isalpha():
        return None
    phrase = " ".join(words)
    if ctx.actors.is_media(phrase):
        return Subject("media", phrase)
    return Subject(
        "unknown", phrase, None, ctx.actors.side_from_description(phrase) or UNKNOWN_SIDE
    )


def named_source(ctx: _Context, start: int, end: int) -> Subject | None:
    """The source named after "according to" when it is no person the registry-aware reader
    knows: a poll, a document, a filing, an agency ("according to the poll", "according to
    court documents"). PARC 3.0 counts any source; a pronoun or an empty phrase is none.

    "according to a filing with regulators" gives "a filing with regulators".
    """
    words = [m.group() for m in _WORD.finditer(ctx.doc.text, start, end)]
    if not words or len(words) > MAX_SUBJECT_WORDS:
        return None
    if not _NOT_A_SUBJECT.isdisjoint(w.lower() for w in words):
        return None
    phrase = " ".join(words)
    side = ctx.actors.side_from_description(phrase) or UNKNOWN_SIDE
    return Subject("unknown", phrase, None, side)


def outlet_as_source(ctx: _Context, subject: Subject) -> Subject:
    """An outlet or platform that is the subject of a reporting verb is the statement's
    source, as in PARC 3.0 ("RIA Novosti reported that ...", "Politico reported ..."); its
    side is that of a demonym in its name ("Russian state media"), else ``other`` (a known
    source that speaks for none of the listed sides). Words for
    an audience or an occasion ("reporters", "a news conference") stay no source.
    """
    if subject.kind != "media" or subject.as_written.lower().removeprefix("the ") in _NOT_AN_AUTHOR:
        return subject
    side = ctx.actors.side_from_description(subject.as_written) or OTHER_SIDE
    return Subject("unknown", subject.as_written, None, side, clean=subject.clean)


def _antecedent_name(ctx: _Context, start: int, end: int) -> Subject | None:
    """The capitalised name that ends right before a relative "who": the run of capitalised
    words (at most six) at the end of ``text[start:end]``."""
    words = [m.group() for m in _WORD.finditer(ctx.doc.text, start, end)]
    run: list[str] = []
    for w in reversed(words):
        if not w[0].isupper() or len(run) == 6:
            break
        run.insert(0, w)
    if not run:
        return None
    phrase = " ".join(run)
    return Subject(
        "unknown", phrase, None, ctx.actors.side_from_description(phrase) or UNKNOWN_SIDE
    )


def _after_clause_words(words: list[str]) -> list[str]:
    """The words after the last clause word ("that", "while", ...) or after an "and" that
    joins clauses (one not followed by a capitalised word: "Trump and Clinton" is one
    phrase, "the bill passed and officials" is not)."""
    start = 0
    for i, w in enumerate(words):
        low = w.lower()
        if low in _CLAUSE_WORDS or (
            low == "and" and (i + 1 == len(words) or not words[i + 1][0].isupper())
        ):
            start = i + 1
    return words[start:]


def _head(words: list[str]) -> list[str]:
    """The phrase before its first prepositional modifier ("backers" of "backers of
    the plan"), the whole phrase when it has none."""
    for i, w in enumerate(words):
        if i and w.lower() in PREPOSITIONS:
            return words[:i]
    return words


def _looks_like_verb(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a lower-case past-tense verb ("passed the bill"), not a
    participle before its noun ("the retired engineer"): it ends the phrase, or a
    determiner or preposition follows it."""
    word = words[i]
    if not (word[0].islower() and word.lower().endswith("ed") and len(word) > 4):
        return False
    return i + 1 == len(words) or words[i + 1].lower() in _AFTER_VERB


_AFTER_VERB = PREPOSITIONS | frozenset("the a an his her their its our this that these".split())
