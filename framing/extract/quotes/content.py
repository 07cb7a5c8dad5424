"""Quote attribution: subject and reported content of each event in a sentence: where a
statement starts ("said (that) ...", "told reporters ..."), and where it ends (a coordinated
verb, a clause cut). Coordinated clauses of one verb ("said A and that B") are one statement,
as in PARC 3.0."""

from __future__ import annotations

import re
from itertools import islice

from framing.document import Sentence
from framing.extract.quotes.cues import (
    _according,
    _fronted,
    _fronted_inverted,
    _inverted_subject,
    _possessor,
)
from framing.extract.quotes.lexicon import VerbLexicon
from framing.extract.quotes.model import Event, _Context, _quote_at, _quotes_overlapping
from framing.extract.quotes.patterns import (
    _AS,
    _CLAUSE_CUT,
    _COORDINATED,
    _FINITE,
    _INTERJECTED,
    _IRREGULAR_PAST,
    _NOUNABLE,
    _NP_RUN,
    _QUOTED_AS,
    _WORD,
    CLAUSE_START,
    GLUE_WINDOW,
    PREPOSITIONS,
    SUBORDINATORS,
    _Prefiltered,
)
from framing.extract.quotes.subjects import _main_subject, _resolve_chunk, _subject_before
from framing.extract.quotes.text import (
    _has_two_words,
    _words,
    is_possessive_word,
    title_before_that,
)
from framing.extract.quotes.unlisted import noun_phrase_subject
from framing.quotemarks import QuoteSpan

# punctuation that ends a clause's subject: a finite verb past it belongs to another clause
# punctuation that ends a noun phrase; a period after an initial, "U.S." or a title
# abbreviation does not ("said Donald J. Trump's remarks had ...", "said Mr. Putin ...")
_SUBJECT_END = re.compile(
    r"[,;:—–(“”\"]|(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bJr)(?<!\bSr)(?<!\bSt)\."
)


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
    if rest[: first_word.start()].strip() == "," and first_word[0].lower() in CLAUSE_START:
        return None  # "..., the campaign said, it may ...": an interjected tag (_fronted)
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
    if _looks_finite(first_word[0]) and _RELATIVE_SUBJECT.search(
        text, max(ev.sentence.start, ev.start - 60), ev.start
    ):
        # "a law, which critics said was discriminatory": the relative clause's predicate
        return pos + first_word.start()
    # the rules below look at no word past the twelfth
    words = list(islice(_WORD.finditer(rest), 12))
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
            if (
                i
                and low in CLAUSE_START
                and rest[w.start() - 1 : w.start()] not in "\"“‘'"
                and lows[i - 1] not in _TIME_BEFORE_DETERMINER  # "told POLITICO earlier this week"
            ):
                return pos + w.start()  # (not the first word of a quoted title: ABC's "This Week")
            if (
                i
                and capital is None
                and w.group()[0].isupper()
                and i <= 3
                and any(_looks_finite(x.group()) for x in words[i + 1 : i + 7])
            ):
                # "told reporters Russia had ...", not "told the Kyiv Independent in an interview"
                capital = pos + w.start()
        if capital is not None and not _that_opens_content(lows[:9]):
            return capital
    # a directive or a question, unless the sentence goes on to another speaker's tag
    # ("The US has asked Ukraine to hold elections, two sources told Reuters")
    # (the tag is looked for only when a frame applies: it reads the rest of the sentence)
    object_first = lows[0] not in PREPOSITIONS and lows[0] != "that"
    directive = object_first and ev.lemma in verbs.hearer_to and _hearer_then_to(rest, words)
    if directive and not _tag_after_comma(rest, verbs):
        return pos + words[0].start()  # "told his aides to find a way"
    naming = object_first and ev.lemma in verbs.predicative
    if naming and _object_then_predicate(rest, words) and not _tag_after_comma(rest, verbs):
        return pos + words[0].start()  # "called the charges a fabrication"
    if ev.lemma in verbs.question_verbs:
        question = _embedded_question(rest, words)
        if question is not None and not _tag_after_comma(rest, verbs):
            return pos + question  # "asked (the minister) whether ..."
    zero_that = lows[0] in CLAUSE_START
    # a clause's subject opens the words: "said Clinton's deficit meant that ..."
    subject_first = is_possessive_word(lows[0]) or (
        words[0][0][0].isupper() and lows[0] not in PREPOSITIONS
    )
    # a hearer or a setting may be long ("told a crowded hall at a hotel in Baltimore
    # that ...", "said in an interview with The Associated Press last week that ...")
    that_window = 12 if ev.lemma in verbs.indirect_object else 9
    for i, w in enumerate(words[:that_window]):
        if (
            (zero_that or i >= 1)
            and (
                lows[i] in _FINITE
                or (
                    i >= 2
                    and subject_first
                    and (lows[i].endswith("ed") or lows[i] in _IRREGULAR_PAST)
                )
            )
            and "," not in rest[: w.start()]
        ):
            # "said he would not sign any deal that ...", "said Russia had not received the
            # draft that ...": a zero-that clause, whose "that" is another verb's
            break
        if (
            lows[i] == "that"
            and i >= 2
            and lows[i - 1] in verbs.nouns
            and is_possessive_word(lows[i - 2])
        ):
            break  # "dismissed Zelensky's claim that ...": the "that" is the noun's
        if lows[i] == "that" and i + 1 < len(lows) and lows[i + 1] in _THAT_DETERMINED:
            continue  # "they feel that way": a determiner
        if lows[i] == "that" and not _quote_at(ctx, pos + w.start()):
            between = rest[: w.start()]
            if i > 2 and lows[i - 1] in ("and", "but"):
                break  # "said Putin was open to a meeting but that ...": zero-that first
            quoted = _quotes_overlapping(ctx, pos, pos + w.start())
            if any(not title_before_that(text, q, ev.end) for q in quoted) or (
                i > 0 and between.strip().endswith(".")
            ):
                break  # (a programme's name is no quotation: 'said on “Morning Joe” that')
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
        if not (ev.lemma == "report" and not gap.strip() and _finite_soon(rest, words, 10)):
            return None  # (a zero-that clause after "reported": "The Times reported the
            # email came hours after ...", not "reported earnings of $8.42 a share")
        return pos + words[0].start()
    if gap.strip():
        return None
    if first.lower() in CLAUSE_START:
        return pos + words[0].start()
    if first[0].isupper() and first.lower() not in PREPOSITIONS:
        # "said Ukraine and Russia would release ...", not "called Trump on Monday"
        if _finite_soon(rest, words, 10):
            return pos + words[0].start()
        return None
    if first.lower() not in PREPOSITIONS and _finite_soon(rest, words, 10):
        return pos + words[0].start()  # "said progress had been made"
    if first.lower() in SUBORDINATORS and _finite_soon(rest, words, 8):
        return pos + words[0].start()  # "said if Clinton is elected, she will ..."
    if first.lower() in PREPOSITIONS:
        clause = _clause_after_phrase(rest, words)
        if clause is not None:
            return pos + clause  # "said after the meeting he would ..."
    return None


_SUBJECT_PRONOUNS = frozenset("he she they it we i".split())
# words before "this"/"that"/"last" ... that make a time phrase, not a clause
_TIME_BEFORE_DETERMINER = frozenset("earlier later on in during since until".split())
# nouns after a determiner "that" ("feel that way", "on that day")
_THAT_DETERMINED = frozenset("way day time year week month point moment much far long".split())
_QUESTION_WORDS = frozenset("whether if how why what when where who whom which".split())


_OBJECT_PRONOUNS = frozenset("him her them it me us".split())
# words after "called him" that make it a phone call or a summons, not a naming
_NOT_A_PREDICATE = frozenset(
    "and or but back up out off down over in on to at later again yesterday today "
    "tonight last this that the quits".split()
)

_NOT_A_VERB_AFTER_TO = PREPOSITIONS | frozenset(
    "the a an his her their its our my this that".split()
)


def _tag_after_comma(rest: str, verbs: VerbLexicon) -> bool:
    """Whether a reporting verb follows a comma in ``rest``."""
    comma = rest.find(",")
    return comma >= 0 and verbs.verb_pattern.search(rest, comma) is not None


def _hearer_then_to(rest: str, words: list[re.Match[str]]) -> bool:
    """Whether the words are a hearer of up to four words, no punctuation, then "to" and
    a lower-case word that is no preposition or determiner ("his aides to find")."""
    for i in range(1, min(5, len(words) - 1)):
        if _SUBJECT_END.search(rest, 0, words[i].start()):
            return False
        if words[i].group().lower() == "to":
            after = words[i + 1].group()
            return after[0].islower() and after.lower() not in _NOT_A_VERB_AFTER_TO
    return False


def _object_then_predicate(rest: str, words: list[re.Match[str]]) -> bool:
    """Whether the words are an object of up to five words with no punctuation or
    preposition, then "a" or "an" ("the charges a fabrication", "it a mistake"), or a
    pronoun object then its predicate ("him divisive", "it “disqualifying”")."""
    if len(words) > 1 and words[0].group().lower() in _OBJECT_PRONOUNS:
        after = words[1].group().lower().rstrip(".")
        gap = rest[words[0].end() : words[1].start()].strip(" “\"‘'")
        if not gap and after not in PREPOSITIONS and after not in _NOT_A_PREDICATE:
            return True
    for i in range(1, min(6, len(words) - 1)):
        low = words[i].group().lower()
        if _SUBJECT_END.search(rest, 0, words[i].start()) or low in PREPOSITIONS:
            return False
        if low in ("a", "an"):
            return True
    return False


def _embedded_question(rest: str, words: list[re.Match[str]]) -> int | None:
    """Where an embedded question starts: a question word among the first five words, with
    up to four words of hearer and no punctuation before it ("asked officials whether")."""
    for i, word in enumerate(words[:5]):
        if _SUBJECT_END.search(rest, 0, word.start()):
            return None
        if word.group().lower() in _QUESTION_WORDS:
            return word.start() if i + 1 < len(words) else None
    return None


def _clause_after_phrase(rest: str, words: list[re.Match[str]]) -> int | None:
    """Where a clause opens with a subject pronoun and a finite verb after a short
    prepositional phrase with no punctuation in it ("after the convention he would")."""
    for i in range(2, min(len(words) - 1, 8)):
        if _SUBJECT_END.search(rest, words[0].end(), words[i].start()):
            return None
        if words[i].group().lower() in _SUBJECT_PRONOUNS and _looks_finite(words[i + 1].group()):
            return words[i].start()
    return None


_WHEN = re.compile(
    r"\s+(?:(?:on|last|this|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)(?:\s+(?:morning|afternoon|evening|night))?(?=[\s,])|\s+(?:earlier|later|"
    r"yesterday|today|again)(?=\s)",
    re.IGNORECASE,
)


_FINITE_ENDINGS = ("ed", "es", "ts", "ns", "ks", "ms", "ls", "ys")  # "wanted", "claims", "calls"


def _looks_finite(word: str) -> bool:
    """An auxiliary, a negated one ("doesn't", "won't"), or a lower-case past-tense or
    third-person form ("wanted", "says")."""
    low = word.lower()
    return (
        low in _FINITE
        or low.endswith(("n't", "n’t"))
        or (
            word[0].islower()
            and (low in _IRREGULAR_PAST or (len(word) > 3 and low.endswith(_FINITE_ENDINGS)))
        )
    )


# prepositions whose gerund shares the main clause's subject ("won the race by declaring",
# "left after saying"); not "for" ("criticised him for saying": the object said it)
_SUBJECT_GERUND_PREPOSITIONS = frozenset("by after before without upon".split())


def _after_adverbial_preposition(text: str, sent_start: int, pos: int) -> bool:
    """Whether the word before a gerund at ``pos`` is one of
    :data:`_SUBJECT_GERUND_PREPOSITIONS`."""
    before = _words(text[max(sent_start, pos - 12) : pos])
    return bool(before) and before[-1].lower() in _SUBJECT_GERUND_PREPOSITIONS


_SAID_THAT = re.compile(r"\s+(?:on\s+\w+(?:\s+\d{1,2})?\s+)?that\s")


def _nested_report(text: str, outer: Event, ev: Event) -> bool:
    """Whether a verb inside another's content is a report of its own, nested as PARC 3.0
    nests it: its subject opens the outer content and "that" follows it ("RT reported
    that Peskov said on January 23 that ...", "According to Axios, Witkoff explained
    that ...")."""
    return (
        ev.kind == "verb"
        and outer.content is not None
        and _SAID_THAT.match(text, ev.end) is not None
        and len(_words(text[outer.content[0] : ev.start])) <= 4
    )


def _that_opens_content(lows: list[str]) -> bool:
    """Whether a "that" among the lower-cased words ``lows`` after a verb opens its content:
    no finite verb comes before it ("told reporters that ...", not "told reporters Russia
    had not received the draft that ...")."""
    if "that" not in lows:
        return False
    return _FINITE.isdisjoint(lows[: lows.index("that")])


def _finite_soon(rest: str, words: list[re.Match[str]], stop: int) -> bool:
    """Whether a finite-looking verb comes among ``words[1:stop]`` before any punctuation:
    the words from ``words[0]`` on are a clause ("said none of the other candidates were
    listed"), not an object ("said nothing, but the talks were ...")."""
    for w in words[1:stop]:
        finite = _looks_finite(w.group())
        stop_mark = _SUBJECT_END.search(rest, words[0].end(), w.start())
        if stop_mark and not _name_list_comma(rest, stop_mark, w, closed=finite):
            return False
        if finite:
            return True
    return False


def _name_list_comma(
    rest: str, mark: re.Match[str], word: re.Match[str], *, closed: bool = True
) -> bool:
    """Whether the only punctuation before ``word`` is commas of a list of names
    ("comments from Rice, Rhodes, Panetta and Petraeus were") or a pair around an aside
    ("Trump, despite his wealth, is"): each comma followed by a capitalised word that
    opens no clause, or by a preposition or an adverb whose phrase a comma closes (by
    ``word`` when ``closed``)."""
    commas = list(re.finditer(r"[^\w\s’'-]", rest[mark.start() : word.start()]))
    closing = False  # the next comma closes an aside
    for comma in commas:
        if comma.group() != ",":
            return False
        if closing:
            closing = False
            continue
        after = _WORD.search(rest, mark.start() + comma.end())
        if after is None or rest[mark.start() + comma.end() : after.start()].strip():
            return False
        low = after.group().lower()
        if low in PREPOSITIONS or low in _ASIDE_ADVERBS or low.endswith("ly"):
            closing = True
            continue
        if not after.group()[0].isupper() or low in CLAUSE_START:
            return False
    return not (closing and closed)


_ASIDE_ADVERBS = frozenset("however though perhaps still therefore meanwhile".split())


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
            elif ev.subject is not None:  # "Moscow's claim that Kyiv attacked ...": the clause
                limit = _content_limit(text, ev, events[i + 1 :], sentence.end)
                if _has_two_words(text, ev.end, limit):
                    ev.content = (ev.end, limit)
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
                ev.subject = subject
                limit = _content_limit(text, ev, events[i + 1 :], sentence.end)
                cs = _content_start(ctx, ev, limit)
                if cs is not None and cs < limit:
                    ev.content = (cs, limit)
                prev = ev
                continue
        if (
            prev is not None
            and prev.content
            and prev.subject is not None  # no one reports it: no report to nest in
            and prev.content[0] <= ev.start < prev.content[1]
            and not _coordinate(text, prev.end, ev)
            and not _nested_report(text, prev, ev)
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
        participle = ing and (
            text[max(sentence.start, ev.start - 3) : ev.start]
            .strip()
            .endswith((",", "—", "–", ",”", ',"'))
            or _after_adverbial_preposition(text, sentence.start, ev.start)
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
            if (
                ev.subject is None
                and text[ev.start : ev.end].lower() not in _NOUNABLE  # "speeches and promises"
                and _AND_BEFORE.search(text, max(seg_start, ev.start - 30), ev.start)
            ):
                # "Clinton has disputed both critiques but says that ...": the subject of
                # the clause's first verb
                ev.subject = _main_subject(ctx, seg_start, ev.start)
            if ev.subject is None:
                ev.subject = _inverted_subject(ctx, sentence, ev, sent_spans)
                if ev.subject is not None:
                    _fronted_inverted(ctx, sentence, ev, sent_spans)
                    prev = ev
                    continue  # "..., said X, a Y": no content after the speaker
                ev.subject = noun_phrase_subject(
                    ctx, seg_start, ev.head if ev.head >= 0 else ev.start
                )
        limit = _content_limit(text, ev, events[i + 1 :], sentence.end)
        cs = _content_start(ctx, ev, limit)
        if cs is not None and cs < limit:
            ev.content = (cs, limit)
        elif (
            ev.subject is not None
            and (ev.lemma not in ctx.verbs.that_only or ev.lemma in _FRONTED_THAT_ONLY)
            and ev.lemma not in ctx.verbs.object_verbs
        ):
            _fronted(ctx, sentence, ev, sent_spans)
        prev = ev


# that-only verbs that still close a statement: "CONTENT, the Air Force reported."
_FRONTED_THAT_ONLY = frozenset(
    "report inform estimate post explain acknowledge recall complain conclude observe remark "
    "predict respond reply answer boast lament exclaim assure reassure promise "
    "pledge vow speculate reckon swear elaborate recount counter repeat testify affirm hint "
    "muse surmise posit quip joke retort".split()
)


# a relative word, then the subject of the reporting verb right after it ("which critics
# said", "that company executives said")
_RELATIVE_SUBJECT = re.compile(r"\b(?:which|that|what)\s+(?:[\w'’-]+\s+){1,4}$")
_NONRESTRICTIVE_SUBJECT = re.compile(r",\s*which\s+(?:[\w'’-]+\s+){1,4}$")
# a coordinated verb: "and", "but" (an adverb between) right before it
_AND_BEFORE = re.compile(
    r"\b(?:and|but)\s+(?:(?:has|have|had|also|then|later|now|since|\w+ly)\s+){0,2}$"
)

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
    if _NONRESTRICTIVE_SUBJECT.search(text, max(ev.sentence.start, ev.start - 60), ev.start):
        # "The changes, which officials said will start in May, will not apply ...": the
        # relative clause ends at its comma
        comma = text.find(",", ev.end, limit)
        if comma > 0:
            limit = comma
    if ev.start - ev.sentence.start < 400 and _FRONTED_SUBORDINATE.match(
        text, ev.sentence.start, ev.start
    ):
        # "Although she said it was a mistake, the town hall ...": the main clause after
        # the subordinate clause's last comma is the writer's
        comma = text.rfind(",", ev.end, limit)
        if comma > ev.end:
            limit = comma
    return limit


# a sentence that opens with a subordinate clause holding the reporting verb, no comma
# before the verb ("Although in September she said ...")
_FRONTED_SUBORDINATE = re.compile(
    r"\s*(?:Although|Though|While|Whereas|Because|Since|If|Unless|When|Whenever|After|"
    r"Before|Once|Until)\s[^,;:“”\"]*$"
)
