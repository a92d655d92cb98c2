"""The shipped checklist and reviewer-written checklist files load, and expose their items per framework."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.checklist import default_checklist, load_checklist

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checklists"


def test_default_checklist_has_sixty_items_in_thirteen_chapters() -> None:
    checklist = default_checklist()
    assert len(checklist.items) == 60
    assert len(checklist.chapters) == 13


def test_default_checklist_items_are_in_declared_order() -> None:
    orders = [item.order for item in default_checklist().items]
    assert orders == sorted(orders) == list(range(1, 61))


def test_default_checklist_matches_the_catalogue(shared_corpus: Path) -> None:
    catalogue_path = shared_corpus.parent / "spec" / "catalogue.json"
    if not catalogue_path.is_file():
        pytest.skip("../shared/spec/catalogue.json is not present")
    catalogue = json.loads(catalogue_path.read_text(encoding="utf-8"))
    items = {item.id: item for item in default_checklist().items}
    assert list(items) == [entry["id"] for entry in catalogue["items"]]
    for entry in catalogue["items"]:
        item = items[entry["id"]]
        expected = tuple(f for f in ("pipl", "gdpr") if entry[f"{f}_level"] != "none")
        assert (item.chapter, item.order, item.severity, item.frameworks) == (
            entry["chapter"],
            entry["order"],
            entry["severity"],
            expected,
        )
        assert (item.pipl_refs, item.gdpr_refs, item.cn_refs) == (
            tuple(entry["pipl_refs"]),
            tuple(entry["gdpr_refs"]),
            tuple(entry["cn_refs"]),
        )
        assert item.applies_when == entry["applies_when"]
    assert [(c.key, c.title) for c in default_checklist().chapters] == [
        (c["key"], c["title"]) for c in catalogue["chapters"]
    ]


def test_items_for_pipl_leaves_out_gdpr_only_items() -> None:
    ids = {item.id for item in default_checklist().items_for(("pipl",))}
    assert "identity.eu_representative" not in ids
    assert "identity.cn_representative" in ids


def test_items_for_gdpr_leaves_out_pipl_only_items() -> None:
    ids = {item.id for item in default_checklist().items_for(("gdpr",))}
    assert "xborder.separate_consent" not in ids
    assert "xborder.gdpr_safeguards" in ids


def test_items_for_both_frameworks_is_every_item() -> None:
    checklist = default_checklist()
    assert checklist.items_for(("pipl", "gdpr")) == checklist.items


def test_a_reviewer_checklist_loads_from_any_path() -> None:
    checklist = load_checklist(FIXTURES / "minimal.yaml")
    assert [item.id for item in checklist.items] == ["contact.email", "contact.phone"]
    assert checklist.items[0].rules.groups["email"].zh == ("邮箱", "电子邮件")


def test_an_item_without_rules_gets_empty_rules() -> None:
    checklist = load_checklist(FIXTURES / "minimal.yaml")
    assert checklist.items[1].rules.groups == {}


def test_chapter_title_is_found_by_key() -> None:
    assert default_checklist().chapter_title("retention") == "6. Retention & storage location"
