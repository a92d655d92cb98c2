"""The review file: one SQLite database per review, opened by one writer at a time."""

from desktop.store.errors import (
    InvalidSpanError,
    InvalidStatusError,
    ReviewEditError,
    ReviewReadOnlyError,
    UnknownEvidenceError,
    UnknownItemError,
)
from desktop.store.files import REVIEW_FILE_SUFFIX
from desktop.store.review_store import ReviewStore

__all__ = [
    "REVIEW_FILE_SUFFIX",
    "InvalidSpanError",
    "InvalidStatusError",
    "ReviewEditError",
    "ReviewReadOnlyError",
    "ReviewStore",
    "UnknownEvidenceError",
    "UnknownItemError",
]
