"""Newsroom style check: report discouraged variants of contested terms, like a linter.

A style (``framing/lexicons/style.yaml``, or a user's YAML with the same schema) names,
for groups of the term lexicon (:mod:`framing.extract.terms`), the variant the house
prefers and the variants to flag ("Kiev" -> "Kyiv"). Each rule has a code (``FR001``),
a message, a suggestion, a severity and the style guide it follows.

What is checked: the outlet's own words. Terms inside direct and partial quotations
(words in quotation marks attributed to a speaker) are the speaker's and are exempt;
indirect speech and narration are checked (``exempt_quotes`` in the style, or
``include_quoted=True``, change this). Terms come from the same Document and
extractors as ``framing analyze`` (:func:`framing.clean.clean_article`,
:func:`~framing.extract.quotes.extract_quotes`, :func:`~framing.extract.terms.extract_terms`).

Positions: ``line``/``col`` are 1-based, in characters, in the original file
(``located == "char"``): cleaned-text offsets are mapped to the loaded line through the
Document's line map, then to the file's own line through an alignment of the two, which
accounts for Markdown markup, zero-width characters and Unicode normalisation. In
JSON/JSONL/CSV records and HTML, whose text is extracted (JSON strings unescaped, CSV
cells unquoted, HTML by trafilatura) without positions, the k-th occurrence of the
matched words in the article's text is found as the k-th occurrence written in the
file from the record's line on (for HTML, in the text of the body: not in tags, the
head, scripts or styles), and its line and column are given (``"char"``). When it is
not written as such (a JSON escape inside the words), the record's line and column 1
(``"record"``), or 1:1 for HTML (``"file"``).

Output formats: ``text`` (``path:line:col: CODE message (suggestion)``) and ``github``
(workflow-command annotations, escaped as ``@actions/core``'s ``command.ts`` does).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.corpus import (
    HTML_SUFFIXES,
    RECORD_SUFFIXES,
    Article,
    CorpusError,
    decode,
    load_corpus,
    strip_markdown,
)
from framing.document import Document, normalise
from framing.extract.terms import Lexicon
from framing.lexicon import (
    LexiconError,
    check_keys,
    line_of,
    read_package_yaml,
    read_yaml,
    require,
)

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_NAME = "style.yaml"
DEFAULT_PATH = f"framing/lexicons/{DEFAULT_NAME}"
SCHEMA_VERSION = 1
SEVERITIES = ("error", "warning", "notice")  # GitHub Actions annotation levels
QUOTE_KINDS = ("direct", "partial", "indirect", "unattributed")
DEFAULT_EXEMPT = ("direct", "partial")
FORMATS = ("text", "github")
FINDING_COLUMNS = (
    "file",
    "line",
    "col",
    "code",
    "severity",
    "message",
    "suggestion",
    "matched",
    "group",
    "variant",
    "voice",
    "quote_kind",
    "speaker",
    "article_id",
    "source",
    "start",
    "end",
    "context",
    "located",
    "rule_source",
)

_TOP_KEYS = {"version", "extends", "disable", "exempt_quotes", "rules"}
_RULE_KEYS = {
    "code",
    "group",
    "prefer",
    "flag",
    "message",
    "suggestion",
    "severity",
    "source",
    "note",
}
_CODE = re.compile(r"[A-Z]+[0-9]+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# ------------------------------------------------------------------ style


@dataclass(frozen=True, slots=True)
class Rule:
    """One style rule: flag ``flag`` variants of ``group`` (the house writes ``prefer``)."""

    code: str
    group: str
    prefer: str
    flag: tuple[str, ...]
    message: str
    suggestion: str
    severity: str
    source: str
    note: str = ""


@dataclass(frozen=True)
class Style:
    """A validated house style: rules, and the quote kinds exempt from them."""

    rules: tuple[Rule, ...]
    exempt_quotes: frozenset[str]
    path: str
    version: str

    def rule_for(self, group: str, variant: str) -> Rule | None:
        """The rule that flags ``group``/``variant``, if any."""
        for rule in self.rules:
            if rule.group == group and variant in rule.flag:
                return rule
        return None


def _string(node: Any, key: str, *, path: str, where: str, default: str | None = None) -> str:
    if default is not None and key not in node:
        return default
    value = require(node, key, str, path=path, where=where)
    if not value.strip():
        raise LexiconError(
            path, line_of(node, key), f"{where}.{key}", "expected a non-empty string"
        )
    return str(value).strip()


def _string_list(node: Any, key: str, *, path: str, where: str) -> list[tuple[str, int | None]]:
    """``node[key]`` as (string, line) pairs; every item must be a non-empty string."""
    value = require(node, key, list, path=path, where=where)
    items = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(
                path, line_of(value, i), f"{where}.{key}[{i}]", f"expected a string, got {item!r}"
            )
        items.append((item.strip(), line_of(value, i)))
    return items


def _variant_names(lexicon: Lexicon, group: str) -> list[str]:
    return [v.variant for g in lexicon.groups if g.group == group for v in g.variants]


def _check_variant(
    lexicon: Lexicon, group: str, name: str, *, path: str, line: int | None, key: str
) -> None:
    names = _variant_names(lexicon, group)
    if name not in names:
        raise LexiconError(
            path,
            line,
            key,
            f"unknown variant {name!r} of group {group!r} (variants: {', '.join(names)})",
        )


def parse_rule(node: Any, lexicon: Lexicon, *, path: str, where: str) -> Rule:
    """Validate one rule against the schema and the term lexicon."""
    check_keys(node, _RULE_KEYS, path=path, where=where)
    code = _string(node, "code", path=path, where=where)
    if not _CODE.fullmatch(code):
        raise LexiconError(
            path, line_of(node, "code"), f"{where}.code", f"{code!r}: expected letters then digits"
        )
    group = _string(node, "group", path=path, where=where)
    groups = [g.group for g in lexicon.groups]
    if group not in groups:
        raise LexiconError(
            path,
            line_of(node, "group"),
            f"{where}.group",
            f"unknown group {group!r} of the term lexicon (groups: {', '.join(groups)})",
        )
    prefer = _string(node, "prefer", path=path, where=where, default="")
    if prefer:
        _check_variant(
            lexicon, group, prefer, path=path, line=line_of(node, "prefer"), key=f"{where}.prefer"
        )
    flag = _string_list(node, "flag", path=path, where=where)
    if not flag:
        raise LexiconError(
            path, line_of(node, "flag"), f"{where}.flag", "expected a non-empty list"
        )
    for i, (name, line) in enumerate(flag):
        key = f"{where}.flag[{i}]"
        _check_variant(lexicon, group, name, path=path, line=line, key=key)
        if name == prefer:
            raise LexiconError(path, line, key, f"{name!r} is also the preferred variant")
    severity = _string(node, "severity", path=path, where=where, default="warning")
    if severity not in SEVERITIES:
        raise LexiconError(
            path,
            line_of(node, "severity"),
            f"{where}.severity",
            f"{severity!r}: expected one of {', '.join(SEVERITIES)}",
        )
    return Rule(
        code=code,
        group=group,
        prefer=prefer,
        flag=tuple(name for name, _ in flag),
        message=_string(node, "message", path=path, where=where),
        suggestion=_string(node, "suggestion", path=path, where=where),
        severity=severity,
        source=_string(node, "source", path=path, where=where),
        note=_string(node, "note", path=path, where=where, default=""),
    )


def _exempt(data: Any, *, path: str, base: Style | None) -> frozenset[str]:
    if "exempt_quotes" not in data:
        return base.exempt_quotes if base is not None else frozenset(DEFAULT_EXEMPT)
    kinds = _string_list(data, "exempt_quotes", path=path, where="style")
    for i, (kind, line) in enumerate(kinds):
        if kind not in QUOTE_KINDS:
            raise LexiconError(
                path,
                line,
                f"style.exempt_quotes[{i}]",
                f"unknown quote kind {kind!r} (kinds: {', '.join(QUOTE_KINDS)})",
            )
    return frozenset(kind for kind, _ in kinds)


def _check_unique(rules: Sequence[tuple[Rule, Any, str]], *, path: str) -> None:
    """Refuse a code used twice, or a variant flagged by two rules (which would win?).

    ``rules`` holds (rule, YAML node or None for a rule of the base style, where).
    """
    codes: set[str] = set()
    flagged: dict[tuple[str, str], str] = {}
    for rule, node, where in rules:
        if rule.code in codes:
            raise LexiconError(
                path, line_of(node, "code"), f"{where}.code", f"duplicate code {rule.code!r}"
            )
        codes.add(rule.code)
        for name in rule.flag:
            other = flagged.setdefault((rule.group, name), rule.code)
            if other != rule.code:
                raise LexiconError(
                    path,
                    line_of(node, "flag"),
                    f"{where}.flag",
                    f"{rule.group}/{name} is also flagged by {other}",
                )


def parse_style(
    data: Any, lexicon: Lexicon, *, path: str, version: str, base: Style | None = None
) -> Style:
    """Validate style YAML data (schema: the head of style.yaml) against ``lexicon``.

    ``base`` is the style that ``extends: default`` starts from: its rules come first,
    and a rule of ``data`` with the same code replaces the base's.
    """
    if data is None:
        raise LexiconError(path, None, "", "empty file")
    check_keys(data, _TOP_KEYS, path=path, where="style")
    schema = require(data, "version", int, path=path, where="style")
    if isinstance(schema, bool) or schema != SCHEMA_VERSION:
        raise LexiconError(
            path, line_of(data, "version"), "style.version", f"unsupported version {schema!r}"
        )
    extends = _string(data, "extends", path=path, where="style", default="")
    if extends not in ("", "default"):
        raise LexiconError(
            path, line_of(data, "extends"), "style.extends", "only 'default' is supported"
        )
    parent = base if extends else None
    own = [
        (parse_rule(node, lexicon, path=path, where=f"rules[{i}]"), node, f"rules[{i}]")
        for i, node in enumerate(require(data, "rules", list, path=path, where="style"))
    ]
    _check_unique(own, path=path)
    if parent is not None:
        mine = {rule.code: (rule, node, where) for rule, node, where in own}
        inherited = [mine.pop(r.code, (r, None, r.code)) for r in parent.rules]
        own = inherited + list(mine.values())
    if "disable" in data:
        known = {rule.code for rule, _, _ in own}
        disabled = _string_list(data, "disable", path=path, where="style")
        for i, (code, line) in enumerate(disabled):
            if code not in known:
                raise LexiconError(
                    path, line, f"style.disable[{i}]", f"no rule has the code {code!r}"
                )
        off = {code for code, _ in disabled}
        own = [item for item in own if item[0].code not in off]
    if parent is not None:  # an own rule may flag a variant that a default rule flags
        _check_unique(own, path=path)
    rules = [rule for rule, _, _ in own]
    if parent is not None:
        version = f"{parent.version}+{version}"
    return Style(tuple(rules), _exempt(data, path=path, base=parent), path, version)


def load_style(path: str | Path | None = None, *, lexicon: Lexicon | None = None) -> Style:
    """The packaged house style, or a user's style YAML, validated against ``lexicon``.

    A user's style with ``extends: default`` starts from the packaged rules. The packaged
    YAML is read once per process; its few rules are checked against each lexicon given.
    """
    from framing.extract.terms import default_lexicon

    lex = lexicon if lexicon is not None else default_lexicon()
    data, version = read_package_yaml(DEFAULT_NAME)
    default = parse_style(data, lex, path=DEFAULT_PATH, version=version)
    if path is None:
        return default
    data, version = read_yaml(path)
    return parse_style(data, lex, path=str(path), version=version, base=default)


# ------------------------------------------------------------------ positions


def original_column(loaded: str, original: str, col: int) -> int:
    """0-based column in ``original`` of the character at ``col`` of ``loaded``.

    ``loaded`` is ``original`` after loading (normalisation, Markdown markup removed);
    the two are aligned with :class:`difflib.SequenceMatcher`. A character that loading
    changed maps to the start of the changed run.
    """
    if loaded == original:
        return col
    matcher = SequenceMatcher(None, loaded, original, autojunk=False)
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if i1 <= col < i2:
            return j1 + (col - i1) if tag == "equal" else j1
    return len(original)


def loaded_position(doc: Document, lines: Sequence[str], offset: int) -> tuple[int, int]:
    """(1-based line, 0-based column) in the loaded text of a cleaned-text ``offset``.

    Cleaning strips each kept line and joins a paragraph's lines with one space; the
    Document's ``line_map`` records where each line starts in the cleaned text.
    """
    starts = [seg.start for seg in doc.line_map]
    seg = doc.line_map[max(bisect.bisect_right(starts, offset) - 1, 0)]
    line = lines[seg.line - 1]
    indent = len(line) - len(line.lstrip())
    return seg.line, indent + offset - seg.start


def _file_lines(article: Article) -> list[str] | None:
    """The lines of the article's file as written, if it still reads as ``article.text``."""
    path = Path(article.file)
    suffix = path.suffix.lower()
    if not path.is_file() or suffix in HTML_SUFFIXES | RECORD_SUFFIXES:
        return None
    try:
        raw, _ = decode(path.read_bytes(), path)
    except (OSError, CorpusError):
        return None
    loaded = normalise(raw)
    if suffix in {".md", ".markdown"}:
        loaded, _ = strip_markdown(loaded)
    if loaded != article.text:  # changed since it was loaded, or not the same text
        return None
    return _LINE_BREAK.split(raw)


@dataclass(frozen=True)
class _Locator:
    """Maps cleaned-text offsets of one article to (line, col, located) in its file."""

    article: Article
    doc: Document
    loaded_lines: tuple[str, ...]
    file_lines: tuple[str, ...] | None
    raw: str | None = None  # the file as written (records and HTML)

    def __call__(self, offset: int, matched: str = "") -> tuple[int, int, str]:
        suffix = Path(self.article.file).suffix.lower()
        if suffix in RECORD_SUFFIXES | HTML_SUFFIXES:
            found = self._written(offset, matched, html=suffix in HTML_SUFFIXES)
            if found is not None:
                return found[0], found[1], "char"
            if suffix in RECORD_SUFFIXES:
                return self.article.line, 1, "record"
            return 1, 1, "file"
        line, col = loaded_position(self.doc, self.loaded_lines, offset)
        if self.file_lines is not None:
            col = original_column(self.loaded_lines[line - 1], self.file_lines[line - 1], col)
        return line, col + 1, "char"

    def _written(self, offset: int, matched: str, *, html: bool) -> tuple[int, int] | None:
        """(line, col) in the file of the occurrence of ``matched`` at ``offset``."""
        if not matched or self.raw is None:
            return None
        k = self.doc.text[:offset].count(matched)
        start = _line_start(self.raw, self.article.line)
        for found in _occurrences(self.raw, matched, start, html=html):
            if k == 0:
                line = self.raw.count("\n", 0, found) + 1
                return line, found - (self.raw.rfind("\n", 0, found) + 1) + 1
            k -= 1
        return None


_HIDDEN_HTML = re.compile(
    r"(?is)<head\b.*?</head>|<script\b.*?</script>|<style\b.*?</style>|<[^>]*>"
)


def _line_start(raw: str, line: int) -> int:
    """Index in ``raw`` where 1-based ``line`` starts."""
    index = 0
    for _ in range(max(line, 1) - 1):
        index = raw.find("\n", index) + 1
        if index == 0:
            return len(raw)
    return index


def _occurrences(raw: str, matched: str, start: int, *, html: bool) -> Iterable[int]:
    """Indexes of ``matched`` in ``raw`` from ``start``, as whole words; for HTML, only in
    text (not inside tags, the head, scripts or styles)."""
    hidden = [(m.start(), m.end()) for m in _HIDDEN_HTML.finditer(raw)] if html else []
    pattern = re.compile(rf"(?<!\w){re.escape(matched)}(?!\w)")
    for match in pattern.finditer(raw, start):
        if not any(a <= match.start() < b for a, b in hidden):
            yield match.start()


def locator(article: Article, doc: Document) -> _Locator:
    """Offset -> position mapper for ``article`` (see the module docstring)."""
    file_lines = _file_lines(article)
    return _Locator(
        article,
        doc,
        tuple(article.text.split("\n")),
        tuple(file_lines) if file_lines is not None else None,
        _raw_text(article),
    )


def _raw_text(article: Article) -> str | None:
    """The file of a record or an HTML page as written (decoded, line ends as LF)."""
    path = Path(article.file)
    if path.suffix.lower() not in RECORD_SUFFIXES | HTML_SUFFIXES or not path.is_file():
        return None
    try:
        raw, _ = decode(path.read_bytes(), path)
    except (OSError, CorpusError):
        return None
    return raw.replace("\r\n", "\n").replace("\r", "\n")


# ------------------------------------------------------------------ findings


@dataclass(frozen=True, slots=True)
class Finding:
    """A style finding. Sorts by (file, line, col, code); fields are FINDING_COLUMNS.

    ``located``: ``char`` (line and column in the file), ``record`` (line of the JSON/CSV
    record), ``file`` (HTML: no position). ``start``/``end`` are offsets into the cleaned
    text, as in the ``terms`` table.
    """

    file: str
    line: int
    col: int
    code: str
    severity: str
    message: str
    suggestion: str
    matched: str
    group: str
    variant: str
    voice: str
    quote_kind: str
    speaker: str
    article_id: str
    source: str
    start: int
    end: int
    context: str
    located: str
    rule_source: str


def _speakers_words(row: Mapping[str, Any], kinds: frozenset[str]) -> bool:
    """Whether a term row is the speaker's words under ``exempt_quotes``: a direct or
    partial statement exempts only the words inside its quotation marks (a partial row
    spans the whole reported clause, whose other words are the outlet's); ``indirect``
    exempts the whole paraphrase."""
    kind = row["quote_kind"]
    if kind not in kinds:
        return False
    return kind == "indirect" or not row.get("own_words", False)


def findings_from_terms(
    terms: Iterable[Mapping[str, Any]],
    style: Style,
    locate: _Locator,
    *,
    include_quoted: bool = False,
) -> list[Finding]:
    """Findings for ``terms`` rows (as from :func:`~framing.extract.terms.extract_terms`)."""
    exempt = frozenset() if include_quoted else style.exempt_quotes
    findings = []
    for row in terms:
        rule = style.rule_for(row["group"], row["variant"])
        if rule is None or _speakers_words(row, exempt):
            continue
        line, col, located = locate(int(row["start"]), str(row.get("matched") or ""))
        findings.append(
            Finding(
                file=locate.article.file,
                line=line,
                col=col,
                code=rule.code,
                severity=rule.severity,
                message=rule.message.replace("{matched}", row["matched"]),
                suggestion=rule.suggestion,
                matched=row["matched"],
                group=rule.group,
                variant=row["variant"],
                voice=row["voice"],
                quote_kind=row["quote_kind"],
                speaker=row["speaker"],
                article_id=row["article_id"],
                source=row["source"],
                start=int(row["start"]),
                end=int(row["end"]),
                context=row["context"],
                located=located,
                rule_source=rule.source,
            )
        )
    return findings


def lint_article(
    article: Article,
    *,
    style: Style | None = None,
    include_quoted: bool = False,
    lexicon: str | Path | None = None,
) -> list[Finding]:
    """Style findings of one article, in text order."""
    from framing.clean import clean_article
    from framing.extract.quotes import extract_quotes
    from framing.extract.terms import extract_terms
    from framing.run import Settings, load_resources

    resources = load_resources(Settings(lexicon=str(lexicon) if lexicon else None))
    style = style if style is not None else load_style(lexicon=resources.lexicon)
    doc, _ = clean_article(article, resources.boilerplate)
    if not doc.text:
        return []
    quotes = extract_quotes(doc, actors=resources.actors, verbs=resources.verbs)
    terms = extract_terms(doc, quotes=quotes, lexicon=resources.lexicon)
    return findings_from_terms(terms, style, locator(article, doc), include_quoted=include_quoted)


def lint_articles(
    articles: Iterable[Article],
    *,
    style: Style | str | Path | None = None,
    include_quoted: bool = False,
    lexicon: str | Path | None = None,
) -> list[Finding]:
    """Style findings of ``articles``, sorted by (file, line, col, code).

    ``style``: a :class:`Style`, the path of a style YAML, or None for the house style.

    >>> from framing.corpus import load_corpus
    >>> findings = lint_articles(load_corpus("seeds"))   # doctest: +SKIP
    """
    if not isinstance(style, Style):
        from framing.run import Settings, load_resources

        lex = load_resources(Settings(lexicon=str(lexicon) if lexicon else None)).lexicon
        style = load_style(style, lexicon=lex)
    findings = [
        f
        for article in articles
        for f in lint_article(article, style=style, include_quoted=include_quoted, lexicon=lexicon)
    ]
    return sorted(findings, key=sort_key)


def sort_key(finding: Finding) -> tuple[str, int, int, str, int]:
    """Deterministic order: file, line, column, code (then offset)."""
    return (finding.file, finding.line, finding.col, finding.code, finding.start)


def lint_paths(
    paths: Sequence[str | Path],
    *,
    style: str | Path | None = None,
    manifest: str | Path | None = None,
    include_quoted: bool = False,
    lexicon: str | Path | None = None,
) -> list[Finding]:
    """Load files and folders (as ``framing analyze`` does) and lint every article.

    The style is validated before any article is read; a bad style or an unreadable
    input raises (:class:`~framing.lexicon.LexiconError`, :class:`~framing.corpus.CorpusError`).
    """
    from framing.run import Settings, load_resources

    resolved = load_style(
        style, lexicon=load_resources(Settings(lexicon=str(lexicon) if lexicon else None)).lexicon
    )
    articles = load_corpus(list(paths), manifest=manifest)
    return lint_articles(articles, style=resolved, include_quoted=include_quoted, lexicon=lexicon)


def findings_frame(findings: Sequence[Finding]) -> pd.DataFrame:
    """Findings as a DataFrame with FINDING_COLUMNS (empty, with those columns, if none)."""
    import pandas as pd

    assert tuple(f.name for f in fields(Finding)) == FINDING_COLUMNS
    return pd.DataFrame([asdict(f) for f in findings], columns=list(FINDING_COLUMNS))


# ------------------------------------------------------------------ output


def escape_data(value: str) -> str:
    """Escape a workflow-command message (``@actions/core`` ``command.ts`` escapeData)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow-command property value (``command.ts`` escapeProperty)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_text(finding: Finding) -> str:
    """``path:line:col: CODE message (suggestion)``, on one line."""
    message = " ".join(f"{finding.message} ({finding.suggestion})".split())
    return f"{finding.file}:{finding.line}:{finding.col}: {finding.code} {message}"


def format_github(finding: Finding) -> str:
    """A GitHub Actions annotation: ``::warning file=...,line=...,col=...,title=CODE::...``.

    See GitHub's "Workflow commands for GitHub Actions" (setting an error, warning or
    notice message).
    """
    props = {
        "file": finding.file,
        "line": str(finding.line),
        "col": str(finding.col),
        "title": finding.code,
    }
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    body = escape_data(f"{finding.message} ({finding.suggestion})")
    return f"::{finding.severity} {head}::{body}"


def format_findings(findings: Sequence[Finding], *, fmt: str = "text") -> str:
    """All findings, one per line, in ``fmt`` (``text`` or ``github``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})")
    render = format_text if fmt == "text" else format_github
    return "\n".join(render(f) for f in findings)
