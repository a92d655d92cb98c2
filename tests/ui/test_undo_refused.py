"""Undo and redo when the review file refuses the write: a clear message, and screen, file and undo stack
stay in step (nothing escapes into Qt, nothing is half undone)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.core.errors import ReviewDeskError, ReviewFileError
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import read_review

MakeWindow = Callable[..., MainWindow]
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _file_read_only(window: MainWindow, read_only: bool) -> None:
    """SQLite's ``query_only`` makes the open file refuse every write, as a file turned read-only or a
    vanished network share would (running as root, chmod alone would not stop the write)."""
    assert window.session is not None
    window.session._store._db.execute(f"PRAGMA query_only = {'ON' if read_only else 'OFF'}")


def _press(qtbot: QtBot, window: MainWindow, key: str, modifier: Qt.KeyboardModifier = CTRL) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def test_a_refused_status_undo_is_shown_and_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, errors: list[ReviewDeskError]
) -> None:
    window = make_window(review_en)
    item = window.current_item()
    _press(qtbot, window, "1", Qt.KeyboardModifier.NoModifier)
    _file_read_only(window, True)
    _press(qtbot, window, "z")
    assert [type(e) for e in errors] == [ReviewFileError]
    assert "could not be saved" in errors[0].detail and errors[0].title == "Cannot save the review"
    assert window.session is not None and window.session.status(item) == "addressed"
    assert window.item.status_buttons["addressed"].isChecked()
    assert read_review(review_en).decisions[item].status == "addressed"
    assert (window.undo_stack.index(), window.undo_action.isEnabled()) == (1, True)
    _file_read_only(window, False)  # the share is back: the same undo now works
    _press(qtbot, window, "z")
    assert read_review(review_en).decisions[item].status == "unreviewed"
    assert window.session.status(item) == "unreviewed" and window.undo_stack.index() == 0


def test_a_refused_redo_keeps_the_undone_state(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, errors: list[ReviewDeskError]
) -> None:
    window = make_window(review_en)
    item = window.current_item()
    _press(qtbot, window, "3", Qt.KeyboardModifier.NoModifier)
    _press(qtbot, window, "z")
    _file_read_only(window, True)
    _press(qtbot, window, "z", CTRL_SHIFT)
    assert len(errors) == 1
    assert window.session is not None and window.session.status(item) == "unreviewed"
    assert read_review(review_en).decisions[item].status == "unreviewed"
    assert (window.undo_stack.index(), window.redo_action.isEnabled()) == (0, True)


def test_a_refused_evidence_undo_keeps_the_evidence_everywhere(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, errors: list[ReviewDeskError]
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = next(i for i, s in window.session.suggestions.items() if s.evidence)
    window.checklist.select_item(item)
    window.item.candidate_table.selectRow(0)
    window.item.accept_button.click()
    [kept] = read_review(review_en).evidence
    _file_read_only(window, True)
    window.undo_action.trigger()
    assert len(errors) == 1
    assert [s.id for s in window.session.evidence_for(item)] == [kept.id]
    assert window.item.evidence_model.rowCount() == 1
    assert [s.id for s in read_review(review_en).evidence] == [kept.id]
    _file_read_only(window, False)
    window.undo_action.trigger()
    window.redo_action.trigger()  # redo after a refused undo brings back the same row, not a duplicate
    assert [s.id for s in read_review(review_en).evidence] == [kept.id]
    assert len(errors) == 1


def test_a_composite_undo_refused_halfway_is_rolled_back(
    qtbot: QtBot,
    make_window: MakeWindow,
    review_en: Path,
    errors: list[ReviewDeskError],
) -> None:
    """Accepting a suggestion is a status and a span; undo removes the span first, so when the status then
    cannot be reset the span comes back: the item is as it was before the undo, not half undone."""
    window = make_window(review_en)
    assert window.session is not None
    item = next(i for i, s in window.session.suggestions.items() if s.status == "addressed" and s.evidence)
    window.checklist.select_item(item)
    _press(qtbot, window, "a", Qt.KeyboardModifier.NoModifier)
    [accepted] = read_review(review_en).evidence
    store = window.session._store

    def refuse(item_id: str, status: str, *, reviewer: str | None = None) -> None:
        raise ReviewFileError("The disk is full.")

    store.set_status = refuse  # type: ignore[method-assign]
    _press(qtbot, window, "z")
    assert [str(e) for e in errors] == ["The disk is full."]
    snapshot = read_review(review_en)
    assert snapshot.decisions[item].status == "addressed" == window.session.status(item)
    assert [s.id for s in snapshot.evidence] == [accepted.id]
    assert [s.id for s in window.session.evidence_for(item)] == [accepted.id]
    assert window.undo_stack.index() == 1
    del store.set_status
    _press(qtbot, window, "z")
    assert read_review(review_en).decisions[item].status == "unreviewed"
    assert read_review(review_en).evidence == ()
