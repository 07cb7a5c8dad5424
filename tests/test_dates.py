"""Dates read to ISO: the forms of manifests, feeds and HTML metadata; refusals warn."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.corpus import Article, load_corpus
from framing.dates import dated, iso_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-05", "2026-02-05"),
        ("2026-02-05T23:12:00+03:00", "2026-02-05"),  # the date as written, no shift
        ("2026/02/05", "2026-02-05"),
        ("20260205", "2026-02-05"),
        ("Thu, 05 Feb 2026 10:12:00 GMT", "2026-02-05"),
        ("5 February 2026", "2026-02-05"),
        ("Feb. 5, 2026", "2026-02-05"),
        ("Thursday, February 5th, 2026", "2026-02-05"),
        ("25/02/2026", "2026-02-25"),
        ("02/25/2026", "2026-02-25"),
        ("  ", ""),
        ("05/02/2026", None),  # 5 February or 2 May: refused
        ("2026-02-30", None),
        ("2026-02", None),
        ("last Tuesday", None),
    ],
)
def test_iso_date(text: str, expected: str | None) -> None:
    assert iso_date(text) == expected


def test_an_unreadable_date_is_a_warning_not_a_crash() -> None:
    article = dated(Article(article_id="a", file="a.txt", text="x", date="soon"))
    assert article.date == ""
    assert article.warnings == (
        "a.txt: date 'soon' not understood (expected e.g. 2026-02-05 or 5 February 2026); "
        "left empty",
    )


def test_manifest_dates_are_read_to_iso(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks went on in Geneva on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Talks went on in Geneva on Tuesday.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        'file,source,date\na.txt,X,"5 February 2026"\nb.txt,X,someday\n', encoding="utf-8"
    )
    a, b = load_corpus(tmp_path)
    assert a.date == "2026-02-05" and not a.warnings
    assert b.date == "" and "date 'someday' not understood" in b.warnings[0]
