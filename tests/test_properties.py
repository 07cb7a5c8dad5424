"""Property tests: any text in, no exception, offsets in range, counts consistent."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.clean import clean_text
from framing.corpus import CorpusError, decode, load_corpus
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
def test_loader_fuzz_never_crashes_a_batch(tmp_path: Path, suffix: str, data: bytes) -> None:
    folder = tmp_path / f"fuzz{abs(hash((suffix, data)))}"
    folder.mkdir()
    (folder / f"bad{suffix}").write_bytes(data)
    (folder / "good.txt").write_text("Kyiv said the talks went on.\n", encoding="utf-8")
    errors: list[CorpusError] = []
    articles = load_corpus(folder, on_error=errors.append)
    assert "good" in [a.article_id for a in articles]
    assert all(e.path.endswith(f"bad{suffix}") for e in errors)
