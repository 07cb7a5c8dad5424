"""Score the plain-text cleaner against real news pages labelled line by line.

```
python bench/cleaning_eval.py --pages DIR bench/annotations/cleaning_dev.jsonl [--errors]
```

The annotation files hold pointers and labels only (no text): per page its ``id``, where
it was found, the ``sha256`` of its text, and per non-blank line its 1-based number, a
sha256 prefix of the stripped line and one label:

- ``headline``: the page's headline (its first copy);
- ``deck``: the standfirst or summary printed under the headline;
- ``body``: the article's own text, datelines, subheadings and list items included;
- ``boilerplate``: page chrome (navigation, bylines, timestamps, captions and credits,
  prompts, teasers, tags, comment forms, metadata residue);
- ``repeated``: a second copy of the headline or of a body line.

The texts themselves are kept outside the project: ``DIR/<id>.txt``, byte for byte the
text whose ``sha256`` is recorded. Every page of one file is one corpus, run the way
``framing analyze`` runs it (the corpus pass over recurring lines, then one article at a
time), with ``source`` = the outlet.

Figures:

- boilerplate recall: the ``boilerplate`` and ``repeated`` lines removed, out of all;
- body lines lost: ``body`` lines removed for any reason (the target is 0);
- headlines found: pages whose article title is the ``headline`` line, out of the pages
  that have one; a page without one must get no title from its first line
  (``wrong titles`` counts titles that are not the labelled headline);
- decks marked: ``deck`` lines recorded as ``deck`` (a deck kept in the body is not
  an error, and not counted as found);
- with ``--reasons``: the boilerplate and repeated lines removed, counted by the reason
  that removed them (``context``, ``page_edge``, ``menu`` and ``reader_prompt`` are the
  context signals of :mod:`framing.context`, which run after every other rule: the
  lines they count were removed by nothing else).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROME = frozenset({"boilerplate", "repeated"})


@dataclass
class Score:
    """Counts over the pages of one annotation file."""

    chrome: int = 0
    chrome_removed: int = 0
    body: int = 0
    body_lost: int = 0
    headlines: int = 0
    headlines_found: int = 0
    wrong_titles: int = 0
    decks: int = 0
    decks_marked: int = 0
    errors: list[str] = field(default_factory=list)
    chrome_reasons: Counter[str] = field(default_factory=Counter)

    def figures(self) -> dict[str, Any]:
        return {
            "boilerplate_recall": _share(self.chrome_removed, self.chrome),
            "boilerplate_removed": f"{self.chrome_removed}/{self.chrome}",
            "body_lines_lost": f"{self.body_lost}/{self.body}",
            "headlines_found": f"{self.headlines_found}/{self.headlines}",
            "wrong_titles": self.wrong_titles,
            "decks_marked": f"{self.decks_marked}/{self.decks}",
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else float("nan")


def read_annotations(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_page(record: dict[str, Any], pages: Path) -> str:
    """The page text, checked against the recorded sha256 of the text and of each line."""
    text = (pages / f"{record['id']}.txt").read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != record["sha256"]:
        raise ValueError(f"{record['id']}: text differs from the annotated one (sha256)")
    lines = text.split("\n")
    for row in record["lines"]:
        line = lines[row["line"] - 1].strip()
        if not hashlib.sha256(line.encode("utf-8")).hexdigest().startswith(row["sha"]):
            raise ValueError(f"{record['id']}: line {row['line']} differs from the annotated one")
    return text


def clean_corpus(records: list[dict[str, Any]], pages: Path) -> list[tuple[Any, str]]:
    """(Cleaned, title) per page, in order, the way ``framing analyze`` cleans a corpus."""
    from framing.clean import clean_article
    from framing.corpus import Article
    from framing.redundancy import mark_recurring

    articles = [
        Article(
            article_id=r["id"], file=f"{r['id']}.txt", text=load_page(r, pages), source=r["source"]
        )
        for r in records
    ]
    results = []
    for article in mark_recurring(articles):
        _, cleaned = clean_article(article)
        results.append((cleaned, article.title or cleaned.title))
    return results


def _fold(text: str) -> str:
    from framing.clean import fingerprint

    return fingerprint(text)


def score(records: list[dict[str, Any]], pages: Path) -> Score:
    s = Score()
    for record, (cleaned, title) in zip(records, clean_corpus(records, pages), strict=True):
        text_lines = (pages / f"{record['id']}.txt").read_text(encoding="utf-8").split("\n")
        reasons = {r.line: r.reason for r in cleaned.removals}
        headline = None
        for row in record["lines"]:
            n, label = row["line"], row["label"]
            reason = reasons.get(n)
            where = f"{record['id']}:{n} [{label}] {text_lines[n - 1].strip()[:90]!r}"
            if label in CHROME:
                s.chrome += 1
                s.chrome_removed += reason is not None
                if reason is None:
                    s.errors.append(f"kept     {where}")
                else:
                    s.chrome_reasons[reason] += 1
            elif label == "body":
                s.body += 1
                if reason is not None:
                    s.body_lost += 1
                    s.errors.append(f"LOST     {where} ({reason})")
            elif label == "deck":
                s.decks += 1
                s.decks_marked += reason == "deck"
            elif label == "headline" and headline is None:
                headline = text_lines[n - 1].strip()
        if headline is not None:
            s.headlines += 1
            if title and _fold(title) == _fold(headline):
                s.headlines_found += 1
            else:
                s.errors.append(f"headline {record['id']}: got {title!r}, labelled {headline!r}")
        if title and (headline is None or _fold(title) != _fold(headline)):
            s.wrong_titles += 1
    return s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("annotations", type=Path, nargs="+")
    parser.add_argument("--pages", type=Path, required=True, help="folder of <id>.txt texts")
    parser.add_argument("--errors", action="store_true", help="list misses and losses")
    parser.add_argument(
        "--reasons", action="store_true", help="boilerplate lines removed, by reason"
    )
    args = parser.parse_args(argv)
    for path in args.annotations:
        records = read_annotations(path)
        s = score(records, args.pages)
        reasons = Counter(r["label"] for rec in records for r in rec["lines"])
        print(f"{path.name}: {len(records)} pages, {len({r['source'] for r in records})} outlets")
        print(f"  labels: {dict(sorted(reasons.items()))}")
        for key, value in s.figures().items():
            print(f"  {key}: {value}")
        if args.reasons:
            print(f"  removed by reason: {dict(s.chrome_reasons.most_common())}")
        if args.errors:
            for line in s.errors:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
