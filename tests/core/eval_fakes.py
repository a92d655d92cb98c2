"""A stand-in for the prefill heuristics, so the scorer's figures can be checked by hand.

A prediction is ``(status, quotes)``: the suggestion's evidence candidates are the quotes' first occurrences
in the policy text, best first. Items not predicted are ``not_found``; items outside ``items`` (default
:data:`ITEMS`) get no suggestion at all, like an id the checklist does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.core.document import Policy
from desktop.core.suggestion import EvidenceCandidate, SuggestedStatus, Suggestion

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "eval"
EN_GOLD = FIXTURES / "en" / "harbour-notes.txt.gold.json"
ZH_GOLD = FIXTURES / "zh" / "晴天日记.txt.gold.json"

ITEMS = (
    "identity.controller_contact",
    "retention.period",
    "rights.access_copy",
    "rights.erasure",
    "rights.portability",
    "rights.complaint_authority",
    "children.dedicated_rules",
)

Prediction = tuple[SuggestedStatus, tuple[str, ...]]

# Every gold label of both fixtures predicted exactly, with the first gold quote as the only evidence.
PERFECT: dict[str, dict[str, Prediction]] = {
    "harbour-notes.txt": {
        "identity.controller_contact": ("addressed", ("Harbour Notes Ltd is the controller of your data.",)),
        "retention.period": ("addressed", ("We keep your notes for two years",)),
        "rights.access_copy": ("partial", ("You may ask for a copy of the data we hold about you.",)),
        "rights.complaint_authority": ("addressed", ("You can complain to your local",)),
    },
    "晴天日记.txt": {
        "identity.controller_contact": ("addressed", ("杭州晴天网络科技有限公司",)),
        "retention.period": ("partial", ("我们仅在实现目的所必需的期限内保存您的日记。",)),
        "rights.erasure": ("addressed", ("中删除您的日记",)),
    },
}


def with_changes(policy: str, changes: Mapping[str, Prediction]) -> dict[str, dict[str, Prediction]]:
    """A copy of :data:`PERFECT` with some predictions for one policy replaced."""
    copy = {name: dict(predictions) for name, predictions in PERFECT.items()}
    copy[policy].update(changes)
    return copy


class FakePrefill:
    def __init__(
        self, predictions: Mapping[str, Mapping[str, Prediction]], items: tuple[str, ...] = ITEMS
    ) -> None:
        self.predictions = predictions
        self.items = items
        self.calls: list[str] = []

    def __call__(self, policy: Policy) -> dict[str, Suggestion]:
        self.calls.append(policy.source_name)
        predicted = self.predictions.get(policy.source_name, {})
        suggestions = {}
        for item in self.items:
            status, quotes = predicted.get(item, ("not_found", ()))
            suggestions[item] = Suggestion(
                item_id=item,
                status=status,
                confidence=0.5,
                evidence=tuple(_candidate(policy.text, quote) for quote in quotes),
                explanation=(),
            )
        return suggestions


def _candidate(text: str, quote: str) -> EvidenceCandidate:
    start = text.find(quote)
    assert start >= 0, f"test bug: {quote!r} is not in the policy"
    return EvidenceCandidate(start, start + len(quote), 1.0, (), ())
