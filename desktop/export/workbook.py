"""Build the audit workbook from a review snapshot and save it atomically."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook

from desktop.core.review import ReviewSnapshot
from desktop.core.segments import Segmentation
from desktop.export.atomic import save_atomically
from desktop.export.audit_sheet import write_audit
from desktop.export.cells import xml_safe
from desktop.export.checklist_sheet import write_checklist
from desktop.export.evidence_sheet import write_evidence
from desktop.export.options import ExportOptions
from desktop.export.policy_sheet import write_policy
from desktop.export.rows import item_rows
from desktop.export.summary import write_summary


def build_workbook(
    snapshot: ReviewSnapshot,
    options: ExportOptions | None = None,
    *,
    segmentation: Segmentation | None = None,
) -> Workbook:
    """The workbook in memory: Summary, Checklist, Evidence, then the optional Policy and Audit log.

    ``segmentation`` saves segmenting the policy again when the caller already has it.
    """
    options = options or ExportOptions()
    rows = item_rows(snapshot)
    workbook = Workbook()
    exported_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    write_summary(workbook.active, snapshot, rows, exported_at)
    write_checklist(workbook.create_sheet("Checklist"), rows, include_suggestions=options.include_suggestions)
    write_evidence(workbook.create_sheet("Evidence"), snapshot, rows)
    if options.include_policy_text:
        if segmentation is None:
            from desktop.core.segment import segment

            segmentation = segment(snapshot.policy)
        write_policy(workbook.create_sheet("Policy"), snapshot.policy, segmentation)
    if options.include_audit_log:
        write_audit(workbook.create_sheet("Audit log"), snapshot.audit)
    # Untrusted text like every cell's: a control character in a file or reviewer name would break the XML.
    workbook.properties.title = xml_safe(f"Privacy review: {snapshot.policy.source_name}")
    workbook.properties.creator = xml_safe(snapshot.reviewer) or "Privacy Review Desk"
    return workbook


def write_workbook(
    snapshot: ReviewSnapshot,
    target: Path,
    options: ExportOptions | None = None,
    *,
    segmentation: Segmentation | None = None,
) -> Path:
    """Write the audit workbook to ``target`` (replacing it atomically) and return ``target``.

    Raises :class:`desktop.core.errors.ExportError` when it cannot be written; an old file is kept.
    """
    target = Path(target)
    save_atomically(build_workbook(snapshot, options, segmentation=segmentation), target)
    return target
