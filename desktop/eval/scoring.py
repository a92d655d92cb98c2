"""The figures of ../shared/spec/gold-format.md, computed from one outcome per scored (policy, item) pair.

Everything here is pure arithmetic over :class:`PairOutcome` records, so the figures can be checked by hand
in tests without running the heuristics.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from desktop.core.document import Language
from desktop.core.suggestion import SuggestedStatus
from desktop.eval.gold import GoldStatus
from desktop.eval.locate import Span
from desktop.eval.split import SplitName

MissKind = Literal["false found", "missed found", "evidence miss", "wrong status"]
MISS_KINDS: tuple[MissKind, ...] = ("false found", "missed found", "evidence miss", "wrong status")
TOP_K = 3


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """One labelled item of one policy, next to what the prefill suggested for it."""

    gold_file: str
    policy: str
    language: Language
    split: SplitName
    item: str
    gold_status: GoldStatus  # never "n/a": those pairs are not scored
    three_way: bool
    gold_quotes: tuple[str, ...]
    gold_spans: tuple[Span, ...]  # every located occurrence of every quote, in real offsets
    predicted: SuggestedStatus
    confidence: float
    evidence: tuple[Span, ...]  # the prefill's candidates, best first
    top_evidence: str = ""  # text of the best candidate, for the list of misses

    @property
    def chapter(self) -> str:
        return self.item.split(".", 1)[0]

    @property
    def gold_found(self) -> bool:
        return self.gold_status != "missing"

    @property
    def predicted_found(self) -> bool:
        return self.predicted != "not_found"

    @property
    def predicted_status(self) -> GoldStatus:
        return "missing" if self.predicted == "not_found" else self.predicted

    @property
    def evidence_hit(self) -> bool | None:
        """Whether a top-3 candidate overlaps a located gold quote; ``None`` when hit@3 does not apply."""
        if not (self.gold_found and self.predicted_found and self.gold_spans):
            return None
        return any(
            start < gold_end and gold_start < end
            for start, end in self.evidence[:TOP_K]
            for gold_start, gold_end in self.gold_spans
        )

    @property
    def miss(self) -> MissKind | None:
        if self.predicted_found and not self.gold_found:
            return "false found"
        if self.gold_found and not self.predicted_found:
            return "missed found"
        if self.evidence_hit is False:
            return "evidence miss"
        if self.three_way and self.predicted_status != self.gold_status:
            return "wrong status"
        return None


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass(slots=True)
class Tally:
    """Counts behind every figure; a figure with an empty denominator is ``None`` (printed ``n/a``)."""

    policies: set[str] = field(default_factory=set)
    labels: int = 0
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    status_total: int = 0
    status_correct: int = 0
    hit_total: int = 0
    hits: int = 0

    def add(self, outcome: PairOutcome) -> None:
        self.policies.add(outcome.gold_file)
        self.labels += 1
        if outcome.gold_found:
            if outcome.predicted_found:
                self.true_pos += 1
            else:
                self.false_neg += 1
        elif outcome.predicted_found:
            self.false_pos += 1
        else:
            self.true_neg += 1
        if outcome.three_way:
            self.status_total += 1
            self.status_correct += outcome.predicted_status == outcome.gold_status
        hit = outcome.evidence_hit
        if hit is not None:
            self.hit_total += 1
            self.hits += hit

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_pos, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_pos, self.true_pos + self.false_neg)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.true_pos, 2 * self.true_pos + self.false_pos + self.false_neg)

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.true_pos + self.true_neg, self.labels)

    @property
    def status_accuracy(self) -> float | None:
        return _ratio(self.status_correct, self.status_total)

    @property
    def hit_at_3(self) -> float | None:
        return _ratio(self.hits, self.hit_total)


def tally(outcomes: Iterable[PairOutcome]) -> Tally:
    result = Tally()
    for outcome in outcomes:
        result.add(outcome)
    return result


def group_tallies(outcomes: Sequence[PairOutcome], *, by_split: bool) -> dict[str, Tally]:
    """Tallies keyed ``overall``, ``split tune`` / ``split holdout``, ``language xx``, ``chapter yy``.

    Groups appear in the order of their first outcome (gold files list items in catalogue order).
    """
    groups: dict[str, Tally] = {"overall": tally(outcomes)}
    keyed: dict[str, Tally] = {}
    for outcome in outcomes:
        keys = [f"language {outcome.language}", f"chapter {outcome.chapter}"]
        if by_split:
            keys.insert(0, f"split {outcome.split}")
        for key in keys:
            keyed.setdefault(key, Tally()).add(outcome)
    for prefix in ("split ", "language ", "chapter "):
        groups.update((key, value) for key, value in keyed.items() if key.startswith(prefix))
    return groups


def item_tallies(outcomes: Iterable[PairOutcome]) -> dict[str, Tally]:
    """One tally per checklist item, by item id: what a rule author tunes against."""
    per_item: dict[str, Tally] = {}
    for outcome in outcomes:
        per_item.setdefault(outcome.item, Tally()).add(outcome)
    return dict(sorted(per_item.items()))


def misses_by_item(outcomes: Iterable[PairOutcome]) -> dict[str, dict[MissKind, int]]:
    """For each item with at least one miss, how many of each kind; most-missed items first."""
    counts: dict[str, dict[MissKind, int]] = {}
    for outcome in outcomes:
        kind = outcome.miss
        if kind is not None:
            per_item = counts.setdefault(outcome.item, dict.fromkeys(MISS_KINDS, 0))
            per_item[kind] += 1
    return dict(sorted(counts.items(), key=lambda entry: (-sum(entry[1].values()), entry[0])))
