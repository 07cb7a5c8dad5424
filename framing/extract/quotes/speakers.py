"""Quote attribution: speakers resolved over the document in text order: pronouns and generic
titles to the last matching person (of the pronoun's gender where the text shows it), untagged
quotations to the statement before them; each row keeps the title written with its speaker."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from framing.actors import UNKNOWN_SIDE, Actor, Mention, find_mentions
from framing.extract.quotes.model import (
    CARRIED_OVER,
    INFERRED,
    Candidate,
    Subject,
    _Context,
    _mentions_before,
    _mentions_in,
    _quote_at,
)
from framing.extract.quotes.patterns import (
    _NAME_TITLES,
    _ROLE_WORDS,
    _TITLE_GAP,
    _WORD,
    DETERMINERS,
    FEMALE_WORDS,
    MALE_WORDS,
)
from framing.extract.quotes.text import _is_possessive, _join


def _resolve(ctx: _Context, cands: list[Candidate]) -> list[tuple[Candidate, str, str, str]]:
    """(candidate, speaker, as_written, side), resolving pronouns and titles in text order."""
    out: list[tuple[Candidate, str, str, str]] = []
    # name, side, paragraph, actor, offset and title of the last person who spoke
    last_person: tuple[str, str, int, Actor | None, int, str] | None = None
    genders = _honorific_genders(ctx)  # speaker -> "m" or "f", where the text shows it
    names: dict[str, str] = {}  # surname -> full name of unlisted people
    known_sides: dict[str, str] = {}  # unlisted person -> the side a description gave
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
            name = _without_full_stop(_without_title(s.as_written, s.title))
            speaker, written = _person_name(name, names), s.as_written
            side = _remembered_side(known_sides, speaker, s.side)
        elif s.kind == "inherit":
            if out:
                _, speaker, written, side = out[-1]
                c.subject = _titled_as(s, out[-1][0].subject)
            if not c.lemma and out:
                c.lemma = out[-1][0].lemma
        elif s.kind == "context":
            speaker, written, side = _from_context(ctx, c, out)
            if speaker and out and out[-1][1] == speaker:
                c.subject = _titled_as(s, out[-1][0].subject)
        elif s.kind == "document":
            written = s.as_written
            speaker, side = _document_issuer(c, out)
        elif s.kind == "pronoun" and s.as_written.lower() == "it":
            written = s.as_written
            institution = _institution_antecedent(ctx, c)
            previous = _previous_issuer(c, out)
            if previous is not None and (
                institution is None or institution.start < out[-1][0].start
            ):
                speaker, side = previous  # "..., the statement said. It added ..."
            elif institution is not None:
                speaker, side = institution.actor.name, institution.actor.side
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
                speaker, side, title = _antecedent(ctx, c, out, last_person, genders)
                if title and s.kind == "pronoun":
                    c.subject = replace(s, title=title)
        if speaker and not (
            s is not None
            and (s.kind == "document" or (s.kind == "pronoun" and written.lower() == "it"))
        ):
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
                title = c.subject.title if c.subject is not None else ""
                last_person = (speaker, side, c.paragraph, actor, c.start, title)
                known = _gender_of(
                    _without_pronouns(f"{written} {title}".split()) + _role_words(actor)
                )
                if known and s is not None and s.kind in ("actor", "unknown"):
                    genders.setdefault(speaker, known)
            else:
                last_group = (speaker, side)
            last = (speaker, side)
        out.append((c, speaker, written, side))
    return out


def _antecedent(
    ctx: _Context,
    c: Candidate,
    out: list[tuple[Candidate, str, str, str]],
    last_person: tuple[str, str, int, Actor | None, int, str] | None,
    genders: dict[str, str],
) -> tuple[str, str, str]:
    """(speaker, side, title) that "he", "she" or a title ("the envoy") refers to.

    The last person who spoke (within three paragraphs) unless a person was named as a
    sentence's subject after them; a person whose gender is known and differs from the
    pronoun's is skipped ("Ms. Roe said ... Mr. Doe said ... she added" is Ms. Roe), and
    among those left the nearest wins: a known gender rules candidates out, it does not
    rank them. A pronoun that can refer to nobody but the person named as the speaker
    just before it shows that person's gender (:func:`_sole_person`).
    """
    assert c.subject is not None
    gender = _gender_of(c.subject.as_written.split())
    agrees = _agrees(ctx, genders, gender)
    subject = _last_sentence_subject(ctx, c.start, agrees)
    speaker, side, title = "", UNKNOWN_SIDE, ""
    if (
        last_person is not None
        and c.paragraph - last_person[2] <= 3
        and _compatible(genders.get(last_person[0], ""), gender)
        and (subject is None or subject.start < last_person[4])
    ):
        speaker, side, title = last_person[0], last_person[1], last_person[5]
    else:
        earlier = _earlier_person(c, out, genders, gender) if gender else None
        # the nearest agreeing subject wins: a known gender only rules candidates out
        if subject is not None:
            speaker, side = subject.actor.name, subject.actor.side
        elif earlier is not None:
            speaker, side = earlier
        else:
            person = _last_person_mention(ctx, c.start, agrees) or _headline_person(ctx)
            if person is not None:
                speaker, side = person.name, person.side
    if speaker and gender and _sole_person(ctx, c, out, speaker):
        genders.setdefault(speaker, gender)
    return speaker, side, title


def _without_pronouns(words: list[str]) -> list[str]:
    """``words`` without pronouns: in a name or title they are someone else's ("her
    lawyer" is not a woman for all that).

    >>> _without_pronouns(["her", "father"])
    ['father']
    """
    return [w for w in words if w.lower() not in _PRONOUN_WORDS]


_PRONOUN_WORDS = frozenset("he him his she her hers".split())


def _sole_person(
    ctx: _Context, c: Candidate, out: list[tuple[Candidate, str, str, str]], speaker: str
) -> bool:
    """Whether ``speaker`` was named as the speaker just before ``c`` in its paragraph and
    is the only person named or speaking there so far: then "he" or "she" can refer to
    nobody else, and shows the speaker's gender ("Jane Roe said ... she added")."""
    if not out or (out[-1][1], out[-1][0].paragraph) != (speaker, c.paragraph):
        return False
    named = out[-1][0].subject
    if named is None or named.kind not in ("actor", "unknown"):
        return False  # a pronoun after a pronoun shows nothing new
    for prev, name, _, _ in reversed(out):
        if prev.paragraph != c.paragraph:
            break
        if name and name != speaker:
            return False
    para_start = ctx.doc.paragraphs[c.paragraph].start
    return all(
        m.actor.name == speaker
        for m in _mentions_in(ctx, para_start, c.start)
        if m.actor.kind == "person"
    )


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
    if len(words) == 2:
        names.setdefault(words[0], name)  # a family name written first: "Li" of "Li Wei"
    return name


def _remembered_side(known: dict[str, str], speaker: str, side: str) -> str:
    """An unlisted speaker's side: the one a description gives now, else the one it gave
    them earlier in the article ("Chinese envoy Li Wei said ... Li said" is CN twice).

    >>> known = {}
    >>> _remembered_side(known, "Li Wei", "CN"), _remembered_side(known, "Li Wei", "unknown")
    ('CN', 'CN')
    """
    if side != UNKNOWN_SIDE:
        known.setdefault(speaker, side)
        return side
    return known.get(speaker, side)


def _institution_antecedent(ctx: _Context, c: Candidate) -> Mention | None:
    """What "it" refers to: the last institution, government or outlet (an actor that is
    no person) named as a sentence's subject or a passive's agent in the same or the
    previous paragraph ("The ministry issued a statement. It said ...", "... was
    confirmed by the UAE's Ministry of Foreign Affairs. It said ...")."""
    text = ctx.doc.text
    for m in reversed(_mentions_before(ctx, c.start)):
        if c.paragraph - ctx.doc.paragraph_at(m.start) > 1:
            return None
        if m.actor.kind != "person" and (
            _names_subject(ctx, m) or _PASSIVE_AGENT.search(text, max(0, m.start - 12), m.start)
        ):
            return m
    return None


# "confirmed by the", "announced by": the words before a passive's agent
_PASSIVE_AGENT = re.compile(r"\w+ed\s+by\s+(?:the\s+)?$")


def _last_statement(
    c: Candidate, out: Sequence[tuple[Candidate, str, str, str]]
) -> tuple[Candidate, str, str] | None:
    """The statement just before ``c``, with its speaker and side, when it has a speaker
    and stands in the same or the previous paragraph; else None."""
    if out:
        prev, speaker, _, side = out[-1]
        if speaker and c.paragraph - prev.paragraph <= 1:
            return prev, speaker, side
    return None


def _previous_issuer(
    c: Candidate, out: Sequence[tuple[Candidate, str, str, str]]
) -> tuple[str, str] | None:
    """The speaker of the statement just before ``c`` (:func:`_last_statement`) when it
    was a document or an institution ("..., the statement said. It added ..."): what
    "it" goes on from."""
    last = _last_statement(c, out)
    if last is None:
        return None
    prev, speaker, side = last
    s = prev.subject
    if s is not None and (
        s.kind == "document" or (s.actor is not None and s.actor.kind != "person")
    ):
        return speaker, side
    return None


def _last_sentence_subject(
    ctx: _Context, pos: int, agrees: Callable[[Mention], bool] = lambda m: True
) -> Mention | None:
    """The last person named as the subject of a sentence that ends at or before ``pos``
    and who ``agrees`` with the pronoun: the antecedent for "he" and "she" (the mentions
    are read backwards from ``pos`` only as far as needed)."""
    if not ctx.mentions_ordered:
        for m in reversed(_mentions_before(ctx, pos)):
            if _is_sentence_subject(ctx, m) and agrees(m):
                return m
        return None
    before = bisect.bisect_right(ctx.mention_ends, pos)  # the mentions ending by ``pos``
    subjects = _sentence_subjects(ctx, before)
    for k in range(bisect.bisect_left(subjects, before) - 1, -1, -1):
        m = ctx.mentions[subjects[k]]
        if agrees(m):
            return m
    return None


def _sentence_subjects(ctx: _Context, until: int) -> list[int]:
    """Indices of the mentions naming a person as a sentence's subject, ascending, among
    the first ``until`` mentions at least: each mention is tested once per document, not
    once per pronoun after it (a scan back per pronoun costs time in the square of the
    article's length)."""
    found = ctx.sentence_subjects
    for i in range(ctx.subjects_read, until):
        if _is_sentence_subject(ctx, ctx.mentions[i]):
            found.append(i)
    ctx.subjects_read = max(ctx.subjects_read, until)
    return found


def _gender_of(words: list[str]) -> str:
    """ "m" or "f" when ``words`` show it (a pronoun, an honorific, a gendered title),
    else "".

    >>> _gender_of(["Kremlin", "spokeswoman"])
    'f'
    >>> _gender_of(["Mr.", "Peskov"])
    'm'
    >>> _gender_of(["Foreign", "Ministry", "spokesman"])  # written of women too
    ''
    """
    low = {w.lower() for w in words} - _UNMARKED_TITLES
    male, female = not MALE_WORDS.isdisjoint(low), not FEMALE_WORDS.isdisjoint(low)
    return "m" if male and not female else "f" if female and not male else ""


# "-man" titles that outlets write of women too ("Foreign Ministry spokesman Mao Ning ...
# she said"): no evidence of gender; "spokeswoman" is
_UNMARKED_TITLES = frozenset("spokesman chairman congressman businessman".split())


def _mention_gender(ctx: _Context, m: Mention, genders: dict[str, str]) -> str:
    """The gender of a mentioned person: known from an earlier row, or shown by an
    honorific right before the name ("Mrs. Clinton") or a gendered title in the mention."""
    known = genders.get(m.actor.name, "")
    if known:
        return known
    honorific = _honorific_before(ctx.doc.text, m.start)
    return _gender_of([honorific, *m.as_written.split(), *_role_words(m.actor)])


def _role_words(actor: Actor | None) -> list[str]:
    """The words of a listed person's role, which may show their gender ("Chinese foreign
    ministry spokeswoman").

    >>> _role_words(Actor("Jane Roe", "other", "person", ("Jane Roe",), (), "spokeswoman"))
    ['spokeswoman']
    """
    return actor.role.split() if actor is not None and actor.kind == "person" else []


_HONORIFIC_GENDER = frozenset("mr mr. mrs mrs. ms ms. miss".split())


def _honorific_before(text: str, start: int) -> str:
    """The honorific written right before ``start`` ("mrs." of "Mrs. Clinton"), lower-cased,
    or ""."""
    before = text[max(0, start - 6) : start].split()[-1:]
    return before[0].lower() if before and before[0].lower() in _HONORIFIC_GENDER else ""


def _honorific_genders(ctx: _Context) -> dict[str, str]:
    """The gender of each listed person whom the document calls Mr., Mrs. or Ms. ("Mr.
    Trump"): a later "she" cannot be him. A person called both is left out."""
    text = ctx.doc.text
    if "Mr" not in text and "Ms" not in text and "Miss" not in text and "MR" not in text:
        return {}  # no honorific: no mention need be looked at
    found: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.actor.kind != "person":
            continue
        honorific = _honorific_before(text, m.start)
        if honorific:
            found.setdefault(m.actor.name, set()).add(_gender_of([honorific]))
    return {name: g.pop() for name, g in found.items() if len(g) == 1}


def _compatible(known: str, wanted: str) -> bool:
    """Whether a person of gender ``known`` can be referred to with gender ``wanted``
    ("" for unknown agrees with both).

    >>> _compatible("m", "f"), _compatible("", "f"), _compatible("m", "")
    (False, True, True)
    """
    return not known or not wanted or known == wanted


def _agrees(ctx: _Context, genders: dict[str, str], gender: str) -> Callable[[Mention], bool]:
    """Whether a mentioned person can be the antecedent of a pronoun of ``gender``: one
    whose gender is unknown or the same ("she" skips "Mr. Smith")."""
    if not gender:
        return lambda m: True
    return lambda m: _compatible(_mention_gender(ctx, m, genders), gender)


def _is_sentence_subject(ctx: _Context, m: Mention) -> bool:
    """Whether ``m`` names a person as the subject of a sentence (:func:`_names_subject`)."""
    return m.actor.kind == "person" and _names_subject(ctx, m)


def _names_subject(ctx: _Context, m: Mention) -> bool:
    """Whether ``m`` is the subject of a sentence: outside quotations, not a possessive,
    after a few capitalised or title words at most."""
    text = ctx.doc.text
    return (
        not _quote_at(ctx, m.start)
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

    The previous statement counts when it is in the same paragraph or the previous one,
    whatever its kind: a quotation paragraph after "X said that ..." continues X (flagged
    W202); else the last person named earlier in the paragraph (flagged W203).
    """
    if out:
        prev, speaker, written, side = out[-1]
        same = prev.paragraph == c.paragraph
        if speaker and (same or prev.paragraph == c.paragraph - 1):
            if same or prev.kind == "direct":  # one quotation goes on: so does its verb
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


def _document_issuer(c: Candidate, out: list[tuple[Candidate, str, str, str]]) -> tuple[str, str]:
    """(speaker, side) of "the statement" (readout, communique): whoever spoke last
    (:func:`_last_statement`: "The ministry said ... The statement also noted ..."); else
    nobody."""
    last = _last_statement(c, out)
    return (last[1], last[2]) if last is not None else ("", UNKNOWN_SIDE)


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
        title = prev.subject.title if prev.subject is not None else ""
        words = f"{speaker} {written} {title} {actor.role if actor else ''}".lower()
        if speaker and noun in words and (actor is None or actor.kind == "person"):
            return speaker, side
    return None


def _earlier_person(
    c: Candidate,
    out: list[tuple[Candidate, str, str, str]],
    genders: dict[str, str],
    gender: str,
) -> tuple[str, str] | None:
    """The last person who spoke within three paragraphs and is known to be of ``gender``:
    "Jane Roe said ... Mr. Doe said ... she added" is Jane Roe (the nearest speaker is a
    man). Only a known gender counts: with none, the nearest person stays the antecedent."""
    for prev, speaker, _, side in reversed(out):
        if c.paragraph - prev.paragraph > 3:
            break
        if speaker and genders.get(speaker) == gender:
            return speaker, side
    return None


def _generic_ref(ctx: _Context, pos: int, noun: str) -> Actor | None:
    """The last person named before ``pos`` whose role or a title holds ``noun`` ("the
    envoy" after "US envoy Steve Witkoff")."""
    if not ctx.mentions_ordered:
        for m in reversed(_mentions_before(ctx, pos)):
            if _titled(m.actor, noun):
                return m.actor
        return None
    # the mentions that fit ``noun``, found once per document and noun (a scan back per
    # statement costs time in the square of the article's length)
    fitting = ctx.noun_mentions.get(noun)
    if fitting is None:
        fitting = ctx.noun_mentions[noun] = _fitting_mentions(ctx.mentions, noun)
    last = bisect.bisect_left(fitting, bisect.bisect_right(ctx.mention_ends, pos)) - 1
    return ctx.mentions[fitting[last]].actor if last >= 0 else None


def _fitting_mentions(mentions: list[Mention], noun: str) -> list[int]:
    """Indices of the ``mentions`` whose actor is :func:`_titled` by ``noun``, ascending;
    each actor is tested once (a long article names the same people thousands of times)."""
    fits: dict[int, bool] = {}
    found = []
    for i, m in enumerate(mentions):
        fit = fits.get(id(m.actor))
        if fit is None:
            fit = fits[id(m.actor)] = _titled(m.actor, noun)
        if fit:
            found.append(i)
    return found


def _titled(actor: Actor, noun: str) -> bool:
    """Whether ``actor`` is a person whose role or one of whose titles holds ``noun``."""
    return actor.kind == "person" and (
        noun in actor.role.lower() or any(noun in t.lower() for t in actor.titles)
    )


def _last_person_mention(
    ctx: _Context, pos: int, agrees: Callable[[Mention], bool] = lambda m: True
) -> Actor | None:
    """The last person named before ``pos`` outside quotation marks who ``agrees``: a name
    in someone's quoted words ("talks with the US President") is not what the narrator's
    "he" refers to."""
    for m in reversed(_mentions_before(ctx, pos)):
        if m.actor.kind == "person" and agrees(m) and not _quote_at(ctx, m.start):
            return m.actor
    return None


def _headline_person(ctx: _Context) -> Actor | None:
    """The one listed person the headline names ("Zelensky says ..."): whom an article
    that opens with a quotation or "he" is about, when its body names nobody before."""
    if not ctx.doc.title:
        return None
    persons = {
        m.actor for m in find_mentions(ctx.doc.title, ctx.actors) if m.actor.kind == "person"
    }
    return persons.pop() if len(persons) == 1 else None


def _without_title(as_written: str, title: str) -> str:
    """An unlisted speaker's words without the title written before the name.

    >>> _without_title("company's chief executive Jane Roe", "The company's chief executive")
    'Jane Roe'
    """
    words, lead = as_written.split(), title.split()
    if lead and lead[0].lower() in DETERMINERS and words[:1] != lead[:1]:
        lead = lead[1:]  # the determiner was dropped from the as-written words
    if lead and len(words) > len(lead) and words[: len(lead)] == lead:
        return " ".join(words[len(lead) :])
    return as_written


def _without_full_stop(name: str) -> str:
    """A name without the sentence's full stop that a tag at the end of a sentence leaves
    on it ("..., said Jane Roe."); "Jr." and initials keep theirs.

    >>> _without_full_stop("Jane Roe."), _without_full_stop("John Doe Jr.")
    ('Jane Roe', 'John Doe Jr.')
    """
    last = name.rsplit(" ", 1)[-1]
    if last.endswith(".") and len(last) > 3 and "." not in last[:-1]:
        return name[:-1]
    return name


def _titled_as(subject: Subject, resolved: Subject | None) -> Subject:
    """``subject`` given the title of the speaker it was resolved to."""
    if resolved is None or not resolved.title:
        return subject
    return replace(subject, title=resolved.title)
