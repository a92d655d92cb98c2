"""Undoable edits: each command changes the review (via the session) in ``forward``, reverts in ``backward``.

The window applies a command (:meth:`EditCommand.apply`) before pushing it, so an edit the store refuses
raises where it can be shown and never reaches the undo stack; the push then skips its first ``redo``.
Undo and redo go the same way (:meth:`EditCommand.revert` / ``apply`` first, then the stack moves and its
call is skipped): a refused undo leaves the stack where it was instead of raising inside Qt with the stack
already moved. Every command names the checklist item it changes (``item_id``), so undo can show that item.

Consecutive note edits to the same item merge into one command, so undo takes back a thought, not a
keystroke. Deleting evidence keeps the span so undo can put it back with its id (``restore_evidence``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.core.errors import ReviewDeskError
from desktop.core.review import STATUS_LABELS, EvidenceOrigin, EvidenceSpan, ReviewStatus
from desktop.core.suggestion import EvidenceCandidate
from desktop.ui.session import ReviewSession

NOTE_COMMAND_ID = 1001


class EditCommand(QUndoCommand):
    def __init__(self, text: str, item_id: str) -> None:
        super().__init__(text)
        self.item_id = item_id
        self._done = False  # the change was made by apply/revert; the stack's next redo/undo call skips it

    def apply(self) -> None:
        """Make the change now (raises ReviewDeskError if refused); the stack's next ``redo`` is skipped."""
        self.forward()
        self._done = True

    def revert(self) -> None:
        """Take the change back now (raises ReviewDeskError if refused); the next ``undo`` is skipped."""
        self.backward()
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.forward()

    def undo(self) -> None:
        if self._done:
            self._done = False
            return
        self.backward()

    def forward(self) -> None:
        raise NotImplementedError

    def backward(self) -> None:
        raise NotImplementedError


class SetStatusCommand(EditCommand):
    def __init__(self, session: ReviewSession, item_id: str, status: ReviewStatus) -> None:
        super().__init__(f"{item_id}: {STATUS_LABELS[status]}", item_id)
        self._session = session
        self._before, self._after = session.status(item_id), status

    def forward(self) -> None:
        self._session.set_status(self.item_id, self._after)

    def backward(self) -> None:
        self._session.set_status(self.item_id, self._before)


class SetNoteCommand(EditCommand):
    def __init__(self, session: ReviewSession, item_id: str, note: str) -> None:
        super().__init__(f"{item_id}: note", item_id)
        self._session = session
        self._before, self._after = session.note(item_id), note

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetNoteCommand) or other.item_id != self.item_id:
            return False
        self._after = other._after
        return True

    def forward(self) -> None:
        self._session.set_note(self.item_id, self._after)

    def backward(self) -> None:
        self._session.set_note(self.item_id, self._before)


class AddEvidenceCommand(EditCommand):
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
        super().__init__(f"{item_id}: add evidence", item_id)
        self._session, self._start, self._end = session, start, end
        self._origin, self._section_path = origin, section_path
        self._span: EvidenceSpan | None = None

    def forward(self) -> None:
        if self._span is None:
            self._span = self._session.add_evidence(
                self.item_id, self._start, self._end, origin=self._origin, section_path=self._section_path
            )
        else:  # redo after undo: bring back the same row, same id
            self._session.restore_evidence(self._span)

    def backward(self) -> None:
        if self._span is not None:
            self._span = self._session.delete_evidence(self._span.id)


class DeleteEvidenceCommand(EditCommand):
    def __init__(self, session: ReviewSession, evidence_id: int) -> None:
        span = session.evidence(evidence_id)
        super().__init__(f"{span.item_id}: delete evidence", span.item_id)
        self._session, self._span = session, span

    def forward(self) -> None:
        self._span = self._session.delete_evidence(self._span.id)

    def backward(self) -> None:
        self._session.restore_evidence(self._span)


class SetEvidenceNoteCommand(EditCommand):
    def __init__(self, session: ReviewSession, evidence_id: int, note: str) -> None:
        span = session.evidence(evidence_id)
        super().__init__(f"{span.item_id}: evidence note", span.item_id)
        self._session, self._id = session, evidence_id
        self._before, self._after = span.note, note

    def forward(self) -> None:
        self._session.set_evidence_note(self._id, self._after)

    def backward(self) -> None:
        self._session.set_evidence_note(self._id, self._before)


class AcceptSuggestionCommand(EditCommand):
    """One keystroke: take the suggested status and keep the best candidate as evidence."""

    def __init__(
        self,
        session: ReviewSession,
        item_id: str,
        status: ReviewStatus,
        best: EvidenceCandidate | None,
    ) -> None:
        super().__init__(f"{item_id}: accept suggestion", item_id)
        self._children: list[EditCommand] = [SetStatusCommand(session, item_id, status)]
        if best is not None:
            self._children.append(
                AddEvidenceCommand(
                    session, item_id, best.start, best.end, origin="suggested", section_path=best.section_path
                )
            )

    def forward(self) -> None:
        _all_or_none([(child.forward, child.backward) for child in self._children])

    def backward(self) -> None:
        _all_or_none([(child.backward, child.forward) for child in reversed(self._children)])


def _all_or_none(steps: list[tuple[Callable[[], None], Callable[[], None]]]) -> None:
    """Run ``(do, undo)`` steps in order; when the store refuses one, undo those done and re-raise, so a
    composite edit is made whole or not at all."""
    done: list[Callable[[], None]] = []
    try:
        for do, undo in steps:
            do()
            done.append(undo)
    except ReviewDeskError:
        for undo in reversed(done):
            undo()
        raise
