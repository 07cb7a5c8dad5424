"""``tables.xlsx``: every table of an output folder in one workbook, for spreadsheet users.

One sheet per table, a header row, the header frozen (the rows scroll under it),
column widths fitted to the values (at most 60 characters), and text cells that a
spreadsheet would run as formulas neutralised exactly as in the CSV files
(:func:`framing.cells.neutralise_formulas`). Written with openpyxl, the library
pandas itself uses for .xlsx, so ``pandas.read_excel`` reads it back with nothing more
to install; its write-only mode streams rows instead of building every cell object
(XlsxWriter would write as fast, but cannot read the file back for checking). A table
longer than a sheet (1,048,576 rows) is cut, and its last row says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

MAX_ROWS = 1_048_576  # Excel's rows per sheet, the header included
MAX_CELL = 32_767  # characters in one cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl's ILLEGAL_CHARACTERS_RE
MAX_WIDTH = 60
WIDTH_SAMPLE = 200  # rows looked at to fit a column's width


def require_openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError as exc:  # an optional extra
        raise ImportError(
            "tables.xlsx needs openpyxl: pip install 'framing[xlsx]' (or pip install openpyxl)"
        ) from exc
    return openpyxl


def _cell(value: Any) -> Any:
    """A value openpyxl writes: missing values empty, numpy scalars as Python ones; in
    text, control characters a worksheet cannot hold (XML 1.0) shown as U+FFFD, and a
    text over a cell's 32,767 characters cut, ending in "…"."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        value = _ILLEGAL.sub("\ufffd", value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "…"
    return value


def _width(df: pd.DataFrame, column: str) -> float:
    values = [str(v) for v in df[column].head(WIDTH_SAMPLE) if _cell(v) is not None]
    longest = max([len(column), *(len(v) for v in values)])
    return float(min(MAX_WIDTH, longest + 2))


def write_xlsx(tables: Mapping[str, pd.DataFrame], path: str | Path) -> Path:
    """Write ``tables`` (name -> DataFrame) as sheets of one workbook at ``path``."""
    from openpyxl.utils import get_column_letter

    from framing.cells import neutralise_formulas

    openpyxl = require_openpyxl()
    book = openpyxl.Workbook(write_only=True)
    for name, df in tables.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        safe = neutralise_formulas(df)
        for i, column in enumerate(safe.columns, 1):
            sheet.column_dimensions[get_column_letter(i)].width = _width(safe, str(column))
        sheet.append([str(c) for c in safe.columns])
        fits = MAX_ROWS - 2
        for row in safe.head(fits).itertuples(index=False, name=None):
            sheet.append([_cell(v) for v in row])
        if len(safe) > fits:
            sheet.append([f"... {len(safe) - fits} more rows in {name}.csv"])
    path = Path(path)
    book.save(path)
    return path
