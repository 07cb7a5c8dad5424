"""Language check: the script share counted with only non-ASCII characters one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.language import (
    FUNCTION_WORDS,
    MIN_FUNCTION_WORD_SHARE,
    _script_name,
    _short_function_word_share,
    language_problem,
    script_of,
)


def _script_of_by_character(text: str) -> tuple[float, str]:
    """The definition, every character looked at."""
    letters = [ch for ch in text if ch.isalpha()]
    scripts: dict[str, int] = {}
    for ch in letters:
        if not (ch.isascii() or "\u00c0" <= ch <= "\u024f"):
            scripts[_script_name(ch)] = scripts.get(_script_name(ch), 0) + 1
    other = sum(scripts.values())
    main_other = max(scripts, key=lambda k: scripts[k]) if scripts else ""
    return ((len(letters) - other) / len(letters) if letters else 1.0), main_other


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"aZ1 .’“é\u00aa\u00b5\u0416\u03a3\u4e2d\u0627\ud800\u2162"]))
)
def test_script_of_equals_the_definition(text: str) -> None:
    assert script_of(text) == _script_of_by_character(text)


def test_non_latin_text_is_refused() -> None:
    problem = language_problem("Переговоры продолжатся на следующей неделе.", [])
    assert problem is not None and "Cyrillic" in problem


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "The", "OF", "Kyiv", "talks", "said"]), min_size=1),
    st.integers(1, 70),
)
def test_short_function_word_share_equals_the_definition(tokens: list[str], chunk: int) -> None:
    share = sum(t.lower() in FUNCTION_WORDS for t in tokens) / len(tokens)
    expected = share if share < MIN_FUNCTION_WORD_SHARE else None
    assert _short_function_word_share(tokens, chunk=chunk) == expected


def test_too_few_function_words_are_refused_with_their_share() -> None:
    tokens = ["The", "OF", "aNd"] + ["Kyiv"] * 37
    problem = language_problem("Latin letters only", tokens)
    assert problem is not None and "only 8% of words" in problem
    assert language_problem("Latin letters only", ["The", "Kyiv", "talks"] * 20) is None
