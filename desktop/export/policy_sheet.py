"""The Policy sheet: the reviewed text paragraph by paragraph, with the offsets evidence points into.

A paragraph longer than a cell can hold continues on the next rows; every row's Start/End are exact
offsets into the stored policy text, so ``text[start:end]`` is always the row's text.
"""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.document import Policy
from desktop.core.segments import Segmentation
from desktop.export.cells import CELL_LIMIT, CellValue, fit_prefix
from desktop.export.evidence_sheet import SECTION_SEPARATOR
from desktop.export.layout import BOLD, Column, align_rows, finish_table, write_header, write_rows

COLUMNS = (
    Column("Paragraph", 11),
    Column("Part", 8),
    Column("Kind", 11),
    Column("Section", 30, wrap=True),
    Column("Start", 10),
    Column("End", 10),
    Column("Text", 100, wrap=True),
)
BREAK_SEARCH = 2_000
"""How far back from a cell's limit to look for a space or sentence end to split a long paragraph at."""
_BREAKS = (" ", "\n", "。", "；", "，", ".", ";", ",")


def write_policy(ws: Worksheet, policy: Policy, segmentation: Segmentation) -> None:
    write_header(ws, COLUMNS)
    last = write_rows(ws, _values(policy, segmentation))
    align_rows(ws, COLUMNS, 2, last)
    for cells in ws.iter_rows(min_row=2, max_row=last, min_col=3, max_col=7):
        if cells[0].value == "heading":
            cells[-1].font = BOLD
    finish_table(ws, COLUMNS, last, freeze="A2")


def _values(policy: Policy, segmentation: Segmentation) -> Iterator[list[CellValue]]:
    for number, paragraph in enumerate(segmentation.paragraphs, start=1):
        section = SECTION_SEPARATOR.join(paragraph.section_path)
        pieces = split_text(policy.text, paragraph.start, paragraph.end)
        for part, (start, end) in enumerate(pieces, start=1):
            label = f"{part} of {len(pieces)}" if len(pieces) > 1 else ""
            yield [number, label, paragraph.kind, section, start, end, policy.text[start:end]]


def split_text(text: str, start: int, end: int, limit: int = CELL_LIMIT) -> list[tuple[int, int]]:
    """``[start, end)`` cut into consecutive pieces that each fit a cell, preferably after a space."""
    pieces = []
    while end - start > 0:
        size = fit_prefix(text[start : min(end, start + limit)], limit)
        if start + size < end:
            window = text[start + max(size - BREAK_SEARCH, 1) : start + size]
            cut = max(window.rfind(mark) for mark in _BREAKS)
            if cut >= 0:
                size = size - len(window) + cut + 1
        pieces.append((start, start + size))
        start += size
    return pieces
