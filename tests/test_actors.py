"""Actors registry: aliases, titles, apostrophes, media, demonyms, schema errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.actors import UNKNOWN_SIDE, find_mentions, load_actors, surface_key
from framing.lexicon import LexiconError


def names(text: str) -> list[tuple[str, str, bool]]:
    return [(m.as_written, m.actor.name, m.via_title) for m in find_mentions(text)]


def test_default_registry_is_cached_and_valid() -> None:
    registry = load_actors()
    assert registry is load_actors()
    assert {a.side for a in registry.actors} <= set(registry.sides)
    assert UNKNOWN_SIDE not in registry.sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said",
            [
                ("Kremlin spokesman", "Dmitry Peskov", True),
                ("Dmitry Peskov", "Dmitry Peskov", False),
            ],
        ),
        ("Ukraine’s president spoke", [("Ukraine’s president", "Volodymyr Zelenskyy", True)]),
        ("Ukraine's president spoke", [("Ukraine's president", "Volodymyr Zelenskyy", True)]),
        ("Zelenskyy’s office", [("Zelenskyy", "Volodymyr Zelenskyy", False)]),
        (
            "the UAE's foreign ministry",
            [("the UAE's foreign ministry", "UAE Ministry of Foreign Affairs", False)],
        ),
        (
            "the United Arab Emirates (UAE) Ministry of Foreign Affairs",
            [
                (
                    "the United Arab Emirates (UAE) Ministry of Foreign Affairs",
                    "UAE Ministry of Foreign Affairs",
                    False,
                )
            ],
        ),
        ("Ukrainian officials said", [("Ukrainian officials", "Ukrainian government", False)]),
        ("a moscow mule", []),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert names(text) == expected


def test_resolution_is_remembered_per_surface_as_written() -> None:
    registry = load_actors()
    text = "Moscow said; a moscow mule; MOSCOW said; Moscow  said"
    first = [(m.as_written, m.actor.name) for m in find_mentions(text, registry)]
    assert first == [("Moscow", "Kremlin"), ("MOSCOW", "Kremlin"), ("Moscow", "Kremlin")]
    assert registry.resolve("moscow") is None  # remembered as "not a mention", still not one
    assert [(m.as_written, m.actor.name) for m in find_mentions(text, registry)] == first
    assert registry.resolve("Vladimir \n Putin") == registry.resolve("Vladimir Putin")


def test_find_accepts_either_apostrophe() -> None:
    registry = load_actors()
    actor = registry.find("Russia’s foreign minister")
    assert actor is not None and actor.name == "Sergey Lavrov"
    assert registry.find("nobody at all") is None


def test_media_and_demonyms() -> None:
    registry = load_actors()
    assert registry.is_media("Reuters") and registry.is_media("the Associated Press")
    assert registry.is_media("state media")
    assert not registry.is_media("Peskov")
    assert registry.demonym_side("a senior Ukrainian official") == "UA"
    assert registry.demonym_side("U.S. officials") == "US"
    assert registry.demonym_side("local residents") is None


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        (
            "version: 1\nsides: [RU]\nactors:\n  - name: A\n    side: XX\n    aliases: [A]\n",
            r":5: actors\[0\]\.side: unknown side 'XX'",
        ),
        (
            "version: 1\nsides: [RU]\nactors:\n  - {name: A, side: RU, aliases: [X]}\n"
            "  - {name: B, side: RU, aliases: [X]}\n",
            "'X' is already an alias of 'A'",
        ),
        ("version: 1\nsides: [RU]\nactors: []\ndemonyms: {Russian: XX}\n", "demonyms.Russian"),
        ("version: 1\nsides: [RU]\nactors: []\nmedia: Reuters\n", ":4: media: expected a list"),
        ("version: 1\nsides: [RU]\nactors: []\npress: []\n", ":4: actors.press: unknown key"),
    ],
)
def test_schema_errors_name_file_and_line(tmp_path: Path, yaml_text: str, message: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        load_actors(path)


def test_user_registry(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "version: 1\nsides: [A, B]\nmedia: [Daily Bugle]\ndemonyms: {Latverian: A}\n"
        "actors:\n  - {name: Victor von Doom, side: A, kind: person, aliases: [Doom],"
        " titles: [the Latverian ruler]}\n",
        encoding="utf-8",
    )
    registry = load_actors(path)
    assert [m.actor.name for m in find_mentions("Doom spoke.", registry)] == ["Victor von Doom"]
    assert registry.is_media("the Daily Bugle")
    assert registry.demonym_side("a Latverian diplomat") == "A"


def test_mentions_are_as_written_on_either_path() -> None:
    """Case checks see the text as written, whether or not it was matched lower-cased."""
    for text in ("PUTIN met ZeLensky in moscow", "PUTIN met ZeLensky in moscow, café"):
        assert [m.as_written for m in find_mentions(text)] == ["PUTIN", "ZeLensky"]


def test_memo_computes_once_and_empties_when_full() -> None:
    from framing.memo import Memo

    calls: list[str] = []
    memo = Memo(lambda key: calls.append(key) or key.upper(), limit=2)
    assert [memo[k] for k in ("a", "b", "a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]  # "a" computed once
    assert memo["c"] == "C" and set(memo) == {"c"}  # full: emptied before "c" went in
    assert calls == ["a", "b", "c"]


def test_mentions_with_letters_that_match_i_under_ignorecase() -> None:
    found = [(m.actor.name, m.as_written) for m in find_mentions("PUTİN met Putın")]
    assert found == [("Vladimir Putin", "PUTİN"), ("Vladimir Putin", "Putın")]


# ---------------------------------------------------------------- the grown registry

VALID_SIDES = {"RU", "UA", "US", "EU", "UAE", "CN", "TR", "other"}


def test_registry_size_and_sides() -> None:
    registry = load_actors()
    assert len(registry.actors) >= 300
    assert set(registry.sides) == VALID_SIDES
    for actor in registry.actors:
        assert actor.side in VALID_SIDES, actor.name
    for words in (
        registry.demonyms,
        registry.description_words.sides,
    ):
        for word, side in words.items():
            side = side[0] if isinstance(side, tuple) else side
            assert side in VALID_SIDES, word


def test_every_alias_and_title_names_one_actor() -> None:
    """Each surface resolves to exactly one actor, so no alias can be shared by two
    actors of different sides (the parser refuses a shared alias; this checks the data
    as shipped, titles included)."""
    registry = load_actors()
    owners: dict[str, set[str]] = {}
    for actor in registry.actors:
        for surface in actor.aliases + actor.titles:
            owners.setdefault(surface_key(surface), set()).add(actor.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_description_words_agree_with_the_registry() -> None:
    """A word listed both as an actor alias and as an institution, place or demonym
    gives the same side either way (capitals are listed as places on purpose)."""
    registry = load_actors()
    listed = {key: side for key, (side, _) in registry.description_words.sides.items()}
    listed |= {surface_key(word): side for word, side in registry.demonyms.items()}
    for key, side in listed.items():
        hit = registry.by_surface.get(key)
        if hit is not None:
            assert hit[0].side == side, (key, hit[0].name)


@pytest.mark.parametrize(
    ("variants", "canonical"),
    [
        (["Umerov", "Umierov", "Rustem Umierov", "Rustam Umerov"], "Rustem Umerov"),
        (["Witkoff", "Vitkoff", "Steve Vitkoff", "Steven Witkoff"], "Steve Witkoff"),
        (
            ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskii", "Vladimir Zelensky"],
            "Volodymyr Zelenskyy",
        ),
        (["Yuri Ushakov", "Yury Ushakov", "Yurii Ushakov"], "Yuri Ushakov"),
        (["Dmitry Peskov", "Dmitri Peskov"], "Dmitry Peskov"),
        (["Sergei Lavrov", "Sergey Lavrov"], "Sergey Lavrov"),
        (["Oleksandr Syrskyi", "Syrsky", "Alexander Syrsky", "Syrskii"], "Oleksandr Syrskyi"),
        (["Kyrylo Budanov", "Kirill Budanov"], "Kyrylo Budanov"),
        (["Kirill Dmitriev", "Kirill Dmitriyev"], "Kirill Dmitriev"),
        (["Andriy Yermak", "Andrii Yermak", "Andrei Yermak"], "Andriy Yermak"),
        (["Yurii Ihnat", "Yuriy Ihnat", "Yuri Ihnat"], "Yurii Ihnat"),
        (["Valerii Zaluzhnyi", "Valery Zaluzhny", "Zaluzhnyi"], "Valerii Zaluzhnyi"),
        (["Oleh Syniehubov", "Oleg Synegubov", "Synehubov"], "Oleh Syniehubov"),
        (["Erdogan", "Erdoğan", "Tayyip Erdogan"], "Recep Tayyip Erdogan"),
        (["Kaja Kallas", "EU foreign policy chief"], "Kaja Kallas"),
        (["Wang Yi", "China's top diplomat"], "Wang Yi"),
        (["Mark Rutte", "NATO chief"], "Mark Rutte"),
        (["Hakan Fidan", "Turkish Foreign Minister"], "Hakan Fidan"),
        (["Zelenskyj", "Selenskyj", "Wolodymyr Selenskyj"], "Volodymyr Zelenskyy"),
        (["Sergey Kislitsa", "Kislitsa", "Sergiy Kyslytsya"], "Serhiy Kyslytsya"),
        (["Lawrow", "Sergej Lawrow"], "Sergey Lavrov"),
        (["Sacharowa", "Maria Sacharowa"], "Maria Zakharova"),
        (["Umierov", "Umjerow"], "Rustem Umerov"),
        (["Erdogan's office", "the Turkish presidency"], "Turkish government"),
    ],
)
def test_transliteration_variants_resolve_to_one_actor(variants: list[str], canonical: str) -> None:
    registry = load_actors()
    for variant in variants:
        actor = registry.find(variant)
        assert actor is not None and actor.name == canonical, variant


@pytest.mark.parametrize(
    ("name", "side"),
    [
        ("Wang Yi", "CN"),
        ("Mao Ning", "CN"),
        ("Lin Jian", "CN"),
        ("Xi Jinping", "CN"),
        ("Hakan Fidan", "TR"),
        ("Recep Tayyip Erdogan", "TR"),
        ("Kirill Dmitriev", "RU"),
        ("Denis Pushilin", "RU"),
        ("Yevgeny Balitsky", "RU"),
        ("Oleh Syniehubov", "UA"),
        ("Keith Kellogg", "US"),
        ("Kaja Kallas", "EU"),
        ("Keir Starmer", "EU"),
        ("Viktor Orban", "EU"),
        ("Anwar Gargash", "UAE"),
        ("Alexander Lukashenko", "other"),
        ("Rafael Grossi", "other"),
    ],
)
def test_sides_of_listed_actors(name: str, side: str) -> None:
    actor = load_actors().find(name)
    assert actor is not None and actor.side == side


@pytest.mark.parametrize(
    "text",
    [
        "Wang said",  # 'Wang' alone is too common a surname to name Wang Yi
        "Lin said",
        "Kim said",
        "Johnson said",
        "a labour shortage",
        "Who said that?",  # not the World Health Organization
    ],
)
def test_ambiguous_short_names_are_not_aliases(text: str) -> None:
    assert find_mentions(text) == []


# ---------------------------------------------------------------- side from description


@pytest.mark.parametrize(
    ("description", "side"),
    [
        ("EU foreign policy chief", "EU"),
        ("U.S. Senate", "US"),
        ("a US senator", "US"),
        ("Republican senator", "US"),
        ("a Democratic senator", "US"),
        ("governor of Dnipropetrovsk region", "UA"),
        ("head of the Kharkiv regional military administration", "UA"),
        ("Chinese foreign ministry spokesperson", "CN"),
        ("a spokesperson for China's foreign ministry", "CN"),
        ("Turkish Foreign Minister", "TR"),
        ("British Labour party leader", "EU"),
        ("Kremlin aide", "RU"),
        ("the Duma", "RU"),
        ("Verkhovna Rada", "UA"),
        ("Pentagon", "US"),
        ("Bundestag", "EU"),
        ("a German Christian Democrat lawmaker", "EU"),
        ("Belgorod governor", "RU"),
        ("Zaporizhzhia's Russian-installed governor", "RU"),
        ("the Moscow-installed head of Zaporizhzhia region", "RU"),
        ("Zaporozhye region governor", "RU"),
        ("a Saudi official", "other"),
        ("an Indian diplomat", "other"),
        ("a senior official in the Trump administration", "US"),
        ("an official at the Pentagon", "US"),
        ("a Polish critic of Putin", "EU"),  # the first side-naming word decides
        ("the US ambassador to Ukraine", "US"),
        ("the Chinese ambassador to the EU", "CN"),
        ("a Turkish diplomat in Moscow", "TR"),
        ("Hungary's foreign minister", "EU"),
        ("an adviser to Zelenskyy", "UA"),
        # a US lawmaker's party and state, with or without brackets
        ("Sen. Jane Roe (R-SD)", "US"),
        ("Jane Roe I-Maine", "US"),
        ("Rep. John Doe, D-Mass.", "US"),
    ],
)
def test_side_from_description(description: str, side: str) -> None:
    assert load_actors().side_from_description(description) == side


@pytest.mark.parametrize(
    "description",
    [
        "local residents",
        "a doctor",
        "a labour union leader",  # 'Labour' the party is written with a capital
        "ambassador to Ukraine",  # names the host country, not the ambassador's side
        "a diplomat in Moscow",  # where the speaker is, not whom they speak for
        "a Western diplomat in Kyiv",
        "an analyst who studies Kharkiv",  # a clause about the speaker, not the speaker
    ],
)
def test_side_from_description_gives_nothing_for_places_in_passing(description: str) -> None:
    assert load_actors().side_from_description(description) is None


def test_side_from_description_reads_only_the_speakers_own_words() -> None:
    """A place naming the speaker gives a side; the same place in a clause or a
    location after the speaker's noun does not."""
    registry = load_actors()
    assert registry.side_from_description("a Kharkiv official") == "UA"
    assert registry.side_from_description("an official who drove to Kharkiv") is None
    assert registry.side_from_description("an official near Kharkiv") is None
    assert registry.side_from_description("an official after the strike on Kharkiv") is None


@pytest.mark.parametrize(
    ("description", "side"),
    [
        ("Kyiv residents", None),
        ("a resident of Belgorod", None),
        ("Ukrainian refugees", "UA"),
        ("Kharkiv civilians", None),
        ("the Kharkiv mayor's office", "UA"),
    ],
)
def test_residents_take_no_side_from_a_place(description: str, side: str | None) -> None:
    assert load_actors().side_from_description(description) == side


def test_user_registry_description_words(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "version: 1\nsides: [A, B]\nactors: []\ndemonyms: {Latverian: A}\n"
        "institution_sides: {Doom Council: A, pro-Symkarian: B}\n"
        "place_sides: {Doomstadt: A}\n",
        encoding="utf-8",
    )
    registry = load_actors(path)
    assert registry.side_from_description("a Doom Council member") == "A"
    assert registry.side_from_description("the pro-Symkarian mayor of Doomstadt") == "B"
    assert registry.side_from_description("mayor of Doomstadt") == "A"
    assert registry.side_from_description("a diplomat in Doomstadt") is None


def test_a_title_after_former_names_no_current_holder() -> None:
    text = "The former secretary of state met the secretary of state and ex-secretary of state."
    mentions = find_mentions(text)
    assert [(m.as_written, m.actor.name) for m in mentions] == [
        ("secretary of state", "Marco Rubio")
    ]
    assert mentions[0].start == text.index("the secretary") + 4


def test_former_before_an_alias_keeps_the_person() -> None:
    (mention,) = find_mentions("Former President Donald Trump spoke.")
    assert mention.actor.name == "Donald Trump"


@pytest.mark.parametrize("description", ["the R-rated film", "a T-shirt seller", "Jane Roe"])
def test_no_party_state_code(description: str) -> None:
    assert load_actors().side_from_description(description) is None
