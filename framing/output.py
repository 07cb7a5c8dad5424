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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from framing import __version__

if TYPE_CHECKING:
    from framing.analysis import Analysis

MARKER = ".framing-output"
FLOAT_DIGITS = 6
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class OutputError(RuntimeError):
    """The output folder cannot be written (names the folder and the reason)."""


def _clean_value(value: Any) -> Any:
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, FLOAT_DIGITS)
    if hasattr(value, "item"):  # numpy scalars
        return _clean_value(value.item())
    return value


def framing_metrics(analysis: Analysis) -> dict[str, dict[str, float]]:
    """Per-source framing figures as flat ``metric.key`` entries, for baseline diffs.

    ``quoted_word_share.<SIDE>``: share of the source's directly quoted words given to
    each side; ``loaded_verb_share.<SIDE>``: share of that side's statements introduced
    by a non-neutral reporting verb; ``term_share.<group>.<variant>``: share of each
    variant among the group's matches in the outlet's own words (narration and
    reported speech, outside quotation marks).
    """
    from framing.compare.quotes import loaded_verb_share, quoted_words_by_side
    from framing.compare.terms import term_choice

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


def summary_dict(analysis: Analysis) -> dict[str, Any]:
    """Per-source aggregates for ``summary.json``: deterministic, stable key order."""
    extra = framing_metrics(analysis)
    sources: dict[str, dict[str, Any]] = {}
    for row in analysis.summary.to_dict(orient="records"):
        source = str(row["source"])
        merged: dict[str, Any] = {str(k): v for k, v in row.items()} | extra.get(source, {})
        sources[source] = {k: _clean_value(v) for k, v in sorted(merged.items()) if k != "source"}
    return {
        "framing_version": __version__,
        "lexicon_versions": dict(sorted(analysis.versions.items())),
        "n_articles": len(analysis.articles),
        "n_warnings": len(analysis.warnings),
        "sources": dict(sorted(sources.items())),
    }


def coverage_mentions_of(analysis: Analysis) -> pd.DataFrame:
    """Every actor, place, figure and date mention (``coverage.csv``), traceable by offsets."""
    from framing.compare.coverage import MENTION_COLUMNS, coverage_mentions

    if analysis.sentences.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    return coverage_mentions(analysis.sentences)


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: a formula prefixed with ``'`` (OWASP), and a
    carriage return written as a line feed (Python's csv module quotes a cell holding a line
    feed, but not one holding a lone CR, which a spreadsheet reads as a new row)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_PREFIXES):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells of ``df`` made safe for spreadsheets (:func:`csv_cell`); numbers untouched.

    Vectorised on string columns, and a column is only copied when a cell needs a change:
    the tables of a large corpus are not duplicated as Python objects while writing.
    """
    out = df.copy(deep=False)
    for column in out.columns:
        col = out[column]
        if col.dtype == object:
            out[column] = col.map(csv_cell)
        elif pd.api.types.is_string_dtype(col):
            formula = col.str.startswith(FORMULA_PREFIXES, na=False)
            has_cr = col.str.contains("\r", regex=False, na=False)
            if formula.any() or has_cr.any():
                fixed = col.where(~formula, "'" + col)
                unix = fixed.str.replace("\r\n", "\n", regex=False).str.replace(
                    "\r", "\n", regex=False
                )
                out[column] = fixed.where(~has_cr, unix)
    return out


def write_table(df: pd.DataFrame, folder: Path, name: str) -> None:
    """``<name>.csv`` (UTF-8, LF, formulas neutralised) and ``<name>.parquet``."""
    neutralise_formulas(df).to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    df.to_parquet(folder / f"{name}.parquet", index=False, engine="pyarrow")


def write_partitioned(df: pd.DataFrame, folder: Path, name: str) -> None:
    """``parquet/<name>/source=<source>/part-0.parquet`` (hive partitions, input row order).

    Deterministic: one file per source, rows in table order (single-threaded write).
    Nothing is written for an empty table.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    if df.empty or "source" not in df.columns:
        return
    table = pa.Table.from_pandas(df, preserve_index=False)
    ds.write_dataset(
        table,
        folder / "parquet" / name,
        format="parquet",
        partitioning=["source"],
        partitioning_flavor="hive",
        basename_template="part-{i}.parquet",
        use_threads=False,
        existing_data_behavior="error",
    )


def _check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise OutputError(
            f"{out}: folder is not empty and was not written by framing; "
            "choose an empty or new folder"
        )


def write_outputs(
    analysis: Analysis,
    out: str | Path,
    *,
    report: bool = True,
    charts: bool = True,
    partitioned: bool = False,
) -> Path:
    """Write everything into ``out`` atomically; return the folder.

    ``partitioned``: also write each table as a Parquet dataset partitioned by source
    (:func:`write_partitioned`), the layout Dask and Spark read in parallel.
    """
    out = Path(out)
    _check_target(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise OutputError(f"{out}: cannot write: {exc}") from exc
    try:
        (tmp / MARKER).write_text(f"written by framing {__version__}\n", encoding="utf-8")
        for name, df in analysis.tables.items():
            write_table(df, tmp, name)
            if partitioned:
                write_partitioned(df, tmp, name)
        write_table(analysis.summary, tmp, "summary")
        write_table(coverage_mentions_of(analysis), tmp, "coverage")
        (tmp / "summary.json").write_text(
            json.dumps(summary_dict(analysis), indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        (tmp / "warnings.txt").write_text(
            "".join(f"{w}\n" for w in analysis.warnings), encoding="utf-8"
        )
        if report:
            from framing.report import write_report

            write_report(analysis, tmp, charts=charts)
        _swap_into_place(tmp, out)
    except OSError as exc:  # disk full, permissions: a clear error, nothing half-written
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"{out}: cannot write: {exc}; the previous output is unchanged") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


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
