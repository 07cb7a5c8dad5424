"""How well VADER agrees with people on news prose: the NYT editorial snippets.

    python bench/vader_nyt.py [--nyt PATH]

Data: ``bench/data/vader_nyt/nytEditorialSnippets_GroundTruth.txt`` (tab-separated id,
human mean rating on -4..+4, text), the 5,190 New York Times editorial snippets of
Hutto & Gilbert (2014), MIT licence (LICENSE.txt and README.md beside it).

Prints n and the Pearson r and Spearman rho between the human mean rating and

1. vaderSentiment 3.3.2's own ``SentimentIntensityAnalyzer().polarity_scores`` compound;
2. ``framing.extract.sentiment.polarity_scores`` (the one cached analyzer);
3. framing's sentence path: ``document_from_text(snippet)`` -> ``extract_sentences``,
   the snippet's score being its one sentence's compound (the mean over its sentences
   when the splitter finds several; their number is printed).

(1) and (2) must be identical; (3) differs only where the splitter or normalisation
changes the text VADER sees. The figures are quoted in
``framing.extract.sentiment.METHOD_NOTES``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from framing.document import document_from_text  # noqa: E402
from framing.extract.sentiment import extract_sentences, polarity_scores  # noqa: E402

DEFAULT = ROOT / "bench" / "data" / "vader_nyt" / "nytEditorialSnippets_GroundTruth.txt"


def read_snippets(path: Path) -> pd.DataFrame:
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3 and parts[2].strip():
            rows.append((parts[0], float(parts[1]), parts[2]))
    return pd.DataFrame(rows, columns=["id", "human", "text"])


def correlations(human: pd.Series, score: pd.Series) -> tuple[float, float]:
    """Pearson r, and Spearman rho as the Pearson r of average ranks (no scipy needed)."""
    r = float(human.corr(score))
    rho = float(human.rank().corr(score.rank()))
    return r, rho


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nyt", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    data = read_snippets(args.nyt)
    sia = SentimentIntensityAnalyzer()
    data["vader"] = [sia.polarity_scores(t)["compound"] for t in data["text"]]
    data["framing"] = [polarity_scores(t)["compound"] for t in data["text"]]
    path_scores, multi = [], 0
    for t in data["text"]:
        rows = extract_sentences(document_from_text(t))
        multi += len(rows) > 1
        path_scores.append(sum(r["compound"] for r in rows) / len(rows) if rows else 0.0)
    data["sentence_path"] = path_scores
    print(f"NYT editorial snippets: n = {len(data)}")
    for col, label in [
        ("vader", "vaderSentiment 3.3.2 compound"),
        ("framing", "framing polarity_scores"),
        ("sentence_path", "framing sentence path"),
    ]:
        r, rho = correlations(data["human"], data[col])
        print(f"{label:32s} Pearson r = {r:.4f}  Spearman rho = {rho:.4f}")
    same = int((data["vader"] == data["framing"]).sum())
    print(f"framing polarity_scores == vaderSentiment on {same}/{len(data)} snippets")
    same_path = int((data["vader"] == data["sentence_path"]).sum())
    print(
        f"sentence path == vaderSentiment on {same_path}/{len(data)} snippets "
        f"({multi} snippets split into several sentences)"
    )
    return 0 if same == len(data) else 1


if __name__ == "__main__":
    raise SystemExit(main())
