"""The one way a value gets into a cell: never a formula, never a character Excel's XML cannot hold.

A privacy policy, a note or a reviewer name is untrusted text. A cell whose text starts with ``=`` (or
``+``, ``-``, ``@``, a tab, a carriage return, or their full-width forms, which some spreadsheet
programs also read as formulas) could run as a formula when the workbook is opened, so every string is
written as a string cell, and the risky ones also carry Excel's quote prefix so that editing the cell
keeps it text.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

CELL_LIMIT = 32_767
"""Excel's maximum characters in a cell, counted in UTF-16 code units."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")

_NOT_IN_XML = re.compile(f"{ILLEGAL_CHARACTERS_RE.pattern}|[\ud800-\udfff\ufffe\uffff]")
_TRUNCATED = " … [cut: Excel holds at most 32,767 characters in a cell]"

CellValue = str | int | float | datetime | date | None


def xml_safe(text: str) -> str:
    """Replace characters XML 1.0 cannot carry with U+FFFD (one for one, so offsets still line up)."""
    return _NOT_IN_XML.sub("\ufffd", text)


def utf16_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def fit_prefix(text: str, limit: int = CELL_LIMIT) -> int:
    """How many leading characters of ``text`` fit in ``limit`` UTF-16 units (all of them, if they fit)."""
    size = min(len(text), limit)
    while (excess := utf16_length(text[:size]) - limit) > 0:
        size -= (excess + 1) // 2  # a character is one or two units, so this never drops too many
    return size


def clip(text: str) -> str:
    """``text``, shortened with a visible marker when it would not fit in one cell."""
    if utf16_length(text) <= CELL_LIMIT:
        return text
    return text[: fit_prefix(text, CELL_LIMIT - len(_TRUNCATED))] + _TRUNCATED


def excel_time(iso: str) -> datetime | str:
    """An ISO 8601 timestamp as a naive UTC datetime (Excel has no time zones); unparsable text as is."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def put(ws: Worksheet, row: int, column: int, value: CellValue) -> Cell:
    """Write ``value`` at (row, column); strings are always plain text, clipped to fit a cell."""
    cell: Cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = clip(xml_safe(value))
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    else:
        cell.value = value
        if isinstance(value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm"
    return cell
