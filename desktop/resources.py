"""One lookup for bundled files (checklists, samples, icons) that works from source and frozen builds."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def _root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(relative: str) -> Path:
    """The absolute path of ``relative`` (e.g. ``"resources/samples/x.txt"``) inside the app.

    Rejects absolute paths and ``..`` so that a name from a settings file cannot escape the bundle.
    """
    parts = PurePosixPath(relative)
    if parts.is_absolute() or ".." in parts.parts:
        raise ValueError(f"not a resource name: {relative!r}")
    return _root().joinpath(*parts.parts)
