"""bench/convert_opp115.py on a tiny synthetic OPP-115-style policy written here (not corpus text)."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from desktop.eval.gold import read_gold_file
from desktop.eval.run import evaluate
from tests.core.eval_fakes import FakePrefill

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "convert_opp115.py"
NAME = "7_lantern.example"

SEGMENTS = [
    "Lantern privacy <br> <br>",
    "We keep <strong>order records</strong> for seven years. <br>",
    "<ul> <li> You can edit your profile at any time. </li> </ul>"
    " <ul> <li> We set cookies to remember you. </li> </ul>",
    "You may opt in to our newsletter &amp; offers.",
]


def _attribute(text: str, value: str, start: int = 0) -> dict[str, Any]:
    return {
        "selectedText": text,
        "startIndexInSegment": start,
        "endIndexInSegment": start + len(text),
        "value": value,
    }


PRACTICES = [
    (1, "Data Retention", {"Retention Period": _attribute("for seven years", "Stated Period")}),
    (
        2,
        "User Access, Edit and Deletion",
        {"Access Type": _attribute("edit your profile", "Edit information")},
    ),
    (
        2,
        "First Party Collection/Use",
        {
            "Personal Information Type": _attribute("cookies", "Cookies and tracking elements"),
            "Purpose": _attribute("Not selected", "Unspecified", -1),
        },
    ),
    (
        3,
        "User Choice/Control",
        {"Choice Type": _attribute("opt in", "Opt-in"), "Purpose": _attribute("newsletter", "Marketing")},
    ),
]


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_opp115", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def out(tmp_path: Path, converter: ModuleType) -> Path:
    source = tmp_path / "opp115"
    (source / "sanitized_policies").mkdir(parents=True)
    (source / "sanitized_policies" / f"{NAME}.html").write_text("|||".join(SEGMENTS), encoding="utf-8")
    (source / "sanitized_policies" / "8_unannotated.example.html").write_text("Hello.", encoding="utf-8")
    consolidated = source / converter.CONSOLIDATION
    consolidated.mkdir(parents=True)
    with (consolidated / f"{NAME}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for index, (segment, category, attributes) in enumerate(PRACTICES):
            writer.writerow([index, "batch", 1, 7, segment, category, json.dumps(attributes), "", ""])
    target = tmp_path / "out"
    stats = converter.convert(source, target)
    assert (stats.converted, stats.skipped, stats.unplaced) == (1, ["8_unannotated.example.html"], 0)
    return target


def _labels(out: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
    gold = read_gold_file(out / f"{NAME}.txt.gold.json")
    return {label.item: (label.status, label.evidence) for label in gold.labels}


def test_segments_become_paragraphs_with_list_items_on_their_own_lines(out: Path) -> None:
    text = (out / f"{NAME}.txt").read_text(encoding="utf-8")
    assert text.split("\n\n")[2] == "You can edit your profile at any time.\nWe set cookies to remember you."
    assert "newsletter & offers" in text


def test_a_unique_span_is_quoted_as_annotated(out: Path) -> None:
    assert _labels(out)["retention.period"] == ("addressed", ("for seven years",))


def test_edit_access_is_rectification(out: Path) -> None:
    assert _labels(out)["rights.rectification"] == ("addressed", ("edit your profile",))


def test_cookie_data_type_is_tracking_cookies_quoted_by_sentence(out: Path) -> None:
    assert _labels(out)["tracking.cookies"] == ("addressed", ("We set cookies to remember you.",))


def test_opting_in_to_marketing_is_not_a_way_to_object(out: Path) -> None:
    assert _labels(out)["rights.object_direct_marketing"] == ("missing", ())


def test_unspecified_purpose_does_not_label_purposes(out: Path) -> None:
    assert _labels(out)["processing.purposes"] == ("missing", ())


def test_every_quote_is_found_by_eval(out: Path, converter: ModuleType) -> None:
    result = evaluate([out / f"{NAME}.txt.gold.json"], prefill_fn=FakePrefill({}, items=converter.ITEMS))
    assert result.errors == ()
