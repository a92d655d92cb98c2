"""One exception hierarchy for everything a reviewer can cause or fix.

Every error the engine raises on purpose is a :class:`ReviewDeskError` with a short ``title`` and a
``detail`` sentence written for a reviewer, not a programmer. Anything else that escapes is a bug.
"""

from __future__ import annotations


class ReviewDeskError(Exception):
    """An expected failure: bad input or an environment problem, never a bug."""

    title = "Something went wrong"

    def __init__(self, detail: str, *, title: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.detail


class PolicyLoadError(ReviewDeskError):
    """A policy file (or pasted text) could not be turned into text."""

    title = "Cannot read the policy"


class ChecklistError(ReviewDeskError):
    """A checklist file is malformed; the message names the file, the item and the field."""

    title = "The checklist is not valid"

    def __init__(self, detail: str, *, path: str = "", item: str = "", field: str = "") -> None:
        where = ", ".join(part for part in (path, f"item {item}" if item else "", field) if part)
        super().__init__(f"{where}: {detail}" if where else detail)
        self.path, self.item, self.field = path, item, field


class ReviewFileError(ReviewDeskError):
    """A review file is corrupt, foreign, too new, or in use by another window."""

    title = "Cannot open the review"


class ReviewLockedError(ReviewFileError):
    """Another window or process has the review file open for writing."""

    title = "The review is already open"


class ExportError(ReviewDeskError):
    """The workbook could not be written; the previous file, if any, is untouched."""

    title = "Cannot export the workbook"


class GoldFileError(ReviewDeskError):
    """A gold-label file is malformed or points at a policy that does not exist."""

    title = "The gold file is not valid"
