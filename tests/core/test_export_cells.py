"""The single cell writer: untrusted text never becomes a formula, never breaks the XML, always fits."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from desktop.export.cells import CELL_LIMIT, clip, excel_time, fit_prefix, put, utf16_length, xml_safe


@pytest.fixture
def sheet() -> Worksheet:
    return Workbook().active


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx", "＝1", "＋1", "－1", "＠x"])
def test_formula_triggers_are_written_as_quoted_text(sheet: Worksheet, text: str) -> None:
    cell = put(sheet, 1, 1, text)
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert cell.value == text


def test_ordinary_text_has_no_quote_prefix(sheet: Worksheet) -> None:
    cell = put(sheet, 1, 1, "We keep data = 2 years")
    assert cell.data_type == "s"
    assert not cell.quotePrefix


def test_numbers_stay_numbers(sheet: Worksheet) -> None:
    assert put(sheet, 1, 1, 42).data_type == "n"


def test_datetimes_get_a_date_format(sheet: Worksheet) -> None:
    assert put(sheet, 1, 1, datetime(2026, 1, 2, 3, 4)).number_format == "yyyy-mm-dd hh:mm"


def test_xml_illegal_characters_are_replaced_one_for_one() -> None:
    text = "a\x00b\x1fc\x0bd\ud800e"
    cleaned = xml_safe(text)
    assert cleaned == "a\ufffdb\ufffdc\ufffdd\ufffde"
    assert len(cleaned) == len(text)


def test_tab_and_newline_are_kept() -> None:
    assert xml_safe("a\tb\nc\r") == "a\tb\nc\r"


def test_writing_a_control_character_does_not_raise(sheet: Worksheet) -> None:
    assert put(sheet, 1, 1, "bell\x07").value == "bell\ufffd"


def test_overlong_text_is_clipped_with_a_marker(sheet: Worksheet) -> None:
    value = put(sheet, 1, 1, "x" * (CELL_LIMIT + 10)).value
    assert utf16_length(value) <= CELL_LIMIT
    assert value.endswith("characters in a cell]")


def test_text_that_fits_is_not_clipped() -> None:
    assert clip("y" * CELL_LIMIT) == "y" * CELL_LIMIT


def test_astral_characters_count_twice() -> None:
    assert utf16_length("a😀") == 3
    assert fit_prefix("😀" * 10, 5) == 2


def test_iso_times_become_naive_utc() -> None:
    assert excel_time("2026-11-20T10:00:00+08:00") == datetime(2026, 11, 20, 2, 0)


def test_unparsable_time_is_kept_as_text() -> None:
    assert excel_time("yesterday") == "yesterday"
