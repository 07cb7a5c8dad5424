"""Quote attribution: speakers resolved over the document in text order: pronouns and generic
titles to the last matching person, untagged quotations to the statement before them."""

from __future__ import annotations

from framing.actors import UNKNOWN_SIDE, Actor, Mention
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
)
from framing.extract.quotes.text import _is_possessive, _join


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
