"""The Evidence sheet: every quoted span, with the offsets that locate it in the policy text."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.review import ReviewSnapshot
from desktop.export.cells import CellValue, excel_time
from desktop.export.layout import Column, align_rows, finish_table, write_header, write_rows
from desktop.export.rows import ItemRow

SECTION_SEPARATOR = " › "

COLUMNS = (
    Column("Item", 28),
    Column("Item title", 32, wrap=True),
    Column("Quote", 70, wrap=True),
    Column("Section", 30, wrap=True),
    Column("Start", 10),
    Column("End", 10),
    Column("Origin", 11),
    Column("Note", 36, wrap=True),
    Column("Added (UTC)", 17),
)


def write_evidence(ws: Worksheet, snapshot: ReviewSnapshot, rows: tuple[ItemRow, ...]) -> None:
    write_header(ws, COLUMNS)
    last = write_rows(ws, _values(snapshot, rows))
    align_rows(ws, COLUMNS, 2, last)
    finish_table(ws, COLUMNS, last, freeze="C2")


def _values(snapshot: ReviewSnapshot, rows: tuple[ItemRow, ...]) -> Iterator[list[CellValue]]:
    """Spans grouped by item in checklist order, then by position in the policy."""
    order = {row.item.id: (index, row.item.title) for index, row in enumerate(rows)}
    spans = sorted(
        (span for span in snapshot.evidence if span.item_id in order),
        key=lambda span: (order[span.item_id][0], span.start, span.end),
    )
    for span in spans:
        yield [
            span.item_id,
            order[span.item_id][1],
            span.quote,
            SECTION_SEPARATOR.join(span.section_path),
            span.start,
            span.end,
            span.origin,
            span.note,
            excel_time(span.created_at),
        ]
