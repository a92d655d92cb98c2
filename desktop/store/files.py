"""Opening a file that claims to be a review: recognise it, refuse it clearly, or bring its schema up to date.

Every refusal happens before anything is written, so a file we turn away is left byte-for-byte as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.core.errors import ReviewFileError
from desktop.store.schema import APPLICATION_ID, SCHEMA_VERSION

REVIEW_FILE_SUFFIX = ".prdreview"
_SQLITE_HEADER = b"SQLite format 3\x00"


def check_candidate(path: Path) -> None:
    """Refuse what cannot be a review before SQLite sees it (SQLite would happily "open" an empty file)."""
    if not path.exists():
        raise ReviewFileError(f"{path.name} does not exist (was it moved or renamed?).")
    if not path.is_file():
        raise ReviewFileError(f"{path.name} is a folder, not a review file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise ReviewFileError(f"{path.name} cannot be read ({exc.strerror}).") from exc
    if not header:
        raise ReviewFileError(f"{path.name} is empty: it is not a review file.")
    if header != _SQLITE_HEADER:
        raise ReviewFileError(f"{path.name} is not a review file (it is not an SQLite database).")


def connect(path: Path, *, read_only: bool) -> Database:
    """A connection that never creates the file; read-only connections cannot write to it at all.

    ``check_same_thread=False`` lets the GUI hand the store to its single DB worker thread; the store is
    still used from one thread at a time.
    """
    uri = f"{_sqlite_uri(path)}?mode={'ro' if read_only else 'rw'}"
    return Database(sqlite3.connect(uri, uri=True, check_same_thread=False), execute_plugins=False)


def _sqlite_uri(path: Path) -> str:
    """An SQLite URI with an empty authority, so Windows UNC shares work (``Path.as_uri`` would put the
    server in the authority, which SQLite rejects): ``/a`` -> ``file:///a``, ``C:/a`` -> ``file:///C:/a``,
    ``//server/share/a`` -> ``file:////server/share/a``; ``?``, ``#``, ``%`` and non-ASCII are escaped."""
    posix = path.resolve().as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix
    return "file://" + quote(posix, safe="/:")


def check_identity(db: Database, path: Path) -> None:
    """Refuse foreign, too-new and damaged files; only reads (quick_check may roll back a hot journal)."""
    try:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.OperationalError as exc:
        if path.with_name(path.name + "-journal").exists():
            # A crash mid-save left a hot journal; only a writable open may roll it back.
            raise ReviewFileError(
                f"{path.name} was being saved when the app stopped. Open it for editing once (not "
                "read-only) so the unfinished change is undone."
            ) from exc
        raise ReviewFileError(f"{path.name} cannot be read ({exc}).") from exc
    except sqlite3.DatabaseError as exc:
        raise ReviewFileError(f"{path.name} is not a review file or is damaged ({exc}).") from exc
    if application_id != APPLICATION_ID:
        raise ReviewFileError(
            f"{path.name} is an SQLite database of another application, not a Privacy Review Desk review."
        )
    if version > SCHEMA_VERSION:
        raise ReviewFileError(
            f"{path.name} was saved by a newer version of Privacy Review Desk (file format {version}; this "
            f"version reads up to {SCHEMA_VERSION}). Install the newer version to open it.",
            title="The review is from a newer version",
        )
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        raise ReviewFileError(f"{path.name} is damaged and cannot be opened ({exc}).") from exc
    if problems != ["ok"]:
        raise ReviewFileError(f"{path.name} is damaged and cannot be opened ({problems[0]}).")


def backup_path_for(path: Path, version: int) -> Path:
    """``review.prdreview`` at format 1 -> ``review.v1-backup.prdreview`` (then ``-2``, ``-3`` ...).

    The backup keeps the review suffix so it opens in the app like any review (with the old app, too).
    """
    candidate = path.with_name(f"{path.stem}.v{version}-backup{REVIEW_FILE_SUFFIX}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{counter}{REVIEW_FILE_SUFFIX}")
        counter += 1
    return candidate


def upgrade(db: Database, path: Path | None, migrations: Migrations) -> Path | None:
    """Apply pending migrations (one transaction each); first copy the file beside itself.

    ``path`` is ``None`` for an in-memory copy (a read-only open of an old file), which needs no backup.
    Returns the backup's path, if one was made.
    """
    if not migrations.pending(db):
        return None
    backup = None
    if path is not None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        backup = backup_path_for(path, version)
        try:
            shutil.copy2(path, backup)
        except OSError as exc:
            raise ReviewFileError(
                f"{path.name} needs upgrading, but no backup could be written beside it ({exc.strerror})."
            ) from exc
    try:
        migrations.apply(db)
    except sqlite3.OperationalError as exc:
        where = f" The original is kept as {backup.name}." if backup else ""
        raise ReviewFileError(f"Upgrading the review failed ({exc}).{where}") from exc
    return backup


def in_memory_copy(db: Database) -> Database:
    """A private copy to upgrade when the file itself must not be written (read-only open of an old file)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    db.conn.backup(memory)
    db.close()
    return Database(memory, execute_plugins=False)


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """Build ``target`` in a temporary file beside it, then rename it over: never a half-written review.

    Disk trouble (full, permissions, a vanished folder) becomes a ReviewFileError; ``target`` is untouched.
    """
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        temp = Path(temp_name)
        try:
            write(temp)
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _fsync_folder(target.parent)
    except (OSError, sqlite3.OperationalError) as exc:
        raise ReviewFileError(
            f"Could not write {target.name} ({exc}).", title="Cannot save the review"
        ) from exc


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync, and needs none."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
