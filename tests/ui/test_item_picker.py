"""Adding the selected passage as evidence to another item than the one on screen: the context menu and
Ctrl+Shift+E open the item picker, which filters as the reviewer types."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from desktop.ui.item_picker import ItemPicker, PickableItem
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import read_review

MakeWindow = Callable[..., MainWindow]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ITEMS = [
    PickableItem("rights.access", "Right of access", "Rights"),
    PickableItem("rights.erasure", "Right to erasure", "Rights"),
    PickableItem("retention.period", "Retention period", "Storage"),
]


def _select(window: MainWindow) -> tuple[int, int]:
    assert window.session is not None
    text = window.session.policy.text
    start = len(text) // 2
    start += len(text[start:]) - len(text[start:].lstrip())
    view = window.policy.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(start))
    cursor.setPosition(view.offsets.to_qt(start + 30), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    return start, start + 30


def _when_modal(act: Callable[[ItemPicker], None]) -> list[str]:
    """Run ``act`` on the picker once its modal loop runs; reject it if ``act`` fails, so nothing hangs."""
    seen: list[str] = []
    tries = iter(range(300))

    def run() -> None:
        picker = QApplication.activeModalWidget()
        if not isinstance(picker, ItemPicker) or not picker.isActiveWindow():
            if next(tries, None) is not None:  # not up yet: look again on a later turn of its loop
                QTimer.singleShot(10, run)
            return
        try:
            act(picker)
            seen.append(picker.chosen())
        finally:
            if picker.isVisible():
                picker.reject()

    QTimer.singleShot(0, run)
    return seen


def _type_and_enter(qtbot: QtBot, text: str) -> Callable[[ItemPicker], None]:
    def act(picker: ItemPicker) -> None:
        assert picker.filter.hasFocus()
        qtbot.keyClicks(picker.filter, text)
        qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    return act


def test_typing_filters_and_arrows_move_without_leaving_the_filter(qtbot: QtBot) -> None:
    picker = ItemPicker(None, ITEMS, prompt="Which item?")
    qtbot.addWidget(picker)
    with qtbot.waitActive(picker):
        picker.show()
    assert picker.filter.hasFocus()
    qtbot.keyClicks(picker.filter, "RIGHT")
    assert picker.proxy.rowCount() == 2 and picker.chosen() == "rights.access"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)
    assert picker.chosen() == "rights.erasure" and picker.filter.hasFocus()
    picker.filter.clear()
    qtbot.keyClicks(picker.filter, "storage")  # the chapter's name finds its items too
    assert picker.chosen() == "retention.period"
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    assert picker.result() == ItemPicker.DialogCode.Accepted


def test_nothing_matching_cannot_be_accepted(qtbot: QtBot) -> None:
    picker = ItemPicker(None, ITEMS, prompt="Which item?")
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.filter, "no such item")
    assert picker.chosen() == "" and not picker.buttons.button(picker.buttons.StandardButton.Ok).isEnabled()


def test_context_menu_adds_the_selection_to_a_picked_item(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    current = window.current_item()
    other = window.session.items[-1]
    start, end = _select(window)
    view = window.policy.view
    picked = _when_modal(_type_and_enter(qtbot, other.id))
    clicked: list[str] = []

    def choose_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.objectName() == "addEvidenceElsewhere")
        clicked.append(action.text())
        menu.close()
        action.trigger()  # after the menu closes, as a click does

    QTimer.singleShot(0, choose_from_menu)
    point = view.cursorRect().center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)),
    )
    qtbot.waitUntil(lambda: bool(picked))
    assert clicked == ["Add as evidence to another item…"] and picked == [other.id]
    [span] = read_review(review_en).evidence
    assert (span.item_id, span.start, span.end, span.origin) == (other.id, start, end, "manual")
    assert window.session.evidence_for(current) == []
    assert window.current_item() == other.id  # the reviewer sees where the passage went


def test_ctrl_shift_e_picks_by_keyboard_and_undo_takes_it_back(
    qtbot: QtBot, make_window: MakeWindow, review_zh: Path
) -> None:
    window = make_window(review_zh)
    assert window.session is not None
    first = window.current_item()
    other = window.session.items[5]
    _select(window)
    picked = _when_modal(_type_and_enter(qtbot, other.id))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, CTRL_SHIFT)
    assert picked == [other.id]
    assert [s.item_id for s in read_review(review_zh).evidence] == [other.id]
    window.checklist.select_item(first)
    window.undo_action.trigger()
    assert read_review(review_zh).evidence == () and window.current_item() == other.id


def test_cancelling_the_picker_adds_nothing(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    _select(window)
    picked = _when_modal(lambda picker: qtbot.keyClick(picker.filter, Qt.Key.Key_Escape))
    qtbot.keyClick(window.policy.view, Qt.Key.Key_E, CTRL_SHIFT)
    assert len(picked) == 1  # the picker was up, with an item chosen, when Escape cancelled it
    assert read_review(review_en).evidence == () and window.undo_stack.count() == 0


def test_a_read_only_review_offers_no_picker(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.dialogs import Questions

    monkeypatch.setattr(Questions, "open_read_only", classmethod(lambda cls, parent, title, detail: True))
    make_window(review_en)
    second = make_window(review_en)
    opened: list[object] = []
    monkeypatch.setattr(ItemPicker, "ask", classmethod(lambda cls, *a, **k: opened.append(a)))
    _select(second)
    second.add_evidence_elsewhere()  # as the context menu's entry does
    assert opened == [] and "read-only" in second.statusBar().currentMessage()
    assert read_review(review_en).evidence == ()
