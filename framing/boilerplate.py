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
    # first words of a line that speaks to the reader ("Leave a reply"), for
    # framing.context; a user's file without them leaves the signal to "you" words
    prompt_verbs: frozenset[str] = frozenset()
    # verbs of a caption written as a sentence, for framing.chrome.is_caption_sentence;
    # a user's file without them leaves captions to the line patterns
    caption_verbs: frozenset[str] = frozenset()

    @cached_property
    def line_pattern(self) -> re.Pattern[str] | None:
        """The line rules that have no needle (:attr:`line_needles`) as one regex, rule
        ``i`` in group ``r{i}``: its ``fullmatch`` picks the first of them that matches
        the whole line (None when a rule refers to its own groups, whose numbers shift,
        or the rules cannot be combined). Compiled once: the rules with a needle are
        tried one by one, and only on a line that holds their needle."""
        if not self.line_rules or any(
            _GROUP_REFERENCE.search(p.pattern) for _, p in self.line_rules
        ):
            return None
        needled = {i for i, _ in self.line_needles}
        source = "|".join(
            f"(?P<r{i}>{p.pattern})" for i, (_, p) in enumerate(self.line_rules) if i not in needled
        )
        try:
            return re.compile(source or "(?!)", re.IGNORECASE)
        except re.error:
            return None

    @cached_property
    def line_needles(self) -> tuple[tuple[int, str], ...]:
        """(rule index, text every line it matches holds) for the rules that open with a
        repeat (``.{10,400}\\s/...``): ``re`` can only fail those by backtracking over
        the whole line, while a line without the text is ruled out by ``str.find``
        (:func:`framing.alternation.required_literal`). A needle of spaces only is left
        out: it rules out nothing."""
        return tuple(
            (i, needle)
            for i, (_, p) in enumerate(self.line_rules)
            if opens_with_repeat(p) and (needle := required_literal(p)).strip()
        )

    def first_line_rule(self, line: str) -> int | None:
        """The index of the first line rule that matches all of ``line``, or None: the
        combined rules without a needle give the first of theirs, and a rule with a
        needle before it is tried when ``line`` holds its needle."""
        combined = self.line_pattern
        if combined is None:
            return next((i for i, (_, p) in enumerate(self.line_rules) if p.fullmatch(line)), None)
        m = combined.fullmatch(line)
        first = int(m.lastgroup[1:]) if m and m.lastgroup else len(self.line_rules)
        needles_rule_out = _needles_apply(line)
        low = line.lower() if needles_rule_out else line
        for i, needle in self.line_needles:  # in rule order
            if i >= first:
                break
            if needles_rule_out and needle not in low:
                continue
            if self.line_rules[i][1].fullmatch(line):
                return i
        return first if first < len(self.line_rules) else None


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
    check_keys(
        data,
        {"version", "lines", "blocks", "prompt_verbs", "caption_verbs"},
        path=path,
        where="boilerplate",
    )
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
    return Boilerplate(
        tuple(line_rules),
        tuple(block_rules),
        version,
        _word_list(data, "prompt_verbs", path),
        _word_list(data, "caption_verbs", path),
    )


def _word_list(data: dict[str, object], key: str, path: str) -> frozenset[str]:
    """The lower-cased words of the optional list ``key`` (none when it is missing)."""
    words = require(data, key, list, path=path, where="boilerplate") if key in data else []
    if not all(isinstance(v, str) for v in words):
        raise LexiconError(path, line_of(data, key), key, "expected strings")
    return frozenset(v.lower() for v in words)


@cache
def default_boilerplate() -> Boilerplate:
    return parse_package_yaml("boilerplate.yaml", parse_boilerplate)


def load_boilerplate(path: str | Path | None = None) -> Boilerplate:
    """The default rules, or a user's boilerplate YAML."""
    return load_yaml_data(path, default_boilerplate, parse_boilerplate)


def line_rule(rules: Boilerplate, line: str) -> str | None:
    """The reason of the first line rule that matches all of ``line``, if any."""
    index = rules.first_line_rule(line)
    return rules.line_rules[index][0] if index is not None else None
