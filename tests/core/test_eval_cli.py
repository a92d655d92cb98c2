"""``python -m desktop eval``: exit codes, the summary line and the JSON report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from desktop.cli import eval_cmd
from desktop.eval import run
from tests.core.eval_fakes import FIXTURES, PERFECT, FakePrefill

PERFECT_LINE = "detection F1 1.00  status accuracy 1.00  evidence hit@3 1.00  (2 policies, 10 labels)"


@pytest.fixture(autouse=True)
def fake_prefill(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(run, "default_prefill", FakePrefill(PERFECT))


def _eval(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    eval_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["eval", *argv])
    result: int = args.handler(args)
    return result


def test_last_line_is_the_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert _eval(str(FIXTURES)) == 0
    assert capsys.readouterr().out.splitlines()[-1] == PERFECT_LINE


def test_json_report_holds_the_same_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new folder" / "report.json"
    assert _eval(str(FIXTURES), "--json", str(out)) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["line"] == capsys.readouterr().out.splitlines()[-1]
    assert report["summary"]["labels"] == 10
    assert report["groups"]["language zh"]["detection"]["true_positive"] == 3
    assert report["items"]["rights.erasure"]["labels"] == 2
    assert report["errors"] == [] and report["misses"] == []


def test_split_holdout_scores_only_the_held_out_policy(capsys: pytest.CaptureFixture[str]) -> None:
    assert _eval(str(FIXTURES), "--split", "holdout") == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("(1 policies, 6 labels)")


def test_a_folder_without_gold_files_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _eval(str(tmp_path)) == eval_cmd.NO_GOLD
    assert "no *.gold.json files found" in capsys.readouterr().err


def test_a_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _eval(str(tmp_path / "nowhere")) == eval_cmd.NO_GOLD
    assert "does not exist" in capsys.readouterr().err


def test_gold_errors_do_not_change_the_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.txt.gold.json").write_text("{", encoding="utf-8")
    assert _eval(str(tmp_path)) == 0
    out = capsys.readouterr().out
    assert "Gold errors (1):" in out
    assert (
        out.splitlines()[-1]
        == "detection F1 n/a  status accuracy n/a  evidence hit@3 n/a  (0 policies, 0 labels)"
    )
