"""The checklist as a two-level tree model (chapter -> item) over the open review, plus its filter proxy.

Each index stores an integer id: 0 for a chapter row, ``chapter row + 1`` for an item row, so ``parent()``
needs no Python objects kept alive by Qt. Edits arrive from the session as item ids and become a targeted
``dataChanged`` on the item row and its chapter row (whose progress count changes too).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from desktop.core.checklist import ChecklistItem
from desktop.core.review import STATUS_LABELS, Framework, ReviewStatus
from desktop.ui.session import ReviewSession
from desktop.ui.status_style import SEVERITY_LABELS, SUGGESTION_LABELS, status_icon, tone

COL_ITEM, COL_DECISION, COL_SUGGESTION, COL_SEVERITY = range(4)
HEADERS = ("Item", "Decision", "Suggested", "Severity")

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 3
FRAMEWORKS_ROLE = Qt.ItemDataRole.UserRole + 4
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 5
IS_CHAPTER_ROLE = Qt.ItemDataRole.UserRole + 6

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Chapter:
    key: str
    title: str
    items: tuple[ChecklistItem, ...]


class ChecklistModel(QAbstractItemModel):
    def __init__(self, session: ReviewSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        chapters = []
        for chapter in session.checklist.chapters:
            items = tuple(
                sorted((i for i in session.items if i.chapter == chapter.key), key=lambda i: i.order)
            )
            if items:
                chapters.append(_Chapter(chapter.key, chapter.title, items))
        self._chapters = tuple(chapters)
        self._where: dict[str, tuple[int, int]] = {
            item.id: (c, r)
            for c, chapter in enumerate(self._chapters)
            for r, item in enumerate(chapter.items)
        }
        session.decision_changed.connect(self.item_changed)

    # -- lookups --------------------------------------------------------------------------------------
    def item_ids(self) -> list[str]:
        """Every item id in display order (chapter order, then item order)."""
        return [item.id for chapter in self._chapters for item in chapter.items]

    def index_of_item(self, item_id: str, column: int = COL_ITEM) -> QModelIndex:
        if item_id not in self._where:
            return QModelIndex()
        chapter_row, row = self._where[item_id]
        return self.createIndex(row, column, chapter_row + 1)

    def progress(self, items: tuple[ChecklistItem, ...] | None = None) -> tuple[int, int]:
        """(reviewed, total) over ``items`` (all items by default)."""
        items = self._session.items if items is None else items
        done = sum(1 for item in items if self._session.status(item.id) != "unreviewed")
        return done, len(items)

    def item_changed(self, item_id: str) -> None:
        index = self.index_of_item(item_id)
        if not index.isValid():
            return
        self.dataChanged.emit(index, index.siblingAtColumn(len(HEADERS) - 1))
        chapter = index.parent()
        self.dataChanged.emit(chapter, chapter.siblingAtColumn(len(HEADERS) - 1))

    # -- the model interface ----------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._chapters)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._chapters[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._chapter_data(self._chapters[index.row()], index.column(), role)
        item = self._chapters[index.internalId() - 1].items[index.row()]
        return self._item_data(item, index.column(), role)

    def _chapter_data(self, chapter: _Chapter, column: int, role: int) -> object:
        if role == IS_CHAPTER_ROLE:
            return True
        if role == Qt.ItemDataRole.DisplayRole:
            done, total = self.progress(chapter.items)
            if column == COL_ITEM:  # the view spans this cell over the row, so the count goes with it
                return f"{chapter.title}   {done}/{total}"
            if column == COL_DECISION:
                return f"{done}/{total}"
        if role == Qt.ItemDataRole.FontRole and column == COL_ITEM:
            font = QFont()  # only the weight/style is set, so the view's (zoomed) size still applies
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            done, total = self.progress(chapter.items)
            return f"{done} of {total} items in this chapter reviewed"
        return None

    def _item_data(self, item: ChecklistItem, column: int, role: int) -> object:
        status: ReviewStatus = self._session.status(item.id)
        suggestion = self._session.suggestions.get(item.id)
        if role == ITEM_ID_ROLE:
            return item.id
        if role == STATUS_ROLE:
            return status
        if role == SEVERITY_ROLE:
            return item.severity
        if role == FRAMEWORKS_ROLE:
            return item.frameworks
        if role == SEARCH_ROLE:
            return f"{item.id} {item.title}".casefold()
        if role == IS_CHAPTER_ROLE:
            return False
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ITEM:
                return item.title
            if column == COL_DECISION:
                return STATUS_LABELS[status] if status != "unreviewed" else "–"
            if column == COL_SUGGESTION:
                return SUGGESTION_LABELS[suggestion.status] if suggestion else ""
            if column == COL_SEVERITY:
                return SEVERITY_LABELS[item.severity]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ITEM:
            return status_icon(status)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DECISION:
                return tone(status)
            if column == COL_SEVERITY:
                return tone(item.severity)
        if role == Qt.ItemDataRole.FontRole and column == COL_SUGGESTION:
            font = QFont()  # only the weight/style is set, so the view's (zoomed) size still applies
            font.setItalic(True)  # the machine's guess is set apart from the reviewer's decision
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, status)
        return None

    def _tooltip(self, item: ChecklistItem, status: ReviewStatus) -> str:
        suggestion = self._session.suggestions.get(item.id)
        lines = [f"{item.id}: {item.title}", f"Decision: {STATUS_LABELS[status]}"]
        if suggestion:
            lines.append(
                f"Suggested: {SUGGESTION_LABELS[suggestion.status]} (confidence {suggestion.confidence:.0%})"
            )
        lines.append(f"Severity: {SEVERITY_LABELS[item.severity]}")
        return "\n".join(lines)


class ChecklistFilter(QSortFilterProxyModel):
    """Filters on item rows only; a chapter shows when any of its items does (recursive filtering)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.unreviewed_only = False
        self.status: ReviewStatus | None = None
        self.severity: str | None = None
        self.framework: Framework | None = None
        self.search = ""

    def set_filters(
        self,
        *,
        unreviewed_only: bool,
        status: ReviewStatus | None,
        severity: str | None,
        framework: Framework | None,
        search: str,
    ) -> None:
        self.beginFilterChange()
        self.unreviewed_only, self.status, self.severity = unreviewed_only, status, severity
        self.framework, self.search = framework, search.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_active(self) -> bool:
        return bool(self.unreviewed_only or self.status or self.severity or self.framework or self.search)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if index.data(IS_CHAPTER_ROLE):
            return not self.is_active()
        status = index.data(STATUS_ROLE)
        if self.unreviewed_only and status != "unreviewed":
            return False
        if self.status and status != self.status:
            return False
        if self.severity and index.data(SEVERITY_ROLE) != self.severity:
            return False
        if self.framework and self.framework not in index.data(FRAMEWORKS_ROLE):
            return False
        return not self.search or self.search in index.data(SEARCH_ROLE)
