"""Checklists as data: the schema of a checklist file, and a loader that explains every mistake in it.

A checklist is a YAML file (see docs/checklist-schema.md). Reviewers may write their own, so every problem is
reported as a :class:`ChecklistError` naming the file, the item and the field, never as a pydantic traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.core.errors import ChecklistError
from desktop.core.review import Framework
from desktop.core.rules import ItemRules, TermGroup, group_problems, rule_problems
from desktop.resources import resource_path

Severity = Literal["high", "medium", "low"]

DEFAULT_CHECKLIST = "checklists/pipl-gdpr.yaml"


class Chapter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(min_length=1)
    title: str = Field(min_length=1)


class ChecklistItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    chapter: str
    order: int
    title: str = Field(min_length=1)
    question: str = Field(min_length=1)
    requirement: str
    guidance: str
    severity: Severity
    applies_when: str
    frameworks: tuple[Framework, ...] = Field(min_length=1)
    pipl_refs: tuple[str, ...] = ()
    gdpr_refs: tuple[str, ...] = ()
    cn_refs: tuple[str, ...] = ()
    rules: ItemRules = Field(default_factory=ItemRules)


class Checklist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: Literal[1] = 1
    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    version: str
    chapters: tuple[Chapter, ...] = Field(min_length=1)
    shared_groups: dict[str, TermGroup] = Field(default_factory=dict)
    items: tuple[ChecklistItem, ...] = Field(min_length=1)

    def items_for(self, frameworks: tuple[Framework, ...]) -> tuple[ChecklistItem, ...]:
        """The items a review for these frameworks walks (an item of either framework counts)."""
        wanted = set(frameworks)
        return tuple(item for item in self.items if wanted.intersection(item.frameworks))

    def chapter_title(self, key: str) -> str:
        """The title of the chapter with this key (``KeyError`` if none; loading guarantees items' keys)."""
        for chapter in self.chapters:
            if chapter.key == key:
                return chapter.title
        raise KeyError(key)


def load_checklist(path: str | os.PathLike[str]) -> Checklist:
    """Read and validate a checklist file; any problem raises a :class:`ChecklistError`."""
    name = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ChecklistError("the file does not exist", path=name) from None
    except UnicodeDecodeError:
        raise ChecklistError("the file is not UTF-8 text", path=name) from None
    except OSError as exc:
        raise ChecklistError(f"the file cannot be read ({exc.strerror or exc})", path=name) from None
    return parse_checklist(raw, name)


def parse_checklist(raw: str, name: str = "<checklist>") -> Checklist:
    """Validate checklist YAML text; ``name`` is what error messages call the file."""
    data = _parse_yaml(raw, name)
    _check_unique_ids(data, name)
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        raise _translate(exc, data, name) from None
    _check_references(checklist, name)
    return checklist


@cache
def default_checklist() -> Checklist:
    """The checklist shipped with the app (parsed once; checklists are immutable)."""
    return load_checklist(resource_path(DEFAULT_CHECKLIST))


def _parse_yaml(raw: str, name: str) -> dict[str, Any]:
    try:
        data = yaml.load(raw, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f" on line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = exc.problem or exc.context or "unreadable YAML"
        raise ChecklistError(f"YAML syntax error{where}: {problem}", path=name) from None
    except yaml.YAMLError as exc:
        raise ChecklistError(f"YAML syntax error: {exc}", path=name) from None
    if not isinstance(data, dict):
        raise ChecklistError("the file must contain a mapping with chapters and items", path=name)
    return data


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} appears twice in the same mapping", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _item_label(data: Mapping[str, Any], index: int) -> str:
    items = data.get("items")
    if isinstance(items, list) and index < len(items):
        entry = items[index]
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry["id"]:
            return str(entry["id"])
    return f"#{index + 1}"


def _dotted(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _translate(exc: ValidationError, data: Mapping[str, Any], name: str) -> ChecklistError:
    """Turn pydantic's first error into a message naming the item id and the field path."""
    errors = exc.errors(include_url=False)
    first = errors[0]
    loc = tuple(first["loc"])
    item = ""
    if len(loc) >= 2 and loc[0] == "items" and isinstance(loc[1], int):
        item = _item_label(data, loc[1])
        loc = loc[2:]
    field = _dotted(loc)
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown field (check the spelling against docs/checklist-schema.md)"
    elif first["type"] == "missing":
        message = "this field is required"
    more = len(errors) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    return ChecklistError(message, path=name, item=item, field=field or "")


def _check_unique_ids(data: Mapping[str, Any], name: str) -> None:
    items = data.get("items")
    if not isinstance(items, list):
        return
    seen: set[str] = set()
    for entry in items:
        item_id = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(item_id, str):
            if item_id in seen:
                raise ChecklistError(
                    "this id is used by more than one item", path=name, item=item_id, field="id"
                )
            seen.add(item_id)


def _check_references(checklist: Checklist, name: str) -> None:
    for group_name, group in checklist.shared_groups.items():
        for field, problem in group_problems(group_name, group, "shared_groups"):
            raise ChecklistError(problem, path=name, field=field)
    keys: set[str] = set()
    for index, chapter in enumerate(checklist.chapters):
        if chapter.key in keys:
            raise ChecklistError(
                f"chapter key {chapter.key!r} is declared twice", path=name, field=f"chapters[{index}].key"
            )
        keys.add(chapter.key)
    for item in checklist.items:
        if item.chapter not in keys:
            raise ChecklistError(
                f"chapter {item.chapter!r} is not declared under chapters",
                path=name,
                item=item.id,
                field="chapter",
            )
        for field, problem in rule_problems(item.rules, checklist.shared_groups):
            raise ChecklistError(
                problem, path=name, item=item.id, field=f"rules.{field}" if field else "rules"
            )
