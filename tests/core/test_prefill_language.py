"""Chinese-specific prefill behaviour: conditions limited to one language, and qualified Chinese negations."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.core.checklist import Checklist, load_checklist
from desktop.core.document import Language, Policy
from desktop.core.prefill import prefill
from desktop.core.suggestion import SuggestedStatus

CHECKLIST = """\
id: language-rules
title: Language rules
version: "1"
chapters:
  - key: t
    title: Test chapter
items:
  - id: t.cookies
    chapter: t
    order: 1
    title: Cookies
    question: Are cookies explained?
    requirement: What they are and how to refuse them.
    guidance: Chinese policies also need the kinds of cookies.
    severity: medium
    applies_when: Always
    frameworks: [pipl, gdpr]
    rules:
      negation: addresses
      groups:
        cookie:
          en: ["cookie*"]
          zh: ["Cookie"]
        control:
          en: ["refuse"]
          zh: ["拒绝"]
        kind:
          zh: ["分析类"]
      addressed:
        - all: [cookie, control]
          language: en
        - all: [cookie, control, kind]
          scope: document
          language: zh
      partial:
        - all: [cookie]
"""


@pytest.fixture(scope="module")
def checklist(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    path: Path = tmp_path_factory.mktemp("checklist") / "language.yaml"
    path.write_text(CHECKLIST, encoding="utf-8")
    return load_checklist(path)


def status(checklist: Checklist, text: str, language: Language) -> SuggestedStatus:
    policy = Policy(text, "test.txt", "txt", hashlib.sha256(text.encode()).hexdigest(), language)
    return prefill(policy, checklist)["t.cookies"].status


def test_english_condition_applies_to_english_policies(checklist: Checklist) -> None:
    assert status(checklist, "You can refuse cookies in your browser.", "en") == "addressed"


def test_english_condition_does_not_apply_to_chinese_policies(checklist: Checklist) -> None:
    assert status(checklist, "您可以在浏览器中拒绝Cookie。", "zh") == "partial"


def test_chinese_condition_applies_to_chinese_policies(checklist: Checklist) -> None:
    text = "我们使用分析类Cookie了解访问情况。您可以在浏览器中拒绝Cookie。"
    assert status(checklist, text, "zh") == "addressed"


def test_mixed_policies_use_every_condition(checklist: Checklist) -> None:
    assert status(checklist, "您可以在浏览器中拒绝Cookie。", "mixed") == "addressed"


def test_plain_chinese_negation_addresses(checklist: Checklist) -> None:
    assert status(checklist, "我们不会使用Cookie。", "zh") == "addressed"


def test_chinese_negation_with_an_exception_is_no_clear_no(checklist: Checklist) -> None:
    assert status(checklist, "我们不会将Cookie用于本政策所述目的之外的用途。", "zh") == "partial"


def test_chinese_negation_under_a_condition_is_no_clear_no(checklist: Checklist) -> None:
    assert status(checklist, "未经您的同意，我们不会使用Cookie。", "zh") == "partial"


def test_chinese_negation_after_switching_off_is_no_clear_no(checklist: Checklist) -> None:
    assert status(checklist, "您关闭后，我们不会使用Cookie。", "zh") == "partial"


# The same item, with its negation mode limited to English policies.
NEGATION_LIMITED = CHECKLIST.replace(
    "negation: addresses", "negation: addresses\n      negation_language: en"
)


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    path: Path = tmp_path_factory.mktemp("checklist") / "limited.yaml"
    path.write_text(NEGATION_LIMITED, encoding="utf-8")
    return load_checklist(path)


def test_negation_limited_to_english_still_addresses_english(limited: Checklist) -> None:
    assert status(limited, "We do not use cookies.", "en") == "addressed"


def test_negation_limited_to_english_is_ignored_for_chinese(limited: Checklist) -> None:
    assert status(limited, "我们不会使用Cookie。", "zh") == "partial"


def test_negation_limited_to_english_applies_to_mixed_policies(limited: Checklist) -> None:
    assert status(limited, "我们不会使用Cookie。", "mixed") == "addressed"
