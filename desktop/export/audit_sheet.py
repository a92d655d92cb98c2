"""The Audit log sheet: every change to the review, oldest first, as the review file recorded it."""

from __future__ import annotations

import json
from collections.abc import Iterator

from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.review import AuditEntry
from desktop.export.cells import CellValue, excel_time
from desktop.export.layout import Column, align_rows, finish_table, write_header, write_rows

COLUMNS = (
    Column("At (UTC)", 17),
    Column("Reviewer", 16),
    Column("Action", 16),
    Column("Item", 28),
    Column("Detail", 80, wrap=True),
)


def write_audit(ws: Worksheet, audit: tuple[AuditEntry, ...]) -> None:
    write_header(ws, COLUMNS)
    last = write_rows(ws, _values(audit))
    align_rows(ws, COLUMNS, 2, last)
    finish_table(ws, COLUMNS, last)


def _values(audit: tuple[AuditEntry, ...]) -> Iterator[list[CellValue]]:
    for entry in audit:
        yield [
            excel_time(entry.at),
            entry.reviewer,
            entry.action,
            entry.item_id or "",
            describe(entry.detail),
        ]


def describe(detail: str) -> str:
    """``field: before → after`` for a plain edit; anything else as the recorded JSON."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict) and set(data) == {"before", "after"}:
        before, after = data["before"], data["after"]
        if isinstance(before, dict) and isinstance(after, dict) and before.keys() == after.keys():
            return "\n".join(f"{key}: {_text(before[key])} → {_text(after[key])}" for key in before)
    return detail


def _text(value: object) -> str:
    if value == "":
        return "(empty)"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
