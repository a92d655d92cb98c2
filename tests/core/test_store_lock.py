"""One writer per review file, across windows and processes; readers are never shut out."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import ReviewFileError, ReviewLockedError
from desktop.store import ReviewStore
from desktop.store.lock import lock_path_for
from tests.conftest import PROJECT_ROOT
from tests.fixtures.store.builders import create_review

_HOLD_OPEN = """
import sys
from desktop.store import ReviewStore
store = ReviewStore.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()  # hold the review open until the test kills us or closes stdin
"""


@pytest.fixture
def review_path(tmp_path: Path) -> Path:
    path = tmp_path / "review.prdreview"
    create_review(path).close()
    return path


@pytest.fixture
def other_process(review_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that has the review open for writing."""
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD_OPEN, str(review_path)],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "open\n"
    yield process
    process.kill()
    process.communicate()


def test_a_second_writer_in_the_same_process_is_refused(review_path: Path) -> None:
    with ReviewStore.open(review_path), pytest.raises(ReviewLockedError, match="another window"):
        ReviewStore.open(review_path)


def test_the_same_file_by_another_spelling_is_still_locked(review_path: Path) -> None:
    spelled = review_path.parent / "." / review_path.name
    with ReviewStore.open(review_path), pytest.raises(ReviewLockedError):
        ReviewStore.open(spelled)


def test_a_reader_can_open_while_a_writer_has_it(review_path: Path) -> None:
    with ReviewStore.open(review_path) as writer:
        writer.set_status("BOTH-02", "partial")
        with ReviewStore.open(review_path, read_only=True) as reader:
            assert reader.decision("BOTH-02").status == "partial"


def test_closing_releases_the_lock_and_removes_the_lock_file(review_path: Path) -> None:
    ReviewStore.open(review_path).close()
    with ReviewStore.open(review_path):
        assert lock_path_for(review_path).exists()
    assert not lock_path_for(review_path).exists()


def test_a_failed_open_releases_the_lock(review_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.store.files.SCHEMA_VERSION", 0)  # the file now looks too new
    with pytest.raises(ReviewFileError, match="newer version"):
        ReviewStore.open(review_path)
    monkeypatch.undo()
    ReviewStore.open(review_path).close()


def test_create_over_a_review_open_elsewhere_is_refused(review_path: Path) -> None:
    with ReviewStore.open(review_path) as store:
        store.set_note("BOTH-02", "keep")
        with pytest.raises(ReviewLockedError):
            create_review(review_path)
        assert store.decision("BOTH-02").note == "keep"


def test_a_writer_in_another_process_locks_out_this_one(
    review_path: Path, other_process: subprocess.Popen[str]
) -> None:
    with pytest.raises(ReviewLockedError):
        ReviewStore.open(review_path)
    with ReviewStore.open(review_path, read_only=True) as reader:
        assert reader.read_only


def test_a_killed_writer_does_not_leave_the_review_locked(
    review_path: Path, other_process: subprocess.Popen[str]
) -> None:
    other_process.kill()
    other_process.wait()
    with ReviewStore.open(review_path) as store:
        assert store.set_status("BOTH-02", "addressed").status == "addressed"
