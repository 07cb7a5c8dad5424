"""Language check: the script share counted with only non-ASCII characters one by one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.language import _script_name, language_problem, script_of


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
