"""Command line: parse arguments, call the library, print, map the outcome to an exit status.

``framing analyze PATH... --out DIR``  tables, summary.json, charts and report
``framing compare BASELINE CURRENT``   what moved between two runs (exit 3 past tolerance)
``framing lint PATH...``               newsroom style check (exit 3 on findings)
``framing cache info|clear``           where the result cache is, its size; empty it
``framing fetch SOURCE... --out DIR``  links, feeds, Media Cloud / GDELT exports -> a corpus
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from framing import __version__


class ExitStatus(IntEnum):
    """Process exit codes (DESIGN.md): documented, tested, stable."""

    OK = 0
    ERROR = 1
    USAGE = 2
    CHECK_FAILED = 3
    INPUT_FAILED = 4  # analyze: some inputs could not be analysed; the rest was written


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(ExitStatus.USAGE)


def _seconds(value: str) -> float:
    number = float(value)
    if not number >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0, got {value}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value}")
    return number


def build_parser() -> argparse.ArgumentParser:
    from framing.corpus import MAX_ARTICLE_CHARS

    parser = _Parser(prog="framing", description="Measure how news outlets frame the same story.")
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    a = sub.add_parser("analyze", help="analyse articles; write tables, charts and a report")
    a.add_argument("paths", nargs="+", metavar="PATH", help="files or folders of articles")
    a.add_argument(
        "--out", required=True, metavar="DIR", help="output folder (replaced atomically)"
    )
    a.add_argument(
        "--manifest",
        metavar="CSV",
        help="file,source,... manifest (default: sources.csv beside the files)",
    )
    a.add_argument("--lexicon", metavar="YAML", help="framing-terms lexicon (default: packaged)")
    a.add_argument("--actors", metavar="YAML", help="actors registry (default: packaged)")
    a.add_argument("--verbs", metavar="YAML", help="reporting-verb lexicon (default: packaged)")
    a.add_argument("--boilerplate", metavar="YAML", help="cleaning rules (default: packaged)")
    a.add_argument(
        "--workers",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes (default: all cores; 1: serial)",
    )
    a.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="local process pool, or a Dask cluster (needs the [dask] extra); "
        "dask also writes parquet/<table>/source=<name>/ datasets",
    )
    a.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="dask scheduler, e.g. tcp://host:8786 (default: a local cluster of --workers)",
    )
    a.add_argument("--no-report", action="store_true", help="tables and summary.json only")
    a.add_argument(
        "--documents-csv",
        action="store_true",
        help="also write documents.csv (the cleaned texts; documents.parquet is always written)",
    )
    a.add_argument(
        "--no-cache",
        action="store_true",
        help="recompute every article (default: reuse unchanged results from the cache)",
    )
    a.add_argument(
        "--strict", action="store_true", help="any unreadable or unanalysable input is fatal"
    )
    _compare_flags(a)
    a.add_argument(
        "--xlsx",
        action="store_true",
        help="also write tables.xlsx, one sheet per table (needs the [xlsx] extra)",
    )
    a.add_argument(
        "--period",
        choices=["day", "week", "month"],
        help="period of the timeline (default: chosen from the date span)",
    )
    a.add_argument(
        "--min-articles",
        type=_positive,
        default=5,
        metavar="N",
        help="fewest articles for an interval to be shown (default: 5)",
    )
    a.add_argument(
        "--min-sentences",
        type=_positive,
        default=10,
        metavar="N",
        help="fewest sentences for a sentence-level interval (default: 10)",
    )
    a.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress bar or warning summary on stderr (warnings.txt keeps them all)",
    )
    a.add_argument(
        "--max-article-chars",
        type=_positive,
        default=MAX_ARTICLE_CHARS,
        metavar="N",
        help=f"refuse a longer article, naming its file (default: {MAX_ARTICLE_CHARS:,})",
    )

    c = sub.add_parser("compare", help="diff two summary.json files or output folders")
    c.add_argument("baseline", metavar="BASELINE")
    c.add_argument("current", metavar="CURRENT")
    c.add_argument(
        "--tolerance",
        type=float,
        default=0.05,
        metavar="X",
        help="largest allowed absolute change of a share (default: 0.05)",
    )
    for kind, default, what in [
        ("sentiment", 0.1, "absolute change of a mean sentiment (-1..1)"),
        ("readability", 2.0, "absolute change of a readability score"),
        ("count", 0.1, "relative change of a count (0.1 = 10%%)"),
    ]:
        c.add_argument(
            f"--tolerance-{kind}",
            type=float,
            default=default,
            metavar="X",
            help=f"largest allowed {what} (default: {default:g})",
        )
    _compare_flags(c)

    cache = sub.add_parser(
        "cache",
        help="show or empty the result cache "
        "($FRAMING_CACHE_DIR, else $XDG_CACHE_HOME/framing, else ~/.cache/framing)",
    )
    cache.add_argument("action", choices=["info", "clear"])

    lint = sub.add_parser("lint", help="newsroom style check of articles")
    lint.add_argument("paths", nargs="+", metavar="PATH")
    lint.add_argument("--style", metavar="YAML", help="style rules (default: packaged house style)")
    lint.add_argument("--manifest", metavar="CSV")
    lint.add_argument("--format", choices=["text", "github"], default="text")
    lint.add_argument(
        "--include-quoted",
        action="store_true",
        help="also flag terms inside quoted speech (exempt by default)",
    )
    _add_fetch(sub)
    return parser


def _count(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a number >= 0, got {value}")
    return number


# fetch options that set a field of framing.fetch.Politeness (the flag names the field)
_POLITENESS_OPTIONS = (
    (
        "--delay",
        _seconds,
        "S",
        "seconds between two requests to one host; a longer robots.txt Crawl-delay wins",
    ),
    ("--per-host", _positive, "N", "requests in flight to one host"),
    ("--timeout", _seconds, "S", "seconds to connect, and between two reads"),
    ("--retries", _count, "N", "retries after a 429, a 5xx or a network error"),
)


def _add_fetch(sub: argparse._SubParsersAction) -> None:
    from framing.fetch.http import Politeness

    default = Politeness()
    f = sub.add_parser(
        "fetch",
        help="fetch articles from links, feeds or Media Cloud / GDELT exports into a corpus",
    )
    f.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="a text file of URLs, a CSV/TSV export with a url column, an RSS/Atom feed "
        "(file or URL), or an article URL",
    )
    f.add_argument("--out", required=True, metavar="DIR", help="corpus folder (created or resumed)")
    f.add_argument("--refresh", action="store_true", help="fetch again what is in the cache")
    f.add_argument("--cache", metavar="DIR", help="page cache (default: DIR/.fetch-cache)")
    f.add_argument("--outlets", metavar="YAML", help="domain -> outlet names (default: packaged)")
    for flag, kind, metavar, text in _POLITENESS_OPTIONS:
        value = getattr(default, flag[2:].replace("-", "_"))
        f.add_argument(
            flag, type=kind, default=value, metavar=metavar, help=f"{text} (default: {value:g})"
        )
    f.add_argument(
        "--max-mb",
        type=float,
        default=default.max_bytes / 1e6,
        metavar="MB",
        help=f"largest page (default: {default.max_bytes / 1e6:g})",
    )
    f.add_argument("--workers", type=_positive, default=8, metavar="N", help="threads (default: 8)")
    f.add_argument("--user-agent", default=default.user_agent, metavar="TEXT")
    f.add_argument("--quiet", "-q", action="store_true", help="no progress bar on stderr")


def _compare_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--by",
        default="source",
        metavar="COLUMN",
        help="compare groups of this manifest column: source (default), country, "
        "ownership or any extra column of the manifest",
    )


SHOWN_WARNING_KINDS = 8  # lines of the warning summary; warnings.txt keeps every warning


def _progress_bar(paths: Sequence[str], *, quiet: bool) -> Any:
    """A tqdm bar on stderr (articles done, articles/s, ETA), shown after a second of
    work, only when stderr is a terminal and not ``quiet`` (then a bar that shows
    nothing). Its total is the number of files when each holds one article."""
    from tqdm import tqdm

    from framing.corpus import RECORD_SUFFIXES, expand_paths

    enabled = not quiet and sys.stderr.isatty()
    total = None
    if enabled:
        files = expand_paths(paths)
        if not any(f.suffix.lower() in RECORD_SUFFIXES for f in files):
            total = len(files)
    return tqdm(
        total=total,
        unit="article",
        desc="framing",
        file=sys.stderr,
        disable=not enabled,
        delay=1.0,
        dynamic_ncols=True,
    )


def warning_summary(warnings: Sequence[str], out: Path | None) -> list[str]:
    """The lines that sum up a run's warnings by kind, most frequent first, with where
    they all are (``warnings.txt`` of ``out``)."""
    from framing.run import warning_kinds

    if not warnings:
        return []
    kinds = warning_kinds(warnings).most_common()
    where = f" (all in {out / 'warnings.txt'})" if out is not None else ""
    lines = [f"framing: {len(warnings)} warning{'s' * (len(warnings) != 1)}{where}:"]
    lines += [f"  {n:>6}  {kind}" for kind, n in kinds[:SHOWN_WARNING_KINDS]]
    rest = kinds[SHOWN_WARNING_KINDS:]
    if rest:
        lines.append(f"  {sum(n for _, n in rest):>6}  of {len(rest)} other kinds")
    return lines


def run_analyze(args: argparse.Namespace) -> ExitStatus:
    from framing.analysis import analyze_to_dir

    if args.min_articles < 2:
        build_parser().error("--min-articles must be at least 2 (an interval needs a spread)")
    if args.xlsx:
        from framing.xlsx import require_openpyxl

        require_openpyxl()  # before the run, not after it
    with _progress_bar(args.paths, quiet=args.quiet) as bar:
        run = _analyze_with(analyze_to_dir, args, bar.update)
    if not args.quiet:
        for line in warning_summary(run.warnings, run.out):
            print(line, file=sys.stderr)
    import pandas as pd

    from framing.corpus import located

    errors = run.errors
    for file, line, reason in zip(errors["file"], errors["line"], errors["reason"], strict=True):
        where = located(file, int(line) if pd.notna(line) else None)
        print(f"framing: skipped {where}: {reason}", file=sys.stderr)
    if run.out is None:
        print("framing: error: no article could be analysed; nothing written", file=sys.stderr)
        return ExitStatus.ERROR
    skipped = len(errors)
    print(
        f"{run.n_articles} articles from {run.n_sources} sources -> {run.out}"
        + (f" ({skipped} input{'s' * (skipped != 1)} skipped: see errors.csv)" if skipped else "")
    )
    return ExitStatus.INPUT_FAILED if skipped else ExitStatus.OK


def _analyze_with(analyze_to_dir: Any, args: argparse.Namespace, progress: Any) -> Any:
    return analyze_to_dir(
        args.paths,
        args.out,
        report=not args.no_report,
        partitioned=args.engine == "dask",
        xlsx=args.xlsx,
        documents_csv=args.documents_csv,
        manifest=args.manifest,
        lexicon=args.lexicon,
        actors=args.actors,
        verbs=args.verbs,
        boilerplate=args.boilerplate,
        workers=args.workers,
        strict=args.strict,
        cache=not args.no_cache,
        engine=args.engine,
        scheduler=args.scheduler,
        max_article_chars=args.max_article_chars,
        progress=progress,
        by=args.by,
        period=args.period,
        min_articles=args.min_articles,
        min_sentences=args.min_sentences,
    )


def run_compare(args: argparse.Namespace) -> ExitStatus:
    from framing.compare.baseline import compare_outputs

    result = compare_outputs(
        Path(args.baseline),
        Path(args.current),
        tolerance=args.tolerance,
        tolerances={
            "sentiment": args.tolerance_sentiment,
            "readability": args.tolerance_readability,
            "count": args.tolerance_count,
        },
        by=args.by,
    )
    print(result.markdown)
    return ExitStatus.CHECK_FAILED if result.exceeded else ExitStatus.OK


def run_lint(args: argparse.Namespace) -> ExitStatus:
    from framing.lint import format_findings, lint_paths

    findings = lint_paths(
        args.paths, style=args.style, manifest=args.manifest, include_quoted=args.include_quoted
    )
    if findings:
        print(format_findings(findings, fmt=args.format))
    return ExitStatus.CHECK_FAILED if findings else ExitStatus.OK


def run_cache(args: argparse.Namespace) -> ExitStatus:
    from framing.cache import ResultCache

    cache = ResultCache()
    if args.action == "clear":
        removed = cache.clear()
        print(f"removed {removed} entr{'ies' if removed != 1 else 'y'} from {cache.folder}")
        return ExitStatus.OK
    info = cache.info()
    print(f"folder   {info.folder}")
    print(f"entries  {info.entries}")
    limit = f"{info.max_bytes / 1e6:.0f} MB ($FRAMING_CACHE_SIZE)"
    print(f"size     {info.bytes / 1e6:.2f} MB of {limit}")
    return ExitStatus.OK


def run_fetch(args: argparse.Namespace) -> int:
    from framing.fetch import Politeness, fetch_corpus
    from framing.fetch.progress import ProgressBar

    fields = {flag[2:].replace("-", "_") for flag, *_ in _POLITENESS_OPTIONS}
    politeness = Politeness(
        user_agent=args.user_agent,
        max_bytes=int(args.max_mb * 1e6),
        **{name: getattr(args, name) for name in fields},
    )
    bar = ProgressBar(enabled=not args.quiet and sys.stderr.isatty())
    try:
        report = fetch_corpus(
            args.sources,
            args.out,
            politeness=politeness,
            outlets=args.outlets,
            refresh=args.refresh,
            cache_dir=args.cache,
            workers=args.workers,
            progress=bar,
        )
    except KeyboardInterrupt:
        bar.close()
        print(
            f"framing: interrupted; {args.out} holds what was fetched so far "
            "(run the same command again to resume)",
            file=sys.stderr,
        )
        return 130  # as main() answers an interrupt
    bar.close()
    print(
        f"{report.written} articles ({report.fetched} fetched, {report.cached} from the cache), "
        f"{report.failed} failed, {report.duplicates} duplicates -> {report.out}"
        + (" (see fetch_errors.csv)" if report.failed else "")
    )
    if not report.written:
        print("framing: error: no article could be fetched", file=sys.stderr)
        return ExitStatus.ERROR
    return ExitStatus.INPUT_FAILED if report.failed else ExitStatus.OK


COMMANDS = {
    "analyze": run_analyze,
    "compare": run_compare,
    "lint": run_lint,
    "fetch": run_fetch,
    "cache": run_cache,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``framing`` and ``python -m framing``; returns the exit status."""
    from framing.cache import CacheSizeError
    from framing.compare.groups import GroupingError
    from framing.corpus import CorpusError
    from framing.dask_engine import ClusterError, MissingExtraError
    from framing.lexicon import LexiconError
    from framing.output import OutputError

    args = build_parser().parse_args(argv)
    if getattr(args, "scheduler", None) and args.engine != "dask":
        build_parser().error("--scheduler needs --engine dask")
    try:
        return int(COMMANDS[args.command](args))
    except (
        CorpusError,
        GroupingError,
        CacheSizeError,
        LexiconError,
        OutputError,
        FileNotFoundError,
        MissingExtraError,
        ClusterError,
        ImportError,
    ) as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        print("framing: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitStatus.ERROR)


if __name__ == "__main__":
    raise SystemExit(main())
