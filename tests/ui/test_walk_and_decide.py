"""A reviewer walks the checklist with the keyboard and decides items; every decision lands in the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.core.errors import ReviewDeskError, ReviewFileError
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import read_review

MakeWindow = Callable[..., MainWindow]


def _press(
    qtbot: QtBot, window: MainWindow, key: str | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def test_opening_a_review_selects_the_first_item(make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.current_item() == window.checklist.visible_item_ids()[0]


def test_j_and_k_walk_items_in_tree_order(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    ids = window.checklist.visible_item_ids()
    _press(qtbot, window, "j")
    _press(qtbot, window, "j")
    assert window.current_item() == ids[2]
    _press(qtbot, window, "k")
    assert window.current_item() == ids[1]


def test_status_key_writes_the_decision(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    item = window.current_item()
    _press(qtbot, window, "1")
    decision = read_review(review_en).decisions[item]
    assert (decision.status, decision.reviewer) == ("addressed", "Tester")


def test_next_unreviewed_skips_decided_items(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    ids = window.checklist.visible_item_ids()
    _press(qtbot, window, "j")
    _press(qtbot, window, "3")  # ids[1] is now missing
    _press(qtbot, window, "k")
    _press(qtbot, window, "n")
    assert window.current_item() == ids[2]


def test_undo_and_redo_a_status(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    item = window.current_item()
    _press(qtbot, window, "2")
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert read_review(review_en).decisions[item].status == "unreviewed"
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert read_review(review_en).decisions[item].status == "partial"


def test_accepting_the_suggestion_is_one_key(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    session = window.session
    assert session is not None
    item = next(i for i, s in session.suggestions.items() if s.status == "addressed" and s.evidence)
    window.checklist.select_item(item)
    _press(qtbot, window, "a")
    snapshot = read_review(review_en)
    assert snapshot.decisions[item].status == "addressed"
    best = session.suggestions[item].evidence[0]
    assert [(e.start, e.end, e.origin) for e in snapshot.evidence if e.item_id == item] == [
        (best.start, best.end, "suggested")
    ]


def test_note_is_saved_while_typing(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    item = window.current_item()
    window.item.note.setFocus()
    qtbot.keyClicks(window.item.note, "Contact block is complete")
    qtbot.waitUntil(
        lambda: read_review(review_en).decisions[item].note == "Contact block is complete", timeout=3000
    )


def test_status_buttons_show_the_decision(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    qtbot.mouseClick(window.item.status_buttons["missing"], Qt.MouseButton.LeftButton)
    assert window.item.status_buttons["missing"].isChecked()
    assert read_review(review_en).decisions[window.current_item()].status == "missing"


def test_reopening_restores_decisions_and_the_last_item(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    for _ in range(4):
        _press(qtbot, window, "j")
    item = window.current_item()
    _press(qtbot, window, "4")
    window.close()
    again = make_window(review_en)
    assert again.current_item() == item
    assert again.session is not None and again.session.status(item) == "not_applicable"


def test_undo_shows_the_item_it_changed(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    decided = window.current_item()
    _press(qtbot, window, "1")
    _press(qtbot, window, "j")
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert window.current_item() == decided
    assert read_review(review_en).decisions[decided].status == "unreviewed"


def test_accept_button_matches_the_suggestion(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = next(i for i, s in window.session.suggestions.items() if s.status == "partial")
    window.checklist.select_item(item)
    qtbot.mouseClick(window.item.accept_suggestion_button, Qt.MouseButton.LeftButton)
    assert read_review(review_en).decisions[item].status == "partial"


def test_a_refused_write_is_shown_and_not_put_on_the_undo_stack(
    qtbot: QtBot,
    make_window: MakeWindow,
    review_en: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[ReviewDeskError],
) -> None:
    from desktop.store import ReviewStore

    def disk_full(
        self: ReviewStore, *args: object, **kwargs: object
    ) -> None:  # the environment, not a dialog
        raise ReviewFileError("The disk is full.")

    window = make_window(review_en)
    item = window.current_item()
    monkeypatch.setattr(ReviewStore, "set_status", disk_full)
    _press(qtbot, window, "1")
    assert [str(e) for e in errors] == ["The disk is full."]
    assert window.undo_stack.count() == 0
    assert window.session is not None and window.session.status(item) == "unreviewed"


def test_escape_leaves_the_note_and_keys_decide_again(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    item = window.current_item()
    window.item.note.setFocus()
    qtbot.keyClicks(window.item.note, "3 sources")
    qtbot.keyClick(window.item.note, Qt.Key.Key_Escape)
    _press(qtbot, window, "3")
    decision = read_review(review_en).decisions[item]
    assert (decision.status, decision.note) == ("missing", "3 sources")


def test_undo_and_redo_a_note(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    item = window.current_item()
    _press(qtbot, window, "3", Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(window.item.note, "no retention period")
    qtbot.keyClick(window.item.note, Qt.Key.Key_Escape)  # leaving the note saves it
    assert read_review(review_en).decisions[item].note == "no retention period"
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert read_review(review_en).decisions[item].note == ""
    assert window.item.note.toPlainText() == ""
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert read_review(review_en).decisions[item].note == "no retention period"
    assert window.item.note.toPlainText() == "no retention period"


def test_deciding_under_unreviewed_only_keeps_the_filter_and_moves_on(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    """Triage: with *Unreviewed only* on, each decision hides its item and the next one comes up."""
    window = make_window(review_en)
    ids = window.checklist.visible_item_ids()
    window.checklist.unreviewed.setChecked(True)
    window.checklist.tree.setFocus()
    for expected in ids[:3]:
        assert window.current_item() == expected
        _press(qtbot, window, "1")
    assert window.checklist.unreviewed.isChecked()
    assert window.checklist.visible_item_ids() == ids[3:]
    assert window.current_item() == ids[3] and window.item.item_id == ids[3]


def test_deciding_the_last_item_of_a_chapter_under_a_filter_goes_to_the_next_chapter(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None and window.checklist.model is not None
    session, order = window.session, window.checklist.model.item_ids()
    last_of_first = max(
        (i for i in order if session.item(i).chapter == session.item(order[0]).chapter), key=order.index
    )
    window.checklist.unreviewed.setChecked(True)
    window.checklist.select_item(last_of_first)
    window.checklist.tree.setFocus()
    _press(qtbot, window, "3")
    assert window.checklist.unreviewed.isChecked()
    assert window.current_item() == order[order.index(last_of_first) + 1]
    assert read_review(review_en).decisions[last_of_first].status == "missing"


def test_undo_under_a_filter_brings_the_item_back_into_view(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    first = window.current_item()
    window.checklist.unreviewed.setChecked(True)
    window.checklist.tree.setFocus()
    _press(qtbot, window, "2")
    _press(qtbot, window, "z", Qt.KeyboardModifier.ControlModifier)
    assert window.current_item() == first and first in window.checklist.visible_item_ids()
