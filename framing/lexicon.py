"""Load and validate the YAML files that hold domain knowledge (lexicons, actors, verbs, styles).

Errors name the file, the line and the offending key (``LexiconError``), so a user
who edits a lexicon sees ``my_terms.yaml:12: groups[3].variants: expected a list``
instead of a traceback. Package files are read with ``importlib.resources`` and
cached, so each is parsed once per process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")


class LexiconError(ValueError):
    """A lexicon file is unreadable or does not match its schema."""

    def __init__(self, path: str, line: int | None, key: str, message: str) -> None:
        self.path, self.line, self.key, self.message = path, line, key, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {key + ': ' if key else ''}{message}")


class LineDict(dict[str, Any]):
    """A mapping that remembers the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that remembers its own 1-based line and that of each item."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def parse_yaml(text: str, path: str) -> Any:
    """Parse YAML text into LineDict/LineList values; syntax errors become LexiconError."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise LexiconError(path, line, "", f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(path, None, "", f"invalid YAML: {exc}") from None


def read_yaml(path: str | Path) -> tuple[Any, str]:
    """Read a user's YAML file; return (data, text digest)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(p), None, "", f"cannot read: {exc}") from None
    return parse_yaml(text, str(p)), digest(text)


@cache
def read_package_yaml(name: str) -> tuple[Any, str]:
    """Read ``framing/lexicons/<name>`` (package data) once per process."""
    text = resources.files("framing.lexicons").joinpath(name).read_text(encoding="utf-8")
    return parse_yaml(text, f"framing/lexicons/{name}"), digest(text)


def parse_package_yaml(name: str, parse: Callable[..., T]) -> T:
    """``parse`` of the packaged ``framing/lexicons/<name>`` (cache the result in the caller)."""
    data, version = read_package_yaml(name)
    return parse(data, path=f"framing/lexicons/{name}", version=version)


def load_yaml_data(path: str | Path | None, default: Callable[[], T], parse: Callable[..., T]) -> T:
    """``default()`` (the packaged data) when ``path`` is None, else ``parse`` of the user's
    YAML at ``path`` (``parse(data, path=..., version=...)``, as for the packaged file)."""
    if path is None:
        return default()
    data, version = read_yaml(path)
    return parse(data, path=str(path), version=version)


def digest(text: str) -> str:
    """Short content hash, recorded as a lexicon's version in caches and reports."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """Best-known line of ``node`` (or of ``node[key]``) for error messages."""
    if isinstance(node, LineDict):
        return node.key_lines.get(str(key), node.line) if key is not None else node.line
    if isinstance(node, LineList):
        if isinstance(key, int) and 0 <= key < len(node.item_lines):
            return node.item_lines[key]
        return node.line
    return None


def require(node: Any, key: str, kind: type | tuple[type, ...], *, path: str, where: str) -> Any:
    """``node[key]``, checked to be of ``kind``; raise a LexiconError naming file and line."""
    if not isinstance(node, dict):
        raise LexiconError(path, line_of(node), where, "expected a mapping")
    if key not in node:
        raise LexiconError(path, line_of(node), where, f"missing key {key!r}")
    value = node[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        expected = {"str": "a string", "list": "a list", "dict": "a mapping"}.get(names, names)
        raise LexiconError(path, line_of(node, key), f"{where}.{key}", f"expected {expected}")
    return value


def check_keys(node: Any, allowed: set[str], *, path: str, where: str) -> None:
    """Refuse unknown keys (a typo such as ``varaints`` must not be silently ignored)."""
    if not isinstance(node, dict):
        raise LexiconError(path, line_of(node), where, "expected a mapping")
    for key in node:
        if key not in allowed:
            raise LexiconError(
                path,
                line_of(node, key),
                f"{where}.{key}",
                f"unknown key (allowed: {', '.join(sorted(allowed))})",
            )
