"""Quote attribution: compiled patterns, the prefilters that let ``re`` skip text, word lists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class _Prefiltered:
    """A pattern that ``re`` must try at every position (it opens with a lookbehind, an
    optional character or an alternation), with ``needles``: words one of which every
    match contains. A range that holds none of them is not searched, as ``str.find``
    scans far faster; the results are those of the pattern itself."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...]

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        for needle in self.needles:
            if text.find(needle, start, end) >= 0:
                return self.pattern.search(text, start, end)
        return None

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        for needle in self.needles:
            if text.find(needle, start, end) >= 0:
                return self.pattern.finditer(text, start, end)
        return iter(())


@dataclass(frozen=True, slots=True)
class _Screened:
    """A pattern that ``re`` must try at every position, with a ``screen``: a pattern
    without anchors or lookarounds that matches a part of every match of ``pattern`` and
    that ``re`` scans fast (each of its alternatives opens with a literal character, so
    it is tried only where one of those characters is). A range where the screen finds
    nothing holds no match of ``pattern``, which is searched only where it does: the
    results are those of the pattern itself. For a pattern that needs one of many words,
    or words only after a common character (",\\s+while"), where ``_Prefiltered`` would
    find its needles nearly always."""

    pattern: re.Pattern[str]
    screen: re.Pattern[str]

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        if self.screen.search(text, start, end) is None:
            return None
        return self.pattern.search(text, start, end)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        if self.screen.search(text, start, end) is None:
            return iter(())
        return self.pattern.finditer(text, start, end)


@dataclass(frozen=True, slots=True)
class _EndAnchored:
    """A pattern anchored at the end of the searched range (``...$``) whose every match
    is made of ``chars`` only, as is the rest of the range after it (a ``$`` that matches
    before a final newline leaves that newline, a space). ``re`` tries such a pattern at
    every position; but no match can start before the last character of the range outside
    ``chars``, which ``str.rstrip`` finds in C, so the search starts after it. It searches
    the same string, where lookbehinds and ``\\b`` see the same characters, so it finds
    the same leftmost match."""

    pattern: re.Pattern[str]
    chars: str

    def search(self, text: str, start: int, end: int) -> re.Match[str] | None:
        earliest = start + len(text[start:end].rstrip(self.chars))
        return self.pattern.search(text, earliest, end)


# the characters that re's \s matches (str.isspace); a test compares them with every code point
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _characters(*parts: str) -> str:
    """The distinct characters of ``parts``, sorted: an argument for ``str.rstrip``."""
    return "".join(sorted(set("".join(parts))))


_WORD = re.compile(r"\w[\w’'.\-]*")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_COORDINATED = _EndAnchored(
    re.compile(
        r"(?:,[”\"’']?|[”\"’'],|[—–]|\band|\bbut|\bwhile)\s*(?:(?:has|have|had|also|then|later|"
        r"further|again|repeatedly|similarly|separately|he|she|they|it)\s+)*$"
    ),
    _characters(
        ",”\"’'—–",
        "and but while has have had also then later further again repeatedly similarly",
        "separately he she they it",
        WHITESPACE,
    ),
)
# _COORDINATED matches a few glue words just before a verb; searching only this many
# characters before it keeps a sentence with thousands of verbs linear, not quadratic.
GLUE_WINDOW = 200
_CLAUSE_CUT = _Screened(
    re.compile(
        r",?\s+but\s+(?:also\s+)?(?:did|does|do|didn’t|didn't|has|had|was|would|gave|declined|"
        r"refused|stopped|offered|provided|made|noted|added|said)\b|,\s+according to\b|;|"
        r",\s+(?:while|whereas|amid|a (?:demand|claim|position|move|view|stance|charge)"
        r"|an (?:assertion|accusation|allegation))\b"
    ),
    re.compile(
        r"but|;|,\s+(?:according to|while|whereas|amid|a (?:demand|claim|position|move|view|"
        r"stance|charge)|an (?:assertion|accusation|allegation))"
    ),
)
# trimmed off a statement's start and end (as arguments for str.lstrip and str.rstrip)
_LEADING_JUNK = _characters(",;:.“”\"'‘’»«—–-", WHITESPACE)
_END_JUNK = _characters(".,;:!?“”\"'‘’»«—–-", WHITESPACE)
_QUOTE_END_JUNK = _characters(",;:", WHITESPACE)
_GENERIC_TITLE = re.compile(
    r"^(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(envoy|minister|spokesman|spokeswoman|"
    r"spokesperson|president|official|negotiator|leader|diplomat|secretary|ambassador|chief|"
    r"commander|premier|chancellor|aide|adviser|advisor|general|mayor|governor|senator)$",
    re.IGNORECASE,
)

_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,}(?:,[^—–(\n]{0,40})?(?:\s*\([^)]{1,30}\))?\s*[—–]\s*")
_INTERJECTED = re.compile(r"(?:\s+(?:on\s+)?[A-Z]\w+day)?\s*,\s*(?![a-z]+ing\b)[a-z]")
_QUOTED_AS = _Prefiltered(re.compile(r"\bquoted\s+([^,;:“”\"]{1,80}?)\s+as\s+$"), ("quoted",))
_BY_AGENT = re.compile(r"\bby\s+[A-Z]|\bby both\b")
_AS = _Prefiltered(re.compile(r"\bas\s+"), ("as",))
_POSSESSIVE_PRONOUN = re.compile(r"\b(his|her|their)\s+(?:\w+\s+){0,2}$")
_NP_RUN = re.compile(r"(?:[^,.;:“”\"]|(?<=\b[A-Z])\.)+")  # "two U.S. officials"
_TAG_TAIL = re.compile(
    r"^[\s,]*(?:on|in|at|during|after|before|but|when|while|as|yesterday|today|tonight|earlier|"
    r"later|last|this|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b"
)
_COMMA_TAIL = re.compile(r"^\s*,")
_NOT_A_VERB = re.compile(
    r"\s+(?:media|television|tv|news|agency|agencies|department|broadcaster|run|owned|"
    r"officials|secretary|of)\b|-"
)
_NOUN_CONTEXT = frozenset("of the a an member his her their its our my this that".split())
# prepositions right before a noun-like form make it a noun ("with promises to ...")
_NOUN_PREPOSITIONS = frozenset("with for by about from amid despite without over".split())
_NOUNABLE = frozenset(
    "note notes claim claims comment comments warning warnings call calls report reports "
    "answer answers question questions reply replies promise promises pledge pledges demand "
    "demands doubt doubts post posts state remark remarks appeal appeals plea threat "
    "threats welcome praise rebuff denial hope hopes".split()
)


PRONOUNS = {"he": "person", "she": "person", "they": "group"}
CLAUSE_START = frozenset(
    "the a an he she it they we i you there this these those that his her their its our my "
    "any no all some both each every neither either such one two three several many most "
    "more less few only work talks".split()
) | frozenset(  # a subject pronoun fused with its auxiliary: "said it's ...", "said they'd ..."
    f"{pronoun}{apostrophe}{aux}"
    for pronoun, auxes in {
        "i": "m ve d ll",
        "you": "re ve d ll",
        "he": "s d ll",
        "she": "s d ll",
        "it": "s d ll",
        "we": "re ve d ll",
        "they": "re ve d ll",
        "there": "s d ll",
        "that": "s d ll",
    }.items()
    for aux in auxes.split()
    for apostrophe in "'’"
)
PREPOSITIONS = frozenset(
    "on in at during after before with to for about from by of over under since until "
    "despite following ahead amid among against toward towards via through as like "
    "when while although though if because once upon speaking asked".split()
)
AUX_ADVERBS = frozenset(
    "has have had is are was were will would also further later again repeatedly similarly "
    "earlier previously then once still however meanwhile already recently consistently now "
    "publicly separately privately reportedly openly first too yesterday today tonight "
    "on monday tuesday wednesday thursday friday saturday sunday last week night morning "
    "evening in a an his her their statement separate interview later, been being had "
    "just even ever long since often here there".split()
)
LEAD_CONJUNCTIONS = frozenset("but and yet so meanwhile however still also".split())
# words that open a subordinate clause; a reported clause may start with one (PARC 3.0
# keeps it in the content: "said if Clinton is elected, she will ...")
SUBORDINATORS = frozenset("if unless once when while although though because".split())
DETERMINERS = frozenset("the a an this that these those one".split())
PEOPLE_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson minister ministers diplomat "
    "diplomats negotiator negotiators source sources analyst analysts expert experts "
    "residents resident people citizens citizen soldiers soldier leader leaders lawmaker "
    "lawmakers senator senators ministry government administration office embassy army "
    "military commander commanders envoy envoys aide aides adviser advisers advisor advisors "
    "driver woman man women men mother father observers observer critics critic witnesses "
    "witness police authorities authority governor mayor president prime chancellor "
    "secretary ambassador representative representatives delegation delegates delegate "
    "council committee agency service services department staff team bloggers blogger "
    "veteran veterans voters voter officer officers survivor survivors prosecutors "
    "prosecutor judge court parliament partners allies statement sides side parties "
    "delegations countries nations readout communique presenter presenters host anchor "
    "commentator commentators columnist correspondent editor professor researcher "
    "researchers scholar economist economists historian activist activists lawyer "
    "lawyers doctor doctors nurse teacher student students worker workers farmer "
    "pensioner volunteer volunteers chief head director chairman deputy member members "
    "speaker attendee attendees participant participants organizer organizers organiser "
    "organisers supporters supporter opponents opponent scientist scientists strategist "
    "strategists pollster pollsters consultant consultants author authors journalist "
    "journalists writer writers lecturer academic academics campaigner campaigners executive "
    "executives founder manager businessman businesswoman entrepreneur".split()
)
NEGATIONS = frozenset(
    "not n't never nor neither declined refused without didn't doesn't won't wouldn't "
    "cannot can't didn’t doesn’t won’t wouldn’t".split()
)
BE_FORMS = frozenset("is are was were be been being".split())
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# title and role words around a name (subjects and speakers)
_ROLE_WORDS = frozenset(
    "regional local opposition military political former acting interim governor mayor "
    "senator minister deputy spokesman spokeswoman spokesperson ambassador envoy adviser "
    "advisor aide analyst expert commander chief head lawmaker official presidential".split()
)
_TITLE_GAP = frozenset(
    "special envoy spokesman spokesperson spokeswoman minister foreign president secretary of "
    "state the and chief top deputy senior presidential prime head negotiator adviser aide "
    "official leader commander general ambassador representative press defense defence "
    "national security council army".split()
)
_NAME_TITLES = frozenset(
    "mr mrs ms dr sir dame president prime minister foreign defence defense energy interior "
    "finance deputy chief secretary general gen lt col colonel major maj spokesman "
    "spokeswoman spokesperson ambassador senator sen rep governor gov mayor chancellor "
    "commander head director ceo chairman chairwoman adviser advisor aide envoy special "
    "presidential vice state army navy admiral captain capt justice judge professor prof "
    "economy economic trade health culture education".split()
)

# the head nouns of a title written with a name or standing for one ("the US secretary of
# state", "Kremlin spokesman Dmitry Peskov"): one person's office, not a crowd or a source
TITLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister diplomat negotiator leader senator envoy "
    "aide adviser advisor commander governor mayor president premier chancellor secretary "
    "ambassador representative officer official chief head director chairman chairwoman "
    "chair deputy member speaker founder co-founder executive ceo cfo coo manager "
    "congressman congresswoman lawmaker general admiral judge justice attorney prosecutor "
    "professor economist analyst strategist consultant counsel lawyer partner pollster "
    "press correspondent editor columnist candidate nominee treasurer administrator "
    "commissioner inspector superintendent sheriff".split()
)
# words that show whether a person is a man or a woman (honorifics and gendered titles)
MALE_WORDS = frozenset(
    "mr mr. he him his spokesman chairman congressman businessman sir lord king prince "
    "father husband son brother".split()
)
FEMALE_WORDS = frozenset(
    "mrs mrs. ms ms. miss she her spokeswoman chairwoman congresswoman businesswoman dame "
    "lady queen princess mother wife daughter sister".split()
)
# finite auxiliaries: a word that makes a clause of the words around it ("said progress
# had been made"), and so ends a subject noun phrase
# irregular past-tense forms, which a test for "-ed" misses ("said Clinton ran a very
# aggressive campaign"); from the common irregular verbs of English grammars
_IRREGULAR_PAST = frozenset(
    "ran made took gave got won lost left felt kept knew thought came went saw found became "
    "began held led met paid put sent spent stood understood brought bought built caught "
    "drove fell fought grew hit hurt meant rose sold shot sat spoke struck threw wrote wore "
    "broke chose forgot froze hid rode sang sank shook stole swore tore woke sought told said "
    "heard taught".split()
)
_FINITE = frozenset(
    "would will was were is are had has have could can should must may might did does".split()
)
# words that open a relative clause after a noun ("officials who ...")
_RELATIVES = frozenset("who whom whose which that".split())


# a share of poll respondents as the subject of "say"
_POLL_SHARE = re.compile(
    r"\s*((?:(?:[Ss]ome|[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Rr]oughly|[Jj]ust|[Oo]nly|[Oo]ver|"
    r"[Mm]ore than|[Ff]ewer than|[Ll]ess than|[Aa]t least)\s+)?"
    r"(?:\d[\d.,]*\s*(?:%|percent|per cent)|(?:[Aa]|[Oo]ne|[Tt]wo)[- ](?:third|quarter|fifth)s?|"
    r"[Hh]alf|[Tt]wo-thirds|[Aa] (?:majority|minority)|"
    r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)"
    r"\s+(?:in|out of)\s+(?:\d+|ten|five|four|three))"
    r"(?:\s+of\s+(?:the\s+|all\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,4}|(?:\s+[A-Za-z][\w'’-]*){1,3})?)\s*"
)
# roles held for a person ("aide to Putin", "spokesman for Zelensky")
_ROLE_OF_PERSON = frozenset(
    "aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson "
    "assistant".split()
)
_RESPONDENTS = frozenset("polled surveyed questioned interviewed asked present".split())
