"""Modal dialogs. Each has a ``classmethod ask()`` that returns the reviewer's answer (or None if cancelled):
the one seam tests patch, so no test ever waits on a modal loop.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.core.review import Framework

REVIEW_SUFFIX = ".prdreview"
POLICY_FILTER = "Policies (*.txt *.md *.html *.htm *.docx *.pdf);;All files (*)"
REVIEW_FILTER = f"Reviews (*{REVIEW_SUFFIX});;All files (*)"

THIRD_PARTY = (
    ("Qt / PySide6", "LGPLv3"),
    ("openpyxl", "MIT"),
    ("sqlite-utils", "Apache-2.0"),
    ("pyahocorasick", "BSD-3-Clause"),
    ("charset-normalizer", "MIT"),
    ("pypdf", "BSD-3-Clause"),
    ("python-docx", "MIT"),
    ("lxml", "BSD-3-Clause"),
    ("markdown-it-py", "MIT"),
    ("PyYAML", "MIT"),
    ("pydantic", "MIT"),
)


class FileDialogs:
    """Native file pickers, behind seams; each returns a path or None."""

    @classmethod
    def open_policy(cls, parent: QWidget | None, folder: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open a policy", folder, POLICY_FILTER)
        return Path(name) if name else None

    @classmethod
    def open_review(cls, parent: QWidget | None, folder: str) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open a review", folder, REVIEW_FILTER)
        return Path(name) if name else None

    @classmethod
    def save_review(
        cls, parent: QWidget | None, suggested: Path, title: str = "Save the review as"
    ) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), REVIEW_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(REVIEW_SUFFIX)

    @classmethod
    def save_workbook(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export the workbook", str(suggested), "Excel workbooks (*.xlsx)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


class Questions:
    """Yes/no questions behind seams."""

    @classmethod
    def open_read_only(cls, parent: QWidget | None, title: str, detail: str) -> bool:
        answer = QMessageBox.question(
            parent,
            title,
            f"{detail}\n\nOpen it read-only instead? You can look at it but not change it.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        return answer == QMessageBox.StandardButton.Open

    @classmethod
    def open_folder(cls, parent: QWidget | None, workbook: Path) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Workbook exported",
            f"The workbook was saved as\n{workbook}",
            QMessageBox.StandardButton.Close,
            parent,
        )
        open_button = box.addButton("Open folder", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is open_button

    @classmethod
    def overwrite(cls, parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            "Replace the file?",
            f"{path.name} already exists in {path.parent}. Replace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


@dataclass(frozen=True)
class NewReviewChoice:
    reviewer: str
    frameworks: tuple[Framework, ...]
    target: Path


class NewReviewDialog(QDialog):
    """Who reviews, against which frameworks, and where the review file goes."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        policy_name: str,
        reviewer: str,
        frameworks: tuple[Framework, ...],
        target: Path,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New review")
        self.setObjectName("newReviewDialog")
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setPlaceholderText("Your name, recorded with every decision")
        self.pipl = QCheckBox("PIPL (China)")
        self.gdpr = QCheckBox("GDPR (EU)")
        self.pipl.setChecked("pipl" in frameworks)
        self.gdpr.setChecked("gdpr" in frameworks)
        self.target = QLineEdit(str(target))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(browse)
        checks = QHBoxLayout()
        checks.addWidget(self.pipl)
        checks.addWidget(self.gdpr)
        checks.addStretch(1)
        form = QFormLayout()
        policy = QLabel(html.escape(policy_name))
        policy.setWordWrap(True)
        form.addRow("Policy:", policy)
        form.addRow("Reviewer:", self.reviewer)
        form.addRow("Frameworks:", checks)
        form.addRow("Review file:", target_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create review")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (
            self.reviewer.textChanged,
            self.target.textChanged,
            self.pipl.toggled,
            self.gdpr.toggled,
        ):
            signal.connect(self._validate)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self._validate()

    def _browse(self) -> None:
        chosen = FileDialogs.save_review(self, Path(self.target.text()), "Save the new review as")
        if chosen:
            self.target.setText(str(chosen))

    def _validate(self) -> None:
        ok = bool(self.reviewer.text().strip() and self.target.text().strip())
        ok = ok and (self.pipl.isChecked() or self.gdpr.isChecked())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> NewReviewChoice:
        frameworks: list[Framework] = []
        if self.pipl.isChecked():
            frameworks.append("pipl")
        if self.gdpr.isChecked():
            frameworks.append("gdpr")
        target = Path(self.target.text().strip()).expanduser()
        if not target.suffix:
            target = target.with_suffix(REVIEW_SUFFIX)
        return NewReviewChoice(self.reviewer.text().strip(), tuple(frameworks), target)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        policy_name: str,
        reviewer: str,
        frameworks: tuple[Framework, ...],
        target: Path,
    ) -> NewReviewChoice | None:
        dialog = cls(parent, policy_name=policy_name, reviewer=reviewer, frameworks=frameworks, target=target)
        try:
            return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class PasteDialog(QDialog):
    """*Paste as new policy*: the text and a name for it."""

    def __init__(self, parent: QWidget | None, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste as new policy")
        self.name = QLineEdit("Pasted policy")
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText("Paste the policy text here")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Name:", self.name)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> tuple[str, str] | None:
        """(name, text), or None when cancelled or empty."""
        dialog = cls(parent, text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text.toPlainText().strip():
                return None
            return dialog.name.text().strip() or "Pasted policy", dialog.text.toPlainText()
        finally:
            dialog.deleteLater()


class ShortcutsDialog(QDialog):
    """Every menu action that has a shortcut, read from the actions themselves so the list cannot drift."""

    def __init__(self, parent: QWidget | None, actions: list[tuple[str, QAction]]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcutsDialog")
        rows = [(menu, action) for menu, action in actions if action.shortcuts()]
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (menu, action) in enumerate(rows):
            keys = ", ".join(s.toString(s.SequenceFormat.NativeText) for s in action.shortcuts())
            for column, text in enumerate((menu, action.text().replace("&", ""), keys)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 560)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, log_dir: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Privacy Review Desk")
        self.setObjectName("aboutDialog")
        licences = "".join(
            f"<tr><td>{name}</td><td>&nbsp;{licence}</td></tr>" for name, licence in THIRD_PARTY
        )
        text = QLabel(
            f"<h2>Privacy Review Desk</h2><p>Version {html.escape(desktop.__version__)}</p>"
            "<p>Reviews privacy policies against a PIPL / GDPR checklist, entirely offline: the app makes "
            "no network connections.</p>"
            f"<p><b>Logs</b> are kept in:<br><code>{html.escape(str(log_dir))}</code></p>"
            f"<p><b>Third-party components</b></p><table>{licences}</table>"
            "<p>Qt and PySide6 are used under the GNU LGPL version 3; you may replace the Qt libraries "
            "shipped with the app with your own build.</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
