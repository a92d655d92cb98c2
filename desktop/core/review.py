"""The reviewer's side of a review: decisions, evidence spans, the audit log, and a whole-review snapshot."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from desktop.core.checklist import Checklist
    from desktop.core.document import Policy
    from desktop.core.suggestion import Suggestion

ReviewStatus = Literal["unreviewed", "addressed", "partial", "missing", "not_applicable"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = (
    "unreviewed",
    "addressed",
    "partial",
    "missing",
    "not_applicable",
)
STATUS_LABELS: dict[ReviewStatus, str] = {
    "unreviewed": "Unreviewed",
    "addressed": "Addressed",
    "partial": "Partial",
    "missing": "Missing",
    "not_applicable": "Not applicable",
}
"""How a status reads wherever a reviewer sees it: the app, the terminal and the workbook."""
Framework = Literal["pipl", "gdpr"]
EvidenceOrigin = Literal["suggested", "manual"]


@dataclass(frozen=True, slots=True)
class Decision:
    item_id: str
    status: ReviewStatus
    note: str
    reviewer: str
    updated_at: str  # ISO 8601, UTC


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    id: int
    item_id: str
    start: int
    end: int
    quote: str
    note: str
    origin: EvidenceOrigin
    section_path: tuple[str, ...]
    created_at: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    reviewer: str
    action: str  # e.g. "status", "note", "evidence.add", "evidence.delete"
    item_id: str | None
    detail: str  # JSON: before / after


@dataclass(frozen=True, slots=True)
class ReviewSnapshot:
    """Everything in one review file, read at one moment: what export and ``show`` work from."""

    path: str
    policy: Policy
    checklist: Checklist
    frameworks: tuple[Framework, ...]
    reviewer: str
    created_at: str
    updated_at: str
    suggestions: Mapping[str, Suggestion]
    decisions: Mapping[str, Decision]
    evidence: tuple[EvidenceSpan, ...]
    audit: tuple[AuditEntry, ...]
