"""Run the real loader and prefill over gold-labelled policies and pair every gold label with its suggestion.

Problems with the gold data (a malformed file, a policy that will not load, an unknown item, a quote that is
not in the text) do not stop the run: each becomes an :class:`EvalError` in the result, so one bad file cannot
hide the figures of the others, and none is silently skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.core.document import Policy
from desktop.core.errors import GoldFileError, PolicyLoadError
from desktop.core.suggestion import Suggestion
from desktop.eval.gold import GoldFile, GoldLabel, read_gold_file
from desktop.eval.locate import FoldedText, Span
from desktop.eval.scoring import PairOutcome
from desktop.eval.split import SplitFilter, in_split, split_of

PrefillFn = Callable[[Policy], Mapping[str, Suggestion]]
LoadFn = Callable[[Path], Policy]


@dataclass(frozen=True, slots=True)
class EvalError:
    gold_file: str
    item: str  # empty when the whole file is affected
    message: str


@dataclass(frozen=True, slots=True)
class EvalResult:
    outcomes: tuple[PairOutcome, ...]
    errors: tuple[EvalError, ...]
    gold_files: int  # gold files whose policy was loaded and scored
    split: SplitFilter


def default_prefill(policy: Policy) -> Mapping[str, Suggestion]:
    """The shipped heuristics with the shipped checklist, both frameworks: what a reviewer would see."""
    from desktop.core.checklist import default_checklist
    from desktop.core.prefill import prefill

    return prefill(policy, default_checklist())


def default_load(path: Path) -> Policy:
    from desktop.core.loading import load_policy

    return load_policy(path)


def evaluate(
    gold_paths: Iterable[Path],
    *,
    split: SplitFilter = "all",
    prefill_fn: PrefillFn | None = None,
    load_fn: LoadFn | None = None,
) -> EvalResult:
    """Score the prefill (default: the shipped one) against every gold file given, in the ``split`` wanted."""
    prefill_fn = prefill_fn or default_prefill
    load_fn = load_fn or default_load
    outcomes: list[PairOutcome] = []
    errors: list[EvalError] = []
    evaluated = 0
    cache: dict[Path, tuple[Policy, FoldedText, Mapping[str, Suggestion]]] = {}
    for path in gold_paths:
        try:
            gold = read_gold_file(path)
        except GoldFileError as exc:
            errors.append(EvalError(str(path), "", exc.detail))
            continue
        if not in_split(gold.policy.name, split):
            continue
        key = gold.policy.resolve()
        if key not in cache:
            try:
                policy = load_fn(gold.policy)
            except PolicyLoadError as exc:
                errors.append(EvalError(str(path), "", f"the policy cannot be loaded: {exc.detail}"))
                continue
            cache[key] = (policy, FoldedText(policy.text), prefill_fn(policy))
        policy, folded, suggestions = cache[key]
        evaluated += 1
        for label in gold.labels:
            if label.status == "n/a":
                continue
            suggestion = suggestions.get(label.item)
            if suggestion is None:
                errors.append(EvalError(str(path), label.item, "the item is not in the checklist"))
                continue
            spans = _locate(label, folded, str(path), errors)
            outcomes.append(_outcome(gold, label, spans, suggestion, policy))
    return EvalResult(tuple(outcomes), tuple(errors), evaluated, split)


def _locate(
    label: GoldLabel, folded: FoldedText, gold_file: str, errors: list[EvalError]
) -> tuple[Span, ...]:
    if label.found and not label.evidence:
        errors.append(EvalError(gold_file, label.item, f"'{label.status}' label without an evidence quote"))
    spans: list[Span] = []
    for quote in label.evidence:
        found = folded.find_all(quote)
        if not found:
            errors.append(EvalError(gold_file, label.item, f"quote not found in the policy text: {quote!r}"))
        spans.extend(found)
    return tuple(spans)


def _outcome(
    gold: GoldFile, label: GoldLabel, spans: tuple[Span, ...], suggestion: Suggestion, policy: Policy
) -> PairOutcome:
    evidence = tuple((candidate.start, candidate.end) for candidate in suggestion.evidence)
    top = policy.text[evidence[0][0] : evidence[0][1]] if evidence else ""
    return PairOutcome(
        gold_file=str(gold.path),
        policy=gold.policy.name,
        language=gold.language,
        split=split_of(gold.policy.name),
        item=label.item,
        gold_status=label.status,
        three_way=gold.three_way,
        gold_quotes=label.evidence,
        gold_spans=spans,
        predicted=suggestion.status,
        confidence=suggestion.confidence,
        evidence=evidence,
        top_evidence=top,
    )
