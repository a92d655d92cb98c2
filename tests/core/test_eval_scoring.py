"""The scorer's figures on two hand-checked fixtures (English, Chinese), with a fake prefill.

The perfect prediction scores 1.00 everywhere; each test changes one thing and checks the exact effect.
Fixture labels (n/a excluded): 10 = English 6 + Chinese 4; 7 found in gold, 3 missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.eval.gold import find_gold_files
from desktop.eval.report import render_text
from desktop.eval.run import EvalResult, evaluate
from desktop.eval.scoring import group_tallies, tally
from desktop.eval.split import SplitFilter
from tests.core.eval_fakes import EN_GOLD, FIXTURES, PERFECT, FakePrefill, Prediction, with_changes

EN = "harbour-notes.txt"
ZH = "晴天日记.txt"


def _run(
    predictions: dict[str, dict[str, Prediction]] = PERFECT,
    paths: list[Path] | None = None,
    split: SplitFilter = "all",
) -> EvalResult:
    gold = paths if paths is not None else find_gold_files([FIXTURES])
    return evaluate(gold, split=split, prefill_fn=FakePrefill(predictions))


def test_perfect_prediction_scores_one_everywhere() -> None:
    result = _run()
    overall = tally(result.outcomes)
    assert (overall.precision, overall.recall, overall.f1, overall.accuracy) == (1.0, 1.0, 1.0, 1.0)
    assert (overall.status_accuracy, overall.hit_at_3) == (1.0, 1.0)
    assert result.errors == ()


def test_n_a_labels_are_not_scored() -> None:
    result = _run()
    assert len(result.outcomes) == 10
    assert "children.dedicated_rules" not in {outcome.item for outcome in result.outcomes}


def test_items_a_gold_file_does_not_label_are_not_scored() -> None:
    predictions = with_changes(ZH, {"rights.portability": ("addressed", ("中删除您的日记",))})
    result = _run(predictions)
    assert ("rights.portability", ZH) not in {(outcome.item, outcome.policy) for outcome in result.outcomes}
    assert tally(result.outcomes).precision == 1.0


def test_a_false_found_lowers_precision_and_accuracy() -> None:
    overall = tally(_run(with_changes(EN, {"rights.erasure": ("partial", ("Backups roll over",))})).outcomes)
    assert overall.precision == pytest.approx(7 / 8)
    assert overall.recall == 1.0
    assert overall.accuracy == pytest.approx(9 / 10)
    assert overall.status_accuracy == pytest.approx(9 / 10)


def test_a_missed_found_lowers_recall_and_f1() -> None:
    overall = tally(_run(with_changes(ZH, {"rights.erasure": ("not_found", ())})).outcomes)
    assert overall.precision == 1.0
    assert overall.recall == pytest.approx(6 / 7)
    assert overall.f1 == pytest.approx(12 / 13)
    assert overall.accuracy == pytest.approx(9 / 10)


def test_partial_for_addressed_costs_status_accuracy_only() -> None:
    changes: dict[str, Prediction] = {
        "identity.controller_contact": ("partial", ("杭州晴天网络科技有限公司",))
    }
    overall = tally(_run(with_changes(ZH, changes)).outcomes)
    assert (overall.f1, overall.hit_at_3) == (1.0, 1.0)
    assert overall.status_accuracy == pytest.approx(9 / 10)


def test_gold_quote_among_the_top_three_is_a_hit() -> None:
    decoys = ("Harbour Notes Privacy Notice", "Backups roll over")
    changes: dict[str, Prediction] = {"retention.period": ("addressed", (*decoys, "for two years"))}
    assert tally(_run(with_changes(EN, changes)).outcomes).hit_at_3 == 1.0


def test_gold_quote_only_in_fourth_place_is_an_evidence_miss() -> None:
    decoys = ("Harbour Notes Privacy Notice", "Backups roll over", "Your rights")
    changes: dict[str, Prediction] = {"retention.period": ("addressed", (*decoys, "for two years"))}
    result = _run(with_changes(EN, changes))
    assert tally(result.outcomes).hit_at_3 == pytest.approx(6 / 7)
    assert [o.item for o in result.outcomes if o.miss == "evidence miss"] == ["retention.period"]


def test_an_overlap_of_one_character_is_a_hit() -> None:
    changes: dict[str, Prediction] = {"identity.controller_contact": ("addressed", ("Who we are\nH",))}
    assert tally(_run(with_changes(EN, changes)).outcomes).hit_at_3 == 1.0


def test_touching_without_overlap_is_a_miss() -> None:
    changes: dict[str, Prediction] = {"identity.controller_contact": ("addressed", ("Who we are\n",))}
    assert tally(_run(with_changes(EN, changes)).outcomes).hit_at_3 == pytest.approx(6 / 7)


def test_hit_at_3_counts_only_pairs_found_by_both() -> None:
    result = _run(with_changes(EN, {"rights.access_copy": ("not_found", ())}))
    assert tally(result.outcomes).hit_total == 6


def test_mixed_errors_give_the_hand_computed_summary_line() -> None:
    changes: dict[str, Prediction] = {
        "retention.period": ("partial", ("Backups roll over every thirty days.",)),
        "rights.access_copy": ("not_found", ()),
        "rights.erasure": ("partial", ("Backups roll over",)),
    }
    predictions = with_changes(EN, changes)
    predictions[ZH].pop("rights.erasure")
    text = render_text(_run(predictions))
    # F1 = 2*5 / (2*5 + 1 + 2); status 6 of 10; hit 4 of 5
    assert text.splitlines()[-1] == (
        "detection F1 0.77  status accuracy 0.60  evidence hit@3 0.80  (2 policies, 10 labels)"
    )


def test_groups_per_language_chapter_and_split() -> None:
    groups = group_tallies(_run().outcomes, by_split=True)
    assert groups["language en"].labels == 6
    assert groups["language zh"].labels == 4
    assert groups["chapter rights"].labels == 6
    assert groups["chapter identity"].policies == {
        str(EN_GOLD),
        str(FIXTURES / "zh" / "晴天日记.txt.gold.json"),
    }
    assert (groups["split holdout"].labels, groups["split tune"].labels) == (6, 4)


def _gold(folder: Path, labels: list[dict[str, Any]], **extra: object) -> Path:
    (folder / EN).write_text((FIXTURES / "en" / EN).read_text(encoding="utf-8"), encoding="utf-8")
    path = folder / f"{EN}.gold.json"
    path.write_text(json.dumps({"policy": EN, "language": "en", "labels": labels, **extra}), encoding="utf-8")
    return path


def test_a_quote_not_in_the_text_is_an_error_not_a_skip(tmp_path: Path) -> None:
    label = {"item": "retention.period", "status": "addressed", "evidence": ["We keep notes forever."]}
    result = _run(paths=[_gold(tmp_path, [label])])
    assert len(result.errors) == 1
    assert result.errors[0].item == "retention.period"
    assert "We keep notes forever." in result.errors[0].message
    assert tally(result.outcomes).labels == 1  # still scored for detection
    assert tally(result.outcomes).hit_total == 0  # but there is nothing to hit
    assert "quote not found" in render_text(result)


def test_an_item_the_checklist_does_not_know_is_an_error(tmp_path: Path) -> None:
    label = {"item": "rights.time_travel", "status": "missing", "evidence": []}
    result = _run(paths=[_gold(tmp_path, [label])])
    assert result.outcomes == ()
    assert result.errors[0].message == "the item is not in the checklist"


def test_a_malformed_gold_file_is_reported_and_the_rest_scored(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt.gold.json"
    broken.write_text("[", encoding="utf-8")
    result = _run(paths=[broken, EN_GOLD])
    assert (result.gold_files, len(result.outcomes)) == (1, 6)
    assert result.errors[0].gold_file == str(broken)


def test_a_policy_that_does_not_load_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt.gold.json"
    path.write_text(json.dumps({"policy": "gone.txt", "language": "en", "labels": []}), encoding="utf-8")
    result = _run(paths=[path])
    assert result.gold_files == 0
    assert "cannot be loaded" in result.errors[0].message


def test_binary_gold_has_no_status_accuracy(tmp_path: Path) -> None:
    label = {"item": "retention.period", "status": "addressed", "evidence": ["for two years"]}
    result = _run(paths=[_gold(tmp_path, [label], three_way=False)])
    assert tally(result.outcomes).status_accuracy is None
    assert "status accuracy n/a" in render_text(result).splitlines()[-1]


def test_split_halves_partition_the_policies() -> None:
    holdout = {outcome.policy for outcome in _run(split="holdout").outcomes}
    tune = {outcome.policy for outcome in _run(split="tune").outcomes}
    assert (holdout, tune) == ({EN}, {ZH})


def test_misses_show_the_gold_quote_and_the_prefill_evidence() -> None:
    changes: dict[str, Prediction] = {
        "retention.period": ("partial", ("Backups roll over every thirty days.",))
    }
    text = render_text(_run(with_changes(EN, changes)), misses=5)
    assert "- evidence miss: retention.period  [harbour-notes.txt]" in text
    assert "gold:    addressed  We keep your notes for two years" in text
    assert "prefill: partial 0.50  Backups roll over every thirty days." in text


def test_misses_zero_lists_none_but_keeps_the_counts() -> None:
    text = render_text(_run(with_changes(ZH, {"rights.erasure": ("not_found", ())})), misses=0)
    assert "Misses (" not in text
    assert "Misses by item:" in text
