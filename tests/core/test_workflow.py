"""create_review: load, segment, prefill and store in one call, reporting progress as it goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.checklist import Checklist, load_checklist
from desktop.core.errors import PolicyLoadError, ReviewFileError
from desktop.core.loading import policy_from_text
from desktop.store import ReviewStore
from desktop.workflow import create_review

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cli"


@pytest.fixture
def checklist() -> Checklist:
    return load_checklist(FIXTURES / "minimal-checklist.yaml")


def test_creates_a_review_with_a_suggestion_for_every_item(tmp_path: Path, checklist: Checklist) -> None:
    target = create_review(
        FIXTURES / "policy-en.txt",
        tmp_path / "r.prdreview",
        frameworks=("pipl", "gdpr"),
        reviewer="Ann",
        checklist=checklist,
    )
    with ReviewStore.open(target, read_only=True) as store:
        snapshot = store.snapshot()
    assert set(snapshot.suggestions) == {"keep.period", "keep.location"}
    assert snapshot.suggestions["keep.period"].status == "addressed"
    assert {decision.status for decision in snapshot.decisions.values()} == {"unreviewed"}
    assert snapshot.reviewer == "Ann"
    assert snapshot.policy.source_name == "policy-en.txt"


def test_frameworks_choose_the_items(tmp_path: Path, checklist: Checklist) -> None:
    target = create_review(
        FIXTURES / "policy-en.txt",
        tmp_path / "r.prdreview",
        frameworks=("gdpr",),
        reviewer="Ann",
        checklist=checklist,
    )
    with ReviewStore.open(target, read_only=True) as store:
        assert set(store.snapshot().decisions) == {"keep.period"}


def test_accepts_an_already_loaded_policy(tmp_path: Path, checklist: Checklist) -> None:
    policy = policy_from_text("我们将您的信息保存三年。", name="粘贴的文本")
    target = create_review(
        policy, tmp_path / "r.prdreview", frameworks=("pipl",), reviewer="李雷", checklist=checklist
    )
    with ReviewStore.open(target, read_only=True) as store:
        snapshot = store.snapshot()
    assert snapshot.policy.text == policy.text
    assert snapshot.suggestions["keep.period"].status == "addressed"


def test_reports_progress_in_order_up_to_done(tmp_path: Path, checklist: Checklist) -> None:
    seen: list[tuple[str, float]] = []
    create_review(
        FIXTURES / "policy-zh.txt",
        tmp_path / "r.prdreview",
        frameworks=("pipl",),
        reviewer="Ann",
        checklist=checklist,
        progress=lambda stage, fraction: seen.append((stage, fraction)),
    )
    fractions = [fraction for _, fraction in seen]
    assert fractions == sorted(fractions)
    assert seen[0] == ("Reading the policy", 0.0)
    assert seen[-1] == ("Done", 1.0)
    assert len(seen) == 5


def test_refuses_to_replace_an_existing_review(tmp_path: Path, checklist: Checklist) -> None:
    target = tmp_path / "r.prdreview"
    create_review(
        FIXTURES / "policy-en.txt", target, frameworks=("pipl",), reviewer="Ann", checklist=checklist
    )
    with pytest.raises(ReviewFileError, match="already exists"):
        create_review(
            FIXTURES / "policy-zh.txt", target, frameworks=("pipl",), reviewer="Ann", checklist=checklist
        )


def test_overwrite_replaces_an_existing_review(tmp_path: Path, checklist: Checklist) -> None:
    target = tmp_path / "r.prdreview"
    create_review(
        FIXTURES / "policy-en.txt", target, frameworks=("pipl",), reviewer="Ann", checklist=checklist
    )
    create_review(
        FIXTURES / "policy-zh.txt",
        target,
        frameworks=("pipl",),
        reviewer="Bo",
        checklist=checklist,
        overwrite=True,
    )
    with ReviewStore.open(target, read_only=True) as store:
        assert store.snapshot().policy.source_name == "policy-zh.txt"


def test_unreadable_policy_raises_and_writes_nothing(tmp_path: Path, checklist: Checklist) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"this is not a zip archive")
    with pytest.raises(PolicyLoadError):
        create_review(
            broken, tmp_path / "r.prdreview", frameworks=("pipl",), reviewer="Ann", checklist=checklist
        )
    assert not (tmp_path / "r.prdreview").exists()
