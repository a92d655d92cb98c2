"""The prefill, export and show commands, run through ``desktop.__main__.main`` as a reviewer would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.store import ReviewStore

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cli"
ROOT = Path(__file__).resolve().parent.parent.parent
CHECKLIST = str(FIXTURES / "minimal-checklist.yaml")


def prefill(policy: str, review: Path, *extra: str) -> int:
    return main(["prefill", str(FIXTURES / policy), "-o", str(review), "--checklist", CHECKLIST, *extra])


@pytest.fixture
def review(tmp_path: Path) -> Path:
    """A review of the Chinese policy, one item decided, with a note and an evidence span."""
    path = tmp_path / "港湾.prdreview"
    assert prefill("policy-zh.txt", path, "--reviewer", "李雷") == 0
    with ReviewStore.open(path) as store:
        store.set_status("keep.period", "addressed")
        store.set_note("keep.period", "保存期限明确")
        store.add_evidence("keep.period", 0, 8)
    return path


def one_error_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("command", ["prefill", "export", "show"])
def test_help_exits_zero(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "REVIEW" in capsys.readouterr().out


def test_prefill_writes_a_review_and_says_what_it_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.prdreview"
    assert prefill("policy-en.txt", target, "--reviewer", "Ann") == 0
    assert capsys.readouterr().out.strip() == (
        f"Wrote {target}: 2 items (PIPL, GDPR); suggested addressed 1, partial 0, not found 1."
    )
    with ReviewStore.open(target, read_only=True) as store:
        assert store.snapshot().reviewer == "Ann"


def test_prefill_limits_the_review_to_the_chosen_frameworks(tmp_path: Path) -> None:
    target = tmp_path / "out.prdreview"
    assert prefill("policy-en.txt", target, "--frameworks", "GDPR") == 0
    with ReviewStore.open(target, read_only=True) as store:
        snapshot = store.snapshot()
    assert snapshot.frameworks == ("gdpr",)
    assert set(snapshot.decisions) == {"keep.period"}


def test_prefill_defaults_the_output_beside_the_policy(tmp_path: Path) -> None:
    policy = tmp_path / "harbour.txt"
    policy.write_bytes((FIXTURES / "policy-en.txt").read_bytes())
    assert main(["prefill", str(policy), "--checklist", CHECKLIST]) == 0
    assert (tmp_path / "harbour.prdreview").is_file()


def test_prefill_rejects_an_unknown_framework_as_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        prefill("policy-en.txt", tmp_path / "out.prdreview", "--frameworks", "pipl,ccpa")
    assert exit_info.value.code == 2
    assert "choose from pipl, gdpr" in capsys.readouterr().err


def test_prefill_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.prdreview"
    assert prefill("policy-en.txt", target) == 0
    capsys.readouterr()
    assert prefill("policy-zh.txt", target) == 1
    assert "already exists" in one_error_line(capsys.readouterr().err)


def test_prefill_force_replaces_the_review(tmp_path: Path) -> None:
    target = tmp_path / "out.prdreview"
    assert prefill("policy-en.txt", target) == 0
    assert prefill("policy-zh.txt", target, "--force") == 0
    with ReviewStore.open(target, read_only=True) as store:
        assert store.snapshot().policy.source_name == "policy-zh.txt"


def test_prefill_of_a_missing_policy_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["prefill", str(tmp_path / "absent.txt"), "-o", str(tmp_path / "r.prdreview")])
    assert code == 1
    one_error_line(capsys.readouterr().err)


def test_prefill_with_a_broken_checklist_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nitems: [\n", encoding="utf-8")
    code = main(
        ["prefill", str(FIXTURES / "policy-en.txt"), "-o", str(tmp_path / "r"), "--checklist", str(broken)]
    )
    assert code == 1
    assert "broken.yaml" in one_error_line(capsys.readouterr().err)


def test_show_lists_items_by_chapter_with_both_statuses(
    review: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(review)]) == 0
    out = capsys.readouterr().out
    assert "policy-zh.txt (txt," in out
    assert "Reviewer: 李雷" in out
    assert "Reviewed 1 of 2 items" in out
    assert "\nRetention\n" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  keep.")}
    assert lines["keep.period"][1:4] == ["addressed", "addressed", "1"]
    assert lines["keep.location"][1:4] == ["not_found", "unreviewed", "0"]


def test_show_prints_notes_on_request(review: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(review), "--notes"]) == 0
    assert "note: 保存期限明确" in capsys.readouterr().out


def test_show_of_a_file_that_is_not_a_review_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.prdreview"
    bogus.write_text("just text", encoding="utf-8")
    assert main(["show", str(bogus)]) == 1
    one_error_line(capsys.readouterr().err)


def test_export_writes_the_workbook_beside_the_review(
    review: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(review)]) == 0
    workbook = review.with_suffix(".xlsx")
    assert capsys.readouterr().out.strip() == f"Wrote {workbook}"
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["Summary", "Checklist", "Evidence", "Policy", "Audit log"]
    assert book["Evidence"]["C2"].value == "港湾单车隐私政策"


def test_export_options_leave_out_sheets(review: Path, tmp_path: Path) -> None:
    target = tmp_path / "slim.xlsx"
    assert main(["export", str(review), "-o", str(target), "--no-policy-text", "--no-audit-log"]) == 0
    assert openpyxl.load_workbook(target).sheetnames == ["Summary", "Checklist", "Evidence"]


def test_export_works_while_the_review_is_open_for_writing(review: Path, tmp_path: Path) -> None:
    with ReviewStore.open(review):
        assert main(["export", str(review), "-o", str(tmp_path / "book.xlsx")]) == 0


def test_export_to_a_folder_is_one_error_line(
    review: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "book.xlsx"
    folder.mkdir()
    assert main(["export", str(review), "-o", str(folder)]) == 1
    assert "is a folder" in one_error_line(capsys.readouterr().err)


def test_show_survives_a_console_that_cannot_print_chinese(review: Path) -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "show", str(review), "--notes"],
        capture_output=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert b"Reviewer: ??" in result.stdout
