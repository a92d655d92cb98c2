"""Selecting text and keeping it as evidence, clicking highlights, undoing deletes, non-BMP offsets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.ui.main_window import MainWindow
from tests.ui.conftest import read_review

MakeWindow = Callable[..., MainWindow]


def _select(window: MainWindow, needle: str) -> tuple[int, int]:
    """Select ``needle`` in the policy view the way a mouse drag would: by moving the text cursor."""
    assert window.session is not None
    text = window.session.policy.text
    start = text.index(needle)
    view = window.policy.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    return start, start + len(needle)


def _some_sentence(window: MainWindow) -> str:
    assert window.session is not None
    text = window.session.policy.text
    middle = len(text) // 2
    line_start = text.rfind("\n", 0, middle) + 1
    line_end = text.find("\n", middle)
    return text[line_start:line_end].strip()[:60]


def test_ctrl_e_keeps_the_selection_as_manual_evidence(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    item = window.current_item()
    needle = _some_sentence(window)
    start, end = _select(window, needle)
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    kept = [e for e in read_review(review_en).evidence if e.item_id == item]
    assert [(e.start, e.end, e.quote, e.origin) for e in kept] == [(start, end, needle, "manual")]
    assert window.item.evidence_model.rowCount() == 1


def test_chinese_selection_is_stored_with_the_right_offsets(
    qtbot: QtBot, make_window: MakeWindow, review_zh: Path
) -> None:
    window = make_window(review_zh)
    needle = _some_sentence(window)
    _select(window, needle)
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert [e.quote for e in read_review(review_zh).evidence] == [needle]


def test_text_after_an_emoji_keeps_python_offsets(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    from desktop.core.loading import policy_from_text
    from desktop.workflow import create_review

    text = "隐私政策 😀 我们收集您的手机号码。\n\n联系我们：privacy@example.com\n"
    review = create_review(
        policy_from_text(text, "emoji"), tmp_path / "e.prdreview", frameworks=("pipl",), reviewer="T"
    )
    window = make_window(review)
    assert window.session is not None
    policy_text = window.session.policy.text
    needle = "我们收集您的手机号码"
    start, end = _select(window, needle)
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    [span] = read_review(review).evidence
    assert (span.start, span.end, policy_text[span.start : span.end]) == (start, end, needle)


def test_deleting_evidence_can_be_undone(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    _select(window, _some_sentence(window))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    [before] = read_review(review_en).evidence
    window.item.evidence_table.selectRow(0)
    qtbot.mouseClick(window.item.delete_button, Qt.MouseButton.LeftButton)
    assert read_review(review_en).evidence == ()
    window.undo_action.trigger()
    [after] = read_review(review_en).evidence
    assert (after.id, after.start, after.end, after.origin) == (
        before.id,
        before.start,
        before.end,
        before.origin,
    )


def test_accepting_a_candidate_stores_it_as_suggested(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = next(i for i, s in window.session.suggestions.items() if s.evidence)
    window.checklist.select_item(item)
    window.item.candidate_table.selectRow(0)
    qtbot.mouseClick(window.item.accept_button, Qt.MouseButton.LeftButton)
    candidate = window.session.suggestions[item].evidence[0]
    assert [(e.start, e.end, e.origin) for e in read_review(review_en).evidence] == [
        (candidate.start, candidate.end, "suggested")
    ]


def test_clicking_a_highlight_selects_its_item(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    first = window.current_item()
    start, _ = _select(window, _some_sentence(window))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.focusWidget(), "j")
    assert window.current_item() != first
    view = window.policy.view
    view.reveal(start)  # walking on scrolled the text to the new item's passages
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start + 3))
    point = view.cursorRect(cursor).center() + QPoint(1, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_item() == first


def test_evidence_of_the_current_item_is_highlighted(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    _select(window, _some_sentence(window))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    solid = QTextCharFormat.UnderlineStyle.SingleUnderline
    current = [s for s in window.policy.view.extraSelections() if s.format.underlineStyle() == solid]
    assert len(current) == 1


def test_evidence_note_is_edited_in_the_table_and_undoable(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    _select(window, _some_sentence(window))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.item.evidence_table.selectRow(0)
    qtbot.mouseClick(window.item.edit_note_button, Qt.MouseButton.LeftButton)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, "names the processor")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: [e.note for e in read_review(review_en).evidence] == ["names the processor"])
    window.undo_action.trigger()
    assert [e.note for e in read_review(review_en).evidence] == [""]


def test_kept_evidence_records_its_section(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    headings = window.session.segmentation.headings
    text = window.session.policy.text
    after_heading = text[headings[1].end :].strip().split("\n")[0][:40]
    _select(window, after_heading)
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.accept_suggestion()
    spans = read_review(review_en).evidence
    assert spans and all(span.section_path for span in spans)
    assert any(headings[1].title in span.section_path for span in spans)


def test_the_view_holds_the_policy_text_exactly(make_window: MakeWindow, review_zh: Path) -> None:
    window = make_window(review_zh)
    assert window.session is not None
    raw = window.policy.view.document().toRawText().replace("\u2029", "\n")
    assert raw == window.session.policy.text


def test_current_evidence_is_painted_in_the_highlight_colour(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    from PySide6.QtGui import QColor, QPalette

    from desktop.ui.status_style import blend

    window = make_window(review_en)
    start, end = _select(window, _some_sentence(window))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    view = window.policy.view
    view.reveal(end)  # the cursor goes after the span: no selection colour over it
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start + 5))
    rect = view.cursorRect(cursor)
    image = view.viewport().grab().toImage()
    expected = blend(view.palette().color(QPalette.ColorRole.Base), QColor("#f59e0b"), 0.45)
    seen = {image.pixelColor(x, rect.top() + 1).name() for x in range(rect.left(), rect.left() + 40)}
    assert expected.name() in seen
