"""Python offsets and QTextDocument positions agree, including characters outside the BMP."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from desktop.ui.offsets import OffsetMap

TEXT = "隐私😀政策 data 𠀀 end"  # an emoji and a CJK Extension B ideograph: two UTF-16 units each


def test_bmp_text_maps_one_to_one() -> None:
    offsets = OffsetMap("隐私政策 privacy")
    assert [offsets.to_qt(i) for i in range(5)] == [0, 1, 2, 3, 4]


def test_positions_after_an_astral_character_shift_by_one() -> None:
    offsets = OffsetMap(TEXT)
    assert offsets.to_qt(2) == 2  # the emoji starts at 2 in both
    assert offsets.to_qt(3) == 4  # the character after it
    assert offsets.to_qt(len(TEXT)) == len(TEXT) + 2


def test_round_trip_for_every_offset() -> None:
    offsets = OffsetMap(TEXT)
    assert all(offsets.to_py(offsets.to_qt(i)) == i for i in range(len(TEXT) + 1))


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    offsets = OffsetMap(TEXT)
    assert offsets.to_py(3) == 2


def test_document_selection_matches_python_slice(qapp: object) -> None:
    offsets = OffsetMap(TEXT)
    document = QTextDocument(TEXT)
    start, end = TEXT.index("政"), TEXT.index(" end")
    cursor = QTextCursor(document)
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == TEXT[start:end]
    assert document.characterCount() - 1 == offsets.qt_length
