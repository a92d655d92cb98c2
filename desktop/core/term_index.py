"""Where each checklist item's terms occur in a policy, by sentence, built in one scan of the text.

Matches are mapped to sentences by offset (a table from character offset to sentence), never by searching
each sentence. Heading cues are matched once per distinct section path, not once per sentence.

The index of a 3 MB policy covers hundreds of thousands of (item, sentence) pairs, so it stores per item only
two integers per sentence (the groups present and how many matches) and keeps each sentence's matches once,
shared by every item; an item's spans in a sentence are picked out of those only when the judge asks.
"""

from __future__ import annotations

import gc
from array import array
from collections import defaultdict
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from desktop.core.compiled_rules import GROUP, NEGATION, CompiledChecklist, Target
from desktop.core.negation import cue_at
from desktop.core.segments import Segmentation, Sentence

Span = tuple[int, int]
Keyed = tuple[int, int, int]
"""``(start, end, key)``: a match in the policy; ``key`` numbers its term among all terms, then patterns."""


@dataclass(frozen=True, slots=True)
class SentenceHits:
    """The matches of one item's terms in one sentence: which groups (bits), how many, and where."""

    mask: int
    count: int
    matches: list[Keyed]  # every indexed match in the sentence
    term_keys: dict[int, int]  # key -> how many of the item's groups (or flags) the term stands for

    @property
    def spans(self) -> list[Span]:
        """The item's matches in the sentence, in scan order, once per group the term stands for."""
        keys = self.term_keys
        found: list[Span] = []
        for start, end, key in self.matches:
            for _ in range(keys.get(key, 0)):
                found.append((start, end))
        return found


class ItemHits(Mapping[int, SentenceHits]):
    """Sentence -> :class:`SentenceHits` for one item's groups (or red flags), made when asked for."""

    def __init__(self, matches: dict[int, list[Keyed]]) -> None:
        self.masks: dict[int, int] = {}
        """sentence -> the bits of the groups (flags) present."""
        self.counts: dict[int, int] = {}
        """sentence -> how many matches (a term standing for two groups counts twice)."""
        self.term_keys: dict[int, int] = {}
        self._matches = matches

    def __getitem__(self, position: int) -> SentenceHits:
        return SentenceHits(
            self.masks[position], self.counts[position], self._matches[position], self.term_keys
        )

    def __contains__(self, position: object) -> bool:
        return position in self.masks

    def __iter__(self) -> Iterator[int]:
        return iter(self.masks)

    def __len__(self) -> int:
        return len(self.masks)


@dataclass
class PolicyIndex:
    text: str
    sentences: tuple[Sentence, ...]
    path_ids: list[int]  # per sentence: index into ``paths``
    paths: list[tuple[str, ...]]
    groups: dict[int, ItemHits]
    """item -> sentence -> its group terms there."""
    flags: dict[int, ItemHits]
    """item -> sentence -> its red-flag terms there (one bit per flag)."""
    negations: dict[int, list[tuple[int, int, bool]]] = field(default_factory=lambda: defaultdict(list))
    """sentence -> negation cues as (start, end, is_english)."""
    headings: dict[int, dict[int, list[str]]] = field(default_factory=dict)
    """path id -> item -> heading-cue terms found in that section path."""

    def surface(self, span: Span) -> str:
        return self.text[span[0] : span[1]]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while an index is built and judged.

    The index of a long policy holds hundreds of thousands of small containers, none of them in a reference
    cycle. Each full collection triggered while they pile up walks all of them again: on a 3 MB policy that
    was two thirds of the prefill time and made it grow faster than the text. Reference counting still frees
    everything; the collector resumes (if it was running) when the block ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


Update = tuple[dict[int, int], dict[int, int], int]  # (masks, counts, bit) of one item's ItemHits


def build_index(
    text: str, segmentation: Segmentation, rules: CompiledChecklist, wanted: set[int]
) -> PolicyIndex:
    """Index the terms of the ``wanted`` items (indices into the checklist) in ``text``."""
    sentences = segmentation.sentences
    path_number: dict[tuple[str, ...], int] = {}
    path_ids = [path_number.setdefault(s.section_path, len(path_number)) for s in sentences]
    matches: dict[int, list[Keyed]] = defaultdict(list)
    groups = {item: ItemHits(matches) for item in sorted(wanted)}
    flags = {item: ItemHits(matches) for item in sorted(wanted)}
    index = PolicyIndex(text, sentences, path_ids, list(path_number), groups, flags)
    sentence_at = _sentence_table(len(text), segmentation)
    ends = [s.end for s in sentences]
    negations = index.negations
    offset = 0
    for found, all_targets in rules.scan(text):
        actions = [_actions(targets, offset + term, index) for term, targets in enumerate(all_targets)]
        for match in found:
            start, end, term = match
            negation, updates = actions[term]
            if not (negation or updates):
                continue
            position = sentence_at[start]
            if position < 0 or end > ends[position]:
                continue
            if negation and cue_at(text, start):
                negations[position].append((start, end, text[start].isascii()))
            if not updates:
                continue
            matches[position].append(match if offset == 0 else (start, end, offset + term))
            for masks, counts, bit in updates:
                masks[position] = masks.get(position, 0) | bit
                counts[position] = counts.get(position, 0) + 1
        offset += len(all_targets)
    for path_id, path in enumerate(index.paths):
        index.headings[path_id] = _heading_hits(path, rules, wanted)
    return index


def _sentence_table(size: int, segmentation: Segmentation) -> array[int]:
    """Per character offset, the body sentence holding it, or -1 (between sentences, or in a heading).

    A heading on its own says nothing: its sentences never become evidence.
    """
    paragraphs = segmentation.paragraphs
    table = array("i", [-1]) * (size + 1)
    for position, sentence in enumerate(segmentation.sentences):
        number = sentence.paragraph
        if 0 <= number < len(paragraphs) and paragraphs[number].kind == "heading":
            continue
        table[sentence.start : sentence.end] = array("i", [position]) * (sentence.end - sentence.start)
    return table


def _actions(targets: tuple[Target, ...], key: int, index: PolicyIndex) -> tuple[bool, list[Update]]:
    """What one term's match does: whether it is a negation cue, and which (masks, counts, bit) it marks.

    Registers ``key`` with each item the term stands for, so the item's spans can be picked out later.
    """
    negation = False
    updates: list[Update] = []
    for kind, item, bit in targets:
        if kind == NEGATION:
            negation = True
            continue
        hits = (index.groups if kind == GROUP else index.flags).get(item)
        if hits is not None:
            hits.term_keys[key] = hits.term_keys.get(key, 0) + 1
            updates.append((hits.masks, hits.counts, bit))
    return negation, updates


def _heading_hits(path: tuple[str, ...], rules: CompiledChecklist, wanted: set[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not path:
        return found
    joined = " / ".join(path)
    for matches, all_targets in rules.scan_heading(joined):
        for start, end, term in matches:
            for _, item, _ in all_targets[term]:
                if item in wanted:
                    found.setdefault(item, []).append(joined[start:end])
    return found
