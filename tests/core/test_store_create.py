"""Creating a review file and reading it back."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import ReviewFileError
from desktop.core.suggestion import Suggestion
from desktop.store import REVIEW_FILE_SUFFIX, ReviewEditError, ReviewStore, UnknownItemError
from tests.fixtures.store.builders import (
    CHINESE_TEXT,
    create_review,
    make_checklist,
    make_policy,
    make_suggestions,
    sha256_of,
)


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    return tmp_path / f"review{REVIEW_FILE_SUFFIX}"


def test_snapshot_after_reopen_equals_snapshot_at_creation(review_path: Path) -> None:
    with create_review(review_path) as store:
        created = store.snapshot()
    with ReviewStore.open(review_path) as store:
        assert store.snapshot() == created


def test_policy_round_trips_exactly(review_path: Path) -> None:
    policy = make_policy(CHINESE_TEXT, language="zh")
    ReviewStore.create(
        review_path,
        policy=policy,
        checklist=make_checklist(),
        frameworks=("pipl",),
        suggestions={},
        reviewer="李",
    ).close()
    with ReviewStore.open(review_path, read_only=True) as store:
        assert store.policy() == policy


def test_checklist_is_a_snapshot_of_the_one_used(review_path: Path) -> None:
    create_review(review_path).close()
    with ReviewStore.open(review_path) as store:
        assert store.checklist() == make_checklist()
        assert store.checklist() != make_checklist(version="2")


def test_suggestions_round_trip(review_path: Path) -> None:
    create_review(review_path).close()
    expected = make_suggestions(make_policy())
    with ReviewStore.open(review_path) as store:
        assert store.snapshot().suggestions == expected
        assert store.suggestion("GDPR-03") is None


def test_every_item_of_the_frameworks_starts_unreviewed(review_path: Path) -> None:
    with create_review(review_path) as store:
        decisions = store.decisions()
    assert list(decisions) == ["PIPL-01", "BOTH-02", "GDPR-03"]
    assert {d.status for d in decisions.values()} == {"unreviewed"}


def test_items_are_only_those_of_the_chosen_frameworks(review_path: Path) -> None:
    with ReviewStore.create(
        review_path,
        policy=make_policy(),
        checklist=make_checklist(),
        frameworks=("gdpr",),
        suggestions={},
        reviewer="Bob",
    ) as store:
        assert [item.id for item in store.items()] == ["BOTH-02", "GDPR-03"]
        assert store.frameworks == ("gdpr",)


def test_meta_is_recorded(review_path: Path) -> None:
    with create_review(review_path, reviewer="Alice") as store:
        snapshot = store.snapshot()
    assert snapshot.reviewer == "Alice"
    assert snapshot.frameworks == ("pipl", "gdpr")
    assert snapshot.created_at == snapshot.updated_at
    assert snapshot.path == str(review_path)


def test_creation_is_the_first_audit_entry(review_path: Path) -> None:
    with create_review(review_path) as store:
        (entry,) = store.audit_log()
    assert (entry.action, entry.reviewer, entry.item_id) == ("create", "Alice", None)
    assert '"items":3' in entry.detail


def test_create_refuses_to_overwrite_and_leaves_the_file(review_path: Path) -> None:
    review_path.write_text("keep me", encoding="utf-8")
    with pytest.raises(ReviewFileError, match="already exists"):
        create_review(review_path)
    assert review_path.read_text(encoding="utf-8") == "keep me"


def test_create_overwrites_when_asked(review_path: Path) -> None:
    review_path.write_text("old", encoding="utf-8")
    policy = make_policy()
    with ReviewStore.create(
        review_path,
        policy=policy,
        checklist=make_checklist(),
        frameworks=("pipl",),
        suggestions={},
        reviewer="Alice",
        overwrite=True,
    ) as store:
        assert store.policy() == policy


def test_create_leaves_no_temporary_or_journal_files(review_path: Path) -> None:
    create_review(review_path).close()
    assert [p.name for p in review_path.parent.iterdir()] == [review_path.name]


def test_create_rejects_a_suggestion_for_an_item_outside_the_review(review_path: Path) -> None:
    stray = Suggestion(item_id="GDPR-03", status="partial", confidence=0.5, evidence=(), explanation=())
    with pytest.raises(UnknownItemError, match="GDPR-03"):
        ReviewStore.create(
            review_path,
            policy=make_policy(),
            checklist=make_checklist(),
            frameworks=("pipl",),
            suggestions={"GDPR-03": stray},
            reviewer="Alice",
        )
    assert not review_path.exists()


def test_create_rejects_no_frameworks(review_path: Path) -> None:
    with pytest.raises(ReviewEditError, match="at least one framework"):
        ReviewStore.create(
            review_path,
            policy=make_policy(),
            checklist=make_checklist(),
            frameworks=(),
            suggestions={},
            reviewer="Alice",
        )


def test_create_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReviewFileError, match="does not exist"):
        create_review(tmp_path / "nowhere" / "review.prdreview")


def test_failed_create_keeps_the_previous_file(review_path: Path) -> None:
    create_review(review_path).close()
    before = sha256_of(review_path)
    with pytest.raises(UnknownItemError):
        ReviewStore.create(
            review_path,
            policy=make_policy(),
            checklist=make_checklist(),
            frameworks=("pipl",),
            suggestions={"NOPE": Suggestion("NOPE", "partial", 0.1, (), ())},
            reviewer="Alice",
            overwrite=True,
        )
    assert sha256_of(review_path) == before


def test_suggestions_come_back_in_checklist_order(review_path: Path) -> None:
    policy = make_policy()
    reversed_suggestions = dict(reversed(make_suggestions(policy).items()))
    ReviewStore.create(
        review_path,
        policy=policy,
        checklist=make_checklist(),
        frameworks=("pipl", "gdpr"),
        suggestions=reversed_suggestions,
        reviewer="Alice",
    ).close()
    with ReviewStore.open(review_path, read_only=True) as store:
        assert list(store.snapshot().suggestions) == ["PIPL-01", "BOTH-02"]
