"""tables.xlsx: one sheet per table, header frozen, widths set, formulas neutralised."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

from framing.cli import main
from framing.xlsx import write_xlsx
from tests.conftest import SEEDS


def test_every_table_is_a_sheet(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(SEEDS), "--out", str(out), "--xlsx", "--no-report", "-q"]) == 0
    book = openpyxl.load_workbook(out / "tables.xlsx")
    assert book.sheetnames == [
        "articles", "terms", "quotes", "sentences", "cleaning", "coverage", "errors",
        "summary", "timeline",
    ]  # fmt: skip
    for name in book.sheetnames:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        csv = pd.read_csv(out / f"{name}.csv", keep_default_na=False)
        assert [c.value for c in sheet[1]] == list(csv.columns)
        assert sheet.max_row == len(csv) + 1, name
    assert book["articles"].column_dimensions["A"].width > 10
    quotes = pd.read_excel(out / "tables.xlsx", sheet_name="quotes")
    assert len(quotes) == len(pd.read_csv(out / "quotes.csv"))


def test_formula_like_cells_are_text(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": ['=HYPERLINK("x")', "-5 points", "plain"], "n": [-1, 2, 3]})
    write_xlsx({"t": df}, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]
    assert [c.value for c in sheet["A"]][1:] == ['\'=HYPERLINK("x")', "'-5 points", "plain"]
    assert [c.value for c in sheet["B"]][1:] == [-1, 2, 3]  # numbers stay numbers
    assert sheet["A2"].data_type == "s"


def test_control_characters_and_long_text_fit_a_cell(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": ["a\x0bb\x1fc", "x" * 40_000]})
    write_xlsx({"t": df}, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]
    assert sheet["A2"].value == "a\ufffdb\ufffdc"
    assert len(sheet["A3"].value) == 32_767 and sheet["A3"].value.endswith("…")
