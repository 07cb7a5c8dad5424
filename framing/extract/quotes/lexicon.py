"""Reporting verbs: the lexicon of lemmas, classes, inflected forms and frames (verbs.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from framing.alternation import literal_trie
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    load_yaml_data,
    parse_package_yaml,
    require,
)

# the frames that list verbs (verbs.yaml, "Frames"); "prepositions" maps verbs to words
WORD_FRAMES = (
    "object",
    "as",
    "that_only",
    "indirect_object",
    "question",
    "hearer_to",
    "predicative",
)


@dataclass(frozen=True)
class VerbLexicon:
    """Reporting verbs by lemma: class, inflected forms, frames; see verbs.yaml."""

    version: str
    lemma_class: dict[str, str]
    form_lemma: dict[str, str]
    object_verbs: frozenset[str]
    as_verbs: frozenset[str]
    that_only: frozenset[str]
    indirect_object: frozenset[str]
    question_verbs: frozenset[str]
    hearer_to: frozenset[str]
    predicative: frozenset[str]
    prepositions: dict[str, frozenset[str]]
    nouns: dict[str, str]
    verb_pattern: re.Pattern[str]
    noun_pattern: re.Pattern[str]

    def lemma(self, form: str) -> str | None:
        """The lemma of an inflected form ("insisted" -> "insist"), or None."""
        return self.form_lemma.get(form.lower())


def inflect(lemma: str) -> set[str]:
    """Regular English forms of a verb: lemma, -s, -ed, -ing."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


def _word_list(node: Any, key: str, *, path: str, where: str) -> list[str]:
    value = node.get(key) or []
    if not isinstance(value, list):
        raise LexiconError(path, line_of(node, key), f"{where}.{key}", "expected a list")
    for item in value:
        if not isinstance(item, str):
            raise LexiconError(
                path,
                line_of(node, key),
                f"{where}.{key}",
                f"expected words, got {item!r} (quote it: YAML reads on/no/yes as booleans)",
            )
    return list(value)


def parse_verbs(data: object, *, path: str, version: str) -> VerbLexicon:
    """Validate verbs YAML data (see framing/lexicons/verbs.yaml) and compile its patterns."""
    check_keys(data, {"version", "classes", "forms", "frames", "nouns"}, path=path, where="verbs")
    classes = require(data, "classes", dict, path=path, where="verbs")
    lemma_class: dict[str, str] = {}
    for name in classes:
        for lemma in _word_list(classes, name, path=path, where="classes"):
            if lemma in lemma_class:
                raise LexiconError(
                    path,
                    line_of(classes, name),
                    f"classes.{name}",
                    f"{lemma!r} is already in class {lemma_class[lemma]!r}",
                )
            lemma_class[lemma] = str(name)
    assert isinstance(data, dict)
    forms_node = data.get("forms") or {}
    frames = data.get("frames") or {}
    nouns_node = data.get("nouns") or {}
    for key, node in (("forms", forms_node), ("frames", frames), ("nouns", nouns_node)):
        if not isinstance(node, dict):
            raise LexiconError(path, line_of(data, key), key, "expected a mapping")
    check_keys(frames, {*WORD_FRAMES, "prepositions"}, path=path, where="frames")

    def known(lemma: str, node: Any, key: str, where: str) -> str:
        if lemma not in lemma_class:
            raise LexiconError(path, line_of(node, key), where, f"unknown verb {lemma!r}")
        return lemma

    form_lemma: dict[str, str] = {}
    for lemma in lemma_class:
        if " " not in lemma:
            for form in sorted(inflect(lemma)):  # same pattern every run
                form_lemma.setdefault(form, lemma)
    for lemma in forms_node:
        known(str(lemma), forms_node, lemma, f"forms.{lemma}")
        for form in _word_list(forms_node, lemma, path=path, where="forms"):
            form_lemma[form.lower()] = str(lemma)
    frame_sets: dict[str, frozenset[str]] = {}
    for key in WORD_FRAMES:
        words = _word_list(frames, key, path=path, where="frames")
        frame_sets[key] = frozenset(known(w, frames, key, f"frames.{key}") for w in words)
    preps_node = frames.get("prepositions") or {}
    if not isinstance(preps_node, dict):
        raise LexiconError(path, line_of(frames, "prepositions"), "frames.prepositions", "mapping")
    prepositions = {
        known(str(k), preps_node, k, f"frames.prepositions.{k}"): frozenset(
            _word_list(preps_node, k, path=path, where="frames.prepositions")
        )
        for k in preps_node
    }
    nouns = {
        str(n).lower(): known(str(v), nouns_node, n, f"nouns.{n}") for n, v in nouns_node.items()
    }
    verb_pattern = re.compile(r"(?<![\w’'-])(" + _longest_first(form_lemma) + r")(?![\w’'-])")
    # "X's claim that", "the announcement by Ukrainian President Volodymyr Zelensky that"
    noun_pattern = re.compile(
        r"(?<![\w-])("
        + _longest_first(nouns)
        + r")(?:\s+by((?:\s+[A-Z][\w’'.\-]*){1,5}))?\s+that\b"
    )
    return VerbLexicon(
        version,
        lemma_class,
        form_lemma,
        frame_sets["object"],
        frame_sets["as"],
        frame_sets["that_only"],
        frame_sets["indirect_object"],
        frame_sets["question"],
        frame_sets["hearer_to"],
        frame_sets["predicative"],
        prepositions,
        nouns,
        verb_pattern,
        noun_pattern,
    )


@cache
def default_verbs() -> VerbLexicon:
    """The packaged reporting-verb lexicon, parsed once per process."""
    return parse_package_yaml("verbs.yaml", parse_verbs)


def _longest_first(words: Iterable[str]) -> str:
    """Alternation of ``words`` (escaped), longest first, as a prefix trie (case-sensitive)."""
    escaped = sorted(((re.escape(w), w) for w in words), key=lambda e: len(e[0]), reverse=True)
    return literal_trie([w for _, w in escaped])


def load_verbs(path: str | Path | None = None) -> VerbLexicon:
    """The default reporting-verb lexicon (cached), or a user's verbs YAML."""
    return load_yaml_data(path, default_verbs, parse_verbs)
