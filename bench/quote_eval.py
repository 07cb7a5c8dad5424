"""Score quote extraction against hand-annotated gold quotes (JSONL).

Usage::

    python bench/quote_eval.py bench/annotations/seeds.jsonl [--corpus seeds] [--errors]

Gold file: one JSON object per line and per attributed statement, with
``article_id``, ``kind`` (direct/partial/indirect), ``speaker`` (canonical name from
the actors registry, or the name as written), ``affiliation`` (side code or
``unknown``), ``verb`` (lemma), and either ``start``/``end`` (offsets into the
cleaned text) or ``text`` (located in the cleaned text; first occurrence). With
``--raw-offsets`` the gold's ``start``/``end`` index the raw files instead (sets annotated
before cleaning, such as ``real1``): each row is placed at the occurrence of its ``text``
in the cleaned text nearest its raw offset, and rows whose text the cleaning removed (a
repeated headline) are reported and left out. ``--no-beliefs`` leaves out rows flagged
``belief`` ("X believes", "X wants"); ``--with-sides RU,UA`` scores only the articles
whose gold quotes every one of those sides; ``--side-map CN=other`` renames gold sides
before comparing, for gold written with finer side codes than the actors registry's.

Matching: within an article, gold and predicted statements are paired one-to-one,
greedily by decreasing token overlap, where overlap is the Jaccard index of the two
spans' word tokens (|A∩B| / |A∪B|). A pair counts when its overlap reaches the
threshold (0.3 lenient, 0.8 strict). Precision = pairs / predicted, recall = pairs /
gold. Speaker, side, verb and kind accuracy are measured on the pairs at 0.3.
Speakers are compared after mapping both through the actors registry (so "Peskov"
equals "Dmitry Peskov"); unlisted names match when one's words contain the other's
("Serhii" and "Serhii, 38, a taxi driver").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from framing.actors import ActorRegistry, load_actors  # noqa: E402

_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*")
THRESHOLDS = (0.3, 0.8)
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Scores:
    """Extraction scores at one overlap threshold, plus attribute accuracies on pairs."""

    threshold: float
    n_gold: int
    n_pred: int
    n_matched: int
    precision: float
    recall: float
    f1: float
    speaker_accuracy: float
    side_accuracy: float
    verb_accuracy: float
    kind_accuracy: float


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSONL file (blank lines and ``#`` comments skipped)."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: invalid JSON: {exc}") from None
        for key in ("article_id", "kind", "speaker"):
            if key not in row:
                raise ValueError(f"{path}:{n}: missing {key!r}")
        if "start" not in row and "text" not in row:
            raise ValueError(f"{path}:{n}: needs start/end or text")
        rows.append(row)
    return rows


def locate(gold: Sequence[Row], texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """Gold rows with ``start``/``end`` filled in from ``text`` where missing."""
    out = []
    for row in gold:
        row = dict(row)
        if "start" not in row or row.get("start") is None:
            text = texts[row["article_id"]]
            at = text.find(row["text"])
            if at < 0:
                raise ValueError(f"gold text not found in {row['article_id']}: {row['text']!r}")
            row["start"], row["end"] = at, at + len(row["text"])
        out.append(row)
    return out


def occurrences(text: str, part: str) -> list[int]:
    """Start offsets of every occurrence of ``part`` in ``text`` (overlaps included)."""
    found, at = [], text.find(part)
    while part and at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def with_raw_text(gold: Sequence[Row], folder: Path) -> list[dict[str, Any]]:
    """Gold rows with ``text`` read from the raw file ``<folder>/<article_id>.txt`` at their
    ``start``/``end`` where they have none: a set of third-party texts keeps offsets only,
    never the texts' words."""
    raw: dict[str, str] = {}
    out = []
    for row in gold:
        row = dict(row)
        if "text" not in row:
            aid = row["article_id"]
            if aid not in raw:
                raw[aid] = (folder / f"{aid}.txt").read_text(encoding="utf-8")
            row["text"] = raw[aid][row["start"] : row["end"]]
        out.append(row)
    return out


def relocate(
    gold: Sequence[Row], texts: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Gold rows with raw-file offsets moved into the cleaned texts, and the rows left over.

    A row goes to the occurrence of its ``text`` nearest its raw ``start`` that no
    earlier row with the same text took; rows of one span (a nested report's two levels)
    share it; a row finds none when cleaning removed its text.
    """
    placed: list[dict[str, Any]] = []
    left: list[dict[str, Any]] = []
    taken: set[tuple[str, int, str]] = set()
    same_span: dict[tuple[str, str, int], int] = {}
    for row in sorted(gold, key=lambda r: (r["article_id"], r.get("start") or 0)):
        aid, part, raw_start = row["article_id"], row["text"], row.get("start") or 0
        if (aid, part, raw_start) in same_span:
            at = same_span[aid, part, raw_start]
            placed.append({**row, "start": at, "end": at + len(part)})
            continue
        free = [at for at in occurrences(texts.get(aid, ""), part) if (aid, at, part) not in taken]
        if not free:
            left.append(dict(row))
            continue
        at = min(free, key=lambda a: abs(a - raw_start))
        taken.add((aid, at, part))
        same_span[aid, part, raw_start] = at
        placed.append({**row, "start": at, "end": at + len(part)})
    return placed, left


def restrict(
    gold: Sequence[Row], *, beliefs: bool = True, sides: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Gold rows kept: beliefs or not, and only articles whose gold quotes all ``sides``."""
    wanted = set(sides)
    quoted: dict[str, set[str]] = {}
    for r in gold:
        quoted.setdefault(r["article_id"], set()).add(str(r.get("affiliation", "unknown")))
    return [
        dict(r)
        for r in gold
        if (beliefs or not r.get("belief")) and wanted <= quoted[r["article_id"]]
    ]


def rename_sides(gold: Sequence[Row], side_map: Mapping[str, str]) -> list[dict[str, Any]]:
    """Gold rows with their ``affiliation`` renamed through ``side_map``."""
    return [
        {**r, "affiliation": side_map.get(str(r.get("affiliation")), r.get("affiliation"))}
        for r in gold
    ]


def parse_side_map(text: str) -> dict[str, str]:
    """``"CN=other,TR=other"`` as a mapping."""
    pairs = (item.split("=", 1) for item in text.split(",") if item.strip())
    return {old.strip(): new.strip() for old, new in pairs}


def tokens(text: str, start: int, end: int) -> frozenset[int]:
    """Start offsets of the word tokens that lie inside ``[start, end)``."""
    return frozenset(
        m.start() for m in _TOKEN.finditer(text, 0, len(text)) if start <= m.start() < end
    )


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard index of two token sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def match(
    gold: Sequence[Row], pred: Sequence[Row], text: str, threshold: float
) -> list[tuple[Row, Row, float]]:
    """One-to-one pairs (gold, pred, overlap) of one article, greedy by overlap."""
    gtoks = [tokens(text, g["start"], g["end"]) for g in gold]
    ptoks = [tokens(text, p["start"], p["end"]) for p in pred]
    scored = sorted(
        (
            (overlap(gt, pt), i, j)
            for i, gt in enumerate(gtoks)
            for j, pt in enumerate(ptoks)
            if gt & pt
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j], score))
    return pairs


def canonical(name: object, registry: ActorRegistry) -> str:
    """Registry name of a speaker, else the name itself, case-folded."""
    text = str(name or "").strip()
    actor = registry.find(text)
    return (actor.name if actor else text).casefold()


def same_speaker(gold: object, pred: object, registry: ActorRegistry) -> bool:
    """Same canonical speaker; unlisted names match when one contains the other's words."""
    g, p = canonical(gold, registry), canonical(pred, registry)
    if not g or not p:
        return g == p
    if g == p:
        return True
    gw, pw = set(_TOKEN.findall(g)), set(_TOKEN.findall(p))
    return bool(gw and pw) and (gw <= pw or pw <= gw) and registry.find(str(pred)) is None


_BRITISH_ISE = re.compile(r"is(e|ed|es|ing)$")


def same_verb(gold: object, pred: object) -> bool:
    """Whether two verb lemmas are the same verb, British and American spellings alike
    ("criticise" and "criticize")."""

    def norm(verb: object) -> str:
        return _BRITISH_ISE.sub(r"iz\1", str(verb or "").casefold())

    return norm(gold) == norm(pred)


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def score(
    gold: Sequence[Row],
    pred: Sequence[Row],
    texts: Mapping[str, str],
    threshold: float = 0.3,
    registry: ActorRegistry | None = None,
    *,
    unreachable: int = 0,
) -> Scores:
    """Precision, recall, F1 at ``threshold`` and accuracies of the matched pairs.

    ``unreachable``: gold statements in text the cleaner removed (a headline, a teaser),
    counted as misses: removing text is the extractor's choice, and its cost.
    """
    registry = registry or load_actors()
    pairs: list[tuple[Row, Row, float]] = []
    for aid, text in texts.items():
        g = [r for r in gold if r["article_id"] == aid]
        p = [r for r in pred if r["article_id"] == aid]
        pairs.extend(match(g, p, text, threshold))
    n_gold = sum(1 for r in gold if r["article_id"] in texts) + unreachable
    n_pred = sum(1 for r in pred if r["article_id"] in texts)
    precision, recall = _ratio(len(pairs), n_pred), _ratio(len(pairs), n_gold)
    f1 = 2 * precision * recall / (precision + recall) if pairs and precision + recall else 0.0

    def acc(ok: Iterable[bool]) -> float:
        flags = list(ok)
        return _ratio(sum(flags), len(flags))

    return Scores(
        threshold,
        n_gold,
        n_pred,
        len(pairs),
        precision,
        recall,
        f1,
        acc(same_speaker(g["speaker"], p["speaker"], registry) for g, p, _ in pairs),
        acc(
            str(g.get("affiliation", "unknown")) == str(p.get("affiliation") or "unknown")
            for g, p, _ in pairs
        ),
        acc(same_verb(g.get("verb"), p.get("verb")) for g, p, _ in pairs),
        acc(g["kind"] == p["kind"] for g, p, _ in pairs),
    )


def errors(
    gold: Sequence[Row],
    pred: Sequence[Row],
    texts: Mapping[str, str],
    threshold: float = 0.3,
    registry: ActorRegistry | None = None,
) -> list[str]:
    """Human-readable misses, false alarms and attribute mismatches."""
    registry = registry or load_actors()
    lines = []
    for aid, text in texts.items():
        g = [r for r in gold if r["article_id"] == aid]
        p = [r for r in pred if r["article_id"] == aid]
        pairs = match(g, p, text, threshold)
        mg = {id(a) for a, _, _ in pairs}
        mp = {id(b) for _, b, _ in pairs}
        for r in g:
            if id(r) not in mg:
                lines.append(
                    f"MISS {aid} {r['kind']} {r['speaker']}: {text[r['start'] : r['end']][:70]!r}"
                )
        for r in p:
            if id(r) not in mp:
                lines.append(
                    f"FALSE {aid} {r['kind']} {r['speaker']}: {text[r['start'] : r['end']][:70]!r}"
                )
        for a, b, s in pairs:
            diffs = []
            if not same_speaker(a["speaker"], b["speaker"], registry):
                diffs.append(f"speaker {a['speaker']!r}!={b['speaker']!r}")
            if str(a.get("affiliation")) != str(b.get("affiliation")):
                diffs.append(f"side {a.get('affiliation')}!={b.get('affiliation')}")
            if not same_verb(a.get("verb"), b.get("verb")):
                diffs.append(f"verb {a.get('verb')}!={b.get('verb')}")
            if a["kind"] != b["kind"]:
                diffs.append(f"kind {a['kind']}!={b['kind']}")
            if diffs:
                lines.append(
                    f"DIFF {aid} ({s:.2f}) {', '.join(diffs)}: {text[a['start'] : a['end']][:60]!r}"
                )
    return lines


def format_table(results: Sequence[Scores]) -> str:
    """A plain-text table, one line per threshold."""
    head = (
        f"{'overlap':>7} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'speaker':>7} {'side':>6} {'verb':>6} {'kind':>6}"
    )
    lines = [head, "-" * len(head)]
    for s in results:
        lines.append(
            f"{s.threshold:>7.1f} {s.n_gold:>5} {s.n_pred:>5} {s.n_matched:>5} {s.precision:>6.3f} "
            f"{s.recall:>6.3f} {s.f1:>6.3f} {s.speaker_accuracy:>7.3f} {s.side_accuracy:>6.3f} "
            f"{s.verb_accuracy:>6.3f} {s.kind_accuracy:>6.3f}"
        )
    return "\n".join(lines)


def predict(corpus: str | Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Load and clean a corpus, run the quote extractor; (rows, article_id -> text).

    The text of an article is its cleaned body followed by its headline and deck lines
    (a blank line before each): the rows of a headline or deck are moved there from the
    offsets in their own line, so one text holds every statement framing finds.
    """
    from framing.clean import clean_article
    from framing.corpus import load_corpus
    from framing.extract.quotes import extract_quotes
    from framing.redundancy import mark_recurring
    from framing.run import Settings, headline_quotes, load_resources

    resources = load_resources(Settings())
    rows: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for article in mark_recurring(load_corpus(corpus)):  # as framing analyze cleans
        doc, cleaned = clean_article(article)
        body = extract_quotes(doc, actors=resources.actors, verbs=resources.verbs)
        heads = headline_quotes(cleaned, doc, resources, first_id=len(body) + 1)
        text = doc.text
        for removal in cleaned.removals:
            if removal.reason not in ("headline", "deck"):
                continue
            at = len(text) + 2
            text += "\n\n" + removal.text
            for q in heads:
                if q["part"] == removal.reason and q["paragraph"] == removal.line:
                    q["start"] += at
                    q["end"] += at
        texts[doc.article_id] = text
        rows += body + heads
    return rows, texts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="gold JSONL file")
    parser.add_argument("--corpus", default=str(ROOT / "seeds"), help="articles (default: seeds)")
    parser.add_argument("--errors", action="store_true", help="list misses and mismatches")
    parser.add_argument(
        "--raw-offsets", action="store_true", help="gold offsets index the raw files"
    )
    parser.add_argument("--no-beliefs", action="store_true", help="leave out belief rows")
    parser.add_argument(
        "--with-sides", default="", help="only articles quoting all these sides (RU,UA)"
    )
    parser.add_argument("--side-map", default="", help="rename gold sides (CN=other,TR=other)")
    args = parser.parse_args(argv)
    pred, texts = predict(args.corpus)
    gold = restrict(
        load_gold(args.gold),
        beliefs=not args.no_beliefs,
        sides=[s.strip() for s in args.with_sides.split(",") if s.strip()],
    )
    gold = rename_sides(gold, parse_side_map(args.side_map))
    texts = {aid: t for aid, t in texts.items() if any(g["article_id"] == aid for g in gold)}
    left: list[dict[str, Any]] = []
    if args.raw_offsets:
        gold, left = relocate(with_raw_text(gold, Path(args.corpus)), texts)
        for r in left:
            print(f"not in the cleaned text, a miss: {r['article_id']} {r['text'][:60]!r}")
    else:
        gold = locate(gold, texts)
    print(format_table([score(gold, pred, texts, t, unreachable=len(left)) for t in THRESHOLDS]))
    if args.errors:
        print("\n".join(errors(gold, pred, texts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
