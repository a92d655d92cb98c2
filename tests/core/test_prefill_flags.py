"""Red flags that apply wherever they occur are shown as evidence, since they decide the status."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.checklist import Checklist, load_checklist
from desktop.core.document import Policy
from desktop.core.prefill import prefill
from desktop.core.suggestion import Suggestion

CHECKLIST = """\
id: flag-evidence
title: Flag evidence
version: "1"
chapters:
  - key: t
    title: Test chapter
items:
  - id: t.consent
    chapter: t
    order: 1
    title: Consent
    question: Is consent asked for actively?
    requirement: An active choice.
    guidance: Deemed consent by use is a red flag.
    severity: high
    applies_when: Always
    frameworks: [pipl, gdpr]
    rules:
      groups:
        active:
          en: ["ask for your consent"]
      red_flags:
        - label: use deemed consent
          anywhere: true
          en: ["by using the app"]
      addressed:
        - all: [active]
"""


@pytest.fixture(scope="module")
def checklist(tmp_path_factory: pytest.TempPathFactory) -> Checklist:
    path = tmp_path_factory.mktemp("checklist") / "flags.yaml"
    path.write_text(CHECKLIST, encoding="utf-8")
    return load_checklist(path)


def run(checklist: Checklist, text: str) -> Suggestion:
    policy = Policy(text, "test.txt", "txt", hashlib.sha256(text.encode()).hexdigest(), "en")
    return prefill(policy, checklist)["t.consent"]


def test_the_flagged_sentence_comes_first_in_the_evidence(checklist: Checklist) -> None:
    text = "We ask for your consent before we collect data.\n\nBy using the app you accept these terms.\n"
    suggestion = run(checklist, text)
    first = suggestion.evidence[0]
    assert suggestion.status == "partial"
    assert text[first.start : first.end].startswith("By using the app")


def test_the_supporting_sentence_stays_in_the_evidence(checklist: Checklist) -> None:
    text = "We ask for your consent before we collect data.\n\nBy using the app you accept these terms.\n"
    quotes = [text[e.start : e.end] for e in run(checklist, text).evidence]
    assert any(quote.startswith("We ask for your consent") for quote in quotes)


def test_without_the_flag_the_evidence_is_the_supporting_sentence(checklist: Checklist) -> None:
    text = "We ask for your consent before we collect data.\n"
    suggestion = run(checklist, text)
    assert suggestion.status == "addressed"
    assert len(suggestion.evidence) == 1


def test_a_flagged_sentence_already_in_the_evidence_moves_first(checklist: Checklist) -> None:
    text = "We ask for your consent before we collect data. By using the app we ask for your consent too.\n"
    suggestion = run(checklist, text)
    quotes = [text[e.start : e.end] for e in suggestion.evidence]
    assert quotes[0].startswith("By using the app")
    assert len(quotes) == len(set(quotes))
