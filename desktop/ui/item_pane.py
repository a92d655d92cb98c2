"""The item pane: what the item asks, what the prefill suggests and why, and the reviewer's decision.

The pane never writes to the review itself: it emits requests (status, note, evidence) that the main window
turns into undo commands. The note is sent on a short debounce and when the editor loses focus.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review import REVIEW_STATUSES, STATUS_LABELS, ReviewStatus
from desktop.ui.evidence_model import SPAN_ROLE, CandidateModel, EvidenceModel
from desktop.ui.session import ReviewSession
from desktop.ui.status_style import SEVERITY_LABELS, STATUS_KEYS, SUGGESTION_LABELS, status_icon, tone

NOTE_DEBOUNCE_MS = 600


class NoteEdit(QPlainTextEdit):
    """Plain-text note; tells the pane when it loses focus (so the note is saved at once) and when the
    reviewer presses Escape to leave it (so the one-key shortcuts work again)."""

    focus_lost = Signal()
    escaped = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


def _label(object_name: str = "", *, selectable: bool = True) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if object_name:
        label.setObjectName(object_name)
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
    return label


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(False)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    return table


class ItemPane(QWidget):
    status_requested = Signal(str)  # status for the current item
    accept_suggestion_requested = Signal()
    note_committed = Signal(str, str)  # item id, note
    jump_requested = Signal(int, int)  # Python offsets to select in the policy
    evidence_note_requested = Signal(int, str)  # evidence id, note
    evidence_delete_requested = Signal(int)
    candidate_accept_requested = Signal(int)  # candidate index in the suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: ReviewSession | None = None
        self.item_id = ""
        self._terms: list[str] = []

        self.heading = _label("itemHeading")
        self.meta = _label("itemMeta")
        self.question = _label("itemQuestion")
        self.details = _label("itemDetails")
        self.suggestion = _label("suggestion")
        self.suggestion.linkActivated.connect(self._link_activated)
        details = QWidget()
        column = QVBoxLayout(details)
        for widget in (self.heading, self.meta, self.question, self.details):
            column.addWidget(widget)
        suggestion_title = QLabel("<b>Suggestion</b> <i>(from the prefill: a hint, not a decision)</i>")
        self.suggestion.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestion.setMargin(6)
        column.addWidget(suggestion_title)
        column.addWidget(self.suggestion)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(details)

        # The decision: one button per status, each with its one-key shortcut in the label.
        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        self.status_buttons: dict[ReviewStatus, QToolButton] = {}
        status_grid = QGridLayout()
        status_grid.setSpacing(4)
        for position, status in enumerate(sorted(REVIEW_STATUSES, key=lambda s: STATUS_KEYS[s])):
            button = QToolButton()
            button.setObjectName(f"status_{status}")
            button.setCheckable(True)
            button.setText(f"{STATUS_LABELS[status]} ({STATUS_KEYS[status]})")
            button.setIcon(status_icon(status))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(f"Set the decision to {STATUS_LABELS[status]} (key {STATUS_KEYS[status]})")
            button.clicked.connect(lambda _=False, s=status: self._status_clicked(s))
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            status_grid.addWidget(button, position // 3, position % 3)
        self.decision_label = _label("decisionLabel", selectable=False)
        self.accept_suggestion_button = QPushButton("Accept suggestion (A)")
        self.accept_suggestion_button.setObjectName("acceptSuggestion")
        self.accept_suggestion_button.setToolTip(
            "Take the suggested status and keep the best suggested passage as evidence (key A)"
        )
        self.accept_suggestion_button.clicked.connect(self.accept_suggestion_requested)

        self.note = NoteEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText("Reviewer's note for this item (saved as you type)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(120)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._note_typed)
        self.note.focus_lost.connect(self.flush_note)

        self.evidence_model = EvidenceModel(self)
        self.evidence_model.note_edited.connect(self.evidence_note_requested)
        self.evidence_table = _table("evidenceTable")
        self.evidence_table.setModel(self.evidence_model)
        self.evidence_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # ``activated``: a double-click and Enter alike (``doubleClicked`` as well would jump twice).
        self.evidence_table.activated.connect(self._evidence_activated)
        self.jump_button = QPushButton("Jump")
        self.edit_note_button = QPushButton("Edit note")
        self.delete_button = QPushButton("Delete")
        self.jump_button.clicked.connect(lambda: self._jump(self.evidence_table))
        self.edit_note_button.clicked.connect(self._edit_evidence_note)
        self.delete_button.clicked.connect(self._delete_evidence)
        self.delete_button.setToolTip("Remove the selected evidence (Delete key in the list)")
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.evidence_table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self._delete_evidence)

        self.candidate_model = CandidateModel(self)
        self.candidate_table = _table("candidateTable")
        self.candidate_table.setModel(self.candidate_model)
        self.candidate_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.candidate_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidate_table.activated.connect(lambda _i: self._jump(self.candidate_table))
        self.accept_button = QPushButton("Accept as evidence")
        self.accept_button.setObjectName("acceptCandidate")
        self.candidate_jump_button = QPushButton("Jump")
        self.accept_button.clicked.connect(self._accept_candidate)
        self.candidate_jump_button.clicked.connect(lambda: self._jump(self.candidate_table))

        self.tabs = QTabWidget()
        self.tabs.addTab(
            self._table_page(
                self.evidence_table, self.jump_button, self.edit_note_button, self.delete_button
            ),
            "Evidence",
        )
        self.tabs.addTab(
            self._table_page(self.candidate_table, self.candidate_jump_button, self.accept_button),
            "Suggested evidence",
        )

        decision = QWidget()
        lower = QVBoxLayout(decision)
        lower.setContentsMargins(0, 0, 0, 0)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision_label, 1)
        decision_row.addWidget(self.accept_suggestion_button)
        lower.addLayout(decision_row)
        lower.addLayout(status_grid)
        lower.addWidget(QLabel("Note"))
        lower.addWidget(self.note)
        lower.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("itemSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(decision)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([500, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setEnabled(False)

    @staticmethod
    def _table_page(table: QTableView, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    # -- showing an item ----------------------------------------------------------------------------
    def set_session(self, session: ReviewSession | None) -> None:
        self.flush_note()
        self._session = session
        self.item_id = ""
        if session is not None:
            session.decision_changed.connect(self._decision_changed)
            session.evidence_changed.connect(self._evidence_changed)
            self.evidence_model.editable = not session.read_only
        self.setEnabled(False)

    def show_item(self, item_id: str) -> None:
        if self._session is None or item_id == self.item_id:
            return
        self.flush_note()
        self.item_id = item_id
        session = self._session
        item = session.item(item_id)
        self.setEnabled(True)
        chapter = next((c.title for c in session.checklist.chapters if c.key == item.chapter), item.chapter)
        self.heading.setText(f"<h3>{html.escape(item.id)} · {html.escape(item.title)}</h3>")
        severity = tone(item.severity).name()
        refs = []
        if item.pipl_refs:
            refs.append("PIPL " + ", ".join(item.pipl_refs))
        if item.gdpr_refs:
            refs.append("GDPR " + ", ".join(item.gdpr_refs))
        if item.cn_refs:
            refs.append(", ".join(item.cn_refs))
        self.meta.setText(
            f"{html.escape(chapter)} · severity <b style='color:{severity}'>"
            f"{SEVERITY_LABELS[item.severity]}</b> · {' / '.join(f.upper() for f in item.frameworks)}"
            + (f"<br>{html.escape('; '.join(refs))}" if refs else "")
        )
        self.question.setText(f"<b>{html.escape(item.question)}</b>")
        parts = [f"<p><b>Requirement.</b> {html.escape(item.requirement)}</p>"]
        if item.applies_when:
            parts.append(f"<p><b>Applies when.</b> {html.escape(item.applies_when)}</p>")
        if item.guidance:
            parts.append(f"<p><b>Guidance.</b> {html.escape(item.guidance)}</p>")
        self.details.setText("".join(parts))
        self._show_suggestion()
        self._show_decision()
        self._show_evidence()
        self.tabs.setCurrentIndex(0 if session.evidence_for(item_id) else 1)

    def _show_suggestion(self) -> None:
        assert self._session is not None
        suggestion = self._session.suggestions.get(self.item_id)
        if suggestion is None:
            self.suggestion.setText("<i>No suggestion for this item.</i>")
            return
        terms: list[str] = []
        for candidate in suggestion.evidence:
            terms.extend(term for term in candidate.matched_terms if term not in terms)
        colour = tone(
            {"addressed": "addressed", "partial": "partial", "not_found": "missing"}[suggestion.status]
        ).name()
        parts = [
            f"<p><i>Suggested:</i> <b style='color:{colour}'>{SUGGESTION_LABELS[suggestion.status]}</b>"
            f" · confidence {suggestion.confidence:.0%}</p>"
        ]
        if suggestion.explanation:
            reasons = "".join(f"<li>{html.escape(line)}</li>" for line in suggestion.explanation)
            parts.append(f"<ul style='margin-left:-20px'>{reasons}</ul>")
        if terms:
            links = ", ".join(
                f"<a href='term:{index}'>{html.escape(term)}</a>" for index, term in enumerate(terms)
            )
            parts.append(f"<p>Matched terms (click to find in the text): {links}</p>")
        if suggestion.red_flags:
            flags = ", ".join(html.escape(flag) for flag in suggestion.red_flags)
            parts.append(f"<p><b style='color:{tone('missing').name()}'>Red flags:</b> {flags}</p>")
        self._terms = terms
        self.suggestion.setText("".join(parts))

    def _show_decision(self) -> None:
        assert self._session is not None
        status = self._session.status(self.item_id)
        for each, button in self.status_buttons.items():
            button.setChecked(each == status)
            button.setEnabled(not self._session.read_only)
        colour = tone(status).name()
        self.decision_label.setText(
            f"Decision: <b style='color:{colour}'>{STATUS_LABELS[status]}</b>"
            + (" <i>(read-only)</i>" if self._session.read_only else "")
        )
        note = self._session.note(self.item_id)
        if note != self.note.toPlainText():
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)
        self.note.setReadOnly(self._session.read_only)

    def _show_evidence(self) -> None:
        assert self._session is not None
        session = self._session
        spans = session.evidence_for(self.item_id)
        row = self.evidence_table.currentIndex().row()
        self.evidence_model.set_spans(spans)
        if spans and self.evidence_table.hasFocus():  # after Delete, the keyboard stays on a row
            self.evidence_table.selectRow(max(0, min(row, len(spans) - 1)))
        kept = {(span.start, span.end) for span in spans}
        suggestion = session.suggestions.get(self.item_id)
        candidates = suggestion.evidence if suggestion else ()
        text = session.policy.text
        self.candidate_model.set_candidates(
            [(c, text[c.start : c.end], (c.start, c.end) in kept) for c in candidates]
        )
        self.tabs.setTabText(0, f"Evidence ({len(spans)})")
        self.tabs.setTabText(1, f"Suggested evidence ({len(candidates)})")
        for table in (self.evidence_table, self.candidate_table):
            table.setColumnWidth(1, 100)
            table.setColumnWidth(2, 56)
            table.setColumnWidth(3, 90)
        writable = not session.read_only
        for button in (self.edit_note_button, self.delete_button, self.accept_button):
            button.setEnabled(writable)
        self.accept_suggestion_button.setEnabled(writable and self.item_id in session.suggestions)

    def _decision_changed(self, item_id: str) -> None:
        if item_id == self.item_id:
            self._show_decision()

    def _evidence_changed(self, item_id: str) -> None:
        if item_id == self.item_id:
            self._show_evidence()

    # -- requests ------------------------------------------------------------------------------------
    def _status_clicked(self, status: ReviewStatus) -> None:
        self.status_requested.emit(status)

    def _note_typed(self) -> None:
        self._note_timer.start()

    def flush_note(self) -> None:
        """Send the note now if it differs from the saved one (debounce expiry, focus-out, item change)."""
        self._note_timer.stop()
        if self._session is None or not self.item_id or self._session.read_only:
            return
        text = self.note.toPlainText()
        if text != self._session.note(self.item_id):
            self.note_committed.emit(self.item_id, text)

    def _link_activated(self, link: str) -> None:
        if not link.startswith("term:") or self._session is None:
            return
        term = self._terms[int(link.removeprefix("term:"))]
        suggestion = self._session.suggestions.get(self.item_id)
        text = self._session.policy.text
        for candidate in suggestion.evidence if suggestion else ():
            if term in candidate.matched_terms:
                found = text[candidate.start : candidate.end].casefold().find(term.casefold())
                if found >= 0:
                    start = candidate.start + found
                    self.jump_requested.emit(start, start + len(term))
                else:
                    self.jump_requested.emit(candidate.start, candidate.end)
                return

    def _selected_row(self, table: QTableView) -> int:
        rows = table.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        current = table.currentIndex()
        if current.isValid():
            return current.row()
        return 0 if table.model().rowCount() == 1 else -1

    def _jump(self, table: QTableView) -> None:
        row = self._selected_row(table)
        if row >= 0:
            start, end = table.model().index(row, 0).data(SPAN_ROLE)
            self.jump_requested.emit(start, end)

    def _evidence_activated(self, index: QModelIndex) -> None:
        if index.column() != EvidenceModel.COL_NOTE:
            start, end = index.data(SPAN_ROLE)
            self.jump_requested.emit(start, end)

    def _edit_evidence_note(self) -> None:
        row = self._selected_row(self.evidence_table)
        if row >= 0:
            index = self.evidence_model.index(row, EvidenceModel.COL_NOTE)
            self.evidence_table.setCurrentIndex(index)
            self.evidence_table.edit(index)

    def focus_evidence(self) -> None:
        """Show the evidence list and put the keyboard in it, on a row, ready for Delete or Enter."""
        self.tabs.setCurrentIndex(0)
        self.evidence_table.setFocus()
        if self.evidence_model.rowCount() and not self.evidence_table.currentIndex().isValid():
            self.evidence_table.selectRow(0)

    def _delete_evidence(self) -> None:
        row = self._selected_row(self.evidence_table)
        if row >= 0:
            self.evidence_delete_requested.emit(self.evidence_model.span_at(row).id)

    def _accept_candidate(self) -> None:
        row = self._selected_row(self.candidate_table)
        if row >= 0:
            self.candidate_accept_requested.emit(row)
