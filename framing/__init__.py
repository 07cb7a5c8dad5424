"""framing: measure how news outlets frame the same story.

>>> import framing
>>> analysis = framing.analyze("seeds")          # doctest: +SKIP
>>> analysis.terms.groupby(["source", "variant"]).size()  # doctest: +SKIP

Public API: :func:`load_corpus`, :func:`analyze`, :class:`Analysis`,
:func:`analyze_to_dir` (stream a corpus of any size to an output folder),
:func:`read_output` (the Analysis of an output folder), :class:`Lexicon`,
:func:`load_lexicon`, :func:`lint_articles` and :class:`Finding` (:mod:`framing.lint`,
the newsroom style check). Submodules load on first use, so ``import framing`` is cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "load_corpus": "framing.corpus",
    "Article": "framing.corpus",
    "analyze": "framing.analysis",
    "Analysis": "framing.analysis",
    "analyze_to_dir": "framing.analysis",
    "read_output": "framing.output",
    "Lexicon": "framing.extract.terms",
    "load_lexicon": "framing.extract.terms",
    "Finding": "framing.lint",
    "lint_articles": "framing.lint",
}
__all__ = [
    "Analysis",
    "Article",
    "Finding",
    "Lexicon",
    "__version__",
    "analyze",
    "analyze_to_dir",
    "lint_articles",
    "load_corpus",
    "load_lexicon",
    "read_output",
]

if TYPE_CHECKING:
    from framing.analysis import Analysis, analyze, analyze_to_dir
    from framing.corpus import Article, load_corpus
    from framing.extract.terms import Lexicon, load_lexicon
    from framing.lint import Finding, lint_articles
    from framing.output import read_output


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
