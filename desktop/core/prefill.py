"""Keyword heuristics that suggest a status and evidence for every checklist item.

How it works:

1. The checklist is compiled once (:mod:`desktop.core.compiled_rules`): one Aho-Corasick automaton for all
   terms of all items plus the negation cues, each regular expression compiled once.
2. One scan of the policy text maps every match to its sentence (:mod:`desktop.core.term_index`), giving
   per item: sentence -> term group -> matches; heading cues are matched against section paths.
3. Per item, only the sentences holding one of its terms (*anchors*) are examined. An anchor *supports* a
   level (``addressed`` / ``partial``) when one of that level's conditions holds in the condition's scope
   around it. The item's ``negation`` mode and red flags then adjust the verdict, and the supporting
   sentences, best first, become the evidence. Every step that fired is written to the explanation.
4. Evidence ranks 'addressed' support before 'partial', then by score (group weights, matches, heading);
   each wording is shown once, and title lines (contents entries, sub-titles) come after the sentences
   that say something.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable

from desktop.core.checklist import Checklist, ChecklistItem
from desktop.core.compiled_rules import CompiledChecklist, CompiledCondition, CompiledItem, compiled
from desktop.core.document import Policy
from desktop.core.negation import negates, qualified
from desktop.core.review import Framework
from desktop.core.rules import ItemRules, NegationMode
from desktop.core.segments import Segmentation
from desktop.core.suggestion import EvidenceCandidate, SuggestedStatus, Suggestion
from desktop.core.term_index import ItemHits, PolicyIndex, SentenceHits, build_index, collector_paused

MAX_EVIDENCE = 5
MAX_TERMS_SHOWN = 6
TERM_SENTENCES = 50
HEADING_BONUS = 0.5
ADDRESSED_BONUS = 1.0
PARTIAL, ADDRESSED = 1, 2


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
    with collector_paused():
        return _suggest(policy, segmentation, compiled(checklist), checklist.items_for(frameworks))


def _suggest(
    policy: Policy, segmentation: Segmentation, rules: CompiledChecklist, items: tuple[ChecklistItem, ...]
) -> dict[str, Suggestion]:
    """Index the policy and judge each item; the index is freed on return, before the collector resumes."""
    wanted = {rules.item_index[item.id] for item in items}
    index = build_index(policy.text, segmentation, rules, wanted)
    return {
        item.id: _judge(
            rules.items[rules.item_index[item.id]], rules.item_index[item.id], index, policy.language
        )
        for item in items
    }


def _judge(plan: CompiledItem, item_index: int, index: PolicyIndex, language: str) -> Suggestion:
    item_id, rules = plan.item.id, plan.item.rules
    hits = index.groups.get(item_index)
    if not hits:
        return Suggestion(item_id, "not_found", 0.8, (), ("None of this item's terms occur in the policy.",))
    masks = _masks(plan, item_index, hits, index)
    explanation: list[str] = []
    scopes = _Scopes(masks, hits, index)
    addressed, short = scopes.apply(_for(plan.addressed, language), "Addressed", explanation)
    partial_met, _ = scopes.apply(_for(plan.partial, language), "Partial", explanation)
    # Sentences meeting an 'addressed' condition short of its min_sentences still show the topic.
    partial = (partial_met | short) - addressed
    negation_lines, negated = _apply_negation(
        _negation_mode(rules, language), hits, index, addressed, partial
    )
    explanation.extend(negation_lines)
    flag_lines, red_flags, downgraded = _red_flags(rules, item_index, index, addressed | partial, addressed)
    if downgraded:
        partial |= addressed
        addressed = set()
    if not addressed and not partial:
        seen = _terms(index, (hits[p] for p in sorted(hits)))
        line = f"No rule met; terms seen without the context a rule asks for: {_quote(seen)}."
        return Suggestion(item_id, "not_found", 0.6, (), (*explanation, line))
    weakened = negated if rules.negation == "weakens" else set()
    counts = hits.counts
    scored = [
        (_score(plan, masks[p], counts[p], p in addressed, p in weakened), p) for p in addressed | partial
    ]
    scored.sort(key=lambda pair: (-(pair[1] in addressed), -pair[0], pair[1]))
    shown = _shown(scored, index)
    status: SuggestedStatus = "addressed" if addressed else "partial"
    best = shown[0][1]
    heading_terms = index.headings[index.path_ids[best]].get(item_index)
    if heading_terms:
        section = index.sentences[best].section_path[-1]
        explanation.append(f"Heading cue {_quote(_distinct(heading_terms))} in section “{section}”.")
    explanation.extend(flag_lines)
    if downgraded:
        explanation.append(
            "A red flag applies to every sentence supporting 'addressed': downgraded to partial."
        )
    evidence = tuple(_evidence(position, score, hits[position], index) for score, position in shown)
    flagged = _downgrading_flag(rules, item_index, index)
    if flagged is not None:
        # The wording that cost 'addressed' is what the reviewer must see first.
        flag_hits = index.flags[item_index][flagged]
        start = index.sentences[flagged].start
        others = tuple(candidate for candidate in evidence if candidate.start != start)
        evidence = (_evidence(flagged, scored[0][0], flag_hits, index), *others[: MAX_EVIDENCE - 1])
    confidence = _confidence(status, len(addressed), len(scored), bool(heading_terms), downgraded)
    return Suggestion(item_id, status, confidence, evidence, tuple(explanation), red_flags)


_TITLE_MARKER = re.compile(
    r"^\s*(?:[•·▪●○◦■□◆◇▶➢✓√*+-]|[（(]?\s*(?:\d{1,3}(?:[.．]\d{1,3})*|[一二三四五六七八九十]+)\s*[)）]?\s*[、.．]?)?\s*"
)
_TITLE_MAX = 30
_NOT_TITLE = re.compile(r"[。；;，,、：:！!.@\t]")
# "我们如何收集、使用您的个人信息": the standard Chinese section title, whose enumeration comma is no list.
_HOW_TITLE = re.compile(r"(?:我们|您|你)?如何[^。；;，,：:！!.@\t]*$")


def _title_line(position: int, index: PolicyIndex) -> bool:
    """Whether a sentence is a title line: a short paragraph of its own with no punctuation.

    Heading-like lines the segmenter left in the body (a table of contents, a bulleted sub-title, a
    heading in a run of numbered lines) name a topic without saying anything about it, so they rank after
    every sentence that does. A "label: value" line (``更新日期：2022年5月``) or a list of fields is no title.
    """
    sentences = index.sentences
    sentence = sentences[position]
    if sentence.end - sentence.start > 2 * _TITLE_MAX:
        return False
    paragraph = sentence.paragraph
    if (position > 0 and sentences[position - 1].paragraph == paragraph) or (
        position + 1 < len(sentences) and sentences[position + 1].paragraph == paragraph
    ):
        return False
    text = index.text[sentence.start : sentence.end]
    body = _TITLE_MARKER.sub("", text, count=1)
    if not 0 < len(body) <= _TITLE_MAX:
        return False
    return _NOT_TITLE.search(body) is None or _HOW_TITLE.match(body) is not None


def _shown(scored: list[tuple[float, int]], index: PolicyIndex) -> list[tuple[float, int]]:
    """The evidence to show from the ranked candidates: at most :data:`MAX_EVIDENCE`, each wording once,
    title lines after every other candidate, including those supporting only 'partial': a line that names
    the topic says less than any sentence that states something about it.

    Policies repeat sentences word for word (a summary before the full text, the same clause under each
    product): a repeat tells the reviewer nothing new and would push a different sentence out of view.
    Walks the ranking only until enough are found, since a long policy has thousands of candidates.
    """
    seen: set[str] = set()
    kept: list[tuple[float, int]] = []
    titles: list[tuple[float, int]] = []
    for candidate in scored:
        if len(kept) == MAX_EVIDENCE:
            break
        sentence = index.sentences[candidate[1]]
        wording = "".join(index.text[sentence.start : sentence.end].split())
        if wording in seen:
            continue
        seen.add(wording)
        (titles if _title_line(candidate[1], index) else kept).append(candidate)
    kept.extend(titles[: MAX_EVIDENCE - len(kept)])
    return kept


def _for(conditions: tuple[CompiledCondition, ...], language: str) -> tuple[CompiledCondition, ...]:
    return tuple(condition for condition in conditions if condition.applies_to(language))


def _masks(plan: CompiledItem, item_index: int, hits: ItemHits, index: PolicyIndex) -> dict[int, int]:
    """Per anchor sentence, the bits of the groups it holds, plus the heading bit under a matching heading."""
    headed = {path for path, found in index.headings.items() if item_index in found}
    if not headed:
        return dict(hits.masks)
    path_ids, bit = index.path_ids, plan.heading_bit
    return {p: mask | bit if path_ids[p] in headed else mask for p, mask in hits.masks.items()}


class _Scopes:
    """Which anchor sentences meet a condition, looking at the groups around each one per the scope.

    Sentence and document scopes depend only on the sentence's own mask, so anchors are evaluated per
    distinct mask: a long policy has thousands of anchors but few distinct combinations of groups.
    """

    def __init__(self, masks: dict[int, int], hits: ItemHits, index: PolicyIndex) -> None:
        self.masks = masks
        self.hits = hits
        self.index = index
        self.by_mask: dict[int, list[int]] = defaultdict(list)
        document = 0
        for position, mask in masks.items():
            self.by_mask[mask].append(position)
            document |= mask
        self.document = document
        self._paragraphs: dict[int, int] | None = None
        self._windows: dict[int, dict[int, int]] = {}

    def apply(
        self, conditions: tuple[CompiledCondition, ...], level: str, explanation: list[str]
    ) -> tuple[set[int], set[int]]:
        """Anchors meeting a condition that holds, and anchors meeting one short of its ``min_sentences``."""
        held: set[int] = set()
        short: set[int] = set()
        for condition in conditions:
            met = list(self._met(condition))
            if not met:
                continue
            if len(met) < condition.min_sentences:
                short.update(met)
                continue
            held.update(met)
            terms = _terms(self.index, (self.hits[p] for p in met))
            count = f"{len(met)} sentence{'s' if len(met) != 1 else ''}"
            explanation.append(
                f"{level} rule {condition.number} ({condition.description}) met in {count}; "
                f"terms: {_quote(terms)}."
            )
        return held, short

    def _met(self, condition: CompiledCondition) -> Iterable[int]:
        positive = condition.positive
        if condition.scope in ("sentence", "document"):
            extra = self.document if condition.scope == "document" else 0
            for mask, positions in self.by_mask.items():
                if mask & positive and condition.holds(mask | extra):
                    yield from positions
            return
        masks = self.masks
        if condition.scope == "window":
            if not all(self.document & entry for entry in condition.entries):
                return  # a group the condition needs is in no anchor at all
            around = self._window_masks(condition.window)
            verdicts: dict[int, bool] = {}
            for position, mask in masks.items():
                if mask & positive:
                    present = around[position]
                    verdict = verdicts.get(present)
                    if verdict is None:
                        verdict = verdicts[present] = condition.holds(present)
                    if verdict:
                        yield position
            return
        paragraphs = self._paragraph_masks()
        sentences = self.index.sentences
        for position, mask in masks.items():
            if mask & positive and condition.holds(mask | paragraphs[sentences[position].paragraph]):
                yield position

    def _window_masks(self, window: int) -> dict[int, int]:
        """Per anchor, the groups within ``window`` sentences either side in its section (computed once)."""
        found = self._windows.get(window)
        if found is None:
            masks, path_ids = self.masks, self.index.path_ids
            found = self._windows[window] = {}
            for position, mask in masks.items():
                present, path = mask, path_ids[position]
                for near in range(position - window, position + window + 1):
                    other = masks.get(near)
                    if other is not None and path_ids[near] == path:
                        present |= other
                found[position] = present
        return found

    def _paragraph_masks(self) -> dict[int, int]:
        if self._paragraphs is None:
            self._paragraphs = defaultdict(int)
            sentences = self.index.sentences
            for position, mask in self.masks.items():
                self._paragraphs[sentences[position].paragraph] |= mask
        return self._paragraphs


def _negation_mode(rules: ItemRules, language: str) -> NegationMode:
    """The item's negation mode, or ``ignore`` for a policy outside the language it is limited to."""
    limited = rules.negation_language
    return rules.negation if limited is None or language in ("mixed", limited) else "ignore"


def _apply_negation(
    mode: NegationMode,
    hits: ItemHits,
    index: PolicyIndex,
    addressed: set[int],
    partial: set[int],
) -> tuple[list[str], set[int]]:
    """Per the item's ``negation`` mode, a negated sentence may address the item or be held to partial.

    Moves sentences between ``addressed`` and ``partial`` in place; returns the explanation lines (one per
    outcome, naming the first cue and term) and the negated sentences.
    """
    lines: dict[str, str] = {}
    negated: set[int] = set()
    if mode == "ignore":
        return [], negated
    for position in sorted(addressed | partial):
        cues = index.negations.get(position)
        found = _negation(hits[position], cues, index) if cues else None
        if found is None:
            continue
        negated.add(position)
        cue, term = found
        if mode == "addresses" and position in partial and not _qualified(position, index):
            partial.discard(position)
            addressed.add(position)
            lines.setdefault(
                "addresses",
                f"Negation '{cue}' before '{term}': a clear negative statement addresses this item.",
            )
        elif mode == "weakens" and position in addressed:
            addressed.discard(position)
            partial.add(position)
            lines.setdefault(
                "weakens", f"Negation '{cue}' before '{term}': that sentence cannot support 'addressed'."
            )
    return list(lines.values()), negated


def _qualified(position: int, index: PolicyIndex) -> bool:
    sentence = index.sentences[position]
    return qualified(index.text[sentence.start : sentence.end])


def _negation(
    hits: SentenceHits, cues: list[tuple[int, int, bool]], index: PolicyIndex
) -> tuple[str, str] | None:
    for span in hits.spans:
        cue = negates(cues, span[0])
        if cue is not None:
            return index.surface(cue), index.surface(span)
    return None


def _red_flags(
    rules: ItemRules, item_index: int, index: PolicyIndex, supporting: set[int], addressed: set[int]
) -> tuple[list[str], tuple[str, ...], bool]:
    """Red-flag lines and wording for the item, and whether 'addressed' must be downgraded.

    A flag counts when it occurs in a supporting sentence, or anywhere for flags marked ``anywhere``.
    """
    flagged = index.flags[item_index]
    anywhere_mask = local_mask = 0
    for number, flag in enumerate(rules.red_flags):
        if flag.anywhere:
            anywhere_mask |= 1 << number
        elif flag.downgrade:
            local_mask |= 1 << number
    seen: dict[int, list[str]] = {}
    for position in sorted(flagged):
        hits = flagged[position]
        wanted = hits.mask if position in supporting else hits.mask & anywhere_mask
        if not wanted:
            continue
        for number in range(len(rules.red_flags)):
            if wanted & (1 << number) and len(seen.get(number, ())) < MAX_TERMS_SHOWN:
                # Which span belongs to which flag is not kept; quote the sentence's flag wording.
                seen.setdefault(number, []).extend(index.surface(span) for span in hits.spans)
    lines = [
        f"Red flag “{rules.red_flags[number].label}”: {_quote(_distinct(surfaces))}."
        for number, surfaces in sorted(seen.items())
    ]
    wording = _distinct(surface for _, surfaces in sorted(seen.items()) for surface in surfaces)
    anywhere = any(rules.red_flags[n].anywhere and rules.red_flags[n].downgrade for n in seen)
    downgraded = bool(addressed) and (
        anywhere or all(position in flagged and flagged[position].mask & local_mask for position in addressed)
    )
    return lines, wording, downgraded


def _downgrading_flag(rules: ItemRules, item_index: int, index: PolicyIndex) -> int | None:
    """The first sentence carrying a red flag that downgrades wherever it occurs, if any."""
    mask = 0
    for number, flag in enumerate(rules.red_flags):
        if flag.anywhere and flag.downgrade:
            mask |= 1 << number
    flagged = index.flags[item_index]
    return next((position for position in sorted(flagged) if flagged[position].mask & mask), None)


def _score(plan: CompiledItem, mask: int, count: int, addressed: bool, weakened: bool) -> float:
    """Group weights, a little for more matches, a bonus for a matching heading and for 'addressed'."""
    score = plan.weight(mask) + 0.1 * min(5, count)
    if mask & plan.heading_bit:
        score += HEADING_BONUS
    if addressed:
        score += ADDRESSED_BONUS
    if weakened:
        score *= 0.5
    return round(score, 3)


def _confidence(
    status: SuggestedStatus, strong: int, supporting: int, heading: bool, downgraded: bool
) -> float:
    """A rough 0..1 belief in the suggested status: more independent supporting sentences, more belief."""
    if status == "addressed":
        return round(min(0.95, 0.6 + 0.1 * min(3, strong - 1) + (0.05 if heading else 0.0)), 2)
    if downgraded:
        return 0.55
    return round(min(0.75, 0.5 + 0.05 * min(5, supporting - 1)), 2)


def _evidence(position: int, score: float, hits: SentenceHits, index: PolicyIndex) -> EvidenceCandidate:
    sentence = index.sentences[position]
    terms = _distinct(index.surface(span) for span in sorted(hits.spans))
    return EvidenceCandidate(sentence.start, sentence.end, score, sentence.section_path, terms)


def _terms(index: PolicyIndex, sentences: Iterable[SentenceHits]) -> tuple[str, ...]:
    """Distinct matched terms, enough of them to quote (one more than shown, to know there are more).

    Looks at the first :data:`TERM_SENTENCES` sentences only: a long policy can meet a condition in
    thousands of sentences, and the explanation quotes a handful of terms.
    """
    seen: dict[str, str] = {}
    for hits in itertools.islice(sentences, TERM_SENTENCES):
        for span in hits.spans:
            surface = index.surface(span)
            seen.setdefault(surface.lower(), surface)
            if len(seen) > MAX_TERMS_SHOWN:
                return tuple(seen.values())
    return tuple(seen.values())


def _distinct(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct values in first-seen order, compared case-insensitively."""
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return tuple(seen.values())


def _quote(terms: tuple[str, ...]) -> str:
    shown = ", ".join(f"'{term[:40]}'" for term in terms[:MAX_TERMS_SHOWN])
    return shown + (" and more" if len(terms) > MAX_TERMS_SHOWN else "")
