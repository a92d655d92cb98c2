"""Normalisation rules and language detection shared by every loading path."""

from __future__ import annotations

import pytest

from desktop.core.language import detect_language
from desktop.core.normalise import Piece, build_text, normalise


def test_crlf_and_cr_become_lf() -> None:
    assert normalise("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_odd_spaces_become_plain_spaces() -> None:
    assert normalise("a\u00a0b\u3000c\u2009d\u202fe") == "a b c d e"


def test_zero_width_characters_and_bom_are_removed() -> None:
    assert normalise("\ufeffpri\u200bva\u200dcy\u2060 po\u00adlicy") == "privacy policy"


def test_trailing_spaces_are_stripped_but_indentation_kept() -> None:
    assert normalise("  一、总则   \n\t正文\t") == "  一、总则\n\t正文"


def test_blank_line_runs_collapse_to_one() -> None:
    assert normalise("a\n\n\n\n b \n  \n\t\nc") == "a\n\n b\n\nc"


def test_leading_and_trailing_blank_lines_go() -> None:
    assert normalise("\n\n  \nbody\n\n\n") == "body"


def test_nfc_composes_but_full_width_punctuation_stays() -> None:
    assert normalise("cafe\u0301（一）：，。ＡＢＣ") == "café（一）：，。ＡＢＣ"


def test_control_characters_are_removed() -> None:
    assert normalise("a\x00b\x07c\x1bd") == "abcd"


def test_block_offsets_survive_normalisation_of_earlier_lines() -> None:
    text, blocks = build_text(
        [
            Piece("\ufeff\u200bIntro\u00a0line   \r\n\r\n\r\n"),
            Piece("Title\u200b", "heading", 2),
            Piece("  first\r\n\r\n\r\nsecond  ", "list_item"),
            Piece(""),
            Piece("   ", "paragraph"),
        ]
    )
    assert text == "Intro line\n\nTitle\n  first\n\nsecond"
    assert [(text[b.start : b.end], b.kind, b.level) for b in blocks] == [
        ("Title", "heading", 2),
        ("first\n\nsecond", "list_item", None),
    ]


def test_empty_piece_requests_a_blank_line() -> None:
    assert build_text([Piece("a"), Piece(""), Piece("b")])[0] == "a\n\nb"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We collect your email address to create your account.", "en"),
        ("我们会收集您的手机号码，用于注册账号。", "zh"),
        (
            "我们的App接入了第三方SDK（包括推送SDK和统计SDK），"
            "并使用Cookie保存您的登录状态，设备标识符如Android ID。",
            "zh",
        ),
        (
            "Brightwater Software (Shenzhen) Co., Ltd. acts as our representative "
            "for 个人信息保护法 questions.",
            "en",
        ),
        ("我们会收集您的手机号码。 We collect your mobile phone number to register your account.", "mixed"),
        ("2026-03-01 12:00", "en"),
    ],
    ids=["en", "zh", "zh-with-english-terms", "en-with-chinese-name", "bilingual", "no-letters"],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language
