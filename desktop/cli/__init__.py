"""The command line: ``prefill``, ``export``, ``show`` and ``eval`` over the same engine the app uses.

Each command is a module here with ``register(subparsers)``, which adds its parser and sets
``handler`` to a function ``(argparse.Namespace) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop.core.errors import ReviewDeskError

COMMANDS = ("prefill", "export", "show", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m desktop",
        description="Privacy Review Desk: review privacy policies against a PIPL / GDPR checklist.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"desktop.cli.{name}_cmd").register(subparsers)
    return parser


def run_cli(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.handler(args)
    except ReviewDeskError as error:
        print(f"error: {error.title}: {error.detail}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return result
