"""What the prefill heuristics suggest for one checklist item, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SuggestedStatus = Literal["addressed", "partial", "not_found"]


@dataclass(frozen=True, slots=True)
class EvidenceCandidate:
    """A sentence span that triggered the suggestion; ranked best first in :attr:`Suggestion.evidence`."""

    start: int
    end: int
    score: float
    section_path: tuple[str, ...]
    matched_terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Suggestion:
    item_id: str
    status: SuggestedStatus
    confidence: float  # 0..1
    evidence: tuple[EvidenceCandidate, ...]
    explanation: tuple[str, ...]  # one line per rule that fired, naming the matched terms
    # Problem wording found (e.g. "包括但不限于"), for the reviewer's attention.
    red_flags: tuple[str, ...] = ()
