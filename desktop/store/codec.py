"""Rows <-> the shared engine types. JSON columns hold tuples as lists; nothing here touches the database."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, cast

from desktop.core.document import Block, Policy
from desktop.core.review import AuditEntry, Decision, EvidenceSpan
from desktop.core.suggestion import EvidenceCandidate, Suggestion

Row = Mapping[str, Any]


def dumps(value: object) -> str:
    """Compact, stable JSON that keeps Chinese readable in the file (and in any SQLite browser)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _strings(raw: str) -> tuple[str, ...]:
    return tuple(str(part) for part in json.loads(raw))


def policy_row(policy: Policy) -> dict[str, Any]:
    blocks = [{"start": b.start, "end": b.end, "kind": b.kind, "level": b.level} for b in policy.blocks]
    return {
        "id": 1,
        "source_name": policy.source_name,
        "source_format": policy.source_format,
        "sha256": policy.sha256,
        "encoding": policy.encoding,
        "language": policy.language,
        "text": policy.text,
        "blocks": dumps(blocks),
    }


def policy_from_row(row: Row) -> Policy:
    blocks = tuple(
        Block(start=int(b["start"]), end=int(b["end"]), kind=b["kind"], level=b["level"])
        for b in json.loads(row["blocks"])
    )
    return Policy(
        text=row["text"],
        source_name=row["source_name"],
        source_format=row["source_format"],
        sha256=row["sha256"],
        language=row["language"],
        encoding=row["encoding"],
        blocks=blocks,
    )


def suggestion_row(suggestion: Suggestion) -> dict[str, Any]:
    candidates = [
        {
            "start": c.start,
            "end": c.end,
            "score": c.score,
            "section_path": list(c.section_path),
            "matched_terms": list(c.matched_terms),
        }
        for c in suggestion.evidence
    ]
    return {
        "item_id": suggestion.item_id,
        "status": suggestion.status,
        "confidence": suggestion.confidence,
        "evidence": dumps(candidates),
        "explanation": dumps(list(suggestion.explanation)),
        "red_flags": dumps(list(suggestion.red_flags)),
    }


def suggestion_from_row(row: Row) -> Suggestion:
    candidates = tuple(
        EvidenceCandidate(
            start=int(c["start"]),
            end=int(c["end"]),
            score=float(c["score"]),
            section_path=tuple(c["section_path"]),
            matched_terms=tuple(c["matched_terms"]),
        )
        for c in json.loads(row["evidence"])
    )
    return Suggestion(
        item_id=row["item_id"],
        status=row["status"],
        confidence=float(row["confidence"]),
        evidence=candidates,
        explanation=_strings(row["explanation"]),
        red_flags=_strings(row["red_flags"]),
    )


def decision_from_row(row: Row) -> Decision:
    return Decision(
        item_id=row["item_id"],
        status=row["status"],
        note=row["note"],
        reviewer=row["reviewer"],
        updated_at=row["updated_at"],
    )


def decision_detail(decision: Decision) -> dict[str, str]:
    """The part of a decision the audit log records as before/after."""
    return {"status": decision.status, "note": decision.note}


def evidence_row(span: EvidenceSpan) -> dict[str, Any]:
    return {
        "id": span.id,
        "item_id": span.item_id,
        "start": span.start,
        "end": span.end,
        "quote": span.quote,
        "note": span.note,
        "origin": span.origin,
        "section_path": dumps(list(span.section_path)),
        "created_at": span.created_at,
    }


def evidence_from_row(row: Row) -> EvidenceSpan:
    return EvidenceSpan(
        id=int(row["id"]),
        item_id=row["item_id"],
        start=int(row["start"]),
        end=int(row["end"]),
        quote=row["quote"],
        note=row["note"],
        origin=row["origin"],
        section_path=_strings(row["section_path"]),
        created_at=row["created_at"],
    )


def evidence_detail(span: EvidenceSpan) -> dict[str, Any]:
    """A span as the audit log records it: enough to see (and re-create) exactly what was marked."""
    detail = evidence_row(span)
    detail["section_path"] = list(span.section_path)
    return detail


def audit_from_row(row: Row) -> AuditEntry:
    return AuditEntry(
        id=int(row["id"]),
        at=row["at"],
        reviewer=row["reviewer"],
        action=row["action"],
        item_id=cast("str | None", row["item_id"]),
        detail=row["detail"],
    )
