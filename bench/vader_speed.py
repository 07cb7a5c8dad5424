"""Speed of FastVader against vaderSentiment 3.3.2, and a check that the scores agree.

    python bench/vader_speed.py [--repeat 5] [--nyt PATH]

Times ``SentimentIntensityAnalyzer().polarity_scores`` and
``framing.extract.vader.FastVader().polarity_scores`` on two sets of sentences:

* the 5,190 NYT editorial snippets of the VADER paper (Hutto & Gilbert 2014), read
  from ``bench/data/vader_nyt/nytEditorialSnippets_GroundTruth.txt`` (tab-separated
  id, rating, text; skipped if absent);
* every sentence of the seed articles in ``seeds/`` (split by framing.document).

Each timing is the best of ``--repeat`` passes over the whole set, after one warm-up
pass (which also fills FastVader's token cache, as in a corpus run). Prints
µs/sentence for both, the speed-up, and the number of sentences whose scores differ
(which must be 0: the script exits 1 otherwise).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from framing.document import document_from_text  # noqa: E402
from framing.extract.vader import FastVader  # noqa: E402

NYT = ROOT / "bench" / "data" / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"


def nyt_snippets(path: Path) -> list[str]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            texts.append(parts[2])
    return texts


def seed_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.extend(s.text for s in document_from_text(path.read_text(encoding="utf-8")).sentences)
    return out


def best_time(score: Callable[[str], object], texts: Sequence[str], repeat: int) -> float:
    """Best wall time in seconds of one pass over ``texts`` (after one warm-up pass)."""
    for text in texts:
        score(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            score(text)
        best = min(best, time.perf_counter() - start)
    return best


def compare(name: str, texts: Sequence[str], repeat: int) -> int:
    reference = SentimentIntensityAnalyzer()
    fast = FastVader()
    differ = sum(repr(reference.polarity_scores(t)) != repr(fast.polarity_scores(t)) for t in texts)
    ref_s = best_time(reference.polarity_scores, texts, repeat)
    fast_s = best_time(fast.polarity_scores, texts, repeat)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"{name:<14} {len(texts):>6} sentences ({words:4.1f} words)  "
        f"vaderSentiment {ref_s / len(texts) * 1e6:6.2f} µs  "
        f"FastVader {fast_s / len(texts) * 1e6:6.2f} µs  "
        f"speed-up {ref_s / fast_s:4.2f}x  differing {differ}"
    )
    return differ


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (best is kept)")
    parser.add_argument("--nyt", type=Path, default=NYT, help="NYT snippets file")
    args = parser.parse_args(argv)

    differ = 0
    if args.nyt.exists():
        differ += compare("NYT snippets", nyt_snippets(args.nyt), args.repeat)
    else:
        print(f"NYT snippets: {args.nyt} not found, skipped")
    differ += compare("seed sentences", seed_sentences(), args.repeat)
    if differ:
        print(f"ERROR: {differ} sentences scored differently", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
