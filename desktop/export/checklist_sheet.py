"""The Checklist sheet: a row per item with the suggestion, the reviewer's decision, a status drop-down."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.review import REVIEW_STATUSES
from desktop.export.cells import CellValue, excel_time
from desktop.export.layout import (
    STATUS_COLOURS,
    SUGGESTION_COLOURS,
    Column,
    align_rows,
    colour_statuses,
    finish_table,
    write_header,
    write_rows,
)
from desktop.export.rows import ItemRow

FINAL_STATUS = "Final status"
SUGGESTED_STATUS = "Suggested status"


def checklist_columns(include_suggestions: bool) -> tuple[Column, ...]:
    suggestion = (
        (Column(SUGGESTED_STATUS, 15), Column("Confidence", 11), Column("Red flags", 18, wrap=True))
        if include_suggestions
        else ()
    )
    reasons = (Column("Why suggested", 44, wrap=True),) if include_suggestions else ()
    return (
        Column("Chapter", 18, wrap=True),
        Column("ID", 22, wrap=True),
        Column("Title", 32, wrap=True),
        Column("PIPL refs", 14, wrap=True),
        Column("GDPR refs", 14, wrap=True),
        Column("Severity", 10),
        *suggestion,
        Column(FINAL_STATUS, 16),
        Column("Note", 34, wrap=True),
        Column("Evidence", 10),
        Column("Reviewer", 14, wrap=True),
        Column("Updated (UTC)", 17),
        *reasons,
    )


def write_checklist(ws: Worksheet, rows: tuple[ItemRow, ...], *, include_suggestions: bool) -> None:
    ws.title = "Checklist"
    columns = checklist_columns(include_suggestions)
    write_header(ws, columns)
    last = write_rows(ws, _values(rows, include_suggestions))
    align_rows(ws, columns, 2, last)
    titles = [column.title for column in columns]
    final = get_column_letter(titles.index(FINAL_STATUS) + 1)
    if last >= 2:
        cells = f"{final}2:{final}{last}"
        validation = DataValidation(
            type="list",
            formula1=f'"{",".join(REVIEW_STATUSES)}"',
            allow_blank=False,
            showErrorMessage=True,
            errorTitle="Not a review status",
            error=f"Choose one of: {', '.join(REVIEW_STATUSES)}.",
        )
        validation.add(cells)
        ws.add_data_validation(validation)
        colour_statuses(ws, cells, STATUS_COLOURS)
        if include_suggestions:
            suggested = get_column_letter(titles.index(SUGGESTED_STATUS) + 1)
            colour_statuses(ws, f"{suggested}2:{suggested}{last}", SUGGESTION_COLOURS)
            confidence = titles.index("Confidence") + 1
            for row in range(2, last + 1):
                ws.cell(row=row, column=confidence).number_format = "0%"
    finish_table(ws, columns, last, freeze="C2")


def _values(rows: tuple[ItemRow, ...], include_suggestions: bool) -> Iterator[list[CellValue]]:
    for row in rows:
        item, decision, suggestion = row.item, row.decision, row.suggestion
        values: list[CellValue] = [
            row.chapter_title,
            item.id,
            item.title,
            "; ".join(item.pipl_refs),
            "; ".join(item.gdpr_refs),
            item.severity,
        ]
        if include_suggestions:
            values += [
                suggestion.status if suggestion else "",
                suggestion.confidence if suggestion else None,
                "; ".join(suggestion.red_flags) if suggestion else "",
            ]
        values += [
            decision.status,
            decision.note,
            row.evidence_count,
            decision.reviewer,
            excel_time(decision.updated_at) if decision.updated_at else None,
        ]
        if include_suggestions:
            values.append("\n".join(suggestion.explanation) if suggestion else "")
        yield values
