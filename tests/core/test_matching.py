"""The one-pass term matcher: word boundaries in English, none in Chinese, overlaps, wildcards."""

from __future__ import annotations

from desktop.core.matching import PatternMatcher, TermMatcher, fold_case


def found(terms: list[str], text: str) -> list[str]:
    matcher = TermMatcher(terms)
    return [f"{matcher.terms[term]}={text[start:end]}" for start, end, term in matcher.find(fold_case(text))]


def test_english_terms_match_whole_words_only() -> None:
    assert found(["use"], "Users use it; we reuse nothing.") == ["use=use"]


def test_english_matching_ignores_case() -> None:
    assert found(["data controller"], "The Data Controller is ACME.") == ["data controller=Data Controller"]


def test_chinese_terms_match_inside_running_text() -> None:
    assert found(["保存期限"], "我们的保存期限为三年。") == ["保存期限=保存期限"]


def test_latin_term_next_to_chinese_counts_as_a_word() -> None:
    assert found(["sdk"], "第三方SDK目录") == ["sdk=SDK"]


def test_overlapping_terms_are_all_reported() -> None:
    assert sorted(found(["个人信息", "敏感个人信息", "信息"], "敏感个人信息")) == [
        "个人信息=个人信息",
        "信息=信息",
        "敏感个人信息=敏感个人信息",
    ]


def test_trailing_wildcard_extends_to_the_end_of_the_word() -> None:
    assert found(["retain*"], "We retained it and retain it; retinue no.") == [
        "retain*=retained",
        "retain*=retain",
    ]


def test_the_same_key_with_and_without_wildcard_are_separate_terms() -> None:
    assert found(["share", "share*"], "shared") == ["share*=shared"]


def test_term_ending_in_punctuation_needs_no_end_boundary() -> None:
    assert found(["dpo@"], "write to dpo@example.org") == ["dpo@=dpo@"]


def test_no_terms_find_nothing() -> None:
    assert TermMatcher([]).find("anything") == []


def test_fold_case_keeps_offsets_for_characters_that_lower_to_two() -> None:
    text = "İstanbul DATA"
    folded = fold_case(text)
    assert len(folded) == len(text)
    assert folded.endswith("data")


def test_patterns_run_case_insensitively_and_report_offsets() -> None:
    text = "Kept for 30 Days, then 2 years."
    matcher = PatternMatcher([r"\d+ (?:days|years)"])
    assert [text[start:end] for start, end, _ in matcher.find(text)] == ["30 Days", "2 years"]
