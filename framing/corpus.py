"""Load articles: files and folders of txt/md/html/json/jsonl/csv, with a sources manifest.

Readers yield :class:`Article` records (metadata travels with each one); tables are
built later, once. Every error names the file and, where there is one, the line.

* ``article_id`` is the file stem for file inputs (the name with its suffix, or the
  path, when another input shares the stem: :func:`file_ids`), or the record's ``id``
  field for JSON/JSONL/CSV records.
* ``source`` comes from the record, else from the manifest (``sources.csv`` beside
  the files, or one given explicitly), else it is ``UNKNOWN_SOURCE`` and a warning
  is recorded.
* Bytes are decoded as UTF-8 (with or without BOM), UTF-16 with a BOM, or else the
  legacy code page (cp1252, cp1251, KOI8-R) whose reading of the whole file has the
  fewest implausible words (:mod:`framing.encoding`); the encoding used is kept on
  the record, and an uncertain choice is a warning naming the file and the encoding.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from framing.dates import dated
from framing.document import normalise
from framing.encoding import Decoded, UndecodableError, decode_bytes

UNKNOWN_SOURCE = "(unknown source)"
MANIFEST_NAME = "sources.csv"
FETCH_ERRORS_NAME = "fetch_errors.csv"  # written by `framing fetch` beside the manifest
NOT_ARTICLES = frozenset({MANIFEST_NAME, FETCH_ERRORS_NAME})  # skipped when a folder is walked
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
RECORD_SUFFIXES = frozenset({".json", ".jsonl", ".csv"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
MANIFEST_FIELDS = ("source", "country", "ownership", "url", "date", "title")
MAX_BYTES = 20_000_000  # a record file may hold many articles; a larger input is refused
# Longest article analysed by default, in characters of loaded text (framing.run): the
# pipeline is linear in an article's length (bench/scaling.py), and a longer "article"
# is likely many in one; it is refused with an errors row naming its file.
MAX_ARTICLE_CHARS = 10_000_000
ErrorHandler = Callable[["CorpusError"], None]


def record_line(file: str | Path, line: int | None) -> int | None:
    """``line`` for a record of a JSON, JSONL or CSV file, else None: an article read
    from a whole file has line 1, which points at nothing."""
    return line if line and Path(file).suffix.lower() in RECORD_SUFFIXES else None


def located(file: str | Path, line: int | None) -> str:
    """``file:line`` for a record (:func:`record_line`), else ``file``."""
    n = record_line(file, line)
    return f"{file}:{n}" if n else str(file)


class CorpusError(ValueError):
    """An input file cannot be read as articles; names the file and line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None) -> None:
        self.path, self.line, self.message = str(path), line, message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Article:
    """One article as loaded: raw text plus metadata (nothing computed yet)."""

    article_id: str
    file: str
    text: str
    source: str = UNKNOWN_SOURCE
    title: str = ""
    date: str = ""
    url: str = ""
    country: str = ""
    ownership: str = ""
    encoding: str = "utf-8"
    line: int = 1  # line of the record in its file (JSONL/CSV); 1 for whole files
    warnings: tuple[str, ...] = field(default=())
    # (1-based line, articles of the source holding it) for the lines that recur in
    # other articles of the source (framing.redundancy)
    recurring_lines: tuple[tuple[int, int], ...] = field(default=())


@dataclass(frozen=True)
class Manifest:
    """Maps file names to outlet metadata (``file,source,country,ownership,url,date``)."""

    path: str
    rows: dict[str, dict[str, str]]

    def lookup(self, file: Path) -> dict[str, str] | None:
        return self.rows.get(file.name) or self.rows.get(file.as_posix())


def decode(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding). Refuses binary and undecodable data."""
    text, encoding, _ = decode_checked(data, path)
    return text, encoding


def decode_checked(data: bytes, path: str | Path) -> Decoded:
    """:func:`framing.encoding.decode_bytes`, its errors naming ``path``, and NUL
    characters refused (a binary file)."""
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        raise CorpusError(path, str(exc)) from None
    if "\x00" in decoded.text:
        raise CorpusError(path, "looks like a binary file (NUL bytes), not text")
    return decoded


def encoding_warning(path: str | Path, decoded: Decoded) -> tuple[str, ...]:
    """The warning of an uncertain decoding, naming the file and the encoding chosen."""
    if not decoded.doubt:
        return ()
    return (f"{path}: decoded as {decoded.encoding}, but unsure: {decoded.doubt}",)


def read_text(path: Path) -> tuple[str, str]:
    """Read and decode a file: (text, encoding) (see :func:`read_decoded`)."""
    text, encoding, _ = read_decoded(path)
    return text, encoding


def read_decoded(path: Path) -> Decoded:
    """Read and decode a file; refuse files over MAX_BYTES (one article is never that long)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CorpusError(
                path, f"{size / 1e6:.1f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit for one file"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(path, f"cannot read: {exc.strerror or exc}") from None
    decoded = decode_checked(data, path)
    return decoded._replace(text=normalise(decoded.text))


def read_manifest(path: str | Path) -> Manifest:
    """Read a sources manifest; a ``file`` and a ``source`` column are required."""
    p = Path(path)
    text, _ = read_text(p)
    reader = csv.DictReader(io.StringIO(text))
    fields = reader.fieldnames or []
    if "file" not in fields or "source" not in fields:
        raise CorpusError(p, f"manifest needs 'file' and 'source' columns, has {fields}", 1)
    rows: dict[str, dict[str, str]] = {}
    for n, row in enumerate(reader, 2):
        name = (row.get("file") or "").strip()
        if not name or not (row.get("source") or "").strip():
            raise CorpusError(p, "manifest row without a file or a source", n)
        if None in row:
            raise CorpusError(p, "manifest row has more fields than the header", n)
        # every column is kept: extra ones (alignment, ...) can group the comparisons
        rows[name] = {k: (v or "").strip() for k, v in row.items() if k and k != "file"}
    return Manifest(str(p), rows)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read, in a stable order: folders are walked recursively, sorted."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and f.name not in NOT_ARTICLES
                and not any(part.startswith(".") for part in f.parts[len(p.parts) :])
            )
            files.extend(found)
        elif p.is_file():
            files.append(p)
        else:
            raise CorpusError(p, "no such file or folder")
    return files


def find_manifests(paths: Sequence[str | Path]) -> list[Manifest]:
    """``sources.csv`` files in the given folders, or beside the given files."""
    seen: dict[Path, Manifest] = {}
    for raw in paths:
        p = Path(raw)
        folder = p if p.is_dir() else p.parent
        candidate = folder / MANIFEST_NAME
        if candidate.is_file() and candidate.resolve() not in seen and p != candidate:
            seen[candidate.resolve()] = read_manifest(candidate)
    return list(seen.values())


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKUP = re.compile(r"(^#{1,6}\s+|^>\s?|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))", re.M)


def strip_markdown(text: str) -> tuple[str, dict[str, str]]:
    """Markdown to plain text, line for line (line numbers keep pointing at the file).

    YAML front matter (``---`` ... ``---``) is read for title/source/date/url and
    blanked; links keep their text; emphasis and heading marks are dropped.
    """
    meta: dict[str, str] = {}
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() == "---":
                for raw in lines[1:end]:
                    key, _, value = raw.partition(":")
                    if key.strip() in MANIFEST_FIELDS:
                        meta[key.strip()] = value.strip().strip("\"'")
                lines[: end + 1] = [""] * (end + 1)
                break
    out = [_MD_MARKUP.sub("", _MD_LINK.sub(r"\1", line)) for line in lines]
    return "\n".join(out), meta


def extract_html(html: str, path: Path) -> tuple[str, dict[str, str]]:
    """Main text of an HTML page with trafilatura (boilerplate, menus and comments dropped)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    doc: dict[str, Any] = extracted.as_dict() if extracted is not None else {}  # type: ignore[union-attr]
    if not (doc.get("text") or "").strip():
        raise CorpusError(path, "no article text found in the HTML")
    meta = {k: str(doc.get(k) or "") for k in ("title", "date", "url")}
    return str(doc["text"]), meta


def _record(rec: Any, path: Path, line: int, n: int, encoding: str) -> Article:
    if not isinstance(rec, dict):
        raise CorpusError(path, f"record {n} is not an object", line)
    for key in ("id", *MANIFEST_FIELDS):
        value = rec.get(key)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, (str, int, float))
        ):
            raise CorpusError(
                path, f"record {n}: {key!r} is a {type(value).__name__}, expected a string", line
            )
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(path, f"record {n} has no 'text' string", line)
    rid = rec.get("id")
    article_id = str(rid) if rid not in (None, "") else f"{path.stem}-{n}"
    meta = {k: str(rec.get(k) or "") for k in MANIFEST_FIELDS}
    return Article(
        article_id=article_id,
        file=str(path),
        text=normalise(text),
        source=meta["source"] or UNKNOWN_SOURCE,
        title=meta["title"],
        date=meta["date"],
        url=meta["url"],
        country=meta["country"],
        ownership=meta["ownership"],
        encoding=encoding,
        line=line,
    )


def _guarded(path: Path, line: int, n: int, encoding: str, rec: Any) -> Article | CorpusError:
    try:
        return _record(rec, path, line, n, encoding)
    except CorpusError as exc:
        return exc


def read_records(path: Path) -> Iterator[Article | CorpusError]:
    """Articles from a JSON (list, or one object), JSONL or CSV file of records.

    A bad record is yielded as a CorpusError (file and line) and reading goes on;
    a file that cannot be parsed at all raises.
    """
    decoded = read_decoded(path)
    warnings = encoding_warning(path, decoded)
    for item in _records(path, decoded.text, decoded.encoding):
        if warnings and isinstance(item, Article):  # the file's warning, on its first article
            item, warnings = replace(item, warnings=(*item.warnings, *warnings)), ()
        yield item


def _records(path: Path, text: str, encoding: str) -> Iterator[Article | CorpusError]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield CorpusError(path, f"invalid JSON: {exc.msg}", n)
                    continue
                yield _guarded(path, n, n, encoding, rec)
    elif suffix == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorpusError(path, f"invalid JSON: {exc.msg}", exc.lineno) from None
        records = data.get("articles", [data]) if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise CorpusError(path, "expected a list of records or an object", 1)
        lines = _array_item_lines(text) if isinstance(data, list) else []
        for n, rec in enumerate(records, 1):
            yield _guarded(path, lines[n - 1] if n <= len(lines) else 1, n, encoding, rec)
    else:
        yield from _csv_records(path, text, encoding)


def _array_item_lines(text: str) -> list[int]:
    """1-based line where each item of a (valid) top-level JSON array starts."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    lines: list[int] = []
    line, counted = 1, 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        line += text.count("\n", counted, pos)
        counted = pos
        lines.append(line)
        _, pos = decoder.raw_decode(text, pos)


def _csv_records(path: Path, text: str, encoding: str) -> Iterator[Article | CorpusError]:
    """Rows of a CSV file; a broken row (bad quoting, wrong field count) names its first line."""
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        raise CorpusError(path, f"broken CSV header: {exc}", 1) from None
    if not fields or "text" not in fields:
        raise CorpusError(path, f"CSV needs a 'text' column, has {fields}", 1)
    n = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield CorpusError(path, f"broken CSV row: {exc}", start)
            if reader.line_num < start:
                return  # nothing consumed: stop rather than loop
            continue
        n += 1
        if None in row:
            yield CorpusError(path, "row has more fields than the header", start)
        elif any(v is None for v in row.values()):
            yield CorpusError(path, "row has fewer fields than the header", start)
        else:
            yield _guarded(path, start, n, encoding, row)


def file_ids(files: Sequence[Path]) -> dict[Path, str]:
    """The article id of each whole-file input (txt, md, html) among ``files``.

    The id is the file stem (``story``), unless another input of the run has the same
    stem: then each of those is named with its suffix (``story.html``, ``story.txt``),
    and, when that is still shared (``a/story.txt``, ``b/story.txt``), by its path
    from the folder those files have in common. So ids are unique within a run, the
    same in every run on the same inputs, and unchanged where no stem is shared.
    """
    whole = [f for f in files if f.suffix.lower() not in RECORD_SUFFIXES]
    by_stem: dict[str, list[Path]] = {}
    for f in whole:
        by_stem.setdefault(f.stem, []).append(f)
    ids: dict[Path, str] = {}
    for stem, group in by_stem.items():
        if len(group) == 1:
            ids[group[0]] = stem
            continue
        names = [f.name for f in group]
        if len(set(names)) == len(names):
            ids.update(zip(group, names, strict=True))
            continue
        common = Path(os.path.commonpath([f.absolute() for f in group]))
        ids.update((f, f.absolute().relative_to(common).as_posix()) for f in group)
    return ids


def read_file(path: Path, article_id: str | None = None) -> Iterator[Article | CorpusError]:
    """Articles in one file (one for txt/md/html, any number for record files);
    ``article_id``: that of a whole-file article (default: the file stem)."""
    suffix = path.suffix.lower()
    if suffix in RECORD_SUFFIXES:
        yield from read_records(path)
        return
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise CorpusError(
            path,
            f"unsupported file type {suffix!r} "
            f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})",
        )
    decoded = read_decoded(path)
    text, encoding = decoded.text, decoded.encoding
    meta: dict[str, str] = {}
    if suffix in HTML_SUFFIXES:
        text, meta = extract_html(text, path)
        text = normalise(text)
    elif suffix in {".md", ".markdown"}:
        text, meta = strip_markdown(text)
    if not text.strip():
        raise CorpusError(path, "empty file")
    yield Article(
        article_id=article_id or path.stem,
        file=str(path),
        text=text,
        source=meta.get("source") or UNKNOWN_SOURCE,
        title=meta.get("title", ""),
        date=meta.get("date", ""),
        url=meta.get("url", ""),
        encoding=encoding,
        warnings=encoding_warning(path, decoded),
    )


def apply_manifest(article: Article, manifests: Sequence[Manifest]) -> Article:
    """Fill outlet metadata from the manifest; warn when no source is known."""
    for manifest in manifests:
        row = manifest.lookup(Path(article.file))
        if row:
            filled = {
                k: row[k]
                for k in MANIFEST_FIELDS
                if row.get(k) and getattr(article, k) in ("", UNKNOWN_SOURCE)
            }
            return replace(article, **filled)  # type: ignore[arg-type]
    if article.source == UNKNOWN_SOURCE:
        return replace(
            article,
            warnings=(
                *article.warnings,
                f"{article.file}: no source in the record or a manifest; "
                f"source set to {UNKNOWN_SOURCE!r}",
            ),
        )
    return article


def iter_corpus(
    paths: Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """Stream articles from files and folders, with manifest metadata applied.

    A file or record that cannot be read raises a CorpusError, or, when
    ``on_error`` is given, is passed to it and skipped so the batch goes on.
    """
    paths = list(paths)
    manifests = [read_manifest(manifest)] if manifest else find_manifests(paths)
    files = expand_paths(paths)
    ids = file_ids(files)
    for path in files:
        try:
            for item in read_file(path, ids.get(path)):
                if isinstance(item, CorpusError):
                    if on_error is None:
                        raise item
                    on_error(item)
                else:
                    yield dated(apply_manifest(item, manifests))  # ISO dates
        except CorpusError as exc:
            if on_error is None:
                raise
            on_error(exc)


def manifest_warnings(paths: Sequence[str | Path], manifest: str | Path | None = None) -> list[str]:
    """Manifest rows that name files not found among the inputs."""
    manifests = [read_manifest(manifest)] if manifest else find_manifests(paths)
    names = {p.name for p in expand_paths(paths)} | {p.as_posix() for p in expand_paths(paths)}
    return [
        f"{m.path}: names {name!r}, which is not among the inputs"
        for m in manifests
        for name in m.rows
        if name not in names
    ]


def load_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Article]:
    """All articles under ``paths`` (files or folders), in a stable order.

    Article ids must be unique: a second file or record with the same id is an
    error (passed to ``on_error`` when given, else raised).
    """
    return list(iter_unique(paths, manifest=manifest, on_error=on_error))


def iter_unique(
    paths: str | Path | Iterable[str | Path],
    *,
    manifest: str | Path | None = None,
    on_error: ErrorHandler | None = None,
) -> Iterator[Article]:
    """:func:`load_corpus` as a stream: one article in memory at a time (plus the ids seen)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    seen: dict[str, str] = {}
    for a in iter_corpus(paths, manifest=manifest, on_error=on_error):
        if a.article_id in seen:
            exc = CorpusError(
                a.file,
                f"article id {a.article_id!r} already used by {seen[a.article_id]}",
                record_line(a.file, a.line),
            )
            if on_error is None:
                raise exc
            on_error(exc)
            continue
        seen[a.article_id] = located(a.file, a.line)
        yield a
