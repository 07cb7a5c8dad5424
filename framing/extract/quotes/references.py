"""Quote attribution: back-references by role or document, and pieces of a sentence that
name no speaker. "<person>'s aide" -> that person's listed adviser, "the ministry" -> the
ministry named before, "the statement" -> its issuer (:mod:`speakers` resolves it), "the
head of state" -> a role to find; "Instead," and "WASHINGTON —" are no speakers, and "He
thanked ... and noted" has "He" for its subject."""

from __future__ import annotations

from framing.actors import Actor, Mention, match_key
from framing.alternation import ignorecase_fold
from framing.extract.quotes.model import Subject, _Context, _mentions_before
from framing.extract.quotes.patterns import _GENERIC_TITLE, AUX_ADVERBS, PRONOUNS
from framing.extract.quotes.text import _strip_head


def _role_holder(ctx: _Context, start: int, owner: Mention, tail: list[str]) -> Actor | None:
    """Who "<person>'s aide" (adviser, spokesman, ...) is, when no name follows: the listed
    person of the owner's side whose role holds that noun and names the owner's post,
    mentioned nearest before, else after (a headline's "Zelensky's advisor says" names the
    adviser the lead introduces). None when no such person is mentioned."""
    if owner.actor.kind != "person" or len(tail) != 1:
        return None
    nouns = _ROLE_SYNONYMS.get(tail[0].lower())
    post = owner.actor.role.split()[0].lower() if owner.actor.role else ""
    if nouns is None or not post:
        return None

    def holds(m: Mention) -> bool:
        role = m.actor.role.lower()
        return (
            m.actor is not owner.actor
            and m.actor.kind == "person"
            and m.actor.side == owner.actor.side
            and post in role
            and any(noun in role for noun in nouns)
        )

    before = _mentions_before(ctx, start)
    for m in reversed(before):
        if holds(m):
            return m.actor
    return next((m.actor for m in ctx.mentions[len(before) :] if holds(m)), None)


_ADVISERS = ("adviser", "advisor", "aide")
# a role noun and the words a registry role may use for it
_ROLE_SYNONYMS = {
    "adviser": _ADVISERS,
    "advisor": _ADVISERS,
    "aide": _ADVISERS,
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "spokesperson": ("spokes",),
}


def _institution_reference(ctx: _Context, start: int, words: list[str]) -> Mention | None:
    """What "the ministry" (or office, agency, embassy, ...) refers to: the last listed
    institution named in the same or the previous two paragraphs whose name holds that
    noun ("the UAE Ministry of Foreign Affairs said ... The ministry added ...")."""
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in _INSTITUTIONS:
        return None
    noun = " " + words[1].lower()
    paragraph = ctx.doc.paragraph_at(start)
    for m in reversed(_mentions_before(ctx, start)):
        if paragraph - ctx.doc.paragraph_at(m.start) > 2:
            return None
        if m.actor.kind == "institution" and noun in " " + match_key(m.as_written):
            return m
    return None


# a document named as the source of words the statement before it issued
_DOCUMENTS = frozenset(("statement", "readout", "communique", "communiqué"))


def _document_named(words: list[str]) -> str:
    """ "the statement" (readout, communique) when ``words`` name only that document, as the
    subject of "The statement also noted ...", else "".

    >>> _document_named(["The", "statement", "also"]), _document_named(["The", "minister"])
    ('the statement', '')
    """
    if not any(w.lower() in _DOCUMENTS for w in words[1:3]):
        return ""  # the document noun is second (third after "And"): most subjects end here
    low = [w.lower() for w in _strip_head(words)]
    if len(low) < 2 or low[0] != "the" or low[1] not in _DOCUMENTS:
        return ""
    rest = low[2:]
    return "the " + low[1] if all(w in AUX_ADVERBS or w.endswith("ly") for w in rest) else ""


_INSTITUTIONS = frozenset(
    "ministry office agency embassy department service committee council commission "
    "directorate administration".split()
)


def _generic_subject(phrase: str, clean: bool) -> Subject | None:
    """A back-reference by role ("the envoy", "the head of state"): the role noun it
    names, to be resolved to an earlier person who holds it.

    >>> _generic_subject("the head of state", True).noun
    'president'
    >>> _generic_subject("the envoy", True).noun, _generic_subject("the company", True)
    ('envoy', None)
    """
    role = _ROLE_PHRASES.get(phrase.lower())
    if role is not None:
        return Subject("generic", phrase, noun=role, clean=clean, title=phrase)
    generic = _GENERIC_TITLE.match(phrase)
    if generic:
        noun = ignorecase_fold(generic.group(1))
        return Subject("generic", phrase, noun=noun, clean=clean, title=phrase)
    return None


# role phrases that stand for a title a registry role or an earlier speaker's title holds
_ROLE_PHRASES = {
    "the head of state": "president",
    "the head of government": "prime minister",
    "the country's leader": "president",
}


def _pronoun_with_predicate(words: list[str]) -> bool:
    """Whether ``words`` are a pronoun and the predicate of a first verb, as before a second,
    coordinated reporting verb ("He thanked all partners ... and noted that ...").

    >>> _pronoun_with_predicate(["He", "thanked", "all", "partners"])
    True
    >>> _pronoun_with_predicate(["He", "Jinping"]), _pronoun_with_predicate(["They", "all", "too"])
    (False, False)
    """
    return (
        len(words) > 2
        and words[0].lower() in PRONOUNS
        and words[1][:1].islower()
        and words[1].lower() not in _PRONOUN_COMPANIONS
    )


# words that go with a pronoun in its noun phrase ("they all", "he himself")
_PRONOUN_COMPANIONS = frozenset(
    "all both each himself herself themselves too also alone together".split()
)


def _is_aside(text: str, words: list[str], end: int) -> bool:
    """Whether a comma- or dash-separated piece is no noun phrase but a sentence adverb
    ("Instead, Jane Roe said") or a dateline in capitals ("WASHINGTON — Jane Roe said").

    >>> _is_aside("Instead, Jane", ["Instead"], 7), _is_aside("PARIS — Jane", ["PARIS"], 6)
    (True, True)
    >>> _is_aside("NATO, Jane", ["NATO"], 4)
    False
    """
    if len(words) == 1 and words[0].lower() in _SENTENCE_ADVERBS:
        return True
    after = text[end : end + 2].strip()[:1]
    return bool(words) and after in ("—", "–") and all(w.isupper() for w in words)


_SENTENCE_ADVERBS = frozenset(
    "instead indeed yes no still however meanwhile moreover now then later earlier also again "
    "even well so thus separately previously similarly likewise nonetheless nevertheless "
    "otherwise finally additionally furthermore besides anyway".split()
)
