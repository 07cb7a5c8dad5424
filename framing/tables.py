"""The model: table names, their columns and types, and the containers that hold them.

The bottom layer of the package (see README, Architecture): it imports nothing of
framing, reads and writes no file, renders and runs nothing. Everything above agrees
on these names and types:

* the column order and dtype of every table (:data:`TABLE_COLUMNS`, the contract of
  DESIGN.md, and :data:`TABLE_DTYPES`, every column as written);
* :class:`ArticleResult`, the rows one article yields, and :class:`TableParts`, the
  typed tables of a run of consecutive articles, which workers send back and the main
  process only concatenates and writes;
* :class:`Tables`, the tables of a whole run with their per-source summary
  (:func:`source_summary`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, Protocol

import pandas as pd
import pyarrow as pa

# Column order of each table: API (DESIGN.md), extra columns come after these.
ARTICLE_COLUMNS = [
    "article_id",
    "file",
    "source",
    "title",
    "date",
    "url",
    "n_paragraphs",
    "n_sentences",
    "n_words",
    "n_removed_lines",
    "sentiment_mean",
    "sentiment_neg_share",
    "sentiment_pos_share",
    "n_quotes",
    "quoted_word_share",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
]
TERM_COLUMNS = [
    "article_id",
    "source",
    "group",
    "variant",
    "pole",
    "matched",
    "voice",
    "speaker",
    "paragraph",
    "start",
    "end",
    "context",
]
QUOTE_COLUMNS = [
    "article_id",
    "source",
    "quote_id",
    "kind",
    "speaker",
    "speaker_as_written",
    "affiliation",
    "verb",
    "verb_class",
    "text",
    "n_words",
    "paragraph",
    "start",
    "end",
    "compound",
    "warning",
    "quoted_text",
    "speaker_title",
    "part",
]
SENTENCE_COLUMNS = [
    "article_id",
    "source",
    "paragraph",
    "sentence_idx",
    "text",
    "voice",
    "compound",
    "pos",
    "neu",
    "neg",
    "sides",
]
CLEANING_COLUMNS = ["article_id", "source", "line", "reason", "text", "duplicate_of"]
MENTION_COLUMNS = [
    "article_id",
    "source",
    "kind",
    "item",
    "side",
    "as_written",
    "start",
    "end",
    "context",
    "value",
    "unit",
]
ERROR_COLUMNS = ["file", "line", "article_id", "source", "reason"]
# the timeline (framing.compare.timeline): computed from the other tables after a run,
# so not among TABLE_COLUMNS (which every output folder must hold)
TIMELINE_COLUMNS = ["by", "group", "period", "metric", "value", "n_articles", "ci_low", "ci_high"]
# the cleaned text of each analysed article: every start/end of the other tables indexes it
DOCUMENT_COLUMNS = ["article_id", "source", "text"]
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": ARTICLE_COLUMNS,
    "terms": TERM_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "cleaning": CLEANING_COLUMNS,
    "coverage": MENTION_COLUMNS,
    "errors": ERROR_COLUMNS,
    "documents": DOCUMENT_COLUMNS,
}
PER_ARTICLE_TABLES = (
    "articles",
    "terms",
    "quotes",
    "sentences",
    "cleaning",
    "coverage",
    "documents",
)
# tables written as Parquet only, unless CSV is asked for (whole article texts: large,
# and a spreadsheet is no place to read them)
PARQUET_ONLY_TABLES = frozenset({"documents"})

# Column types of each table, in output order (contract columns first, then the
# extra ones, as the extractors emit them: tests check the two orders agree). Every
# chunk of a table is cast to these, so a column has the same type in every run and
# every chunk, whatever values happen to be missing ("Int64": an integer that may be
# missing).
INT, FLOAT, BOOL, STR, MAYBE_INT = "int64", "float64", "bool", "str", "Int64"


def _types(columns: Iterable[str], default: str = STR, **types: str) -> dict[str, str]:
    """Column -> dtype, in the order of ``columns``: ``types`` where named, else ``default``."""
    return {column: types.get(column, default) for column in columns}


_ARTICLE_ORDER = [
    *ARTICLE_COLUMNS,
    "sentiment_narrator_mean",
    "sentiment_quoted_mean",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "text_standard",
    "text_standard_grade",
    "automated_readability_index",
    "linsear_write_formula",
    "readability_words",
    "readability_sentences",
    "syllables",
    "polysyllables",
    "letters",
    "characters",
    "words_with_punctuation",
    "difficult_words",
    "dale_chall_difficult_words",
    "linsear_easy_words",
    "linsear_difficult_words",
    "linsear_sentences",
    "country",
    "ownership",
    "encoding",
    "n_warnings",
]
_ARTICLE_STR = "article_id file source title date url text_standard country ownership encoding"
_ARTICLE_INT = (
    "n_paragraphs n_sentences n_words n_removed_lines n_quotes readability_words "
    "readability_sentences syllables polysyllables letters characters "
    "words_with_punctuation difficult_words dale_chall_difficult_words linsear_easy_words "
    "linsear_difficult_words linsear_sentences n_warnings"
)
# the rows as the extractors emit them (framing.extract.terms.TERM_COLUMNS,
# framing.extract.quotes.QUOTE_COLUMNS, framing.extract.sentiment.SENTENCE_COLUMNS)
TERM_ROW = [
    *TERM_COLUMNS,
    "sentence_idx",
    "quote_kind",
    "quote_id",
    "counts",
    "own_words",
]
QUOTE_ROW = [*QUOTE_COLUMNS, "n_quoted_words"]
SENTENCE_ROW = [*SENTENCE_COLUMNS, "start", "end"]
_OFFSETS = {"paragraph": INT, "start": INT, "end": INT}
MENTION_DTYPES = _types(MENTION_COLUMNS, start=INT, end=INT, value=FLOAT)
TABLE_DTYPES: dict[str, dict[str, str]] = {
    "articles": _types(
        _ARTICLE_ORDER,
        FLOAT,
        **dict.fromkeys(_ARTICLE_STR.split(), STR),
        **dict.fromkeys(_ARTICLE_INT.split(), INT),
    ),
    "terms": _types(TERM_ROW, **_OFFSETS, sentence_idx=INT, counts=BOOL, own_words=BOOL),
    "quotes": _types(QUOTE_ROW, **_OFFSETS, n_words=INT, n_quoted_words=INT, compound=FLOAT),
    "sentences": _types(
        SENTENCE_ROW, **_OFFSETS, sentence_idx=INT, compound=FLOAT, pos=FLOAT, neu=FLOAT, neg=FLOAT
    ),
    "cleaning": _types(CLEANING_COLUMNS, line=INT, duplicate_of=MAYBE_INT),
    "coverage": MENTION_DTYPES,
    "errors": _types(ERROR_COLUMNS, line=MAYBE_INT),
    "timeline": _types(TIMELINE_COLUMNS, value=FLOAT, n_articles=INT, ci_low=FLOAT, ci_high=FLOAT),
    "documents": _types(DOCUMENT_COLUMNS),
}


def typed_table(data: Mapping[str, Sequence[Any]] | pd.DataFrame, name: str) -> pd.DataFrame:
    """A chunk of table ``name``: its declared columns in order, cast to TABLE_DTYPES.

    Columns without a declared type come last, as inferred. Every chunk of a table has
    the same columns and types, so chunks can be written one after the other (CSV rows
    appended, Parquet row groups) with the same bytes as one frame of every row.
    """
    declared = TABLE_DTYPES[name]
    df = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    extra = [c for c in df.columns if c not in declared]
    df = df.reindex(columns=[*declared, *extra])
    return df.astype(declared)


def concat_typed(chunks: Sequence[pd.DataFrame], name: str) -> pd.DataFrame:
    """One table from its typed chunks (:func:`typed_table`), rows in order."""
    chunks = [c for c in chunks if not c.empty] or [typed_table({}, name)]
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)


# The Arrow type of each declared dtype: the storage pandas itself uses for it ("str"
# is an ArrowStringArray of large_string; "Int64" an int64 that may be null).
ARROW_TYPES = {
    INT: pa.int64(),
    FLOAT: pa.float64(),
    BOOL: pa.bool_(),
    STR: pa.large_string(),
    MAYBE_INT: pa.int64(),
}
_NEVER_NULL = (INT, BOOL)  # numpy dtypes: pandas has no missing value for them


def _arrow_column(values: Sequence[Any] | None, n_rows: int, dtype: str) -> pa.Array:
    """One declared column in Arrow, holding what :func:`typed_table` casts it to.

    Arrow converts a list of Python values of the column's type (None or NaN for a
    missing one) in one C++ loop; anything else (a value of another type, a missing
    value in a column that cannot hold one, a column absent from ``data``) goes
    through pandas' own cast, so the result is always the same as typed_table's.
    """
    if values is not None:
        try:
            array = pa.array(values, ARROW_TYPES[dtype], from_pandas=True)
        except (pa.ArrowException, TypeError, ValueError, OverflowError):
            pass
        else:
            if not (dtype in _NEVER_NULL and array.null_count):
                return array
    column = pd.Series(values) if values is not None else pd.Series([math.nan] * n_rows)
    return pa.Array.from_pandas(column.astype(pd.api.types.pandas_dtype(dtype)))


def _inferred_column(values: Sequence[Any]) -> pa.Array:
    """An undeclared column, its type inferred by Arrow (text as large_string)."""
    array = pa.array(values, from_pandas=True)
    return array.cast(pa.large_string()) if pa.types.is_string(array.type) else array


def typed_arrow(data: Mapping[str, Sequence[Any]], name: str) -> pa.Table:
    """:func:`typed_table` of column lists, in Arrow: :func:`typed_frame` of it equals
    ``typed_table(data, name)``. Several times faster for a few rows than building a
    DataFrame and casting it, and Arrow tables concatenate and slice without copying."""
    declared = TABLE_DTYPES[name]
    n_rows = len(next(iter(data.values()), ()))
    arrays = [_arrow_column(data.get(c), n_rows, dtype) for c, dtype in declared.items()]
    extra = [c for c in data if c not in declared]
    return pa.table(
        [*arrays, *(_inferred_column(data[c]) for c in extra)], names=[*declared, *extra]
    )


def typed_frame(table: pa.Table, name: str) -> pd.DataFrame:
    """The pandas frame of a table built by :func:`typed_arrow`: TABLE_DTYPES again."""
    df = table.to_pandas()
    maybe_int = [c for c, dtype in TABLE_DTYPES[name].items() if dtype == MAYBE_INT]
    return df.astype(dict.fromkeys(maybe_int, MAYBE_INT)) if maybe_int else df


def concat_arrow(tables: Sequence[pa.Table]) -> pa.Table:
    """Typed Arrow tables one after the other (an undeclared column's type widened)."""
    return pa.concat_tables(tables, promote_options="permissive")


class Columns:
    """Rows of one table gathered column by column (a list per column, not a dict per
    row: much less memory for the same values), turned into a DataFrame once."""

    def __init__(self, rows: Iterable[Mapping[str, Any]] = ()) -> None:
        self.data: dict[str, list[Any]] = {}
        self.n_rows = 0
        self.extend(rows)

    def append(self, row: Mapping[str, Any]) -> None:
        self.extend([row])

    def extend(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Add ``rows``; a column first seen now is empty (None) in the earlier rows.

        Column by column (one list comprehension each), not row by row: the same
        values, a fraction of the Python steps.
        """
        rows = list(rows)
        if not rows:
            return
        if not self.data.keys() >= set().union(*rows):
            for row in rows:  # new columns, in order of first appearance
                for key in row:
                    if key not in self.data:
                        self.data[key] = [None] * self.n_rows
        for key, values in self.data.items():
            values.extend([row.get(key) for row in rows])
        self.n_rows += len(rows)


class Located(Protocol):
    """Where an input comes from (a :class:`framing.corpus.Article` is one)."""

    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def article_id(self) -> str: ...
    @property
    def source(self) -> str: ...


@dataclass
class ArticleResult:
    """Rows produced from one article, one list per table (the cache stores these)."""

    article: dict[str, Any]
    terms: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    cleaning: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    error: dict[str, Any] | None = None
    coverage: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def failed(cls, article: Located, reason: str) -> ArticleResult:
        """The result of an article that could not be analysed: one row of ``errors``."""
        error = {
            "file": article.file,
            "line": article.line,
            "article_id": article.article_id,
            "source": article.source,
            "reason": reason,
        }
        return cls({}, [], [], [], [], [], error)

    def rows(self, name: str) -> list[dict[str, Any]]:
        """The rows of per-article table ``name`` (``articles``: one, or none if failed)."""
        if name == "articles":
            return [self.article] if self.error is None else []
        rows: list[dict[str, Any]] = getattr(self, name)
        return rows


def _ipc_bytes(table: pa.Table) -> bytes:
    """``table`` as an Arrow IPC stream."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _read_ipc(stream: bytes) -> pa.Table:
    return pa.ipc.open_stream(stream).read_all()


@dataclass
class TableParts:
    """The per-article tables of consecutive articles, typed (:func:`typed_arrow`).

    What a worker sends back for a chunk of articles, so that the main process only
    concatenates and writes: a few Arrow tables pickle far faster than ~100 row dicts
    an article, and cost a fraction of typed DataFrames to build. Per article, in input
    order: ``sizes`` (rows in each table; none for an article that failed),
    ``warnings`` and ``errors`` (its ``errors`` row, or None), so parts can be cut at
    any article (:meth:`split`). :attr:`tables` gives them as typed DataFrames.
    """

    arrow: dict[str, pa.Table]
    sizes: list[dict[str, int]]
    warnings: list[list[str]]
    errors: list[dict[str, Any] | None]

    @classmethod
    def of(cls, results: Sequence[ArticleResult]) -> TableParts:
        """The typed tables of ``results``, one Arrow table per table."""
        tables = {}
        for name in PER_ARTICLE_TABLES:
            rows = Columns()
            for result in results:
                rows.extend(result.rows(name))
            tables[name] = typed_arrow(rows.data, name)
        return cls(
            tables,
            [{name: len(r.rows(name)) for name in PER_ARTICLE_TABLES} for r in results],
            [r.warnings if r.error is None else [] for r in results],
            [r.error for r in results],
        )

    @classmethod
    def empty(cls) -> TableParts:
        return cls({name: typed_arrow({}, name) for name in PER_ARTICLE_TABLES}, [], [], [])

    @classmethod
    def concat(cls, parts: Sequence[TableParts]) -> TableParts:
        """The parts one after the other."""
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return cls.empty()
        return cls(
            {name: concat_arrow([p.arrow[name] for p in parts]) for name in PER_ARTICLE_TABLES},
            [size for p in parts for size in p.sizes],
            [w for p in parts for w in p.warnings],
            [e for p in parts for e in p.errors],
        )

    def __getstate__(self) -> dict[str, Any]:
        """Pickled with each table as an Arrow IPC stream: about a tenth of the time
        pickle takes over an Arrow table column by column (0.02 against 0.2 ms per
        article, chunks of 16 real articles)."""
        return {**self.__dict__, "arrow": {n: _ipc_bytes(t) for n, t in self.arrow.items()}}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, arrow={n: _read_ipc(b) for n, b in state["arrow"].items()})

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables as typed DataFrames (:func:`typed_table`'s columns and dtypes)."""
        return {name: typed_frame(table, name) for name, table in self.arrow.items()}

    def __len__(self) -> int:
        """Articles, analysed or failed."""
        return len(self.errors)

    @property
    def n_analysed(self) -> int:
        return sum(error is None for error in self.errors)

    def split(self, n: int) -> tuple[TableParts, TableParts]:
        """The first ``n`` articles and the rest."""
        head: dict[str, pa.Table] = {}
        tail: dict[str, pa.Table] = {}
        for name, table in self.arrow.items():
            cut = sum(size[name] for size in self.sizes[:n])
            head[name] = table.slice(0, cut)
            tail[name] = table.slice(cut)
        first = TableParts(head, self.sizes[:n], self.warnings[:n], self.errors[:n])
        rest = TableParts(tail, self.sizes[n:], self.warnings[n:], self.errors[n:])
        return first, rest

    def article(self, i: int) -> TableParts:
        """The parts of article ``i`` alone."""
        return self.split(i + 1)[0].split(i)[1]

    def articles_until(self, n_analysed: int) -> int:
        """How many articles from the start hold the first ``n_analysed`` analysed ones."""
        counts = accumulate(error is None for error in self.errors)
        return next(i + 1 for i, count in enumerate(counts) if count == n_analysed)


SUMMARY_SUMS = ["n_paragraphs", "n_sentences", "n_words", "n_removed_lines", "n_quotes"]
SUMMARY_MEANS = [
    "sentiment_mean",
    "sentiment_neg_share",
    "sentiment_pos_share",
    "quoted_word_share",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
]
ROW_COUNT = "n_rows"


def compact(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """``df`` reduced to its distinct rows over ``columns``, each with ``n_rows``: how
    many rows of ``df`` it stands for (summed when ``df`` is already compact).

    The functions that only count rows (:func:`source_summary`'s term counts,
    :func:`~framing.compare.terms.term_choice`, :func:`~framing.compare.quotes.
    quoted_words_by_side`, :func:`~framing.compare.quotes.loaded_verb_share`) give the
    same result on a compact table, so the summary of a corpus of any size is built
    from compact batches in constant memory.
    """
    weights = df[ROW_COUNT] if ROW_COUNT in df.columns else 1
    keyed = df[columns].assign(**{ROW_COUNT: weights})
    return keyed.groupby(columns, dropna=False, sort=False)[ROW_COUNT].sum().reset_index()


def row_weights(df: pd.DataFrame) -> pd.Series:
    """How many rows each row of ``df`` stands for: ``n_rows`` of a compact table, else 1."""
    if ROW_COUNT in df.columns:
        return df[ROW_COUNT].astype("int64")
    return pd.Series(1, index=df.index, dtype="int64")


def row_counts(df: pd.DataFrame, keys: str | list[str]) -> pd.Series:
    """Rows per group of ``keys`` (sorted), counting a compact table's ``n_rows``."""
    return (
        row_weights(df).groupby([df[k] for k in ([keys] if isinstance(keys, str) else keys)]).sum()
    )


def source_summary(tables: Tables) -> pd.DataFrame:
    """One row per source: article count, summed counts, and unweighted means over articles.

    Columns: source, n_articles, the sums of SUMMARY_SUMS, the means of SUMMARY_MEANS
    (each article weighs the same, so a long article does not speak for its outlet),
    n_term_matches and n_narrator_terms.
    """
    articles = tables.articles
    if articles.empty:
        return pd.DataFrame(columns=["source", "n_articles", *SUMMARY_SUMS, *SUMMARY_MEANS])
    grouped = articles.groupby("source", sort=True)
    summary = grouped.size().rename("n_articles").to_frame()
    summary = summary.join(grouped[SUMMARY_SUMS].sum())
    summary = summary.join(grouped[SUMMARY_MEANS].mean())
    terms = tables.terms
    by_source = row_counts(terms, "source") if not terms.empty else pd.Series(dtype=int)
    narrator = (
        row_counts(terms[terms["voice"] == "narrator"], "source")
        if not terms.empty
        else pd.Series(dtype=int)
    )
    summary["n_term_matches"] = by_source.reindex(summary.index, fill_value=0).astype(int)
    summary["n_narrator_terms"] = narrator.reindex(summary.index, fill_value=0).astype(int)
    return summary.reset_index()


class Tables:
    """The tables of one run, as pandas DataFrames (columns: see DESIGN.md).

    ``articles``, ``terms``, ``quotes``, ``sentences``, ``cleaning``, ``coverage``: one
    row per article, term match, attributed statement, sentence, removed line, mention
    of an actor, place, figure or date (:mod:`framing.extract.coverage`).
    ``errors``: one row per input that could not be analysed (file, line, reason).
    ``documents``: one row per analysed article, its cleaned text (which every
    ``start``/``end`` indexes).
    ``summary``: one row per source (:func:`source_summary`). ``warnings``: what the
    run refused to guess. ``versions``: the lexicons' versions.

    The public :class:`framing.Analysis` adds writing (``to_dir``) and showing
    (``_repr_html_``) to these, in the layer that writes and renders.
    """

    def __init__(
        self,
        tables: Mapping[str, pd.DataFrame],
        *,
        warnings: Sequence[str] = (),
        versions: Mapping[str, str] | None = None,
    ) -> None:
        self.articles = tables["articles"]
        self.terms = tables["terms"]
        self.quotes = tables["quotes"]
        self.sentences = tables["sentences"]
        self.cleaning = tables["cleaning"]
        self.coverage = tables["coverage"] if "coverage" in tables else typed_table({}, "coverage")
        self.errors = tables["errors"]
        self.documents = (
            tables["documents"] if "documents" in tables else typed_table({}, "documents")
        )
        self.warnings = list(warnings)
        self.versions = dict(versions or {})
        self.summary = source_summary(self)

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "articles": self.articles,
            "terms": self.terms,
            "quotes": self.quotes,
            "sentences": self.sentences,
            "cleaning": self.cleaning,
            "coverage": self.coverage,
            "errors": self.errors,
            "documents": self.documents,
        }

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        return f"<{type(self).__name__} {self.articles['source'].nunique()} sources: {sizes}>"
