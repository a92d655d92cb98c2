"""Creating a review: load, segment, prefill, store. The one path the command line and the window share.

Progress goes to an optional callback as ``(stage label, fraction done)``, so the window can show a
progress bar and the command line can stay quiet; the callback is called from the working thread.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from pathlib import Path

from desktop.core.checklist import Checklist, default_checklist
from desktop.core.document import Policy
from desktop.core.loading import load_policy
from desktop.core.prefill import prefill
from desktop.core.review import Framework
from desktop.core.segment import segment
from desktop.store import ReviewStore

Progress = Callable[[str, float], None]


def default_reviewer() -> str:
    """The login name: who is reviewing when nobody said otherwise (the command line's default, the window's
    first suggestion)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment or the password database
        return "reviewer"


def create_review(
    source: Path | Policy,
    target: Path,
    *,
    frameworks: tuple[Framework, ...],
    reviewer: str,
    checklist: Checklist | None = None,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a new review of ``source`` (a policy file, or an already loaded policy) to ``target``.

    Every item of ``frameworks`` gets a prefill suggestion and starts ``unreviewed``. Raises a
    :class:`desktop.core.errors.ReviewDeskError` subclass for anything a reviewer can fix: an unreadable
    policy, a bad checklist, an existing target (unless ``overwrite``), an unwritable folder.
    """
    report = progress or _quiet
    if isinstance(source, Policy):
        policy = source
    else:
        report("Reading the policy", 0.0)
        policy = load_policy(source)
    chosen = checklist if checklist is not None else default_checklist()
    report("Finding headings, paragraphs and sentences", 0.3)
    segmentation = segment(policy)
    report("Checking the policy against the checklist", 0.5)
    suggestions = prefill(policy, chosen, frameworks, segmentation=segmentation)
    report("Saving the review", 0.8)
    target = Path(target)
    ReviewStore.create(
        target,
        policy=policy,
        checklist=chosen,
        frameworks=frameworks,
        suggestions=suggestions,
        reviewer=reviewer,
        overwrite=overwrite,
    ).close()
    report("Done", 1.0)
    return target


def _quiet(_stage: str, _fraction: float) -> None:
    """The progress callback when nobody is watching."""
