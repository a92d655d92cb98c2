"""The open review as the window sees it: the store plus an in-memory view of it, and change signals.

Every edit goes to the review file first (one small transaction in the store), then updates the in-memory
state and emits a signal that the models listen to. So what the screen shows is what is on disk, and killing
the app loses at most the edit in flight. Undo commands call these same methods.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.checklist import Checklist, ChecklistItem
from desktop.core.document import Policy
from desktop.core.review import (
    Decision,
    EvidenceOrigin,
    EvidenceSpan,
    Framework,
    ReviewSnapshot,
    ReviewStatus,
)
from desktop.core.segment import segment
from desktop.core.segments import Segmentation
from desktop.core.suggestion import Suggestion
from desktop.store import ReviewStore


class ReviewSession(QObject):
    """One open review file. ``decision_changed`` / ``evidence_changed`` carry the item id."""

    decision_changed = Signal(str)
    evidence_changed = Signal(str)

    def __init__(
        self, store: ReviewStore, *, reviewer: str, read_only: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.read_only = read_only
        self.reviewer = reviewer
        snapshot = store.snapshot()
        self.segmentation: Segmentation = segment(snapshot.policy)
        self.path = Path(snapshot.path)
        self.policy: Policy = snapshot.policy
        self.checklist: Checklist = snapshot.checklist
        self.frameworks: tuple[Framework, ...] = snapshot.frameworks
        self.suggestions: Mapping[str, Suggestion] = snapshot.suggestions
        self.items: tuple[ChecklistItem, ...] = store.items()
        self._items_by_id = {item.id: item for item in self.items}
        self._decisions: dict[str, Decision] = dict(snapshot.decisions)
        self._evidence: dict[int, EvidenceSpan] = {span.id: span for span in snapshot.evidence}

    @classmethod
    def open(cls, path: Path, *, reviewer: str, read_only: bool = False) -> ReviewSession:
        """Raises ReviewFileError (corrupt, foreign) or ReviewLockedError (open in another window)."""
        store = ReviewStore.open(path, read_only=read_only)
        try:
            return cls(store, reviewer=reviewer or store.reviewer, read_only=read_only)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self._store.close()

    def snapshot(self) -> ReviewSnapshot:
        """Everything in the file now (for export)."""
        return self._store.snapshot()

    # -- reading --------------------------------------------------------------------------------------
    def item(self, item_id: str) -> ChecklistItem:
        return self._items_by_id[item_id]

    def status(self, item_id: str) -> ReviewStatus:
        decision = self._decisions.get(item_id)
        return decision.status if decision else "unreviewed"

    def note(self, item_id: str) -> str:
        decision = self._decisions.get(item_id)
        return decision.note if decision else ""

    def evidence_for(self, item_id: str) -> list[EvidenceSpan]:
        return sorted(
            (span for span in self._evidence.values() if span.item_id == item_id),
            key=lambda span: (span.start, span.end, span.id),
        )

    def all_evidence(self) -> list[EvidenceSpan]:
        return sorted(self._evidence.values(), key=lambda span: (span.start, span.end, span.id))

    def evidence(self, evidence_id: int) -> EvidenceSpan:
        return self._evidence[evidence_id]

    def ui_state(self) -> dict[str, str]:
        return dict(self._store.get_ui_state())

    def section_path_at(self, offset: int) -> tuple[str, ...]:
        """The headings above ``offset``, outermost first (stored with manual evidence)."""
        starts = [paragraph.start for paragraph in self.segmentation.paragraphs]
        index = bisect_right(starts, offset) - 1
        return self.segmentation.paragraphs[index].section_path if index >= 0 else ()

    def save_copy(self, target: Path) -> None:
        """A consistent copy of the review file at ``target`` (the store writes it atomically)."""
        self._store.save_copy(target)

    # -- editing (store first, then memory, then signal) -----------------------------------------------
    def set_status(self, item_id: str, status: ReviewStatus) -> None:
        self._decisions[item_id] = self._store.set_status(item_id, status, reviewer=self.reviewer)
        self.decision_changed.emit(item_id)

    def set_note(self, item_id: str, note: str) -> None:
        self._decisions[item_id] = self._store.set_note(item_id, note, reviewer=self.reviewer)
        self.decision_changed.emit(item_id)

    def add_evidence(
        self,
        item_id: str,
        start: int,
        end: int,
        *,
        origin: EvidenceOrigin,
        section_path: tuple[str, ...] | None = None,
    ) -> EvidenceSpan:
        """Keep ``text[start:end]``; without a section path (a manual selection) the segmentation gives it."""
        section = self.section_path_at(start) if section_path is None else section_path
        span = self._store.add_evidence(
            item_id, start, end, origin=origin, section_path=section, reviewer=self.reviewer
        )
        self._evidence[span.id] = span
        self.evidence_changed.emit(item_id)
        return span

    def set_evidence_note(self, evidence_id: int, note: str) -> None:
        span = self._store.set_evidence_note(evidence_id, note, reviewer=self.reviewer)
        self._evidence[span.id] = span
        self.evidence_changed.emit(span.item_id)

    def delete_evidence(self, evidence_id: int) -> EvidenceSpan:
        span = self._store.delete_evidence(evidence_id, reviewer=self.reviewer)
        self._evidence.pop(evidence_id, None)
        self.evidence_changed.emit(span.item_id)
        return span

    def restore_evidence(self, span: EvidenceSpan) -> None:
        restored = self._store.restore_evidence(span, reviewer=self.reviewer)
        self._evidence[restored.id] = restored
        self.evidence_changed.emit(restored.item_id)

    def set_ui_state(self, key: str, value: str) -> None:
        if not self.read_only:
            self._store.set_ui_state(key, value)
