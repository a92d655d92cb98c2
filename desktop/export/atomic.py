"""Save a workbook so that a reader sees the old file or the new one, never half of one.

The workbook is written to a temporary file in the target's folder and renamed over the target. On
Windows the rename fails while Excel has the old file open; that and a read-only folder become an
:class:`ExportError` a reviewer can act on, and the old file stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from desktop.core.errors import ExportError


def save_atomically(workbook: Workbook, target: Path) -> None:
    folder = target.parent
    if target.is_dir():
        raise ExportError(f"{target} is a folder; choose a file name ending in .xlsx.")
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".~{target.stem}.", suffix=".xlsx.tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"Cannot write in {folder} ({_reason(exc)}); choose another folder.") from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            os.chmod(temp, _FILE_MODE)  # mkstemp makes it private; a workbook is an ordinary document
            workbook.save(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, target)
    except PermissionError as exc:
        raise ExportError(
            f"Cannot replace {target.name}: it is open in another program (close it in Excel) "
            f"or the folder is read-only ({_reason(exc)})."
        ) from exc
    except OSError as exc:
        raise ExportError(f"Cannot write {target.name} ({_reason(exc)}).") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()
"""Read once at import (``os.umask`` can only be read by setting it, which is not thread-safe later)."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
