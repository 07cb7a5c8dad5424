"""Run the extractors over a corpus and gather the rows into pandas tables.

The unit of work is one article: :func:`analyze_article` is a pure function of an
:class:`~framing.corpus.Article` and the :class:`Settings` (lexicon paths), so it
can run in this process, in a process pool, or on a Dask cluster with the same
result. Tables are built once, at the edge, by :func:`build_analysis`.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from framing.actors import ActorRegistry, Mention, find_mentions, load_actors
from framing.cache import ResultCache, article_key
from framing.clean import Boilerplate, clean_article, load_boilerplate
from framing.compare.coverage import (
    MENTION_COLUMNS,
    MENTION_DTYPES,
    CoverageLexicon,
    article_mention_rows,
    default_coverage_lexicon,
)
from framing.corpus import Article, CorpusError, iter_unique, manifest_warnings
from framing.document import Document
from framing.extract.quotes import QUOTE_COLUMNS as QUOTE_ROW
from framing.extract.quotes import VerbLexicon, extract_quotes, load_verbs
from framing.extract.readability import readability_scores
from framing.extract.sentiment import SENTENCE_COLUMNS as SENTENCE_ROW
from framing.extract.sentiment import article_sentiment, extract_sentences, polarity_scores
from framing.extract.terms import TERM_COLUMNS as TERM_ROW
from framing.extract.terms import Lexicon, extract_terms, load_lexicon
from framing.language import language_problem

if TYPE_CHECKING:
    from framing.output import Run

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
ERROR_COLUMNS = ["file", "line", "article_id", "source", "reason"]
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": ARTICLE_COLUMNS,
    "terms": TERM_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "cleaning": CLEANING_COLUMNS,
    "coverage": MENTION_COLUMNS,
    "errors": ERROR_COLUMNS,
}

# Column types of each table, in output order (contract columns first, then the
# extra ones, as the extractors emit them). Every chunk of a table is cast to these,
# so a column has the same type in every run and every chunk, whatever values happen
# to be missing ("Int64": an integer that may be missing).
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
_OFFSETS = {"paragraph": INT, "start": INT, "end": INT}
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
}
TITLE_MAX_WORDS = 20


@dataclass(frozen=True)
class Settings:
    """Which lexicons to use (None: the packaged defaults). Small and picklable."""

    lexicon: str | None = None
    actors: str | None = None
    verbs: str | None = None
    boilerplate: str | None = None


@dataclass(frozen=True)
class Resources:
    lexicon: Lexicon
    actors: ActorRegistry
    verbs: VerbLexicon
    boilerplate: Boilerplate
    coverage: CoverageLexicon

    def versions(self) -> dict[str, str]:
        return {
            "terms": self.lexicon.version,
            "actors": self.actors.version,
            "verbs": self.verbs.version,
            "boilerplate": self.boilerplate.version,
            "coverage": self.coverage.version,
        }


@cache
def load_resources(settings: Settings) -> Resources:
    """Parse and compile every lexicon once per process."""
    return Resources(
        lexicon=load_lexicon(settings.lexicon),
        actors=load_actors(settings.actors),
        verbs=load_verbs(settings.verbs),
        boilerplate=load_boilerplate(settings.boilerplate),
        coverage=default_coverage_lexicon(),
    )


@dataclass
class ArticleResult:
    """Rows produced from one article, one list per table."""

    article: dict[str, Any]
    terms: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    cleaning: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    error: dict[str, Any] | None = None
    coverage: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def failed(cls, article: Article, reason: str) -> ArticleResult:
        """The result of an article that could not be analysed: one row of ``errors``."""
        error = {
            "file": article.file,
            "line": article.line,
            "article_id": article.article_id,
            "source": article.source,
            "reason": reason,
        }
        return cls({}, [], [], [], [], [], error)


def guess_title(doc: Document) -> str:
    """The first paragraph when it reads as a headline (short, no final period)."""
    if not doc.paragraphs:
        return ""
    first = doc.text[doc.paragraphs[0].start : doc.paragraphs[0].end]
    if len(first.split()) <= TITLE_MAX_WORDS and not first.rstrip().endswith((".", "”", '"')):
        return first
    return ""


def quoted_word_share(doc: Document, quotes: Sequence[Mapping[str, Any]]) -> float:
    """Share of the article's words inside direct or partial quotations.

    A word is inside when its start offset is in one of the quotations' ``[start, end)``.
    """
    spans = sorted((q["start"], q["end"]) for q in quotes if q["kind"] in ("direct", "partial"))
    if not doc.words:
        return math.nan
    inside = 0
    covered = 0  # end of the union of the spans counted so far: no word is counted twice
    for start, end in spans:
        start = max(start, covered)
        if start < end:
            inside += doc.count_words(start, end)
            covered = end
    return inside / len(doc.words)


class DocumentRows(NamedTuple):
    """The rows one Document yields, table by table, and its article-level scores."""

    quotes: list[dict[str, Any]]
    terms: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    scores: dict[str, Any]
    coverage: list[dict[str, Any]]


def analyze_document(doc: Document, resources: Resources) -> DocumentRows:
    """Quotes, terms, sentences, coverage mentions and article-level scores of one Document."""
    mentions = find_mentions(doc.text, resources.actors)  # one scan, shared
    quotes = extract_quotes(doc, actors=resources.actors, verbs=resources.verbs, mentions=mentions)
    for q in quotes:
        q["compound"] = polarity_scores(q["text"])["compound"]
    terms = extract_terms(doc, quotes=quotes, lexicon=resources.lexicon)
    sentences = extract_sentences(doc, quotes=quotes, mentions=mentions)
    scores: dict[str, Any] = {
        **article_sentiment(sentences),
        "n_quotes": len(quotes),
        "quoted_word_share": quoted_word_share(doc, quotes),
        **readability_scores(doc),
    }
    coverage = coverage_rows(doc, sentences, resources, mentions)
    return DocumentRows(quotes, terms, sentences, scores, coverage)


def coverage_rows(
    doc: Document,
    sentences: Sequence[Mapping[str, Any]],
    resources: Resources,
    mentions: Sequence[Mention],
) -> list[dict[str, Any]]:
    """The coverage mentions of one Document, from its sentence rows and its actor
    mentions (:func:`framing.compare.coverage.article_mention_rows`)."""
    return article_mention_rows(
        doc.article_id,
        doc.source,
        [(sentence["text"], sentence["start"]) for sentence in sentences],
        actors=resources.actors,
        lexicon=resources.coverage,
        actor_mentions=mentions,
    )


def analyze_article(article: Article, settings: Settings = Settings()) -> ArticleResult:
    """Clean, split and run every extractor on one article."""
    resources = load_resources(settings)
    doc, cleaned = clean_article(article, resources.boilerplate)
    problem = language_problem(doc.text, doc.words)
    if problem:
        return ArticleResult.failed(article, problem)
    if not doc.sentences:
        return ArticleResult.failed(article, "no article text left after cleaning")
    quotes, terms, sentences, scores, coverage = analyze_document(doc, resources)
    warnings = [*article.warnings, *(f"{article.file}: {w}" for w in cleaned.warnings)]
    warnings += [
        f"{article.file}: {q['quote_id']}: {q['warning']}" for q in quotes if q.get("warning")
    ]
    row = {
        "article_id": article.article_id,
        "file": article.file,
        "source": article.source,
        "title": article.title or guess_title(doc),
        "date": article.date,
        "url": article.url,
        "n_paragraphs": len(doc.paragraphs),
        "n_sentences": len(doc.sentences),
        "n_words": len(doc.words),
        "n_removed_lines": len(cleaned.removals),
        **scores,
        "country": article.country,
        "ownership": article.ownership,
        "encoding": article.encoding,
        "n_warnings": len(warnings),
    }
    cleaning = [
        {
            "article_id": article.article_id,
            "source": article.source,
            "line": r.line,
            "reason": r.reason,
            "text": r.text,
            "duplicate_of": r.duplicate_of,
        }
        for r in cleaned.removals
    ]
    return ArticleResult(row, terms, quotes, sentences, cleaning, warnings, coverage=coverage)


def analyze_article_safely(article: Article, settings: Settings = Settings()) -> ArticleResult:
    """:func:`analyze_article`, but an unexpected failure becomes an ``errors`` row.

    One hostile or broken article must not take a batch of thousands down; the
    failure is reported with its file, and the run's exit status says so.
    """
    try:
        return analyze_article(article, settings)
    except Exception as exc:
        return ArticleResult.failed(
            article, f"internal error while analysing: {type(exc).__name__}: {exc}"
        )


def _raise_first_error(results: Iterable[ArticleResult]) -> Iterator[ArticleResult]:
    for result in results:
        if result.error is not None:
            err = result.error
            raise CorpusError(err["file"], err["reason"], err["line"] if err["line"] > 1 else None)
        yield result


class _Columns:
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


def _frame(chunks: Sequence[pd.DataFrame], name: str) -> pd.DataFrame:
    """One table from its typed chunks (:func:`typed_table`)."""
    chunks = [c for c in chunks if not c.empty] or [typed_table({}, name)]
    return chunks[0] if len(chunks) == 1 else pd.concat(chunks, ignore_index=True)


BATCH_ARTICLES = 256  # rows become compact DataFrame chunks this often (bounds Python objects)


CHUNK_SIZE = 16  # articles per pool task: ~0.06 s of work at ~4 ms an article
IN_FLIGHT = 4  # chunks queued per worker: keeps workers busy, bounds memory


def run_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    workers: int = 1,
    strict: bool = False,
    cache: ResultCache | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[ArticleResult]:
    """Results in input order, serially, in a process pool of ``workers``, or on Dask.

    Streams: articles are read as they are needed and at most ``IN_FLIGHT`` chunks per
    worker are pending. With ``strict``, the first article that fails raises; otherwise
    it becomes an ``errors`` row and the batch goes on. With a ``cache``, an article
    whose text, metadata, code and lexicons are unchanged is read back instead of
    recomputed. ``engine="dask"`` runs on a dask.distributed cluster (``scheduler``
    address, else a local cluster of ``workers`` processes).
    """
    work = analyze_article if strict else analyze_article_safely
    if engine == "dask":
        from framing.dask_engine import compute_on_dask

        def compute(items: Iterable[Article]) -> Iterator[ArticleResult]:
            return compute_on_dask(work, items, settings, workers=workers, scheduler=scheduler)
    elif engine == "local":

        def compute(items: Iterable[Article]) -> Iterator[ArticleResult]:
            return _compute(work, items, settings, workers)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if cache is None:
        yield from compute(articles)
        return
    versions = load_resources(settings).versions()
    pending: deque[tuple[str, Article, bool]] = deque()

    def misses() -> Iterator[Article]:
        for article in articles:
            key = article_key(article, versions)
            hit = key in cache
            pending.append((key, article, hit))
            if not hit:
                yield article

    for result in compute(misses()):
        yield from _cached_until_miss(pending, cache, work, settings)
        key, _, _ = pending.popleft()
        if result.error is None:
            cache.put(key, result)
        yield result
    yield from _cached_until_miss(pending, cache, work, settings)


def _cached_until_miss(
    pending: deque[tuple[str, Article, bool]],
    cache: ResultCache,
    work: Callable[[Article, Settings], ArticleResult],
    settings: Settings,
) -> Iterator[ArticleResult]:
    """Pop and yield the cached results at the head of ``pending``, up to the next miss."""
    while pending and pending[0][2]:
        key, article, _ = pending.popleft()
        hit = cache.get(key)
        yield hit if hit is not None else work(article, settings)  # entry vanished meanwhile


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive lists of ``size`` items (the last one shorter)."""
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def warm(settings: Settings) -> None:
    """Load everything an article needs once: lexicons, VADER, CMUdict, word lists.

    Called before a pool starts, so forked workers inherit it (copy-on-write), and as
    the pool initializer, where it is then a no-op (or the loading, under spawn).
    """
    from framing.extract.readability import cmu_dictionary, easy_words
    from framing.extract.vader import analyzer

    load_resources(settings)
    analyzer()
    cmu_dictionary()
    easy_words()


def _work_chunk(
    work: Callable[[Article, Settings], ArticleResult], chunk: list[Article], settings: Settings
) -> list[ArticleResult]:
    return [work(article, settings) for article in chunk]


def _compute(
    work: Callable[[Article, Settings], ArticleResult],
    articles: Iterable[Article],
    settings: Settings,
    workers: int,
) -> Iterator[ArticleResult]:
    """Results in input order; a pool only when there is more than one chunk of work."""
    chunks = chunked(articles, CHUNK_SIZE)
    head = list(islice(chunks, 2))
    if workers <= 1 or len(head) < 2:
        for chunk in chain(head, chunks):
            yield from _work_chunk(work, chunk, settings)
        return
    warm(settings)
    with ProcessPoolExecutor(workers, initializer=warm, initargs=(settings,)) as pool:
        futures: deque[Future[list[ArticleResult]]] = deque()
        for chunk in chain(head, chunks):
            futures.append(pool.submit(_work_chunk, work, chunk, settings))
            if len(futures) >= workers * IN_FLIGHT:
                yield from futures.popleft().result()
        while futures:
            yield from futures.popleft().result()


class Analysis:
    """The tables of one run, as pandas DataFrames (columns: see DESIGN.md).

    ``articles``, ``terms``, ``quotes``, ``sentences``, ``cleaning``, ``coverage``: one
    row per article, term match, attributed statement, sentence, removed line, mention
    of an actor, place, figure or date (:mod:`framing.compare.coverage`).
    ``errors``: one row per input that could not be analysed (file, line, reason).
    ``summary``: one row per source. ``warnings``: what the run refused to guess.
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
        self.coverage = tables["coverage"] if "coverage" in tables else _mentions(self.sentences)
        self.errors = tables["errors"]
        self.warnings = list(warnings)
        self.versions = dict(versions or {})
        from framing.compare import source_summary

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
        }

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(df)}" for name, df in self.tables.items())
        return f"<Analysis {self.articles['source'].nunique()} sources: {sizes}>"

    def _repr_html_(self) -> str:
        from framing.report import render_html_summary

        return render_html_summary(self)

    def to_dir(self, out: str | Path, **options: Any) -> Path:
        """Write tables, summary.json, charts and the report into ``out`` (atomically)."""
        from framing.output import write_outputs

        return write_outputs(self, out, **options)


@dataclass
class RunLog:
    """What a run collects besides the tables: warnings, and ``errors`` rows (one per
    article that could not be analysed)."""

    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


PER_ARTICLE_TABLES = ("articles", "terms", "quotes", "sentences", "cleaning", "coverage")


def table_batches(
    results: Iterable[ArticleResult], log: RunLog
) -> Iterator[dict[str, pd.DataFrame]]:
    """The per-article tables in typed chunks of ``BATCH_ARTICLES`` articles, in input order.

    Rows are gathered column by column and become compact DataFrames every batch, so
    the Python objects of at most one batch are alive. Failed articles go to ``log``.
    """
    rows = {name: _Columns() for name in PER_ARTICLE_TABLES}

    def batch() -> dict[str, pd.DataFrame]:
        return {name: typed_table(rows[name].data, name) for name in PER_ARTICLE_TABLES}

    for result in results:
        if result.error is not None:
            log.errors.append(result.error)
            continue
        rows["articles"].append(result.article)
        rows["terms"].extend(result.terms)
        rows["quotes"].extend(result.quotes)
        rows["sentences"].extend(result.sentences)
        rows["cleaning"].extend(result.cleaning)
        rows["coverage"].extend(result.coverage)
        log.warnings.extend(result.warnings)
        if rows["articles"].n_rows >= BATCH_ARTICLES:
            yield batch()
            rows = {name: _Columns() for name in PER_ARTICLE_TABLES}
    if rows["articles"].n_rows:
        yield batch()


def errors_table(leading_errors: Sequence[ArticleResult], log: RunLog) -> pd.DataFrame:
    """The ``errors`` table: inputs that could not be read (``leading_errors``) first, then
    the articles that could not be analysed (``log.errors``)."""
    leading = [r.error for r in leading_errors if r.error is not None]
    return typed_table(_Columns([*leading, *log.errors]).data, "errors")


def _mentions(sentences: pd.DataFrame) -> pd.DataFrame:
    """The coverage table of a sentences table (for an Analysis built without one)."""
    from framing.compare.coverage import coverage_mentions

    if sentences.empty:
        return typed_table({}, "coverage")
    return coverage_mentions(sentences)


def build_analysis(
    results: Iterable[ArticleResult],
    *,
    warnings: Sequence[str] = (),
    versions: Mapping[str, str] | None = None,
    leading_errors: Sequence[ArticleResult] = (),
) -> Analysis:
    """Gather per-article rows into the tables.

    ``leading_errors`` (inputs that could not be read) come first in ``errors``; the
    sequence may fill up while ``results`` is consumed (a streamed corpus).
    """
    log = RunLog(list(warnings))
    batches = list(table_batches(results, log))
    tables = {name: _frame([b[name] for b in batches], name) for name in PER_ARTICLE_TABLES}
    tables["errors"] = errors_table(leading_errors, log)
    return Analysis(tables, warnings=log.warnings, versions=versions)


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
    """
    run = _start_run(**locals())
    return build_analysis(
        run.results,
        warnings=run.warnings,
        versions=run.versions,
        leading_errors=run.read_errors,
    )


def analyze_to_dir(
    paths: str | Path | Iterable[str | Path] | Iterable[Article],
    out: str | Path,
    *,
    report: bool = True,
    charts: bool = True,
    partitioned: bool = False,
    **options: Any,
) -> Run:
    """Analyse and write the outputs into ``out`` as the articles stream through.

    What ``framing analyze`` runs: the same files as ``analyze(paths, **options).to_dir(
    out)``, but the tables go to disk a batch of articles at a time instead of being
    held in memory, so a corpus of any size fits (see :func:`framing.output.write_streamed`).
    ``options``: those of :func:`analyze`. Returns what was written (a
    :class:`~framing.output.Run`; its ``out`` is None when no article could be analysed).
    """
    from framing.output import write_streamed

    run = _start_run(paths, **options)
    return write_streamed(
        run.results,
        out,
        warnings=run.warnings,
        versions=run.versions,
        leading_errors=run.read_errors,
        report=report,
        charts=charts,
        partitioned=partitioned,
    )


@dataclass
class _Started:
    results: Iterator[ArticleResult]
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
) -> _Started:
    """Validate the lexicons, open the corpus and start the (lazy) stream of results."""
    settings = Settings(
        *(str(p) if p is not None else None for p in (lexicon, actors, verbs, boilerplate))
    )
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

    if items and all(isinstance(p, Article) for p in items):
        articles: Iterable[Article] = items  # type: ignore[assignment]
    else:
        file_paths = [p for p in items if not isinstance(p, Article)]
        warnings += manifest_warnings(file_paths, manifest)
        articles = iter_unique(file_paths, manifest=manifest, on_error=None if strict else on_error)
    result_cache = None if cache is False else ResultCache(None if cache is True else cache)
    results = run_articles(
        articles,
        settings,
        workers=workers,
        strict=strict,
        cache=result_cache,
        engine=engine,
        scheduler=scheduler,
    )
    if strict:
        results = _raise_first_error(results)
    return _Started(results, warnings, resources.versions(), read_errors)
