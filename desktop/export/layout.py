"""How every table sheet looks and prints: header row, widths, wrapping, filters, frozen panes, page setup."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.cells import CellValue, put

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
FONT_NAME = "Calibri"
HEADER_FONT = Font(name=FONT_NAME, bold=True, color="FFFFFF")
BOLD = Font(name=FONT_NAME, bold=True)
HEADER_BORDER = Border(bottom=Side(style="thin", color="000000"))
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

STATUS_COLOURS: dict[str, str] = {
    "unreviewed": "E7E6E6",
    "addressed": "C6EFCE",
    "partial": "FFEB9C",
    "missing": "FFC7CE",
    "not_applicable": "DDEBF7",
}
SUGGESTION_COLOURS = {"addressed": "C6EFCE", "partial": "FFEB9C", "not_found": "FFC7CE"}
"""Fills shared by the status cells, the summary table and the chart, so a colour means one thing."""


def solid(colour: str) -> PatternFill:
    """A solid fill; both colours set, as Excel reads ``bgColor`` and LibreOffice ``fgColor`` in rules."""
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: float
    wrap: bool = False


def write_header(ws: Worksheet, columns: Sequence[Column], row: int = 1) -> None:
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=row, column=index, value=column.title)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    if any(len(column.title) > column.width - 2 for column in columns):
        ws.row_dimensions[row].height = 2 * LINE_HEIGHT


def align_rows(ws: Worksheet, columns: Sequence[Column], first_row: int, last_row: int) -> None:
    """Wrap long-text columns, top-align the rest, and make each row tall enough for its wrapped text.

    Row heights are estimated here because neither openpyxl nor LibreOffice's import measures wrapped
    text; without them a printed or PDF-converted sheet shows one line of each long cell.
    """
    wrapped = [index for index, column in enumerate(columns) if column.wrap]
    for cells in ws.iter_rows(min_row=first_row, max_row=last_row, max_col=len(columns)):
        lines = 1
        for index, cell in enumerate(cells):
            cell.alignment = WRAP if columns[index].wrap else TOP
        for index in wrapped:
            value = cells[index].value
            if isinstance(value, str) and value:
                lines = max(lines, wrapped_lines(value, columns[index].width))
        if lines > 1:
            ws.row_dimensions[cells[0].row].height = min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT)


LINE_HEIGHT = 15.0
MAX_ROW_HEIGHT = 409.0
"""Excel's tallest row, in points."""
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` needs in a column ``width`` characters wide (CJK characters are twice as wide)."""
    per_line = max(width * 1.1, 1.0)  # an average letter is narrower than the "0" widths are measured in
    total = 0
    for line in text.split("\n"):
        units = len(line) + len(_WIDE.findall(line))
        total += max(1, math.ceil(units / per_line))
    return total


def finish_table(ws: Worksheet, columns: Sequence[Column], last_row: int, *, freeze: str = "A2") -> None:
    """Frozen header, an autofilter over the table, and a printout that repeats the header on every page."""
    last_column = get_column_letter(len(columns))
    ws.freeze_panes = freeze
    ws.auto_filter.ref = f"A1:{last_column}{max(last_row, 1)}"
    ws.print_title_rows = "1:1"
    setup_printing(ws)


def setup_printing(ws: Worksheet) -> None:
    """Landscape, one page wide, with the workbook's file name on top and page numbers below."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.oddHeader.left.text = "&F"
    ws.oddHeader.right.text = "&A"
    ws.oddFooter.center.text = "Page &P of &N"


def colour_statuses(ws: Worksheet, cells: str, colours: Mapping[str, str]) -> None:
    """Fill each status cell by its value; conditional, so a status changed in Excel recolours itself."""
    for status, colour in colours.items():
        ws.conditional_formatting.add(
            cells,
            CellIsRule(operator="equal", formula=[f'"{status}"'], fill=solid(colour)),
        )


MAX_ROWS = 1_048_576
"""Excel's row limit per sheet."""


def write_rows(ws: Worksheet, rows: Iterable[Sequence[CellValue]], first_row: int = 2) -> int:
    """Write ``rows`` from ``first_row`` on, through :func:`put`; returns the last row written.

    Past Excel's row limit the rest is left out and the last row says how much, instead of failing.
    """
    row = first_row - 1
    iterator = iter(rows)
    for values in iterator:
        if row + 1 == MAX_ROWS:
            left_out = 1 + sum(1 for _ in iterator)
            put(
                ws,
                MAX_ROWS,
                1,
                f"… {left_out:,} more rows are not shown: a sheet holds at most "
                f"{MAX_ROWS:,} rows. The review file keeps everything.",
            )
            return MAX_ROWS
        row += 1
        for column, value in enumerate(values, start=1):
            put(ws, row, column, value)
    return row
