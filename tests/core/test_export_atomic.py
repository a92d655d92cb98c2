"""Saving the workbook: all or nothing, and a reviewer-readable error when the file or folder is locked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.errors import ExportError
from desktop.core.segments import Segmentation
from desktop.export import write_workbook
from tests.fixtures.export.snapshots import make_snapshot

NO_PARAGRAPHS = Segmentation((), (), ())


def export(target: Path) -> Path:
    return write_workbook(make_snapshot(), target, segmentation=NO_PARAGRAPHS)


def test_replaces_an_existing_workbook(tmp_path: Path) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")
    export(target)
    assert target.read_bytes()[:2] == b"PK"


def test_locked_target_raises_export_error_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "book.xlsx"
    target.write_bytes(b"old")

    def refuse(_source: object, _target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError, match="open in another program"):
        export(target)
    assert target.read_bytes() == b"old"


def test_failed_save_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_source: object, _target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError):
        export(tmp_path / "book.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_successful_save_leaves_no_temporary_file(tmp_path: Path) -> None:
    export(tmp_path / "book.xlsx")
    assert [path.name for path in tmp_path.iterdir()] == ["book.xlsx"]


def test_unwritable_folder_raises_export_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match="Cannot write in"):
        export(tmp_path / "book.xlsx")


def test_target_that_is_a_folder_raises_export_error(tmp_path: Path) -> None:
    (tmp_path / "book.xlsx").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        export(tmp_path / "book.xlsx")


def test_missing_folder_raises_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export(tmp_path / "nowhere" / "book.xlsx")


def test_disk_error_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(ExportError, match=r"book\.xlsx \(No space left on device\)"):
        export(tmp_path / "book.xlsx")


def test_workbook_is_not_private_to_the_owner(tmp_path: Path) -> None:
    target = export(tmp_path / "book.xlsx")
    assert target.stat().st_mode & 0o777 == 0o666 & ~_current_umask()


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
