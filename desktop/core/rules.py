"""The prefill rules of one checklist item, as written in the checklist data file.

An item's rules name *term groups* (English and Chinese keywords, optional regular expressions) and say which
groups must occur together, and how close together, for the policy to count as ``addressed`` or ``partial``.
Section-heading cues, negation and red-flag wording refine the verdict. Rules are data so that a reviewer can
tune or add a checklist without touching code; docs/checklist-schema.md documents the format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Scope = Literal["sentence", "window", "paragraph", "document"]
NegationMode = Literal["ignore", "addresses", "weakens"]
ConditionLanguage = Literal["en", "zh"]

HEADING_GROUP = "heading"
"""The pseudo-group a condition can name to require that the sentence sits under a matching heading."""


class TermGroup(BaseModel):
    """Interchangeable ways of saying one thing, in either language.

    English terms match case-insensitively on word boundaries; a trailing ``*`` allows any ending
    (``retain*`` matches "retained", "retains", "retention"). Chinese terms match anywhere. ``patterns`` are
    Python regular expressions (case-insensitive) for what keywords cannot express, such as durations.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    weight: float = Field(default=1.0, gt=0, le=5)


class Condition(BaseModel):
    """Groups that must all occur within one scope around a sentence.

    Each entry of ``all`` is a group name, or a list of names of which any one will do. ``none`` lists
    groups that must not occur in the scope. ``scope`` is the sentence itself, ``window`` sentences either
    side in the same section, the whole paragraph, or the whole ``document`` (for items whose elements are
    usually stated in different places). ``min_sentences`` asks for that many distinct sentences meeting the
    condition. ``language`` limits the condition to policies in that language (mixed-language policies use
    every condition): Chinese and English policies word the same element in differently shaped
    boilerplate, so what separates ``addressed`` from ``partial`` can differ between them.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    all_of: tuple[str | tuple[str, ...], ...] = Field(alias="all", min_length=1)
    none: tuple[str, ...] = ()
    scope: Scope = "sentence"
    window: int = Field(default=1, ge=1, le=5)
    min_sentences: int = Field(default=1, ge=1, le=20)
    language: ConditionLanguage | None = None


class RedFlag(TermGroup):
    """Wording that signals a problem; reported, and by default it downgrades ``addressed`` to ``partial``.

    Downgrading happens only when every sentence supporting ``addressed`` carries the flag, or, for a flag
    marked ``anywhere``, when the flag occurs anywhere in the policy (e.g. "continued use means consent").
    """

    label: str = Field(min_length=1)
    downgrade: bool = True
    anywhere: bool = False


class ItemRules(BaseModel):
    """Everything the prefill needs to judge one item; an item without rules is always ``not_found``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    groups: dict[str, TermGroup] = Field(default_factory=dict)
    addressed: tuple[Condition, ...] = ()
    partial: tuple[Condition, ...] = ()
    headings: TermGroup | None = None
    negation: NegationMode = "ignore"
    # Chinese policies often say "no" about one kind of data ("我们不会向第三方共享您的面容信息"), which is no
    # answer for the whole policy; an item can limit its negation mode to one language's policies.
    negation_language: ConditionLanguage | None = None
    red_flags: tuple[RedFlag, ...] = ()


def condition_groups(condition: Condition) -> tuple[str, ...]:
    """Every group name a condition mentions, in order, alternatives flattened."""
    names: list[str] = []
    for entry in condition.all_of:
        names.extend((entry,) if isinstance(entry, str) else entry)
    names.extend(condition.none)
    return tuple(names)


def item_groups(rules: ItemRules, shared: Mapping[str, TermGroup]) -> dict[str, TermGroup]:
    """The groups an item's conditions can use: its own, plus the checklist's shared groups it names."""
    groups = dict(rules.groups)
    for condition in (*rules.addressed, *rules.partial):
        for name in condition_groups(condition):
            if name not in groups and name in shared:
                groups[name] = shared[name]
    return groups


def group_problems(name: str, group: TermGroup, where: str) -> list[tuple[str, str]]:
    """Mistakes in one term group defined under ``where`` (e.g. ``groups``), as ``(field, message)`` pairs."""
    problems: list[tuple[str, str]] = []
    if name == HEADING_GROUP:
        problems.append((f"{where}.{name}", f"{HEADING_GROUP!r} is reserved for the headings cue"))
    problems.extend(_term_problems(group, f"{where}.{name}"))
    return problems


def rule_problems(rules: ItemRules, shared: Mapping[str, TermGroup]) -> list[tuple[str, str]]:
    """Cross-field mistakes pydantic cannot see, as ``(field path, message)`` pairs; empty if all is well.

    ``shared`` are the checklist-wide groups, which conditions may name as if they were the item's own.
    """
    problems: list[tuple[str, str]] = []
    for name, group in rules.groups.items():
        problems.extend(group_problems(name, group, "groups"))
        if name in shared:
            problems.append((f"groups.{name}", "this name is already used by a shared group"))
    if rules.headings is not None:
        problems.extend(_term_problems(rules.headings, "headings"))
    for index, flag in enumerate(rules.red_flags):
        problems.extend(_term_problems(flag, f"red_flags[{index}]"))
    known = set(rules.groups) | set(shared)
    if rules.headings is not None:
        known.add(HEADING_GROUP)
    for level in ("addressed", "partial"):
        for index, condition in enumerate(getattr(rules, level)):
            for name in condition_groups(condition):
                if name not in known:
                    problems.append(
                        (f"{level}[{index}]", f"the condition uses group {name!r}, which is not defined")
                    )
    return problems


def _term_problems(group: TermGroup, where: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not (group.en or group.zh or group.patterns):
        problems.append((where, "no terms: give at least one en or zh term or a pattern"))
    for lang, terms in (("en", group.en), ("zh", group.zh)):
        for index, term in enumerate(terms):
            if not term.strip(" *"):
                problems.append((f"{where}.{lang}[{index}]", "empty term"))
            elif "*" in term.rstrip("*") or term.endswith("**"):
                problems.append(
                    (f"{where}.{lang}[{index}]", f"{term!r}: '*' is allowed only once, at the end")
                )
    for index, pattern in enumerate(group.patterns):
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            problems.append((f"{where}.patterns[{index}]", f"invalid regular expression: {exc}"))
            continue
        if compiled.match(""):
            problems.append((f"{where}.patterns[{index}]", "the pattern matches empty text"))
    return problems
