"""Plain-text cleaning: boilerplate and repeated paragraphs out, every removal recorded.

Rules are data (``framing/lexicons/boilerplate.yaml``). The cleaner works on the
lines of the loaded text and returns the kept paragraphs (with their original line
numbers, for :func:`framing.document.build_document`) and one :class:`Removal` per
removed line, the rows of the ``cleaning`` table. In order:

1. blocks (a publisher's appeal from its first to its last line);
2. whole-line patterns (cookie banners, photo captions, agency credits, ...);
3. paragraphs are formed from the kept lines (one per line, or a block of
   hard-wrapped lines separated by blank lines);
4. a paragraph that repeats an earlier paragraph of the same article is removed
   (``duplicate``, with the line it repeats), so no count doubles;
5. the trailing run of blank lines is removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from framing.alternation import ASCII_CASE_TWINS, opens_with_repeat, required_literal
from framing.corpus import Article
from framing.document import Document, build_document
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)
from framing.memo import Memo

DUPLICATE = "duplicate"
TRAILING_BLANK = "trailing_blank"
MIN_DUPLICATE_WORDS = 4  # shorter repeated lines ("Military included") may be legitimate
_TERMINAL = tuple('.!?:;"”’»)')
# backreferences, conditionals and named groups: a rule with one is not combined
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P[=<]|\(\?\(")
_QUOTE_FOLD = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"'))


@dataclass(frozen=True, slots=True)
class Removal:
    """A removed line: 1-based ``line`` in the loaded text, why, and what it said."""

    line: int
    reason: str
    text: str
    duplicate_of: int | None = None


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
        (:func:`framing.alternation.required_literal`)."""
        return tuple(
            (i, needle)
            for i, (_, p) in enumerate(self.line_rules)
            if opens_with_repeat(p) and (needle := required_literal(p))
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


@dataclass(frozen=True)
class Cleaned:
    """Output of :func:`clean_text`: kept paragraphs and the removal log."""

    paragraphs: tuple[tuple[int, str, tuple[tuple[int, int], ...]], ...]
    removals: tuple[Removal, ...]
    warnings: tuple[str, ...] = field(default=())


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


def fingerprint(text: str) -> str:
    """Comparison key for duplicate paragraphs: case, spacing and quote style folded."""
    for mark, plain in _QUOTE_FOLD:
        text = text.replace(mark, plain)  # str.replace: much faster than str.translate here
    return " ".join(text.casefold().split())


def _remove_blocks(
    lines: list[str], rules: Boilerplate, removed: dict[int, Removal], warnings: list[str]
) -> None:
    """Remove the block rules' blocks from ``lines`` (stripped)."""
    for i, line in enumerate(lines):
        if i in removed:
            continue
        for rule in rules.block_rules:
            if not rule.start.fullmatch(line):
                continue
            reach = range(i, min(i + rule.max_lines, len(lines)))
            end = next((j for j in reach if rule.end.fullmatch(lines[j])), None)
            if end is None:
                warnings.append(
                    f"line {i + 1}: {rule.reason} block starts here but its end "
                    f"was not found within {rule.max_lines} lines; nothing removed"
                )
                break
            for j in range(i, end + 1):
                if lines[j]:
                    removed[j] = Removal(j + 1, rule.reason, lines[j])
            break


def _line_rule(rules: Boilerplate, line: str) -> str | None:
    """The reason of the first line rule that matches all of ``line``, if any."""
    combined = rules.line_pattern_for(line)
    if combined is not None:
        m = combined.fullmatch(line)
        return rules.line_rules[int(m.lastgroup[1:])][0] if m and m.lastgroup else None
    return next((reason for reason, p in rules.line_rules if p.fullmatch(line)), None)


def _remove_lines(lines: list[str], rules: Boilerplate, removed: dict[int, Removal]) -> None:
    """Remove the ``lines`` (stripped) that a line rule matches."""
    for i, line in enumerate(lines):
        if i in removed or not line:
            continue
        reason = _line_rule(rules, line)
        if reason is not None:
            removed[i] = Removal(i + 1, reason, line)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when paragraphs are blocks of several lines separated by blank lines."""
    blocks, current = [], 0
    for line in lines:
        if line:
            current += 1
        elif current:
            blocks.append(current)
            current = 0
    if current:
        blocks.append(current)
    multi = [b for b in blocks if b > 1]
    return len(blocks) > 1 and len(multi) * 2 >= len(blocks)


def _paragraphs(lines: list[str], removed: dict[int, Removal]) -> list[list[int]]:
    """Group kept line indexes into paragraphs (``lines`` stripped)."""
    wrapped = _is_hard_wrapped(lines)
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if not line or i in removed:
            if current and (not line or not wrapped):
                groups.append(current)
                current = []
            continue
        if current and not wrapped:
            prev = lines[current[-1]]
            joins = prev.endswith(("-", ",")) or (
                not prev.endswith(_TERMINAL) and line[:1].islower()
            )
            if not joins:
                groups.append(current)
                current = []
        current.append(i)
    if current:
        groups.append(current)
    return groups


def clean_text(text: str, rules: Boilerplate | None = None) -> Cleaned:
    """Clean normalised text (``\\n`` line ends); see the module docstring for the steps."""
    rules = rules or default_boilerplate()
    lines = [line.strip() for line in text.split("\n")]  # every step reads them stripped
    removed: dict[int, Removal] = {}
    warnings: list[str] = []
    _remove_blocks(lines, rules, removed, warnings)
    _remove_lines(lines, rules, removed)

    keys = [fingerprint(line) for line in lines]
    first_seen: dict[str, int] = {}
    for i, key in enumerate(keys):  # captions repeated verbatim point at their first copy
        if i in removed and key in first_seen and removed[i].duplicate_of is None:
            r = removed[i]
            removed[i] = Removal(r.line, r.reason, r.text, first_seen[key] + 1)
        first_seen.setdefault(key, i)

    paragraphs: list[tuple[int, str, tuple[tuple[int, int], ...]]] = []
    seen_paragraphs: dict[str, list[int]] = {}
    for group in _paragraphs(lines, removed):
        body = " ".join(lines[i] for i in group)
        key = " ".join(keys[i] for i in group)  # fingerprint(body): it folds word by word
        original = seen_paragraphs.get(key)
        if original is not None and len(key.split()) >= MIN_DUPLICATE_WORDS:
            for k, i in enumerate(group):
                removed[i] = Removal(
                    i + 1, DUPLICATE, lines[i], original[min(k, len(original) - 1)] + 1
                )
            continue
        seen_paragraphs.setdefault(key, group)
        starts, pos = [], 0
        for k, i in enumerate(group):
            if k:
                starts.append((pos, i + 1))
            pos += len(lines[i]) + 1
        paragraphs.append((group[0] + 1, body, tuple(starts)))

    last = len(lines)
    while last and not lines[last - 1]:
        last -= 1
    # the final newline ends the last line; what follows it is not a line
    lines_in_file = len(lines) - 1 if text.endswith("\n") else len(lines)
    for i in range(last, lines_in_file):
        removed[i] = Removal(i + 1, TRAILING_BLANK, "")

    return Cleaned(
        tuple(paragraphs), tuple(sorted(removed.values(), key=lambda r: r.line)), tuple(warnings)
    )


def clean_article(article: Article, rules: Boilerplate | None = None) -> tuple[Document, Cleaned]:
    """Clean a loaded article and build its Document (the one path every command takes)."""
    cleaned = clean_text(article.text, rules)
    doc = build_document(
        article.article_id, article.source, cleaned.paragraphs, title=article.title
    )
    return doc, cleaned
