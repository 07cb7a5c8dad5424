"""A fetched page to article text and metadata: charset, then trafilatura.

The charset comes from the Content-Type header, else from a ``<meta charset>`` near the
top of the page, else the bytes are decoded as the corpus loader decodes files (UTF-8,
else the legacy code page charset-normalizer detects: cp1251, ...). A page with no
article text, or too little to be an article, is an error, never an empty record.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Any

from framing.corpus import CorpusError, decode
from framing.fetch.http import Page

MIN_WORDS = 30  # fewer words of main text than this is a list page, a stub or a paywall
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", ""})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


class NotAnArticle(ValueError):
    """The page is fetched but holds no article: not HTML, no main text, too short."""


@dataclass(frozen=True)
class Extracted:
    """Main text and metadata of one article page (trafilatura's fields, '' when unknown)."""

    text: str
    title: str
    date: str
    author: str
    sitename: str
    encoding: str


def page_text(page: Page) -> tuple[str, str]:
    """The page decoded to text; returns (text, encoding)."""
    for declared in (page.charset, _meta_charset(page.body)):
        codec = _codec(declared)
        if codec:
            try:
                return page.body.decode(codec), codec
            except UnicodeDecodeError:
                continue  # a wrong declaration: fall back to detection
    try:
        return decode(page.body, page.url)
    except CorpusError as exc:
        raise NotAnArticle(exc.message) from None


def _meta_charset(body: bytes) -> str:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "replace") if match else ""


def _codec(name: str) -> str:
    """Python's name of a declared charset, or '' when unknown."""
    if not name:
        return ""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def extract_article(page: Page) -> Extracted:
    """Main text, title, date, author and site name of an HTML page (trafilatura)."""
    import trafilatura

    if page.content_type not in HTML_TYPES:
        raise NotAnArticle(f"not an HTML page ({page.content_type})")
    html, encoding = page_text(page)
    result = trafilatura.bare_extraction(
        html,
        url=page.final_url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
    )
    doc: dict[str, Any] = result.as_dict() if result is not None else {}  # type: ignore[union-attr]
    text = str(doc.get("text") or "").strip()
    if not text:
        raise NotAnArticle("no article text found in the page")
    n_words = len(text.split())
    if n_words < MIN_WORDS:
        words = f"{n_words} word{'s' * (n_words != 1)}"
        raise NotAnArticle(f"only {words} of text, fewer than {MIN_WORDS}: not an article")
    meta = {k: str(doc.get(k) or "").strip() for k in ("title", "date", "author", "sitename")}
    return Extracted(text=text, encoding=encoding, **meta)
