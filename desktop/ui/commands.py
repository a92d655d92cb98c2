"""Undoable edits: each command calls the session (so the store) in ``redo`` and its inverse in ``undo``.

Every command names the checklist item it changes (``item_id``), so undo can show that item.

Consecutive note edits to the same item merge into one command, so undo takes back a thought, not a
keystroke. Deleting evidence keeps the span so undo can put it back with its id (``restore_evidence``).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from desktop.core.review import EvidenceOrigin, EvidenceSpan, ReviewStatus
from desktop.core.suggestion import EvidenceCandidate
from desktop.ui.session import ReviewSession
from desktop.ui.status_style import STATUS_LABELS

NOTE_COMMAND_ID = 1001


class SetStatusCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, item_id: str, status: ReviewStatus) -> None:
        super().__init__(f"{item_id}: {STATUS_LABELS[status]}")
        self._session, self.item_id = session, item_id
        self._before, self._after = session.status(item_id), status

    def redo(self) -> None:
        self._session.set_status(self.item_id, self._after)

    def undo(self) -> None:
        self._session.set_status(self.item_id, self._before)


class SetNoteCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, item_id: str, note: str) -> None:
        super().__init__(f"{item_id}: note")
        self._session, self.item_id = session, item_id
        self._before, self._after = session.note(item_id), note

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand) or other.item_id != self.item_id:
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        self._session.set_note(self.item_id, self._after)

    def undo(self) -> None:
        self._session.set_note(self.item_id, self._before)


class AddEvidenceCommand(QUndoCommand):
    def __init__(
        self,
        session: ReviewSession,
        item_id: str,
        start: int,
        end: int,
        *,
        origin: EvidenceOrigin,
        section_path: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(f"{item_id}: add evidence")
        self._session, self.item_id, self._start, self._end = session, item_id, start, end
        self._origin, self._section_path = origin, section_path
        self._span: EvidenceSpan | None = None

    def redo(self) -> None:
        if self._span is None:
            self._span = self._session.add_evidence(
                self.item_id, self._start, self._end, origin=self._origin, section_path=self._section_path
            )
        else:  # redo after undo: bring back the same row, same id
            self._session.restore_evidence(self._span)

    def undo(self) -> None:
        if self._span is not None:
            self._span = self._session.delete_evidence(self._span.id)


class DeleteEvidenceCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, evidence_id: int) -> None:
        span = session.evidence(evidence_id)
        super().__init__(f"{span.item_id}: delete evidence")
        self._session, self._span, self.item_id = session, span, span.item_id

    def redo(self) -> None:
        self._span = self._session.delete_evidence(self._span.id)

    def undo(self) -> None:
        self._session.restore_evidence(self._span)


class SetEvidenceNoteCommand(QUndoCommand):
    def __init__(self, session: ReviewSession, evidence_id: int, note: str) -> None:
        span = session.evidence(evidence_id)
        super().__init__(f"{span.item_id}: evidence note")
        self._session, self._id, self.item_id = session, evidence_id, span.item_id
        self._before, self._after = span.note, note

    def redo(self) -> None:
        self._session.set_evidence_note(self._id, self._after)

    def undo(self) -> None:
        self._session.set_evidence_note(self._id, self._before)


class AcceptSuggestionCommand(QUndoCommand):
    """One keystroke: take the suggested status and keep the best candidate as evidence."""

    def __init__(
        self,
        session: ReviewSession,
        item_id: str,
        status: ReviewStatus,
        best: EvidenceCandidate | None,
    ) -> None:
        super().__init__(f"{item_id}: accept suggestion")
        self.item_id = item_id
        self._children: list[QUndoCommand] = [SetStatusCommand(session, item_id, status)]
        if best is not None:
            self._children.append(
                AddEvidenceCommand(
                    session, item_id, best.start, best.end, origin="suggested", section_path=best.section_path
                )
            )

    def redo(self) -> None:
        for child in self._children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self._children):
            child.undo()
