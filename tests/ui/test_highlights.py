"""Overlapping evidence spans become disjoint runs whose depth says how many spans cover them."""

from __future__ import annotations

from desktop.ui.policy_view import Highlight, coverage


def test_overlap_is_split_into_runs_with_depth() -> None:
    runs = coverage([Highlight(0, 10, "a"), Highlight(5, 15, "b")])
    assert runs == [
        (0, 5, frozenset({"a"}), 1),
        (5, 10, frozenset({"a", "b"}), 2),
        (10, 15, frozenset({"b"}), 1),
    ]


def test_gap_between_spans_is_not_a_run() -> None:
    runs = coverage([Highlight(0, 3, "a"), Highlight(6, 9, "a")])
    assert [(start, end) for start, end, _, _ in runs] == [(0, 3), (6, 9)]


def test_empty_span_is_ignored() -> None:
    assert coverage([Highlight(4, 4, "a")]) == []
