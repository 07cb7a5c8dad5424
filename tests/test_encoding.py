"""Encodings decided on the whole file, with a plausibility check (framing/encoding.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus import load_corpus
from framing.encoding import decode_bytes, implausible

# made-up English news text quoting Russian words, as such articles do
MIXED = (
    "Moscow called the talks “useful”. State television spoke of the “киевский режим” "
    "and said Киев had rejected the offer. The ministry’s statement, titled "
    "«Заявление МИД России», was read on air."
)
# KOI8-R has no curly quotes nor guillemets: the same text with straight ones
MIXED_STRAIGHT = MIXED.translate(str.maketrans("“”’«»", '""\'""'))
WESTERN = "The envoy met Zürich’s mayor at a café in the façade-lined old town; both were naïve."
ONE_ACCENT = "The minister visited the café on Monday and said the talks were useful."


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (MIXED, "cp1251", "cp1251"),
        (MIXED_STRAIGHT, "koi8_r", "koi8_r"),
        (MIXED_STRAIGHT, "cp1251", "cp1251"),
        (WESTERN, "cp1252", "cp1252"),
        (MIXED, "utf-8", "utf-8"),
        (MIXED, "utf-8-sig", "utf-8-sig"),
        (MIXED, "utf-16", "utf-16"),
        (WESTERN, "utf-16", "utf-16"),
    ],
)
def test_mixed_texts_are_decoded_right(text: str, codec: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(codec))
    assert decoded.encoding == expected
    assert decoded.text.lstrip("\ufeff") == text
    assert decoded.doubt == ""


def test_the_cp1251_article_with_russian_words_is_not_read_as_cp1252() -> None:
    decoded = decode_bytes(MIXED.encode("cp1251"))
    assert "Киев" in decoded.text and "Êèåâ" not in decoded.text


def test_one_accented_word_is_a_decision_with_doubt() -> None:
    decoded = decode_bytes(ONE_ACCENT.encode("cp1252"))
    assert decoded.encoding == "cp1252" and decoded.text == ONE_ACCENT
    assert "worse only" in decoded.doubt


def test_no_non_ascii_letter_is_cp1252_without_doubt() -> None:
    decoded = decode_bytes("He said “yes” – twice.".encode("cp1252"))
    assert decoded == ("He said “yes” – twice.", "cp1252", "")


@pytest.mark.parametrize(
    ("word", "bad"),
    [
        ("Êèåâ", True),  # Киев in cp1251 read as cp1252
        ("лЙЕЧ", True),  # Киев in KOI8-R read as cp1251
        ("cafй", True),  # café in cp1252 read as cp1251
        ("Киев", False),
        ("café", False),
        ("Zürich", False),
        ("МИД", False),
    ],
)
def test_implausible_words(word: str, bad: bool) -> None:
    assert implausible(word) is bad


def test_an_uncertain_file_is_a_warning_naming_file_and_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(ONE_ACCENT.encode("cp1252"))
    (article,) = load_corpus(path)
    assert article.encoding == "cp1252"
    (warning,) = [w for w in article.warnings if "decoded as" in w]
    assert warning.startswith(f"{path}: decoded as cp1252, but unsure")


def test_a_record_file_warns_once(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    texts = [ONE_ACCENT, "The talks went on.", "The talks ended."]
    rows = [f'{{"id": "r{i}", "text": "{text}"}}' for i, text in enumerate(texts)]
    path.write_bytes("\n".join(rows).encode("cp1252"))
    articles = load_corpus(path)
    assert [sum("decoded as" in w for w in a.warnings) for a in articles] == [1, 0, 0]
