"""Errors a reviewer can cause while editing an open review (file errors are in desktop.core.errors)."""

from __future__ import annotations

from desktop.core.errors import ReviewDeskError, ReviewFileError


class ReviewReadOnlyError(ReviewFileError):
    """The review cannot be changed: it was opened read-only, or the file/folder is not writable."""

    title = "The review is read-only"


class ReviewEditError(ReviewDeskError):
    """A change that does not fit this review (unknown item or span, bad status, span outside the text)."""

    title = "Cannot make that change"


class UnknownItemError(ReviewEditError):
    """The item id is not one of the items this review walks."""


class UnknownEvidenceError(ReviewEditError):
    """No evidence span with that id exists in this review."""


class InvalidStatusError(ReviewEditError):
    """The status is not one of the reviewer statuses."""


class InvalidSpanError(ReviewEditError):
    """The span's offsets fall outside the policy text, or its quote does not match the text."""
