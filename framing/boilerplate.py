"""Compiled boilerplate rules: the line and block patterns of ``boilerplate.yaml``.

Rules are data (``framing/lexicons/boilerplate.yaml``, or a user's file passed with
``--boilerplate``); :mod:`framing.clean` applies them. All line rules are combined into
one regular expression whose first matching group names the rule (``re`` tries the
alternatives in order), and rules that can only fail by backtracking over a whole line
are skipped when the line lacks the literal they need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from framing.alternation import ASCII_CASE_TWINS, opens_with_repeat, required_literal
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)
from framing.memo import Memo

# backreferences, conditionals and named groups: a rule with one is not combined
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?\(")


@dataclass(frozen=True, slots=True)
class BlockRule:
    reason: str
    start: re.Pattern[str]
    end: re.Pattern[str]
    max_lines: int


@dataclass(frozen=True)
class Boilerplate:
    """Compiled cleaning rules."""

    line_rules: tuple[tuple[str, re.Pattern[str]], ...]
    block_rules: tuple[BlockRule, ...]
    version: str

    @cached_property
    def line_pattern(self) -> re.Pattern[str] | None:
        """All line rules as one regex, rule ``i`` in group ``r{i}``: its ``fullmatch``
        picks the first rule that matches the whole line (None when a rule refers to its
        own groups, whose numbers shift, or the rules cannot be combined)."""
        if not self.line_rules or any(
            _GROUP_REFERENCE.search(p.pattern) for _, p in self.line_rules
        ):
            return None
        return self._combined(frozenset())

    @cached_property
    def line_needles(self) -> tuple[tuple[int, str], ...]:
        """(rule index, text every line it matches holds) for the rules that open with a
        repeat (``.{10,400}\\s/...``): ``re`` can only fail those by backtracking over
        the whole line, while a line without the text is ruled out by ``str.find``
        (:func:`framing.alternation.required_literal`). A needle of spaces only is left
        out: it rules out nothing, and every set of rules ruled out is one more combined
        pattern to compile (so rules are written to need a word: 33 sets on PolNeAR)."""
        return tuple(
            (i, needle)
            for i, (_, p) in enumerate(self.line_rules)
            if opens_with_repeat(p) and (needle := required_literal(p)).strip()
        )

    def line_pattern_for(self, line: str) -> re.Pattern[str] | None:
        """:attr:`line_pattern` without the rules that cannot match ``line`` (a line
        lacking their needle): the first rule of the rest that matches is the first rule
        that matches."""
        if self.line_pattern is None or not _needles_apply(line):
            return self.line_pattern
        low = line.lower()
        skipped = frozenset(i for i, needle in self.line_needles if needle not in low)
        if not skipped:
            return self.line_pattern
        return self._subsets[skipped]

    @cached_property
    def _subsets(self) -> Memo[frozenset[int], re.Pattern[str] | None]:
        """:meth:`_combined` per set of rules ruled out, compiled on first sight."""
        return Memo(self._combined, _MAX_SUBSETS)

    def _combined(self, skipped: frozenset[int]) -> re.Pattern[str] | None:
        source = "|".join(
            f"(?P<r{i}>{p.pattern})" for i, (_, p) in enumerate(self.line_rules) if i not in skipped
        )
        try:
            return re.compile(source or "(?!)", re.IGNORECASE)
        except re.error:
            return None


_MAX_SUBSETS = 64  # compiled line patterns kept, one per set of rules ruled out
_ASCII_CASE_TWIN = re.compile(f"[{ASCII_CASE_TWINS}]")


def _needles_apply(line: str) -> bool:
    """Whether a needle (ASCII, lower case) missing from ``line.lower()`` rules its rule
    out: yes unless ``line`` holds a character that matches an ASCII letter only under
    re.IGNORECASE. Any other non-ASCII character matches no ASCII needle character."""
    return line.isascii() or _ASCII_CASE_TWIN.search(line) is None


def _compile(pattern: str, *, path: str, line: int | None, where: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(path, line, where, f"invalid regular expression: {exc}") from None


def parse_boilerplate(data: object, *, path: str, version: str) -> Boilerplate:
    """Validate boilerplate YAML and compile its patterns."""
    check_keys(data, {"version", "lines", "blocks"}, path=path, where="boilerplate")
    assert isinstance(data, dict)
    line_rules: list[tuple[str, re.Pattern[str]]] = []
    for i, rule in enumerate(data.get("lines") or []):
        where = f"lines[{i}]"
        check_keys(rule, {"reason", "seen", "patterns"}, path=path, where=where)
        reason = require(rule, "reason", str, path=path, where=where)
        patterns = require(rule, "patterns", list, path=path, where=where)
        for j, pattern in enumerate(patterns):
            if not isinstance(pattern, str):
                raise LexiconError(
                    path, line_of(patterns, j), f"{where}.patterns[{j}]", "expected a string"
                )
            line_rules.append(
                (
                    reason,
                    _compile(
                        pattern,
                        path=path,
                        line=line_of(patterns, j),
                        where=f"{where}.patterns[{j}]",
                    ),
                )
            )
    block_rules: list[BlockRule] = []
    for i, rule in enumerate(data.get("blocks") or []):
        where = f"blocks[{i}]"
        check_keys(rule, {"reason", "seen", "start", "end", "max_lines"}, path=path, where=where)
        block_rules.append(
            BlockRule(
                require(rule, "reason", str, path=path, where=where),
                _compile(
                    require(rule, "start", str, path=path, where=where),
                    path=path,
                    line=line_of(rule, "start"),
                    where=f"{where}.start",
                ),
                _compile(
                    require(rule, "end", str, path=path, where=where),
                    path=path,
                    line=line_of(rule, "end"),
                    where=f"{where}.end",
                ),
                int(require(rule, "max_lines", int, path=path, where=where)),
            )
        )
    return Boilerplate(tuple(line_rules), tuple(block_rules), version)


@cache
def default_boilerplate() -> Boilerplate:
    return parse_package_yaml("boilerplate.yaml", parse_boilerplate)


def load_boilerplate(path: str | Path | None = None) -> Boilerplate:
    """The default rules, or a user's boilerplate YAML."""
    return load_yaml_data(path, default_boilerplate, parse_boilerplate)


def line_rule(rules: Boilerplate, line: str) -> str | None:
    """The reason of the first line rule that matches all of ``line``, if any."""
    combined = rules.line_pattern_for(line)
    if combined is not None:
        m = combined.fullmatch(line)
        return rules.line_rules[int(m.lastgroup[1:])][0] if m and m.lastgroup else None
    return next((reason for reason, p in rules.line_rules if p.fullmatch(line)), None)
