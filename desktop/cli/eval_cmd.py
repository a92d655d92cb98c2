"""``python -m desktop eval PATH...``: score the prefill heuristics against gold-labelled policies."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.cli.console import safe_console
from desktop.core.errors import GoldFileError
from desktop.eval.gold import find_gold_files
from desktop.eval.report import render_text, report_json
from desktop.eval.run import evaluate

NO_GOLD = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the prefill against gold labels",
        description=(
            "Load each gold file's policy, run the prefill on it and print detection, status and evidence "
            "scores overall, per split, per language and per chapter, then the gold errors and the misses. "
            "The last line is the summary."
        ),
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        type=Path,
        nargs="+",
        help="a gold file, or a folder searched for *.gold.json",
    )
    parser.add_argument("--json", metavar="OUT", type=Path, help="also write the report as JSON to OUT")
    parser.add_argument(
        "--split",
        choices=("all", "tune", "holdout"),
        default="all",
        help="score only the tuning two thirds or the held-out third of the policies (default: all)",
    )
    parser.add_argument(
        "--misses", metavar="N", type=int, default=20, help="list at most N misses (default: 20)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    safe_console()
    try:
        gold_paths = find_gold_files(args.paths)
    except GoldFileError as exc:
        print(f"error: {exc.detail}", file=sys.stderr)
        return NO_GOLD
    if not gold_paths:
        print("error: no *.gold.json files found in " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return NO_GOLD
    result = evaluate(gold_paths, split=args.split)
    if args.json is not None:
        data = json.dumps(report_json(result), ensure_ascii=False, indent=1)
        try:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(data + "\n", encoding="utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.json}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    print(render_text(result, misses=max(args.misses, 0)))
    return 0
