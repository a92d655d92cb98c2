"""The checklist model and filters, the shortcut list, settings the window keeps, and the bug hook."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from desktop.ui.checklist_model import ChecklistModel
from desktop.ui.dialogs import ShortcutsDialog
from desktop.ui.errors import CrashDialog, ExceptionHook
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]


def test_checklist_model_passes_the_model_tester(
    qtmodeltester, make_window: MakeWindow, review_en: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(review_en)
    assert window.session is not None
    qtmodeltester.check(ChecklistModel(window.session))


def test_filtered_checklist_passes_the_model_tester(
    qtmodeltester, make_window: MakeWindow, review_en: Path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(review_en)
    window.checklist.severity.setCurrentIndex(window.checklist.severity.findData("high"))
    qtmodeltester.check(window.checklist.proxy)


def test_chapters_show_their_progress(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    qtbot.keyClick(window.focusWidget(), "1")
    chapter = window.checklist.proxy.index(0, 1)
    done, total = chapter.data().split("/")
    assert (int(done), int(total) > 1) == (1, True)


def test_unreviewed_only_hides_decided_items(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    decided = window.current_item()
    qtbot.keyClick(window.focusWidget(), "1")
    window.checklist.unreviewed.setChecked(True)
    visible = window.checklist.visible_item_ids()
    assert decided not in visible and visible


def test_search_matches_ids_and_titles(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = window.session.items[5]
    qtbot.keyClicks(window.checklist.search, item.id)
    assert window.checklist.visible_item_ids() == [item.id]
    window.checklist.search.clear()
    qtbot.keyClicks(window.checklist.search, item.title.upper())
    assert item.id in window.checklist.visible_item_ids()


def test_severity_filter(make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    window.checklist.severity.setCurrentIndex(window.checklist.severity.findData("low"))
    visible = window.checklist.visible_item_ids()
    assert visible and all(window.session.item(i).severity == "low" for i in visible)


def test_shortcut_help_lists_the_status_keys(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    dialog = ShortcutsDialog(window, window.menu_actions())
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    keys = " ".join(table.item(row, 2).text() for row in range(table.rowCount())).split(", ")
    listed = {key for cell in keys for key in cell.split()}
    assert {
        "1",
        "2",
        "3",
        "4",
        "5",
        "Ctrl+E",
        "Ctrl+Shift+E",
        "N",
        "A",
        "J",
        "K",
        "Alt+1",
        "Alt+4",
        "Ctrl+Q",
    } <= listed


def test_zoom_is_remembered(qtbot: QtBot, make_window: MakeWindow, settings: Settings) -> None:
    window = make_window()
    before = settings.font_point_size
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert settings.font_point_size == before + 1
    assert window.policy.view.font().pointSize() == before + 1


def test_splitter_sizes_are_remembered(make_window: MakeWindow, review_en: Path, settings: Settings) -> None:
    window = make_window(review_en)
    window.splitter.setSizes([300, 700, 400])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(review_en)
    assert again.splitter.sizes() == sizes


def test_unexpected_exception_is_logged_and_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp
) -> None:  # type: ignore[no-untyped-def]
    shown: list[BaseException] = []
    monkeypatch.setattr(
        CrashDialog, "ask", classmethod(lambda cls, parent, error, text, report: shown.append(error))
    )
    hook = ExceptionHook(tmp_path / "logs")
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        hook(type(error), error, error.__traceback__)
    assert [str(e) for e in shown] == ["boom"]
    assert hook.last_report is not None and "boom" in hook.last_report.read_text(encoding="utf-8")


def test_the_app_loads_no_network_module(make_window: MakeWindow, review_en: Path) -> None:
    make_window(review_en)
    assert not [name for name in sys.modules if name.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine"))]


def test_enter_in_search_goes_to_the_first_match(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    item = window.session.items[-1]
    qtbot.keyClick(
        window.focusWidget(),
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.keyClicks(window.checklist.search, item.id)
    qtbot.keyClick(window.checklist.search, Qt.Key.Key_Return)
    assert window.current_item() == item.id
    assert window.checklist.tree.hasFocus()


def test_framework_filter_shows_only_that_framework(make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    window.checklist.framework.setCurrentIndex(window.checklist.framework.findData("gdpr"))
    visible = window.checklist.visible_item_ids()
    assert visible and all("gdpr" in window.session.item(i).frameworks for i in visible)
    assert len(visible) < len(window.session.items)


def test_outline_click_scrolls_the_policy_to_the_heading(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    window = make_window(review_en)
    assert window.session is not None
    headings = window.session.segmentation.headings
    outline = window.policy.outline
    model = outline.model()
    last_top = model.index(model.rowCount() - 1, 0)
    while model.rowCount(last_top):  # the deepest last heading
        last_top = model.index(model.rowCount(last_top) - 1, 0, last_top)
    outline.scrollTo(last_top)
    qtbot.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualRect(last_top).center())
    view = window.policy.view
    assert view.offsets.to_py(view.textCursor().position()) == headings[-1].start


def test_void_qt_calls_do_not_leak_none() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call until Python aborts;
    pyproject.toml keeps that release out, and this catches any release that brings the leak back."""
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setWindowTitle("x")
    assert abs(sys.getrefcount(None) - before) < 100


def test_outline_follows_scrolling(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    headings = window.session.segmentation.headings
    middle = headings[len(headings) // 2]  # the last ones cannot reach the top of the view
    window.policy.view.scroll_to(middle.start)
    qtbot.waitUntil(lambda: window.policy.outline.currentIndex().data() == middle.title.strip())


def test_run_app_opens_the_review_given_on_the_command_line(qapp, review_en: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import run_app

    opened: list[str] = []

    def look_and_quit() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.session is not None:
                opened.append(widget.session.path.name)
                widget.close()
                widget.deleteLater()
        qapp.quit()

    QStandardPaths.setTestModeEnabled(True)  # the log folder goes to a test location, not the user's
    style_sheet = qapp.styleSheet()
    try:
        QTimer.singleShot(300, look_and_quit)
        assert run_app([str(review_en), "--settings", str(tmp_path / "s.ini")]) == 0
    finally:
        QStandardPaths.setTestModeEnabled(False)
        qapp.setStyleSheet(style_sheet)  # run_app styles the shared QApplication: later tests start plain
    assert opened == [review_en.name]


def test_decision_column_fits_every_status_and_follows_zoom(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path
) -> None:
    from desktop.core.review import STATUS_LABELS
    from desktop.ui.checklist_model import COL_DECISION

    window = make_window(review_en)
    tree = window.checklist.tree
    before = tree.columnWidth(COL_DECISION)
    assert all(tree.fontMetrics().horizontalAdvance(label) < before for label in STATUS_LABELS.values())
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    widest = max(tree.fontMetrics().horizontalAdvance(label) for label in STATUS_LABELS.values())
    assert tree.columnWidth(COL_DECISION) > max(before, widest)


def test_zoom_reaches_the_panes_under_the_app_style_sheet(
    qtbot: QtBot, qapp, make_window: MakeWindow, review_en: Path, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    """The running app has a style sheet (``make_application``), and under one Qt stops a parent's font
    at its children: the zoom must still reach the text a reviewer reads."""
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.app import stylesheet

    previous = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet(QGuiApplication.palette()))
    try:
        window = make_window(review_en)
        size = settings.font_point_size
        assert window.checklist.tree.font().pointSize() == size
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        for widget in (window.checklist.tree, window.policy.view, window.item.note):
            assert widget.font().pointSize() == size + 1
    finally:
        qapp.setStyleSheet(previous)
