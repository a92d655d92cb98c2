"""The main window: start page or the three review panes, the menus, and every reviewer action.

The window owns at most one :class:`ReviewSession`. Edits become undo commands on one QUndoStack; long work
(creating a review, exporting) runs in the thread pool with a progress indicator, and failures come back as
a :class:`ReviewDeskError` dialog or, for bugs, through the exception hook.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop.core.document import Policy
from desktop.core.errors import ReviewDeskError, ReviewLockedError
from desktop.core.review import REVIEW_STATUSES, STATUS_LABELS, ReviewStatus
from desktop.resources import resource_path
from desktop.store import ReviewReadOnlyError
from desktop.ui.checklist_pane import ChecklistPane
from desktop.ui.commands import (
    AcceptSuggestionCommand,
    AddEvidenceCommand,
    DeleteEvidenceCommand,
    EditCommand,
    SetEvidenceNoteCommand,
    SetNoteCommand,
    SetStatusCommand,
)
from desktop.ui.dialogs import (
    REVIEW_SUFFIX,
    AboutDialog,
    FileDialogs,
    NewReviewDialog,
    PasteDialog,
    Questions,
    ShortcutsDialog,
)
from desktop.ui.errors import ErrorDialog, default_log_dir
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.item_pane import ItemPane
from desktop.ui.item_picker import ItemPicker, PickableItem
from desktop.ui.policy_view import Highlight, PolicyPane
from desktop.ui.session import ReviewSession
from desktop.ui.settings import Settings, system_font_point_size
from desktop.ui.start_page import StartPage
from desktop.ui.status_style import STATUS_KEYS, SUGGESTION_TO_STATUS, status_icon
from desktop.ui.workers import run_task
from desktop.workflow import default_reviewer

log = logging.getLogger(__name__)

APP_TITLE = "Privacy Review Desk"
SQLITE_MAGIC = b"SQLite format 3\x00"


def is_review_file(path: Path) -> bool:
    """A review file is a SQLite database (whatever its name); anything else is a policy to load."""
    if path.suffix.lower() == REVIEW_SUFFIX:
        return True
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_MAGIC
    except OSError:
        return False


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, *, log_dir: Path | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.log_dir = log_dir or default_log_dir()
        self.session: ReviewSession | None = None
        self.undo_stack = QUndoStack(self)
        self._undo_index = 0
        self._pushing = False  # a new edit moves the stack's index too; only undo/redo should show its item
        self.undo_stack.indexChanged.connect(self._undo_index_changed)
        self._busy: QProgressDialog | None = None
        self._menu_actions: list[tuple[str, QAction]] = []
        self.setAcceptDrops(True)

        self.start_page = StartPage()
        self.start_page.new_review_requested.connect(self.new_review)
        self.start_page.open_review_requested.connect(self.open_review_dialog)
        self.start_page.paste_requested.connect(self.paste_policy)
        self.start_page.policy_chosen.connect(lambda path: self.new_review_from(Path(path)))
        self.start_page.review_chosen.connect(lambda path: self.open_path(Path(path)))

        self.checklist = ChecklistPane()
        self.policy = PolicyPane()
        self.item = ItemPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.checklist, self.policy, self.item):
            self.splitter.addWidget(pane)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self._sized = False

        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)
        self.progress_label = QLabel()
        self.statusBar().addPermanentWidget(self.progress_label)

        self.checklist.item_selected.connect(self._item_selected)
        self.policy.view.highlight_clicked.connect(self._highlight_clicked)
        self.policy.view.add_evidence_requested.connect(self._add_evidence_to)
        self.policy.view.add_evidence_elsewhere_requested.connect(self.add_evidence_elsewhere)
        self.item.status_requested.connect(self.set_status)
        self.item.accept_suggestion_requested.connect(self.accept_suggestion)
        self.item.note.escaped.connect(self.checklist.tree.setFocus)
        self.item.note_committed.connect(self._note_committed)
        self.item.jump_requested.connect(self.jump_to)
        self.item.evidence_note_requested.connect(self._evidence_note)
        self.item.evidence_delete_requested.connect(self._delete_evidence)
        self.item.candidate_accept_requested.connect(self.accept_candidate)

        self._build_menus()
        self._restore_window()
        self._apply_font_size(self.settings.font_point_size)
        self._refresh_recent()
        self._update_actions()

    # -- menus and actions ---------------------------------------------------------------------------
    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence.StandardKey | list[str] | None = None,
        *,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, list):
            action.setShortcuts([QKeySequence(key) for key in shortcut])
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work while the menu bar is hidden or focus is in a pane
        self._menu_actions.append((menu.title().replace("&", ""), action))
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&New review from a policy…", self.new_review, QKeySequence.StandardKey.New)
        self._action(file_menu, "&Paste as new policy…", self.paste_policy, "Ctrl+Shift+V")
        self._action(file_menu, "&Open review…", self.open_review_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        file_menu.addSeparator()
        self.save_as_action = self._action(file_menu, "Save review &as…", self.save_as, "Ctrl+Shift+S")
        self.export_action = self._action(
            file_menu, "&Export to Excel…", self.export_workbook, "Ctrl+Shift+X", name="exportAction"
        )
        file_menu.addSeparator()
        self.close_action = self._action(file_menu, "&Close review", self.close_review, "Ctrl+W")
        quit_keys = QKeySequence.StandardKey.Quit  # Windows (and Qt's generic platforms) bind no key to it
        self._action(
            file_menu, "&Quit", self.close, quit_keys if QKeySequence.keyBindings(quit_keys) else "Ctrl+Q"
        )

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action(edit_menu, "&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(edit_menu, "&Redo", self.redo, ["Ctrl+Shift+Z", "Ctrl+Y"])
        for action, can, text in (
            (self.undo_action, self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged),
            (self.redo_action, self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            verb = action.text()
            text.connect(lambda what, a=action, v=verb: a.setText(f"{v} {what}" if what else v))
        edit_menu.addSeparator()
        self.add_evidence_action = self._action(
            edit_menu, "Add selection as &evidence", lambda: self._add_evidence_to(""), "Ctrl+E"
        )
        self.add_elsewhere_action = self._action(
            edit_menu,
            "Add selection as evidence &to another item…",
            self.add_evidence_elsewhere,
            "Ctrl+Shift+E",
        )
        self.accept_action = self._action(edit_menu, "&Accept the suggestion", self.accept_suggestion, "A")
        edit_menu.addSeparator()
        self._action(
            edit_menu, "&Find in policy…", self.policy.find_bar.open_bar, QKeySequence.StandardKey.Find
        )
        self._action(edit_menu, "Find &next", self.policy.find_bar.find_next, "F3")
        self._action(edit_menu, "Find p&revious", self.policy.find_bar.find_previous, "Shift+F3")
        self._action(edit_menu, "&Search the checklist", self.focus_search, "Ctrl+Shift+F")

        review_menu = bar.addMenu("&Review")
        self.next_action = self._action(review_menu, "&Next item", lambda: self.step(1), ["J", "Alt+Down"])
        self.previous_action = self._action(
            review_menu, "&Previous item", lambda: self.step(-1), ["K", "Alt+Up"]
        )
        self._action(review_menu, "Next &unreviewed item", self.next_unreviewed, "N")
        review_menu.addSeparator()
        self.status_actions: dict[ReviewStatus, QAction] = {}
        for status in sorted(REVIEW_STATUSES, key=lambda s: STATUS_KEYS[s]):
            action = self._action(
                review_menu,
                f"Mark as {STATUS_LABELS[status]}",
                lambda s=status: self.set_status(s),  # type: ignore[misc]
                STATUS_KEYS[status],
            )
            action.setIcon(status_icon(status))
            self.status_actions[status] = action

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "Zoom &in", lambda: self.zoom(1), ["Ctrl++", "Ctrl+="])
        self._action(view_menu, "Zoom &out", lambda: self.zoom(-1), "Ctrl+-")
        self._action(view_menu, "&Reset zoom", lambda: self.zoom(0), "Ctrl+0")
        view_menu.addSeparator()
        # Each pane one key away, so a reviewer never needs the mouse (or a long Tab walk) to reach it.
        self.go_actions = [
            self._action(view_menu, "Go to the &checklist", self.checklist.tree.setFocus, "Alt+1"),
            self._action(view_menu, "Go to the &policy text", self.policy.view.setFocus, "Alt+2"),
            self._action(view_menu, "Go to the &note", self.item.note.setFocus, "Alt+3"),
            self._action(view_menu, "Go to the &evidence", self.item.focus_evidence, "Alt+4"),
        ]
        view_menu.addSeparator()
        self._action(view_menu, "Show &start page", self.close_review)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Keyboard shortcuts", self.show_shortcuts, ["F1", "Ctrl+/"])
        self._action(help_menu, "&About Privacy Review Desk", self.show_about)

    def menu_actions(self) -> list[tuple[str, QAction]]:
        return list(self._menu_actions)

    def _update_actions(self) -> None:
        has_review = self.session is not None
        writable = has_review and not self.session.read_only  # type: ignore[union-attr]
        for action in (self.save_as_action, self.export_action, self.close_action):
            action.setEnabled(has_review)
        edits = (self.add_evidence_action, self.add_elsewhere_action, self.accept_action)
        for action in (*edits, *self.status_actions.values()):
            action.setEnabled(writable)
        for action in (self.next_action, self.previous_action, *self.go_actions):
            action.setEnabled(has_review)
        self.stack.setCurrentWidget(self.splitter if has_review else self.start_page)
        self._update_title()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_TITLE)
            self.progress_label.clear()
            return
        suffix = " [read-only]" if self.session.read_only else ""
        self.setWindowTitle(f"{self.session.path.name}{suffix} — {APP_TITLE}")
        self.setWindowFilePath(str(self.session.path))

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_reviews
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(recent))
        self.start_page.set_recent(recent)

    # -- opening and creating -------------------------------------------------------------------------
    def open_path(self, path: Path) -> None:
        """A review file opens; any other file starts a new review from it as a policy."""
        if is_review_file(path):
            self.open_review(path)
        else:
            self.new_review_from(path)

    def open_review_dialog(self) -> None:
        path = FileDialogs.open_review(self, self.settings.last_folder)
        if path is not None:
            self.open_review(path)

    def new_review(self) -> None:
        if self._still_busy():
            return
        path = FileDialogs.open_policy(self, self.settings.last_folder)
        if path is not None:
            self.new_review_from(path)

    def paste_policy(self) -> None:
        if self._still_busy():
            return
        answer = PasteDialog.ask(self, QGuiApplication.clipboard().text())
        if answer is None:
            return
        from desktop.core.loading import policy_from_text

        name, text = answer
        try:
            policy = policy_from_text(text, name)
        except ReviewDeskError as error:
            ErrorDialog.ask(self, error)
            return
        self.new_review_from(policy)

    def new_review_from(self, source: Path | Policy) -> None:
        """Ask reviewer, frameworks and target, then load + prefill + store in the background."""
        if self._still_busy():
            return
        if isinstance(source, Path):
            name, folder = source.name, source.parent
            if not source.is_file():
                ErrorDialog.ask(
                    self, ReviewDeskError(f"{source} does not exist.", title="Cannot read the policy")
                )
                return
            if folder.resolve().is_relative_to(resource_path("resources").resolve()) or not _writable(folder):
                folder = Path(self.settings.last_folder)
            stem = source.stem
        else:
            name, folder, stem = source.source_name, Path(self.settings.last_folder), source.source_name
        target = _free_name(folder / f"{_safe_stem(stem)}{REVIEW_SUFFIX}")
        choice = NewReviewDialog.ask(
            self,
            policy_name=name,
            reviewer=self.settings.reviewer or default_reviewer(),
            frameworks=self.settings.frameworks,
            target=target,
        )
        if choice is None:
            return
        if choice.target.exists() and not Questions.overwrite(self, choice.target):
            return
        self.settings.reviewer = choice.reviewer
        self.settings.frameworks = choice.frameworks
        self.settings.last_folder = str(choice.target.parent)

        def job(progress: Callable[[str, float], None]) -> Path:
            from desktop.workflow import create_review

            return create_review(
                source,
                choice.target,
                frameworks=choice.frameworks,
                reviewer=choice.reviewer,
                progress=progress,
                overwrite=True,  # the reviewer agreed to replace it; the store refuses if it is open
            )

        self._start_busy("Creating the review…")
        run_task(
            job,
            on_success=self._review_created,
            on_failure=self._task_failed,
            on_progress=self._progress,
            receiver=self,
        )

    def open_review(self, path: Path, *, read_only: bool = False) -> bool:
        if self.session is not None and self.session.path.resolve() == path.resolve():
            return True  # already open here: our own lock must not look like another window's
        try:
            session = ReviewSession.open(path, reviewer=self.settings.reviewer, read_only=read_only)
        except (ReviewLockedError, ReviewReadOnlyError) as error:
            if read_only or not Questions.open_read_only(self, error.title, error.detail):
                return False
            return self.open_review(path, read_only=True)
        except ReviewDeskError as error:
            if not path.exists():  # a recent review that was moved or deleted: forget it
                self.settings.remove_recent_review(str(path.resolve()))
                self._refresh_recent()
            ErrorDialog.ask(self, error)
            return False
        self.close_review()
        self._set_session(session)
        self.settings.add_recent_review(path)
        self.settings.last_folder = str(path.resolve().parent)
        self._refresh_recent()
        return True

    def _set_session(self, session: ReviewSession) -> None:
        self.session = session
        session.setParent(self)
        session.decision_changed.connect(self._decision_changed)
        session.evidence_changed.connect(self._evidence_changed)
        self.undo_stack.clear()
        self.policy.set_policy(session.policy.source_name, session.policy.text, session.segmentation.headings)
        self.item.set_session(session)
        self.checklist.set_session(session)
        self._update_actions()
        self._default_pane_sizes()
        self._update_progress()
        remembered = session.ui_state().get("current_item", "")
        first = remembered if remembered in {i.id for i in session.items} else session.items[0].id
        self.checklist.select_item(first)
        self.checklist.tree.setFocus()
        message = (
            "Opened read-only: changes are not saved." if session.read_only else "Every change is saved."
        )
        self.statusBar().showMessage(f"{session.path.name}: {message}", 8000)

    def close_review(self) -> None:
        """Flush the note in flight, remember the current item, release the file, show the start page."""
        if self.session is None:
            self._update_actions()
            return
        self.item.flush_note()
        session, self.session = self.session, None
        current = self.item.item_id
        try:
            if current:
                session.set_ui_state("current_item", current)
        except ReviewDeskError as error:
            log.warning("could not remember the current item: %s", error)
        self.undo_stack.clear()
        self.item.set_session(None)
        self.checklist.set_session(None)
        self.policy.set_policy("", "", ())
        session.close()
        session.deleteLater()
        self._update_actions()

    def save_as(self) -> None:
        if self.session is None:
            return
        target = FileDialogs.save_review(self, self.session.path.with_name(f"{self.session.path.stem} copy"))
        if target is None or target.resolve() == self.session.path.resolve():
            return
        if target.exists() and not Questions.overwrite(self, target):
            return
        self.item.flush_note()
        try:
            self.session.save_copy(target)
        except ReviewDeskError as error:
            ErrorDialog.ask(self, error)
            return
        # The copy is the reviewer's own new file: open it for editing even when the original was read-only
        # (open elsewhere, or a read-only file) — making an editable copy is what Save As is for there.
        if self.open_review(target):
            self.statusBar().showMessage(f"Saved a copy as {target.name}; you are now working in it.", 8000)

    # -- export ----------------------------------------------------------------------------------------
    def export_workbook(self) -> None:
        if self.session is None or self._still_busy():
            return
        self.item.flush_note()
        answer = ExportDialog.ask(self, self.session.path.with_suffix(".xlsx"))
        if answer is None:
            return
        target, options = answer
        try:
            snapshot = self.session.snapshot()
        except ReviewDeskError as error:
            ErrorDialog.ask(self, error)
            return

        def job(_progress: Callable[[str, float], None]) -> Path:
            from desktop.export import write_workbook

            return write_workbook(snapshot, target, options)

        self._start_busy("Exporting the workbook…")
        run_task(
            job,
            on_success=self._exported,
            on_failure=self._task_failed,
            receiver=self,
        )

    def _review_created(self, path: Path) -> None:
        self._end_busy()
        self.open_review(path)

    def _exported(self, workbook: Path) -> None:
        self._end_busy()
        self.statusBar().showMessage(f"Exported {workbook}", 8000)
        if Questions.open_folder(self, workbook):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(workbook.parent)))

    # -- background progress ---------------------------------------------------------------------------
    def _start_busy(self, label: str) -> None:
        dialog = QProgressDialog(label, "", 0, 100, self)
        dialog.setObjectName("busyDialog")
        dialog.setWindowTitle(APP_TITLE)
        dialog.setCancelButton(None)  # the work cannot be cancelled midway
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setValue(0)
        self._busy = dialog

    def _progress(self, message: str, fraction: float) -> None:
        if self._busy is not None:
            self._busy.setLabelText(message)
            self._busy.setValue(round(100 * max(0.0, min(1.0, fraction))))

    def _end_busy(self) -> None:
        """Close the progress dialog; if it had the keyboard, give it back to this window (not every window
        manager does), so the one-key shortcuts work at once on the review that just opened."""
        if self._busy is not None:
            had_keyboard = self._busy.isActiveWindow()
            self._busy.reset()
            self._busy.hide()  # reset does not hide it (autoClose is off), and deletion comes later
            self._busy.deleteLater()
            self._busy = None
            if had_keyboard:
                self.activateWindow()

    def is_busy(self) -> bool:
        return self._busy is not None

    def _still_busy(self) -> bool:
        """One background task at a time: a second one (a key pressed twice before the progress dialog
        appears) would replace the first one's dialog, which then stayed up, window-modal, for ever."""
        if self._busy is not None:
            self.statusBar().showMessage("Please wait until the current task has finished.", 5000)
        return self._busy is not None

    def _task_failed(self, error: BaseException) -> None:
        self._end_busy()
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ReviewDeskError):
            ErrorDialog.ask(self, error)
        else:  # a bug: the hook logs it and tells the reviewer
            sys.excepthook(type(error), error, error.__traceback__)

    # -- walking the checklist ------------------------------------------------------------------------
    def current_item(self) -> str:
        return self.item.item_id

    def _item_selected(self, item_id: str) -> None:
        if self.session is None:
            return
        self.item.show_item(item_id)
        self._refresh_highlights()
        spans = self.session.evidence_for(item_id)
        suggestion = self.session.suggestions.get(item_id)
        if spans:
            self.policy.view.reveal(spans[0].start)
        elif suggestion and suggestion.evidence:
            self.policy.view.reveal(suggestion.evidence[0].start)
        try:
            self.session.set_ui_state("current_item", item_id)
        except ReviewDeskError as error:
            log.warning("could not remember the current item: %s", error)

    def step(self, delta: int) -> None:
        ids = self.checklist.visible_item_ids()
        if not ids:
            return
        current = self.current_item()
        index = ids.index(current) + delta if current in ids else 0
        self.checklist.select_item(ids[max(0, min(len(ids) - 1, index))])

    def next_unreviewed(self) -> None:
        if self.session is None or self.checklist.model is None:
            return
        ids = self.checklist.model.item_ids()
        current = self.current_item()
        start = ids.index(current) + 1 if current in ids else 0
        for item_id in ids[start:] + ids[:start]:
            if self.session.status(item_id) == "unreviewed":
                self.checklist.select_item(item_id)
                return
        self.statusBar().showMessage("Every item has a decision.", 5000)

    def focus_search(self) -> None:
        self.checklist.search.setFocus()
        self.checklist.search.selectAll()

    def jump_to(self, start: int, end: int) -> None:
        self.policy.view.select_range(start, end)
        self.policy.view.setFocus()

    def _highlight_clicked(self, item_ids: list[str]) -> None:
        current = self.current_item()
        if current in item_ids and len(item_ids) > 1:  # clicking again cycles through overlapping items
            target = item_ids[(item_ids.index(current) + 1) % len(item_ids)]
        elif current in item_ids:
            return
        else:
            target = item_ids[0]
        self.checklist.select_item(target)

    def _refresh_highlights(self) -> None:
        if self.session is None:
            return
        current = self.current_item()
        spans = [Highlight(s.start, s.end, s.item_id) for s in self.session.all_evidence()]
        kept = {(s.start, s.end) for s in self.session.evidence_for(current)}
        suggestion = self.session.suggestions.get(current)
        candidates = [
            (c.start, c.end)
            for c in (suggestion.evidence if suggestion else ())
            if (c.start, c.end) not in kept
        ]
        self.policy.view.set_highlights(spans, current, candidates)

    def _decision_changed(self, _item_id: str) -> None:
        self._update_progress()

    def _move_on_if_hidden(self, item_id: str) -> None:
        """A filter (e.g. *Unreviewed only*) hid the item just decided: go on to the next visible one in
        checklist order (or the one before, at the end), as a reviewer triaging expects — not to whichever
        neighbour row the tree happened to land on."""
        visible = set(self.checklist.visible_item_ids())
        if self.checklist.model is None or item_id in visible:
            return
        order = self.checklist.model.item_ids()
        position = order.index(item_id)
        later = [i for i in order[position + 1 :] if i in visible]
        earlier = [i for i in order[:position] if i in visible]
        if later or earlier:
            self.checklist.select_item(later[0] if later else earlier[-1], clear_filters=False)

    def _evidence_changed(self, _item_id: str) -> None:
        self._refresh_highlights()

    def _update_progress(self) -> None:
        if self.session is None or self.checklist.model is None:
            return
        done, total = self.checklist.model.progress()
        self.progress_label.setText(f"{done}/{total} reviewed")

    # -- editing (each edit is one undo command) -------------------------------------------------------
    def _push(self, make: Callable[[ReviewSession], EditCommand]) -> None:
        """Apply an edit, then put it on the undo stack; an edit the store refuses is shown, not stacked."""
        if self.session is None or self.session.read_only:
            if self.session is not None:
                self.statusBar().showMessage("This review is open read-only.", 5000)
            return
        try:
            command = make(self.session)
            command.apply()
        except ReviewDeskError as error:
            ErrorDialog.ask(self, error)
            return
        self._pushing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._pushing = False

    def set_status(self, status: ReviewStatus) -> None:
        item_id = self.current_item()
        if not item_id or self.session is None or self.session.status(item_id) == status:
            return
        self.item.flush_note()
        self._push(lambda session: SetStatusCommand(session, item_id, status))
        self._move_on_if_hidden(item_id)

    def undo(self) -> None:
        """Take back the last edit; a refused write is shown and leaves model, file and stack unchanged."""
        if self.undo_stack.canUndo():
            self.item.flush_note()  # a note in flight is an edit of its own: undo takes back the newest
            self._move_in_stack(self.undo_stack.index() - 1, back=True)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._move_in_stack(self.undo_stack.index(), back=False)

    def _move_in_stack(self, index: int, *, back: bool) -> None:
        command = self.undo_stack.command(index)
        assert isinstance(command, EditCommand)
        try:
            command.revert() if back else command.apply()
        except ReviewDeskError as error:
            ErrorDialog.ask(self, error)
            return
        if back:  # the stack calls the command's undo/redo, which skip the change already made
            self.undo_stack.undo()
        else:
            self.undo_stack.redo()

    def _undo_index_changed(self, index: int) -> None:
        """After an undo or redo, show the item it changed, so the reviewer sees what came back."""
        moved_back = index < self._undo_index
        self._undo_index = index
        if self._pushing:
            return
        command = self.undo_stack.command(index if moved_back else index - 1)
        item_id = getattr(command, "item_id", "")
        if item_id and item_id != self.current_item():
            self.checklist.select_item(item_id)

    def _note_committed(self, item_id: str, note: str) -> None:
        self._push(lambda session: SetNoteCommand(session, item_id, note))

    def _add_evidence_to(self, item_id: str) -> None:
        item_id = item_id or self.current_item()
        if not item_id or self.session is None:
            return
        selected = self._selection_or_hint()
        if selected is None:
            return
        text = self.session.policy.text
        start, end = selected
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            return
        self._push(lambda session: AddEvidenceCommand(session, item_id, start, end, origin="manual"))
        if item_id != self.current_item():
            self.checklist.select_item(item_id)
        self.statusBar().showMessage(f"Added evidence to {item_id}.", 4000)

    def _selection_or_hint(self) -> tuple[int, int] | None:
        """The selected policy range, or None after telling the reviewer to select a passage first."""
        selected = self.policy.view.selected_range()
        if selected is None:
            self.statusBar().showMessage(
                "Select a passage in the policy first, then add it as evidence.", 5000
            )
        return selected

    def add_evidence_elsewhere(self) -> None:
        """Keep the selection as evidence for an item the reviewer picks (not the one on screen)."""
        if self.session is None:
            return
        if self.session.read_only:
            self.statusBar().showMessage("This review is open read-only.", 5000)
            return
        if self._selection_or_hint() is None:
            return
        session, current = self.session, self.current_item()
        chapters = {chapter.key: chapter.title for chapter in session.checklist.chapters}
        in_tree_order = self.checklist.model.item_ids() if self.checklist.model else []
        items = [
            PickableItem(item.id, item.title, chapters.get(item.chapter, item.chapter))
            for item in map(session.item, in_tree_order)
            if item.id != current
        ]
        chosen = ItemPicker.ask(self, items, prompt="Add the selected passage as evidence to which item?")
        if chosen:
            self._add_evidence_to(chosen)

    def accept_candidate(self, row: int) -> None:
        item_id = self.current_item()
        if self.session is None or not item_id:
            return
        suggestion = self.session.suggestions.get(item_id)
        if suggestion is None or not 0 <= row < len(suggestion.evidence):
            return
        candidate = suggestion.evidence[row]
        if any(
            (s.start, s.end) == (candidate.start, candidate.end) for s in self.session.evidence_for(item_id)
        ):
            self.statusBar().showMessage("That passage is already evidence for this item.", 4000)
            return
        self._push(
            lambda session: AddEvidenceCommand(
                session,
                item_id,
                candidate.start,
                candidate.end,
                origin="suggested",
                section_path=candidate.section_path,
            )
        )

    def accept_suggestion(self) -> None:
        """Take the suggested status and keep its best candidate (if not kept already), as one undo step."""
        item_id = self.current_item()
        if self.session is None or not item_id:
            return
        suggestion = self.session.suggestions.get(item_id)
        if suggestion is None:
            return
        kept = {(s.start, s.end) for s in self.session.evidence_for(item_id)}
        best = suggestion.evidence[0] if suggestion.evidence and suggestion.status != "not_found" else None
        if best is not None and (best.start, best.end) in kept:
            best = None
        status = SUGGESTION_TO_STATUS[suggestion.status]
        self._push(lambda session: AcceptSuggestionCommand(session, item_id, status, best))
        self._move_on_if_hidden(item_id)

    def _evidence_note(self, evidence_id: int, note: str) -> None:
        self._push(lambda session: SetEvidenceNoteCommand(session, evidence_id, note))

    def _delete_evidence(self, evidence_id: int) -> None:
        self._push(lambda session: DeleteEvidenceCommand(session, evidence_id))

    # -- view ----------------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        size = self.settings.font_point_size + step if step else system_font_point_size()
        self.settings.font_point_size = size
        self._apply_font_size(self.settings.font_point_size)

    def _apply_font_size(self, size: int) -> None:
        """A style sheet, not setFont: under the app's style sheet Qt does not pass a parent's font on to
        its children, so setFont on the panes changed nothing in the running app."""
        self.stack.setStyleSheet(f"font-size: {size}pt;")

    def show_shortcuts(self) -> None:
        dialog = ShortcutsDialog(self, self.menu_actions())
        dialog.exec()
        dialog.deleteLater()

    def show_about(self) -> None:
        dialog = AboutDialog(self, self.log_dir)
        dialog.exec()
        dialog.deleteLater()

    # -- window state ------------------------------------------------------------------------------------
    def _restore_window(self) -> None:
        if not self.restoreGeometry(self.settings.window_geometry):
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1500, screen.width() - 40), min(920, screen.height() - 60))
        _ensure_on_screen(self)
        self.restoreState(self.settings.window_state)
        for name, splitter in self._splitters().items():
            state = self.settings.splitter_state(name)
            if not state.isEmpty():
                splitter.restoreState(state)

    def _default_pane_sizes(self) -> None:
        """The first review shown without saved sizes splits the real width 30 / 40 / 30."""
        if not self._sized and self.settings.splitter_state("main").isEmpty():
            width = max(900, self.splitter.width())
            self.splitter.setSizes([width * 30 // 100, width * 40 // 100, width * 30 // 100])
        self._sized = True

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter, "policy": self.policy.splitter, "item": self.item.splitter}

    def _save_window(self) -> None:
        self.settings.window_geometry = QByteArray(self.saveGeometry())
        self.settings.window_state = QByteArray(self.saveState())
        for name, splitter in self._splitters().items():
            self.settings.set_splitter_state(name, QByteArray(splitter.saveState()))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._still_busy():
            event.ignore()
            return
        self._save_window()
        self.close_review()
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a switch between the system's light and dark palettes: recolour what we paint."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.session is not None:
            self._refresh_highlights()
            self.checklist.tree.viewport().update()

    # -- drag and drop ---------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = Path(urls[0].toLocalFile())
            QTimer.singleShot(0, lambda: self.open_path(path))  # let the drag finish before any dialog


def _ensure_on_screen(widget: QWidget) -> None:
    """A geometry saved on a monitor that is gone must not put the window off screen."""
    screens = [screen.availableGeometry() for screen in QGuiApplication.screens()]
    frame = widget.frameGeometry()
    if screens and not any(area.intersects(frame) for area in screens):
        widget.move(screens[0].topLeft())


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _safe_stem(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip(" .")
    return cleaned[:80] or "review"


def _free_name(path: Path) -> Path:
    """``x.prdreview``, or ``x (2).prdreview`` and so on when taken."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({number}){path.suffix}")
        number += 1
    return candidate
