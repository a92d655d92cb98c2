"""Where each checklist item's terms occur in a policy, by sentence, built in one scan of the text.

Matches are mapped to sentences by offset (bisect over sentence starts), never by searching each sentence.
Heading cues are matched once per distinct section path, not once per sentence.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from desktop.core.compiled_rules import GROUP, NEGATION, CompiledChecklist, Target
from desktop.core.segments import Segmentation, Sentence

Span = tuple[int, int]


@dataclass(slots=True)
class SentenceHits:
    """The matches of one item's terms in one sentence: which groups (bits) and where."""

    mask: int
    spans: list[Span]


@dataclass
class PolicyIndex:
    text: str
    sentences: tuple[Sentence, ...]
    path_ids: list[int]  # per sentence: index into ``paths``
    paths: list[tuple[str, ...]]
    groups: dict[int, dict[int, SentenceHits]] = field(default_factory=lambda: defaultdict(dict))
    """item -> sentence -> its group terms there."""
    flags: dict[int, dict[int, SentenceHits]] = field(default_factory=lambda: defaultdict(dict))
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


def build_index(
    text: str, segmentation: Segmentation, rules: CompiledChecklist, wanted: set[int]
) -> PolicyIndex:
    """Index the terms of the ``wanted`` items (indices into the checklist) in ``text``."""
    sentences = segmentation.sentences
    paragraphs = segmentation.paragraphs
    path_number: dict[tuple[str, ...], int] = {}
    path_ids = [path_number.setdefault(s.section_path, len(path_number)) for s in sentences]
    index = PolicyIndex(text, sentences, path_ids, list(path_number))
    starts = [s.start for s in sentences]
    ends = [s.end for s in sentences]
    # A heading on its own says nothing: its sentences never become evidence.
    body = [
        not (0 <= s.paragraph < len(paragraphs) and paragraphs[s.paragraph].kind == "heading")
        for s in sentences
    ]
    negations = index.negations
    for matches, all_targets in rules.scan(text):
        actions = [_actions(targets, index, wanted) for targets in all_targets]
        for start, end, term in matches:
            negation, updates = actions[term]
            if not (negation or updates):
                continue
            position = bisect_right(starts, start) - 1
            if position < 0 or end > ends[position] or not body[position]:
                continue
            if negation:
                negations[position].append((start, end, text[start].isascii()))
            for by_sentence, bit in updates:
                hits = by_sentence.get(position)
                if hits is None:
                    by_sentence[position] = SentenceHits(bit, [(start, end)])
                else:
                    hits.mask |= bit
                    hits.spans.append((start, end))
    for path_id, path in enumerate(index.paths):
        index.headings[path_id] = _heading_hits(path, rules, wanted)
    return index


def _actions(
    targets: tuple[Target, ...], index: PolicyIndex, wanted: set[int]
) -> tuple[bool, list[tuple[dict[int, SentenceHits], int]]]:
    """What one term's match does: whether it is a negation cue, and which (sentence map, bit) it marks."""
    negation = False
    updates: list[tuple[dict[int, SentenceHits], int]] = []
    for kind, item, bit in targets:
        if kind == NEGATION:
            negation = True
        elif item in wanted and kind == GROUP:
            updates.append((index.groups[item], bit))
        elif item in wanted:
            updates.append((index.flags[item], bit))
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
