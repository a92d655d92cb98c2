"""Creating, opening, locking, copying and exporting review files, and the errors a reviewer can meet."""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from desktop.core.errors import ExportError, ReviewDeskError, ReviewFileError
from desktop.ui.dialogs import FileDialogs, NewReviewChoice, NewReviewDialog, Questions
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SAMPLE_EN, SAMPLE_ZH, read_review

MakeWindow = Callable[..., MainWindow]
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_start_page_offers_both_samples(make_window: MakeWindow) -> None:
    window = make_window()
    names = [
        window.start_page.samples_model.index(row).data()
        for row in range(window.start_page.samples_model.rowCount())
    ]
    assert any("English" in name for name in names) and any("Chinese" in name for name in names)


def test_sample_from_start_page_becomes_a_prefilled_review(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "new.prdreview"
    choice = NewReviewChoice("王芳", ("pipl",), target)
    monkeypatch.setattr(NewReviewDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    window = make_window()
    samples = window.start_page.samples
    row = next(
        r
        for r in range(samples.model().rowCount())
        if samples.model().index(r, 0).data(Qt.ItemDataRole.ToolTipRole) == str(SAMPLE_ZH)
    )
    samples.activated.emit(samples.model().index(row, 0))
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    snapshot = read_review(target)
    assert (snapshot.reviewer, snapshot.frameworks) == ("王芳", ("pipl",))
    assert window.settings.reviewer == "王芳"
    assert window.session is not None and window.session.policy.text == snapshot.policy.text


def test_a_second_window_on_the_same_review_is_read_only(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        Questions,
        "open_read_only",
        classmethod(lambda cls, parent, title, detail: asked.append(detail) or True),
    )
    first = make_window(review_en)
    second = make_window(review_en)
    assert asked and second.session is not None and second.session.read_only
    item = second.current_item()
    qtbot.keyClick(second.focusWidget(), "1")
    assert read_review(review_en).decisions[item].status == "unreviewed"
    assert first.session is not None and not first.session.read_only


def test_a_corrupt_review_file_is_an_error_dialog(
    make_window: MakeWindow, tmp_path: Path, errors: list[ReviewDeskError]
) -> None:
    broken = tmp_path / "broken.prdreview"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    window = make_window()
    assert not window.open_review(broken)
    assert len(errors) == 1 and isinstance(errors[0], ReviewFileError)
    assert window.session is None


def test_export_writes_a_workbook_with_the_decisions(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from desktop.export import ExportOptions

    workbook = tmp_path / "out" / "review.xlsx"
    workbook.parent.mkdir()
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, target: (workbook, ExportOptions()))
    )
    offered: list[Path] = []
    monkeypatch.setattr(
        Questions, "open_folder", classmethod(lambda cls, parent, path: offered.append(path) or False)
    )
    window = make_window(review_en)
    item = window.current_item()
    qtbot.keyClick(window.focusWidget(), "3")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(offered), timeout=30000)
    assert offered == [workbook]
    cells = [
        str(cell)
        for sheet in load_workbook(workbook).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell
    ]
    assert any(item in cell for cell in cells)


def test_a_failed_export_is_a_clear_message_and_keeps_the_review(
    qtbot: QtBot,
    make_window: MakeWindow,
    review_en: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    errors: list[ReviewDeskError],
) -> None:
    from desktop.export import ExportOptions

    blocked = tmp_path / "taken.xlsx"
    blocked.mkdir()  # a folder where the workbook should go: the writer cannot replace it
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, target: (blocked, ExportOptions()))
    )
    window = make_window(review_en)
    qtbot.keyClick(window.focusWidget(), "1")
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert isinstance(errors[0], ExportError)
    assert read_review(review_en).decisions[window.current_item()].status == "addressed"
    assert not window.is_busy()


def test_save_as_copies_the_review_and_continues_in_the_copy(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.prdreview"
    monkeypatch.setattr(FileDialogs, "save_review", classmethod(lambda cls, *a, **k: copy))
    window = make_window(review_en)
    item = window.current_item()
    qtbot.keyClick(window.focusWidget(), "2")
    window.save_as_action.trigger()
    assert window.session is not None and window.session.path == copy
    qtbot.keyClick(window.focusWidget(), "3")
    assert read_review(copy).decisions[item].status == "missing"
    assert read_review(review_en).decisions[item].status == "partial"


def test_recent_reviews_are_remembered(make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    window.close_review()
    assert window.settings.recent_reviews[0] == str(review_en.resolve())
    assert window.start_page.recent_model.rowCount() == 1


def test_a_missing_recent_review_is_reported_and_forgotten(
    make_window: MakeWindow, review_en: Path, errors: list[ReviewDeskError]
) -> None:
    window = make_window(review_en)
    window.close_review()
    review_en.unlink()
    window.start_page.review_chosen.emit(str(review_en))
    assert isinstance(errors[0], ReviewFileError)
    assert window.settings.recent_reviews == []


def test_opening_the_open_review_again_keeps_it(make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    session = window.session
    assert window.open_review(review_en)
    assert window.session is session and session is not None and not session.read_only


def test_an_unreadable_policy_is_an_error_dialog_not_a_crash(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[ReviewDeskError],
) -> None:
    from desktop.core.errors import PolicyLoadError

    broken = tmp_path / "policy.docx"
    broken.write_bytes(b"this is not a word document")
    target = tmp_path / "broken.prdreview"
    monkeypatch.setattr(
        NewReviewDialog, "ask", classmethod(lambda cls, *a, **k: NewReviewChoice("T", ("pipl",), target))
    )
    window = make_window()
    window.open_path(broken)
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    assert isinstance(errors[0], PolicyLoadError)
    assert not window.is_busy() and window.session is None and not target.exists()


def _export_to(monkeypatch: pytest.MonkeyPatch, workbook: Path) -> list[Path]:
    from desktop.export import ExportOptions

    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, target: (workbook, ExportOptions()))
    )
    offered: list[Path] = []
    monkeypatch.setattr(
        Questions, "open_folder", classmethod(lambda cls, parent, path: offered.append(path) or False)
    )
    return offered


def test_export_over_a_workbook_open_in_excel_keeps_it_and_can_be_retried(
    qtbot: QtBot,
    make_window: MakeWindow,
    review_en: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    errors: list[ReviewDeskError],
) -> None:
    """On Windows, replacing a workbook Excel holds open fails with a permission error."""
    import os

    from openpyxl import load_workbook

    workbook = tmp_path / "out" / "review.xlsx"
    workbook.parent.mkdir()
    workbook.write_bytes(b"yesterday's workbook")
    offered = _export_to(monkeypatch, workbook)

    def held_open(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied", str(target))

    window = make_window(review_en)
    item = window.current_item()
    qtbot.keyClick(window.focusWidget(), "2")
    with monkeypatch.context() as locked:
        locked.setattr(os, "replace", held_open)
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_X, CTRL_SHIFT)
        qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    [error] = errors
    assert isinstance(error, ExportError) and "review.xlsx" in error.detail and "Excel" in error.detail
    assert workbook.read_bytes() == b"yesterday's workbook"
    assert [p.name for p in workbook.parent.iterdir()] == ["review.xlsx"]  # no temporary file left
    assert not window.is_busy() and window.session is not None
    assert read_review(review_en).decisions[item].status == "partial"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_X, CTRL_SHIFT)  # Excel closed: the same export works
    qtbot.waitUntil(lambda: offered == [workbook], timeout=30000)
    assert load_workbook(workbook, read_only=True).sheetnames[:3] == ["Summary", "Checklist", "Evidence"]


def test_export_into_a_read_only_folder_says_which_folder(
    qtbot: QtBot,
    make_window: MakeWindow,
    review_en: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    errors: list[ReviewDeskError],
) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    folder = tmp_path / "shared"
    folder.mkdir()
    _export_to(monkeypatch, folder / "review.xlsx")
    monkeypatch.setattr(tempfile, "mkstemp", read_only)  # as root, chmod alone would not stop the write
    window = make_window(review_en)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=30000)
    [error] = errors
    assert isinstance(error, ExportError) and str(folder) in error.detail and "another folder" in error.detail
    assert list(folder.iterdir()) == [] and not window.is_busy()


def test_refusing_read_only_leaves_the_second_window_on_its_start_page(
    make_window: MakeWindow, review_en: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        Questions,
        "open_read_only",
        classmethod(lambda cls, parent, title, detail: asked.append(title) and False),
    )
    first = make_window(review_en)
    second = make_window()
    assert not second.open_review(review_en)
    assert asked == ["The review is already open"]
    assert second.session is None and second.stack.currentWidget() is second.start_page
    assert first.session is not None and not first.session.read_only


def test_a_second_export_while_one_runs_is_refused_and_no_dialog_is_left(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+Shift+X twice before the progress dialog shows: one export, and the window is not left behind
    a window-modal progress dialog nobody closes."""
    from PySide6.QtWidgets import QProgressDialog

    workbook = tmp_path / "twice.xlsx"
    offered = _export_to(monkeypatch, workbook)
    window = make_window(review_en)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_X, CTRL_SHIFT)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_X, CTRL_SHIFT)
    assert "Please wait" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30000)
    assert offered == [workbook]
    qtbot.waitUntil(lambda: not window.findChildren(QProgressDialog))  # deleted on the next loop turn


def test_double_clicking_a_sample_starts_one_review(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def ask(cls: type, parent: object, *, policy_name: str, **_: object) -> None:
        asked.append(policy_name)  # and cancel

    monkeypatch.setattr(NewReviewDialog, "ask", classmethod(ask))
    window = make_window()
    samples = window.start_page.samples
    rect = samples.visualRect(samples.model().index(0, 0))
    qtbot.mouseClick(samples.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's
    qtbot.mouseDClick(samples.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # two halves
    assert len(asked) == 1


def test_save_as_from_a_read_only_window_gives_an_editable_copy(
    qtbot: QtBot, make_window: MakeWindow, review_en: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "mine.prdreview"
    monkeypatch.setattr(Questions, "open_read_only", classmethod(lambda cls, parent, title, detail: True))
    monkeypatch.setattr(FileDialogs, "save_review", classmethod(lambda cls, *a, **k: copy))
    make_window(review_en)
    second = make_window(review_en)
    assert second.session is not None and second.session.read_only
    second.save_as_action.trigger()
    assert second.session is not None and second.session.path == copy and not second.session.read_only
    item = second.current_item()
    qtbot.keyClick(second.focusWidget(), "4")
    assert read_review(copy).decisions[item].status == "not_applicable"
    assert read_review(review_en).decisions[item].status == "unreviewed"


def test_a_first_review_suggests_the_login_name_as_reviewer(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []
    monkeypatch.setattr(
        NewReviewDialog, "ask", classmethod(lambda cls, *a, **k: offered.append(k["reviewer"]))
    )
    monkeypatch.setattr(getpass, "getuser", lambda: "wang.fang")
    window = make_window()
    window.settings.reviewer = ""
    window.new_review_from(SAMPLE_EN)
    assert offered == ["wang.fang"]
