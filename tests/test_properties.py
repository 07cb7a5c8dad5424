"""Property tests: any text in, no exception, offsets in range, counts consistent."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.analysis import analyze_article
from framing.clean import clean_article, clean_text
from framing.corpus import Article, CorpusError, decode, load_corpus
from framing.document import build_document, normalise

# Text that looks like scraped news: words, quote marks, apostrophes, line breaks.
PIECES = [*"abcXYZ .,;:!?-—'\"“”‘’«»()\n\t/", "Kyiv", "Kiev", " said", "U.S.", "\u00a0", "\r\n"]
NEWSY = st.lists(st.sampled_from(PIECES), max_size=200).map("".join)
ANY_TEXT = st.one_of(NEWSY, st.text(max_size=300))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_clean_and_document_never_raise_and_offsets_fit(raw: str) -> None:
    text = normalise(raw)
    cleaned = clean_text(text)
    lines = text.split("\n")
    assert all(1 <= r.line <= len(lines) for r in cleaned.removals)
    kept_lines = {p[0] for p in cleaned.paragraphs}
    assert not kept_lines & {r.line for r in cleaned.removals}
    doc = build_document("a", "s", cleaned.paragraphs)
    n = len(doc.text)
    for para in doc.paragraphs:
        assert 0 <= para.start <= para.end <= n
    for sentence in doc.sentences:
        assert 0 <= sentence.start < sentence.end <= n
        assert doc.text[sentence.start : sentence.end] == sentence.text
    for quote in doc.quote_spans:
        assert 0 <= quote.start <= quote.inner_start <= quote.inner_end <= quote.end <= n
        para = doc.paragraphs[quote.paragraph]
        assert para.start <= quote.start and quote.end <= para.end
    for offset in (0, n // 2, max(n - 1, 0)):
        line, col = doc.location(offset)
        assert line >= 1 and col >= 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_either_returns_text_or_refuses_clearly(data: bytes) -> None:
    try:
        text, encoding = decode(data, "x.txt")
    except (CorpusError, UnicodeDecodeError) as exc:
        assert "x.txt" in str(exc) or isinstance(exc, UnicodeDecodeError)
    else:
        assert isinstance(text, str) and encoding


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from([".txt", ".md", ".json", ".jsonl", ".csv", ".html"]),
    st.binary(max_size=300),
)
@example(".txt", b"\xff\xfeA")  # regression: a BOM over undecodable bytes raised UnicodeDecodeError
@example(".csv", b'id,text\n1,"a"b"\n')  # regression: strict CSV errors name the row
@example(".json", b'[{"id": ["x"], "text": "Kyiv said so."}]')
def test_loader_fuzz_never_crashes_a_batch(tmp_path: Path, suffix: str, data: bytes) -> None:
    folder = tmp_path / f"fuzz{abs(hash((suffix, data)))}"
    folder.mkdir()
    (folder / f"bad{suffix}").write_bytes(data)
    (folder / "good.txt").write_text("Kyiv said the talks went on.\n", encoding="utf-8")
    errors: list[CorpusError] = []
    articles = load_corpus(folder, on_error=errors.append)
    assert "good" in [a.article_id for a in articles]
    assert all(e.path.endswith(f"bad{suffix}") for e in errors)


# JSON values of any shape, and CSV cells with the characters that break CSV parsing.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["id", "text", "source", "title", "date", "x"]), children)
    ),
    max_leaves=12,
)
CSV_CELL = st.lists(st.sampled_from([*'ab ,"\n\r\t=;', "Kyiv", "said"]), max_size=12).map("".join)
CSV_TEXT = st.lists(st.lists(CSV_CELL, min_size=1, max_size=4), max_size=5).map(
    lambda rows: "\n".join(",".join(r) for r in [["id", "text", "source"], *rows])
)


def _load_one(folder: Path, name: str, data: bytes) -> tuple[list[str], list[CorpusError]]:
    """Load ``name`` (holding ``data``) beside a good article; never raise."""
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("Kyiv said the talks went on.\n", encoding="utf-8")
    errors: list[CorpusError] = []
    articles = load_corpus(folder, on_error=errors.append)
    assert "good" in [a.article_id for a in articles]
    assert all(e.path.endswith(name) and e.message for e in errors)
    return [a.article_id for a in articles], errors


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(JSON, st.booleans())
def test_loader_fuzz_random_json_and_jsonl(tmp_path: Path, value: object, lines: bool) -> None:
    if lines:
        name, data = "bad.jsonl", "\n".join(json.dumps(v) for v in (value, {"x": value}))
    else:
        name, data = "bad.json", json.dumps(value)
    _load_one(Path(tempfile.mkdtemp(dir=tmp_path)), name, data.encode())


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(CSV_TEXT)
def test_loader_fuzz_random_csv(tmp_path: Path, text: str) -> None:
    _, errors = _load_one(Path(tempfile.mkdtemp(dir=tmp_path)), "bad.csv", text.encode())
    n_lines = text.count("\n") + text.count("\r") + 1
    assert all(e.line is None or 1 <= e.line <= n_lines for e in errors)


# Articles built from pieces that exercise terms, quotes, speakers and sentence ends.
ARTICLE_PIECES = [
    "Kyiv",
    "Kiev",
    "war",
    "the special military operation",
    "Donbas",
    "Donbass",
    "Peskov",
    "Zelensky",
    "said",
    "claimed",
    "told reporters",
    "according to",
    "the Kremlin",
    "that",
    "“",
    "”",
    '"',
    "’s",
    ",",
    ".",
    "\n",
    "\n\n",
    " ",
    " the talks ",
    " he ",
    " and ",
]
ARTICLE = st.lists(st.sampled_from(ARTICLE_PIECES), min_size=5, max_size=80).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(ARTICLE)
def test_tables_are_consistent_with_each_other_and_the_text(body: str) -> None:
    text = normalise("The talks in Abu Dhabi went on, the minister said.\n" + body + "\n")
    article = Article("a", "a.txt", text, source="S")
    result = analyze_article(article)
    assert result.error is None
    doc, _ = clean_article(article)
    n = len(doc.text)
    assert result.article["n_quotes"] == len(result.quotes)
    assert result.article["n_sentences"] == len(result.sentences) == len(doc.sentences)
    assert len({q["quote_id"] for q in result.quotes}) == len(result.quotes)
    for term in result.terms:
        assert 0 <= term["start"] < term["end"] <= n
        assert doc.text[term["start"] : term["end"]] == term["matched"]
    for quote in result.quotes:
        assert 0 <= quote["start"] < quote["end"] <= n
        assert doc.text[quote["start"] : quote["end"]] == quote["text"]
    for sentence in result.sentences:
        assert doc.text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_seed_tables_are_consistent(seed_articles: dict[str, Article]) -> None:
    from framing.analysis import build_analysis
    from framing.tables import TableParts

    results = [analyze_article(a) for a in seed_articles.values()]
    analysis = build_analysis([TableParts.of(results[:2]), TableParts.of(results[2:])])
    articles = analysis.articles.set_index("article_id")
    for table, column in (("quotes", "n_quotes"), ("sentences", "n_sentences")):
        counts = getattr(analysis, table).groupby("article_id").size()
        assert counts.reindex(articles.index, fill_value=0).tolist() == articles[column].tolist()
    removed = analysis.cleaning.groupby("article_id").size()
    assert (
        removed.reindex(articles.index, fill_value=0).tolist()
        == articles["n_removed_lines"].tolist()
    )
    assert set(analysis.terms["article_id"]) <= set(articles.index)
