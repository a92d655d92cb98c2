"""End-to-end journeys, keyboard only: from the start page to a new review, every item decided, evidence
added and removed (with undo/redo), a workbook exported, the window quit, and the review reopened from the
start page exactly as it was left — checked on the widgets, in the review file and in the workbook.

Only the modal dialogs are replaced (file pickers, the new-review and export forms, the final question);
everything else is keys sent to whichever widget has the focus, as a reviewer's keyboard would.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QListView, QWidget

from desktop.core.review import ReviewStatus
from desktop.ui.checklist_model import ITEM_ID_ROLE, STATUS_ROLE
from desktop.ui.dialogs import FileDialogs, NewReviewChoice, NewReviewDialog, Questions
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.status_style import STATUS_KEYS
from tests.ui.conftest import SAMPLE_EN, SAMPLE_ZH, read_review

MakeWindow = Callable[..., MainWindow]
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
DECIDING_KEYS = [STATUS_KEYS[s] for s in ("addressed", "partial", "missing", "not_applicable")]
STATUS_OF_KEY: dict[str, ReviewStatus] = {key: status for status, key in STATUS_KEYS.items()}


@dataclass
class Left:
    """What the reviewer left behind: the state the reopened review must show."""

    statuses: dict[str, ReviewStatus] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)  # item -> quotes, in text order
    current: str = ""


class Keyboard:
    """Keys to the focused widget of one window, and the few multi-key moves a reviewer makes."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot, self.window = qtbot, window

    def focused(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def press(self, key: str | Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        """ASCII as key clicks; other text as an input method commits it (how Chinese is typed)."""
        for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
            if chunk.isascii():
                self.qtbot.keyClicks(self.focused(), chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(self.focused(), event)

    def tab_to(self, widget: QListView) -> None:
        for _ in range(12):
            if widget.hasFocus():
                return
            self.press(Qt.Key.Key_Tab)
        pytest.fail(f"Tab never reached {widget.objectName()}")

    def select_in_policy(self, phrase: str) -> None:
        """Alt+2, Ctrl+F, type, Escape: the find bar leaves ``phrase`` selected in the policy text."""
        self.press("2", ALT)
        self.press(Qt.Key.Key_F, CTRL)
        self.type(phrase)
        self.press(Qt.Key.Key_Escape)
        assert self.window.policy.view.hasFocus()
        assert self.window.policy.view.textCursor().selectedText() == phrase


def _unique_phrase(text: str, fraction: float, length: int) -> str:
    """A phrase of one line, found once (case-insensitively, as the find bar looks), near ``fraction``."""
    folded = text.casefold()
    for start in range(int(len(text) * fraction), len(text) - length):
        phrase = text[start : start + length]
        if (
            phrase.isprintable()
            and phrase == phrase.strip()
            and all(ord(ch) < 0x10000 for ch in phrase)
            and folded.count(phrase.casefold()) == 1
        ):
            return phrase
    raise AssertionError("no unique phrase in the policy")


def _open_sample_from_start_page(keys: Keyboard, sample: Path) -> None:
    samples = keys.window.start_page.samples
    keys.tab_to(samples)
    keys.press(Qt.Key.Key_Home)
    for _ in range(samples.model().rowCount()):
        if samples.currentIndex().data(Qt.ItemDataRole.ToolTipRole) == str(sample):
            break
        keys.press(Qt.Key.Key_Down)
    assert samples.currentIndex().data(Qt.ItemDataRole.ToolTipRole) == str(sample)
    keys.press(Qt.Key.Key_Return)


def _review(  # noqa: PLR0915  # one journey, told in order, reads best as one function
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    start: Callable[[Keyboard], None],
) -> None:
    """The journey after the start page; ``start`` begins a new review from it."""
    review = tmp_path / "journey.prdreview"
    workbook = tmp_path / "journey.xlsx"
    monkeypatch.setattr(
        NewReviewDialog,
        "ask",
        classmethod(lambda cls, *a, **k: NewReviewChoice("Ana", ("pipl", "gdpr"), review)),
    )
    window = make_window()
    keys = Keyboard(qtbot, window)
    start(keys)
    qtbot.waitUntil(lambda: window.session is not None, timeout=30000)
    assert window.session is not None
    text = window.session.policy.text
    length = 12 if sum(ord(ch) > 0x2E80 for ch in text) > len(text) // 4 else 24
    phrases = [_unique_phrase(text, fraction, length) for fraction in (0.2, 0.5, 0.7)]
    ids = window.checklist.visible_item_ids()
    assert ids and window.current_item() == ids[0] and window.checklist.tree.hasFocus()
    left = Left()

    # Every item, in order, with the keyboard: a decision key on each, J to the next.
    for number, item in enumerate(ids):
        assert window.current_item() == item
        key = DECIDING_KEYS[number % len(DECIDING_KEYS)]
        keys.press(key)
        left.statuses[item] = STATUS_OF_KEY[key]
        if number in (0, len(ids) - 1):  # a note on the first and the last item: Alt+3, type, Escape
            keys.press("3", ALT)
            note = f"Checked {item} – 已核对"
            keys.type(note)
            keys.press(Qt.Key.Key_Escape)
            assert window.checklist.tree.hasFocus()
            left.notes[item] = note
        if number == 0:  # evidence on the first item, then back to the checklist
            keys.select_in_policy(phrases[0])
            keys.press(Qt.Key.Key_E, CTRL)
            keys.press("1", ALT)
            left.evidence[item] = [phrases[0]]
        keys.press("j")
    assert window.current_item() == ids[-1]  # J at the last item stays there
    last = ids[-1]

    # Two passages for the last item, remove one with Delete, undo, redo.
    for phrase in phrases[1:]:
        keys.select_in_policy(phrase)
        keys.press(Qt.Key.Key_E, CTRL)
    assert [s.quote for s in window.session.evidence_for(last)] == phrases[1:]
    keys.press("4", ALT)
    assert window.item.evidence_table.hasFocus()
    keys.press(Qt.Key.Key_Delete)
    assert [s.quote for s in read_review(review).evidence if s.item_id == last] == phrases[2:]
    keys.press(Qt.Key.Key_Z, CTRL)
    assert [s.quote for s in read_review(review).evidence if s.item_id == last] == phrases[1:]
    keys.press(Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.item.evidence_model.rowCount() == 1
    left.evidence[last] = phrases[2:]
    left.current = last

    # Export in the background, then quit.
    from desktop.export import ExportOptions

    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, target: (workbook, ExportOptions()))
    )
    offered: list[Path] = []
    monkeypatch.setattr(
        Questions, "open_folder", classmethod(lambda cls, parent, path: offered.append(path) or False)
    )
    keys.press(Qt.Key.Key_X, CTRL | SHIFT)
    qtbot.waitUntil(lambda: offered == [workbook], timeout=30000)
    keys.press(Qt.Key.Key_Q, CTRL)
    assert not window.isVisible() and window.session is None

    # A new window: the review is the first recent one on the start page.
    again = make_window()
    keys = Keyboard(qtbot, again)
    keys.tab_to(again.start_page.recent)
    keys.press(Qt.Key.Key_Home)
    keys.press(Qt.Key.Key_Return)
    assert again.session is not None and not again.session.read_only
    _assert_in_file(review, left)  # first: walking the widgets below moves the remembered item
    _assert_on_widgets(again, keys, left)
    _assert_in_workbook(workbook, left)


def _assert_on_widgets(window: MainWindow, keys: Keyboard, left: Left) -> None:
    assert window.current_item() == left.current and window.checklist.tree.hasFocus()
    proxy = window.checklist.proxy
    shown = {}
    for chapter_row in range(proxy.rowCount()):
        chapter = proxy.index(chapter_row, 0)
        for row in range(proxy.rowCount(chapter)):
            index = proxy.index(row, 0, chapter)
            shown[index.data(ITEM_ID_ROLE)] = index.data(STATUS_ROLE)
    assert shown == left.statuses
    for item in (left.current, next(iter(left.statuses))):  # the last item, then Home to the first
        if item != left.current:
            keys.press(Qt.Key.Key_Home)
            keys.press(Qt.Key.Key_Down)  # Home lands on the first chapter row; its first item is next
        assert window.current_item() == item
        assert window.item.status_buttons[left.statuses[item]].isChecked()
        assert window.item.note.toPlainText() == left.notes.get(item, "")
        model = window.item.evidence_model
        assert [model.span_at(row).quote for row in range(model.rowCount())] == left.evidence.get(item, [])


def _assert_in_file(review: Path, left: Left) -> None:
    snapshot = read_review(review)
    assert {item: d.status for item, d in snapshot.decisions.items()} == left.statuses
    assert {item: d.note for item, d in snapshot.decisions.items() if d.note} == left.notes
    kept: dict[str, list[str]] = {}
    for span in sorted(snapshot.evidence, key=lambda s: s.start):
        kept.setdefault(span.item_id, []).append(span.quote)
        assert snapshot.policy.text[span.start : span.end] == span.quote and span.origin == "manual"
    assert kept == left.evidence
    from desktop.store import ReviewStore

    with ReviewStore.open(review, read_only=True) as store:
        assert store.get_ui_state()["current_item"] == left.current


def _assert_in_workbook(workbook: Path, left: Left) -> None:
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    header, *rows = book["Checklist"].iter_rows(values_only=True)
    column = {title: number for number, title in enumerate(header)}
    decided = {row[column["ID"]]: row[column["Final status"]] for row in rows}
    noted = {row[column["ID"]]: row[column["Note"]] for row in rows if row[column["Note"]]}
    counted = {row[column["ID"]]: row[column["Evidence"]] for row in rows if row[column["Evidence"]]}
    assert decided == left.statuses and noted == left.notes
    assert counted == {item: len(quotes) for item, quotes in left.evidence.items()}
    header, *rows = book["Evidence"].iter_rows(values_only=True)
    column = {title: number for number, title in enumerate(header)}
    quotes: dict[str, list[str]] = {}
    for row in rows:
        quotes.setdefault(row[column["Item"]], []).append(row[column["Quote"]])
    assert quotes == left.evidence
    book.close()


def test_english_sample_from_the_start_page_round_trip(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _review(
        qtbot, make_window, tmp_path, monkeypatch, lambda keys: _open_sample_from_start_page(keys, SAMPLE_EN)
    )


def test_chinese_sample_from_the_start_page_round_trip(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _review(
        qtbot, make_window, tmp_path, monkeypatch, lambda keys: _open_sample_from_start_page(keys, SAMPLE_ZH)
    )


def test_corpus_policy_from_the_start_page_round_trip(
    qtbot: QtBot,
    make_window: MakeWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_corpus: Path,
) -> None:
    policy = shared_corpus / "climatemind-2021.md"
    if not policy.is_file():
        pytest.skip(f"{policy.name} is not in the corpus")
    monkeypatch.setattr(FileDialogs, "open_policy", classmethod(lambda cls, parent, folder: policy))
    _review(qtbot, make_window, tmp_path, monkeypatch, lambda keys: keys.press(Qt.Key.Key_N, CTRL))
