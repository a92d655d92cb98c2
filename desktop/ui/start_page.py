"""The page shown when no review is open: new review, open review, recent reviews, bundled samples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.resources import resource_path

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
SAMPLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
AnyIndex = QModelIndex | QPersistentModelIndex


def bundled_samples() -> list[Path]:
    folder = resource_path("resources/samples")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES and p.is_file())


def sample_label(path: Path) -> str:
    """``sample-policy-zh.txt`` -> ``Chinese sample policy (sample-policy-zh.txt)``."""
    parts = path.stem.lower().replace("_", "-").split("-")
    language = "Chinese" if {"zh", "cn"} & set(parts) else "English" if "en" in parts else ""
    return f"{language} sample policy ({path.name})" if language else f"Sample policy ({path.name})"


class PathListModel(QAbstractListModel):
    """A list of files shown by a label, with the full path as tooltip and in PATH_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Path]] = []

    def set_rows(self, rows: list[tuple[str, Path]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        label, path = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(path)
        if role == PATH_ROLE:
            return str(path)
        return None


class StartPage(QWidget):
    new_review_requested = Signal()
    open_review_requested = Signal()
    paste_requested = Signal()
    policy_chosen = Signal(str)  # a policy path (a sample)
    review_chosen = Signal(str)  # a review path (a recent review)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("<h1>Privacy Review Desk</h1>")
        subtitle = QLabel(
            "Review a privacy policy against the PIPL / GDPR checklist. Start a new review from a policy "
            "file (.txt, .md, .html, .docx, .pdf), paste the text, or drop a file on this window."
        )
        subtitle.setWordWrap(True)
        new_button = QPushButton("New review from a policy…")
        new_button.setObjectName("newReviewButton")
        open_button = QPushButton("Open a review…")
        open_button.setObjectName("openReviewButton")
        paste_button = QPushButton("Paste as new policy…")
        new_button.clicked.connect(self.new_review_requested)
        open_button.clicked.connect(self.open_review_requested)
        paste_button.clicked.connect(self.paste_requested)
        buttons = QHBoxLayout()
        for button in (new_button, open_button, paste_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent_model = PathListModel(self)
        self.recent = QListView()
        self.recent.setObjectName("recentList")
        self.recent.setModel(self.recent_model)
        # ``activated`` alone: it follows Enter, and a double-click (or one click, where the desktop asks
        # for that); listening to ``doubleClicked`` too started everything twice on a double-click.
        self.recent.activated.connect(lambda index: self.review_chosen.emit(index.data(PATH_ROLE)))
        self.samples_model = PathListModel(self)
        self.samples_model.set_rows([(sample_label(path), path) for path in bundled_samples()])
        self.samples = QListView()
        self.samples.setObjectName("sampleList")
        self.samples.setModel(self.samples_model)
        self.samples.activated.connect(lambda index: self.policy_chosen.emit(index.data(PATH_ROLE)))

        recent_box = QGroupBox("Recent reviews (double-click to open)")
        QVBoxLayout(recent_box).addWidget(self.recent)
        samples_box = QGroupBox("Sample policies (double-click to start a review)")
        QVBoxLayout(samples_box).addWidget(self.samples)
        lists = QGridLayout()
        lists.addWidget(recent_box, 0, 0)
        lists.addWidget(samples_box, 0, 1)
        for box in (recent_box, samples_box):
            box.setMaximumHeight(320)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addLayout(lists)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(1100)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(inner, 8)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        self.recent_model.set_rows([(f"{Path(p).name}  —  {Path(p).parent}", Path(p)) for p in paths])
