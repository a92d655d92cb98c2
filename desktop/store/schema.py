"""The review file's schema, as an ordered set of sqlite-utils migrations.

Each migration runs in its own transaction together with its record in ``_sqlite_migrations`` and sets
``PRAGMA user_version`` to its own number, so the version can be read from the header before any table
is trusted (a file from a newer app is refused on that number alone). ``PRAGMA application_id`` marks the
file as ours so another application's SQLite database is recognised and left alone.
Never edit a migration that has shipped; add the next one and bump :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

APPLICATION_ID = 0x50524456  # "PRDV": Privacy Review Desk reView
SCHEMA_VERSION = 1

MIGRATIONS = Migrations("privacy-review-desk")

_V1_STATEMENTS = (
    """CREATE TABLE review (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        frameworks TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        checklist TEXT NOT NULL
    )""",
    """CREATE TABLE policy (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        source_name TEXT NOT NULL,
        source_format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        encoding TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        blocks TEXT NOT NULL
    )""",
    """CREATE TABLE decision (
        item_id TEXT PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        status TEXT NOT NULL
            CHECK (status IN ('unreviewed', 'addressed', 'partial', 'missing', 'not_applicable')),
        note TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE suggestion (
        item_id TEXT PRIMARY KEY REFERENCES decision (item_id),
        status TEXT NOT NULL CHECK (status IN ('addressed', 'partial', 'not_found')),
        confidence REAL NOT NULL,
        evidence TEXT NOT NULL,
        explanation TEXT NOT NULL,
        red_flags TEXT NOT NULL
    )""",
    # AUTOINCREMENT: ids are never reused, so an undone delete can put a span back under its old id.
    """CREATE TABLE evidence (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id TEXT NOT NULL REFERENCES decision (item_id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        note TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('suggested', 'manual')),
        section_path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (0 <= start AND start < "end")
    )""",
    "CREATE INDEX evidence_by_item ON evidence (item_id, start)",
    'CREATE INDEX evidence_by_offset ON evidence (start, "end")',
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        action TEXT NOT NULL,
        item_id TEXT,
        detail TEXT NOT NULL
    )""",
    """CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    "CREATE TABLE ui_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _V1_STATEMENTS:
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
