"""Checklists as data: the schema of a checklist file, validated when it is loaded.

(Skeleton: the loader, file format documentation and validation messages belong to the heuristics work.)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from desktop.core.review import Framework
from desktop.core.rules import ItemRules

Severity = Literal["high", "medium", "low"]


class Chapter(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    title: str


class ChecklistItem(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    chapter: str
    order: int
    title: str
    question: str
    requirement: str
    guidance: str
    severity: Severity
    applies_when: str
    frameworks: tuple[Framework, ...]
    pipl_refs: tuple[str, ...] = ()
    gdpr_refs: tuple[str, ...] = ()
    cn_refs: tuple[str, ...] = ()
    rules: ItemRules = Field(default_factory=ItemRules)


class Checklist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    id: str
    title: str
    version: str
    chapters: tuple[Chapter, ...]
    items: tuple[ChecklistItem, ...]

    def items_for(self, frameworks: tuple[Framework, ...]) -> tuple[ChecklistItem, ...]:
        """The items a review for these frameworks walks (an item of either framework counts)."""
        wanted = set(frameworks)
        return tuple(item for item in self.items if wanted.intersection(item.frameworks))
