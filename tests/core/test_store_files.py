"""Which files the store refuses (leaving them byte-for-byte untouched), and how the schema is upgraded."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.core.errors import ReviewFileError, ReviewLockedError
from desktop.store import ReviewReadOnlyError, ReviewStore
from desktop.store.files import backup_path_for, upgrade
from desktop.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tests.fixtures.store.builders import ENGLISH_TEXT, create_review, sha256_of

LONG_TEXT = ENGLISH_TEXT + "A long policy sentence about personal data.\n" * 400  # several pages


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return tmp_path / "review.prdreview"


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes((i * 151 + 7) % 256 for i in range(3000)))


def _text_file(path: Path) -> None:
    path.write_text("隐私政策\nThis is a policy, not a review.\n", encoding="utf-8")


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    db = Database(path)
    db["songs"].insert({"title": "not a review"})
    db.close()


def _truncated_review(path: Path) -> None:
    create_review(path, text=LONG_TEXT).close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garbled_review(path: Path) -> None:
    create_review(path, text=LONG_TEXT).close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, 4096 * 5, 7):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))


def _too_new_review(path: Path) -> None:
    create_review(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_random_bytes, "not an SQLite database"),
        (_text_file, "not an SQLite database"),
        (_empty_file, "empty"),
        (_foreign_sqlite, "another application"),
        (_truncated_review, "damaged"),
        (_garbled_review, "damaged"),
        (_too_new_review, "newer version"),
    ],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_refused_files_are_left_untouched(
    review_path: Path, make: Callable[[Path], None], message: str, read_only: bool
) -> None:
    make(review_path)
    before = sha256_of(review_path)
    with pytest.raises(ReviewFileError, match=message):
        ReviewStore.open(review_path, read_only=read_only)
    assert sha256_of(review_path) == before
    assert [p.name for p in review_path.parent.iterdir()] == [review_path.name]


def test_a_missing_file_is_refused(review_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="does not exist"):
        ReviewStore.open(review_path)
    assert not review_path.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="folder"):
        ReviewStore.open(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions that bind")
def test_a_read_only_file_is_refused_for_writing_but_opens_read_only(review_path: Path) -> None:
    create_review(review_path).close()
    review_path.chmod(0o444)
    with pytest.raises(ReviewReadOnlyError, match="read-only"):
        ReviewStore.open(review_path)
    with ReviewStore.open(review_path, read_only=True) as store:
        assert store.read_only


def test_a_file_the_os_will_not_let_us_write_is_refused_untouched(
    review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_review(review_path).close()
    before = sha256_of(review_path)
    monkeypatch.setattr("desktop.store.review_store.os.access", lambda path, mode: False)
    with pytest.raises(ReviewReadOnlyError, match="open it read-only"):
        ReviewStore.open(review_path)
    assert sha256_of(review_path) == before


def test_the_file_is_marked_as_ours(review_path: Path) -> None:
    create_review(review_path).close()
    connection = sqlite3.connect(review_path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        connection.close()


def test_migrations_reach_the_current_version() -> None:
    db = Database(memory=True)
    MIGRATIONS.apply(db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert MIGRATIONS.pending(db) == []


def test_opening_a_current_file_writes_no_backup(review_path: Path) -> None:
    create_review(review_path).close()
    ReviewStore.open(review_path).close()
    assert [p.name for p in review_path.parent.iterdir()] == [review_path.name]


# A later schema step as the next app version would ship it; here it lives only in the tests.
_NEXT = Migrations("privacy-review-desk-next")


@_NEXT(name="0002_reviewer_email")
def _add_reviewer_email(db: Database) -> None:
    db.execute("ALTER TABLE review ADD COLUMN reviewer_email TEXT NOT NULL DEFAULT ''")
    db.execute("PRAGMA user_version = 2")


_BROKEN = Migrations("privacy-review-desk-broken")


@_BROKEN(name="0002_half_done")
def _half_done(db: Database) -> None:
    db.execute("PRAGMA user_version = 2")
    db.execute("ALTER TABLE no_such_table ADD COLUMN x TEXT")


def test_a_pending_step_is_applied_after_a_backup(review_path: Path) -> None:
    create_review(review_path).close()
    original = sha256_of(review_path)
    db = Database(review_path)
    try:
        backup = upgrade(db, review_path, _NEXT)
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "reviewer_email" in db.table("review").columns_dict
    finally:
        db.close()
    assert backup == review_path.with_name("review.v1-backup.prdreview")
    assert sha256_of(backup) == original


def test_a_failing_step_rolls_back_and_keeps_the_backup(review_path: Path) -> None:
    create_review(review_path).close()
    original = sha256_of(review_path)
    db = Database(review_path)
    try:
        with pytest.raises(ReviewFileError, match=r"v1-backup\.prdreview"):
            upgrade(db, review_path, _BROKEN)
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert _BROKEN.pending(db)
    finally:
        db.close()
    assert sha256_of(review_path.with_name("review.v1-backup.prdreview")) == original


def test_backups_never_overwrite_each_other(review_path: Path) -> None:
    create_review(review_path).close()
    backup_path_for(review_path, 1).write_bytes(b"older backup")
    assert backup_path_for(review_path, 1).name == "review.v1-backup-2.prdreview"


def _become_next_version(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the store believe ``_NEXT`` is its migration set, as the next app version would."""
    monkeypatch.setattr("desktop.store.review_store.MIGRATIONS", _NEXT)
    monkeypatch.setattr("desktop.store.files.SCHEMA_VERSION", 2)


def test_opening_an_older_file_upgrades_it_after_a_backup(
    review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create_review(review_path) as store:
        store.set_status("BOTH-02", "addressed")
    _become_next_version(monkeypatch)
    original = sha256_of(review_path)
    with ReviewStore.open(review_path) as store:
        assert store.decision("BOTH-02").status == "addressed"
    connection = sqlite3.connect(review_path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
    finally:
        connection.close()
    assert sha256_of(review_path.with_name("review.v1-backup.prdreview")) == original


def test_an_older_file_opened_read_only_is_upgraded_in_memory_only(
    review_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_review(review_path).close()
    _become_next_version(monkeypatch)
    before = sha256_of(review_path)
    with ReviewStore.open(review_path, read_only=True) as store:
        assert store.decision("BOTH-02").status == "unreviewed"
    assert sha256_of(review_path) == before
    assert [p.name for p in review_path.parent.iterdir()] == [review_path.name]


def test_save_copy_writes_a_complete_review(review_path: Path) -> None:
    copy_path = review_path.with_name("copy.prdreview")
    with create_review(review_path) as store:
        store.set_status("BOTH-02", "addressed")
        assert store.save_copy(copy_path) == copy_path
        expected = store.snapshot()
    with ReviewStore.open(copy_path) as copy:
        assert copy.snapshot() == replace(expected, path=str(copy_path))


def test_save_copy_works_from_a_read_only_store(review_path: Path) -> None:
    create_review(review_path).close()
    with ReviewStore.open(review_path, read_only=True) as store:
        store.save_copy(review_path.with_name("copy.prdreview"))
    ReviewStore.open(review_path.with_name("copy.prdreview")).close()


def test_save_copy_onto_itself_is_refused(review_path: Path) -> None:
    with create_review(review_path) as store, pytest.raises(ReviewFileError, match="different name"):
        store.save_copy(review_path)


def test_save_copy_over_a_review_open_elsewhere_is_refused(review_path: Path) -> None:
    other = review_path.with_name("other.prdreview")
    create_review(other).close()
    before = sha256_of(other)
    with create_review(review_path) as store, ReviewStore.open(other), pytest.raises(ReviewLockedError):
        store.save_copy(other)
    assert sha256_of(other) == before


def test_folder_and_file_names_with_uri_characters_and_chinese_work(tmp_path: Path) -> None:
    folder = tmp_path / "审阅 #1 ?&%20"
    folder.mkdir()
    path = folder / "隐私 政策?.prdreview"
    create_review(path).close()
    with ReviewStore.open(path) as store:
        store.set_status("BOTH-02", "addressed")
    with ReviewStore.open(path, read_only=True) as store:
        assert store.decision("BOTH-02").status == "addressed"
    assert sorted(p.name for p in folder.iterdir()) == [path.name]
