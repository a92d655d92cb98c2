"""Gold quotes are found with white space folded, and reported in offsets of the real text."""

from __future__ import annotations

from desktop.eval.locate import FoldedText, fold_white_space


def test_fold_white_space_makes_every_run_one_space() -> None:
    assert fold_white_space("  a \n\n b\t c ") == "a b c"


def test_quote_across_a_line_break_maps_back_to_real_offsets() -> None:
    text = "Intro.\nWrite to us\n  at the desk.\nEnd."
    spans = FoldedText(text).find_all("Write to us at the desk.")
    assert spans == [(7, 33)]
    assert text[7:33] == "Write to us\n  at the desk."


def test_quote_with_its_own_line_breaks_matches_single_spaced_text() -> None:
    text = "我们会保存您的日记 三十天。"
    assert FoldedText(text).find_all("我们会保存您的日记\n三十天。") == [(0, len(text))]


def test_every_occurrence_is_returned() -> None:
    assert FoldedText("ab ab  ab").find_all("ab") == [(0, 2), (3, 5), (7, 9)]


def test_missing_quote_finds_nothing() -> None:
    assert FoldedText("您可以删除您的日记。").find_all("您可以导出您的日记") == []


def test_blank_quote_finds_nothing() -> None:
    assert FoldedText("some text").find_all(" \n ") == []
