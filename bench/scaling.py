"""How the per-article pipeline's time grows with the length of one article.

    python bench/scaling.py --corpus /work/polnear/data/train/text
                            [--from-kb 256] [--to-mb 8] [--layout one-line paragraphs]
                            [--budget 300] [--repeat 1] [--profile 1024 2048]

Builds one long article out of real news text (the ``.txt`` files of ``--corpus`` read
at run time, e.g. PolNeAR's ``data/train/text``; nothing is copied into the
repository), in two layouts:

* ``one-line``: every paragraph joined by a space, no line break at all (scraped text
  often comes so);
* ``paragraphs``: the articles' own paragraphs, separated by blank lines.

Starting at ``--from-kb`` kilobytes, it doubles the article up to ``--to-mb``
megabytes and times :func:`framing.run.analyze_article` (the path ``framing analyze``
takes for each article) and each of its stages in CPU time (a busy neighbour on the
machine does not count; the whole run's wall-clock time is printed too), once per size
and with framing's per-word memos emptied first (as for an article of new vocabulary),
printing seconds and
the ratio to the previous size per doubling: about 2 is linear, about 4 quadratic.
When the corpus is shorter than the article, it is repeated with ``copy - 1`` zero-width
spaces in front of each paragraph, so the cleaner's duplicate rule removes nothing; the
Document drops them (:func:`framing.document.normalise`), so a copy is analysed as the
text it copies (a copy number such as "(2)" would add a number to every paragraph: the
second half of the 8 MB article would hold more work per megabyte than the first).
A layout stops doubling once one size took more than ``--budget`` seconds.

``--profile KB ...`` runs cProfile on the article of those sizes in the first
``--layout`` and prints the 25 most expensive functions by own CPU time (where a
super-linear step shows).
``--repeat N`` times the whole pipeline and the stages N times per size and keeps the
least CPU time of each. Every run starts from a collected heap (:func:`gc.collect`), so
the garbage of an earlier run is not collected, and paid for, inside a later one: a full
collection of the 8 MB article's heap takes about 0.3 s, as long as a whole stage, and
landed in one stage or another from run to run. This is a measurement, not a test:
nothing is asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from throughput import forget_vocabulary  # noqa: E402

from framing.actors import find_mentions  # noqa: E402
from framing.clean import clean_text  # noqa: E402
from framing.corpus import Article  # noqa: E402
from framing.document import build_document  # noqa: E402
from framing.extract.quotes import extract_quotes  # noqa: E402
from framing.extract.readability import readability_scores  # noqa: E402
from framing.extract.sentiment import extract_sentences, polarity_scores  # noqa: E402
from framing.extract.terms import extract_terms  # noqa: E402
from framing.language import language_problem  # noqa: E402
from framing.run import (  # noqa: E402
    Settings,
    analyze_article,
    coverage_rows,
    load_resources,
    quoted_word_share,
    warm,
)

LAYOUTS = ("one-line", "paragraphs")


def corpus_paragraphs(folder: Path) -> list[str]:
    """The non-blank lines of every ``.txt`` file in ``folder``, in name order."""
    paragraphs: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs.extend(line.strip() for line in text.splitlines() if line.strip())
    if not paragraphs:
        raise SystemExit(f"no .txt file with text in {folder}")
    return paragraphs


COPY_MARK = "\u200b"  # zero-width space: the cleaner sees it, the Document drops it


def endless(paragraphs: list[str]) -> Iterator[str]:
    """The paragraphs, then again and again, each copy marked by ``copy - 1`` zero-width
    spaces in front: unique lines for the cleaner, the same text for the Document."""
    copy = 1
    while True:
        mark = COPY_MARK * (copy - 1)
        yield from (mark + p for p in paragraphs)
        copy += 1


def article_text(paragraphs: list[str], n_chars: int, layout: str) -> str:
    """About ``n_chars`` characters of whole paragraphs in ``layout``."""
    sep = " " if layout == "one-line" else "\n\n"
    parts: list[str] = []
    size = 0
    for p in endless(paragraphs):
        if size >= n_chars:
            break
        parts.append(p)
        size += len(p) + len(sep)
    return sep.join(parts)


class CollectorClock:
    """CPU seconds spent in Python's cyclic garbage collector while installed (a
    :data:`gc.callbacks` entry): a full collection walks every object the article's
    analysis holds, and is paid by whichever stage happens to allocate when it is due."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.process_time()
        else:
            self.seconds += time.process_time() - self._start

    def __enter__(self) -> CollectorClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def stage_seconds(article: Article) -> dict[str, float]:
    """Seconds in each stage of :func:`framing.run.analyze_article`, in its order, less
    the garbage collections met in it, which are summed apart (``garbage collection``)."""
    with CollectorClock() as collector:
        times = _stage_seconds(article, collector)
    times["garbage collection"] = collector.seconds
    return times


def _stage_seconds(article: Article, collector: CollectorClock) -> dict[str, float]:
    res = load_resources(Settings())
    times: dict[str, float] = {}

    def clock(stage: str, func: Callable[[], Any]) -> Any:
        start, collected = time.process_time(), collector.seconds
        out = func()
        spent = time.process_time() - start - (collector.seconds - collected)
        times[stage] = times.get(stage, 0.0) + spent
        return out

    cleaned = clock("cleaning", lambda: clean_text(article.text, res.boilerplate))
    doc = clock(
        "Document",
        lambda: build_document(article.article_id, article.source, cleaned.paragraphs),
    )
    clock("language check", lambda: language_problem(doc.text, doc.words))
    mentions = clock("actor mentions", lambda: find_mentions(doc.text, res.actors))
    quotes = clock(
        "quotes",
        lambda: extract_quotes(doc, actors=res.actors, verbs=res.verbs, mentions=mentions),
    )
    clock("quote VADER", lambda: [polarity_scores(q["text"]) for q in quotes])
    clock("terms", lambda: extract_terms(doc, quotes=quotes, lexicon=res.lexicon))
    sentences = clock("sentences", lambda: extract_sentences(doc, quotes=quotes, mentions=mentions))
    clock("quoted share", lambda: quoted_word_share(doc, quotes))
    clock("readability", lambda: readability_scores(doc))
    clock("coverage", lambda: coverage_rows(doc, sentences, res, mentions))
    return times


def timed(func: Callable[[], Any]) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) of one call of ``func``."""
    cpu, wall = time.process_time(), time.perf_counter()
    func()
    return time.process_time() - cpu, time.perf_counter() - wall


def sizes_kb(from_kb: int, to_mb: float) -> list[int]:
    sizes = [from_kb]
    while sizes[-1] * 2 <= to_mb * 1024:
        sizes.append(sizes[-1] * 2)
    return sizes


def least_time(article: Article, repeat: int) -> tuple[float, float]:
    """(CPU seconds, wall-clock seconds) of the fastest of ``repeat`` analyses of
    ``article``, each with framing's memos emptied first: a busy neighbour only ever
    adds time, so the least is the best estimate (as :mod:`timeit` advises)."""
    runs = []
    for _ in range(repeat):
        fresh_start()
        runs.append(timed(lambda: analyze_article(article)))
    return min(runs)


def fresh_start() -> None:
    """Memos emptied (an article of new vocabulary) and the heap collected (no garbage of
    an earlier run left to collect in the next)."""
    forget_vocabulary()
    gc.collect()


def least_stage_seconds(article: Article, repeat: int) -> dict[str, float]:
    """:func:`stage_seconds` of ``article``, the least of ``repeat`` runs for each stage."""
    runs = []
    for _ in range(repeat):
        fresh_start()
        runs.append(stage_seconds(article))
    return {stage: min(run[stage] for run in runs) for stage in runs[0]}


def run_layout(
    paragraphs: list[str], layout: str, sizes: list[int], budget: float, repeat: int = 1
) -> None:
    print(f"\n{layout}: whole pipeline and stages, CPU seconds (ratio to the previous size)")
    previous: dict[str, float] = {}
    for kb in sizes:
        text = article_text(paragraphs, kb * 1024, layout)
        article = Article(article_id=f"scaling-{kb}", file=f"{kb}.txt", text=text)
        whole, wall = least_time(article, repeat)
        stages = {"whole": whole, **least_stage_seconds(article, repeat)}
        cells = []
        for name, seconds in stages.items():
            ratio = f" x{seconds / previous[name]:.2f}" if previous.get(name, 0) > 0.02 else ""
            if name == "whole" or seconds >= 0.05 or ratio:
                cells.append(f"{name} {seconds:.2f}{ratio}")
        size = f"{kb:>6} KB ({len(text) / 1e6:.2f} M chars, {wall:.2f} s wall)"
        print(f"  {size}: " + "; ".join(cells), flush=True)
        previous = stages
        if whole > budget:
            print(f"  (stopped: {whole:.0f} s is over the {budget:.0f} s budget)")
            return


def profile(paragraphs: list[str], kb: int, layout: str) -> None:
    text = article_text(paragraphs, kb * 1024, layout)
    article = Article(article_id=f"profile-{kb}", file=f"{kb}.txt", text=text)
    fresh_start()
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(analyze_article, article)
    print(f"\ncProfile, {layout} article of {kb} KB, by own time (CPU)")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, metavar="DIR")
    parser.add_argument("--from-kb", type=int, default=256)
    parser.add_argument("--to-mb", type=float, default=8)
    parser.add_argument("--layout", nargs="*", choices=LAYOUTS, default=list(LAYOUTS))
    parser.add_argument("--budget", type=float, default=300, metavar="SECONDS")
    parser.add_argument("--profile", type=int, nargs="*", default=[], metavar="KB")
    parser.add_argument(
        "--repeat", type=int, default=1, help="time each size N times, keep the least"
    )
    args = parser.parse_args(argv)
    paragraphs = corpus_paragraphs(args.corpus)
    warm(Settings())
    for kb in args.profile:
        profile(paragraphs, kb, args.layout[0])
    if args.profile:
        return 0
    for layout in args.layout:
        sizes = sizes_kb(args.from_kb, args.to_mb)
        run_layout(paragraphs, layout, sizes, args.budget, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
