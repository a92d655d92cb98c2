"""A review flattened to one row per checklist item, and status counts over those rows.

Both the workbook and ``python -m desktop show`` read a review this way, so they always agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from desktop.core.checklist import ChecklistItem
from desktop.core.review import REVIEW_STATUSES, Decision, ReviewSnapshot, ReviewStatus
from desktop.core.suggestion import Suggestion


@dataclass(frozen=True, slots=True)
class ItemRow:
    item: ChecklistItem
    chapter_title: str
    suggestion: Suggestion | None
    decision: Decision
    evidence_count: int

    @property
    def status(self) -> ReviewStatus:
        return self.decision.status


def item_rows(snapshot: ReviewSnapshot) -> tuple[ItemRow, ...]:
    """The review's items in checklist order; an item without a stored decision counts as unreviewed."""
    evidence = Counter(span.item_id for span in snapshot.evidence)
    rows = []
    for item in snapshot.checklist.items_for(snapshot.frameworks):
        decision = snapshot.decisions.get(item.id) or Decision(item.id, "unreviewed", "", "", "")
        rows.append(
            ItemRow(
                item=item,
                chapter_title=snapshot.checklist.chapter_title(item.chapter),
                suggestion=snapshot.suggestions.get(item.id),
                decision=decision,
                evidence_count=evidence[item.id],
            )
        )
    return tuple(rows)


def count_by(rows: Iterable[ItemRow], key: Callable[[ItemRow], str]) -> dict[str, Counter[ReviewStatus]]:
    """Status counts per group, groups in order of first appearance (checklist order for chapters)."""
    counts: dict[str, Counter[ReviewStatus]] = {}
    for row in rows:
        counts.setdefault(key(row), Counter({status: 0 for status in REVIEW_STATUSES}))[row.status] += 1
    return counts
