"""The single-writer lock: one window (in any process) may have a review open for writing.

Why a lock file held with an OS lock, and not SQLite's ``locking_mode=EXCLUSIVE``: an exclusive SQLite
lock also shuts out readers, so "open read-only" and ``show``/``export`` from the CLI would fail while a
window edits the review. Why not a PID file: a crashed process leaves it behind and a stale-lock guess is
needed. ``fcntl.flock`` (POSIX) and ``msvcrt.locking`` (Windows) locks belong to the open file, so the OS
drops them when the process dies, however it dies; the next open simply succeeds.

The lock file sits beside the review (``<name>.lock``) and is removed on a clean close. On POSIX the
remover unlinks it while still holding the lock, so a waiter that locked the old, unlinked file notices
(its inode no longer matches the path) and tries again on the new one.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from desktop.core.errors import ReviewLockedError
from desktop.store.errors import ReviewReadOnlyError

LOCK_SUFFIX = ".lock"
_ATTEMPTS = 5  # only a close racing with our open makes us retry; more than a few means something is off


def lock_path_for(review_path: Path) -> Path:
    """``/x/review.prdreview`` -> ``/x/review.prdreview.lock`` (resolved, so two spellings share a lock)."""
    resolved = review_path.resolve()
    return resolved.with_name(resolved.name + LOCK_SUFFIX)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _still_at_path(fd: int, path: Path) -> bool:
    """False when the file we locked was unlinked (or replaced) by a closing holder meanwhile."""
    if sys.platform == "win32":  # Windows cannot unlink a file another handle has open
        return True
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class WriterLock:
    """An acquired writer lock on one review file; :meth:`release` it exactly once."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, review_path: Path) -> WriterLock:
        """Raise ReviewLockedError if another window holds it, ReviewReadOnlyError on a read-only folder."""
        path = lock_path_for(review_path)
        for _ in range(_ATTEMPTS):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except PermissionError as exc:
                raise ReviewReadOnlyError(
                    f"The folder of {review_path.name} is read-only, so the review can only be opened "
                    "read-only."
                ) from exc
            except OSError as exc:
                raise ReviewReadOnlyError(
                    f"Cannot write next to {review_path.name} ({exc.strerror}); open it read-only."
                ) from exc
            if not _try_lock(fd):
                os.close(fd)
                raise ReviewLockedError(
                    f"{review_path.name} is already open in another window. Close it there, or open it "
                    "read-only."
                )
            if _still_at_path(fd, path):
                return cls(path, fd)
            os.close(fd)
        raise ReviewLockedError(
            f"{review_path.name} is being opened and closed by another window; try again."
        )

    def release(self) -> None:
        """Unlock and remove the lock file (best effort: a leftover lock file is harmless, never stale)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform == "win32":
            os.close(fd)  # closing the handle drops the lock
            with contextlib.suppress(OSError):
                self.path.unlink()
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(fd)
