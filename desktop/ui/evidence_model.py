"""Table models for the item pane: the evidence the reviewer kept, and the prefill's candidate sentences."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from desktop.core.review import EvidenceSpan
from desktop.core.suggestion import EvidenceCandidate

SPAN_ROLE = Qt.ItemDataRole.UserRole + 1  # (start, end) Python offsets of the row

AnyIndex = QModelIndex | QPersistentModelIndex
QUOTE_CHARS = 160


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def _section(path: tuple[str, ...]) -> str:
    """The innermost heading: the outer ones (often the policy's title) say little in a narrow column."""
    return path[-1] if path else ""


def _section_path(path: tuple[str, ...]) -> str:
    return " › ".join(path)


class _FlatTable(QAbstractTableModel):
    """A table of one row per entry of ``_rows`` under the column titles ``HEADERS``."""

    HEADERS: tuple[str, ...] = ()
    _rows: Sequence[object]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class EvidenceModel(_FlatTable):
    """The current item's evidence spans; the note column is editable (an edit becomes an undo command)."""

    COL_QUOTE, COL_SECTION, COL_ORIGIN, COL_NOTE = range(4)
    HEADERS = ("Quote", "Section", "Origin", "Note")
    note_edited = Signal(int, str)  # evidence id, new note

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceSpan] = []
        self.editable = True

    def set_spans(self, spans: list[EvidenceSpan]) -> None:
        self.beginResetModel()
        self._rows = list(spans)
        self.endResetModel()

    def span_at(self, row: int) -> EvidenceSpan:
        return self._rows[row]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.COL_NOTE and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        column = index.column()
        if role == SPAN_ROLE:
            return (span.start, span.end)
        if role == Qt.ItemDataRole.DisplayRole:
            return (_short(span.quote), _section(span.section_path), span.origin, span.note)[column]
        if role == Qt.ItemDataRole.EditRole and column == self.COL_NOTE:
            return span.note
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_QUOTE:
                return span.quote
            if column == self.COL_SECTION:
                return _section_path(span.section_path)
            if column == self.COL_ORIGIN:
                return (
                    "Accepted from the prefill" if span.origin == "suggested" else "Selected by the reviewer"
                )
            if column == self.COL_NOTE:
                return "Double-click to edit the note"
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.COL_NOTE or not isinstance(value, str):
            return False
        span = self._rows[index.row()]
        if value != span.note:
            self.note_edited.emit(span.id, value)  # the session updates the spans through set_spans
        return True


class CandidateModel(_FlatTable):
    """The prefill's evidence candidates for the current item, best first, with what matched."""

    COL_QUOTE, COL_SECTION, COL_SCORE, COL_TERMS = range(4)
    HEADERS = ("Suggested quote", "Section", "Score", "Matched terms")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[EvidenceCandidate, str, bool]] = []  # candidate, quote, already kept

    def set_candidates(self, rows: list[tuple[EvidenceCandidate, str, bool]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def candidate(self, row: int) -> EvidenceCandidate:
        return self._rows[row][0]

    def is_kept(self, row: int) -> bool:
        return self._rows[row][2]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        candidate, quote, kept = self._rows[index.row()]
        column = index.column()
        if role == SPAN_ROLE:
            return (candidate.start, candidate.end)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_QUOTE:
                return ("✓ " if kept else "") + _short(quote)
            if column == self.COL_SECTION:
                return _section(candidate.section_path)
            if column == self.COL_SCORE:
                return f"{candidate.score:.2f}"
            return ", ".join(candidate.matched_terms)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_QUOTE:
                return ("Already kept as evidence.\n\n" if kept else "") + quote
            if column == self.COL_SECTION:
                return _section_path(candidate.section_path)
        return None
