"""Write an Analysis to a folder: tables (CSV + Parquet), summary.json, charts, report.

Everything is written into a temporary folder beside the target and moved into
place at the end, so an interrupted or failed run leaves the previous output
intact and never a half-written folder. A folder is only replaced when it is empty
or was written by framing (it holds the ``.framing-output`` marker), so a mistyped
``--out`` cannot delete a user's files.
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from framing import __version__
from framing.cells import FORMULA_PREFIXES as FORMULA_PREFIXES  # re-exported: API
from framing.cells import csv_cell as csv_cell
from framing.cells import neutralise_formulas
from framing.compare import compact
from framing.compare.groups import DEFAULT_BY, CompareOptions, regroup_tables
from framing.compare.quotes import loaded_verb_share, quoted_words_by_side
from framing.compare.terms import term_choice
from framing.compare.timeline import concat_counts, timeline_counts, timeline_table
from framing.run import RunLog, errors_table, table_batches
from framing.tables import (
    PARQUET_ONLY_TABLES,
    PER_ARTICLE_TABLES,
    TABLE_COLUMNS,
    ArticleResult,
    TableParts,
    Tables,
    typed_table,
)

MARKER = ".framing-output"
FLOAT_DIGITS = 6


class OutputError(RuntimeError):
    """The output folder cannot be written (names the folder and the reason)."""


def _clean_value(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, FLOAT_DIGITS)
    if hasattr(value, "item"):  # numpy scalars
        return _clean_value(value.item())
    return value


class Analysis(Tables):
    """The tables of one run (:class:`~framing.tables.Tables`: ``articles``, ``terms``,
    ``quotes``, ``sentences``, ``cleaning``, ``coverage``, ``errors``, ``summary``,
    ``warnings``), which can write themselves to a folder (:meth:`to_dir`) and show
    themselves in a notebook.

    Without a ``coverage`` table, the coverage mentions are found in ``sentences``
    (:func:`framing.extract.coverage.coverage_mentions`).

    ``options`` (:class:`~framing.compare.groups.CompareOptions`) say how comparisons
    group the articles: with ``by="country"``, :attr:`summary` has one row per country
    (its first column is ``country``), :attr:`grouped` holds the tables with ``source``
    replaced by each article's country, and the report compares countries;
    :attr:`source_summary` stays per source. ``grouped`` may be given precomputed (the
    compact tables of a streamed run); an unknown column raises
    :class:`~framing.compare.groups.GroupingError` listing the manifest columns.
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        *,
        warnings: Sequence[str] = (),
        versions: Mapping[str, str] | None = None,
        options: CompareOptions | None = None,
        grouped: Mapping[str, pd.DataFrame] | None = None,
        counts: Mapping[str, pd.DataFrame] | None = None,
    ) -> None:
        if "coverage" not in tables:
            tables = {**tables, "coverage": _mentions(tables["sentences"])}
        super().__init__(tables, warnings=warnings, versions=versions)
        self.options = options or CompareOptions()
        self.source_summary = self.summary
        if grouped is None:
            grouped = regroup_tables(self.tables, self.options.by)
        self.grouped = Tables({**self.tables, **grouped})
        if self.options.by != DEFAULT_BY:
            self.summary = self.grouped.summary.rename(columns={DEFAULT_BY: self.options.by})
        self._counts = counts
        self._timeline: pd.DataFrame | None = None

    @property
    def timeline(self) -> pd.DataFrame:
        """The ``timeline`` table (:mod:`framing.compare.timeline`): per group of ``by``,
        period and metric, the value with its interval."""
        if self._timeline is None:
            counts = self._counts if self._counts is not None else timeline_counts(self.tables)
            self._timeline = timeline_table(
                self.articles,
                counts,
                by=self.by,
                period=self.options.period,
                min_articles=self.options.min_articles,
            )
        return self._timeline

    @property
    def by(self) -> str:
        """The column comparisons group by (``source`` unless chosen otherwise)."""
        return self.options.by

    def regroup(self, by: str | None = None, **options: Any) -> Analysis:
        """The same tables compared by another column (or period, minimum n): e.g.
        ``analysis.regroup("ownership")``; ``options`` are those of CompareOptions."""
        changes: dict[str, Any] = {**options, **({"by": by} if by else {})}
        changed = replace(self.options, **changes)
        return Analysis(
            self.tables, warnings=self.warnings, versions=self.versions, options=changed
        )

    def _repr_html_(self) -> str:
        from framing.report import render_html_summary

        return render_html_summary(self)

    def to_dir(self, out: str | Path, **options: Any) -> Path:
        """Write tables, summary.json, charts and the report into ``out`` (atomically)."""
        return write_outputs(self, out, **options)


def _mentions(sentences: pd.DataFrame) -> pd.DataFrame:
    """The coverage table of a sentences table (for an Analysis built without one)."""
    from framing.extract.coverage import coverage_mentions

    if sentences.empty:
        return typed_table({}, "coverage")
    return coverage_mentions(sentences)


def framing_metrics(analysis: Tables) -> dict[str, dict[str, float]]:
    """Per-source framing figures as flat ``metric.key`` entries, for baseline diffs.

    ``quoted_word_share.<SIDE>``: share of the source's directly quoted words given to
    each side; ``loaded_verb_share.<SIDE>``: share of that side's statements introduced
    by a loaded reporting verb; ``term_share.<group>.<variant>``: share of each
    variant among the group's matches in the outlet's own words (narration and
    reported speech, outside quotation marks).
    """
    metrics: dict[str, dict[str, float]] = {}

    def put(source: Any, key: str, value: Any) -> None:
        metrics.setdefault(str(source), {})[key] = value

    if not analysis.quotes.empty:
        for row in quoted_words_by_side(analysis.quotes).itertuples(index=False):
            put(row.source, f"quoted_word_share.{row.side}", row.share)
        for row in loaded_verb_share(analysis.quotes).itertuples(index=False):
            put(row.source, f"loaded_verb_share.{row.side}", row.loaded_share)
    if not analysis.terms.empty:
        for row in term_choice(analysis.terms, voice="own").itertuples(index=False):
            put(row.source, f"term_share.{row.group}.{row.variant}", row.share)
    return metrics


def _per_source(tables: Tables) -> dict[str, dict[str, Any]]:
    """Source (or group) -> its summary row and framing metrics, keys sorted."""
    extra = framing_metrics(tables)
    sources: dict[str, dict[str, Any]] = {}
    for row in tables.summary.to_dict(orient="records"):
        source = str(row["source"])
        merged: dict[str, Any] = {str(k): v for k, v in row.items()} | extra.get(source, {})
        sources[source] = {k: _clean_value(v) for k, v in sorted(merged.items()) if k != "source"}
    return dict(sorted(sources.items()))


def summary_dict(analysis: Analysis) -> dict[str, Any]:
    """Per-source aggregates for ``summary.json``: deterministic, stable key order.

    Grouped by another column (``--by country``), ``by`` names it and ``groups`` holds
    the same aggregates per group (``sources`` stays per source).
    """
    out: dict[str, Any] = {
        "framing_version": __version__,
        "lexicon_versions": dict(sorted(analysis.versions.items())),
        "n_articles": len(analysis.articles),
        "n_warnings": len(analysis.warnings),
        "sources": _per_source(Tables(analysis.tables, warnings=analysis.warnings)),
    }
    if analysis.by != DEFAULT_BY:
        out |= {"by": analysis.by, "groups": _per_source(analysis.grouped)}
    return out


def write_table(df: pd.DataFrame, folder: Path, name: str) -> None:
    """``<name>.csv`` (UTF-8, LF, formulas neutralised) and ``<name>.parquet``."""
    with TableWriter(folder) as writer:
        writer.write(name, df)


class TableWriter:
    """Tables written chunk by chunk: CSV rows appended, one Parquet row group per chunk.

    The first chunk of a table fixes its columns and types (typed chunks, see
    :func:`framing.tables.typed_table`), so the CSV is byte-identical to one written
    from a single frame of every row. With ``partitioned``, each chunk is also added
    to ``parquet/<name>/source=<source>/`` (hive partitions, the layout Dask and Spark
    read in parallel), one file per chunk and source.
    """

    def __init__(
        self, folder: Path, *, partitioned: bool = False, documents_csv: bool = False
    ) -> None:
        self.folder = folder
        self.partitioned = partitioned
        # tables of PARQUET_ONLY_TABLES get a CSV file only when asked for
        self.csv_skipped = frozenset() if documents_csv else PARQUET_ONLY_TABLES
        self.chunks: dict[str, int] = {}
        self._csv: dict[str, TextIO] = {}
        self._parquet: dict[str, pq.ParquetWriter] = {}

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, name: str, df: pd.DataFrame) -> None:
        """Append ``df`` to table ``name`` (an empty chunk only counts as the first)."""
        first = name not in self.chunks
        if not first and df.empty:
            return
        # one Arrow chunk per column: a frame concatenated from parts holds several, and
        # the Parquet writer's pages (so its bytes) follow the chunks
        table = pa.Table.from_pandas(df, preserve_index=False).combine_chunks()
        if first and name not in self.csv_skipped:
            self._csv[name] = open(  # noqa: SIM115 (closed in close())
                self.folder / f"{name}.csv", "w", encoding="utf-8", newline=""
            )
        if first:
            self._parquet[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", table.schema)
        elif not table.schema.equals(self._parquet[name].schema, check_metadata=False):
            table = table.cast(self._parquet[name].schema)
        if name in self._csv:
            neutralise_formulas(df).to_csv(
                self._csv[name], index=False, header=first, lineterminator="\n"
            )
        self._parquet[name].write_table(table)
        if self.partitioned and not df.empty and "source" in df.columns:
            _write_partitions(table, self.folder / "parquet" / name, self.chunks.get(name, 0))
        self.chunks[name] = self.chunks.get(name, 0) + 1

    def close(self) -> None:
        for fh in self._csv.values():
            fh.close()
        for writer in self._parquet.values():
            writer.close()
        self._csv.clear()
        self._parquet.clear()


def _write_partitions(table: pa.Table, folder: Path, chunk: int) -> None:
    """``folder/source=<source>/part-<chunk>-0.parquet``: deterministic, input row order."""
    ds.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=["source"],
        partitioning_flavor="hive",
        basename_template=f"part-{chunk:05d}-{{i}}.parquet",
        use_threads=False,
        existing_data_behavior="overwrite_or_ignore",
    )


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(
            f"{out}: folder is not empty and was not written by framing; "
            "choose an empty or new folder"
        )


class Staging:
    """A temporary folder beside the target; :meth:`discard` drops it instead of the swap."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.discarded = False

    def discard(self) -> None:
        self.discarded = True


@contextmanager
def staged_output(out: str | Path) -> Iterator[Staging]:
    """Write into a temporary folder, moved into place at the end (atomic on one
    filesystem); on any failure the temporary folder is removed and ``out`` is unchanged.
    """
    out = Path(out)
    _check_target(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot write: {exc}") from exc
    stage = Staging(tmp)
    try:
        (tmp / MARKER).write_text(f"written by framing {__version__}\n", encoding="utf-8")
        yield stage
        if stage.discarded:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            _swap_into_place(tmp, out)
    except OSError as exc:  # disk full, permissions: a clear error, nothing half-written
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{out}: cannot write: {exc}; the previous output is unchanged") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_summaries(analysis: Analysis, folder: Path) -> None:
    """``summary.csv/.parquet``, ``timeline.csv/.parquet``, ``summary.json`` and
    ``warnings.txt`` of ``analysis``."""
    write_table(analysis.summary, folder, "summary")
    write_table(analysis.timeline, folder, "timeline")
    (folder / "summary.json").write_text(
        json.dumps(summary_dict(analysis), indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (folder / "warnings.txt").write_text(
        "".join(f"{w}\n" for w in analysis.warnings), encoding="utf-8"
    )


def _no_articles(folder: Path) -> bool:
    """True when the articles table written in ``folder`` has no row."""
    return bool(pq.ParquetFile(folder / "articles.parquet").metadata.num_rows == 0)


def write_outputs(
    analysis: Analysis,
    out: str | Path,
    *,
    report: bool = True,
    charts: bool = True,
    partitioned: bool = False,
    xlsx: bool = False,
    documents_csv: bool = False,
) -> Path:
    """Write everything into ``out`` atomically; return the folder.

    ``xlsx``: also ``tables.xlsx``, every table a sheet (:mod:`framing.xlsx`).

    ``partitioned``: also write each table as a Parquet dataset partitioned by source
    (see :class:`TableWriter`). ``documents_csv``: also ``documents.csv``.
    """
    with staged_output(out) as stage:
        with TableWriter(
            stage.folder, partitioned=partitioned, documents_csv=documents_csv
        ) as writer:
            for name, df in analysis.tables.items():
                writer.write(name, df)
        write_summaries(analysis, stage.folder)
        if xlsx:
            write_workbook(analysis, stage.folder)
        if report:
            from framing.report import write_report

            write_report(analysis, stage.folder, charts=charts)
    return Path(out)


def write_workbook(analysis: Analysis, folder: Path) -> None:
    """``tables.xlsx`` of every table written as CSV by default, the summary and the
    timeline (:mod:`framing.xlsx`); the documents' full texts stay in Parquet."""
    from framing.xlsx import write_xlsx

    tables = {n: t for n, t in analysis.tables.items() if n not in PARQUET_ONLY_TABLES}
    sheets = {**tables, "summary": analysis.summary, "timeline": analysis.timeline}
    write_xlsx(sheets, folder / "tables.xlsx")


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Replace ``out`` with ``tmp`` using renames (atomic on one filesystem)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{tmp.name.rsplit('.', 1)[-1]}")
        out.rename(old)
    try:
        tmp.rename(out)
    except BaseException:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


# Columns of ``terms`` and ``quotes`` the per-source summary (summary.csv, summary.json)
# counts; with ``articles`` (one row per article) they are all it needs.
SUMMARY_COUNTS: dict[str, list[str]] = {
    "terms": ["source", "group", "variant", "pole", "voice", "counts", "own_words"],
    "quotes": [
        "source",
        "kind",
        "speaker",
        "affiliation",
        "verb",
        "verb_class",
        "n_words",
        "n_quoted_words",
    ],
}


class SummaryInputs:
    """What the per-source summary needs, gathered batch by batch in constant memory:
    the ``articles`` rows, and ``terms`` and ``quotes`` compacted to distinct rows with
    their counts (:func:`framing.compare.compact`), per source and, when comparisons
    group by another column (``by``), per group as well."""

    def __init__(self, by: str = DEFAULT_BY) -> None:
        self.by = by
        self.articles: list[pd.DataFrame] = []
        self.counts: dict[str, pd.DataFrame | None] = dict.fromkeys(SUMMARY_COUNTS)
        self.group_counts: dict[str, pd.DataFrame | None] = dict.fromkeys(SUMMARY_COUNTS)
        self.timeline_counts: list[dict[str, pd.DataFrame]] = []

    def add(self, batch: Mapping[str, pd.DataFrame]) -> None:
        self.articles.append(batch["articles"])
        self.timeline_counts.append(timeline_counts(batch))
        _add_counts(self.counts, batch)
        if self.by != DEFAULT_BY:
            _add_counts(self.group_counts, regroup_tables(batch, self.by))

    def analysis(
        self,
        warnings: Sequence[str],
        versions: Mapping[str, str],
        options: CompareOptions | None = None,
    ) -> Analysis:
        """An Analysis holding exactly these inputs (the other tables empty)."""
        tables = {name: typed_table({}, name) for name in TABLE_COLUMNS}
        if self.articles:
            tables["articles"] = pd.concat(self.articles, ignore_index=True)
        for name, counts in self.counts.items():
            if counts is not None:
                tables[name] = counts
        grouped = None
        if self.by != DEFAULT_BY:
            grouped = regroup_tables({"articles": tables["articles"]}, self.by)
            for name, counts in self.group_counts.items():
                grouped[name] = counts if counts is not None else typed_table({}, name)
        per_article = concat_counts(self.timeline_counts) if self.timeline_counts else None
        return Analysis(
            tables,
            warnings=warnings,
            versions=versions,
            options=options,
            grouped=grouped,
            counts=per_article,
        )


def _add_counts(held: dict[str, pd.DataFrame | None], batch: Mapping[str, pd.DataFrame]) -> None:
    """Fold the ``terms`` and ``quotes`` of ``batch`` into the compact counts ``held``."""
    for name, columns in SUMMARY_COUNTS.items():
        counts = held[name]
        both = batch[name] if counts is None else pd.concat([counts, compact(batch[name], columns)])
        held[name] = compact(both, columns)


def read_output(
    folder: str | Path,
    *,
    columns: dict[str, list[str] | None] | None = None,
    options: CompareOptions | None = None,
) -> Analysis:
    """The Analysis of an output folder, read back from its Parquet tables.

    ``columns``: per table, the columns to read (None: all); a table not named is
    left empty. Default: every column of every table. Warnings and lexicon versions
    come from ``warnings.txt`` and ``summary.json`` when present.
    """
    folder = Path(folder)
    wanted: dict[str, list[str] | None] = (
        dict.fromkeys(TABLE_COLUMNS) if columns is None else columns
    )
    tables = {}
    for name in TABLE_COLUMNS:
        path = folder / f"{name}.parquet"
        if name not in wanted:
            tables[name] = typed_table({}, name)
        elif not path.exists() and name in PARQUET_ONLY_TABLES:
            tables[name] = typed_table({}, name)  # a folder written before the table was
        elif not path.exists():
            raise OutputError(f"{path}: missing; not a complete framing output folder")
        else:
            tables[name] = pd.read_parquet(path, columns=wanted[name], engine="pyarrow")
    warnings_file = folder / "warnings.txt"
    warnings = (
        warnings_file.read_text(encoding="utf-8").splitlines() if warnings_file.exists() else []
    )
    versions = {}
    if (folder / "summary.json").exists():
        versions = json.loads((folder / "summary.json").read_text(encoding="utf-8")).get(
            "lexicon_versions", {}
        )
    return Analysis(tables, warnings=warnings, versions=versions, options=options)


@dataclass(frozen=True)
class Run:
    """What a streamed run wrote: ``out`` (None when no article could be analysed and
    nothing was written), counts, the ``errors`` table and the warnings."""

    out: Path | None
    n_articles: int
    n_sources: int
    errors: pd.DataFrame
    warnings: list[str]


def write_streamed(
    parts: Iterable[TableParts],
    out: str | Path,
    *,
    warnings: Sequence[str] = (),
    versions: Mapping[str, str] | None = None,
    leading_errors: Sequence[ArticleResult] = (),
    report: bool = True,
    charts: bool = True,
    partitioned: bool = False,
    options: CompareOptions | None = None,
    xlsx: bool = False,
    documents_csv: bool = False,
) -> Run:
    """Write the tables of ``parts`` as they come, then the summary and the report.

    Memory stays flat in the corpus size on the table-writing path: each batch of
    articles is appended to the tables on disk and dropped, keeping only the articles
    rows and the compact counts the per-source summary needs (:class:`SummaryInputs`).
    The report needs whole tables and reads them all back from Parquet. Same files,
    byte for byte, as :meth:`Analysis.to_dir` of the same corpus (Parquet row groups
    aside). Nothing is written when no article could be analysed.
    """
    log = RunLog(list(warnings))
    options = options or CompareOptions()
    inputs = SummaryInputs(options.by)
    with staged_output(out) as stage:
        with TableWriter(
            stage.folder, partitioned=partitioned, documents_csv=documents_csv
        ) as writer:
            for batch in table_batches(parts, log):
                for name in PER_ARTICLE_TABLES:
                    writer.write(name, batch[name])
                if not report:
                    inputs.add(batch)
            for name in PER_ARTICLE_TABLES:
                if name not in writer.chunks:  # no article at all: header-only tables
                    writer.write(name, typed_table({}, name))
            errors = errors_table(leading_errors, log)
            writer.write("errors", errors)
        if _no_articles(stage.folder):
            stage.discard()
            return Run(None, 0, 0, errors, log.warnings)
        if report:  # the report needs whole tables: read them back
            analysis = read_output(stage.folder, options=options)
            analysis.warnings, analysis.versions = log.warnings, dict(versions or {})
        else:
            analysis = inputs.analysis(log.warnings, versions or {}, options)
        write_summaries(analysis, stage.folder)
        if xlsx:  # every row of every table: read back what the summary did not keep
            whole = analysis if report else read_output(stage.folder, options=options)
            whole.warnings = log.warnings
            write_workbook(whole, stage.folder)
        if report:
            from framing.report import write_report

            write_report(analysis, stage.folder, charts=charts)
    return Run(
        Path(out),
        len(analysis.articles),
        int(analysis.articles["source"].nunique()),
        errors,
        log.warnings,
    )
