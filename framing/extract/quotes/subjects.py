"""Quote attribution: the speaker of a reporting verb, from the noun phrases before it ("Peskov,
the Kremlin spokesman, said") or after it ("..., said two officials"), with the title written
with the speaker's name ("Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman")."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from framing.actors import OTHER_SIDE, UNKNOWN_SIDE, Mention, match_key, surface_key
from framing.extract.quotes.model import Subject, _Context, _mentions_before, _mentions_in
from framing.extract.quotes.patterns import (
    _NAME_TITLES,
    _POLL_SHARE,
    _RELATIVES,
    _RESPONDENTS,
    _ROLE_OF_PERSON,
    _ROLE_WORDS,
    _TITLE_GAP,
    _WORD,
    DETERMINERS,
    LEAD_CONJUNCTIONS,
    PEOPLE_NOUNS,
    PREPOSITIONS,
    PRONOUNS,
    TITLE_NOUNS,
    _Screened,
)
from framing.extract.quotes.references import (
    _document_named,
    _generic_subject,
    _institution_reference,
    _is_aside,
    _pronoun_with_predicate,
    _role_holder,
)
from framing.extract.quotes.text import (
    _before_parenthesis,
    _chunks,
    _clause_follows,
    _first_verb,
    _is_interjection,
    _is_possessive,
    _pronoun_after_phrase,
    _strip_head,
    _strip_tail,
    _words,
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
    share = _poll_share(text, start, end)
    if share is not None:
        return share
    document = _document_named(all_words)
    if document:
        return Subject("document", document)  # its issuer: speakers._document_issuer
    words = _strip_tail(_strip_head(all_words)) if core is None else core
    if not words:
        return None
    phrase = " ".join(words)
    low = phrase.lower()
    if low in PRONOUNS:
        return Subject("pronoun", phrase)
    if low in _OBJECT_PRONOUNS:
        return Subject("pronoun", _OBJECT_PRONOUNS[low])
    if low == "it":
        return Subject("pronoun", phrase)  # an institution or a document: speakers.py
    if low in {"i", "we", "you", "this", "that", "there", "which", "who"}:
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
    joint = _joint_subject(text, found, cut)
    if joint is not None:
        return joint
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
            side = ctx.actors.side_from_description(" ".join(role)) or (
                possessors[0].actor.side if possessors else UNKNOWN_SIDE
            )
            return Subject("unknown", _np_text(role), None, side, title=_bare_title(role))
    if found and found[0].actor.kind == "person":
        pre = _words(text[start : found[0].start])
        while pre and pre[-1][0].isupper() and pre[-1].lower() not in ("to", "for"):
            pre = pre[:-1]  # the title before the name: "to (Russian) President Putin"
        pre = [w.lower() for w in pre]
        named_after = any(
            m.actor.kind == "person" and not m.via_title and m.actor is not found[0].actor
            for m in found[1:]
        )
        if (
            not named_after  # "Aide to the Russian President Yury Ushakov": the name speaks
            and len(pre) >= 2
            and pre[-1] in ("to", "for")
            and pre[-2] in _ROLE_OF_PERSON
        ):
            # "a top aide to President Vladimir Putin": the aide speaks, on Putin's side
            holder = _role_holder(ctx, start, found[0], [pre[-2]])
            if holder is not None:
                return Subject("actor", holder.name, holder, holder.side, clean=False)
            return Subject("unknown", _np_text(words), None, found[0].actor.side, clean=False)
    if found and not any(m.actor.kind == "person" and not m.via_title for m in found):
        named = _name_after_title(ctx, words, found[-1], end, possessors, clean=True)
        if named is not None:
            return named  # "Acme's senior vice president for global affairs Jane Roe"
    if found:
        first = found[0]
        cluster = [first]
        for m in found[1:]:
            gap = _words(text[cluster[-1].end : m.start])
            if len(gap) <= 8 and all(
                w[0].isupper() or w.lower() in _TITLE_GAP or w.lower() == "to" for w in gap
            ):  # "US Special Envoy to Ukraine and Russia Keith Kellogg": one title run
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
            title = _title_of_mention(text, start, best) if best.actor.kind == "person" else ""
            return Subject(
                "actor", best.as_written, best.actor, best.actor.side, clean=clean, title=title
            )
        if tail[-1].lower() not in PEOPLE_NOUNS:
            last = found[-1]
            if (
                last is not first
                and last.actor.kind == "person"
                and not last.via_title
                and not _strip_tail(_words(text[last.end : end]))
            ):
                # "Putin's foreign policy aide Yuri Ushakov": the name heads the phrase
                title = _title_before(_words(text[start : last.start]))
                return Subject(
                    "actor", last.as_written, last.actor, last.actor.side, clean=clean, title=title
                )
            return None
        side = ctx.actors.side_from_description(phrase) or cluster[0].actor.side
        if tail[-1].lower() in {"residents", "resident", "people", "citizens", "voters"}:
            side = ctx.actors.side_from_description(phrase) or UNKNOWN_SIDE
        title = _bare_title(words)
        return Subject("unknown", _np_text(words), None, side, clean=clean, title=title)
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
    low_words = [w.lower() for w in words]
    if (
        len(words) == 3
        and low_words[0] in _QUANTIFIERS
        and low_words[1:] in (["of", "them"], ["of", "us"])
    ):
        return Subject("unknown", phrase, None, UNKNOWN_SIDE, clean=clean)  # "most of them said"
    if len(words) == 2 and low_words[0] == "those" and low_words[1] in _RESPONDENTS:
        return Subject("unknown", phrase, None, UNKNOWN_SIDE, clean=clean)  # "those polled"
    generic = _generic_subject(phrase, clean)
    if generic is not None:
        return generic
    earlier = _earlier_alias(ctx, start, words) or _institution_reference(ctx, start, words)
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
    holder = _role_holder(ctx, start, possessors[-1], [head]) if possessors else None
    if holder is not None and _words(text[possessors[-1].end : end])[-1:] == [head]:
        return Subject("actor", _np_text(words), holder, holder.side, clean=clean, title=phrase)
    if head.lower() in PEOPLE_NOUNS or (name_like and len(words) >= 1 and head[0].isupper()):
        if len(words) > 8:
            return None
        # the whole phrase: "governor of Dnipropetrovsk region" (its place gives the side)
        side = ctx.actors.side_from_description(" ".join(full)) or (
            possessors[0].actor.side if possessors else UNKNOWN_SIDE
        )
        if head.lower() in {"residents", "resident", "people", "citizens", "voters"}:
            side = ctx.actors.side_from_description(phrase) or UNKNOWN_SIDE
        title_words, name = _split_name(words)
        title = _title_before(title_words) if name else _bare_title(words)
        return Subject("unknown", _np_text(words), None, side, clean=clean, title=title)
    return _titled_name(ctx, words, possessors, clean)


def _poll_share(text: str, start: int, end: int) -> Subject | None:
    """Poll respondents named by a share, the whole of ``text[start:end]`` ("42%", "about
    three in 10", "a third of independents"), as a speaker of unknown side."""
    share = _POLL_SHARE.fullmatch(text, start, end)
    return None if share is None else Subject("unknown", share.group(1), None, UNKNOWN_SIDE)


def _titled_name(
    ctx: _Context, words: list[str], possessors: list[Mention], clean: bool
) -> Subject | None:
    """An unlisted person named after a long title run in lower case: "the company's chief
    executive officer and co-founder Jane Roe" is Jane Roe, titled "the company's chief
    executive officer and co-founder" (the name, not the title, is who speaks)."""
    title_words, name = _split_name(words)
    if not name or not title_words or len(title_words) > 8:
        return None
    if any(w.lower() in _VERBISH or w.lower() in PRONOUNS for w in title_words):
        return None
    title = _title_before(title_words)
    if not title:
        return None
    side = ctx.actors.side_from_description(" ".join(title_words)) or (
        possessors[0].actor.side if possessors else UNKNOWN_SIDE
    )
    return Subject("unknown", _np_text(words), None, side, clean=clean, title=title)


def _name_after_title(
    ctx: _Context,
    words: list[str],
    last: Mention,
    end: int,
    possessors: list[Mention],
    *,
    clean: bool,
) -> Subject | None:
    """An unlisted name written after the last mention of a noun phrase ``words`` that
    names no person itself: in "Acme's senior vice president for global affairs Jane Roe"
    the registry's title "vice president" is Jane Roe's, not the listed vice president's."""
    after = _strip_tail(_words(ctx.doc.text[last.end : end]))
    _, name = _split_name(after)
    if not name or len(after) > 10 or words[-len(name) :] != name:
        return None
    return _titled_name(ctx, words, possessors, clean)


_HONORIFICS = frozenset("mr mrs ms miss mr. mrs. ms. dr dr.".split())


def _is_title_word(word: str) -> bool:
    """Whether ``word`` names an office or role ("spokesman", "Minister", "Sen.") or, before
    a name, what a person is ("fight doctor Jane Roe", "Kyiv resident Olena Petrenko")."""
    low = word.lower().rstrip(".")
    return low in TITLE_NOUNS or low in _TITLE_ABBREVIATIONS or low in PEOPLE_NOUNS


_TITLE_ABBREVIATIONS = frozenset("sen rep gov gen col lt maj capt adm prof supt".split())


def _title_before(words: list[str]) -> str:
    """The title run written before a name, or "" when it holds no title word.

    >>> _title_before(["Kremlin", "spokesman"])
    'Kremlin spokesman'
    >>> _title_before(["But", "Mr."])
    ''
    """
    words = _strip_head(words)
    while words and words[-1].lower() in _HONORIFICS:
        words = words[:-1]  # "Mr. Peskov": a courtesy, not a title
    if not any(_is_title_word(w) for w in words):
        return ""
    return " ".join(words)


def _bare_title(words: list[str]) -> str:
    """The noun phrase itself when it is one person's title without a name ("the US
    secretary of state", "a senior official"), else "".

    >>> _bare_title(["the", "US", "secretary", "of", "state"])
    'the US secretary of state'
    >>> _bare_title(["the", "head", "of", "the", "delegation"])
    'the head of the delegation'
    >>> _bare_title(["two", "officials"])
    ''
    """
    words = _strip_head(words)
    lower = [w.lower() for w in words]
    head = words[: lower.index("of")] if "of" in lower[1:] else words
    # "secretary of state", "the head of the Ukrainian delegation": the office is before "of"
    if head and head[-1].lower().rstrip(".") in TITLE_NOUNS:
        return " ".join(words)
    return ""


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a noun phrase that ends with a name of one to four
    capitalised words, none of them a title word; ((words, [])) when it does not.

    >>> _split_name(["Deputy", "Foreign", "Minister", "Sergey", "Ryabkov"])
    (['Deputy', 'Foreign', 'Minister'], ['Sergey', 'Ryabkov'])
    >>> _split_name(["the", "spokesman"])
    (['the', 'spokesman'], [])
    """
    i = len(words)
    while (
        i
        and len(words) - i < 4
        and words[i - 1][:1].isupper()
        and not _is_title_word(words[i - 1])
        and words[i - 1].lower() not in _HONORIFICS
        and not _is_possessive_word(words[i - 1])
    ):
        i -= 1
    if i == len(words):
        return words, []
    return words[:i], words[i:]


def _is_possessive_word(word: str) -> bool:
    """Whether ``word`` is a possessive ("Putin's", "the ministers'"): a name's owner."""
    return word.endswith(("'s", "’s", "s'", "s’"))


def _title_of_mention(text: str, start: int, m: Mention) -> str:
    """The title written with a person's mention that starts a noun phrase at ``start``:
    the title words before the name ("Kremlin spokesman Dmitry Peskov"), or the mention
    itself when it is a title ("the US secretary of state")."""
    if m.via_title:
        return " ".join(_strip_head(_words(text[start : m.end])))
    return _title_before(_words(text[start : m.start]))


def _earlier_alias(ctx: _Context, start: int, words: list[str]) -> Mention | None:
    """An actor named in full earlier whose name ends with ``words``: "Fedorov" after
    "Ivan Fedorov", "the Air Force" after "the Ukrainian Air Force"; else a person whose
    two-word name starts with the one word given ("Qin" after "Qin Gang")."""
    tail = [w for w in words if w.lower() not in DETERMINERS]
    if not tail or len(tail) > 3 or not all(w[0].isupper() for w in tail):
        return None
    key = " " + surface_key(" ".join(tail))
    if not ctx.mentions_ordered:
        first = key.strip() + " " if len(tail) == 1 else ""
        before = _mentions_before(ctx, start)
        for m in reversed(before):
            if _written_key(m.as_written).endswith(key):
                return m
        for m in reversed(before):
            written = _written_key(m.as_written)
            if first and written.startswith(first) and _two_word_name(m, written):
                return m
        return None
    # the last mention before ``start`` whose key ends with ``key``, looked up (a scan back
    # through every earlier mention costs time in the square of the article's length)
    found = _name_endings(ctx).get(key)
    if not found and len(tail) == 1:
        found = _name_endings(ctx).get(_FIRST_WORD + key.strip())
    if not found:
        return None
    last = bisect.bisect_left(found, bisect.bisect_right(ctx.mention_ends, start)) - 1
    return ctx.mentions[found[last]] if last >= 0 else None


def _name_endings(ctx: _Context) -> dict[str, list[int]]:
    """Each way a mention's key can end after a space (" fedorov", " ivan fedorov" of
    "gen. ivan fedorov") -> the indices of the mentions whose key ends so, ascending:
    ``key.endswith(ending)`` for an ``ending`` that starts with a space, looked up."""
    if ctx.name_endings is None:
        endings: dict[str, list[int]] = {}
        for i, m in enumerate(ctx.mentions):
            written = _written_key(m.as_written)
            space = written.find(" ")
            if _two_word_name(m, written):
                endings.setdefault(_FIRST_WORD + written[: written.find(" ")], []).append(i)
            while space >= 0:
                endings.setdefault(written[space:], []).append(i)
                space = written.find(" ", space + 1)
        ctx.name_endings = endings
    return ctx.name_endings


# key prefix of a two-word name's first word in :func:`_name_endings` (an ending starts
# with a space, so the two never meet)
_FIRST_WORD = "<"


def _two_word_name(m: Mention, written: str) -> bool:
    """Whether ``m`` names a person by a two-word alias: its first word alone may then
    refer to them, as a family name written first does ("Qin" after "Qin Gang", "Hua"
    after "Hua Chunying").

    >>> from framing.actors import Actor
    >>> person = Actor("Hua Chunying", "CN", "person", ("Hua Chunying",), ())
    >>> _two_word_name(Mention(0, 12, person, "Hua Chunying", False), "hua chunying")
    True
    """
    return m.actor.kind == "person" and not m.via_title and written.count(" ") == 1


@lru_cache(maxsize=4096)
def _written_key(as_written: str) -> str:
    """The surface key of a name as written, its runs of spaces made one space (names
    recur within and across articles: each is keyed once)."""
    return match_key(as_written)


_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_QUANTIFIERS = frozenset("one two three four several some many most none each both all".split())
_POSTMODIFIERS = frozenset("familiar close who which briefed involved based".split())
_POSTMODIFIERS_WHOSE = _POSTMODIFIERS | {"whose"}
_ALLIES = frozenset("allies partners backers supporters".split())


def _np_text(words: list[str]) -> str:
    while words and words[0].lower() in DETERMINERS and words[1:2] != ["of"]:
        words = words[1:]
    return " ".join(words)


_JOINT_GAP = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?|\s*,\s*")
_JOINT_TAIL = re.compile(r"\s*(?:both|jointly|together)?\s*")


def _joint_subject(text: str, found: list[Mention], end: int) -> Subject | None:
    """Actors joined by "and" that speak together ("Russia and Ukraine said", "Washington
    and Moscow agreed"): one source as written, with their side when they share one, else
    ``other``, as PARC 3.0 keeps a joint source whole."""
    if len(found) < 2 or not _JOINT_TAIL.fullmatch(text, found[-1].end, end):
        return None
    for a, b in pairwise(found):
        if not _JOINT_GAP.fullmatch(text, a.end, b.start):
            return None
    if " and " not in text[found[0].start : found[-1].end]:
        return None
    sides = {m.actor.side for m in found}
    side = sides.pop() if len(sides) == 1 else OTHER_SIDE
    return Subject("unknown", text[found[0].start : found[-1].end], None, side)


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
    end = _before_parenthesis(text, start, end)
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
    phrases: list[str] = []  # each subject's noun phrase, as written
    share_chain = False  # the chain is a poll share, which takes no appositive
    for a, b in reversed(_chunks(text, start, end)[-5:]):
        chunk_words = _words(text[a:b])
        words = _strip_head(chunk_words)
        share = _poll_share(text, a, b)
        if share is not None or share_chain:
            if share is None:
                break  # the share is the whole subject
            # "42% say", "About three in 10 said", "A third of independents, 33%, say"
            chain[:], phrases[:], share_chain = [share], [share.as_written], True
            continue
        if not chain and _pronoun_after_phrase(words):
            chain.append(Subject("pronoun", words[-1]))  # "Although in September she said"
            phrases.append(words[-1])
            break
        if _is_interjection(words) or _is_aside(text, words, b):
            continue
        core = _strip_tail(words)
        if not core:
            continue
        if not chain and core[-1].lower() == "and" and _pronoun_with_predicate(core):
            chain.append(Subject("pronoun", core[0]))  # "He thanked all partners ... and"
            phrases.append(core[0])
            break
        if not _VERBISH.isdisjoint(w for w in core if w[0].islower()) or len(words) > 14:
            # (a capitalised "Will" is a name: "GOP Chairman Will Rogers")
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
        phrases.append(" ".join(core))
        if len(chain) == 3:
            break
    if not chain:
        return None
    chosen = _choose_subject(chain, interjected=interjected)
    return _with_apposed_title(chosen, chain, phrases)


def _with_apposed_title(chosen: Subject, chain: list[Subject], phrases: list[str]) -> Subject:
    """``chosen`` with the title of the phrase in apposition to it when it has none:
    "Peskov, the Kremlin's spokesman, said" gives Peskov the title "the Kremlin's
    spokesman" (the nearest phrase of the chain that opens with a title and names nobody
    else; the chain runs right to left)."""
    if chosen.title or chosen.kind not in ("actor", "unknown"):
        return chosen
    # the chosen subject may be a copy with another side
    at = next(
        i for i, s in enumerate(chain) if (s.kind, s.as_written) == (chosen.kind, chosen.as_written)
    )
    for i in sorted(range(len(chain)), key=lambda i: abs(i - at)):
        other = chain[i]
        if i == at or not other.title or other.actor not in (None, chosen.actor):
            continue
        if phrases[i].startswith(other.title):
            return replace(chosen, title=_title_with_complement(other.title, phrases[i]))
    return chosen


def _title_with_complement(title: str, phrase: str) -> str:
    """``phrase`` when it is ``title`` and a short complement that says where or of what
    ("the head of the Ukrainian delegation"), else ``title``.

    >>> _title_with_complement("the head", "the head of the Ukrainian delegation")
    'the head of the Ukrainian delegation'
    >>> _title_with_complement("a senior official", "a senior official who led the talks")
    'a senior official'
    """
    rest = phrase[len(title) :].split()
    if (
        not rest
        or rest[0] not in _COMPLEMENT_PREPOSITIONS
        or len(phrase.split()) > 10
        or any(w.lower() in _RELATIVES or w.lower() in _VERBISH for w in rest)
        or any(w.endswith(("ed", "ing")) for w in rest)
    ):
        return title
    return phrase


_COMPLEMENT_PREPOSITIONS = frozenset("of at for to in".split())


def _choose_subject(chain: list[Subject], *, interjected: bool) -> Subject:
    """The speaker among a chain of comma-separated noun phrases (read right to left)."""
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


def _inverted_with_title(ctx: _Context, chunks: list[tuple[int, int]]) -> Subject | None:
    """The speaker after a verb, from the first phrase of ``chunks``, titled by the
    second when that is a title: "said Peskov, the Kremlin spokesman"."""
    subject = _resolve_chunk(ctx, *chunks[0])
    if subject is None or subject.title or len(chunks) < 2:
        return subject
    a, b = chunks[1]
    if ctx.doc.text[b - 1 : b] == ".":
        b -= 1  # the sentence's full stop
    words = _strip_tail(_strip_head(_words(ctx.doc.text[a:b])))
    apposed = _resolve_chunk(ctx, a, b)
    if apposed is None:
        return subject
    return _with_apposed_title(subject, [subject, apposed], ["", " ".join(words)])


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


# -ing words that modify a title ("said acting spokesman Ivan Roe"), not gerunds
_TITLE_ING = frozenset(
    "acting visiting outgoing incoming ruling leading governing founding reigning sitting "
    "serving managing presiding ranking opposing departing".split()
)


def _may_name_speaker(ctx: _Context, start: int, end: int) -> bool:
    """Whether the words right after a verb can be its (inverted) speaker: not "on
    Telegram that ...", not "reporters in Ankara that ..." (a hearer, then content), not
    a gerund ("..., said having Trump on the ticket puts ...": the content)."""
    text = ctx.doc.text
    written = _words(text[start:end])
    words = [w.lower() for w in written]
    if not words or words[0] in PREPOSITIONS or "that" in words:
        return False
    if written[0].islower() and written[0].endswith("ing") and words[0] not in _TITLE_ING:
        return False
    if words[0] in PRONOUNS and len(words) > 1 and words[1] not in PREPOSITIONS:
        return False  # "..., said he will not vote": the content's subject, not "said he."
    if _clause_follows(written):
        return False  # "..., said his survey of Republicans showed ...": the content
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
        if first[:-2] in PRONOUNS and first.endswith(("'s", "’s")):
            return Subject("pronoun", words[0][:-2])  # "He's comparing ... and says"
        if _names_start(words):
            # "Romney went after Trump, calling it ...": an unlisted name opens the clause
            return _resolve_chunk(ctx, a, _verb_boundary(text, a, b))
        if first in _NP_OPENERS:
            # "The departments declined ..., saying ...": the noun phrase before the verb
            verb = _first_verb(text, a, b)
            return _resolve_chunk(ctx, a, verb) if verb is not None else None
        return None
    return None


# words that open a noun phrase whose head the first verb ends
_NP_OPENERS = frozenset("the a an some many most several".split())


def _names_start(words: list[str]) -> bool:
    """Whether a clause opens with a capitalised name, not a capitalised function word
    ("The", "In", "But").

    >>> _names_start(["Romney", "went"]), _names_start(["The", "plan"])
    (True, False)
    """
    if not words or not words[0][0].isupper():
        return False
    first = words[0].lower()
    return first not in DETERMINERS and first not in PREPOSITIONS and first not in _NOT_NAMES


_NOT_NAMES = LEAD_CONJUNCTIONS | frozenset(
    "after before when while both each all some many most several few neither either".split()
)


def _verb_boundary(text: str, pos: int, end: int) -> int:
    """End of the capitalised/title run that starts at ``pos`` (where the verb begins)."""
    for m in _WORD.finditer(text, pos, end):
        w = m.group()
        if not (w[0].isupper() or w.lower() in _TITLE_GAP or w in ("’s", "'s")):
            return m.start()
    return end


def _hearer_end(ctx: _Context, tail: str) -> int:
    """Length of a media hearer at the start of ``tail`` ("reporters", "the Kyiv
    Independent"), or 0."""
    words = list(_WORD.finditer(tail[:80]))
    for n in range(min(5, len(words)), 0, -1):
        end = words[n - 1].end()
        if ctx.actors.is_media(tail[words[0].start() : end].rstrip(".")):
            return end if tail[end - 1 : end] != "." else end - 1
    return 0
