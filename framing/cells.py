"""Text cells made safe for spreadsheets, shared by the CSV files and tables.xlsx.

A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return; OWASP, "CSV Injection") is prefixed with
``'``; a carriage return inside a cell becomes a line feed. Numbers are untouched.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet shows as text: a formula prefixed with ``'`` (OWASP), and a
    carriage return written as a line feed (Python's csv module quotes a cell holding a line
    feed, but not one holding a lone CR, which a spreadsheet reads as a new row)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_PREFIXES):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Text cells of ``df`` made safe for spreadsheets (:func:`csv_cell`); numbers untouched.

    Vectorised on string columns, and a column is only copied when a cell needs a change:
    the tables of a large corpus are not duplicated as Python objects while writing.
    """
    out = df.copy(deep=False)
    for column in out.columns:
        col = out[column]
        if col.dtype == object:
            out[column] = col.map(csv_cell)
        elif pd.api.types.is_string_dtype(col):
            formula = col.str.startswith(FORMULA_PREFIXES, na=False)
            has_cr = col.str.contains("\r", regex=False, na=False)
            if formula.any() or has_cr.any():
                fixed = col.where(~formula, "'" + col)
                unix = fixed.str.replace("\r\n", "\n", regex=False).str.replace(
                    "\r", "\n", regex=False
                )
                out[column] = fixed.where(~has_cr, unix)
    return out
