"""Human labels for columns and metrics, and the fixed colours of sides and groups.

One table, shared by the HTML and Markdown reports and the charts, so that a column
reads the same everywhere ("Share of words in direct quotes", not
``quoted_word_share``). A name not listed is shown as it is: it may be a value used as
a column, such as an outlet in a pivot table (:func:`label`).

Colours: one per side everywhere (:data:`SIDE_COLOURS`), and one per group, fixed by
the sorted list of groups (:func:`group_colours`): the Okabe-Ito colour-blind-safe
palette (Okabe and Ito 2008, "Color Universal Design"), then Paul Tol's "muted"
scheme (https://personal.sron.nl/~pault/) beyond eight groups.
"""

from __future__ import annotations

from collections.abc import Iterable

LABELS: dict[str, str] = {
    # grouping columns
    "source": "Outlet",
    "country": "Country",
    "ownership": "Ownership",
    "group": "Group",
    "period": "Period",
    # articles and summary
    "article_id": "Article",
    "file": "File",
    "title": "Title",
    "date": "Date",
    "url": "URL",
    "n_articles": "Articles",
    "n_paragraphs": "Paragraphs",
    "n_sentences": "Sentences",
    "n_words": "Words",
    "n_removed_lines": "Lines removed in cleaning",
    "n_quotes": "Attributed statements",
    "quoted_word_share": "Share of words in direct quotes",
    "sentiment_mean": "Mean sentence sentiment (VADER, -1..1)",
    "sentiment_neg_share": "Share of negative sentences",
    "sentiment_pos_share": "Share of positive sentences",
    "flesch_reading_ease": "Flesch reading ease (higher = easier)",
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "gunning_fog": "Gunning fog index",
    "smog_index": "SMOG index",
    "n_term_matches": "Framing terms (all voices)",
    "n_narrator_terms": "Framing terms in narration",
    # terms
    "variant": "Term",
    "pole": "Pole",
    "matched": "As written",
    "voice": "Voice",
    "speaker": "Speaker",
    "context": "Context",
    "n": "Count",
    "group_total": "Matches in the term group",
    "share": "Share",
    "ci_low": "95% interval, low",
    "ci_high": "95% interval, high",
    "interval": "Share (95% interval)",
    # quotes
    "kind": "Kind",
    "affiliation": "Side",
    "side": "Side",
    "verb": "Reporting verb",
    "verb_class": "Verb class",
    "text": "Text",
    "words": "Quoted words",
    "n_statements": "Statements",
    "n_loaded": "With a loaded verb",
    "loaded_share": "Share with a loaded verb",
    "loaded_verbs": "Loaded verbs used",
    # sentiment
    "mean": "Mean sentiment",
    "sd": "Standard deviation",
    # vocabulary
    "word": "Word",
    "n_rest": "Count in the other groups",
    "log_odds": "Log-odds ratio",
    "z": "z-score",
    # coverage
    "item": "Item",
    "n_mentions": "Mentions",
    "n_sources": "Groups mentioning it",
    "as_written": "As written",
    "mentioned_by": "Mentioned by",
    "omitted_by": "Omitted by",
    # cleaning, errors
    "line": "Line",
    "reason": "Reason",
    # timeline
    "metric": "Measure",
    "value": "Value",
    "by": "Grouped by",
}
# metric families of summary.json and the timeline (prefix -> label of what follows)
METRIC_PREFIXES = {
    "term_share.": "Share of term",
    "quoted_word_share.": "Share of quoted words, side",
    "loaded_verb_share.": "Share of loaded verbs, side",
}

SIDE_COLOURS: dict[str, str] = {
    "RU": "#D55E00",
    "UA": "#0072B2",
    "US": "#56B4E9",
    "EU": "#009E73",
    "UAE": "#E69F00",
    "CN": "#CC79A7",
    "TR": "#F0E442",
    "other": "#999999",
    "unknown": "#DDDDDD",
}
GROUP_PALETTE = [  # Okabe-Ito without its yellow (hard to read on white: it comes last)
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#000000",
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#F0E442",
]
VOICE_COLOURS = {"narrator": "#0072B2", "quoted": "#E69F00", "mixed": "#009E73", "all": "#000000"}


def label(column: object, by: str = "source") -> str:
    """The human label of ``column`` (``source`` is the grouping column ``by``'s label).

    >>> label("quoted_word_share")
    'Share of words in direct quotes'
    >>> label("term_share.capital.Kyiv")
    'Share of term: capital, Kyiv'
    """
    name = str(column)
    if name == "source" and by != "source":
        name = by
    if name in LABELS:
        return LABELS[name]
    for prefix, text in METRIC_PREFIXES.items():
        if name.startswith(prefix):
            return f"{text}: {name[len(prefix) :].replace('.', ', ')}"
    return name  # a value used as a column (an outlet in a pivot) is shown as it is


def side_colour(side: object) -> str:
    """The fixed colour of a side (an unlisted one is grey)."""
    return SIDE_COLOURS.get(str(side), SIDE_COLOURS["other"])


def group_colours(groups: Iterable[object]) -> dict[str, str]:
    """Group -> colour, fixed by the sorted names, so a group has the same colour in
    every chart of a report (the same groups in, the same colours out)."""
    names = sorted({str(g) for g in groups})
    return {name: GROUP_PALETTE[i % len(GROUP_PALETTE)] for i, name in enumerate(names)}
