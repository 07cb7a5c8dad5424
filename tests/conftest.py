"""Shared fixtures: the seed corpus, loaded and cleaned once per test session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from framing.analysis import Analysis, analyze
from framing.clean import Cleaned, clean_article
from framing.corpus import Article, load_corpus
from framing.document import Document

# CI gates a merge, so there the property tests draw the same examples on every run
# (derandomized); elsewhere they draw new ones and keep exploring.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Tests never read or write the user's result cache.
os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RT, MOSCOW_TIMES, GUARDIAN, CGTN, CHINA_DAILY = (
    "000_a221fad5d72e3510",
    "001_c01523b13b1f33fa",
    "002_dfb11ed55faa66b5",
    "003_ed7f126b77fc9a2b",
    "004_a3842fe7df86b0c5",
)


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """article_id -> Article as loaded from seeds/ (raw text, manifest metadata)."""
    return {a.article_id: a for a in load_corpus(SEEDS)}


@pytest.fixture(scope="session")
def seed_cleaned(seed_articles: dict[str, Article]) -> dict[str, tuple[Document, Cleaned]]:
    return {aid: clean_article(a) for aid, a in seed_articles.items()}


@pytest.fixture(scope="session")
def seed_docs(seed_cleaned: dict[str, tuple[Document, Cleaned]]) -> dict[str, Document]:
    """article_id -> cleaned Document of each seed article."""
    return {aid: doc for aid, (doc, _) in seed_cleaned.items()}


@pytest.fixture(scope="session")
def seed_analysis() -> Analysis:
    """The seed corpus analysed once per session (the tables of ``framing analyze seeds``)."""
    return analyze(SEEDS)
