"""``python -m desktop export REVIEW -o BOOK.xlsx``: write the Excel audit workbook of a review."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.console import safe_console
from desktop.export import ExportOptions, write_workbook
from desktop.store import ReviewStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the Excel audit workbook of a review",
        description=(
            "Write an Excel workbook with the review's summary, checklist, evidence, policy text and "
            "audit log. The review is opened read-only, so this works while the app has it open."
        ),
    )
    parser.add_argument("review", metavar="REVIEW", type=Path, help="the review file")
    parser.add_argument(
        "-o",
        "--output",
        metavar="BOOK.xlsx",
        type=Path,
        help="the workbook to write, replaced if it exists (default: REVIEW's name with .xlsx)",
    )
    parser.add_argument("--no-suggestions", action="store_true", help="leave out the prefill suggestions")
    parser.add_argument("--no-policy-text", action="store_true", help="leave out the Policy sheet")
    parser.add_argument("--no-audit-log", action="store_true", help="leave out the Audit log sheet")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    safe_console()
    review: Path = args.review
    target: Path = args.output or review.with_suffix(".xlsx")
    options = ExportOptions(
        include_suggestions=not args.no_suggestions,
        include_policy_text=not args.no_policy_text,
        include_audit_log=not args.no_audit_log,
    )
    with ReviewStore.open(review, read_only=True) as store:
        snapshot = store.snapshot()
    write_workbook(snapshot, target, options)
    print(f"Wrote {target}")
    return 0
