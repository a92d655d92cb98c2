"""The export dialog: the workbook's file name and the :class:`desktop.export.ExportOptions` switches.

The dialog only collects options; the writer in ``desktop.export`` does the work. A check box is made for
every boolean option, labelled from its name, so a new option appears here without touching the dialog.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs import FileDialogs


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, target: Path) -> None:
        from desktop.export import ExportOptions

        super().__init__(parent)
        self.setWindowTitle("Export to Excel")
        self.setObjectName("exportDialog")
        self._defaults = ExportOptions()
        self.target = QLineEdit(str(target))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Workbook:", row)
        self.switches: dict[str, QCheckBox] = {}
        for field in dataclasses.fields(self._defaults):
            value = getattr(self._defaults, field.name)
            if isinstance(value, bool):
                box = QCheckBox(_label(field.name))
                box.setChecked(value)
                box.setObjectName(f"option_{field.name}")
                self.switches[field.name] = box
                form.addRow("", box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        chosen = FileDialogs.save_workbook(self, Path(self.target.text()))
        if chosen:
            self.target.setText(str(chosen))

    def answer(self) -> tuple[Path, Any]:
        target = Path(self.target.text().strip()).expanduser()
        if target.suffix.lower() != ".xlsx":
            target = target.with_suffix(".xlsx")
        values = {name: box.isChecked() for name, box in self.switches.items()}
        return target, dataclasses.replace(self._defaults, **values)

    @classmethod
    def ask(cls, parent: QWidget | None, target: Path) -> tuple[Path, Any] | None:
        """(workbook path, ExportOptions), or None when cancelled."""
        dialog = cls(parent, target)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.target.text().strip():
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()
