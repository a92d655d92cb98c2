"""A checklist's rules turned into matchers and plain sets, once, for fast repeated prefills.

Every term of every item (and the negation cues) goes into one :class:`TermMatcher`; every distinct regular
expression into one :class:`PatternMatcher`. Each term knows its *targets*: which item's group, heading cue or
red flag it stands for. Within an item every group is one bit, so the groups present in a sentence are one
integer and checking a condition is a few bitwise operations; long policies have thousands of sentences per
item, and this keeps the per-sentence work tiny.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from desktop.core.checklist import Checklist, ChecklistItem
from desktop.core.matching import Match, PatternMatcher, TermMatcher, fold_case
from desktop.core.negation import CUES as NEGATION_CUES
from desktop.core.rules import HEADING_GROUP, Condition, ConditionLanguage, Scope, TermGroup, item_groups

GROUP, HEADING, FLAG, NEGATION = range(4)
"""Target kinds: a term of an item's group, of its heading cue, of one of its red flags, or a negation cue."""

Target = tuple[int, int, int]  # (kind, item index or -1, group bit or red-flag bit)


@dataclass(frozen=True, slots=True)
class CompiledCondition:
    """A :class:`Condition` as bit masks: each entry masks the groups of which one must be present."""

    number: int
    entries: tuple[int, ...]
    positive: int  # every group the sentence itself may carry to take part
    excluded: int
    scope: Scope
    window: int
    min_sentences: int
    description: str
    language: ConditionLanguage | None = None

    def applies_to(self, language: str) -> bool:
        """Whether the condition is used for a policy in ``language`` (mixed policies use every one)."""
        return self.language is None or language in ("mixed", self.language)

    def holds(self, present: int) -> bool:
        return all(present & entry for entry in self.entries) and not present & self.excluded


@dataclass(frozen=True, slots=True)
class CompiledItem:
    item: ChecklistItem
    heading_bit: int
    weights: dict[int, float]  # group bit -> weight
    addressed: tuple[CompiledCondition, ...]
    partial: tuple[CompiledCondition, ...]
    by_mask: dict[int, float] = field(default_factory=dict)  # weight() of each mask asked for so far

    def weight(self, mask: int) -> float:
        """The summed weights of the groups in ``mask`` (asked per sentence; few masks are distinct)."""
        found = self.by_mask.get(mask)
        if found is None:
            found = self.by_mask[mask] = sum(weight for bit, weight in self.weights.items() if mask & bit)
        return found


class CompiledChecklist:
    """The matchers of one checklist, what each of their terms stands for, and the compiled conditions."""

    def __init__(self, checklist: Checklist) -> None:
        terms: dict[str, list[Target]] = {cue: [(NEGATION, -1, 0)] for cue in NEGATION_CUES}
        patterns: dict[str, list[Target]] = {}
        # Heading cues are looked for only in section titles, so they get matchers of their own.
        heading_terms: dict[str, list[Target]] = {}
        heading_patterns: dict[str, list[Target]] = {}
        self.items: list[CompiledItem] = []
        for index, item in enumerate(checklist.items):
            groups = item_groups(item.rules, checklist.shared_groups)
            bits = {name: 1 << number for number, name in enumerate((*groups, HEADING_GROUP))}
            sources: list[tuple[Target, TermGroup]] = [
                ((GROUP, index, bits[n]), g) for n, g in groups.items()
            ]
            sources.extend(((FLAG, index, 1 << i), flag) for i, flag in enumerate(item.rules.red_flags))
            if item.rules.headings is not None:
                _add(
                    heading_terms,
                    heading_patterns,
                    (HEADING, index, bits[HEADING_GROUP]),
                    item.rules.headings,
                )
            for target, group in sources:
                _add(terms, patterns, target, group)
            self.items.append(
                CompiledItem(
                    item,
                    bits[HEADING_GROUP],
                    {bits[name]: group.weight for name, group in groups.items()},
                    tuple(_compile(n, c, bits) for n, c in enumerate(item.rules.addressed, start=1)),
                    tuple(_compile(n, c, bits) for n, c in enumerate(item.rules.partial, start=1)),
                )
            )
        self._body = _Matchers(terms, patterns)
        self._headings = _Matchers(heading_terms, heading_patterns)
        self.item_index = {item.id: index for index, item in enumerate(checklist.items)}

    def scan(self, text: str) -> list[tuple[list[Match], tuple[tuple[Target, ...], ...]]]:
        """Matches of group, red-flag and negation terms in policy text, with the targets they index."""
        return self._body.scan(text)

    def scan_heading(self, title: str) -> list[tuple[list[Match], tuple[tuple[Target, ...], ...]]]:
        """Matches of heading cues in a section title, with the targets they index."""
        return self._headings.scan(title)


class _Matchers:
    """A term matcher and a pattern matcher, and the targets of each of their terms."""

    def __init__(self, terms: dict[str, list[Target]], patterns: dict[str, list[Target]]) -> None:
        self.terms = TermMatcher(list(terms))
        self.term_targets = tuple(tuple(targets) for targets in terms.values())
        self.patterns = PatternMatcher(list(patterns))
        self.pattern_targets = tuple(tuple(targets) for targets in patterns.values())

    def scan(self, text: str) -> list[tuple[list[Match], tuple[tuple[Target, ...], ...]]]:
        """Term and pattern matches in ``text``, each list with the targets its ``term`` numbers index."""
        folded = fold_case(text)
        return [
            (self.terms.find(folded), self.term_targets),
            (self.patterns.find(text, folded), self.pattern_targets),
        ]


def _add(
    terms: dict[str, list[Target]], patterns: dict[str, list[Target]], target: Target, group: TermGroup
) -> None:
    for word in (*group.en, *group.zh):
        terms.setdefault(word, []).append(target)
    for regex in group.patterns:
        patterns.setdefault(regex, []).append(target)


def _mask(names: Iterable[str], bits: dict[str, int]) -> int:
    mask = 0
    for name in names:
        mask |= bits[name]
    return mask


def _compile(number: int, condition: Condition, bits: dict[str, int]) -> CompiledCondition:
    entries = tuple(_mask((entry,) if isinstance(entry, str) else entry, bits) for entry in condition.all_of)
    positive = 0
    for entry in entries:
        positive |= entry
    return CompiledCondition(
        number,
        entries,
        positive & ~bits[HEADING_GROUP],
        _mask(condition.none, bits),
        condition.scope,
        condition.window,
        condition.min_sentences,
        _describe(condition),
        condition.language,
    )


def _describe(condition: Condition) -> str:
    parts = [entry if isinstance(entry, str) else " or ".join(entry) for entry in condition.all_of]
    text = " + ".join(parts)
    if condition.none:
        text += f", without {' or '.join(condition.none)}"
    where = {
        "sentence": "in one sentence",
        "window": f"within {condition.window} sentence{'s' if condition.window > 1 else ''} either side",
        "paragraph": "in one paragraph",
        "document": "anywhere in the policy",
    }[condition.scope]
    return f"{text} {where}"


_CACHE: dict[int, tuple[Checklist, CompiledChecklist]] = {}
_CACHE_SIZE = 4


def compiled(checklist: Checklist) -> CompiledChecklist:
    """Compile a checklist once; the cache holds the checklist itself so its id cannot be reused."""
    cached = _CACHE.get(id(checklist))
    if cached is not None and cached[0] is checklist:
        return cached[1]
    result = CompiledChecklist(checklist)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(checklist)] = (checklist, result)
    return result
