"""The evaluation report, as text for a terminal and as JSON for scripts; both say the same thing.

The text report ends with one summary line in a fixed format, so a Makefile or CI step can read it::

    detection F1 0.NN  status accuracy 0.NN  evidence hit@3 0.NN  (N policies, N labels)

A figure with nothing to measure (e.g. status accuracy over found / not-found gold only) prints ``n/a``.
"""

from __future__ import annotations

from typing import Any

from desktop.eval.run import EvalResult
from desktop.eval.scoring import MISS_KINDS, PairOutcome, Tally, group_tallies, item_tallies, misses_by_item

QUOTE_CHARS = 160
_COLUMNS = (
    f"{'group':<24}{'policies':>9}{'labels':>8}{'det-P':>7}{'det-R':>7}{'det-F1':>7}{'det-acc':>8}"
    f"{'status-acc':>16}{'hit@3':>16}"
)


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def summary_line(overall: Tally, policies: int) -> str:
    return (
        f"detection F1 {figure(overall.f1)}  status accuracy {figure(overall.status_accuracy)}  "
        f"evidence hit@3 {figure(overall.hit_at_3)}  ({policies} policies, {overall.labels} labels)"
    )


def _row(name: str, tally: Tally) -> str:
    status = f"{figure(tally.status_accuracy)} ({tally.status_total})"
    hit = f"{figure(tally.hit_at_3)} ({tally.hit_total})"
    return (
        f"{name:<24}{len(tally.policies):>9}{tally.labels:>8}{figure(tally.precision):>7}"
        f"{figure(tally.recall):>7}{figure(tally.f1):>7}{figure(tally.accuracy):>8}{status:>16}{hit:>16}"
    )


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def ordered_misses(result: EvalResult) -> list[PairOutcome]:
    """Misses grouped by item (most-missed item first), then by kind and policy."""
    rank = {item: index for index, item in enumerate(misses_by_item(result.outcomes))}
    missed = [outcome for outcome in result.outcomes if outcome.miss is not None]
    return sorted(
        missed,
        key=lambda o: (rank[o.item], MISS_KINDS.index(o.miss or "false found"), o.policy),
    )


def render_text(result: EvalResult, *, misses: int = 20) -> str:
    """The full report; ``misses`` caps how many individual misses are listed."""
    groups = group_tallies(result.outcomes, by_split=result.split == "all")
    overall = groups["overall"]
    lines = [
        f"Gold files scored: {result.gold_files} (split: {result.split}); "
        f"labels scored: {overall.labels}; gold errors: {len(result.errors)}",
        "",
        _COLUMNS,
    ]
    previous = ""
    for name, tally in groups.items():
        kind = name.split(" ", 1)[0]
        if kind != previous:
            if previous:
                lines.append("")
            previous = kind
        lines.append(_row(name, tally))
    by_item = misses_by_item(result.outcomes)
    if by_item:
        lines += ["", "Misses by item:", f"{'item':<36}" + "".join(f"{kind:>15}" for kind in MISS_KINDS)]
        lines += [
            f"{item:<36}" + "".join(f"{counts[kind]:>15}" for kind in MISS_KINDS)
            for item, counts in by_item.items()
        ]
    if result.errors:
        lines += ["", f"Gold errors ({len(result.errors)}):"]
        lines += [
            f"  {error.gold_file}{': ' + error.item if error.item else ''}: {error.message}"
            for error in result.errors
        ]
    listed = ordered_misses(result)
    if listed and misses > 0:
        lines += ["", f"Misses (first {min(misses, len(listed))} of {len(listed)}):"]
        for outcome in listed[:misses]:
            lines += _miss_lines(outcome)
    lines += ["", summary_line(overall, result.gold_files)]
    return "\n".join(lines)


def _miss_lines(outcome: PairOutcome) -> list[str]:
    quote = _clip(outcome.gold_quotes[0]) if outcome.gold_quotes else ""
    top = _clip(outcome.top_evidence)
    return [
        f"- {outcome.miss}: {outcome.item}  [{outcome.policy}]",
        f"    gold:    {outcome.gold_status}  {quote}".rstrip(),
        f"    prefill: {outcome.predicted} {outcome.confidence:.2f}  {top}".rstrip(),
    ]


def _tally_json(tally: Tally) -> dict[str, Any]:
    return {
        "policies": len(tally.policies),
        "labels": tally.labels,
        "detection": {
            "precision": tally.precision,
            "recall": tally.recall,
            "f1": tally.f1,
            "accuracy": tally.accuracy,
            "true_positive": tally.true_pos,
            "false_positive": tally.false_pos,
            "false_negative": tally.false_neg,
            "true_negative": tally.true_neg,
        },
        "status_accuracy": tally.status_accuracy,
        "status_labels": tally.status_total,
        "evidence_hit_at_3": tally.hit_at_3,
        "evidence_pairs": tally.hit_total,
    }


def report_json(result: EvalResult) -> dict[str, Any]:
    """The same report as plain JSON data, plus figures per item and every miss (not just the first few)."""
    groups = group_tallies(result.outcomes, by_split=result.split == "all")
    overall = groups["overall"]
    return {
        "summary": {
            "detection_f1": overall.f1,
            "status_accuracy": overall.status_accuracy,
            "evidence_hit_at_3": overall.hit_at_3,
            "policies": result.gold_files,
            "labels": overall.labels,
            "errors": len(result.errors),
            "split": result.split,
            "line": summary_line(overall, result.gold_files),
        },
        "groups": {name: _tally_json(tally) for name, tally in groups.items()},
        "items": {item: _tally_json(tally) for item, tally in item_tallies(result.outcomes).items()},
        "misses_by_item": misses_by_item(result.outcomes),
        "errors": [
            {"gold_file": error.gold_file, "item": error.item, "message": error.message}
            for error in result.errors
        ],
        "misses": [
            {
                "kind": outcome.miss,
                "item": outcome.item,
                "policy": outcome.policy,
                "gold_file": outcome.gold_file,
                "gold_status": outcome.gold_status,
                "gold_quotes": list(outcome.gold_quotes),
                "prefill_status": outcome.predicted,
                "prefill_confidence": outcome.confidence,
                "prefill_top_evidence": outcome.top_evidence,
            }
            for outcome in ordered_misses(result)
        ],
    }
