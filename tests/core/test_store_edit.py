"""Editing a review: decisions, evidence spans, the audit log, UI state; each change saved at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import ReviewDeskError, ReviewFileError
from desktop.store import (
    InvalidSpanError,
    InvalidStatusError,
    ReviewEditError,
    ReviewReadOnlyError,
    ReviewStore,
    UnknownEvidenceError,
    UnknownItemError,
)
from tests.conftest import PROJECT_ROOT
from tests.fixtures.store.builders import CHINESE_TEXT, ENGLISH_TEXT, create_review


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return tmp_path / "review.prdreview"


@pytest.fixture
def store(review_path: Path) -> Iterator[ReviewStore]:
    with create_review(review_path) as opened:
        yield opened


def _span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


# -- decisions ---------------------------------------------------------------------------------------------
def test_set_status_is_saved_and_returned(store: ReviewStore) -> None:
    decision = store.set_status("BOTH-02", "addressed")
    assert (decision.status, decision.reviewer) == ("addressed", "Alice")
    assert store.decision("BOTH-02") == decision


def test_set_status_writes_an_audit_row_with_before_and_after(store: ReviewStore) -> None:
    store.set_status("BOTH-02", "partial")
    entry = store.audit_log()[-1]
    assert (entry.action, entry.item_id, entry.reviewer) == ("status", "BOTH-02", "Alice")
    assert json.loads(entry.detail) == {"before": {"status": "unreviewed"}, "after": {"status": "partial"}}


def test_setting_the_same_status_again_is_not_a_change(store: ReviewStore) -> None:
    store.set_status("BOTH-02", "missing")
    count = len(store.audit_log())
    store.set_status("BOTH-02", "missing")
    assert len(store.audit_log()) == count


def test_set_note_keeps_the_status(store: ReviewStore) -> None:
    store.set_status("PIPL-01", "partial")
    decision = store.set_note("PIPL-01", "只写了公司名称，没有地址。")
    assert (decision.status, decision.note) == ("partial", "只写了公司名称，没有地址。")
    assert store.audit_log()[-1].action == "note"


def test_unknown_item_is_a_review_desk_error(store: ReviewStore) -> None:
    with pytest.raises(UnknownItemError) as caught:
        store.set_status("NOPE-99", "addressed")
    assert isinstance(caught.value, ReviewDeskError)


def test_unknown_status_is_refused(store: ReviewStore) -> None:
    with pytest.raises(InvalidStatusError):
        store.set_status("BOTH-02", "done")  # type: ignore[arg-type]
    assert store.decision("BOTH-02").status == "unreviewed"


def test_edits_are_attributed_to_the_current_reviewer(store: ReviewStore) -> None:
    store.reviewer = "Bob"
    assert store.set_status("GDPR-03", "addressed").reviewer == "Bob"
    assert store.audit_log()[-2].action == "reviewer"
    assert store.snapshot().reviewer == "Bob"


def test_a_reviewer_given_per_change_overrides_the_current_one(store: ReviewStore) -> None:
    decision = store.set_note("GDPR-03", "ok", reviewer="Carol")
    assert decision.reviewer == "Carol"
    assert store.audit_log()[-1].reviewer == "Carol"
    assert store.reviewer == "Alice"


def test_an_edit_moves_updated_at(store: ReviewStore) -> None:
    decision = store.set_status("BOTH-02", "addressed")
    assert store.snapshot().updated_at == decision.updated_at


# -- evidence ------------------------------------------------------------------------------------------------
def test_add_evidence_quotes_the_policy_text(store: ReviewStore) -> None:
    start, end = _span_of(ENGLISH_TEXT, "six years")
    span = store.add_evidence("BOTH-02", start, end, note="retention period")
    assert (span.quote, span.note, span.origin) == ("six years", "retention period", "manual")
    assert store.evidence("BOTH-02") == (span,)


def test_add_evidence_on_chinese_text_uses_character_offsets(review_path: Path) -> None:
    with create_review(review_path, text=CHINESE_TEXT) as store:
        start, end = _span_of(CHINESE_TEXT, "保存六年")
        span = store.add_evidence("BOTH-02", start, end, origin="suggested", section_path=("二、保存期限",))
    with ReviewStore.open(review_path, read_only=True) as reopened:
        assert reopened.evidence() == (span,)
        assert span.quote == "保存六年"


def test_overlapping_spans_are_allowed_and_found_by_offset(store: ReviewStore) -> None:
    start, end = _span_of(ENGLISH_TEXT, "order records for six years")
    wide = store.add_evidence("BOTH-02", start, end)
    inner_start, inner_end = _span_of(ENGLISH_TEXT, "six years")
    inner = store.add_evidence("PIPL-01", inner_start, inner_end)
    assert store.evidence_at(inner_start) == (wide, inner)
    assert store.evidence_at(start) == (wide,)
    assert store.evidence_at(end) == ()


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (7, 3), (0, len(ENGLISH_TEXT) + 1)])
def test_offsets_outside_the_text_are_refused(store: ReviewStore, start: int, end: int) -> None:
    with pytest.raises(InvalidSpanError):
        store.add_evidence("BOTH-02", start, end)
    assert store.evidence() == ()


def test_a_span_covering_the_whole_text_is_allowed(store: ReviewStore) -> None:
    assert store.add_evidence("BOTH-02", 0, len(ENGLISH_TEXT)).quote == ENGLISH_TEXT


def test_evidence_for_an_unknown_item_is_refused(store: ReviewStore) -> None:
    with pytest.raises(UnknownItemError):
        store.add_evidence("NOPE-99", 0, 5)


def test_unknown_origin_is_refused(store: ReviewStore) -> None:
    with pytest.raises(ReviewEditError):
        store.add_evidence("BOTH-02", 0, 5, origin="guessed")  # type: ignore[arg-type]


def test_add_evidence_is_audited_with_the_span(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6)
    entry = store.audit_log()[-1]
    assert (entry.action, entry.item_id) == ("evidence.add", "BOTH-02")
    assert json.loads(entry.detail)["after"]["id"] == span.id


def test_set_evidence_note(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6)
    updated = store.set_evidence_note(span.id, "title only")
    assert store.evidence("BOTH-02") == (updated,)
    assert json.loads(store.audit_log()[-1].detail)["after"] == {"note": "title only"}


def test_delete_evidence_returns_the_span_and_removes_it(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6)
    assert store.delete_evidence(span.id) == span
    assert store.evidence() == ()
    assert store.audit_log()[-1].action == "evidence.delete"


def test_deleting_an_unknown_span_is_refused(store: ReviewStore) -> None:
    with pytest.raises(UnknownEvidenceError):
        store.delete_evidence(404)


def test_restore_evidence_brings_back_the_same_id(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6, note="n")
    store.delete_evidence(span.id)
    store.restore_evidence(span)
    assert store.evidence() == (span,)
    assert store.audit_log()[-1].action == "evidence.restore"


def test_new_spans_never_reuse_a_deleted_id(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6)
    store.delete_evidence(span.id)
    later = store.add_evidence("BOTH-02", 0, 6)
    store.restore_evidence(span)
    assert later.id != span.id
    assert len(store.evidence()) == 2


def test_restore_with_a_quote_that_does_not_match_is_refused(store: ReviewStore) -> None:
    span = store.delete_evidence(store.add_evidence("BOTH-02", 0, 6).id)
    from dataclasses import replace

    with pytest.raises(InvalidSpanError, match="quote"):
        store.restore_evidence(replace(span, quote="Other!"))


def test_restoring_a_span_that_is_present_is_refused(store: ReviewStore) -> None:
    span = store.add_evidence("BOTH-02", 0, 6)
    with pytest.raises(ReviewEditError, match="already"):
        store.restore_evidence(span)


# -- audit log, UI state, read-only ---------------------------------------------------------------------
def test_the_audit_log_cannot_be_rewritten(store: ReviewStore, review_path: Path) -> None:
    store.set_status("BOTH-02", "addressed")
    connection = sqlite3.connect(review_path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("DELETE FROM audit")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE audit SET reviewer = 'Mallory'")
    finally:
        connection.close()


def test_ui_state_survives_reopening(review_path: Path) -> None:
    with create_review(review_path) as store:
        store.set_ui_state("selected_item", "GDPR-03")
        store.set_ui_state("selected_item", "BOTH-02")
    with ReviewStore.open(review_path) as store:
        assert store.get_ui_state() == {"selected_item": "BOTH-02"}


def test_read_only_store_refuses_edits(review_path: Path) -> None:
    create_review(review_path).close()
    with ReviewStore.open(review_path, read_only=True) as store:
        with pytest.raises(ReviewReadOnlyError):
            store.set_status("BOTH-02", "addressed")
        with pytest.raises(ReviewReadOnlyError):
            store.set_ui_state("selected_item", "BOTH-02")
        assert store.decision("BOTH-02").status == "unreviewed"


def test_a_failed_save_is_a_review_file_error(store: ReviewStore, review_path: Path) -> None:
    blocker = sqlite3.connect(review_path, isolation_level=None)
    blocker.execute("BEGIN")
    blocker.execute("SELECT count(*) FROM audit").fetchone()  # a reader's lock: commits must wait for it
    try:
        store._db.conn.execute("PRAGMA busy_timeout = 0")  # fail now instead of after the 5 s default
        with pytest.raises(ReviewFileError, match="could not be saved"):
            store.set_status("BOTH-02", "addressed")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.decision("BOTH-02").status == "unreviewed"
    assert store.audit_log()[-1].action == "create"


# -- durability ----------------------------------------------------------------------------------------------
_CRASH_AFTER_EDITS = """
import os, sys
from desktop.store import ReviewStore
store = ReviewStore.open(sys.argv[1])
store.set_status("BOTH-02", "addressed")
store.add_evidence("BOTH-02", 0, 6, note="kept")
os._exit(3)  # no close, no cleanup: as if the power went
"""


def test_edits_survive_a_crash_without_close(review_path: Path) -> None:
    create_review(review_path).close()
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASH_AFTER_EDITS, str(review_path)], cwd=PROJECT_ROOT, check=False
    )
    assert crashed.returncode == 3
    with ReviewStore.open(review_path) as store:
        assert store.decision("BOTH-02").status == "addressed"
        assert [span.note for span in store.evidence()] == ["kept"]
        assert [entry.action for entry in store.audit_log()] == ["create", "status", "evidence.add"]


def test_a_reader_sees_each_change_as_soon_as_it_returns(store: ReviewStore, review_path: Path) -> None:
    store.set_note("PIPL-01", "seen?")
    with ReviewStore.open(review_path, read_only=True) as reader:
        assert reader.decision("PIPL-01").note == "seen?"


_CRASH_MID_SAVE = """
import os, sys
from desktop.store import ReviewStore
store = ReviewStore.open(sys.argv[1])
store._db.conn.execute("PRAGMA cache_size = 1")  # spill to the file before commit, as a big save would
store._db.execute("BEGIN")
store._db.execute("UPDATE decision SET note = ?", ["x" * 300_000])
os._exit(3)  # the save never committed
"""


@pytest.fixture
def crashed_mid_save(review_path: Path) -> Path:
    """A review whose writer died in the middle of a save, leaving SQLite's rollback journal behind."""
    create_review(review_path).close()
    subprocess.run([sys.executable, "-c", _CRASH_MID_SAVE, str(review_path)], cwd=PROJECT_ROOT, check=False)
    journal = review_path.with_name(review_path.name + "-journal")
    assert journal.exists()
    return journal


def test_an_unfinished_save_is_undone_when_reopened(review_path: Path, crashed_mid_save: Path) -> None:
    with ReviewStore.open(review_path) as store:
        assert store.decision("BOTH-02").note == ""
    assert not crashed_mid_save.exists()


def test_an_unfinished_save_asks_for_one_writable_open(review_path: Path, crashed_mid_save: Path) -> None:
    with pytest.raises(ReviewFileError, match="Open it for editing once"):
        ReviewStore.open(review_path, read_only=True)
    assert crashed_mid_save.exists()
