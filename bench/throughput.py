"""Throughput of the framing pipeline against the naive composition a user would write.

    python bench/throughput.py --articles 500 [--workers 2] [--rounds 3] [--no-check]
                               [--stages] [--cold] [--corpus DIR]

Builds N unique articles from the seeds (paragraphs shuffled per copy and a copy
number inserted, so no cache can hide the work), or reads the real articles of a
folder (``--corpus DIR``, e.g. PolNeAR's ``data/train/text``: real news, a vocabulary
that does not repeat as the seed copies do), then measures, in one run:

* naive: Punkt sentence splitting (untrained parameters: ``nltk.sent_tokenize``
  needs a data download), vaderSentiment per sentence, textstat's four main
  formulas per article, and one regex over the lexicon's surface forms;
* framing: the full per-article pipeline (cleaning, Document, quotes, terms,
  sentiment per sentence and per quote, readability, coverage mentions), serial and
  with N workers.

Prints articles/s and MB/s for each and the ratio framing/naive per core. The two
take turns every 20 articles and are timed in CPU time, so that a busy neighbour or
a change of clock speed slows both alike; each round prints its rates and its ratio;
the ratio reported is the median of the rounds' ratios, the rates the best round's.
The speed-up of N workers is measured in wall-clock time against one worker run just
before, once per round, on what ``framing analyze --no-report --no-cache`` runs (the
articles analysed and the tables written to a temporary folder); the median of the
rounds is reported, next to the speed-up a pure-Python loop gets from as many
processes in the same rounds (the most this machine gives at that time), and next to
the speed-up N dedicated cores would give: N x the serial run's CPU time / the CPU
time of the pooled run's processes (main and workers), which counts what the pool
costs (sending articles, sending table parts back) and not whether the machine's
cores are all there.
First it checks that framing's VADER scores and readability formulas equal
vaderSentiment's and textstat's on every article.

framing remembers what it worked out per token and per name (VADER's view of a token,
a token's readability counts and syllables, which actor or place a surface names), so
vocabulary it has seen is cheap. The seed-derived corpus repeats one small vocabulary;
``--cold`` empties those memos before every article, the worst case of a corpus in
which no article shares a word with another (the naive composition keeps nothing per
word: textstat recounts every word's syllables for each formula).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.analysis import analyze_to_dir  # noqa: E402
from framing.corpus import Article, load_corpus  # noqa: E402
from framing.run import (  # noqa: E402
    Settings,
    analyze_article,
    analyze_article_safely,
    coverage_rows,
    load_resources,
)


def synthetic_corpus(n: int, *, seed: int = 0) -> list[Article]:
    """N unique articles: seed paragraphs shuffled per copy, with the copy number in the text."""
    rng = random.Random(seed)
    seeds = load_corpus(ROOT / "seeds")
    out = []
    for i in range(n):
        base = seeds[i % len(seeds)]
        paragraphs = [p for p in base.text.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        paragraphs.insert(0, f"Report number {i} on the talks.")
        out.append(
            Article(
                article_id=f"{base.article_id}-{i}",
                file=base.file,
                text="\n".join(paragraphs) + "\n",
                source=base.source,
            )
        )
    return out


def naive_pipeline() -> Callable[[str], None]:
    """What a user would write with the same libraries, one article at a time."""
    import textstat
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.extract.readability import offline_textstat

    offline_textstat()  # textstat would otherwise try nltk.download (no network here)
    splitter = PunktSentenceTokenizer()
    analyzer = SentimentIntensityAnalyzer()
    lexicon = load_resources(Settings()).lexicon
    forms = sorted({f for v in lexicon.variants for f in v.forms}, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)

    def run(text: str) -> None:
        for sentence in splitter.tokenize(text):
            analyzer.polarity_scores(sentence)
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        pattern.findall(text)

    return run


def forget_vocabulary() -> None:
    """Empty framing's per-token and per-surface memos (private attributes: bench only)."""
    from framing.extract import readability
    from framing.extract.vader import analyzer

    resources = load_resources(Settings())
    analyzer()._tokens.clear()
    readability._TOKENS.clear()
    readability.word_syllables.cache_clear()
    resources.actors._resolved.clear()
    resources.coverage._resolved.clear()


def cold(work: Callable[[Article], object]) -> Callable[[Article], object]:
    """``work`` with framing's memos emptied before every article."""

    def run(article: Article) -> object:
        forget_vocabulary()
        return work(article)

    return run


SLICE = 20  # articles per turn when the two pipelines alternate


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU time of this process spent running ``work`` once."""
    start = time.process_time()
    work()
    return time.process_time() - start


def timed(label: str, work: Callable[[], object], n: int, mb: float) -> float:
    """Run ``work`` once; print and return articles per second (wall clock)."""
    start = time.perf_counter()
    cpu = time.process_time()
    work()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(
        f"{label:<28} {n / seconds:9.1f} articles/s {mb / seconds:7.3f} MB/s "
        f"({seconds:.2f} s wall, {cpu:.2f} s CPU in this process)"
    )
    return n / seconds


def children_cpu() -> float:
    """CPU seconds of this process's finished child processes (pool workers, once the
    pool has shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_speedup(workers: int, n: int = 5_000_000) -> float:
    """Wall-clock speed-up of ``workers`` processes over one on a pure-Python loop: the
    most any pool can reach on this machine now (a virtual machine's cores are not
    always all there)."""
    start = time.perf_counter()
    for _ in range(workers):
        _spin(n)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_spin, [1] * workers))  # start the processes first
        start = time.perf_counter()
        list(pool.map(_spin, [n] * workers))
        pooled = time.perf_counter() - start
    return serial / pooled


def check_identical(corpus: list[Article]) -> int:
    """framing's sentence compounds and readability equal vaderSentiment's and textstat's.

    Compares, for every article: the compound of every sentence row with
    ``SentimentIntensityAnalyzer().polarity_scores`` of the same sentence text, and
    the four formulas with textstat on the same cleaned text. Returns the number of
    values compared; raises AssertionError on the first difference.
    """
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.clean import clean_article
    from framing.extract.readability import offline_textstat

    offline_textstat()
    reference = SentimentIntensityAnalyzer()
    formulas = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
    compared = 0
    for article in corpus:
        result = analyze_article_safely(article)
        if result.error is not None:
            continue  # not analysed (not English, empty): nothing to compare
        for row in result.sentences:
            expected = reference.polarity_scores(row["text"])
            for key in ("compound", "pos", "neu", "neg"):
                assert row[key] == expected[key], (article.article_id, row["text"], key)
                compared += 1
        doc, _ = clean_article(article, load_resources(Settings()).boilerplate)
        for name in formulas:
            assert result.article[name] == getattr(textstat, name)(doc.text), (article, name)
            compared += 1
    return compared


def write_tables(corpus: list[Article], *, workers: int) -> None:
    """What ``framing analyze --no-report --no-cache --workers N`` does with ``corpus``."""
    with tempfile.TemporaryDirectory() as tmp:
        analyze_to_dir(corpus, Path(tmp) / "out", report=False, workers=workers)


def stage_times(corpus: list[Article]) -> dict[str, float]:
    """Milliseconds per article spent in each stage of the framing pipeline (one core)."""
    from framing.actors import find_mentions
    from framing.clean import clean_article
    from framing.extract.quotes import extract_quotes
    from framing.extract.readability import readability_scores
    from framing.extract.sentiment import extract_sentences
    from framing.extract.terms import extract_terms

    res = load_resources(Settings())
    totals: dict[str, float] = {}

    def clock(stage: str, func: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        out = func()
        totals[stage] = totals.get(stage, 0.0) + time.perf_counter() - start
        return out

    for a in corpus:
        doc, _ = clock("cleaning + Document", lambda a=a: clean_article(a, res.boilerplate))
        mentions = clock("actor mentions", lambda d=doc: find_mentions(d.text, res.actors))
        quotes = clock(
            "quotes",
            lambda d=doc, m=mentions: extract_quotes(
                d, actors=res.actors, verbs=res.verbs, mentions=m
            ),
        )
        clock("terms", lambda d=doc, q=quotes: extract_terms(d, quotes=q, lexicon=res.lexicon))
        sentences = clock(
            "sentences (VADER, voice)",
            lambda d=doc, q=quotes, m=mentions: extract_sentences(d, quotes=q, mentions=m),
        )
        clock("readability", lambda d=doc: readability_scores(d))
        clock(
            "coverage mentions",
            lambda d=doc, s=sentences, m=mentions: coverage_rows(d, s, res, m),
        )
    return {k: 1000 * v / len(corpus) for k, v in totals.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="*", default=[2])
    parser.add_argument("--rounds", type=int, default=3, help="alternate naive/framing runs")
    parser.add_argument("--no-check", action="store_true", help="skip the value-identity check")
    parser.add_argument("--stages", action="store_true", help="also time each pipeline stage")
    parser.add_argument(
        "--cold", action="store_true", help="framing forgets all vocabulary before every article"
    )
    parser.add_argument(
        "--corpus", type=Path, metavar="DIR", help="real articles (a folder) instead of seed copies"
    )
    args = parser.parse_args(argv)

    corpus = load_corpus(args.corpus) if args.corpus else synthetic_corpus(args.articles)
    mb = sum(len(a.text.encode("utf-8")) for a in corpus) / 1e6
    kind = f"articles of {args.corpus}" if args.corpus else "unique articles"
    print(f"{len(corpus)} {kind}, {mb:.2f} MB")
    if not args.no_check:
        n = check_identical(corpus)
        print(f"identical values: {n} VADER scores and readability formulas checked")
    load_resources(Settings())
    analyze_article(corpus[0])  # warm caches that load once per process (lexicons, VADER)
    naive = naive_pipeline()
    naive(corpus[0].text)

    # Alternate the two every SLICE articles, so that a busy neighbour or a change of
    # clock speed slows both alike; each round sums CPU time per pipeline. The ratio is
    # paired per round (both pipelines timed under the same conditions) and its median
    # reported; the rates are the best round's.
    work = cold(analyze_article) if args.cold else analyze_article_safely
    label = "framing, cold" if args.cold else "framing"
    naive_rate = serial = 0.0
    ratios = []
    for _ in range(args.rounds):
        spent = {"naive": 0.0, "framing": 0.0}
        for i in range(0, len(corpus), SLICE):
            part = corpus[i : i + SLICE]
            spent["naive"] += cpu_seconds(lambda p=part: [naive(a.text) for a in p])
            spent["framing"] += cpu_seconds(lambda p=part: [work(a) for a in p])
        ratios.append(spent["naive"] / spent["framing"])
        print(
            f"{'round':<28} naive {len(corpus) / spent['naive']:6.1f}, "
            f"{label} {len(corpus) / spent['framing']:6.1f} articles/s (CPU time): "
            f"{ratios[-1]:.2f} x"
        )
        naive_rate = max(naive_rate, len(corpus) / spent["naive"])
        serial = max(serial, len(corpus) / spent["framing"])
    print(
        f"{'best naive (1 core)':<28} {naive_rate:9.1f} articles/s "
        f"{naive_rate * mb / len(corpus):7.3f} MB/s ({1000 / naive_rate:.2f} ms per article)"
    )
    print(
        f"{'best ' + label + ' (1 core)':<28} {serial:9.1f} articles/s "
        f"{serial * mb / len(corpus):7.3f} MB/s ({1000 / serial:.2f} ms per article)"
    )
    print(
        f"{'framing / naive, 1 core':<28} {statistics.median(ratios):9.2f} x "
        f"median of {len(ratios)} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )
    if args.workers and not args.cold:
        # wall clock, 1 worker then N, back to back, once per round: the speed-up of each
        # round compares two runs made minutes apart at most; the median is reported
        for workers in args.workers:
            ratios, ceilings, projected = [], [], []
            for _ in range(args.rounds):
                serial_cpu = time.process_time()
                one = timed(
                    "framing (1 worker, wall)",
                    lambda: write_tables(corpus, workers=1),
                    len(corpus),
                    mb,
                )
                serial_cpu = time.process_time() - serial_cpu
                pooled_cpu = time.process_time() + children_cpu()
                rate = timed(
                    f"framing ({workers} workers, wall)",
                    lambda w=workers: write_tables(corpus, workers=w),
                    len(corpus),
                    mb,
                )
                pooled_cpu = time.process_time() + children_cpu() - pooled_cpu
                ratios.append(rate / one)
                projected.append(workers * serial_cpu / pooled_cpu)
                ceilings.append(machine_speedup(workers))
            print(
                f"{f'speed-up with {workers} workers':<28} {statistics.median(ratios):9.2f} x "
                f"median of {len(ratios)} (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
            )
            print(
                f"{'  the machine, same rounds':<28} {statistics.median(ceilings):9.2f} x "
                f"(a pure-Python loop: {', '.join(f'{r:.2f}' for r in ceilings)})"
            )
            print(
                f"{f'  on {workers} dedicated cores':<28} {statistics.median(projected):9.2f} x "
                f"projected from CPU time (rounds: {', '.join(f'{r:.2f}' for r in projected)})"
            )
    if args.stages:
        for stage, ms in stage_times(corpus).items():
            print(f"{'  ' + stage:<28} {ms:9.2f} ms/article")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
