"""``python -m desktop prefill POLICY -o REVIEW``: create a review file with prefill suggestions."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import get_args

from desktop.cli.console import safe_console
from desktop.core.checklist import Checklist, load_checklist
from desktop.core.review import Framework
from desktop.store import REVIEW_FILE_SUFFIX, ReviewStore
from desktop.workflow import create_review, default_reviewer

FRAMEWORKS: tuple[Framework, ...] = get_args(Framework)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "prefill",
        help="create a review of a policy, with suggested statuses",
        description=(
            "Read a privacy policy (.txt, .md, .html, .docx or .pdf), check it against the PIPL / GDPR "
            "checklist and write a review file in which every item is unreviewed but carries a suggestion."
        ),
    )
    parser.add_argument("policy", metavar="POLICY", type=Path, help="the privacy policy file")
    parser.add_argument(
        "-o",
        "--output",
        metavar="REVIEW",
        type=Path,
        help=f"the review file to write (default: POLICY's name with {REVIEW_FILE_SUFFIX}, beside it)",
    )
    parser.add_argument(
        "--frameworks",
        type=frameworks_argument,
        default=FRAMEWORKS,
        metavar="LIST",
        help=f"comma-separated frameworks to review against (default: {','.join(FRAMEWORKS)})",
    )
    parser.add_argument(
        "--reviewer", metavar="NAME", default=None, help="who is reviewing (default: your user name)"
    )
    parser.add_argument(
        "--checklist", metavar="FILE", type=Path, help="a checklist YAML file (default: the shipped one)"
    )
    parser.add_argument("--force", action="store_true", help="replace REVIEW if it already exists")
    parser.set_defaults(handler=run)


def frameworks_argument(text: str) -> tuple[Framework, ...]:
    names = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in names if name not in FRAMEWORKS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"{text!r}: choose from {', '.join(FRAMEWORKS)}, separated by commas"
        )
    return tuple(name for name in FRAMEWORKS if name in names)


def run(args: argparse.Namespace) -> int:
    safe_console()
    policy: Path = args.policy
    target: Path = args.output or policy.with_name(policy.stem + REVIEW_FILE_SUFFIX)
    checklist: Checklist | None = load_checklist(args.checklist) if args.checklist else None
    create_review(
        policy,
        target,
        frameworks=args.frameworks,
        reviewer=args.reviewer if args.reviewer is not None else default_reviewer(),
        checklist=checklist,
        overwrite=args.force,
    )
    with ReviewStore.open(target, read_only=True) as store:
        snapshot = store.snapshot()
    suggested = Counter(suggestion.status for suggestion in snapshot.suggestions.values())
    count = len(snapshot.decisions)
    print(
        f"Wrote {target}: {count} items ({', '.join(f.upper() for f in args.frameworks)}); suggested "
        f"addressed {suggested['addressed']}, partial {suggested['partial']}, "
        f"not found {suggested['not_found']}."
    )
    return 0
