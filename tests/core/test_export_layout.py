"""Row heights for wrapped text: estimated, since neither openpyxl nor LibreOffice measures them on import."""

from __future__ import annotations

from openpyxl import Workbook

from desktop.export.layout import LINE_HEIGHT, MAX_ROW_HEIGHT, Column, align_rows, wrapped_lines


def test_short_text_needs_one_line() -> None:
    assert wrapped_lines("short", 20) == 1


def test_long_text_needs_more_lines_in_a_narrow_column() -> None:
    text = "word " * 60
    assert wrapped_lines(text, 20) > wrapped_lines(text, 60) > 1


def test_chinese_characters_count_double() -> None:
    assert wrapped_lines("个" * 50, 40) > wrapped_lines("a" * 50, 40)


def test_each_line_break_starts_a_line() -> None:
    assert wrapped_lines("a\nb\nc", 40) == 3


def test_rows_grow_for_wrapped_text_and_stay_within_excels_limit() -> None:
    ws = Workbook().active
    columns = (Column("Id", 10), Column("Text", 20, wrap=True))
    ws.append(["short", "fits"])
    ws.append(["long", "many words " * 20])
    ws.append(["huge", "x\n" * 500])
    align_rows(ws, columns, 1, 3)
    assert ws.row_dimensions[1].height is None
    assert ws.row_dimensions[2].height > LINE_HEIGHT
    assert ws.row_dimensions[3].height == MAX_ROW_HEIGHT
    assert ws["B2"].alignment.wrap_text
    assert ws["A2"].alignment.vertical == "top"
