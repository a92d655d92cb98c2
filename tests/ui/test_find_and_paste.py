"""Finding text in the policy, pasting a policy, dropping a file, and the About box."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

import desktop
from desktop.ui.dialogs import AboutDialog, NewReviewChoice, NewReviewDialog, PasteDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SAMPLE_EN, read_review

MakeWindow = Callable[..., MainWindow]


def test_ctrl_f_finds_the_next_match(qtbot: QtBot, make_window: MakeWindow, review_en: Path) -> None:
    window = make_window(review_en)
    assert window.session is not None
    word = window.session.policy.text.split()[3]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.policy.find_bar.isVisible()
    qtbot.keyClicks(window.policy.find_bar.edit, word)
    qtbot.keyClick(window.policy.find_bar.edit, Qt.Key.Key_Return)
    assert window.policy.view.textCursor().selectedText().casefold() == word.casefold()
    qtbot.keyClick(window.policy.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.policy.find_bar.isVisible()


def test_pasted_text_becomes_a_review(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "隐私政策\n\n我们收集您的手机号码用于注册账号。您可以通过 privacy@example.com 联系我们。\n"
    monkeypatch.setattr(PasteDialog, "ask", classmethod(lambda cls, parent, clip: ("粘贴的政策", text)))
    target = tmp_path / "pasted.prdreview"
    monkeypatch.setattr(
        NewReviewDialog,
        "ask",
        classmethod(lambda cls, *a, **k: NewReviewChoice("T", ("pipl", "gdpr"), target)),
    )
    window = make_window()
    qtbot.keyClick(
        window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    policy = read_review(target).policy
    assert (policy.source_format, policy.source_name) == ("paste", "粘贴的政策")
    assert "手机号码" in policy.text


def test_a_dropped_policy_starts_a_review(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "dropped.prdreview"
    asked: list[str] = []

    def ask(cls: type, parent: object, *, policy_name: str, **_: object) -> NewReviewChoice:
        asked.append(policy_name)
        return NewReviewChoice("T", ("gdpr",), target)

    monkeypatch.setattr(NewReviewDialog, "ask", classmethod(ask))
    window = make_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SAMPLE_EN))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    assert asked == [SAMPLE_EN.name]
    assert read_review(target).frameworks == ("gdpr",)


def test_about_names_the_version_licences_and_log_folder(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    dialog = AboutDialog(window, window.log_dir)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert desktop.__version__ in text and "LGPL" in text and str(window.log_dir) in text
