"""Quote attribution: patterns from agency and outlet house styles (TASS, Ukrainska Pravda,
Kyiv Independent, Anadolu, Reuters, AFP, Al Jazeera, AP), one tiny example per rule.

Each case was an error on the blind held-out set bench/annotations/heldout4.jsonl
before the rule (or lexicon entry) it tests was added.
"""

from __future__ import annotations

from typing import Any

import pytest

from framing.actors import default_actors
from framing.document import document_from_text
from framing.extract.quotes import extract_quotes, load_verbs


def rows(text: str) -> list[dict[str, Any]]:
    return extract_quotes(document_from_text(text, article_id="t", source="S"))


def summary(text: str) -> list[tuple[str, str | None, str, str | None, str]]:
    return [(r["kind"], r["speaker"], r["affiliation"], r["verb"], r["text"]) for r in rows(text)]


# (text, expected rows as (kind, speaker, side, verb, text))
# fmt: off
CASES = [
    # a hearer after "told" does not block a statement that opens the sentence (TASS, Reuters)
    ("Moscow expects a new round soon, but no dates have been agreed, Kremlin Spokesman Dmitry Peskov told reporters.",
     [("indirect", "Dmitry Peskov", "RU", "tell", "Moscow expects a new round soon, but no dates have been agreed")]),
    ("The US has asked Ukraine to hold elections, two sources familiar with the matter told Reuters on Wednesday.",
     [("indirect", "two sources", "unknown", "tell", "The US has asked Ukraine to hold elections")]),
    # a time adverbial between the verb and a zero-that clause or an infinitive
    ("Peskov said on Wednesday Moscow was aware of the reports.",
     [("indirect", "Dmitry Peskov", "RU", "say", "Moscow was aware of the reports")]),
    ("European leaders vowed on Monday to keep up military support.",
     [("indirect", "European governments", "EU", "vow", "to keep up military support")]),
    # "told <outlet> in an interview" is a hearer, not reported content
    ('"No," Sybiha told the Kyiv Independent in an interview.',
     [("direct", "Andrii Sybiha", "UA", "tell", "No")]),
    # a zero-that clause and a coordinated "but that": one statement (PARC 3.0)
    ("The Kremlin said Putin was open to a meeting but that it “must be well prepared.”",
     [("partial", "Kremlin", "RU", "say",
       "Putin was open to a meeting but that it “must be well prepared.”")]),
    # a place or institution after the verb is content, not an inverted speaker
    ('Rustem Umerov, Secretary of the National Security and Defence Council, wrote on Telegram that the delegation held "substantive" talks with the American side.',
     [("partial", "Rustem Umerov", "UA", "write", 'the delegation held "substantive" talks with the American side')]),
    ('Omer Celik, spokesman for the ruling party, told reporters in Ankara that the mediation is "recognized by all parties."',
     [("partial", "Omer Celik", "TR", "tell", 'the mediation is "recognized by all parties."')]),
    # a name heads the phrase after a possessive role: "Putin's aide Yuri Ushakov"
    ("Russian President Vladimir Putin's foreign policy aide Yuri Ushakov told state media that no draft had arrived.",
     [("indirect", "Yuri Ushakov", "RU", "tell", "no draft had arrived")]),
    # long title runs before an unlisted name; a demonym gives the side
    ("Lithuanian Deputy Foreign Minister Jonas Petraitis said the sanctions must stay.",
     [("indirect", "Jonas Petraitis", "EU", "say", "the sanctions must stay")]),
    # lower-case role words before a name; the surname alone later refers back to the full name
    ("Russian strikes killed four people overnight, regional governor Ivan Fedorov said on Telegram. “Rescuers are working,” Fedorov wrote.",
     [("indirect", "Ivan Fedorov", "UA", "say", "Russian strikes killed four people overnight"),
      ("direct", "Ivan Fedorov", "UA", "write", "Rescuers are working")]),
    # "the Air Force" refers back to "the Ukrainian Air Force"; "reported" closes a fronted statement
    ("Russia launched 132 drones overnight, the Ukrainian Air Force reported. According to the Air Force, air defence shot down 109 of them.",
     [("indirect", "Ukrainian government", "UA", "report", "Russia launched 132 drones overnight"),
      ("indirect", "Ukrainian government", "UA", "according to", "air defence shot down 109 of them")]),
    # "one of the sources", and "U.S." inside an according-to phrase
    ("The plan was presented in Geneva, according to one of the sources.",
     [("indirect", "one of the sources", "unknown", "according to", "The plan was presented in Geneva")]),
    ("Witkoff will travel to Moscow next week, according to two U.S. officials who were not authorized to speak.",
     [("indirect", "US government", "US", "according to", "Witkoff will travel to Moscow next week")]),
    # a verb inside the according-to phrase is not the statement's verb
    ('According to a source familiar with the talks who spoke on condition of anonymity, the parties made "some progress".',
     [("partial", "source", "unknown", "according to", 'the parties made "some progress"')]),
    # the speaker's own verb wins over "according to a statement by ..."
    ('Erdogan told Putin that Türkiye was "ready to do its part", according to a statement by the Turkish Communications Directorate.',
     [("partial", "Recep Tayyip Erdogan", "TR", "tell", 'Türkiye was "ready to do its part"')]),
    # "with X warning that ...": an absolute clause has its own speaker
    ("Leaders vowed to keep up support, with French President Emmanuel Macron warning that Russia “is seeking time.”",
     [("indirect", "Leaders", "unknown", "vow", "to keep up support"),
      ("partial", "Emmanuel Macron", "EU", "warn", "Russia “is seeking time.”")]),
    # a second verb after a quoted phrase keeps the speaker
    ('Sybiha thanked Türkiye for its "consistent support" and said Kyiv valued its role.',
     [("partial", "Andrii Sybiha", "UA", "thank", "consistent support"),
      ("indirect", "Andrii Sybiha", "UA", "say", "Kyiv valued its role")]),
    # a verb of another subject inside the content does not take over the quotation
    ('Witkoff described the meeting as "very productive", adding that both delegations had agreed to "update their leaders."',
     [("partial", "Steve Witkoff", "US", "describe", "very productive"),
      ("partial", "Steve Witkoff", "US", "add", 'both delegations had agreed to "update their leaders."')]),
    # "continues to demand": the second verb reports, the subject is before the first
    ("Russia continues to demand that Ukraine withdraw from Donetsk.",
     [("indirect", "Kremlin", "RU", "demand", "Ukraine withdraw from Donetsk")]),
    # an ambassador to a country speaks for the sending side
    ("Ukraine's ambassador to Germany, Oleksii Makeiev, said Kyiv was grateful.",
     [("indirect", "Oleksii Makeiev", "UA", "say", "Kyiv was grateful")]),
    # "asked" tags a question; a name tag split off after "?»" still attaches
    ("«Where is the logic here?» Zakharova asked.",
     [("direct", "Maria Zakharova", "RU", "ask", "Where is the logic here?")]),
    # "he is" at the end of a quotation is not a passive before the tag
    ("“He treats Putin as the aggressor he is,” said Sen. Jeanne Shaheen.",
     [("direct", "Jeanne Shaheen", "US", "say", "He treats Putin as the aggressor he is")]),
    # "reiterated" is a reporting verb
    ("He reiterated that such a deployment would be unacceptable.",
     [("indirect", None, "unknown", "reiterate", "such a deployment would be unacceptable")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_outlet_patterns(text: str, expected: list[tuple[str, str | None, str, str, str]]) -> None:
    assert summary(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a scare-quoted name after "so-called" is not a statement
        "Macron spoke after a video call of the so-called “coalition of the willing”.",
        # a reporter's question is not the speaker's statement
        'Asked whether the US would impose sanctions, Trump told reporters: "We\'ll see."',
        # "neither side has confirmed" is a negated report
        "It was reported that talks could take place in Istanbul, but neither side has confirmed the venue.",
    ],
)
def test_outlet_non_statements(text: str) -> None:
    found = rows(text)
    assert all(r["kind"] == "direct" for r in found), found
    assert not any("Asked" in r["text"] or "venue" in r["text"] for r in found)
    assert not any("coalition" in r["text"] for r in found)


def test_new_verbs_and_frames() -> None:
    verbs = load_verbs()
    assert verbs.lemma("asked") == "ask" and verbs.lemma_class["ask"] == "neutral"
    assert verbs.lemma("reiterated") == "reiterate"
    assert "ask" in verbs.that_only  # content only as a quotation or after "that"
    assert "to" in verbs.prepositions["claim"]


@pytest.mark.parametrize(
    ("surface", "name", "side"),
    [
        ("Hakan Fidan", "Hakan Fidan", "TR"),
        ("Turkish Foreign Minister", "Hakan Fidan", "TR"),
        ("Sergei Ryabkov", "Sergey Ryabkov", "RU"),
        ("Russia's Ministry of Defence", "Kremlin", "RU"),
        ("the Russian army", "Kremlin", "RU"),
        ("General Staff of the Armed Forces of Ukraine", "Ukrainian government", "UA"),
        ("Dmytro Lubinets", "Dmytro Lubinets", "UA"),
        ("Peter Szijjarto", "Peter Szijjarto", "EU"),
        ("Democrats", "US Democrats", "US"),
        ("Ankara", "Turkish government", "TR"),
    ],
)
def test_registry_additions(surface: str, name: str, side: str) -> None:
    actor = default_actors().find(surface)
    assert actor is not None and (actor.name, actor.side) == (name, side)


def test_new_demonyms_give_sides() -> None:
    registry = default_actors()
    assert registry.demonym_side("a Hungarian official") == "EU"
    assert registry.demonym_side("a NATO official") == "EU"
    assert registry.demonym_side("a Turkish diplomat") == "TR"
