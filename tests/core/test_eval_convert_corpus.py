"""Both converters on the real datasets in ../shared/corpus: every policy converted, every quote placed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_gdpr200_converts_195_policies_with_every_quote_placed(shared_corpus: Path, tmp_path: Path) -> None:
    stats = _script("convert_gdpr200").convert(shared_corpus / "gdpr-transparency-200", tmp_path)
    assert (stats.converted, len(stats.skipped), stats.unplaced) == (195, 5, 0)


@pytest.mark.corpus
def test_opp115_converts_115_policies_with_every_quote_placed(shared_corpus: Path, tmp_path: Path) -> None:
    stats = _script("convert_opp115").convert(shared_corpus / "opp115", tmp_path)
    assert (stats.converted, len(stats.skipped), stats.unplaced) == (115, 0, 0)
