"""Gold-label files (../shared/spec/gold-format.md): finding them, reading them, refusing malformed ones.

One extra top-level key is understood: ``"three_way": false`` marks a file whose statuses only say found
(``addressed``) or not found (``missing``), as converted datasets do; status accuracy skips its labels.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from desktop.core.document import Language
from desktop.core.errors import GoldFileError

GoldStatus = Literal["addressed", "partial", "missing", "n/a"]
GOLD_STATUSES: tuple[GoldStatus, ...] = ("addressed", "partial", "missing", "n/a")
LANGUAGES: tuple[Language, ...] = ("en", "zh", "mixed")
GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True, slots=True)
class GoldLabel:
    item: str
    status: GoldStatus
    evidence: tuple[str, ...]

    @property
    def found(self) -> bool:
        return self.status in ("addressed", "partial")


@dataclass(frozen=True, slots=True)
class GoldFile:
    path: Path
    policy: Path  # resolved against the gold file's folder
    language: Language
    three_way: bool
    labels: tuple[GoldLabel, ...]


def find_gold_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The gold files named, or found recursively (``*.gold.json``) in the folders named, in stable order."""
    found: list[Path] = []
    for entry in map(Path, paths):
        if entry.is_dir():
            found.extend(sorted(entry.rglob(f"*{GOLD_SUFFIX}")))
        elif entry.is_file():
            found.append(entry)
        else:
            raise GoldFileError(f"{entry} does not exist")
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_gold_file(path: Path) -> GoldFile:
    """Parse and check one gold file; any structural problem raises :class:`GoldFileError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise GoldFileError(f"{path}: the file must hold a JSON object")
    policy = data.get("policy")
    if not isinstance(policy, str) or not policy:
        raise GoldFileError(f"{path}: 'policy' must name the policy file")
    language = data.get("language")
    if language not in LANGUAGES:
        raise GoldFileError(f"{path}: 'language' must be one of {', '.join(LANGUAGES)}")
    three_way = data.get("three_way", True)
    if not isinstance(three_way, bool):
        raise GoldFileError(f"{path}: 'three_way' must be true or false")
    raw_labels = data.get("labels")
    if not isinstance(raw_labels, list):
        raise GoldFileError(f"{path}: 'labels' must be a list")
    labels = tuple(_label(path, index, raw) for index, raw in enumerate(raw_labels))
    seen: set[str] = set()
    for label in labels:
        if label.item in seen:
            raise GoldFileError(f"{path}: item {label.item} is labelled twice")
        seen.add(label.item)
    return GoldFile(
        path=path,
        policy=path.parent / policy,
        language=cast(Language, language),
        three_way=three_way,
        labels=labels,
    )


def _label(path: Path, index: int, raw: Any) -> GoldLabel:
    where = f"{path}: label {index + 1}"
    if not isinstance(raw, dict):
        raise GoldFileError(f"{where} must be an object")
    item = raw.get("item")
    if not isinstance(item, str) or not item:
        raise GoldFileError(f"{where} has no 'item'")
    status = raw.get("status")
    if status not in GOLD_STATUSES:
        raise GoldFileError(f"{where} ({item}): 'status' must be one of {', '.join(GOLD_STATUSES)}")
    evidence = raw.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(quote, str) for quote in evidence):
        raise GoldFileError(f"{where} ({item}): 'evidence' must be a list of quotes")
    return GoldLabel(item=item, status=cast(GoldStatus, status), evidence=tuple(evidence))
