"""Entry point: ``python -m desktop [POLICY|REVIEW]`` opens the app; a sub-command runs the CLI."""

from __future__ import annotations

import sys

from desktop.cli import COMMANDS


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--self-test"]:
        from desktop.selftest import run_self_test

        return run_self_test()
    if args and args[0] in COMMANDS:
        from desktop.cli import run_cli

        return run_cli(args)
    from desktop.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
