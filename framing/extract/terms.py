"""Lexical framing: which variant of a contested term an article uses, in whose voice.

The lexicon (``framing/lexicons/terms.yaml``, or a user's YAML with the same schema)
holds groups of competing variants ("Kyiv" / "Kiev", "war" / "special military
operation"), each with a pole (``ru_state``, ``ua_western``, ``neutral``, ``other``)
and the sources that document the usage: the Ukrainian transliteration standard
(Cabinet of Ministers Resolution No. 55, 2010), the #CorrectUA / #KyivNotKiev
campaign (2018), the 2019 AP Stylebook and BBC switch to "Kyiv", the Guardian style
guide, Russian official usage ("special military operation", February 2022).

Matching rules (exact and auditable):

* case-insensitive; ``'`` and ``’`` are interchangeable;
* a possessive counts as its base form ("Kyiv’s" is Kyiv; ``matched`` keeps the "’s");
* word boundaries: "Kyivstar" is not Kyiv; in groups with ``compounds: false`` a
  hyphenated compound is not a match either ("post-war", "war-torn" are not the war);
* a space or hyphen inside a form matches any run of spaces or hyphens on the same
  line ("full-scale invasion" = "full scale invasion");
* ``(word)`` in a form is optional: "maximalist (territorial) demands";
* the longest form wins, and each stretch of text is counted once: "Kyiv regime" is
  government_label only, "prisoners of war" is ``non_conflict`` (``counts: false``),
  not the war.

The whole lexicon is compiled into ONE regular expression when it is loaded (one
named group per form, longest forms first); :func:`load_lexicon` caches it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import takewhile
from pathlib import Path
from typing import Any

from framing.alternation import FoldedPattern, prefix_trie
from framing.document import Document
from framing.intervals import Intervals
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    parse_package_yaml,
    read_yaml,
    require,
)
from framing.tables import TERM_ROW

TERM_COLUMNS = tuple(TERM_ROW)  # the declared order (framing.tables)
NARRATOR = "narrator"
QUOTED = "quoted"
UNATTRIBUTED = "unattributed"  # quote_kind of a quotation with no quote row
DEFAULT_NAME = "terms.yaml"
SCHEMA_VERSION = 1
DEFAULT_PATH = f"framing/lexicons/{DEFAULT_NAME}"

_TOP_KEYS = {"version", "extends", "poles", "groups"}
_GROUP_KEYS = {"group", "description", "counts", "compounds", "alternatives", "variants"}
_VARIANT_KEYS = {"variant", "pole", "forms", "sources", "note", "counts"}
_HYPHENS = "\\-‐‑"  # hyphen-minus, hyphen, non-breaking hyphen
_SEP = rf"(?:[^\S\n]|[{_HYPHENS}])+"  # spaces or hyphens, never across a line break
_WORD_SPLIT = re.compile(rf"[\s{_HYPHENS}]+")
_FORM_TOKEN = re.compile(r"\(([^()]*)\)|([^\s()]+)")
_APOSTROPHE = re.compile("['’]")
_POSSESSIVE = r"(?:['’]s(?!\w))?"


@dataclass(frozen=True, slots=True)
class Variant:
    """One variant of a group: its name, pole, surface forms and documenting sources."""

    group: str
    variant: str
    pole: str
    forms: tuple[str, ...]
    sources: tuple[str, ...]
    counts: bool = True
    note: str = ""


@dataclass(frozen=True, slots=True)
class Group:
    """Competing variants for one referent."""

    group: str
    description: str
    counts: bool
    compounds: bool
    variants: tuple[Variant, ...]
    alternatives: bool = True  # False: a list of loaded expressions, not rival names


@dataclass(frozen=True)
class Lexicon:
    """A validated term lexicon with its single compiled pattern.

    ``version`` is a digest of the YAML text(s); ``form_variants[i]`` is the variant of
    the pattern's named group ``f{i}``.
    """

    groups: tuple[Group, ...]
    poles: Mapping[str, str]
    version: str
    path: str
    pattern: FoldedPattern
    form_variants: tuple[Variant, ...]

    @property
    def variants(self) -> tuple[Variant, ...]:
        """Every variant, group by group, in file order."""
        return tuple(v for g in self.groups for v in g.variants)

    def variant(self, group: str, name: str) -> Variant:
        """The variant ``name`` of ``group`` (KeyError if absent)."""
        for v in self.variants:
            if v.group == group and v.variant == name:
                return v
        raise KeyError(f"{group}/{name}")


# ------------------------------------------------------------------ form syntax


def form_parts(form: str) -> list[tuple[str, bool]]:
    """Split a form into ``(words, optional)`` parts: "a (b) c" -> [(a, F), (b, T), (c, F)]."""
    if form.count("(") != form.count(")"):
        raise ValueError("unbalanced parentheses")
    parts: list[tuple[str, bool]] = []
    rest = _FORM_TOKEN.sub("", form).strip()
    if rest:
        raise ValueError(f"unexpected {rest!r} (optional words go in non-nested parentheses)")
    for m in _FORM_TOKEN.finditer(form):
        optional = m.group(1) is not None
        words = (m.group(1) if optional else m.group(2)).strip()
        if not words:
            raise ValueError("empty parentheses")
        parts.append((words, optional))
    if not any(not optional for _, optional in parts):
        raise ValueError("a form needs at least one word outside parentheses")
    return parts


def form_key(form: str) -> str:
    """Normal form used to detect duplicates: case, spacing, hyphens and apostrophes folded."""
    return " ".join(_WORD_SPLIT.split(form.casefold().replace("’", "'").strip()))


def _words_regex(words: str) -> str:
    pieces = [w for w in _WORD_SPLIT.split(words.strip()) if w]
    return _SEP.join(_APOSTROPHE.sub("['’]", re.escape(p)) for p in pieces)


def _parts_regex(parts: Sequence[tuple[str, bool]]) -> str:
    out = ""
    need_sep = False
    for words, optional in parts:
        body = _words_regex(words)
        if optional:
            out += f"(?:{_SEP}{body})?" if need_sep else f"(?:{body}{_SEP})?"
        else:
            out += (_SEP if need_sep else "") + body
            need_sep = True
    return out


def form_regex(form: str) -> str:
    """Regex source of one form (without boundaries); see the module docstring."""
    return _parts_regex(form_parts(form))


def form_expansions(form: str) -> list[tuple[str, str]]:
    """``(first word, regex)`` alternatives equivalent, in this order, to :func:`form_regex`.

    A leading optional word is spelled out ("(the) Kyiv regime" -> "the Kyiv regime",
    then "Kyiv regime": the order in which ``(?:the )?`` tries them), so that every
    alternative starts with a known word and the pattern can dispatch on it.
    """
    expansions: list[list[tuple[str, bool]]] = []
    pending = [form_parts(form)]
    while pending:
        parts = pending.pop(0)
        words, optional = parts[0]
        if optional:
            pending[:0] = [[(words, False), *parts[1:]], parts[1:]]
        else:
            expansions.append(parts)
    return [(parts[0][0].strip(), _parts_regex(parts)) for parts in expansions]


def _form_length(form: str) -> tuple[int, int]:
    """Sort key: longest first (full written length, then number of words)."""
    return (-len(form), -len(_WORD_SPLIT.split(form)))


def _split_prefix(regex: str) -> tuple[str, str]:
    """``regex`` as its leading letters and digits (literal text) and the rest."""
    prefix = "".join(takewhile(str.isalnum, regex))
    return prefix, regex[len(prefix) :]


def _form_alternative(regex: str, compounds: bool, name: str) -> tuple[str, str]:
    r"""``(prefix, tail)`` of one form's alternative: ``prefix + tail`` matches what
    ``(?P<name>before regex possessive after)`` matches, ending with an empty ``name``
    group so that it is ``lastgroup``; the leading literal ``prefix`` stands alone so
    that forms sharing it can be tried together (:func:`prefix_trie`).

    The no-compound lookbehind ``(?<!\w-)`` is moved after the prefix, where it looks
    back over the prefix too: the text there is the prefix, so it tests the same two
    characters.
    """
    prefix, tail = _split_prefix(regex)
    if compounds:
        return prefix, rf"{tail}{_POSSESSIVE}(?!\w)(?P<{name}>)"
    before = rf"(?<!\w[{_HYPHENS}]{prefix})"
    return prefix, rf"{before}{tail}{_POSSESSIVE}(?!\w)(?![{_HYPHENS}]\w)(?P<{name}>)"


def compile_pattern(groups: Sequence[Group]) -> tuple[FoldedPattern, tuple[Variant, ...]]:
    """ONE case-insensitive regex for all forms, longest first; named group ``f{i}`` per form.

    Equivalent to the alternation of the forms in that order (same matches, spans and
    ``lastgroup``), but with the forms' common leading letters written once
    (:func:`framing.alternation.prefix_trie`), so that a word start tries each prefix
    once instead of every form: ``form_variants[i]`` is the variant of the empty group
    ``f{i}`` that closes form ``i``'s alternative (a form with a leading optional word
    has two groups). The pattern has a case-sensitive twin for lower-cased text
    (:class:`framing.alternation.FoldedPattern`).
    """
    entries = [
        (form, variant, group.compounds)
        for group in groups
        for variant in group.variants
        for form in variant.forms
    ]
    entries.sort(key=lambda e: _form_length(e[0]))
    compounds = [c for _, _, c in entries]
    form_variants = tuple(variant for form, variant, _ in entries for _ in form_expansions(form))
    pattern = FoldedPattern.build(
        [form for form, _, _ in entries], lambda forms: _forms_source(forms, compounds)
    )
    return pattern, form_variants


def _forms_source(forms: Sequence[str], compounds: Sequence[bool]) -> str:
    """Regex source of :func:`compile_pattern` for ``forms`` (sorted longest first), each
    with whether its group allows compounds; group ``f{i}`` closes expansion ``i``."""
    alternatives: list[tuple[str, str]] = []
    for form, allow in zip(forms, compounds, strict=True):
        for _, regex in form_expansions(form):
            alternatives.append(_form_alternative(regex, allow, f"f{len(alternatives)}"))
    return rf"(?<!\w){prefix_trie(alternatives)}"


# ------------------------------------------------------------------ schema


def _string_list(node: Any, key: str, *, path: str, where: str) -> list[str]:
    value = require(node, key, list, path=path, where=where)
    if not value:
        raise LexiconError(path, line_of(node, key), f"{where}.{key}", "expected a non-empty list")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(
                path,
                line_of(value, i),
                f"{where}.{key}[{i}]",
                f"expected a non-empty string, got {item!r} (quote it: YAML reads on/no/yes "
                "as booleans and a # as a comment)",
            )
    return [item.strip() for item in value]


def _optional(node: Any, key: str, kind: type, default: Any, *, path: str, where: str) -> Any:
    if key not in node:
        return default
    return require(node, key, kind, path=path, where=where)


def _parse_variant(
    node: Any, group: str, group_counts: bool, poles: Mapping[str, str], *, path: str, where: str
) -> Variant:
    check_keys(node, _VARIANT_KEYS, path=path, where=where)
    name = require(node, "variant", str, path=path, where=where).strip()
    pole = require(node, "pole", str, path=path, where=where)
    if pole not in poles:
        raise LexiconError(
            path,
            line_of(node, "pole"),
            f"{where}.pole",
            f"unknown pole {pole!r} (declared: {', '.join(poles)})",
        )
    forms = _string_list(node, "forms", path=path, where=where)
    forms_node = node["forms"]
    for i, form in enumerate(forms):
        try:
            form_parts(form)
        except ValueError as exc:
            raise LexiconError(
                path, line_of(forms_node, i), f"{where}.forms[{i}]", f"{form!r}: {exc}"
            ) from None
    sources = _string_list(node, "sources", path=path, where=where)
    counts = _optional(node, "counts", bool, group_counts, path=path, where=where)
    note = _optional(node, "note", str, "", path=path, where=where)
    return Variant(group, name, pole, tuple(forms), tuple(sources), counts, note)


def _parse_group(node: Any, poles: Mapping[str, str], *, path: str, where: str) -> Group:
    check_keys(node, _GROUP_KEYS, path=path, where=where)
    name = require(node, "group", str, path=path, where=where).strip()
    description = _optional(node, "description", str, "", path=path, where=where)
    counts = _optional(node, "counts", bool, True, path=path, where=where)
    compounds = _optional(node, "compounds", bool, True, path=path, where=where)
    alternatives = _optional(node, "alternatives", bool, True, path=path, where=where)
    variants_node = require(node, "variants", list, path=path, where=where)
    if not variants_node:
        raise LexiconError(path, line_of(node, "variants"), f"{where}.variants", "empty list")
    variants: list[Variant] = []
    for i, item in enumerate(variants_node):
        vwhere = f"{where}.variants[{i}]"
        variant = _parse_variant(item, name, counts, poles, path=path, where=vwhere)
        if any(v.variant == variant.variant for v in variants):
            raise LexiconError(
                path,
                line_of(item, "variant"),
                f"{vwhere}.variant",
                f"duplicate variant {variant.variant!r} in group {name!r}",
            )
        variants.append(variant)
    return Group(name, description, counts, compounds, tuple(variants), alternatives)


def _parse_poles(data: Any, *, path: str) -> dict[str, str]:
    node = require(data, "poles", dict, path=path, where="terms")
    poles: dict[str, str] = {}
    for key, value in node.items():
        if not isinstance(value, str):
            raise LexiconError(path, line_of(node, key), f"poles.{key}", "expected a description")
        poles[str(key)] = value
    return poles


def _check_forms(
    groups: Sequence[Group], nodes: Mapping[tuple[str, str], tuple[str, Any, str]]
) -> None:
    """Refuse a form listed twice (in one variant or across variants), naming its line."""
    seen: dict[str, Variant] = {}
    for group in groups:
        for variant in group.variants:
            for i, form in enumerate(variant.forms):
                key = form_key(form)
                if key in seen:
                    other = seen[key]
                    path, forms_node, where = nodes[(group.group, variant.variant)]
                    raise LexiconError(
                        path,
                        line_of(forms_node, i),
                        f"{where}.forms[{i}]",
                        f"duplicate form {form!r} (also in {other.group}/{other.variant})",
                    )
                seen[key] = variant


def parse_lexicon(data: Any, *, path: str, version: str, base: Lexicon | None = None) -> Lexicon:
    """Validate term-lexicon YAML data (schema: the head of terms.yaml) and compile it.

    ``base`` is the lexicon that ``extends: default`` adds to (its groups come first; a
    group of ``data`` with the same name replaces the base's group).
    """
    if data is None:
        raise LexiconError(path, None, "", "empty file")
    check_keys(data, _TOP_KEYS, path=path, where="terms")
    schema = require(data, "version", int, path=path, where="terms")
    if schema != SCHEMA_VERSION:
        raise LexiconError(
            path, line_of(data, "version"), "terms.version", f"unsupported version {schema}"
        )
    extends = _optional(data, "extends", str, "", path=path, where="terms")
    if extends not in ("", "default"):
        raise LexiconError(path, line_of(data, "extends"), "extends", "only 'default' is supported")
    poles = dict(base.poles) if extends and base is not None else {}
    if "poles" in data or not poles:
        poles.update(_parse_poles(data, path=path))
    groups_node = require(data, "groups", list, path=path, where="terms")
    own: list[Group] = []
    nodes: dict[tuple[str, str], tuple[str, Any, str]] = {}
    for i, node in enumerate(groups_node):
        where = f"groups[{i}]"
        group = _parse_group(node, poles, path=path, where=where)
        if any(g.group == group.group for g in own):
            raise LexiconError(
                path, line_of(node, "group"), f"{where}.group", f"duplicate group {group.group!r}"
            )
        own.append(group)
        for j, v in enumerate(group.variants):
            nodes[(group.group, v.variant)] = (
                path,
                node["variants"][j]["forms"],
                f"{where}.variants[{j}]",
            )
    groups = own
    if extends and base is not None:
        names = {g.group for g in own}
        kept = [g for g in base.groups if g.group not in names]
        for g in kept:
            for v in g.variants:
                nodes[(g.group, v.variant)] = (base.path, None, f"{g.group}/{v.variant}")
        groups = kept + own
        version = f"{base.version}+{version}"
    _check_forms(groups, nodes)
    pattern, form_variants = compile_pattern(groups)
    return Lexicon(tuple(groups), poles, version, path, pattern, form_variants)


@cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, parsed and compiled once per process."""
    return parse_package_yaml(DEFAULT_NAME, parse_lexicon)


@cache
def _file_lexicon(path: str, mtime_ns: int, size: int) -> Lexicon:
    data, version = read_yaml(path)
    return parse_lexicon(data, path=path, version=version, base=default_lexicon())


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """The default lexicon, or a user's YAML (replaces it, or adds to it with ``extends``).

    Cached: a file is parsed and compiled again only when it changes on disk.
    """
    if path is None:
        return default_lexicon()
    try:
        stat = Path(path).stat()
    except OSError as exc:
        raise LexiconError(str(path), None, "", f"cannot read: {exc}") from None
    return _file_lexicon(str(path), stat.st_mtime_ns, stat.st_size)


# ------------------------------------------------------------------ extraction


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _is_offset(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


class _QuoteRows:
    """``(start, end, row)`` of each quote row, offsets read once for all matches, and an
    interval index over them (a match reads only the rows that hold it)."""

    def __init__(self, quotes: Sequence[Mapping[str, Any]]) -> None:
        self.spans = [(int(row["start"]), int(row["end"]), row) for row in quotes]
        self.index = Intervals([(start, end) for start, end, _ in self.spans])


def _enclosing_quote(offset: int, rows: _QuoteRows) -> Mapping[str, Any] | None:
    """The narrowest quote row whose [start, end) contains ``offset`` (the first of equals)."""
    best: Mapping[str, Any] | None = None
    best_width = 0
    for start, end, row in (rows.spans[i] for i in rows.index.containing(offset)):
        if best is None or end - start < best_width:
            best, best_width = row, end - start
    return best


def _voice(row: Mapping[str, Any] | None, in_marks: bool) -> tuple[str, str, str, str]:
    """:func:`voice_at` from the enclosing quote row and whether the offset is inside
    quotation marks."""
    if row is not None:
        return QUOTED, _text(row.get("speaker")), _text(row.get("kind")), _text(row.get("quote_id"))
    if in_marks:
        return QUOTED, "", UNATTRIBUTED, ""
    return NARRATOR, "", "", ""


def _in_marks(doc: Document, offset: int) -> bool:
    """Whether ``offset`` is inside the inner span of a Document quotation."""
    span = doc.quote_at(offset)
    return span is not None and span.inner_start <= offset < span.inner_end


def _statement_at(offset: int, spans: _QuoteRows, in_marks: bool) -> Mapping[str, Any] | None:
    """The quote row whose words are at ``offset``: the narrowest enclosing row, but not a
    direct statement outside its quotation marks (the tag of "“A,” he said, “B.”")."""
    row = _enclosing_quote(offset, spans)
    if row is not None and not in_marks and row.get("kind") == "direct":
        return None
    return row


def voice_at(
    doc: Document, offset: int, quotes: Sequence[Mapping[str, Any]] = ()
) -> tuple[str, str, str, str]:
    """``(voice, speaker, quote_kind, quote_id)`` of the text at ``offset``.

    Quoted when inside a quote row (direct, partial or indirect: its speaker) or
    inside the inner span of a Document quotation with no row (speaker "").
    """
    in_marks = _in_marks(doc, offset)
    return _voice(_statement_at(offset, _QuoteRows(quotes), in_marks), in_marks)


def extract_terms(
    doc: Document,
    *,
    quotes: Sequence[Mapping[str, Any]] = (),
    lexicon: Lexicon | None = None,
) -> list[dict[str, Any]]:
    """One row per lexicon match, in text order.

    Columns: article_id, source, group, variant, pole, matched (as written, with any
    possessive), voice (``narrator``/``quoted``), speaker (of the enclosing quote row,
    else ""), paragraph, start, end (offsets into ``doc.text``), context (KWIC), then
    sentence_idx, quote_kind (direct/partial/indirect, ``unattributed`` for quote marks
    with no quote row, "" for the narrator), quote_id, counts (False for recognised
    non-framing phrases such as "prisoners of war"), own_words (True outside quotation
    marks: the narrator's text and reported speech, the clause around a partial quote
    included, whose wording is the outlet's own:
    "Russian officials insist on withdrawal from the Donbass" is RT's spelling, not
    the officials').
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    spans = _QuoteRows(
        [q for q in quotes if _is_offset(q.get("start")) and _is_offset(q.get("end"))]
    )
    rows: list[dict[str, Any]] = []
    text = doc.text
    for m in lex.pattern.finditer(text):
        name = m.lastgroup
        if name is None:  # pragma: no cover - every alternative is a named group
            continue
        variant = lex.form_variants[int(name[1:])]
        start, end = m.span()
        in_marks = _in_marks(doc, start)
        voice, speaker, quote_kind, quote_id = _voice(
            _statement_at(start, spans, in_marks), in_marks
        )
        rows.append(
            {
                "article_id": doc.article_id,
                "source": doc.source,
                "group": variant.group,
                "variant": variant.variant,
                "pole": variant.pole,
                "matched": text[start:end],
                "voice": voice,
                "speaker": speaker,
                "paragraph": doc.paragraph_at(start),
                "start": start,
                "end": end,
                "context": doc.context(start, end),
                "sentence_idx": doc.sentence_at(start).index if doc.sentences else -1,
                "quote_kind": quote_kind,
                "quote_id": quote_id,
                "counts": variant.counts,
                "own_words": not in_marks,
            }
        )
    return rows
