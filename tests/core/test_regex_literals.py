"""A pattern is skipped only when the text lacks every character its matches cannot do without."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.matching import PatternMatcher
from desktop.core.regex_literals import lower_case_only, required_chars, required_words, stays_on_one_line


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"[\w.+-]+@[\w-]+", {"@"}),
        (r"(?<!\d)(?:十四|14)\s*周?岁", {"岁"}),
        (r"(?:履行|订立)[^。\n]{0,30}合同", {"合"}),
        (r"(?:存储|保存)在境外", {"在"}),
        (r"[】”」]\s*[-—>]+\s*[【“「]", {"】", "”", "」"}),
    ],
)
def test_a_character_every_match_needs_is_found(pattern: str, expected: set[str]) -> None:
    assert required_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        r"within\s+\d+\s*days?",  # letters match their case variants under IGNORECASE
        r"\d{1,3}\s*(?:days|个月)",  # one alternative needs only letters
        r"(?:十四)?\d+",  # an optional part needs nothing
        r"(?=岁)\d",  # a lookahead consumes nothing
        r"[^岁]+",  # a negated class
        r"[0-9a-f]{4}",  # letters in the class
    ],
)
def test_unsure_patterns_are_always_scanned(pattern: str) -> None:
    assert required_chars(pattern) is None


def test_a_malformed_pattern_is_left_to_the_compiler() -> None:
    assert required_chars("(unclosed") is None


def test_skipping_never_changes_the_matches() -> None:
    patterns = [r"(?<!\d)(?:十四|14)\s*周?岁", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"within\s+\d+\s*days"]
    texts = [
        "Write to privacy@example.org within 30 days.",
        "未满14周岁的儿童请联系 dpo@example.cn。",
        "No match here at all.",
    ]
    matcher = PatternMatcher(patterns)
    for text in texts:
        expected = [
            (m.start(), m.end(), index)
            for index, pattern in enumerate(patterns)
            for m in re.finditer(pattern, text, re.IGNORECASE)
        ]
        assert matcher.find(text) == expected


def test_a_lower_case_pattern_can_run_over_folded_text() -> None:
    assert lower_case_only(r"(?<!not )\bshare\b[^.;\n]{0,40}\bwith (?:partners|affiliates)")
    assert lower_case_only(r"(?<!\d)(?:十四|14)\s*周?岁")


def test_upper_case_letters_and_case_sensitive_groups_keep_the_flag() -> None:
    assert not lower_case_only(r"SDK\s*名称")
    assert not lower_case_only(r"[A-Z]\w+ Limited")
    assert not lower_case_only(r"(?-i:limited)")


def test_folding_keeps_matches_case_insensitive_and_case_sensitive_groups_intact() -> None:
    patterns = [r"\bshare\w*\b[^.;\n]{0,20}\bpartners", r"SDK\s*名称", r"\b(?-i:Ltd)\b"]
    text = "We SHARE data with Partners. 第三方sdk 名称：统计。Acme LTD and Acme Ltd."
    matcher = PatternMatcher(patterns)
    assert [text[start:end] for start, end, _ in matcher.find(text)] == [
        "SHARE data with Partners",
        "sdk 名称",
        "Ltd",
    ]


def test_required_words_are_the_sharpest_literal_choice() -> None:
    assert required_words(r"\b(?:close|delete)s? (?:your|the) (?:account|membership)") == {
        "account",
        "membership",
    }
    assert required_words(r"(?<!not )\bshare\b[^.;\n]{0,40}\bwith other users") == {"with other users"}
    assert required_words(r"\d+ ?(?:ab|cd)") is None  # words shorter than MIN_WORD select nothing


def test_a_pattern_that_can_take_a_line_break_is_not_run_line_by_line() -> None:
    assert stays_on_one_line(r"\bshare\b[^.;\n]{0,40}\bpartners")
    assert stays_on_one_line(r"(?<!not )\bsell\w*\b(?! your password)")
    assert not stays_on_one_line(r"delete\s+your\s+account")  # \s takes a line break
    assert not stays_on_one_line(r"share[^.;]{0,40}partners")  # so does a class that does not exclude it
    assert not stays_on_one_line(r"partners$")  # the end of a line is not the end of the text


LINE_PATTERNS = [
    r"(?<!not )\bshare\w*\b[^.;\n]{0,30}\bwith (?:partners|advertisers)\b",
    r"\b(?:close|delete)s? (?:your|the) (?:account|membership)",
    r"\bsell\w*\b(?! your password)[^.;\n]{0,20}",
]


@given(
    st.lists(
        st.sampled_from(
            [
                "we share data",
                "with partners",
                "not ",
                "delete your account",
                "sell",
                " your password",
                "\n",
                ". ",
                "; ",
                "x",
                "Share ",
                "WITH ADVERTISERS",
                "closes the membership",
                " ",
            ]
        ),
        max_size=40,
    )
)
def test_running_line_by_line_finds_what_one_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [
        (m.start(), m.end(), index)
        for index, pattern in enumerate(LINE_PATTERNS)
        for m in re.finditer(pattern, text, re.IGNORECASE)
        if m.end() > m.start()
    ]
    assert PatternMatcher(LINE_PATTERNS).find(text) == expected
