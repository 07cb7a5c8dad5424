"""Score framing's quote attribution against PolNeAR's attribution annotations.

Usage::

    python bench/polnear.py PATH [--split train|dev] [--errors N] [--json OUT]

PATH is a local copy of the PolNeAR corpus (github.com/networkdynamics/PolNeAR:
``data/metadata.tsv``, ``data/<split>/text/<name>.txt``,
``data/<split>/attributions/<name>_<annotator>.ann``). Only ``train`` and ``dev`` are
accepted: the test split is never read, scored or tuned on here. PolNeAR's texts may
not be redistributed, so nothing of them is written anywhere but the terminal.

Gold (PolNeAR brat standoff, Newell, Margolin & Ruths 2018, LREC): an event
``Attribution`` (or ``Attribution-no-source``) links a ``Source``, a ``Cue`` and a
``Content`` (sometimes a ``Content2`` as well; spans may be discontinuous,
``"start end;start end"``). Conventions of this scorer:

* one annotation file per article: when several annotators did an article (the
  inter-annotator subset), the file whose annotator code sorts first is used;
* attributions without a Content span (or whose Content holds no word) are left out
  of every figure; those without a Source are kept for P/R/F1 but left out of the
  speaker accuracy;
* the gold kind is read from the quotation marks around the Content's words in the
  raw text: ``direct`` (every word inside marks), ``partial`` (some), ``indirect``
  (none). Marks are paired within a line (curly by shape, straight alternately; an
  unclosed mark runs to the end of its line).

Prediction: the rows of ``framing.analyze(...).quotes`` for Article records whose
text is the raw file and whose source is the publisher in ``metadata.tsv``. Their
``start``/``end`` index the cleaned text; each cleaned paragraph is re-derived with
``framing.clean.clean_article`` (the same call ``analyze`` makes) and its word tokens
aligned with those of the raw lines it came from, so both sides are sets of raw-text
token offsets. Words the cleaner dropped (boilerplate lines) are simply not predicted.

Matching: tokens are ``\\w+(?:['’\\-.]\\w+)*`` (as in ``quote_eval.py``). Overlap is the
Dice coefficient 2|G∩P| / (|G|+|P|) of the gold Content tokens and the predicted
statement's tokens. Within an article, gold and predicted are paired one-to-one,
greedily by decreasing overlap (ties: earlier gold, then earlier prediction); a pair
counts at threshold t when its overlap >= t (0.3 lenient, 0.8 strict).

Speech-cue slice: gold attributions whose Cue holds a speech word (:data:`SPEECH_CUES`)
or the phrase "according to". Recall = matched slice gold / slice gold. Precision =
matched slice gold / (all predictions - predictions matched to a gold attribution
outside the slice): a prediction paired with a belief or perception attribution is
right but not in the slice, so it leaves the denominator; an unpaired prediction
counts against the slice.

Speaker accuracy (pairs at 0.3, gold with a Source): the gold Source and the
predicted ``speaker_as_written`` or ``speaker`` share a name word (case-folded,
possessive ``'s`` dropped, titles, function words and pronouns removed; title
words count for a Source that is only a title, "the chairman"); a gold Source
that is only a pronoun matches when the predicted as-written speaker is the same
pronoun (framing resolves pronouns to names; PolNeAR keeps the pronoun as the Source,
so this under-counts resolved pronouns, which are reported apart).

Baseline: quoted passages of >= 3 words (double marks, paired as for the gold kind)
are statements; the speaker is the nearest capitalised word run or pronoun before a
"said/says/say/told/tells" in the same sentence (empty when there is none).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import difflib
import json
import random
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.3, 0.8)
SPLITS = ("train", "dev")
KINDS = ("direct", "partial", "indirect")
_TOKEN = re.compile(r"\w+(?:[’'\-.]\w+)*")
_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")

# Speech cues: the communication verbs of Levin (1993), "English Verb Classes and
# Alternations", ch. 37 (say 37.7, tell 37.2, manner of speaking 37.3, complain
# 37.8, advise 37.9, and the reporting verbs of 37.1/37.4 common in news: announce,
# claim, write, ...), plus the prepositional cue "according to" (PolNeAR, like PARC,
# annotates it as a Cue). Matched on the Cue's words after the light lemmatisation of
# :func:`lemma`.
SPEECH_CUES = frozenset(
    """
    say tell add state announce declare claim assert argue insist explain note remark
    comment report write tweet post testify reply respond answer ask question repeat
    reiterate confirm deny acknowledge admit concede warn caution urge advise recommend
    suggest propose promise pledge vow predict complain protest lament criticize
    criticise praise thank accuse charge blame boast brag joke quip shout yell scream
    whisper mutter murmur exclaim cry call speak talk describe recall recount tout
    contend maintain mention point stress emphasize emphasise observe disclose reveal
    inform notify quote told said
    """.split()
)
SPEECH_PHRASES = ("according to",)
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak", "says": "say"}

# Words that never identify a speaker on their own.
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof sen senator rep representative gov governor president pres
    gen general secretary minister chairman chairwoman chair ceo sir lady lord former
    vice deputy spokesman spokeswoman spokesperson candidate nominee
    """.split()
)
_FUNCTION = frozenset(
    """
    the a an of and or to in on for at by with from as that this these those who which
    his her its their our my your
    """.split()
)
PRONOUNS = frozenset("i we you he she it they me us him them one someone somebody".split())
_SPEECH_BASELINE = re.compile(r"\b(?:said|says|say|told|tells)\b")
_NAME_OR_PRONOUN = re.compile(
    r"\b(?:[A-Z][\w’'\-.]*(?:\s+[A-Z][\w’'\-.]*)*|[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+(?=[“\"A-Z])")


# --- brat ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    label: str
    fragments: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution; spans are lists of raw-text fragments."""

    article_id: str
    event: str
    content: tuple[tuple[int, int], ...]
    cue: tuple[tuple[int, int], ...]
    source: tuple[tuple[int, int], ...]
    has_source: bool = True


def parse_ann(text: str, article_id: str = "") -> list[GoldAttribution]:
    """Attributions of a brat ``.ann`` file (lines that continue a multi-line span's
    text, notes and unlinked labels such as ``Discuss`` are ignored)."""
    spans: dict[str, Span] = {}
    events: list[tuple[str, str]] = []
    for line in text.split("\n"):
        if m := _SPAN_LINE.match(line):
            fragments = tuple(
                (int(a), int(b)) for a, b in (f.split() for f in m.group(3).split(";"))
            )
            spans[m.group(1)] = Span(m.group(2), fragments)
        elif m := _EVENT_LINE.match(line):
            events.append((m.group(1), m.group(2)))
    out = []
    for eid, body in events:
        args = [arg.split(":", 1) for arg in body.split() if ":" in arg]
        if not args or not args[0][0].startswith("Attribution"):
            continue
        roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for role, ref in args[1:]:
            key = re.sub(r"\d+$", "", role)
            if key in roles and ref in spans:
                roles[key].extend(spans[ref].fragments)
        out.append(
            GoldAttribution(
                article_id,
                eid,
                tuple(sorted(roles["Content"])),
                tuple(sorted(roles["Cue"])),
                tuple(sorted(roles["Source"])),
                has_source=bool(roles["Source"]),
            )
        )
    return out


def choose_annotation(files: Iterable[Path]) -> Path:
    """The annotation file used for an article: annotator code sorting first."""
    return min(files, key=lambda p: p.stem.rsplit("_", 1)[-1])


# --- tokens, marks, kinds -----------------------------------------------------------


def token_starts(text: str) -> list[int]:
    return [m.start() for m in _TOKEN.finditer(text)]


def tokens_in(starts: Sequence[int], fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Token start offsets (``starts``, sorted) lying inside any of ``fragments``."""
    return frozenset(
        s
        for a, b in fragments
        for s in starts[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
    )


def dice(a: frozenset[int], b: frozenset[int]) -> float:
    total = len(a) + len(b)
    return 2 * len(a & b) / total if total else 0.0


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of double-quoted passages, paired within each line; the
    region spans the marks. Unclosed passages run to the end of their line."""
    regions = []
    pos = 0
    for line in text.split("\n"):
        opened: int | None = None
        for i, ch in enumerate(line):
            closes = ch in "”»" or (ch == '"' and opened is not None)
            if closes and opened is not None:
                regions.append((pos + opened, pos + i + 1))
                opened = None
            elif not closes and ch in '“«"' and opened is None:
                opened = i
        if opened is not None:
            regions.append((pos + opened, pos + len(line)))
        pos += len(line) + 1
    return regions


def gold_kind(tokens: frozenset[int], regions: Sequence[tuple[int, int]]) -> str:
    inside = sum(1 for t in tokens if any(a < t < b for a, b in regions))
    if inside == 0:
        return "indirect"
    return "direct" if inside == len(tokens) else "partial"


def lemma(word: str) -> str:
    """A light lemma for cue words: irregular forms, then -ing/-ed/-s stripped."""
    w = word.casefold()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if stem in SPEECH_CUES or stem + "e" in SPEECH_CUES:
                return stem if stem in SPEECH_CUES else stem + "e"
    return w


def is_speech_cue(cue: str) -> bool:
    low = " ".join(cue.casefold().split())
    if any(p in low for p in SPEECH_PHRASES):
        return True
    return any(lemma(w) in SPEECH_CUES for w in _TOKEN.findall(low))


# --- speakers -----------------------------------------------------------------------


def name_words(text: str) -> frozenset[str]:
    words = {re.sub(r"[’']s$", "", w.casefold()) for w in _TOKEN.findall(text or "")}
    return frozenset(w for w in words if w not in _TITLES | _FUNCTION | PRONOUNS)


def title_words(text: str) -> frozenset[str]:
    """Words of a source that is only a title or role ("the chairman")."""
    words = {re.sub(r"[’']s$", "", w.casefold()) for w in _TOKEN.findall(text or "")}
    return frozenset(w for w in words if w not in _FUNCTION | PRONOUNS)


def same_speaker(gold_source: str, as_written: str, speaker: str) -> bool:
    """Name-word overlap with either predicted form (title words count only for a
    gold Source that is nothing but a title, "the chairman"); a pronoun-only gold
    Source matches the same pronoun as written."""
    gold = name_words(gold_source)
    if gold:
        return bool(gold & (name_words(as_written) | name_words(speaker)))
    if title_words(gold_source):
        return bool(title_words(gold_source) & (title_words(as_written) | title_words(speaker)))
    gold_pron = {w.casefold() for w in _TOKEN.findall(gold_source)} & PRONOUNS
    pred_pron = {w.casefold() for w in _TOKEN.findall(as_written or "")} & PRONOUNS
    return bool(gold_pron & pred_pron)


def is_pronoun_source(text: str) -> bool:
    return not name_words(text) and bool({w.casefold() for w in _TOKEN.findall(text)} & PRONOUNS)


# --- articles -----------------------------------------------------------------------


@dataclass
class ArticleData:
    article_id: str
    raw: str
    publisher: str
    title: str
    date: str
    gold: list[GoldAttribution]
    starts: list[int] = field(default_factory=list)


@dataclass
class Pred:
    """A predicted statement, its raw-text tokens and what it says."""

    tokens: frozenset[int]
    kind: str
    speaker: str
    speaker_as_written: str
    verb: str
    text: str


def read_metadata(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def load_split(root: Path, split: str) -> list[ArticleData]:
    """Articles of ``split`` that have a text and at least one annotation file."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS} (test is never scored here)")
    data = root / "data" if (root / "data").is_dir() else root
    meta = read_metadata(data / "metadata.tsv")
    anns: dict[str, list[Path]] = {}
    for ann in sorted((data / split / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    articles = []
    for name in sorted(anns):
        text_path = data / split / "text" / f"{name}.txt"
        if not text_path.exists():
            continue
        raw = text_path.read_text(encoding="utf-8")
        row = meta.get(name, {})
        ann = choose_annotation(anns[name])
        gold = parse_ann(ann.read_text(encoding="utf-8"), name)
        articles.append(
            ArticleData(
                name,
                raw,
                row.get("publisher", ""),
                row.get("title", ""),
                row.get("publication_date", ""),
                gold,
                token_starts(raw),
            )
        )
    return articles


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def cleaned_to_raw(
    raw: str, paragraphs: Sequence[Any], doc_text: str, doc_paras: Sequence[Any]
) -> dict[int, int]:
    """Cleaned-text token start -> raw-text token start, paragraph by paragraph.

    A paragraph's tokens are aligned with the tokens of the raw lines it came from
    (its first line and the lines its ``wraps`` name); equal token texts are paired
    by ``difflib`` where normalisation changed a token."""
    lstarts = line_starts(raw)
    mapping: dict[int, int] = {}
    for (first, _body, wraps), para in zip(paragraphs, doc_paras, strict=True):
        lines = [first, *(line for _, line in wraps)]
        raw_toks: list[tuple[int, str]] = []
        for line in lines:
            a = lstarts[line - 1]
            b = lstarts[line] - 1 if line < len(lstarts) else len(raw)
            raw_toks.extend((a + m.start(), m.group()) for m in _TOKEN.finditer(raw[a:b]))
        doc_toks = [
            (para.start + m.start(), m.group())
            for m in _TOKEN.finditer(doc_text[para.start : para.end])
        ]
        if [t for _, t in raw_toks] == [t for _, t in doc_toks]:
            mapping.update((d, r) for (d, _), (r, _) in zip(doc_toks, raw_toks, strict=True))
            continue
        matcher = difflib.SequenceMatcher(
            None, [t for _, t in doc_toks], [t for _, t in raw_toks], autojunk=False
        )
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mapping[doc_toks[block.a + k][0]] = raw_toks[block.b + k][0]
    return mapping


def _text(value: object) -> str:
    """A table cell as text; missing values (None, NaN) as ""."""
    return "" if value is None or value != value else str(value)


def to_records(articles: Sequence[ArticleData]) -> list[Any]:
    from framing.corpus import Article

    return [
        Article(
            article_id=a.article_id,
            file=f"{a.article_id}.txt",
            text=a.raw,
            source=a.publisher or "unknown",
            title=a.title,
            date=a.date,
        )
        for a in articles
    ]


def predict_framing(articles: Sequence[ArticleData]) -> dict[str, list[Pred]]:
    """framing's statements per article, as raw-text token sets."""
    import framing
    from framing.clean import clean_article
    from framing.redundancy import mark_recurring

    # marked as framing.analyze marks them, so that cleaning here gives its text again
    records = list(mark_recurring(to_records(articles)))
    analysis = framing.analyze(records)
    for error in analysis.errors.itertuples():
        # an article framing could not analyse scores as all misses: say so, never hide it
        print(f"not analysed, scored as misses: {error.file}: {error.reason}", file=sys.stderr)
    quotes = analysis.quotes
    by_article: dict[str, list[Pred]] = {a.article_id: [] for a in articles}
    grouped: dict[str, list[Mapping[Any, Any]]] = {}
    for row in quotes.to_dict("records"):
        grouped.setdefault(str(row["article_id"]), []).append(row)
    for record in records:
        group = grouped.get(record.article_id, [])
        if not group:
            continue
        doc, cleaned = clean_article(record)
        mapping = cleaned_to_raw(record.text, cleaned.paragraphs, doc.text, doc.paragraphs)
        doc_starts = token_starts(doc.text)
        lstarts = line_starts(record.text)
        raw_starts = token_starts(record.text)
        for quote in group:
            start, end = int(quote["start"]), int(quote["end"])
            if quote.get("part") in ("headline", "deck"):
                # offsets index the input line ``paragraph`` (the raw file's line)
                at = lstarts[int(quote["paragraph"]) - 1]
                toks = tokens_in(raw_starts, [(at + start, at + end)])
                said = record.text[at + start : at + end]
            else:
                toks = frozenset(
                    mapping[s] for s in tokens_in(doc_starts, [(start, end)]) if s in mapping
                )
                said = doc.text[start:end]
            by_article[record.article_id].append(
                Pred(
                    toks,
                    _text(quote.get("kind")),
                    _text(quote.get("speaker")),
                    _text(quote.get("speaker_as_written")),
                    _text(quote.get("verb")),
                    said,
                )
            )
    return by_article


def baseline_statements(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of quoted passages of >= 3 words (see module docstring)."""
    out = []
    sentences = []
    pos = 0
    for line in raw.split("\n"):
        last = 0
        for m in _SENTENCE_END.finditer(line):
            sentences.append((pos + last, pos + m.start()))
            last = m.end()
        sentences.append((pos + last, pos + len(line)))
        pos += len(line) + 1
    for a, b in quoted_regions(raw):
        if len(_TOKEN.findall(raw[a:b])) < 3:
            continue
        s0, s1 = next(((s, e) for s, e in sentences if s <= a < e), (a, b))
        sentence = raw[s0:s1]
        speaker = ""
        verb = _SPEECH_BASELINE.search(sentence)
        if verb:
            before = [
                m
                for m in _NAME_OR_PRONOUN.finditer(sentence, 0, verb.start())
                if not any(x <= s0 + m.start() < y for x, y in [(a, b)])
            ]
            if before:
                speaker = before[-1].group()
        out.append((a, b, speaker))
    return out


def predict_baseline(articles: Sequence[ArticleData]) -> dict[str, list[Pred]]:
    out: dict[str, list[Pred]] = {}
    for art in articles:
        out[art.article_id] = [
            Pred(tokens_in(art.starts, [(a, b)]), "direct", spk, spk, "say", art.raw[a:b])
            for a, b, spk in baseline_statements(art.raw)
        ]
    return out


# --- scoring ------------------------------------------------------------------------


@dataclass
class GoldItem:
    attribution: GoldAttribution
    tokens: frozenset[int]
    kind: str
    speech: bool
    source_text: str
    cue_text: str


def gold_items(art: ArticleData) -> list[GoldItem]:
    """Scored gold of an article: attributions whose Content holds a word."""
    regions = quoted_regions(art.raw)
    items = []
    for g in art.gold:
        toks = tokens_in(art.starts, g.content)
        if not toks:
            continue
        cue = " ".join(art.raw[a:b] for a, b in g.cue)
        source = " ".join(art.raw[a:b] for a, b in g.source)
        items.append(GoldItem(g, toks, gold_kind(toks, regions), is_speech_cue(cue), source, cue))
    return items


def match(
    gold: Sequence[GoldItem], pred: Sequence[Pred], threshold: float
) -> list[tuple[int, int, float]]:
    """One-to-one (gold index, pred index, Dice) pairs, greedy by decreasing overlap."""
    scored = sorted(
        (
            (-dice(g.tokens, p.tokens), i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(pred)
            if g.tokens & p.tokens
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, i, j in scored:
        if -neg < threshold or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j, -neg))
    return pairs


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r and p == p and r == r else 0.0


@dataclass(frozen=True)
class Scores:
    threshold: float
    n_gold: int
    n_pred: int
    n_matched: int
    precision: float
    recall: float
    f1: float
    recall_by_kind: dict[str, tuple[int, int, float]]
    speech_gold: int
    speech_matched: int
    speech_precision: float
    speech_recall: float
    speech_f1: float
    speaker_pairs: int
    speaker_accuracy: float
    speaker_pronoun_pairs: int


def score(
    golds: Mapping[str, Sequence[GoldItem]], preds: Mapping[str, Sequence[Pred]], threshold: float
) -> Scores:
    n_gold = sum(len(g) for g in golds.values())
    n_pred = sum(len(preds.get(aid, ())) for aid in golds)
    matched = 0
    kind_total = dict.fromkeys(KINDS, 0)
    kind_hit = dict.fromkeys(KINDS, 0)
    speech_gold = speech_hit = nonspeech_hit = 0
    spk_ok = spk_n = spk_pron = 0
    for aid, gold in golds.items():
        pred = preds.get(aid, [])
        pairs = match(gold, pred, threshold)
        matched += len(pairs)
        hit = {i for i, _, _ in pairs}
        for i, g in enumerate(gold):
            kind_total[g.kind] += 1
            kind_hit[g.kind] += i in hit
            speech_gold += g.speech
            speech_hit += g.speech and i in hit
            nonspeech_hit += (not g.speech) and i in hit
        for i, j, _ in pairs:
            g, p = gold[i], pred[j]
            if not g.attribution.has_source or not g.source_text.strip():
                continue
            spk_n += 1
            spk_pron += is_pronoun_source(g.source_text)
            spk_ok += same_speaker(g.source_text, p.speaker_as_written, p.speaker)
    precision, recall = _ratio(matched, n_pred), _ratio(matched, n_gold)
    sp_p = _ratio(speech_hit, n_pred - nonspeech_hit)
    sp_r = _ratio(speech_hit, speech_gold)
    return Scores(
        threshold,
        n_gold,
        n_pred,
        matched,
        precision,
        recall,
        _f1(precision, recall),
        {k: (kind_hit[k], kind_total[k], _ratio(kind_hit[k], kind_total[k])) for k in KINDS},
        speech_gold,
        speech_hit,
        sp_p,
        sp_r,
        _f1(sp_p, sp_r),
        spk_n,
        _ratio(spk_ok, spk_n),
        spk_pron,
    )


def format_table(name: str, results: Sequence[Scores]) -> str:
    head = (
        f"{'system':<9}{'overlap':>7} {'gold':>6} {'pred':>6} {'match':>6} {'P':>6} {'R':>6} "
        f"{'F1':>6} | {'R dir':>6} {'R part':>6} {'R ind':>6} | {'speech':>6} {'sp P':>6} "
        f"{'sp R':>6} {'sp F1':>6} | {'spk n':>6} {'spk acc':>7}"
    )
    lines = [head]
    for s in results:
        k = s.recall_by_kind
        lines.append(
            f"{name:<9}{s.threshold:>7.1f} {s.n_gold:>6} {s.n_pred:>6} {s.n_matched:>6} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} | {k['direct'][2]:>6.3f} "
            f"{k['partial'][2]:>6.3f} {k['indirect'][2]:>6.3f} | {s.speech_gold:>6} "
            f"{s.speech_precision:>6.3f} {s.speech_recall:>6.3f} {s.speech_f1:>6.3f} | "
            f"{s.speaker_pairs:>6} {s.speaker_accuracy:>7.3f}"
        )
    return "\n".join(lines)


def error_lines(
    articles: Sequence[ArticleData],
    golds: Mapping[str, Sequence[GoldItem]],
    preds: Mapping[str, Sequence[Pred]],
    n: int,
    threshold: float = 0.3,
) -> list[str]:
    """``n`` sampled misses and ``n`` sampled false positives (fixed seed)."""
    raw = {a.article_id: a.raw for a in articles}
    misses, falses = [], []
    for aid, gold in golds.items():
        pred = preds.get(aid, [])
        pairs = match(gold, pred, threshold)
        hit_g = {i for i, _, _ in pairs}
        hit_p = {j for _, j, _ in pairs}
        for i, g in enumerate(gold):
            if i not in hit_g:
                text = " ".join(raw[aid][a:b] for a, b in g.attribution.content)
                misses.append(
                    f"MISS {aid} {g.kind} cue={g.cue_text!r} source={g.source_text!r}: "
                    f"{' '.join(text.split())[:160]!r}"
                )
        for j, p in enumerate(pred):
            if j not in hit_p:
                falses.append(
                    f"FALSE {aid} {p.kind} verb={p.verb!r} speaker={p.speaker_as_written!r}: "
                    f"{' '.join(p.text.split())[:160]!r}"
                )
    rng = random.Random(0)
    return [line for lines in (misses, falses) for line in rng.sample(lines, min(n, len(lines)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="local copy of the PolNeAR repository")
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="show N misses and N false positives"
    )
    parser.add_argument("--json", metavar="OUT", help="write the figures as JSON")
    args = parser.parse_args(argv)
    articles = load_split(Path(args.path), args.split)
    golds = {a.article_id: gold_items(a) for a in articles}
    n_ann = sum(len(a.gold) for a in articles)
    n_scored = sum(len(g) for g in golds.values())
    print(
        f"PolNeAR {args.split}: {len(articles)} articles, {n_ann} attributions, "
        f"{n_scored} with a Content scored"
    )
    systems = {"framing": predict_framing(articles), "baseline": predict_baseline(articles)}
    results = {name: [score(golds, pred, t) for t in THRESHOLDS] for name, pred in systems.items()}
    for name, res in results.items():
        print(format_table(name, res))
    kinds = results["framing"][0].recall_by_kind
    print("gold kinds: " + ", ".join(f"{k} {kinds[k][1]}" for k in KINDS))
    if args.json:
        payload = {
            "split": args.split,
            "articles": len(articles),
            "attributions": n_ann,
            "scored": n_scored,
            "systems": {name: [asdict(s) for s in res] for name, res in results.items()},
        }
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        print("\n".join(error_lines(articles, golds, systems["framing"], args.errors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
