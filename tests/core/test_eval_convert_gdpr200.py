"""bench/convert_gdpr200.py on a tiny synthetic dataset written here (not corpus text)."""

from __future__ import annotations

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

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "convert_gdpr200.py"


@pytest.fixture(scope="module")
def converter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_gdpr200", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _passage(kind: str, text: str, *notes: tuple[str, str]) -> dict[str, Any]:
    annotations = [{"requirement": req, "value": value, "performed": True} for req, value in notes]
    return {"type": kind, "context": [], "passage": text, "annotations": annotations}


PASSAGES = [
    _passage("headline", "Lantern Maps privacy"),
    _passage(
        "text",
        "Lantern Maps is run by Lantern Labs. Write to help@lantern.example for questions.",
        ("Controller Name", "Lantern Labs"),
        ("Controller Contact", "help@lantern.example"),
    ),
    _passage(
        "text",
        "We  store trip logs for ninety days, then we remove them for good.",
        ("Data Retention Period", "store trip logs for ninety days [...] remove them"),
    ),
    _passage(
        "list_item", "You may ask us to erase your saved routes.", ("Right to Erasure", "PLACEHOLDER erase")
    ),
    _passage("text", "You may object to route analysis.", ("Right to Object", "object to route analysis")),
    _passage("text", "Nothing else is kept.", ("Unknown Requirement", "Nothing else")),
]


@pytest.fixture
def converted(tmp_path: Path, converter: ModuleType) -> tuple[Path, Any]:
    source, out = tmp_path / "source", tmp_path / "out"
    source.mkdir()
    (source / "org.lantern.maps.json").write_text(json.dumps(PASSAGES), encoding="utf-8")
    (source / "broken.app.json").write_text('[{"type": "text" "passage": ""}]', encoding="utf-8")
    return out, converter.convert(source, out)


def _evidence(out: Path) -> dict[str, tuple[str, ...]]:
    gold = read_gold_file(out / "org.lantern.maps.txt.gold.json")
    return {label.item: label.evidence for label in gold.labels}


def test_malformed_files_are_skipped_and_counted(converted: tuple[Path, Any]) -> None:
    out, stats = converted
    assert (stats.converted, stats.skipped) == (1, ["broken.app.json"])
    assert not (out / "broken.app.txt").exists()


def test_the_text_has_one_paragraph_per_passage(converted: tuple[Path, Any]) -> None:
    text = (converted[0] / "org.lantern.maps.txt").read_text(encoding="utf-8")
    assert text.split("\n\n")[:2] == [
        "Lantern Maps privacy",
        "Lantern Maps is run by Lantern Labs. Write to help@lantern.example for questions.",
    ]


def test_gold_is_binary_english_and_names_its_policy(converted: tuple[Path, Any]) -> None:
    gold = read_gold_file(converted[0] / "org.lantern.maps.txt.gold.json")
    assert (gold.policy.name, gold.language, gold.three_way) == ("org.lantern.maps.txt", "en", False)


def test_annotated_items_are_addressed_and_the_rest_missing(
    converted: tuple[Path, Any], converter: ModuleType
) -> None:
    gold = read_gold_file(converted[0] / "org.lantern.maps.txt.gold.json")
    statuses = {label.item: label.status for label in gold.labels}
    assert set(statuses) == set(converter.ITEMS)
    found = {item for item, status in statuses.items() if status == "addressed"}
    assert found == {
        "identity.controller_contact",
        "retention.period",
        "rights.erasure",
        "rights.restrict_object",
    }


def test_name_and_contact_both_become_controller_evidence(converted: tuple[Path, Any]) -> None:
    assert _evidence(converted[0])["identity.controller_contact"] == ("Lantern Labs", "help@lantern.example")


def test_an_elided_span_runs_from_its_first_to_its_last_fragment(converted: tuple[Path, Any]) -> None:
    assert _evidence(converted[0])["retention.period"] == (
        "store trip logs for ninety days, then we remove them",
    )


def test_a_short_span_is_widened_to_its_sentence(converted: tuple[Path, Any]) -> None:
    assert _evidence(converted[0])["rights.erasure"] == ("You may ask us to erase your saved routes.",)


def test_every_quote_is_found_by_eval(converted: tuple[Path, Any], converter: ModuleType) -> None:
    fake = FakePrefill({}, items=converter.ITEMS)
    result = evaluate([converted[0] / "org.lantern.maps.txt.gold.json"], prefill_fn=fake)
    assert result.errors == ()
    assert converted[1].unplaced == 0
