"""The policy pane: the exact policy text (read-only), evidence highlights, a find bar and a heading outline.

The text shown is ``Policy.text`` unchanged; every offset that crosses the widget boundary is converted by an
:class:`OffsetMap` (Python indices outside, UTF-16 document positions inside). Highlights are computed as
elementary intervals so that overlapping spans get a deeper tone instead of hiding each other.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.segments import Heading
from desktop.ui.offsets import OffsetMap
from desktop.ui.status_style import blend, is_dark

HEADING_START_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class Highlight:
    """One evidence span to show: Python offsets and the checklist item it belongs to."""

    start: int
    end: int
    item_id: str


def coverage(spans: Iterable[Highlight]) -> list[tuple[int, int, frozenset[str], int]]:
    """Split spans into disjoint runs: ``(start, end, item ids covering it, how many spans cover it)``."""
    spans = [span for span in spans if span.end > span.start]
    cuts = sorted({span.start for span in spans} | {span.end for span in spans})
    runs = []
    for start, end in pairwise(cuts):
        covering = [span for span in spans if span.start <= start and span.end >= end]
        if covering:
            runs.append((start, end, frozenset(span.item_id for span in covering), len(covering)))
    return runs


class PolicyTextEdit(QPlainTextEdit):
    """Read-only text with evidence highlights; clicking a highlight reports the items under it."""

    highlight_clicked = Signal(list)  # item ids under the click, in text order
    add_evidence_requested = Signal(str)  # item id; "" means the current item
    add_evidence_elsewhere_requested = Signal()  # to an item the reviewer picks

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self._map = OffsetMap("")
        self._spans: list[Highlight] = []
        self._current_item = ""
        self._candidates: list[tuple[int, int]] = []
        self._find_selections: list[QTextEdit.ExtraSelection] = []
        self._press_pos = -1

    # -- content ---------------------------------------------------------------------------------------
    def set_policy_text(self, text: str, headings: Sequence[Heading] = ()) -> None:
        self._map = OffsetMap(text)
        self.setPlainText(text)
        self._spans, self._candidates, self._current_item = [], [], ""
        self._format_headings(headings)
        self._refresh()

    def _format_headings(self, headings: Sequence[Heading]) -> None:
        """Headings in bold with space above: formatting only, the characters (and offsets) are unchanged."""
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        spaced = QTextBlockFormat()
        spaced.setTopMargin(8)
        for heading in headings:
            cursor = self._cursor(heading.start, heading.end)
            cursor.mergeCharFormat(bold)
            cursor.mergeBlockFormat(spaced)

    @property
    def offsets(self) -> OffsetMap:
        return self._map

    def set_highlights(
        self, spans: Sequence[Highlight], current_item: str, candidates: Sequence[tuple[int, int]] = ()
    ) -> None:
        self._spans, self._current_item, self._candidates = list(spans), current_item, list(candidates)
        self._refresh()

    def set_find_matches(self, matches: Sequence[tuple[int, int]]) -> None:
        """Qt positions of every find match, shown with a frame-like background."""
        colour = blend(self.palette().color(QPalette.ColorRole.Base), QColor("#a855f7"), 0.3)
        selections = []
        for start, end in matches:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setBackground(colour)
            selections.append(selection)
        self._find_selections = selections
        self._refresh()

    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _refresh(self) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        dark = is_dark(self.palette())
        other = QColor("#60a5fa" if dark else "#3b82f6")
        current = QColor("#f59e0b")
        selections: list[QTextEdit.ExtraSelection] = []
        for start, end, items, depth in coverage(self._spans):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            fmt: QTextCharFormat = selection.format
            if self._current_item in items:
                fmt.setBackground(blend(base, current, min(0.85, 0.45 + 0.2 * (depth - 1))))
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(current.darker(150) if not dark else current)
            else:
                fmt.setBackground(blend(base, other, min(0.7, 0.22 + 0.16 * (depth - 1))))
            fmt.setProperty(QTextFormat.Property.UserProperty, ",".join(sorted(items)))
            selections.append(selection)
        for start, end in self._candidates:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = self._cursor(start, end)
            fmt = selection.format
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(current)
            selections.append(selection)
        self.setExtraSelections(selections + self._find_selections)

    # -- selection and navigation ---------------------------------------------------------------------
    def selected_range(self) -> tuple[int, int] | None:
        """The selection as Python offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = self._map.to_py(cursor.selectionStart()), self._map.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_range(self, start: int, end: int) -> None:
        """Select Python offsets ``start..end`` and scroll them into the middle of the view."""
        self.setTextCursor(self._cursor(start, end))
        self.centerCursor()

    def reveal(self, offset: int) -> None:
        """Bring Python offset ``offset`` into the middle of the view without selecting anything."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(offset))
        self.setTextCursor(cursor)
        self.centerCursor()

    def scroll_to(self, offset: int) -> None:
        """Put Python offset ``offset`` at the top of the view (for heading jumps)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(offset))
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def items_at(self, offset: int) -> list[str]:
        return sorted(
            {span.item_id for span in self._spans if span.start <= offset < span.end},
            key=lambda item_id: min(s.start for s in self._spans if s.item_id == item_id),
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = self.cursorForPosition(event.position().toPoint()).position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        if position == self._press_pos:
            items = self.items_at(self._map.to_py(position))
            if items:
                self.highlight_clicked.emit(items)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        has_selection = self.selected_range() is not None
        current = menu.addAction("Add as evidence to the current item")
        current.setShortcut(QKeySequence("Ctrl+E"))
        current.setEnabled(has_selection and bool(self._current_item))
        current.triggered.connect(lambda: self.add_evidence_requested.emit(""))
        other = menu.addAction("Add as evidence to another item…")
        other.setObjectName("addEvidenceElsewhere")
        other.setShortcut(QKeySequence("Ctrl+Shift+E"))
        other.setEnabled(has_selection)
        other.triggered.connect(self.add_evidence_elsewhere_requested)
        items_here = self.items_at(self._map.to_py(self.cursorForPosition(event.pos()).position()))
        if items_here:
            menu.addSeparator()
            for item_id in items_here:
                action = menu.addAction(f"Go to evidence item {item_id}")
                action.triggered.connect(lambda _=False, i=item_id: self.highlight_clicked.emit([i]))
        menu.exec(event.globalPos())
        menu.deleteLater()


class FindBar(QWidget):
    """Ctrl+F: find in the policy text, next / previous, match count; Escape hides it."""

    def __init__(self, view: PolicyTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._view = view
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in policy")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+F3, Shift+Enter)")
        next_ = QToolButton(self)
        next_.setText("▼")
        next_.setToolTip("Next match (F3, Enter)")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        for widget in (self.edit, self.count, previous, next_, close):
            layout.addWidget(widget)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.returnPressed.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        next_.clicked.connect(self.find_next)
        close.clicked.connect(self.close_bar)
        for keys, slot in (("Shift+Return", self.find_previous), ("Escape", self.close_bar)):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only inside the bar
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self._view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self._view.set_find_matches([])
        self.hide()
        self._view.setFocus()

    def _matches(self, needle: str) -> list[tuple[int, int]]:
        matches: list[tuple[int, int]] = []
        document = self._view.document()
        cursor = document.find(needle, 0)
        while not cursor.isNull() and len(matches) < 5000:
            matches.append((cursor.selectionStart(), cursor.selectionEnd()))
            cursor = document.find(needle, cursor)
        return matches

    def _text_changed(self, needle: str) -> None:
        matches = self._matches(needle) if needle else []
        self._view.set_find_matches(matches)
        self.count.setText(f"{len(matches)} found" if needle else "")
        if matches:
            cursor = self._view.textCursor()
            cursor.setPosition(min(cursor.selectionStart(), matches[-1][0]))
            self._view.setTextCursor(cursor)
            self.find_next()

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        needle = self.edit.text()
        if not needle:
            return False
        document = self._view.document()
        found = document.find(needle, self._view.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(document)
            if flags & QTextDocument.FindFlag.FindBackward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, flags)
        if found.isNull():
            return False
        self._view.setTextCursor(found)
        self._view.centerCursor()
        return True


class PolicyPane(QWidget):
    """Outline of headings beside the text, with the find bar under the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = PolicyTextEdit(self)
        self.find_bar = FindBar(self.view, self)
        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView(self)
        self.outline.setObjectName("outline")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.outline.setUniformRowHeights(True)
        self.outline.setToolTip("Headings of the policy: click one to jump to it")
        self.outline.clicked.connect(self._outline_clicked)
        self.outline.activated.connect(self._outline_clicked)
        self._heading_starts: list[int] = []
        self._heading_rows: list[QStandardItem] = []
        self._follow = QTimer(self)  # the outline follows scrolling, a moment after it stops
        self._follow.setSingleShot(True)
        self._follow.setInterval(120)
        self._follow.timeout.connect(self._mark_current_heading)
        self.view.verticalScrollBar().valueChanged.connect(self._follow.start)
        self.title = QLabel(self)
        self.title.setObjectName("paneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text_column = QWidget(self)
        column = QVBoxLayout(text_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("policySplitter")
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(text_column)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.splitter, 1)

    def set_policy(self, name: str, text: str, headings: Sequence[Heading]) -> None:
        self.title.setText(f"Policy: {name}")
        self.view.set_policy_text(text, headings)
        self.outline_model.clear()
        parents: list[tuple[int, QStandardItem]] = []
        rows: list[QStandardItem] = []
        for heading in headings:
            row = QStandardItem(heading.title.strip() or "(untitled)")
            row.setData(heading.start, HEADING_START_ROLE)
            row.setToolTip(heading.title)
            while parents and parents[-1][0] >= heading.level:
                parents.pop()
            if parents:
                parents[-1][1].appendRow(row)
            else:
                self.outline_model.appendRow(row)
            parents.append((heading.level, row))
            rows.append(row)
        self._heading_starts = [heading.start for heading in headings]
        self._heading_rows = rows
        self.outline.expandAll()
        self.outline.setVisible(bool(headings))

    def _mark_current_heading(self) -> None:
        """Highlight the heading of the section at the top of the text view."""
        if not self._heading_rows:
            return
        top = self.view.offsets.to_py(self.view.cursorForPosition(QPoint(4, 4)).position())
        index = bisect_right(self._heading_starts, top) - 1
        if index >= 0:
            current = self._heading_rows[index].index()
            self.outline.setCurrentIndex(current)
            self.outline.scrollTo(current)

    def _outline_clicked(self, index: QModelIndex) -> None:
        start = index.data(HEADING_START_ROLE)
        if isinstance(start, int):
            self.view.scroll_to(start)
            QTimer.singleShot(0, self.view.setFocus)
