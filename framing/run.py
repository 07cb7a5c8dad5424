"""Run the extractors over a corpus: one article, then serially, in a process pool or on Dask.

The unit of work is one article: :func:`analyze_article` is a pure function of an
:class:`~framing.corpus.Article` and the :class:`Settings` (lexicon paths), so it
can run in this process, in a process pool, or on a Dask cluster with the same
result. Workers take chunks of articles and send back their typed tables
(:class:`~framing.tables.TableParts`), so the main process only concatenates and
writes (:func:`table_batches`). This layer never imports the output, report or
comparison modules: it hands parts up, and the layer above decides what to do with them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import chain, islice
from typing import Any, NamedTuple

import pandas as pd

from framing.actors import ActorRegistry, Mention, find_mentions, load_actors
from framing.cache import ResultCache, article_key
from framing.clean import DECK, HEADLINE, Boilerplate, Cleaned, clean_article, load_boilerplate
from framing.corpus import MAX_ARTICLE_CHARS, Article, CorpusError
from framing.document import Document
from framing.extract.coverage import CoverageLexicon, article_mention_rows, default_coverage_lexicon
from framing.extract.quotes import VerbLexicon, extract_quotes, load_verbs
from framing.extract.quotes.headlines import headline_statements
from framing.extract.quotes.statements import quoted_ranges
from framing.extract.readability import readability_scores
from framing.extract.sentiment import article_sentiment, extract_sentences, polarity_scores
from framing.extract.terms import Lexicon, extract_terms, load_lexicon
from framing.language import language_problem
from framing.tables import ArticleResult, Columns, TableParts, typed_table

CHUNK_SIZE = 16  # articles per pool task: ~0.06 s of work at ~4 ms an article
IN_FLIGHT = 4  # chunks queued per worker: keeps workers busy, bounds memory
BATCH_ARTICLES = 256  # articles per batch of tables written (one Parquet row group)


@dataclass(frozen=True)
class Settings:
    """Which lexicons to use (None: the packaged defaults), and the longest article
    analysed. Small and picklable."""

    lexicon: str | None = None
    actors: str | None = None
    verbs: str | None = None
    boilerplate: str | None = None
    max_article_chars: int = MAX_ARTICLE_CHARS


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


def too_long(n_chars: int, settings: Settings) -> str:
    """Why an article of ``n_chars`` characters is not analysed."""
    return (
        f"{n_chars:,} characters is over the limit of {settings.max_article_chars:,} for one "
        "article (raise it with --max-article-chars; is the file many articles in one?)"
    )


def quoted_word_share(doc: Document, quotes: Sequence[Mapping[str, Any]]) -> float:
    """Share of the article's words inside the quotation marks of direct or partial
    statements (:func:`~framing.extract.quotes.statements.quoted_ranges`).

    A word is inside when its start offset is in one of those ranges.
    """
    if not doc.words:
        return math.nan
    inside = sum(doc.count_words(a, b) for a, b in quoted_ranges(doc, quotes))
    return inside / len(doc.words)


class DocumentRows(NamedTuple):
    """The rows one Document yields, table by table, and its article-level scores."""

    quotes: list[dict[str, Any]]
    terms: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    scores: dict[str, Any]
    coverage: list[dict[str, Any]]


def analyze_document(
    doc: Document, resources: Resources, cleaned: Cleaned | None = None
) -> DocumentRows:
    """Quotes, terms, sentences, coverage mentions and article-level scores of one Document.

    With ``cleaned`` (what :func:`~framing.clean.clean_article` removed from the text),
    the statements of its headline and deck lines (:func:`headline_quotes`) follow the
    body's in ``quotes`` and count in ``n_quotes``; terms, sentences and
    ``quoted_word_share`` are the body's.
    """
    mentions = find_mentions(doc.text, resources.actors)  # one scan, shared
    quotes = extract_quotes(doc, actors=resources.actors, verbs=resources.verbs, mentions=mentions)
    for q in quotes:
        q["compound"] = polarity_scores(q["text"])["compound"]
    terms = extract_terms(doc, quotes=quotes, lexicon=resources.lexicon)
    sentences = extract_sentences(doc, quotes=quotes, mentions=mentions)
    heads = (
        headline_quotes(cleaned, doc, resources, first_id=len(quotes) + 1)
        if cleaned is not None
        else []
    )
    scores: dict[str, Any] = {
        **article_sentiment(sentences),
        "n_quotes": len(quotes) + len(heads),
        "quoted_word_share": quoted_word_share(doc, quotes),
        **readability_scores(doc),
    }
    coverage = coverage_rows(doc, sentences, resources, mentions)
    return DocumentRows(quotes + heads, terms, sentences, scores, coverage)


def headline_quotes(
    cleaned: Cleaned, doc: Document, resources: Resources, *, first_id: int
) -> list[dict[str, Any]]:
    """Statements of the headline and deck the cleaner kept out of ``doc``
    (:func:`~framing.extract.quotes.headlines.headline_statements`): ``part`` and
    ``paragraph`` name the line's row in the cleaning table, whose ``text``
    ``start``/``end`` index."""
    rows: list[dict[str, Any]] = []
    for removal in cleaned.removals:
        if removal.reason not in (HEADLINE, DECK):
            continue
        rows += headline_statements(
            removal.text,
            article_id=doc.article_id,
            source=doc.source,
            part=removal.reason,
            line_number=removal.line,
            actors=resources.actors,
            verbs=resources.verbs,
            extract=extract_quotes,
            first_id=first_id + len(rows),
        )
    for q in rows:
        q["compound"] = polarity_scores(q["text"])["compound"]
    return rows


def coverage_rows(
    doc: Document,
    sentences: Sequence[Mapping[str, Any]],
    resources: Resources,
    mentions: Sequence[Mention],
) -> list[dict[str, Any]]:
    """The coverage mentions of one Document, from its sentence rows and its actor
    mentions (:func:`framing.extract.coverage.article_mention_rows`)."""
    return article_mention_rows(
        doc.article_id,
        doc.source,
        [(sentence["text"], sentence["start"]) for sentence in sentences],
        actors=resources.actors,
        lexicon=resources.coverage,
        actor_mentions=mentions,
    )


def analyze_article(article: Article, settings: Settings = Settings()) -> ArticleResult:
    """Clean, split and run every extractor on one article (refused when longer than
    ``settings.max_article_chars``)."""
    if len(article.text) > settings.max_article_chars:
        return ArticleResult.failed(article, too_long(len(article.text), settings))
    resources = load_resources(settings)
    doc, cleaned = clean_article(article, resources.boilerplate)
    problem = language_problem(doc.text, doc.words)
    if problem:
        return ArticleResult.failed(article, problem)
    if not doc.sentences:
        return ArticleResult.failed(article, "no article text left after cleaning")
    quotes, terms, sentences, scores, coverage = analyze_document(doc, resources, cleaned)
    warnings = [*article.warnings, *(f"{article.file}: {w}" for w in cleaned.warnings)]
    warnings += [
        f"{article.file}: {q['quote_id']}: {q['warning']}" for q in quotes if q.get("warning")
    ]
    row = {
        "article_id": article.article_id,
        "file": article.file,
        "source": article.source,
        "title": article.title or cleaned.title,
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
    document = {"article_id": article.article_id, "source": article.source, "text": doc.text}
    return ArticleResult(
        row, terms, quotes, sentences, cleaning, warnings, coverage=coverage, documents=[document]
    )


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


Work = Callable[[Article, Settings], ArticleResult]


def analyze_chunk(work: Work, chunk: Sequence[Article], settings: Settings) -> TableParts:
    """``work`` on each article of ``chunk``, as typed tables: what a worker sends back."""
    return TableParts.of([work(article, settings) for article in chunk])


def raise_first_error(parts: Iterable[TableParts]) -> Iterator[TableParts]:
    """``parts``, but the first article that could not be analysed raises a CorpusError."""
    for part in parts:
        for err in part.errors:
            if err is not None:
                line = err["line"] if err["line"] > 1 else None
                raise CorpusError(err["file"], err["reason"], line)
        yield part


def run_articles(
    articles: Iterable[Article],
    settings: Settings,
    *,
    workers: int = 1,
    strict: bool = False,
    cache: ResultCache | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[TableParts]:
    """Typed tables of consecutive articles, in input order: serially, in a process pool
    of ``workers``, or on Dask.

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

        def compute(items: Iterable[Article]) -> Iterator[TableParts]:
            return compute_on_dask(
                partial(analyze_chunk, work, settings=settings),
                items,
                partial(warm, settings),
                workers=workers,
                scheduler=scheduler,
            )
    elif engine == "local":

        def compute(items: Iterable[Article]) -> Iterator[TableParts]:
            return _compute(work, items, settings, workers)
    else:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if cache is None:
        parts = compute(articles)
    else:
        parts = _through_cache(articles, compute, cache, work, settings)
    return raise_first_error(parts) if strict else parts


def _through_cache(
    articles: Iterable[Article],
    compute: Callable[[Iterable[Article]], Iterator[TableParts]],
    cache: ResultCache,
    work: Work,
    settings: Settings,
) -> Iterator[TableParts]:
    """``compute`` over the articles the cache lacks; the others read back; input order."""
    versions = load_resources(settings).versions()
    pending: deque[tuple[str, Article, bool]] = deque()

    def misses() -> Iterator[Article]:
        for article in articles:
            key = article_key(article, versions)
            hit = key in cache
            pending.append((key, article, hit))
            if not hit:
                yield article

    for computed in compute(misses()):
        while len(computed):
            yield from _cached_until_miss(pending, cache, work, settings)
            run = 0  # misses in a row at the head of pending: the next articles computed
            while run < min(len(pending), len(computed)) and not pending[run][2]:
                run += 1
            head, computed = computed.split(run)
            for i in range(run):
                key, _, _ = pending.popleft()
                if head.errors[i] is None:
                    cache.put(key, head.article(i))
            yield head
    yield from _cached_until_miss(pending, cache, work, settings)


def _cached_until_miss(
    pending: deque[tuple[str, Article, bool]],
    cache: ResultCache,
    work: Work,
    settings: Settings,
) -> Iterator[TableParts]:
    """Pop and yield the cached articles at the head of ``pending``, up to the next miss."""
    while pending and pending[0][2]:
        key, article, _ = pending.popleft()
        hit = cache.get(key)
        yield hit if hit is not None else analyze_chunk(work, [article], settings)


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
    from framing.extract.readability import cmu_syllables, easy_words
    from framing.extract.vader import analyzer

    load_resources(settings)
    analyzer()
    cmu_syllables()
    easy_words()


def _compute(
    work: Work, articles: Iterable[Article], settings: Settings, workers: int
) -> Iterator[TableParts]:
    """Parts in input order; a pool only when there is more than one chunk of work.

    Serially, the parts are a batch of articles each (typing a table costs the same for
    16 articles as for 256: fewer, larger parts save that), in a pool a chunk each.
    """
    if workers <= 1:
        for batch in chunked(articles, BATCH_ARTICLES):
            yield analyze_chunk(work, batch, settings)
        return
    chunks = chunked(articles, CHUNK_SIZE)
    head = list(islice(chunks, 2))
    if len(head) < 2:
        for chunk in head:
            yield analyze_chunk(work, chunk, settings)
        return
    warm(settings)
    with ProcessPoolExecutor(workers, initializer=warm, initargs=(settings,)) as pool:
        futures: deque[Future[TableParts]] = deque()
        for chunk in chain(head, chunks):
            futures.append(pool.submit(analyze_chunk, work, chunk, settings))
            if len(futures) >= workers * IN_FLIGHT:
                yield futures.popleft().result()
        while futures:
            yield futures.popleft().result()


def counted(parts: Iterable[TableParts], done: Callable[[int], None]) -> Iterator[TableParts]:
    """``parts``, calling ``done`` with the number of articles in each (analysed or not)."""
    for part in parts:
        done(len(part.errors))
        yield part


_WARNING_CODE = re.compile(r"\bW\d{3} [^;]*")


def warning_kinds(warnings: Iterable[str]) -> Counter[str]:
    """How many warnings of each kind: a coded warning (``W201 no speaker ...``) by its
    code and message, any other by its message without the file it names first."""
    kinds: Counter[str] = Counter()
    for warning in warnings:
        coded = _WARNING_CODE.findall(warning)
        if coded:
            kinds.update(coded)
        else:
            kinds[warning.split(": ", 1)[-1]] += 1
    return kinds


@dataclass
class RunLog:
    """What a run collects besides the tables: warnings, and ``errors`` rows (one per
    article that could not be analysed)."""

    warnings: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def table_batches(parts: Iterable[TableParts], log: RunLog) -> Iterator[dict[str, pd.DataFrame]]:
    """The per-article tables in typed batches of ``BATCH_ARTICLES`` analysed articles,
    in input order (the parts concatenated and cut at article boundaries).

    Warnings and the ``errors`` rows of failed articles go to ``log``.
    """
    held: list[TableParts] = []
    n_held = 0
    for part in parts:
        for warnings, error in zip(part.warnings, part.errors, strict=True):
            if error is None:
                log.warnings.extend(warnings)
            else:
                log.errors.append(error)
        held.append(part)
        n_held += part.n_analysed
        while n_held >= BATCH_ARTICLES:
            whole = TableParts.concat(held)
            batch, rest = whole.split(whole.articles_until(BATCH_ARTICLES))
            yield batch.tables
            held, n_held = [rest], rest.n_analysed
    if n_held:
        yield TableParts.concat(held).tables


def errors_table(leading_errors: Sequence[ArticleResult], log: RunLog) -> pd.DataFrame:
    """The ``errors`` table: inputs that could not be read (``leading_errors``) first, then
    the articles that could not be analysed (``log.errors``)."""
    leading = [r.error for r in leading_errors if r.error is not None]
    return typed_table(Columns([*leading, *log.errors]).data, "errors")
