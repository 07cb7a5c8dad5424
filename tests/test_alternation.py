"""The first-character dispatch finds exactly what the plain alternation finds."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.actors import _surface_regex, default_actors
from framing.alternation import (
    ASCII_CASE_TWINS,
    FoldedPattern,
    alias_pattern,
    dispatch,
    first_chars,
    ignorecase_fold,
    literal_trie,
    matches_at,
    opens_with_repeat,
    prefix_trie,
    required_literal,
    surface_regex,
    surface_trie,
    twin_surface,
    uncased_lower,
)
from framing.corpus import Article
from framing.extract import numbers
from framing.extract.coverage import default_coverage_lexicon
from framing.extract.terms import _POSSESSIVE, default_lexicon, form_expansions, form_regex


def _uncased(text: str) -> bool:
    """Whether the case-sensitive twin may serve ``text`` (no cased non-ASCII character)."""
    return uncased_lower(text) is not None


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in pattern.finditer(text)]


def _both_paths(pattern: FoldedPattern, text: str) -> list[list[tuple[int, int, str | None]]]:
    """Matches of the case-insensitive pattern, and of its twin when the text allows it."""
    found = [_matches(pattern.ignorecase, text)]
    if _uncased(text):
        found.append(_matches(pattern.lowercase, text.lower()))
    return found


def _plain_terms_pattern() -> re.Pattern[str]:
    """The lexicon as the naive alternation: one alternative per form, longest first."""
    lex = default_lexicon()
    alternatives = []
    i = 0
    forms = sorted(
        ((f, g.compounds) for g in lex.groups for v in g.variants for f in v.forms),
        key=lambda e: (-len(e[0]), -len(re.split(r"[\s\-‐‑]+", e[0]))),
    )
    for form, compounds in forms:
        before = r"(?<!\w)" if compounds else r"(?<!\w)(?<!\w[\-‐‑])"
        after = r"(?!\w)" if compounds else r"(?!\w)(?![\-‐‑]\w)"
        # one named group per expansion, so lastgroup names agree with the fast pattern
        for _, regex in form_expansions(form):
            alternatives.append(f"(?P<f{i}>{before}{regex}{_POSSESSIVE}{after})")
            i += 1
    return re.compile("|".join(alternatives), re.IGNORECASE)


PLAIN_TERMS = _plain_terms_pattern()
SURFACES = sorted(default_actors().by_surface, key=len, reverse=True)
PLAIN_ACTORS = re.compile(
    r"(?<![\w’'-])(" + "|".join(_surface_regex(s) for s in SURFACES) + r")(?=(?:[’']s?)?(?![\w-]))",
    re.IGNORECASE,
)
PIECES = [
    *"abcKkSsıİſK .,'’-‐\n",
    "Kyiv",
    "Kiev",
    "kyiv’s",
    "war",
    "post-war",
    "special military operation",
    "Putin",
    "Zelensky",
    "the Kremlin",
    "Moscow",
]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def test_seed_texts_match_identically(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        text = article.text
        for found in _both_paths(default_lexicon().pattern, text):
            assert found == _matches(PLAIN_TERMS, text)
        for found in _both_paths(default_actors().pattern, text):
            assert found == _matches(PLAIN_ACTORS, text)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_any_text_matches_identically(text: str) -> None:
    for found in _both_paths(default_lexicon().pattern, text):
        assert found == _matches(PLAIN_TERMS, text)
    for found in _both_paths(default_actors().pattern, text):
        assert found == _matches(PLAIN_ACTORS, text)


# ---------------------------------------------------------------- case-folded twin

DANGEROUS = ["ſ", "ı", "İ", "K", "é", "É", "Σ", "ς", "ß", "\u0307", "\u0301", "ǅ", "µ"]
UNCASED = ["’", "‘", "“", "”", "—", "–", "…", "‐", "\u00a0", "«", "»"]
FORMS = [
    *(f for g in default_lexicon().groups for v in g.variants for f in v.forms),
    *default_actors().by_surface,
    *(a for p in default_coverage_lexicon().places for a in p.aliases),
]


def _odd_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(ch.swapcase() if flip else ch for ch, flip in zip(word, flips, strict=True))


@st.composite
def _mixed_text(draw: st.DrawFn) -> str:
    """ASCII letters of both cases, lexicon forms in odd cases, curly quotes, dashes and
    sometimes characters whose case folding is not ASCII's."""
    pieces = [*"abkisKIS .,'-\n", *UNCASED]
    if draw(st.booleans()):
        pieces += DANGEROUS
    items = draw(st.lists(st.one_of(st.sampled_from(pieces), st.sampled_from(FORMS)), max_size=40))
    return "".join(_odd_case(draw, item) if len(item) > 1 else item for item in items)


def _folded_matches(
    pattern: FoldedPattern, text: str, group: int
) -> list[tuple[int, int, str | None, str]]:
    return [
        (m.start(), m.end(), m.lastgroup, text[m.start(group) : m.end(group)])
        for m in pattern.finditer(text)
    ]


def _ignorecase_matches(
    pattern: FoldedPattern, text: str, group: int
) -> list[tuple[int, int, str | None, str]]:
    return [
        (m.start(), m.end(), m.lastgroup, m.group(group)) for m in pattern.ignorecase.finditer(text)
    ]


@settings(max_examples=1000, deadline=None)
@given(_mixed_text())
def test_folded_finditer_equals_the_case_insensitive_pattern(text: str) -> None:
    cases = [
        (default_lexicon().pattern, 0),
        (default_actors().pattern, 1),
        (default_coverage_lexicon().pattern, 1),
    ]
    for pattern, group in cases:
        assert _folded_matches(pattern, text, group) == _ignorecase_matches(pattern, text, group)
        if _uncased(text):  # the twin itself, not only the path finditer took
            assert _matches(pattern.lowercase, text.lower()) == _matches(pattern.ignorecase, text)


def test_folded_finditer_takes_the_twin_only_on_uncased_text() -> None:
    pattern = FoldedPattern.build(["Kyiv"], "|".join)
    assert pattern.lowercase.pattern == "kyiv"
    assert [m.re for m in pattern.finditer("KYIV — “kyiv”")] == [pattern.lowercase] * 2
    assert [m.span() for m in pattern.finditer("KYIV \u212a")] == [(0, 4)]
    assert [m.re for m in pattern.finditer("KYIV \u212ayiv")] == [pattern.ignorecase] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("Kyiv", True),
        ("a’b — c… «d»", True),
        ("café", False),
        ("\u212a", False),
        ("ſ", False),
        ("ı", False),
        ("İ", False),
        ("Σ", False),
        ("ς", False),
        ("a\u0301", True),
        ("a\ud800", True),  # a lone surrogate: uncased, and encoded without error
    ],
)
def test_uncased_lower_only_for_text_without_cased_non_ascii(text: str, expected: bool) -> None:
    assert _uncased(text) is expected
    assert expected is all(c.isascii() or c.lower() == c == c.upper() for c in text)


def test_twin_surface_spells_each_character_as_lower_cased_text_has_it() -> None:
    assert twin_surface("Türkiye’S") == "türkiye’s"  # "ü" matches no ASCII letter
    assert twin_surface("İbrahim Kalın") == "ibrahim kalin"  # "İ" and "ı" match "i"
    assert twin_surface("ſt \u212a") == "st k"


def test_folded_finditer_on_a_dotless_i_in_a_surface() -> None:
    # "kalın" (an alias) matches "kalIn" case-insensitively: so must the twin. (The actors'
    # pattern no longer has this surface: its lookup keys fold "İ" and "ı" to "i".)
    text = "i\u0307brahim kalIn"
    pattern = alias_pattern(["i\u0307brahim kalın", "kalın"])
    assert _folded_matches(pattern, text, 1) == _ignorecase_matches(pattern, text, 1)
    assert [m.span() for m in pattern.finditer(text)] == [(0, 14)]


def _uncased_non_ascii() -> str:
    chars = (chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    return "".join(c for c in chars if c.lower() == c == c.upper())


def test_ignorecase_never_pairs_an_uncased_character_with_another() -> None:
    """What the twin relies on: under re.IGNORECASE no uncased non-ASCII character matches
    an ASCII letter, nor a cased non-ASCII character of a lexicon surface."""
    uncased = _uncased_non_ascii()
    assert re.search("[a-z]", uncased, re.IGNORECASE) is None
    cased = {c for form in FORMS for c in form if not c.isascii() and not _uncased(c)}
    assert cased  # the lexicons have some ("ö", "ł", "ı")
    for c in sorted(cased):
        assert re.search(re.escape(c), uncased, re.IGNORECASE) is None


def test_optional_leading_word_expands_in_preference_order() -> None:
    expansions = form_expansions("(the) Kyiv regime")
    assert [first for first, _ in expansions] == ["the", "Kyiv"]
    joined = re.compile("|".join(r for _, r in expansions), re.I)
    assert joined.match("the Kyiv regime").group() == "the Kyiv regime"  # type: ignore[union-attr]
    assert re.match(form_regex("(the) Kyiv regime"), "the Kyiv regime", re.I)


@pytest.mark.parametrize(
    ("alternatives", "text", "expected"),
    [
        ([("k", "k"), ("K", "kx")], "kx", "k"),  # one group for k/K: list order kept
        ([("a", "ab"), ("b", "b")], "ab b", "ab"),
        ([("'’", "['’]s"), ("s", "s")], "’s", "’s"),
        ([(None, r"\s+x"), ("x", "x")], " x", " x"),  # unknown first character: plain
    ],
)
def test_dispatch_keeps_first_alternative_in_list_order(
    alternatives: list[tuple[str | None, str]], text: str, expected: str
) -> None:
    m = re.compile(dispatch(alternatives), re.I).search(text)
    assert m is not None and m.group() == expected


def test_first_chars() -> None:
    assert first_chars("Kyiv") == "K"
    assert first_chars("’s") == "'’"
    assert first_chars(" x") is None
    assert first_chars("") is None


SURFACE_CHARS = st.sampled_from([*"abKkSsſK’' -\t", "ab", "ab c"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.lists(SURFACE_CHARS, min_size=1, max_size=6).map("".join), max_size=12),
    st.lists(SURFACE_CHARS, max_size=30).map("".join),
    st.booleans(),
)
def test_surface_trie_finds_what_the_plain_alternation_finds(
    surfaces: list[str], text: str, longest_first: bool
) -> None:
    surfaces = list(dict.fromkeys(surfaces))
    if longest_first:
        surfaces.sort(key=len, reverse=True)
    tail = r"(?=(?:[’']s?)?(?![\w-]))"
    plain = re.compile(f"({'|'.join(map(surface_regex, surfaces)) or '(?!x)x'}){tail}", re.I)
    trie = re.compile(f"({surface_trie(surfaces)}){tail}", re.I)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_surface_trie_writes_common_prefixes_once() -> None:
    pattern = surface_trie(["the Kremlin", "the White House", "the"])
    assert pattern.count("the") == 1
    assert re.fullmatch(pattern, "THE  white house", re.I)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(SURFACE_CHARS, min_size=1, max_size=6).map("".join), max_size=12),
    st.lists(SURFACE_CHARS, max_size=30).map("".join),
)
def test_literal_trie_finds_what_the_plain_alternation_finds(words: list[str], text: str) -> None:
    words = list(dict.fromkeys(words))
    plain = re.compile("|".join(map(re.escape, words)) or "(?!x)x")
    trie = re.compile(literal_trie(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


PREFIX_CHARS = st.sampled_from("abkKsSſıİiI1")
TAILS = st.sampled_from(["", r"(?!\w)", r"s?", r"[’']s", r"(?<!\wa)", r"\s+war", "(?:x)?"])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(PREFIX_CHARS, max_size=4).map("".join), TAILS), min_size=1, max_size=10
    ),
    st.lists(st.sampled_from([*"abkKsSſıİiI1 x’'", " war"]), max_size=30).map("".join),
)
def test_prefix_trie_finds_what_the_plain_alternation_finds(
    items: list[tuple[str, str]], text: str
) -> None:
    # an empty group closes each item, so lastgroup tells which item matched
    items = [(prefix, f"{tail}(?P<i{i}>)") for i, (prefix, tail) in enumerate(items)]
    plain = re.compile("|".join(prefix + tail for prefix, tail in items), re.I)
    trie = re.compile(prefix_trie(items), re.I)
    assert _matches(trie, text) == _matches(plain, text)


def test_prefix_trie_writes_common_prefixes_once() -> None:
    pattern = prefix_trie([("warx", "a"), ("war", "b"), ("war", "c"), ("kyiv", "d")])
    assert pattern == "(?:war(?:xa|b|c)|kyivd)"
    with pytest.raises(ValueError):
        prefix_trie([("war crimes", "")])


NUMBER_PIECES = [
    *"0123456789 .,:-$€£₽₴Uu\n",
    "US$",
    "us$",
    "February",
    "Feb.",
    "March",
    "May",
    "Sept",
    "of",
    "am",
    "p.m.",
    "GMT",
    "bn",
    " million",
    "%",
    "per cent",
    "twenty",
    "Twenty-five",
    "five",
    "fourteen",
    "seven",
    " and a half",
    " days",
    "\u017fix",  # "ſ" matches "s" under IGNORECASE: the twin must not serve this text
    "SEVEN",
    "é",
]
NUMBER_TEXT = st.lists(st.sampled_from(NUMBER_PIECES), max_size=60).map("".join)


def _plain_spelled() -> re.Pattern[str]:
    """numbers._SPELLED as first written: a longest-first alternation, no trie or lookahead."""
    words = "|".join(sorted(numbers.SPELLED, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<tens>{words})(?:-(?P<ones>{words}))?(?P<half>\s+and\s+a\s+half)?(?![\w])",
        re.IGNORECASE,
    )


def _found(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _found_folded(matches: Iterator[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, Any]]]:
    """Spans and lower-cased groups (a FoldedPattern's twin reads the lower-cased text)."""
    return [
        (span, {k: v and v.lower() for k, v in groups.items()}) for span, groups in _found(matches)
    ]


@settings(max_examples=400, deadline=None)
@given(NUMBER_TEXT)
def test_spelled_twin_finds_what_the_plain_pattern_finds(text: str) -> None:
    assert _found_folded(numbers._SPELLED.finditer(text)) == _found_folded(
        _plain_spelled().finditer(text)
    )


def test_spelled_twin_on_seed_texts(seed_articles: dict[str, Article]) -> None:
    for article in seed_articles.values():
        assert _found_folded(numbers._SPELLED.finditer(article.text)) == _found_folded(
            _plain_spelled().finditer(article.text)
        )


def test_matches_at_tries_every_start_after_the_last_match() -> None:
    pattern = re.compile(r"(?<![\w])\d+")  # a lookbehind first: re tries every position
    text = "1 22 a3 44b 5"
    found = [m.group() for m in matches_at(pattern, text, [0, 2, 3, 6, 8, 9, 12])]
    assert found == ["1", "22", "44", "5"]


@pytest.mark.parametrize(
    ("source", "needle", "opens_with_repeat_"),
    [
        (r".{10,400}\s/\s?(VCG|CFP)", "/", True),
        (r"(.{10,400}\s)?Photograph: [^/]{2,80}/", "photograph: ", True),
        (r"[\w ,.&'’-]{0,80}All rights reserved\.?", "all rights reserved", True),
        (r"(Read more|Related)", "re", False),  # re writes the common prefix as literals
        (r"a(?:bc)+d", "bc", False),
        (r"x(?:long)?y", "x", False),  # an optional part adds nothing
        (r"(?=abc)z", "z", False),  # nor does a lookahead
        (r"café au lait", " au lait", False),  # non-ASCII literals end a run
        (r"x{0,3}", "", True),
    ],
)
def test_required_literal(source: str, needle: str, opens_with_repeat_: bool) -> None:
    pattern = re.compile(source, re.IGNORECASE)
    assert required_literal(pattern) == needle
    assert opens_with_repeat(pattern) is opens_with_repeat_


@st.composite
def _rule_and_match(draw: st.DrawFn) -> tuple[re.Pattern[str], str]:
    from framing.clean import default_boilerplate

    rules = [p for _, p in default_boilerplate().line_rules if required_literal(p)]
    pattern = draw(st.sampled_from(rules))
    return pattern, draw(st.from_regex(pattern, fullmatch=True))


@settings(max_examples=400, deadline=None)
@given(_rule_and_match())
def test_every_ascii_match_of_a_rule_holds_its_required_literal(
    case: tuple[re.Pattern[str], str],
) -> None:
    pattern, line = case
    assert pattern.fullmatch(line)
    if line.isascii():
        assert required_literal(pattern) in line.lower()


def test_ignorecase_fold_folds_alike_what_ignorecase_matches() -> None:
    cased = "".join(
        ch
        for ch in map(chr, range(sys.maxunicode + 1))
        if ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch
    )
    for ch in cased:
        for other in re.findall(re.escape(ch), cased, re.IGNORECASE):
            assert ignorecase_fold(other) == ignorecase_fold(ch), (ch, other)
    assert ignorecase_fold("İSTANBUL ıi") == "istanbul ii"


def test_ascii_case_twins_are_all_non_ascii_characters_that_ignorecase_makes_ascii() -> None:
    every_non_ascii = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    twins = {ch for c in range(128) for ch in re.findall(re.escape(chr(c)), every_non_ascii, re.I)}
    assert twins == set(ASCII_CASE_TWINS)
