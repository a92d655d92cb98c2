"""Printing from the commands: whatever the console's encoding, Chinese text never crashes the output."""

from __future__ import annotations

import io
import sys


def safe_console() -> None:
    """Make stdout and stderr replace characters the console's encoding cannot show (e.g. cp1252)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
