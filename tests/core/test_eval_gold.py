"""Reading gold files: the fields the spec defines, the three_way extension, and clear refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import GoldFileError
from desktop.eval.gold import find_gold_files, read_gold_file
from tests.core.eval_fakes import EN_GOLD, FIXTURES, ZH_GOLD


def _write(folder: Path, data: Any, name: str = "p.txt.gold.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_reads_a_fixture_with_policy_relative_to_the_gold_folder() -> None:
    gold = read_gold_file(ZH_GOLD)
    assert gold.policy == ZH_GOLD.parent / "晴天日记.txt"
    assert gold.language == "zh"
    assert gold.three_way is True
    assert [label.item for label in gold.labels][:2] == ["identity.controller_contact", "retention.period"]


def test_three_way_false_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, {"policy": "p.txt", "language": "en", "three_way": False, "labels": []})
    assert read_gold_file(path).three_way is False


def test_invalid_json_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt.gold.json"
    path.write_text('{"policy": "p.txt",', encoding="utf-8")
    with pytest.raises(GoldFileError, match=r"bad\.txt\.gold\.json: not valid JSON"):
        read_gold_file(path)


def test_unknown_status_is_refused(tmp_path: Path) -> None:
    label = {"item": "rights.erasure", "status": "found", "evidence": []}
    path = _write(tmp_path, {"policy": "p.txt", "language": "en", "labels": [label]})
    with pytest.raises(GoldFileError, match=r"rights\.erasure.*'status'"):
        read_gold_file(path)


def test_an_item_labelled_twice_is_refused(tmp_path: Path) -> None:
    label = {"item": "rights.erasure", "status": "missing", "evidence": []}
    path = _write(tmp_path, {"policy": "p.txt", "language": "en", "labels": [label, label]})
    with pytest.raises(GoldFileError, match="labelled twice"):
        read_gold_file(path)


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, {"policy": "p.txt", "language": "fr", "labels": []})
    with pytest.raises(GoldFileError, match="'language'"):
        read_gold_file(path)


def test_folders_are_searched_recursively_in_stable_order() -> None:
    assert find_gold_files([FIXTURES]) == [EN_GOLD, ZH_GOLD]


def test_a_file_named_twice_is_evaluated_once() -> None:
    assert find_gold_files([EN_GOLD, FIXTURES / "en"]) == [EN_GOLD]


def test_a_path_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFileError, match="does not exist"):
        find_gold_files([tmp_path / "nowhere"])
