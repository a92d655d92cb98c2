"""The item picker: choose a checklist item by typing part of its id, title or chapter.

A passage often answers another item than the one on screen; with sixty items a menu is a long hunt, so the
picker filters as the reviewer types, arrows move in the list without leaving the filter, Enter picks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.checklist_model import ITEM_ID_ROLE, SEARCH_ROLE

_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


@dataclass(frozen=True, slots=True)
class PickableItem:
    item_id: str
    title: str
    chapter: str


class ItemPicker(QDialog):
    def __init__(self, parent: QWidget | None, items: list[PickableItem], *, prompt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose a checklist item")
        self.setObjectName("itemPicker")
        self.filter = QLineEdit()
        self.filter.setObjectName("itemPickerFilter")
        self.filter.setPlaceholderText("Type part of the item's ID, title or chapter")
        self.filter.setClearButtonEnabled(True)
        model = QStandardItemModel(self)
        for item in items:
            row = QStandardItem(f"{item.item_id}  ·  {item.title}")
            row.setToolTip(item.chapter)
            row.setData(item.item_id, ITEM_ID_ROLE)
            row.setData(f"{item.item_id} {item.title} {item.chapter}", SEARCH_ROLE)
            row.setEditable(False)
            model.appendRow(row)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setObjectName("itemPickerList")
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.activated.connect(lambda _index: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._filter)
        self.filter.installEventFilter(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.chosen()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the filter move the list's choice, so the reviewer never has to Tab."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _LIST_KEYS:  # the list's own navigation, sent to the list
                QApplication.sendEvent(self.list, QKeyEvent(event.type(), event.key(), event.modifiers()))
                return True
        return super().eventFilter(watched, event)

    def chosen(self) -> str:
        item_id = self.list.currentIndex().data(ITEM_ID_ROLE)
        return item_id if isinstance(item_id, str) else ""

    @classmethod
    def ask(cls, parent: QWidget | None, items: list[PickableItem], *, prompt: str) -> str | None:
        """The chosen item's id, or None when cancelled."""
        dialog = cls(parent, items, prompt=prompt)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.chosen() or None) if accepted else None
        finally:
            dialog.deleteLater()
