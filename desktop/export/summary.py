"""The Summary sheet: what was reviewed, by whom and when, and how far the review has got."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.core.review import REVIEW_STATUSES, STATUS_LABELS, ReviewSnapshot, ReviewStatus
from desktop.export.cells import CellValue, excel_time, put
from desktop.export.layout import (
    BOLD,
    FONT_NAME,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    STATUS_COLOURS,
    setup_printing,
    solid,
)
from desktop.export.rows import ItemRow, count_by

LANGUAGES = {"en": "English", "zh": "Chinese", "mixed": "English and Chinese"}
SEVERITIES = ("high", "medium", "low")
LEFT = Alignment(horizontal="left")
SECTION_FONT = Font(name=FONT_NAME, bold=True, size=12)


def write_summary(
    ws: Worksheet, snapshot: ReviewSnapshot, rows: tuple[ItemRow, ...], exported_at: datetime
) -> None:
    ws.title = "Summary"
    put(ws, 1, 1, "Privacy policy review").font = Font(name=FONT_NAME, bold=True, size=16)
    policy, checklist = snapshot.policy, snapshot.checklist
    facts: list[tuple[str, CellValue]] = [
        ("Policy", policy.source_name),
        ("Format", policy.source_format),
        ("SHA-256", policy.sha256),
        ("Language", LANGUAGES.get(policy.language, policy.language)),
        ("Characters", len(policy.text)),
        ("Review file", snapshot.path),
        ("Reviewer", snapshot.reviewer),
        ("Created (UTC)", excel_time(snapshot.created_at)),
        ("Last updated (UTC)", excel_time(snapshot.updated_at)),
        ("Exported (UTC)", exported_at),
        ("Frameworks", ", ".join(name.upper() for name in snapshot.frameworks)),
        ("Checklist", f"{checklist.title} ({checklist.id}, version {checklist.version})"),
    ]
    row = 3
    for label, value in facts:
        put(ws, row, 1, label).font = BOLD
        cell = put(ws, row, 2, value)
        cell.alignment = LEFT  # numbers and dates too, so the column reads as one list
        if isinstance(value, int):
            cell.number_format = "#,##0"
        row += 1

    row = _coverage(ws, row + 1, rows)
    chapter_counts = count_by(rows, lambda r: r.chapter_title)
    chapter_header = row + 1
    row = _status_table(ws, chapter_header, "Chapter", chapter_counts)
    severity_counts = count_by(rows, lambda r: r.item.severity)
    ordered = {name: severity_counts[name] for name in SEVERITIES if name in severity_counts}
    row = _status_table(ws, row + 1, "Severity", ordered)
    _chart(ws, chapter_header + 1, len(chapter_counts), anchor=f"A{row + 1}")

    ws.column_dimensions["A"].width = 46
    for index in range(2, len(REVIEW_STATUSES) + 3):
        ws.column_dimensions[get_column_letter(index)].width = 15
    setup_printing(ws)
    ws.page_setup.orientation = "portrait"


def _coverage(ws: Worksheet, row: int, rows: tuple[ItemRow, ...]) -> int:
    """Reviewed and addressed shares as numbers formatted as percentages (so they sort and chart)."""
    put(ws, row, 1, "Coverage").font = SECTION_FONT
    total = len(rows)
    statuses = Counter(r.status for r in rows)
    reviewed = total - statuses["unreviewed"]
    lines: list[tuple[str, int]] = [
        ("Items in this review", total),
        ("Items reviewed", reviewed),
        ("Items addressed", statuses["addressed"]),
    ]
    for offset, (label, count) in enumerate(lines, start=1):
        put(ws, row + offset, 1, label)
        put(ws, row + offset, 2, count)
        if offset > 1:
            share = put(ws, row + offset, 3, count / total if total else 0.0)
            share.number_format = "0.0%"
    return row + len(lines) + 1


def _status_table(ws: Worksheet, row: int, label: str, counts: dict[str, Counter[ReviewStatus]]) -> int:
    """A header row, one row per group and a total row; returns the row after the table."""
    headers = [label, *(STATUS_LABELS[s] for s in REVIEW_STATUSES), "Total"]
    for column, title in enumerate(headers, start=1):
        cell = put(ws, row, column, title)
        cell.fill, cell.font, cell.border = HEADER_FILL, HEADER_FONT, HEADER_BORDER
    for status_column, status in enumerate(REVIEW_STATUSES, start=2):
        ws.cell(row=row, column=status_column).fill = solid(STATUS_COLOURS[status])
        ws.cell(row=row, column=status_column).font = BOLD
    totals: Counter[ReviewStatus] = Counter()
    for group, counter in counts.items():
        row += 1
        put(ws, row, 1, group)
        for column, status in enumerate(REVIEW_STATUSES, start=2):
            put(ws, row, column, counter[status])
        put(ws, row, len(headers), sum(counter.values()))
        totals.update(counter)
    row += 1
    put(ws, row, 1, "Total").font = BOLD
    for column, status in enumerate(REVIEW_STATUSES, start=2):
        put(ws, row, column, totals[status]).font = BOLD
    put(ws, row, len(headers), sum(totals.values())).font = BOLD
    return row + 1


def _chart(ws: Worksheet, first_row: int, groups: int, *, anchor: str) -> None:
    """Stacked bars of statuses per chapter, coloured like the status cells."""
    if groups == 0:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Review status by chapter"
    chart.y_axis.title = "Items"
    chart.y_axis.majorGridlines = None
    last_row = first_row + groups - 1
    data = Reference(ws, min_col=2, max_col=1 + len(REVIEW_STATUSES), min_row=first_row - 1, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row, max_row=last_row))
    for series, status in zip(chart.series, REVIEW_STATUSES, strict=True):
        series.graphicalProperties.solidFill = STATUS_COLOURS[status]
        series.graphicalProperties.line.solidFill = "808080"
    chart.x_axis.scaling.orientation = "maxMin"  # first chapter at the top, as in the table
    chart.width, chart.height = 24, 3 + 0.8 * groups
    ws.add_chart(chart, anchor)
