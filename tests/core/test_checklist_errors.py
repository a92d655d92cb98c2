"""Every mistake in a checklist file becomes a ChecklistError that names the file, the item and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.checklist import load_checklist, parse_checklist
from desktop.core.errors import ChecklistError

HEADER = """\
id: test
title: Test checklist
version: "1"
chapters:
  - key: contact
    title: Contact
items:
"""

ITEM = """\
  - id: {id}
    chapter: {chapter}
    order: 1
    title: Email
    question: Is there an email?
    requirement: An email is given.
    guidance: Addressed when an address is given.
    severity: low
    applies_when: Always
    frameworks: [{frameworks}]
"""


def item(
    item_id: str = "contact.email", chapter: str = "contact", frameworks: str = "gdpr", rules: str = ""
) -> str:
    return ITEM.format(id=item_id, chapter=chapter, frameworks=frameworks) + rules


def problem(text: str) -> ChecklistError:
    with pytest.raises(ChecklistError) as caught:
        parse_checklist(text, "mine.yaml")
    return caught.value


def test_a_valid_file_parses() -> None:
    assert parse_checklist(HEADER + item(), "mine.yaml").items[0].id == "contact.email"


def test_yaml_syntax_error_names_the_line() -> None:
    error = problem(HEADER + item() + "    rules: a: b\n")
    assert error.path == "mine.yaml"
    assert "line 18" in str(error)


def test_duplicate_key_is_reported_with_its_line() -> None:
    error = problem(HEADER + item() + "    title: Again\n")
    assert "'title' appears twice" in str(error)
    assert "line 18" in str(error)


def test_a_file_that_is_not_a_mapping_is_rejected() -> None:
    assert "mapping" in str(problem("- just\n- a list\n"))


def test_unknown_field_names_item_and_field() -> None:
    error = problem(HEADER + item() + "    colour: blue\n")
    assert (error.item, error.field) == ("contact.email", "colour")
    assert "unknown field" in str(error)


def test_missing_field_names_item_and_field() -> None:
    error = problem(HEADER + item().replace("    severity: low\n", ""))
    assert (error.item, error.field) == ("contact.email", "severity")
    assert "required" in str(error)


def test_unknown_framework_names_the_position() -> None:
    error = problem(HEADER + item(frameworks="gdpr, ccpa"))
    assert (error.item, error.field) == ("contact.email", "frameworks[1]")


def test_bad_severity_value_names_the_field() -> None:
    error = problem(HEADER + item().replace("severity: low", "severity: urgent"))
    assert (error.item, error.field) == ("contact.email", "severity")


def test_duplicate_item_ids_are_rejected() -> None:
    error = problem(HEADER + item() + item())
    assert (error.item, error.field) == ("contact.email", "id")
    assert "more than one item" in str(error)


def test_undeclared_chapter_is_rejected() -> None:
    error = problem(HEADER + item(chapter="billing"))
    assert (error.item, error.field) == ("contact.email", "chapter")
    assert "'billing'" in str(error)


def test_condition_using_an_undefined_group_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        email: {en: [email]}
      addressed:
        - all: [email, phone]
"""
    error = problem(HEADER + item(rules=rules))
    assert (error.item, error.field) == ("contact.email", "rules.addressed[0]")
    assert "'phone'" in str(error)


def test_group_without_terms_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        email: {en: [], zh: []}
      partial:
        - all: [email]
"""
    error = problem(HEADER + item(rules=rules))
    assert (error.item, error.field) == ("contact.email", "rules.groups.email")
    assert "no terms" in str(error)


def test_empty_term_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        email: {en: ["email", " "]}
"""
    error = problem(HEADER + item(rules=rules))
    assert error.field == "rules.groups.email.en[1]"


def test_wildcard_inside_a_term_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        email: {en: ["e*mail"]}
"""
    assert problem(HEADER + item(rules=rules)).field == "rules.groups.email.en[0]"


def test_invalid_regular_expression_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        days: {patterns: ["\\\\d+ (days"]}
"""
    error = problem(HEADER + item(rules=rules))
    assert error.field == "rules.groups.days.patterns[0]"
    assert "regular expression" in str(error)


def test_condition_without_groups_is_rejected() -> None:
    rules = """\
    rules:
      groups:
        email: {en: [email]}
      partial:
        - all: []
"""
    error = problem(HEADER + item(rules=rules))
    assert (error.item, error.field) == ("contact.email", "rules.partial[0].all")


def test_red_flag_without_label_is_rejected() -> None:
    rules = """\
    rules:
      red_flags:
        - en: [etc]
"""
    error = problem(HEADER + item(rules=rules))
    assert (error.item, error.field) == ("contact.email", "rules.red_flags[0].label")


def test_shared_group_problems_name_the_shared_group() -> None:
    text = HEADER.replace("items:\n", "shared_groups:\n  contact: {en: []}\nitems:\n") + item()
    error = problem(text)
    assert (error.item, error.field) == ("", "shared_groups.contact")


def test_error_for_an_item_without_an_id_uses_its_position() -> None:
    error = problem(HEADER + item().replace("  - id: contact.email\n    chapter", "  - chapter"))
    assert (error.item, error.field) == ("#1", "id")


def test_message_reads_file_item_field_then_problem() -> None:
    error = problem(HEADER + item(chapter="billing"))
    assert str(error).startswith("mine.yaml, item contact.email, chapter: ")


def test_missing_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError) as caught:
        load_checklist(tmp_path / "absent.yaml")
    assert caught.value.path.endswith("absent.yaml")


def test_non_utf8_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes((HEADER + item()).replace("Email", "Émail").encode("latin-1"))
    with pytest.raises(ChecklistError, match="UTF-8"):
        load_checklist(path)
