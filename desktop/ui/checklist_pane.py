"""The checklist pane: search and filters above the chapter/item tree, overall progress below it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.review import REVIEW_STATUSES, STATUS_LABELS
from desktop.ui.checklist_model import (
    COL_DECISION,
    COL_ITEM,
    COL_SEVERITY,
    COL_SUGGESTION,
    ITEM_ID_ROLE,
    ChecklistFilter,
    ChecklistModel,
)
from desktop.ui.session import ReviewSession
from desktop.ui.status_style import SEVERITY_LABELS, SUGGESTION_LABELS, status_icon


class ChecklistPane(QWidget):
    item_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: ChecklistModel | None = None
        self.proxy = ChecklistFilter(self)

        self.search = QLineEdit()
        self.search.setObjectName("checklistSearch")
        self.search.setPlaceholderText("Search items by title or ID (Ctrl+Shift+F)")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._search_entered)
        self.unreviewed = QCheckBox("Unreviewed only")
        self.unreviewed.setObjectName("unreviewedOnly")
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem("Any status", None)
        for status in REVIEW_STATUSES:
            self.status.addItem(status_icon(status), STATUS_LABELS[status], status)
        self.severity = QComboBox()
        self.severity.setObjectName("severityFilter")
        self.severity.addItem("Any severity", None)
        for key, label in SEVERITY_LABELS.items():
            self.severity.addItem(label, key)
        self.framework = QComboBox()
        self.framework.setObjectName("frameworkFilter")
        self.framework.addItem("PIPL + GDPR", None)
        self.framework.addItem("PIPL", "pipl")
        self.framework.addItem("GDPR", "gdpr")
        for signal in (
            self.search.textChanged,
            self.unreviewed.toggled,
            self.status.currentIndexChanged,
            self.severity.currentIndexChanged,
            self.framework.currentIndexChanged,
        ):
            signal.connect(self._apply_filters)

        self.tree = QTreeView()
        self.tree.setObjectName("checklistTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        self.tree.installEventFilter(self)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            signal.connect(self._span_chapters)
        self.progress = QLabel()
        self.progress.setObjectName("overallProgress")

        filters = QHBoxLayout()
        filters.setSpacing(4)
        filters.addWidget(self.unreviewed)
        for combo in (self.status, self.severity, self.framework):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)

    def set_session(self, session: ReviewSession | None) -> None:
        old = self.model
        if session is None:
            self.model = None
            self.proxy.setSourceModel(None)  # type: ignore[arg-type]  # Qt accepts no source
        else:
            self.model = ChecklistModel(session, self)
            self.proxy.setSourceModel(self.model)
            session.decision_changed.connect(self._update_progress)
            self.tree.expandAll()
            self._span_chapters()
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
            self._fit_columns()
            self.framework.setEnabled(len(session.frameworks) > 1)
            self._update_progress()
        if old is not None:
            old.deleteLater()

    def _fit_columns(self) -> None:
        """Size the short columns for every value they can show, once. (ResizeToContents would rescan
        every row after each decision, which made a keyboard walk lag by tens of milliseconds a key.)"""
        header = self.tree.header()
        metrics = self.tree.fontMetrics()
        margin = 2 * metrics.horizontalAdvance("M")  # the cell's padding and a little air
        values = {
            COL_DECISION: (*STATUS_LABELS.values(), "–"),
            COL_SUGGESTION: tuple(SUGGESTION_LABELS.values()),
            COL_SEVERITY: tuple(SEVERITY_LABELS.values()),
        }
        for column, texts in values.items():
            widest = max(metrics.horizontalAdvance(text) for text in texts)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(widest + margin, header.sectionSizeFromContents(column).width()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Zooming changes the tree's font: the fixed columns follow it (the tree's own event, because
        with a style sheet the tree gets its new font after this pane does)."""
        if watched is self.tree and event.type() == QEvent.Type.FontChange and self.model is not None:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _span_chapters(self) -> None:
        """Chapter rows use the whole width for their title and progress count."""
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)

    def _apply_filters(self) -> None:
        current = self.current_item()
        self.proxy.set_filters(
            unreviewed_only=self.unreviewed.isChecked(),
            status=self.status.currentData(),
            severity=self.severity.currentData(),
            framework=self.framework.currentData(),
            search=self.search.text(),
        )
        self.tree.expandAll()
        self._span_chapters()
        if current:
            self.select_item(current, clear_filters=False)

    def clear_filters(self) -> None:
        for widget in (self.search, self.unreviewed, self.status, self.severity, self.framework):
            widget.blockSignals(True)
        self.search.clear()
        self.unreviewed.setChecked(False)
        for combo in (self.status, self.severity, self.framework):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.unreviewed, self.status, self.severity, self.framework):
            widget.blockSignals(False)
        self._apply_filters()

    def _search_entered(self) -> None:
        """Enter in the search box goes to the first match, ready for the keyboard."""
        visible = self.visible_item_ids()
        if visible and self.current_item() not in visible:
            self.select_item(visible[0], clear_filters=False)
        self.tree.setFocus()

    def _update_progress(self, _item_id: str = "") -> None:
        if self.model is None:
            self.progress.clear()
            return
        done, total = self.model.progress()
        self.progress.setText(f"{done} of {total} items reviewed ({done / total:.0%})" if total else "")

    # -- selection ----------------------------------------------------------------------------------
    def current_item(self) -> str:
        item_id = self.tree.currentIndex().data(ITEM_ID_ROLE)
        return item_id if isinstance(item_id, str) else ""

    def select_item(self, item_id: str, *, clear_filters: bool = True) -> bool:
        """Make ``item_id`` current in the tree; clears the filters when they hide it (if allowed)."""
        if self.model is None:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index_of_item(item_id))
        if not proxy_index.isValid() and clear_filters:
            self.clear_filters()
            proxy_index = self.proxy.mapFromSource(self.model.index_of_item(item_id))
        if not proxy_index.isValid():
            return False
        self.tree.setCurrentIndex(proxy_index)
        self.tree.scrollTo(proxy_index)
        return True

    def visible_item_ids(self) -> list[str]:
        """Item ids in the order the tree shows them, after filtering."""
        ids: list[str] = []
        for chapter_row in range(self.proxy.rowCount()):
            chapter = self.proxy.index(chapter_row, 0)
            for row in range(self.proxy.rowCount(chapter)):
                ids.append(self.proxy.index(row, 0, chapter).data(ITEM_ID_ROLE))
        return ids

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(ITEM_ID_ROLE)
        if isinstance(item_id, str):
            self.item_selected.emit(item_id)
