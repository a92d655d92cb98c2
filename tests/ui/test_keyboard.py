"""Keyboard-only reach: every pane one key away, Delete in the evidence list, Quit by key, and the keyboard
back in the window after a background task's progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from desktop.ui.dialogs import NewReviewChoice, NewReviewDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SAMPLE_EN, read_review

MakeWindow = Callable[..., MainWindow]
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _press(
    qtbot: QtBot, window: MainWindow, key: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def _keep_two_passages(qtbot: QtBot, window: MainWindow) -> None:
    assert window.session is not None
    text = window.session.policy.text
    view = window.policy.view
    for start in (len(text) // 3, len(text) // 2):
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(start))
        cursor.setPosition(view.offsets.to_qt(start + 20), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        _press(qtbot, window, Qt.Key.Key_E, CTRL)


def test_alt_digits_reach_each_pane(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    targets = (window.checklist.tree, window.policy.view, window.item.note, window.item.evidence_table)
    for digit, widget in zip("2341", (*targets[1:], targets[0]), strict=True):
        _press(qtbot, window, digit, ALT)
        assert widget.hasFocus(), digit


def test_delete_in_the_evidence_list_removes_the_row_and_stays_on_one(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    _keep_two_passages(qtbot, window)
    _, second = read_review(review_en).evidence
    _press(qtbot, window, "4", ALT)
    _press(qtbot, window, Qt.Key.Key_Delete)
    assert [s.id for s in read_review(review_en).evidence] == [second.id]
    assert window.item.evidence_table.currentIndex().row() == 0  # so a second Delete needs no arrow key
    _press(qtbot, window, Qt.Key.Key_Delete)
    assert read_review(review_en).evidence == ()


def test_delete_elsewhere_keeps_the_evidence(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    _keep_two_passages(qtbot, window)
    _press(qtbot, window, "1", ALT)
    _press(qtbot, window, Qt.Key.Key_Delete)
    assert len(read_review(review_en).evidence) == 2


def test_ctrl_q_quits_and_releases_the_review(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    _press(qtbot, window, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible() and window.session is None
    again = make_window(review_en)
    assert again.session is not None and not again.session.read_only


def test_the_window_has_the_keyboard_after_a_review_is_created(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The progress dialog, once shown (after 300 ms on a slow machine), takes the keyboard; when it goes,
    the window must get it back or the one-key shortcuts do nothing until the reviewer clicks."""
    target = tmp_path / "new.prdreview"
    monkeypatch.setattr(
        NewReviewDialog, "ask", classmethod(lambda cls, *a, **k: NewReviewChoice("T", ("pipl",), target))
    )
    start_busy = MainWindow._start_busy

    def start_busy_and_show(self: MainWindow, label: str) -> None:
        start_busy(self, label)
        assert self._busy is not None
        self._busy.show()
        self._busy.activateWindow()

    monkeypatch.setattr(MainWindow, "_start_busy", start_busy_and_show)
    window = make_window()
    window.open_path(SAMPLE_EN)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    assert QApplication.activeWindow() is window and window.checklist.tree.hasFocus()
    item = window.current_item()
    _press(qtbot, window, "2")
    assert read_review(target).decisions[item].status == "partial"


def test_enter_on_a_suggested_passage_shows_it_in_the_policy(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = next(i for i, s in window.session.suggestions.items() if len(s.evidence) > 1)
    window.checklist.select_item(item)
    table = window.item.candidate_table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    candidate = window.session.suggestions[item].evidence[1]
    assert window.policy.view.selected_range() == (candidate.start, candidate.end)
    assert window.policy.view.hasFocus()
