"""Plain-text policies in every encoding a reviewer is likely to receive decode to the same text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from desktop.core.loading import load_policy
from desktop.core.loading.decoding import decode_text
from desktop.core.normalise import normalise
from tests.core.loading_files import fixture_text

ZH = fixture_text("policy-zh.txt")
ZH_HANT = fixture_text("policy-zh-hant.txt")
EN = fixture_text("policy-en.txt")


def _write(tmp_path: Path, data: bytes, name: str = "policy.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ZH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ZH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + ZH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ZH.encode("utf-16-be"), "utf-16"),
        (ZH.encode("utf-16-le"), "utf-16-le"),
        (ZH.encode("utf-16-be"), "utf-16-be"),
        (ZH.encode("gb18030"), "gb18030"),
        (ZH.encode("gbk"), "gb18030"),
        (ZH.encode("gb2312"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "gb18030", "gbk", "gb2312"],
)
def test_simplified_chinese_decodes_in_every_encoding(tmp_path: Path, data: bytes, encoding: str) -> None:
    policy = load_policy(_write(tmp_path, data))
    assert (policy.text, policy.encoding) == (normalise(ZH), encoding)


def test_big5_traditional_chinese_is_not_mistaken_for_gbk(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, ZH_HANT.encode("big5")))
    assert (policy.text, policy.encoding) == (normalise(ZH_HANT), "big5")


def test_traditional_chinese_in_gb18030_stays_gb18030() -> None:
    assert decode_text(ZH_HANT.encode("gb18030"), "x") == (ZH_HANT, "gb18030")


@pytest.mark.parametrize("title", ["隐私政策", "个人信息保护", "儿童隐私", "信息"])
def test_short_simplified_title_in_gbk_decodes_as_gb18030(title: str) -> None:
    assert decode_text(title.encode("gbk"), "x") == (title, "gb18030")


@pytest.mark.parametrize("title", ["隱私權政策", "個人資料", "資料", "兒童隱私"])
def test_short_traditional_title_in_big5_decodes_as_big5(title: str) -> None:
    assert decode_text(title.encode("big5"), "x") == (title, "big5")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_english_utf16_without_bom_decodes(encoding: str) -> None:
    assert decode_text(EN.encode(encoding), "x") == (EN, encoding)


def test_utf32_with_bom_decodes() -> None:
    assert decode_text(codecs.BOM_UTF32_LE + EN.encode("utf-32-le"), "x") == (EN, "utf-32")


def test_western_european_legacy_text_is_detected() -> None:
    text = (
        "Politique de confidentialité : nous protégeons vos données, même après la résiliation du compte. "
        * 3
    )
    decoded, _ = decode_text(text.encode("cp1252"), "x")
    assert decoded == text


def test_korean_euc_kr_is_not_read_as_chinese() -> None:
    text = "개인정보 처리방침은 다음과 같습니다. 회사는 이용자의 개인정보를 소중히 다룹니다."
    assert decode_text(text.encode("euc-kr"), "x")[0] == text


def test_crlf_text_file_gets_lf_line_breaks(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, EN.replace("\n", "\r\n").encode("utf-8")))
    assert "\r" not in policy.text
    assert policy.text == normalise(EN)


def test_sha256_is_of_the_original_bytes(tmp_path: Path) -> None:
    import hashlib

    data = ZH.encode("gb18030")
    assert load_policy(_write(tmp_path, data)).sha256 == hashlib.sha256(data).hexdigest()
