"""The audit workbook, opened again with openpyxl: sheets, headers, counts, validation, colours, layout."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from desktop.core.segments import Paragraph, Segmentation
from desktop.export import ExportOptions, write_workbook
from desktop.export.layout import STATUS_COLOURS
from tests.fixtures.export.snapshots import FORMULA_QUOTE, PLUS_QUOTE, POLICY_TEXT, make_snapshot


def line_segmentation(text: str) -> Segmentation:
    """One paragraph per non-empty line: enough structure for the export, independent of the segmenter."""
    paragraphs = tuple(
        Paragraph(match.start(), match.end(), "paragraph", ("Body",))
        for match in re.finditer(r"[^\n]+", text)
    )
    return Segmentation(headings=(), paragraphs=paragraphs, sentences=())


def export(tmp_path: Path, options: ExportOptions | None = None) -> Path:
    return write_workbook(
        make_snapshot(), tmp_path / "review.xlsx", options, segmentation=line_segmentation(POLICY_TEXT)
    )


@pytest.fixture
def book(tmp_path: Path) -> Workbook:
    return openpyxl.load_workbook(export(tmp_path))


def header(ws: openpyxl.worksheet.worksheet.Worksheet) -> list[str]:
    return [cell.value for cell in ws[1]]


def rows_by_id(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, dict[str, object]]:
    titles = header(ws)
    return {row[1]: dict(zip(titles, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)}


def test_returns_the_target_path(tmp_path: Path) -> None:
    assert export(tmp_path) == tmp_path / "review.xlsx"


def test_has_every_sheet_in_order(book: Workbook) -> None:
    assert book.sheetnames == ["Summary", "Checklist", "Evidence", "Policy", "Audit log"]


def test_options_leave_out_policy_audit_and_suggestions(tmp_path: Path) -> None:
    options = ExportOptions(include_suggestions=False, include_policy_text=False, include_audit_log=False)
    book = openpyxl.load_workbook(export(tmp_path, options))
    assert book.sheetnames == ["Summary", "Checklist", "Evidence"]
    assert "Suggested status" not in header(book["Checklist"])
    assert "Confidence" not in header(book["Checklist"])


def test_checklist_headers(book: Workbook) -> None:
    assert header(book["Checklist"]) == [
        "Chapter",
        "ID",
        "Title",
        "PIPL refs",
        "GDPR refs",
        "Severity",
        "Suggested status",
        "Confidence",
        "Red flags",
        "Final status",
        "Note",
        "Evidence",
        "Reviewer",
        "Updated (UTC)",
        "Why suggested",
    ]


def test_checklist_rows_follow_checklist_order(book: Workbook) -> None:
    assert list(rows_by_id(book["Checklist"])) == [
        "contact.who",
        "contact.email",
        "contact.cn",
        "keep.period",
        "keep.delete",
    ]


def test_checklist_row_carries_decision_suggestion_and_evidence_count(book: Workbook) -> None:
    row = rows_by_id(book["Checklist"])["keep.period"]
    assert row["Final status"] == "missing"
    assert row["Suggested status"] == "addressed"
    assert row["Confidence"] == 0.75
    assert row["Red flags"] == "包括但不限于"
    assert row["Evidence"] == 1
    assert row["GDPR refs"] == "Art. 13(1)(a); Art. 14"
    assert row["Chapter"] == "2. Retention"


def test_decision_time_is_converted_to_utc(book: Workbook) -> None:
    row = rows_by_id(book["Checklist"])["contact.who"]
    assert str(row["Updated (UTC)"]) == "2026-11-20 02:00:00"


def test_final_status_has_a_drop_down_of_the_five_statuses(book: Workbook) -> None:
    (validation,) = book["Checklist"].data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"unreviewed,addressed,partial,missing,not_applicable"'
    assert str(validation.sqref) == "J2:J6"


def test_final_status_cells_are_coloured_by_status(book: Workbook) -> None:
    rules = {
        rule.formula[0].strip('"'): rule.dxf.fill.fgColor.rgb[-6:]
        for ranges in book["Checklist"].conditional_formatting
        if str(ranges.sqref) == "J2:J6"
        for rule in ranges.rules
    }
    assert rules == STATUS_COLOURS


def test_formula_looking_quote_stays_text(book: Workbook) -> None:
    cell = book["Evidence"]["C2"]
    assert cell.value == FORMULA_QUOTE
    assert cell.data_type == "s"
    assert cell.quotePrefix


def test_plus_and_at_text_get_the_quote_prefix(book: Workbook) -> None:
    evidence = book["Evidence"]
    quotes = {evidence.cell(row, 3).value: evidence.cell(row, 3) for row in range(2, evidence.max_row + 1)}
    assert quotes[PLUS_QUOTE].quotePrefix
    assert evidence["H2"].value.startswith("@")
    assert evidence["H2"].quotePrefix


def test_policy_text_starting_with_equals_is_not_a_formula(book: Workbook) -> None:
    texts = [cell for (cell,) in book["Policy"].iter_rows(min_row=2, min_col=7, max_col=7)]
    formula_like = [cell for cell in texts if str(cell.value).startswith("=")]
    assert formula_like
    assert all(cell.data_type == "s" for cell in formula_like)


def test_workbook_xml_has_no_formula_element(tmp_path: Path) -> None:
    with zipfile.ZipFile(export(tmp_path)) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        assert all(b"<f>" not in archive.read(name) for name in sheets)


def test_control_character_in_a_note_is_replaced(book: Workbook) -> None:
    note = rows_by_id(book["Checklist"])["contact.email"]["Note"]
    assert note == "-bad \ufffd bell note"


def test_evidence_rows_are_grouped_by_item_then_position(book: Workbook) -> None:
    evidence = book["Evidence"]
    assert header(evidence) == [
        "Item",
        "Item title",
        "Quote",
        "Section",
        "Start",
        "End",
        "Origin",
        "Note",
        "Added (UTC)",
    ]
    items = [row[0] for row in evidence.iter_rows(min_row=2, values_only=True)]
    assert items == ["contact.who", "contact.who", "keep.period", "keep.delete"]


def test_evidence_offsets_point_at_the_quote(book: Workbook) -> None:
    for row in book["Evidence"].iter_rows(min_row=2, values_only=True):
        assert POLICY_TEXT[row[4] : row[5]] == row[2]


def test_policy_sheet_rows_point_at_their_text(book: Workbook) -> None:
    policy = book["Policy"]
    assert header(policy) == ["Paragraph", "Part", "Kind", "Section", "Start", "End", "Text"]
    rows = list(policy.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 6
    assert all(POLICY_TEXT[row[4] : row[5]] == row[6] for row in rows)


def test_audit_log_renders_edits_readably(book: Workbook) -> None:
    audit = book["Audit log"]
    assert header(audit) == ["At (UTC)", "Reviewer", "Action", "Item", "Detail"]
    assert audit["E2"].value == "status: unreviewed → addressed"
    assert audit["E3"].value == "note: (empty) → =1+1"
    assert audit["E3"].data_type == "s"


@pytest.mark.parametrize(
    ("sheet", "pane"), [("Checklist", "C2"), ("Evidence", "C2"), ("Policy", "A2"), ("Audit log", "A2")]
)
def test_header_row_is_frozen(book: Workbook, sheet: str, pane: str) -> None:
    assert book[sheet].freeze_panes == pane


@pytest.mark.parametrize(
    ("sheet", "ref"),
    [("Checklist", "A1:O6"), ("Evidence", "A1:I5"), ("Policy", "A1:G7"), ("Audit log", "A1:E3")],
)
def test_tables_have_an_autofilter(book: Workbook, sheet: str, ref: str) -> None:
    assert book[sheet].auto_filter.ref == ref


def test_header_row_is_styled(book: Workbook) -> None:
    cell = book["Checklist"]["A1"]
    assert cell.font.bold
    assert cell.fill.fgColor.rgb[-6:] == "1F4E78"


def test_long_text_columns_wrap(book: Workbook) -> None:
    assert book["Evidence"]["C2"].alignment.wrap_text
    assert not book["Evidence"]["E2"].alignment.wrap_text


def test_sheets_print_landscape_one_page_wide_with_repeated_header(book: Workbook) -> None:
    ws = book["Checklist"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.left.text == "&F"
    assert ws.oddFooter.center.text == "Page &P of &N"


def summary_values(book: Workbook) -> dict[str, tuple[object, ...]]:
    """Rows of the Summary sheet keyed by their first cell (later rows win for repeated labels)."""
    return {row[0]: row[1:] for row in book["Summary"].iter_rows(values_only=True) if row[0]}


def test_summary_names_the_policy_review_and_checklist(book: Workbook) -> None:
    values = summary_values(book)
    assert values["Policy"][0] == "lantern-notes.txt"
    assert values["SHA-256"][0] == make_snapshot().policy.sha256
    assert values["Language"][0] == "English and Chinese"
    assert values["Reviewer"][0] == "Wang Fang"
    assert values["Frameworks"][0] == "PIPL, GDPR"
    assert values["Checklist"][0] == "Export test checklist (export-test, version 2.0)"


def test_summary_counts_statuses_per_chapter(book: Workbook) -> None:
    values = summary_values(book)
    assert values["Chapter"][:6] == (
        "Unreviewed",
        "Addressed",
        "Partial",
        "Missing",
        "Not applicable",
        "Total",
    )
    assert values["1. Contact"][:6] == (0, 1, 1, 0, 1, 3)
    assert values["2. Retention"][:6] == (1, 0, 0, 1, 0, 2)


def test_summary_counts_statuses_per_severity(book: Workbook) -> None:
    values = summary_values(book)
    assert values["high"][:6] == (1, 1, 0, 1, 0, 3)
    assert values["medium"][:6] == (0, 0, 1, 0, 0, 1)
    assert values["low"][:6] == (0, 0, 0, 0, 1, 1)


def test_summary_coverage_shares(book: Workbook) -> None:
    values = summary_values(book)
    assert values["Items in this review"][0] == 5
    assert values["Items reviewed"][:2] == (4, 0.8)
    assert values["Items addressed"][:2] == (1, 0.2)


def test_summary_has_a_status_chart(tmp_path: Path) -> None:
    with zipfile.ZipFile(export(tmp_path)) as archive:
        charts = [name for name in archive.namelist() if name.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode()
    assert "<barChart>" in xml
    assert 'val="stacked"' in xml


def test_policy_sheet_uses_the_segmenter_by_default(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_workbook(make_snapshot(), tmp_path / "default.xlsx"))
    rows = list(book["Policy"].iter_rows(min_row=2, values_only=True))
    assert rows
    assert all(POLICY_TEXT[row[4] : row[5]] == row[6] for row in rows)
    assert any("灯笼笔记" in row[6] for row in rows)
