"""The review file: one SQLite database (through sqlite-utils) holding a whole review.

It keeps the policy text as extracted (so offsets never drift), the checklist exactly as used (so a later
checklist edit never changes an old review), the prefill suggestions, the reviewer's decisions and
evidence spans, an append-only audit log and a little UI state.

Every edit is its own transaction, committed together with its audit row before the method returns, so a
crash loses at most the edit in flight. The journal mode is DELETE, not WAL: the product promise is one
self-contained file that can be mailed or copied at any moment, and WAL would keep recent commits in a
``-wal`` file beside it (and needs write access even to read). One writer at a time is enforced with an
OS lock (see :mod:`desktop.store.lock`); read-only opens always work and never write.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast, get_args

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from desktop import __version__
from desktop.core.checklist import Checklist, ChecklistItem
from desktop.core.document import Policy
from desktop.core.errors import ReviewFileError
from desktop.core.review import (
    REVIEW_STATUSES,
    AuditEntry,
    Decision,
    EvidenceOrigin,
    EvidenceSpan,
    Framework,
    ReviewSnapshot,
    ReviewStatus,
)
from desktop.core.suggestion import Suggestion
from desktop.store import codec, files
from desktop.store.errors import (
    InvalidSpanError,
    InvalidStatusError,
    ReviewEditError,
    ReviewReadOnlyError,
    UnknownEvidenceError,
    UnknownItemError,
)
from desktop.store.lock import WriterLock
from desktop.store.schema import MIGRATIONS

FRAMEWORKS: tuple[Framework, ...] = get_args(Framework)
EVIDENCE_ORIGINS: tuple[EvidenceOrigin, ...] = get_args(EvidenceOrigin)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _checked_frameworks(frameworks: tuple[Framework, ...] | list[Framework]) -> tuple[Framework, ...]:
    chosen = tuple(dict.fromkeys(frameworks))
    unknown = [name for name in chosen if name not in FRAMEWORKS]
    if unknown or not chosen:
        raise ReviewEditError(
            f"Choose at least one framework out of {', '.join(FRAMEWORKS)} "
            f"(got {', '.join(unknown) or 'none'})."
        )
    return chosen


class ReviewStore:
    """One open review file. Create with :meth:`create`, open with :meth:`open`; use as a context manager.

    Editing methods take an optional ``reviewer`` that overrides :attr:`reviewer` for that one change.
    Not for concurrent use from several threads; one thread at a time (e.g. a single DB worker) is fine.
    """

    def __init__(self, db: Database, path: Path, *, read_only: bool, lock: WriterLock | None) -> None:
        self._db = db
        self._path = path
        self._read_only = read_only
        self._lock = lock
        try:
            review = db.table("review").get(1)
            self._checklist = Checklist.model_validate_json(review["checklist"])
            self._frameworks: tuple[Framework, ...] = tuple(json.loads(review["frameworks"]))
            self._reviewer: str = review["reviewer"]
            self._policy = codec.policy_from_row(db.table("policy").get(1))
            self._suggestions = {
                row["item_id"]: codec.suggestion_from_row(row)
                for row in db.query(
                    "SELECT suggestion.* FROM suggestion JOIN decision USING (item_id) ORDER BY position"
                )
            }
            by_id = {item.id: item for item in self._checklist.items}
            self._items = tuple(
                by_id[row["item_id"]]
                for row in db.table("decision").rows_where(select="item_id", order_by="position")
            )
        except (sqlite3.DatabaseError, NotFoundError, LookupError, ValueError, TypeError) as exc:
            raise ReviewFileError(f"{path.name} is damaged: part of the review is missing ({exc}).") from exc
        self._item_ids = frozenset(item.id for item in self._items)

    # -- opening and closing ----------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        *,
        policy: Policy,
        checklist: Checklist,
        frameworks: tuple[Framework, ...],
        suggestions: Mapping[str, Suggestion],
        reviewer: str,
        overwrite: bool = False,
    ) -> ReviewStore:
        """Write a new review (atomically: built beside the target, then renamed) and open it for writing.

        Every item of ``frameworks`` starts ``unreviewed``. Suggestions are optional per item but must
        belong to the review's items. Refuses to replace an existing file unless ``overwrite=True``.
        """
        target = Path(path)
        chosen = _checked_frameworks(frameworks)
        items = checklist.items_for(chosen)
        if not items:
            raise ReviewEditError(f"The checklist {checklist.title} has no items for {', '.join(chosen)}.")
        item_ids = {item.id for item in items}
        for key, suggestion in suggestions.items():
            if key not in item_ids or suggestion.item_id != key:
                raise UnknownItemError(f"A suggestion is for {key}, which is not an item of this review.")
        if not target.parent.is_dir():
            raise ReviewFileError(
                f"The folder {target.parent} does not exist.", title="Cannot save the review"
            )
        lock = WriterLock.acquire(target)
        try:
            if target.exists() and not overwrite:
                raise ReviewFileError(
                    f"{target.name} already exists; choose another name or replace it.",
                    title="Cannot save the review",
                )
            files.write_atomically(
                target,
                lambda temp: _build(
                    temp,
                    policy=policy,
                    checklist=checklist,
                    frameworks=chosen,
                    items=items,
                    suggestions=suggestions,
                    reviewer=reviewer,
                ),
            )
            return cls._load(target, read_only=False, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, read_only: bool = False) -> ReviewStore:
        """Open a review. Raises ReviewFileError (missing, foreign, damaged, too new), ReviewLockedError
        (open for writing elsewhere) or ReviewReadOnlyError (the file cannot be written: open it read-only).

        An older file is upgraded after a backup copy is written beside it; read-only opens upgrade a
        private in-memory copy instead and leave the file alone.
        """
        target = Path(path)
        files.check_candidate(target)
        if read_only:
            return cls._load(target, read_only=True, lock=None)
        if not os.access(target, os.W_OK):
            raise ReviewReadOnlyError(f"{target.name} is read-only on disk; open it read-only to look at it.")
        lock = WriterLock.acquire(target)
        try:
            return cls._load(target, read_only=False, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _load(cls, path: Path, *, read_only: bool, lock: WriterLock | None) -> ReviewStore:
        try:
            db = files.connect(path, read_only=read_only)
        except sqlite3.Error as exc:
            raise ReviewFileError(f"{path.name} cannot be opened ({exc}).") from exc
        try:
            files.check_identity(db, path)
            if read_only:
                if MIGRATIONS.pending(db):
                    db = files.in_memory_copy(db)
                    files.upgrade(db, None, MIGRATIONS)
            else:
                db.disable_wal()
                files.upgrade(db, path, MIGRATIONS)
            db.execute("PRAGMA foreign_keys = ON")
            return cls(db, path, read_only=read_only, lock=lock)
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        """Close the file and release the writer lock. Safe to call twice."""
        self._db.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- reading ----------------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._path

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        return self._frameworks

    @property
    def reviewer(self) -> str:
        """Who edits now; changes made without an explicit ``reviewer=`` are attributed to this name."""
        return self._reviewer

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self._check_writable()
        if name == self._reviewer:
            return
        before = self._reviewer
        with self._transaction() as now:
            self._db.table("review").update(1, {"reviewer": name})
            self._audit(now, name, "reviewer", None, {"before": before, "after": name})
        self._reviewer = name

    def policy(self) -> Policy:
        return self._policy

    def checklist(self) -> Checklist:
        """The checklist as it was when the review was created (a snapshot, not the current file)."""
        return self._checklist

    def items(self) -> tuple[ChecklistItem, ...]:
        """The items this review walks, in checklist order."""
        return self._items

    def suggestion(self, item_id: str) -> Suggestion | None:
        """The prefill suggestion for an item, or ``None`` if prefill made none."""
        self._check_item(item_id)
        return self._suggestions.get(item_id)

    def decision(self, item_id: str) -> Decision:
        self._check_item(item_id)
        return codec.decision_from_row(self._db.table("decision").get(item_id))

    def decisions(self) -> dict[str, Decision]:
        """Every item's decision, in checklist order."""
        rows = self._db.table("decision").rows_where(order_by="position")
        return {row["item_id"]: codec.decision_from_row(row) for row in rows}

    def evidence(self, item_id: str | None = None) -> tuple[EvidenceSpan, ...]:
        """Spans of one item (or all), in text order."""
        if item_id is None:
            rows = self._db.table("evidence").rows_where(order_by='start, "end", id')
        else:
            self._check_item(item_id)
            rows = self._db.table("evidence").rows_where(
                "item_id = ?", [item_id], order_by='start, "end", id'
            )
        return tuple(codec.evidence_from_row(row) for row in rows)

    def evidence_at(self, offset: int) -> tuple[EvidenceSpan, ...]:
        """Spans covering a character offset (spans may overlap), for a click on a highlight."""
        rows = self._db.table("evidence").rows_where(
            'start <= ? AND ? < "end"', [offset, offset], order_by='start, "end", id'
        )
        return tuple(codec.evidence_from_row(row) for row in rows)

    def audit_log(self) -> tuple[AuditEntry, ...]:
        """Every change ever made, oldest first."""
        return tuple(codec.audit_from_row(row) for row in self._db.table("audit").rows_where(order_by="id"))

    def get_ui_state(self) -> dict[str, str]:
        """What the window remembers about this review (e.g. the last selected item)."""
        return {row["key"]: row["value"] for row in self._db.table("ui_state").rows}

    def snapshot(self) -> ReviewSnapshot:
        """The whole review read in one transaction, so export and ``show`` see a consistent state."""
        with self._db.atomic():
            review = self._db.table("review").get(1)
            decisions = self.decisions()
            evidence = self.evidence()
            audit = self.audit_log()
        return ReviewSnapshot(
            path=str(self._path),
            policy=self._policy,
            checklist=self._checklist,
            frameworks=self._frameworks,
            reviewer=review["reviewer"],
            created_at=review["created_at"],
            updated_at=review["updated_at"],
            suggestions=dict(self._suggestions),
            decisions=decisions,
            evidence=evidence,
            audit=audit,
        )

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the review to ``target`` (Save As, archiving), atomically.

        Uses SQLite's backup API on this store's own connection, so the copy is a complete review even
        while edits go on (and, for an old file opened read-only, is already upgraded). This store stays
        open on the original. Replaces ``target`` unless it is this review or open in another window.
        """
        destination = Path(target)
        if destination.resolve() == self._path.resolve():
            raise ReviewFileError(
                "A copy needs a different name than the review itself.", title="Cannot save"
            )
        lock = WriterLock.acquire(destination)
        try:
            files.write_atomically(destination, self._copy_to)
        finally:
            lock.release()
        return destination

    def _copy_to(self, path: Path) -> None:
        copy = sqlite3.connect(path)
        try:
            self._db.conn.backup(copy)
        finally:
            copy.close()

    # -- editing ----------------------------------------------------------------------------------------
    def set_status(self, item_id: str, status: ReviewStatus, *, reviewer: str | None = None) -> Decision:
        self._check_writable()
        if status not in REVIEW_STATUSES:
            raise InvalidStatusError(f"{status!r} is not a review status ({', '.join(REVIEW_STATUSES)}).")
        before = self.decision(item_id)
        return self._save_decision(before, replace(before, status=status), "status", reviewer)

    def set_note(self, item_id: str, note: str, *, reviewer: str | None = None) -> Decision:
        self._check_writable()
        before = self.decision(item_id)
        return self._save_decision(before, replace(before, note=note), "note", reviewer)

    def add_evidence(
        self,
        item_id: str,
        start: int,
        end: int,
        *,
        note: str = "",
        origin: EvidenceOrigin = "manual",
        section_path: tuple[str, ...] = (),
        reviewer: str | None = None,
    ) -> EvidenceSpan:
        """Mark ``text[start:end]`` as evidence for an item; the quote is taken from the stored text."""
        self._check_writable()
        self._check_item(item_id)
        self._check_offsets(start, end)
        if origin not in EVIDENCE_ORIGINS:
            raise ReviewEditError(f"{origin!r} is not an evidence origin ({', '.join(EVIDENCE_ORIGINS)}).")
        who = self._who(reviewer)
        with self._transaction() as now:
            span = EvidenceSpan(
                id=0,
                item_id=item_id,
                start=start,
                end=end,
                quote=self._policy.text[start:end],
                note=note,
                origin=origin,
                section_path=tuple(section_path),
                created_at=now,
            )
            row = codec.evidence_row(span)
            del row["id"]
            inserted = self._db.table("evidence").insert(row).last_rowid
            span = replace(span, id=cast("int", inserted))
            self._audit(now, who, "evidence.add", item_id, {"after": codec.evidence_detail(span)})
        return span

    def set_evidence_note(self, span_id: int, note: str, *, reviewer: str | None = None) -> EvidenceSpan:
        self._check_writable()
        before = self._span(span_id)
        if before.note == note:
            return before
        after = replace(before, note=note)
        with self._transaction() as now:
            self._db.table("evidence").update(span_id, {"note": note})
            detail = {"span": span_id, "before": {"note": before.note}, "after": {"note": note}}
            self._audit(now, self._who(reviewer), "evidence.note", before.item_id, detail)
        return after

    def delete_evidence(self, span_id: int, *, reviewer: str | None = None) -> EvidenceSpan:
        """Remove a span and return it (keep it to undo with :meth:`restore_evidence`)."""
        self._check_writable()
        span = self._span(span_id)
        with self._transaction() as now:
            self._db.table("evidence").delete(span_id)
            self._audit(
                now,
                self._who(reviewer),
                "evidence.delete",
                span.item_id,
                {"before": codec.evidence_detail(span)},
            )
        return span

    def restore_evidence(self, span: EvidenceSpan, *, reviewer: str | None = None) -> EvidenceSpan:
        """Put a deleted span back under its old id (undo). Ids are never reused, so the id is free."""
        self._check_writable()
        self._check_item(span.item_id)
        self._check_offsets(span.start, span.end)
        if span.quote != self._policy.text[span.start : span.end]:
            raise InvalidSpanError("The span's quote does not match the policy text at its offsets.")
        if span.origin not in EVIDENCE_ORIGINS:
            raise ReviewEditError(f"{span.origin!r} is not an evidence origin.")
        if self._db.table("evidence").count_where("id = ?", [span.id]):
            raise ReviewEditError(f"Evidence {span.id} is already in the review.")
        with self._transaction() as now:
            self._db.table("evidence").insert(codec.evidence_row(span))
            detail = {"after": codec.evidence_detail(span)}
            self._audit(now, self._who(reviewer), "evidence.restore", span.item_id, detail)
        return span

    def set_ui_state(self, key: str, value: str) -> None:
        """Remember a bit of window state; not a review change, so it is not audited."""
        self._check_writable()
        try:
            self._db.table("ui_state").upsert({"key": key, "value": value}, pk="key")
        except sqlite3.OperationalError as exc:
            raise ReviewFileError(f"Could not save to {self._path.name} ({exc}).") from exc

    # -- helpers ----------------------------------------------------------------------------------------
    def _who(self, reviewer: str | None) -> str:
        return self._reviewer if reviewer is None else reviewer

    def _check_writable(self) -> None:
        if self._read_only:
            raise ReviewReadOnlyError(f"{self._path.name} is open read-only, so changes cannot be saved.")

    def _check_item(self, item_id: str) -> None:
        if item_id not in self._item_ids:
            raise UnknownItemError(f"{item_id!r} is not a checklist item of this review.")

    def _check_offsets(self, start: int, end: int) -> None:
        length = len(self._policy.text)
        if not 0 <= start < end <= length:
            raise InvalidSpanError(
                f"Evidence must cover some text: offsets {start}..{end} are outside 0..{length}."
            )

    def _span(self, span_id: int) -> EvidenceSpan:
        rows = list(self._db.table("evidence").rows_where("id = ?", [span_id]))
        if not rows:
            raise UnknownEvidenceError(f"There is no evidence {span_id} in this review (already deleted?).")
        return codec.evidence_from_row(rows[0])

    def _save_decision(self, before: Decision, after: Decision, field: str, reviewer: str | None) -> Decision:
        """Store ``after`` (which differs from ``before`` in ``field`` only), stamped with who and when."""
        old, new = getattr(before, field), getattr(after, field)
        if old == new:
            return before
        who = self._who(reviewer)
        with self._transaction() as now:
            after = replace(after, reviewer=who, updated_at=now)
            self._db.table("decision").update(
                before.item_id, {field: new, "reviewer": who, "updated_at": now}
            )
            self._audit(now, who, field, before.item_id, {"before": {field: old}, "after": {field: new}})
        return after

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[str]:
        """One edit = one transaction with its audit row; yields the edit's timestamp.

        Disk trouble (full, removed, permissions changed) becomes a ReviewFileError; nothing is half-saved.
        """
        now = _now()
        try:
            with self._db.atomic():
                yield now
                self._db.table("review").update(1, {"updated_at": now})
        except sqlite3.OperationalError as exc:
            raise ReviewFileError(
                f"The change could not be saved to {self._path.name} ({exc}).", title="Cannot save the review"
            ) from exc

    def _audit(
        self, at: str, reviewer: str, action: str, item_id: str | None, detail: dict[str, Any]
    ) -> None:
        self._db.table("audit").insert(
            {
                "at": at,
                "reviewer": reviewer,
                "action": action,
                "item_id": item_id,
                "detail": codec.dumps(detail),
            }
        )


def _build(
    path: Path,
    *,
    policy: Policy,
    checklist: Checklist,
    frameworks: tuple[Framework, ...],
    items: tuple[ChecklistItem, ...],
    suggestions: Mapping[str, Suggestion],
    reviewer: str,
) -> None:
    """Write a complete review into an empty file: schema first, then all content in one transaction."""
    db = Database(sqlite3.connect(path), execute_plugins=False)
    try:
        MIGRATIONS.apply(db)
        now = _now()
        with db.atomic():
            db.table("review").insert(
                {
                    "id": 1,
                    "frameworks": codec.dumps(list(frameworks)),
                    "reviewer": reviewer,
                    "created_at": now,
                    "updated_at": now,
                    "app_version": __version__,
                    "checklist": checklist.model_dump_json(),
                }
            )
            db.table("policy").insert(codec.policy_row(policy))
            db.table("decision").insert_all(
                {
                    "item_id": item.id,
                    "position": position,
                    "status": "unreviewed",
                    "note": "",
                    "reviewer": "",
                    "updated_at": now,
                }
                for position, item in enumerate(items)
            )
            db.table("suggestion").insert_all(
                codec.suggestion_row(suggestions[item.id]) for item in items if item.id in suggestions
            )
            detail = {
                "frameworks": list(frameworks),
                "checklist": {"id": checklist.id, "version": checklist.version},
                "policy": {"source_name": policy.source_name, "sha256": policy.sha256},
                "items": len(items),
            }
            db.table("audit").insert(
                {
                    "at": now,
                    "reviewer": reviewer,
                    "action": "create",
                    "item_id": None,
                    "detail": codec.dumps(detail),
                }
            )
    finally:
        db.close()
