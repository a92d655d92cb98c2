"""``python -m desktop show REVIEW``: the checklist with suggested and final statuses, by chapter."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from desktop.cli.console import safe_console
from desktop.core.review import ReviewSnapshot, ReviewStatus
from desktop.export.rows import ItemRow, item_rows
from desktop.store import ReviewStore

NOT_SUGGESTED = "-"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "show",
        help="print a review's checklist with suggested and final statuses",
        description=(
            "Print the checklist of a review, grouped by chapter: each item's id, suggested status, "
            "final status, evidence count and title. The review is opened read-only."
        ),
    )
    parser.add_argument("review", metavar="REVIEW", type=Path, help="the review file")
    parser.add_argument("--notes", action="store_true", help="also print the reviewer's notes")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    safe_console()
    with ReviewStore.open(args.review, read_only=True) as store:
        snapshot = store.snapshot()
    print(render(snapshot, notes=args.notes), end="")
    return 0


def render(snapshot: ReviewSnapshot, *, notes: bool = False) -> str:
    """The review as plain text; identifiers and statuses are ASCII so the columns line up in any font."""
    rows = item_rows(snapshot)
    statuses = Counter(row.status for row in rows)
    reviewed = len(rows) - statuses["unreviewed"]
    policy, checklist = snapshot.policy, snapshot.checklist
    frameworks = ", ".join(name.upper() for name in snapshot.frameworks)
    lines = [
        f"{policy.source_name} ({policy.source_format}, {len(policy.text):,} characters)",
        f"Reviewer: {snapshot.reviewer or '-'}   Frameworks: {frameworks}"
        f"   Checklist: {checklist.id} {checklist.version}",
        f"Reviewed {reviewed} of {len(rows)} items: "
        + ", ".join(f"{status} {statuses[status]}" for status in _STATUS_ORDER),
    ]
    width = max((len(row.item.id) for row in rows), default=2)
    chapter = None
    for row in rows:
        if row.chapter_title != chapter:
            chapter = row.chapter_title
            lines += ["", chapter, f"  {'ID':<{width}}  {'SUGGESTED':<10} {'FINAL':<15} {'EV':>3}  TITLE"]
        lines.append(_line(row, width))
        if notes and row.decision.note:
            lines.extend(f"  {'':<{width}}  note: {text}" for text in row.decision.note.splitlines())
    return "\n".join(lines) + "\n"


_STATUS_ORDER: tuple[ReviewStatus, ...] = ("addressed", "partial", "missing", "not_applicable", "unreviewed")


def _line(row: ItemRow, width: int) -> str:
    suggested = row.suggestion.status if row.suggestion else NOT_SUGGESTED
    status, count = row.status, row.evidence_count
    return f"  {row.item.id:<{width}}  {suggested:<10} {status:<15} {count:>3}  {row.item.title}"
