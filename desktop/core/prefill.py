"""Keyword heuristics that suggest a status and evidence for every checklist item.

How it works, in one pass over the policy:

1. All terms of all items (plus negation cues) go into one Aho-Corasick automaton, built once per checklist
   and cached; regular expressions are compiled once and each runs once over the text.
2. Each match is mapped to its sentence by offset (bisect), giving per item: sentence -> term group -> terms.
   Heading cues are matched against the section paths, red-flag wording and negation cues per sentence.
3. Per item, only the sentences that hold one of its terms are looked at: a sentence *supports* a level
   (``addressed`` / ``partial``) when one of that level's conditions holds in its scope. Negation and red
   flags then adjust the verdict; the supporting sentences, best first, become the evidence.

Heading sentences never count as evidence on their own: a heading without body text says nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from desktop.core.checklist import Checklist, ChecklistItem
from desktop.core.document import Policy
from desktop.core.matching import Match, PatternMatcher, TermMatcher, fold_case
from desktop.core.negation import CUES as NEGATION_CUES
from desktop.core.negation import negates
from desktop.core.review import Framework
from desktop.core.rules import HEADING_GROUP, Condition, ItemRules, TermGroup, item_groups
from desktop.core.segments import Segmentation, Sentence
from desktop.core.suggestion import EvidenceCandidate, SuggestedStatus, Suggestion

MAX_EVIDENCE = 5
MAX_TERMS_SHOWN = 6
HEADING_BONUS = 0.5
ADDRESSED_BONUS = 1.0

TargetKind = Literal["group", "heading", "flag", "negation"]
Hit = tuple[int, int, str]  # start, end, surface form as written in the policy


@dataclass(frozen=True, slots=True)
class _Target:
    """What a term stands for: an item's group, heading cue or red flag, or a negation cue."""

    kind: TargetKind
    item: int = -1
    name: str = ""


class _CompiledChecklist:
    """The matchers of one checklist, and what each of their terms stands for."""

    def __init__(self, checklist: Checklist) -> None:
        terms: dict[str, list[_Target]] = {}
        patterns: dict[str, list[_Target]] = {}
        for cue in NEGATION_CUES:
            terms.setdefault(cue, []).append(_Target("negation"))
        self.item_groups: list[dict[str, TermGroup]] = []
        for index, item in enumerate(checklist.items):
            rules = item.rules
            groups = item_groups(rules, checklist.shared_groups)
            self.item_groups.append(groups)
            sources: list[tuple[_Target, Iterable[str], Iterable[str]]] = [
                (_Target("group", index, name), (*group.en, *group.zh), group.patterns)
                for name, group in groups.items()
            ]
            if rules.headings is not None:
                heading = rules.headings
                sources.append((_Target("heading", index), (*heading.en, *heading.zh), heading.patterns))
            for flag_index, flag in enumerate(rules.red_flags):
                sources.append((_Target("flag", index, str(flag_index)), (*flag.en, *flag.zh), flag.patterns))
            for target, words, regexes in sources:
                for word in words:
                    terms.setdefault(word, []).append(target)
                for regex in regexes:
                    patterns.setdefault(regex, []).append(target)
        self.terms = TermMatcher(list(terms))
        self.term_targets = tuple(tuple(targets) for targets in terms.values())
        self.patterns = PatternMatcher(list(patterns))
        self.pattern_targets = tuple(tuple(targets) for targets in patterns.values())
        self.item_index = {item.id: index for index, item in enumerate(checklist.items)}

    def scan(self, text: str) -> Iterable[tuple[Match, tuple[_Target, ...]]]:
        """Every term and pattern occurrence in ``text`` with its targets."""
        for match in self.terms.find(fold_case(text)):
            yield match, self.term_targets[match.term]
        for match in self.patterns.find(text):
            yield match, self.pattern_targets[match.term]


_CACHE: dict[int, tuple[Checklist, _CompiledChecklist]] = {}
_CACHE_SIZE = 4


def _compiled(checklist: Checklist) -> _CompiledChecklist:
    """Compile a checklist once; the cache holds the checklist itself so its id cannot be reused."""
    cached = _CACHE.get(id(checklist))
    if cached is not None and cached[0] is checklist:
        return cached[1]
    compiled = _CompiledChecklist(checklist)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(checklist)] = (checklist, compiled)
    return compiled


@dataclass
class _PolicyIndex:
    """Where each item's terms occur, by sentence; built in one scan of the text."""

    text: str
    sentences: tuple[Sentence, ...]
    groups: dict[int, dict[int, dict[str, list[Hit]]]] = field(default_factory=lambda: defaultdict(dict))
    flags: dict[int, dict[int, dict[int, list[Hit]]]] = field(default_factory=lambda: defaultdict(dict))
    negations: dict[int, list[tuple[int, int, bool]]] = field(default_factory=lambda: defaultdict(list))
    headings: dict[tuple[str, ...], dict[int, list[str]]] = field(default_factory=dict)


def _build_index(
    policy: Policy, segmentation: Segmentation, compiled: _CompiledChecklist, wanted: set[int]
) -> _PolicyIndex:
    text = policy.text
    sentences = segmentation.sentences
    paragraphs = segmentation.paragraphs
    index = _PolicyIndex(text, sentences)
    starts = [sentence.start for sentence in sentences]
    body = [
        not (0 <= s.paragraph < len(paragraphs) and paragraphs[s.paragraph].kind == "heading")
        for s in sentences
    ]
    for match, targets in compiled.scan(text):
        position = bisect_right(starts, match.start) - 1
        if position < 0 or match.end > sentences[position].end or not body[position]:
            continue
        for target in targets:
            if target.kind == "negation":
                index.negations[position].append((match.start, match.end, text[match.start].isascii()))
            elif target.item in wanted and target.kind != "heading":
                hit = (match.start, match.end, text[match.start : match.end])
                if target.kind == "group":
                    bucket = index.groups[target.item].setdefault(position, {})
                    bucket.setdefault(target.name, []).append(hit)
                else:
                    flag_bucket = index.flags[target.item].setdefault(position, {})
                    flag_bucket.setdefault(int(target.name), []).append(hit)
    paths = {sentences[p].section_path for item_hits in index.groups.values() for p in item_hits}
    for path in paths:
        index.headings[path] = _heading_hits(path, compiled, wanted)
    return index


def _heading_hits(
    path: tuple[str, ...], compiled: _CompiledChecklist, wanted: set[int]
) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    joined = " / ".join(path)
    for match, targets in compiled.scan(joined):
        for target in targets:
            if target.kind == "heading" and target.item in wanted:
                found.setdefault(target.item, []).append(joined[match.start : match.end])
    return found


@dataclass
class _Anchor:
    """One sentence holding terms of the item, and what it supports."""

    position: int
    groups: dict[str, list[Hit]]
    heading_terms: list[str]
    level: int = 0  # 0 none, 1 partial, 2 addressed
    negation: tuple[str, str] | None = None  # (cue, term) when a cue negates one of its terms
    score: float = 0.0


def prefill(
    policy: Policy,
    checklist: Checklist,
    frameworks: tuple[Framework, ...] = ("pipl", "gdpr"),
    segmentation: Segmentation | None = None,
) -> dict[str, Suggestion]:
    """One suggestion per item of ``frameworks``, in checklist order."""
    if segmentation is None:
        from desktop.core.segment import segment

        segmentation = segment(policy)
    compiled = _compiled(checklist)
    items = checklist.items_for(frameworks)
    wanted = {compiled.item_index[item.id] for item in items}
    index = _build_index(policy, segmentation, compiled, wanted)
    return {
        item.id: _judge(
            item, compiled.item_index[item.id], index, compiled.item_groups[compiled.item_index[item.id]]
        )
        for item in items
    }


def _judge(
    item: ChecklistItem, item_index: int, index: _PolicyIndex, groups: dict[str, TermGroup]
) -> Suggestion:
    rules = item.rules
    hits = index.groups.get(item_index, {})
    if not hits:
        return Suggestion(item.id, "not_found", 0.8, (), ("None of this item's terms occur in the policy.",))
    anchors = {
        position: _Anchor(
            position,
            groups,
            index.headings.get(index.sentences[position].section_path, {}).get(item_index, []),
        )
        for position, groups in sorted(hits.items())
    }
    explanation: list[str] = []
    addressed_set, short = _apply_conditions(rules.addressed, "addressed", anchors, index, explanation)
    partial_met, _ = _apply_conditions(rules.partial, "partial", anchors, index, explanation)
    # Sentences meeting an 'addressed' condition short of its min_sentences still show the topic.
    partial_set = (partial_met | short) - addressed_set
    explanation.extend(_apply_negation(rules, anchors, index, addressed_set, partial_set))
    flags, red_flags, downgraded = _red_flags(rules, item_index, index, addressed_set, partial_set)
    if downgraded:
        partial_set |= addressed_set
        addressed_set = set()
    for position in addressed_set:
        anchors[position].level = 2
    for position in partial_set:
        anchors[position].level = 1
    supporting = [anchor for anchor in anchors.values() if anchor.level]
    if not supporting:
        seen = _distinct(
            hit[2] for anchor in anchors.values() for hits_ in anchor.groups.values() for hit in hits_
        )
        return Suggestion(
            item.id,
            "not_found",
            0.6,
            (),
            (*explanation, f"No rule met; terms seen without the context a rule asks for: {_quote(seen)}."),
        )
    for anchor in supporting:
        anchor.score = _score(rules, groups, anchor)
    supporting.sort(key=lambda a: (-a.level, -a.score, a.position))
    status: SuggestedStatus = "addressed" if addressed_set else "partial"
    best = supporting[0]
    if best.heading_terms:
        path = index.sentences[best.position].section_path
        explanation.append(f"Heading cue {_quote(_distinct(best.heading_terms))} in section “{path[-1]}”.")
    explanation.extend(flags)
    if downgraded:
        explanation.append("Every sentence supporting 'addressed' carries a red flag: downgraded to partial.")
    evidence = tuple(_evidence(anchor, index) for anchor in supporting[:MAX_EVIDENCE])
    confidence = _confidence(status, supporting, downgraded)
    return Suggestion(item.id, status, confidence, evidence, tuple(explanation), red_flags)


def _apply_conditions(
    conditions: tuple[Condition, ...],
    level: str,
    anchors: dict[int, _Anchor],
    index: _PolicyIndex,
    explanation: list[str],
) -> tuple[set[int], set[int]]:
    """Anchors meeting a condition that holds, and anchors meeting one short of its ``min_sentences``."""
    held: set[int] = set()
    short: set[int] = set()
    wide = _WideScopes(anchors, index)
    for number, condition in enumerate(conditions, start=1):
        met = [position for position, anchor in anchors.items() if _meets(condition, anchor, wide)]
        if not met:
            continue
        if len(met) < condition.min_sentences:
            short.update(met)
            continue
        held.update(met)
        terms = _distinct(hit[2] for p in met for hits in anchors[p].groups.values() for hit in hits)
        explanation.append(
            f"{level.capitalize()} rule {number} ({_describe(condition)}) met in {len(met)} "
            f"sentence{'s' if len(met) != 1 else ''}; terms: {_quote(terms)}."
        )
    return held, short


class _WideScopes:
    """The groups present around an anchor, per scope; paragraph and document unions computed once."""

    def __init__(self, anchors: dict[int, _Anchor], index: _PolicyIndex) -> None:
        self.anchors = anchors
        self.sentences = index.sentences
        self._paragraphs: dict[int, set[str]] | None = None
        self._document: set[str] | None = None

    def groups(self, condition: Condition, anchor: _Anchor) -> set[str]:
        present = set(anchor.groups)
        if condition.scope == "window":
            path = self.sentences[anchor.position].section_path
            for offset in range(-condition.window, condition.window + 1):
                neighbour = self.anchors.get(anchor.position + offset)
                if neighbour is not None and self.sentences[neighbour.position].section_path == path:
                    present.update(neighbour.groups)
        elif condition.scope == "paragraph":
            if self._paragraphs is None:
                self._paragraphs = defaultdict(set)
                for position, other in self.anchors.items():
                    self._paragraphs[self.sentences[position].paragraph].update(other.groups)
            present.update(self._paragraphs[self.sentences[anchor.position].paragraph])
        elif condition.scope == "document":
            if self._document is None:
                self._document = {name for other in self.anchors.values() for name in other.groups}
            present.update(self._document)
        return present


def _meets(condition: Condition, anchor: _Anchor, wide: _WideScopes) -> bool:
    entries = [(entry,) if isinstance(entry, str) else entry for entry in condition.all_of]
    if not any(name in anchor.groups for entry in entries for name in entry):
        return False  # the sentence itself must carry part of the condition
    present = wide.groups(condition, anchor)
    if anchor.heading_terms:
        present.add(HEADING_GROUP)
    return all(any(name in present for name in entry) for entry in entries) and not present.intersection(
        condition.none
    )


def _apply_negation(
    rules: ItemRules,
    anchors: dict[int, _Anchor],
    index: _PolicyIndex,
    addressed: set[int],
    partial: set[int],
) -> list[str]:
    """Per the item's ``negation`` mode, a negated sentence may address the item or be held to partial.

    Moves sentences between ``addressed`` and ``partial`` in place; returns the explanation lines.
    """
    explanation: list[str] = []
    if rules.negation == "ignore":
        return explanation
    for position in sorted(addressed | partial):
        anchor = anchors[position]
        cues = index.negations.get(position)
        if not cues:
            continue
        for hits in anchor.groups.values():
            for start, _, surface in hits:
                span = negates(cues, start)
                if span is not None:
                    anchor.negation = (index.text[span[0] : span[1]], surface)
                    break
            if anchor.negation is not None:
                break
        if anchor.negation is None:
            continue
        cue, term = anchor.negation
        if rules.negation == "addresses" and position in partial:
            partial.discard(position)
            addressed.add(position)
            explanation.append(
                f"Negation '{cue}' before '{term}': a clear negative statement addresses this item."
            )
        elif rules.negation == "weakens" and position in addressed:
            addressed.discard(position)
            partial.add(position)
            explanation.append(f"Negation '{cue}' before '{term}': this sentence cannot support 'addressed'.")
    return explanation


def _red_flags(
    rules: ItemRules, item_index: int, index: _PolicyIndex, addressed: set[int], partial: set[int]
) -> tuple[list[str], tuple[str, ...], bool]:
    """Red-flag lines and wording for the item, and whether 'addressed' must be downgraded.

    A flag counts when it occurs in a supporting sentence, or anywhere for flags marked ``anywhere``.
    """
    flagged = index.flags.get(item_index, {})
    seen: dict[int, list[str]] = {}
    for position, by_flag in sorted(flagged.items()):
        supporting = position in addressed or position in partial
        for flag_index, hits in by_flag.items():
            if supporting or rules.red_flags[flag_index].anywhere:
                seen.setdefault(flag_index, []).extend(hit[2] for hit in hits)
    lines = [
        f"Red flag “{rules.red_flags[flag_index].label}”: {_quote(_distinct(surfaces))}."
        for flag_index, surfaces in sorted(seen.items())
    ]
    wording = _distinct(surface for _, surfaces in sorted(seen.items()) for surface in surfaces)
    local = {i for i, flag in enumerate(rules.red_flags) if flag.downgrade and not flag.anywhere}
    downgraded = bool(addressed) and (
        all(local.intersection(flagged.get(position, {})) for position in addressed)
        or any(rules.red_flags[i].anywhere and rules.red_flags[i].downgrade for i in seen)
    )
    return lines, wording, downgraded


def _score(rules: ItemRules, groups: dict[str, TermGroup], anchor: _Anchor) -> float:
    weights = sum(groups[name].weight for name in anchor.groups)
    variety = 0.1 * min(5, len({hit[2].lower() for hits in anchor.groups.values() for hit in hits}))
    score = weights + variety + (HEADING_BONUS if anchor.heading_terms else 0.0)
    if anchor.level == 2:
        score += ADDRESSED_BONUS
    if anchor.negation is not None and rules.negation == "weakens":
        score *= 0.5
    return round(score, 3)


def _confidence(status: SuggestedStatus, supporting: list[_Anchor], downgraded: bool) -> float:
    """A rough 0..1 belief in the suggested status: more independent supporting sentences, more belief."""
    if status == "addressed":
        strong = sum(1 for anchor in supporting if anchor.level == 2)
        heading = 0.05 if supporting[0].heading_terms else 0.0
        return round(min(0.95, 0.6 + 0.1 * min(3, strong - 1) + heading), 2)
    if downgraded:
        return 0.55
    return round(min(0.75, 0.5 + 0.05 * min(5, len(supporting) - 1)), 2)


def _evidence(anchor: _Anchor, index: _PolicyIndex) -> EvidenceCandidate:
    sentence = index.sentences[anchor.position]
    terms = _distinct(hit[2] for hit in sorted(hit for hits in anchor.groups.values() for hit in hits))
    return EvidenceCandidate(sentence.start, sentence.end, anchor.score, sentence.section_path, terms)


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


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct values in first-seen order, compared case-insensitively."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return tuple(seen.values())


def _quote(terms: tuple[str, ...]) -> str:
    shown = ", ".join(f"'{term[:40]}'" for term in terms[:MAX_TERMS_SHOWN])
    return shown + (f" and {len(terms) - MAX_TERMS_SHOWN} more" if len(terms) > MAX_TERMS_SHOWN else "")
