"""What a reviewer can switch on or off when exporting; the export dialog makes a check box per field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Parts of the workbook that are optional.

    Suggestions can be left out when the workbook goes to someone who should see only the reviewer's
    findings; the policy text and the audit log are the bulky sheets a quick summary does without.
    """

    include_suggestions: bool = True
    include_policy_text: bool = True
    include_audit_log: bool = True
