"""Peak memory (RSS) of ``framing analyze`` as the corpus grows.

    python bench/memory.py --articles 2000 20000 [--workers 2] [--report]

For each size, writes that many unique articles (see ``throughput.synthetic_corpus``)
as text files with a ``sources.csv`` manifest into a temporary folder, runs the CLI
in a fresh subprocess (tables only unless ``--report``; no cache) and prints the
peak RSS of the main process and of the largest worker (``ru_maxrss``), the wall
time and the article rate.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import synthetic_corpus  # noqa: E402

CHILD = """
import json, resource, sys
from framing.cli import main
status = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"status": status, "main_kb": own, "worker_kb": workers}), file=sys.stderr)
"""


def write_corpus(n: int, folder: Path) -> float:
    """``n`` article files and their manifest in ``folder``; returns the corpus size in MB."""
    size = 0
    with (folder / "sources.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "source"])
        for article in synthetic_corpus(n):
            name = f"{article.article_id}.txt"
            data = article.text.encode("utf-8")
            (folder / name).write_bytes(data)
            size += len(data)
            writer.writerow([name, article.source])
    return size / 1e6


def measure(n: int, *, workers: int, report: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="framing-mem-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        mb = write_corpus(n, corpus)
        args = ["analyze", str(corpus), "--out", str(Path(tmp) / "out"), "--quiet", "--no-cache"]
        args += ["--workers", str(workers)] + ([] if report else ["--no-report"])
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - start
        stats = json.loads(done.stderr.strip().splitlines()[-1])
        if stats["status"] != 0:
            raise SystemExit(f"framing exited {stats['status']}: {done.stderr}")
    return {
        "articles": n,
        "mb": mb,
        "seconds": seconds,
        "main_mb": stats["main_kb"] / 1024,
        "worker_mb": stats["worker_kb"] / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", action="store_true", help="also write charts and report")
    args = parser.parse_args(argv)
    for n in args.articles:
        r = measure(n, workers=args.workers, report=args.report)
        print(
            f"{r['articles']:>6} articles {r['mb']:6.1f} MB: peak RSS main {r['main_mb']:7.1f} MB, "
            f"largest worker {r['worker_mb']:6.1f} MB; {r['seconds']:6.1f} s "
            f"({r['articles'] / r['seconds']:.1f} articles/s)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
