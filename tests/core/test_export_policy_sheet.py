"""The Policy sheet: long paragraphs continue on further rows, and Excel's row limit is respected."""

from __future__ import annotations

import hashlib
import itertools

import pytest
from openpyxl import Workbook

from desktop.core.document import Policy
from desktop.core.segments import Paragraph, Segmentation
from desktop.export import layout
from desktop.export.cells import CELL_LIMIT, utf16_length
from desktop.export.policy_sheet import split_text, write_policy


def policy_of(text: str) -> Policy:
    return Policy(text, "long.txt", "txt", hashlib.sha256(text.encode()).hexdigest(), "en")


def one_paragraph(text: str) -> Segmentation:
    return Segmentation((), (Paragraph(0, len(text), "paragraph", ("Long",)),), ())


def sheet_rows(text: str, segmentation: Segmentation) -> list[tuple[object, ...]]:
    ws = Workbook().active
    write_policy(ws, policy_of(text), segmentation)
    return list(ws.iter_rows(min_row=2, values_only=True))


LONG_ENGLISH = "We describe our data practices here. " * 2_500  # about 92,000 characters
LONG_CHINESE = "我们会在法律要求的期限内保存您的个人信息。" * 4_000  # 84,000 characters, no spaces


@pytest.mark.parametrize("text", [LONG_ENGLISH, LONG_CHINESE])
def test_long_paragraph_is_split_into_rows_that_fit(text: str) -> None:
    rows = sheet_rows(text, one_paragraph(text))
    assert len(rows) > 2
    assert all(utf16_length(row[6]) <= CELL_LIMIT for row in rows)


@pytest.mark.parametrize("text", [LONG_ENGLISH, LONG_CHINESE])
def test_continuation_rows_have_exact_consecutive_offsets(text: str) -> None:
    rows = sheet_rows(text, one_paragraph(text))
    assert rows[0][4] == 0
    assert rows[-1][5] == len(text)
    assert all(previous[5] == following[4] for previous, following in itertools.pairwise(rows))
    assert all(text[row[4] : row[5]] == row[6] for row in rows)


def test_continuation_rows_share_the_paragraph_number_and_count_parts() -> None:
    rows = sheet_rows(LONG_ENGLISH, one_paragraph(LONG_ENGLISH))
    assert {row[0] for row in rows} == {1}
    assert [row[1] for row in rows] == [f"{n} of {len(rows)}" for n in range(1, len(rows) + 1)]


def test_english_is_split_after_a_space() -> None:
    pieces = split_text(LONG_ENGLISH, 0, len(LONG_ENGLISH))
    assert all(LONG_ENGLISH[end - 1] == " " for _, end in pieces[:-1])


def test_chinese_is_split_after_a_full_stop() -> None:
    pieces = split_text(LONG_CHINESE, 0, len(LONG_CHINESE))
    assert all(LONG_CHINESE[end - 1] == "。" for _, end in pieces[:-1])


def test_text_without_break_points_is_split_at_the_limit() -> None:
    text = "x" * (CELL_LIMIT + 5)
    assert split_text(text, 0, len(text)) == [(0, CELL_LIMIT), (CELL_LIMIT, CELL_LIMIT + 5)]


def test_emoji_heavy_text_fits_in_utf16_units() -> None:
    text = "😀" * 20_000
    pieces = split_text(text, 0, len(text))
    assert all(utf16_length(text[start:end]) <= CELL_LIMIT for start, end in pieces)
    assert pieces[-1][1] == len(text)


def test_headings_are_bold() -> None:
    text = "Title\nBody text."
    segmentation = Segmentation(
        (), (Paragraph(0, 5, "heading", ()), Paragraph(6, len(text), "paragraph", ("Title",))), ()
    )
    ws = Workbook().active
    write_policy(ws, policy_of(text), segmentation)
    assert ws["G2"].font.bold
    assert not ws["G3"].font.bold
    assert ws["D3"].value == "Title"


def test_rows_beyond_the_sheet_limit_are_summarised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout, "MAX_ROWS", 4)
    text = "\n".join(f"Line {n}" for n in range(10))
    paragraphs = []
    start = 0
    for line in text.split("\n"):
        paragraphs.append(Paragraph(start, start + len(line), "paragraph", ()))
        start += len(line) + 1
    rows = sheet_rows(text, Segmentation((), tuple(paragraphs), ()))
    assert len(rows) == 3
    assert [row[6] for row in rows[:2]] == ["Line 0", "Line 1"]
    assert rows[2][0].startswith("… 8 more rows are not shown")
