"""Statements in a headline or deck: the headline grammar the body rules do not read.

The cleaner keeps the headline and deck out of the body (:mod:`framing.clean`), so the
body's quote rules never see them; yet a headline is where an outlet most often
attributes a claim, in forms of its own (Reuters, AP and RT style books; Mårdh 1980,
*Headlinese*):

* a **speaker before a colon**: ``Zelensky: Russia is ready for a dialogue``, after an
  optional section label (``War in Ukraine: Zelensky: ...``);
* a **source after the claim**, behind a dash or a colon: ``Kiev prepares ... —
  diplomat``, ``Putin tells Xi that ...: China``; a news agency there
  (``... - RIA``) is a credit, not a speaker;
* a **present-tense verb with a verbless clause**: ``Zelensky Says Ukraine Already
  Working On Guarantees`` (title case read as sentence case, the copula left out).

Anything else goes through :func:`framing.extract.quotes.extract_quotes` on the line as
one sentence. Rows carry ``part`` (``headline`` or ``deck``) and, as ``paragraph``, the
line's number in the input, so ``(article_id, part, paragraph)`` finds the line's row
in the cleaning table (``reason``, ``line``) and ``start``/``end`` index its ``text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from framing.actors import UNKNOWN_SIDE, ActorRegistry, find_mentions
from framing.document import build_document, word_count
from framing.extract.quotes.lexicon import VerbLexicon
from framing.extract.quotes.patterns import PEOPLE_NOUNS, TITLE_NOUNS

Extract = Callable[..., list[dict[str, Any]]]

# "War in Ukraine: Zelensky: ..." -> optional section label, then the speaker
_SPEAKER_COLON = re.compile(
    r"^(?:[^:]{1,40}:\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+(?P<what>\S.*)$"
)
# "... — diplomat", "... - RIA", "...: China", "..., ministry says"
_SOURCE_AFTER = re.compile(r"^(?P<what>.*?\S)(?:\s+[-–—]|:)\s+(?P<who>[^-–—:]{2,45})$")
_WORD = re.compile(r"[\w'’.-]+")
_SOURCE_NOUNS = PEOPLE_NOUNS | TITLE_NOUNS | frozenset("report reports media".split())


def sentence_case_verbs(line: str, verbs: VerbLexicon) -> str:
    """``line`` with its title-case reporting verbs in lower case (same length, so every
    offset holds): a headline in title case (most words of four letters or more
    capitalised) writes ``Zelensky Says ...``, which the body rules read only as
    ``says``.

    >>> from framing.extract.quotes import default_verbs
    >>> sentence_case_verbs("Zelensky Says Ukraine Is Working On Guarantees", default_verbs())
    'Zelensky says Ukraine Is Working On Guarantees'
    """
    words = list(_WORD.finditer(line))
    long_words = [m.group() for m in words if len(m.group()) >= 4]
    if not long_words or sum(w[0].isupper() for w in long_words) / len(long_words) < 0.7:
        return line
    out = list(line)
    for m in words[1:]:
        if m.group()[0].isupper() and verbs.lemma(m.group()):
            out[m.start()] = m.group()[0].lower()
    return "".join(out)


def speaker_of(who: str, actors: ActorRegistry) -> tuple[str, str] | None:
    """(speaker, side) of a headline's named source, or None when ``who`` is not one
    (a section label: ``World News: ...``; an outlet: ``... - RIA``).

    A registry actor speaks as itself (a country's name as its government: ``...:
    China``); any other phrase speaks when it ends in a role or institution noun
    (``diplomat``, ``Foreign Ministry``, ``sources``), with the side its words give
    (:meth:`~framing.actors.ActorRegistry.side_from_description`).

    >>> from framing.actors import default_actors
    >>> speaker_of("Zakharova", default_actors())
    ('Maria Zakharova', 'RU')
    >>> speaker_of("Chinese media readout", default_actors())
    ('Chinese media readout', 'CN')
    >>> speaker_of("World News", default_actors()) is None
    True
    """
    who = who.strip().rstrip(".,;")
    mentions = find_mentions(who, actors)
    if len(mentions) == 1 and word_count(mentions[0].as_written) == word_count(who):
        actor = mentions[0].actor
        if actor.kind in ("place", "country", "media"):
            return None
        return actor.name, actor.side
    words = who.split()
    if not words or len(words) > 5 or actors.is_media(who):
        return None
    if words[-1].lower() in _SOURCE_NOUNS:
        return who, actors.side_from_description(who) or UNKNOWN_SIDE
    return None


def headline_statements(
    line: str,
    *,
    article_id: str,
    source: str,
    part: str,
    line_number: int,
    actors: ActorRegistry,
    verbs: VerbLexicon,
    extract: Extract,
    first_id: int = 1,
) -> list[dict[str, Any]]:
    """The statements of one headline or deck ``line``, the input's line
    ``line_number`` (quote rows, ``part`` set, ids numbered on from ``first_id``).

    A named source before a colon or after a dash or a colon gives the claim to it, and
    the body rules (``extract``, which is :func:`~framing.extract.quotes.extract_quotes`)
    read what is left as one sentence.
    """
    cased = sentence_case_verbs(line, verbs)
    rows: list[dict[str, Any]] = []
    claim = _claim_with_source(cased, actors)
    inner_start, inner_end = len(cased) - len(cased.lstrip()), len(cased.rstrip())
    if claim is not None:
        start, end, speaker, side, written = claim
        if speaker:
            rows.append(
                _row(line, start, end, speaker=speaker, side=side, written=written, verb=None)
            )
        inner_start, inner_end = start, end
    rows += _inner_statements(cased, line, inner_start, inner_end, actors, verbs, extract)
    rows.sort(key=lambda r: (r["start"], -r["end"]))
    for n, row in enumerate(rows, first_id):
        row.update(
            article_id=article_id,
            source=source,
            quote_id=f"{article_id}:q{n}",
            paragraph=line_number,
            part=part,
        )
    return rows


def _claim_with_source(line: str, actors: ActorRegistry) -> tuple[int, int, str, str, str] | None:
    """(start, end, speaker, side, as written) of the claim a colon or dash gives a
    source; speaker "" when the source is a news agency's credit (the claim is still
    cut from it)."""
    m = _SPEAKER_COLON.match(line)
    if m and word_count(m["what"]) >= 3 and not _is_country_label(m["who"], actors):
        found = speaker_of(m["who"], actors)
        if found:
            return m.start("what"), m.end("what"), found[0], found[1], m["who"]
    m = _SOURCE_AFTER.match(line)
    if m and word_count(m["what"]) >= 3:
        if actors.is_media(m["who"]) or actors.is_media(m["who"].split()[-1]):
            return m.start("what"), m.end("what"), "", UNKNOWN_SIDE, ""
        found = speaker_of(m["who"], actors)
        if found:
            return m.start("what"), m.end("what"), found[0], found[1], m["who"]
    return None


def _is_country_label(who: str, actors: ActorRegistry) -> bool:
    """``Ukraine: Russian strikes kill five``: a country's name before a colon is a
    section label, not its government speaking."""
    return who in actors.demonyms


def _inner_statements(
    cased: str,
    line: str,
    start: int,
    end: int,
    actors: ActorRegistry,
    verbs: VerbLexicon,
    extract: Extract,
) -> list[dict[str, Any]]:
    """Statements in ``cased[start:end]``, offsets moved back into ``line``: the clause
    after a leading ``X says`` (:func:`_verbless_report`), else what the body rules find
    in it read as one sentence (a full stop added)."""
    text = cased[start:end]
    verbless = _verbless_report(text, actors, verbs)
    if verbless is not None:
        a, b, speaker, side, written, lemma = verbless
        return [
            _row(
                line,
                a + start,
                b + start,
                speaker=speaker,
                side=side,
                written=written,
                verb=lemma,
                verb_class=verbs.lemma_class.get(lemma),
            )
        ]
    sentence = text if text.endswith((".", "?", "!")) else text + "."
    doc = build_document("headline", "", [(1, sentence, ())])
    found = extract(doc, actors=actors, verbs=verbs)
    rows = []
    for q in found:
        a, b = min(q["start"], len(text)) + start, min(q["end"], len(text)) + start
        if b - a < 2:
            continue
        # the body rules' row, moved into ``line`` and read from it (not its lower-cased
        # verbs); a warning about the made-up sentence is not the line's
        body = line[a:b]
        direct = q["kind"] == "direct" and bool(q["quoted_text"])
        rows.append(
            {
                **q,
                "start": a,
                "end": b,
                "text": q["quoted_text"] if direct else body,
                "n_words": q["n_quoted_words"] if q["kind"] == "direct" else word_count(body),
                "warning": None,
            }
        )
    return rows


def _verbless_report(
    text: str, actors: ActorRegistry, verbs: VerbLexicon
) -> tuple[int, int, str, str, str, str] | None:
    """``Zelensky says Ukraine already working on guarantees``: a named source, a
    present-tense reporting verb that takes a clause (not a hearer or an object:
    ``tells Xi that``, ``accuses Russia of``), and the rest of the line as its clause,
    verb or no verb (headlines drop the copula)."""
    for m in re.finditer(r"\b([a-z]+s)\s+(?:that\s+)?", text):
        lemma = verbs.lemma(m.group(1))
        if lemma is None or lemma not in verbs.lemma_class:
            continue
        if lemma in verbs.indirect_object or lemma in verbs.object_verbs:
            return None
        found = speaker_of(text[: m.start()], actors)
        if found and word_count(text[m.end() :]) >= 2:
            return m.end(), len(text), found[0], found[1], text[: m.start()].strip(), lemma
        return None
    return None


def _row(
    line: str,
    start: int,
    end: int,
    *,
    speaker: str | None,
    side: str | None,
    written: str | None,
    verb: str | None,
    verb_class: str | None = None,
) -> dict[str, Any]:
    """An indirect statement ``line[start:end]`` of a source headline grammar named."""
    body = line[start:end]
    return {
        "kind": "indirect",
        "speaker": speaker or None,
        "speaker_as_written": written or None,
        "affiliation": (side or UNKNOWN_SIDE) if speaker else UNKNOWN_SIDE,
        "verb": verb,
        "verb_class": verb_class,
        "text": body,
        "n_words": word_count(body),
        "paragraph": 0,  # the line number, set by headline_statements
        "start": start,
        "end": end,
        "compound": None,
        "warning": None,
        "quoted_text": None,
        "speaker_title": None,
        "n_quoted_words": 0,
    }
