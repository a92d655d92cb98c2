"""Every policy file of the development corpus loads and segments with consistent offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.loading import load_policy
from desktop.core.segment import segment
from tests.core.test_segment import assert_offsets_consistent

SINGLE_POLICIES = (
    "climatemind-2021.md",
    "nenu-unified-auth-2023.html",
    "multi-open-app-2020-zh.html",
    "subtitleocr-zh.md",
    "seize-2026-mixed.html",
    "sorosoro-2026-zh.md",
)


def _corpus_files(corpus: Path) -> list[Path]:
    files = [corpus / name for name in SINGLE_POLICIES]
    files += sorted((corpus / "capp130" / "Original_policies").glob("*.txt"))
    files += sorted((corpus / "opp115" / "sanitized_policies").glob("*.html"))
    return files


@pytest.mark.corpus
def test_every_corpus_policy_loads_and_segments(shared_corpus: Path) -> None:
    files = _corpus_files(shared_corpus)
    assert len(files) > 200
    for path in files:
        policy = load_policy(path)
        assert_offsets_consistent(policy, segment(policy))


@pytest.mark.corpus
def test_corpus_languages(shared_corpus: Path) -> None:
    chinese = sorted((shared_corpus / "capp130" / "Original_policies").glob("*.txt"))
    english = sorted((shared_corpus / "opp115" / "sanitized_policies").glob("*.html"))
    assert {load_policy(path).language for path in chinese} == {"zh"}
    assert {load_policy(path).language for path in english} == {"en"}
    assert load_policy(shared_corpus / "climatemind-2021.md").language == "en"
