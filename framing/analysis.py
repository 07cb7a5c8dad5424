"""The composing functions: a corpus in, the tables out (:func:`analyze`) or written to
a folder as the articles stream through (:func:`analyze_to_dir`).

The top of the package (see README, Architecture): it opens the corpus, runs the
articles (:mod:`framing.run`) and hands the typed parts to the tables
(:class:`~framing.output.Analysis`) or to the writer (:func:`~framing.output.write_streamed`).
The names it re-exports are those ``framing.analysis`` has always offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from framing.cache import ResultCache
from framing.compare.groups import CompareOptions
from framing.corpus import (
    MANIFEST_FIELDS,
    Article,
    CorpusError,
    Manifest,
    find_manifests,
    iter_unique,
    manifest_warnings,
    read_manifest,
)
from framing.dates import dated
from framing.output import Analysis, Run, write_streamed
from framing.redundancy import mark_read_twice, mark_recurring
from framing.run import (
    BATCH_ARTICLES,
    CHUNK_SIZE,
    IN_FLIGHT,
    MAX_ARTICLE_CHARS,
    RunLog,
    Settings,
    analyze_article,
    analyze_article_safely,
    analyze_document,
    counted,
    coverage_rows,
    errors_table,
    load_resources,
    quoted_word_share,
    run_articles,
    table_batches,
)
from framing.tables import (
    ARTICLE_COLUMNS,
    CLEANING_COLUMNS,
    ERROR_COLUMNS,
    PER_ARTICLE_TABLES,
    QUOTE_COLUMNS,
    SENTENCE_COLUMNS,
    TABLE_COLUMNS,
    TABLE_DTYPES,
    TERM_COLUMNS,
    ArticleResult,
    TableParts,
    concat_typed,
    typed_table,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "BATCH_ARTICLES",
    "CHUNK_SIZE",
    "CLEANING_COLUMNS",
    "ERROR_COLUMNS",
    "IN_FLIGHT",
    "QUOTE_COLUMNS",
    "SENTENCE_COLUMNS",
    "TABLE_COLUMNS",
    "TABLE_DTYPES",
    "TERM_COLUMNS",
    "Analysis",
    "ArticleResult",
    "Settings",
    "analyze",
    "analyze_article",
    "analyze_article_safely",
    "analyze_document",
    "analyze_to_dir",
    "build_analysis",
    "coverage_rows",
    "errors_table",
    "load_resources",
    "quoted_word_share",
    "run_articles",
    "table_batches",
    "typed_table",
]


def build_analysis(
    parts: Iterable[TableParts],
    *,
    warnings: Sequence[str] = (),
    versions: Mapping[str, str] | None = None,
    leading_errors: Sequence[ArticleResult] = (),
    options: CompareOptions | None = None,
) -> Analysis:
    """Gather the typed parts of a run into the tables.

    ``leading_errors`` (inputs that could not be read) come first in ``errors``; the
    sequence may fill up while ``parts`` is consumed (a streamed corpus).
    """
    log = RunLog(list(warnings))
    batches = list(table_batches(parts, log))
    tables = {name: concat_typed([b[name] for b in batches], name) for name in PER_ARTICLE_TABLES}
    tables["errors"] = errors_table(leading_errors, log)
    return Analysis(tables, warnings=log.warnings, versions=versions, options=options)


def analyze(
    paths: str | Path | Iterable[str | Path] | Iterable[Article],
    *,
    manifest: str | Path | None = None,
    lexicon: str | Path | None = None,
    actors: str | Path | None = None,
    verbs: str | Path | None = None,
    boilerplate: str | Path | None = None,
    workers: int = 1,
    strict: bool = False,
    cache: bool | str | Path = False,
    engine: str = "local",
    scheduler: str | None = None,
    by: str = "source",
    period: str | None = None,
    min_articles: int = 5,
    min_sentences: int = 10,
    max_article_chars: int = MAX_ARTICLE_CHARS,
    progress: Callable[[int], None] | None = None,
) -> Analysis:
    """Analyse files, folders or :class:`Article` records; return the tables.

    >>> from framing import analyze
    >>> a = analyze("seeds")                       # doctest: +SKIP
    >>> a.terms.query("group == 'region'")         # doctest: +SKIP

    Inputs that cannot be read or analysed (undecodable, empty, not English, a
    broken record) become rows of ``Analysis.errors`` and the rest is analysed;
    with ``strict=True`` the first one raises instead.

    ``cache``: True for the default cache folder (see :mod:`framing.cache`), or a
    folder; per-article results are then reused when nothing they depend on changed.

    ``workers``: processes (1: serial). ``engine="dask"``: run on a dask.distributed
    cluster at ``scheduler`` (e.g. ``tcp://host:8786``), else on a local cluster of
    ``workers`` processes; needs the ``[dask]`` extra. Same tables either way.

    ``by``: the manifest column comparisons group by (``source``, ``country``,
    ``ownership`` or any extra column of the manifest); ``period``: the timeline's
    period (``day``, ``week``, ``month``; default from the date span);
    ``min_articles``/``min_sentences``: below these, no interval is given (see
    :class:`~framing.compare.groups.CompareOptions`).
    ``max_article_chars``: a longer article is refused (an ``errors`` row naming its
    file). ``progress``: called with the number of articles done as each batch of
    them is done (a progress bar).
    """
    options = CompareOptions(by, period, min_articles, min_sentences)
    run = _start_run(**_run_options(locals()))
    return build_analysis(
        run.parts,
        warnings=run.warnings,
        versions=run.versions,
        leading_errors=run.read_errors,
        options=options,
    )


_COMPARE_OPTIONS = ("by", "period", "min_articles", "min_sentences")


def _run_options(given: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments of :func:`_start_run` among ``given`` (drops the compare options)."""
    return {k: v for k, v in given.items() if k not in (*_COMPARE_OPTIONS, "options")}


def analyze_to_dir(
    paths: str | Path | Iterable[str | Path] | Iterable[Article],
    out: str | Path,
    *,
    report: bool = True,
    charts: bool = True,
    partitioned: bool = False,
    xlsx: bool = False,
    by: str = "source",
    period: str | None = None,
    min_articles: int = 5,
    min_sentences: int = 10,
    documents_csv: bool = False,
    **options: Any,
) -> Run:
    """Analyse and write the outputs into ``out`` as the articles stream through.

    What ``framing analyze`` runs: the same files as ``analyze(paths, **options).to_dir(
    out)``, but the tables go to disk a batch of articles at a time instead of being
    held in memory, so a corpus of any size fits (see :func:`framing.output.write_streamed`).
    ``xlsx``: also ``tables.xlsx`` (needs the ``[xlsx]`` extra). ``options``: those of
    :func:`analyze`. Returns what was written (a
    :class:`~framing.output.Run`; its ``out`` is None when no article could be analysed).
    """
    compare = CompareOptions(by, period, min_articles, min_sentences)
    run = _start_run(paths, **options)
    return write_streamed(
        run.parts,
        out,
        warnings=run.warnings,
        versions=run.versions,
        leading_errors=run.read_errors,
        report=report,
        charts=charts,
        partitioned=partitioned,
        options=compare,
        xlsx=xlsx,
        documents_csv=documents_csv,
    )


@dataclass
class _Started:
    parts: Iterator[TableParts]
    warnings: list[str]
    versions: dict[str, str]
    read_errors: list[ArticleResult]


def _start_run(
    paths: str | Path | Iterable[str | Path] | Iterable[Article],
    *,
    manifest: str | Path | None = None,
    lexicon: str | Path | None = None,
    actors: str | Path | None = None,
    verbs: str | Path | None = None,
    boilerplate: str | Path | None = None,
    workers: int = 1,
    strict: bool = False,
    cache: bool | str | Path = False,
    engine: str = "local",
    scheduler: str | None = None,
    max_article_chars: int = MAX_ARTICLE_CHARS,
    progress: Callable[[int], None] | None = None,
) -> _Started:
    """Validate the lexicons, open the corpus and start the (lazy) stream of results."""
    lexicon, actors, verbs, boilerplate = (
        str(p) if p is not None else None for p in (lexicon, actors, verbs, boilerplate)
    )
    settings = Settings(lexicon, actors, verbs, boilerplate, max_article_chars)
    resources = load_resources(settings)  # validate lexicons before any article work
    if isinstance(paths, (str, Path)):
        paths = [paths]
    items = list(paths)
    warnings: list[str] = []
    read_errors: list[ArticleResult] = []

    def on_error(exc: CorpusError) -> None:
        read_errors.append(
            ArticleResult.failed(
                Article(article_id="", file=exc.path, text="", line=exc.line or 0), exc.message
            )
        )

    manifests: list[Manifest] = []
    if items and all(isinstance(p, Article) for p in items):
        articles: Iterable[Article] = mark_recurring(
            [dated(a) for a in items if isinstance(a, Article)]
        )
    else:
        file_paths = [p for p in items if not isinstance(p, Article)]
        warnings += manifest_warnings(file_paths, manifest)
        # two passes over the files: lines recurring in a source are counted first
        articles = mark_read_twice(
            lambda handler: iter_unique(file_paths, manifest=manifest, on_error=handler),
            None if strict else on_error,
        )
        manifests = [read_manifest(manifest)] if manifest else find_manifests(file_paths)
    result_cache = None if cache is False else ResultCache(None if cache is True else cache)
    parts = run_articles(
        articles,
        settings,
        workers=workers,
        strict=strict,
        cache=result_cache,
        engine=engine,
        scheduler=scheduler,
    )
    extra = manifest_columns(manifests)
    if extra:
        parts = with_manifest_columns(parts, manifests, extra)
    if progress is not None:
        parts = counted(parts, progress)
    return _Started(parts, warnings, resources.versions(), read_errors)


def manifest_columns(manifests: Sequence[Manifest]) -> list[str]:
    """The manifest columns beyond the outlet metadata (``alignment``, ...), in order."""
    seen: dict[str, None] = {}
    for manifest in manifests:
        for row in manifest.rows.values():
            seen.update(dict.fromkeys(k for k in row if k not in MANIFEST_FIELDS))
    return list(seen)


def with_manifest_columns(
    parts: Iterable[TableParts], manifests: Sequence[Manifest], columns: Sequence[str]
) -> Iterator[TableParts]:
    """``parts`` with each extra manifest column added to ``articles`` (text; empty for an
    article no manifest row names), so any of them can group the comparisons (``--by``).
    Added after the run: cached results do not depend on them."""
    for part in parts:
        articles = part.arrow["articles"]
        rows = [_manifest_row(manifests, file) for file in articles.column("file").to_pylist()]
        for column in columns:
            if column not in articles.column_names:
                values = [row.get(column, "") for row in rows]
                articles = articles.append_column(column, pa.array(values, pa.large_string()))
        yield replace(part, arrow={**part.arrow, "articles": articles})


def _manifest_row(manifests: Sequence[Manifest], file: str) -> dict[str, str]:
    for manifest in manifests:
        row = manifest.lookup(Path(file))
        if row:
            return row
    return {}
