"""Every supported format loads into normalised text with exact block offsets."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from desktop.core.document import Block, Policy
from desktop.core.loading import load_policy, policy_from_text
from desktop.core.loading.pdf_file import reflow
from tests.core.loading_files import EN_PARAGRAPHS, FIXTURES, make_chinese_docx, make_docx, pdf_bytes


def _block_texts(policy: Policy, kind: str) -> list[str]:
    return [policy.text[block.start : block.end] for block in policy.blocks if block.kind == kind]


def _assert_blocks_exact(policy: Policy) -> None:
    for block in policy.blocks:
        sliced = policy.text[block.start : block.end]
        assert sliced and sliced == sliced.strip(), block


def test_html_drops_page_furniture() -> None:
    text = load_policy(FIXTURES / "policy.html").text
    for dropped in (
        "Ignored title",
        "drop me",
        "Menu item",
        "home",
        "comment",
        "JavaScript",
        "template",
        "Footer",
    ):
        assert dropped not in text


def test_html_keeps_headings_with_levels() -> None:
    policy = load_policy(FIXTURES / "policy.html")
    headings = [(policy.text[b.start : b.end], b.level) for b in policy.blocks if b.kind == "heading"]
    assert headings == [("Harbour Lantern Privacy Policy", 1), ("Your rights", 2)]


def test_html_list_items_and_cells_are_blocks() -> None:
    policy = load_policy(FIXTURES / "policy.html")
    assert _block_texts(policy, "list_item") == [
        "You can ask for a copy of your data.",
        "You can ask us to delete it.",
    ]
    assert _block_texts(policy, "table_cell") == ["Data", "Kept for", "Account", "Two years"]


def test_html_header_inside_the_article_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    path.write_text(
        "<body><header>Site banner</header><article><header><h1>Privacy Notice</h1></header>"
        "<p>We keep data for a year.</p><footer>Version 3</footer></article></body>",
        encoding="utf-8",
    )
    assert load_policy(path).text == "Privacy Notice\nWe keep data for a year.\nVersion 3"


def test_html_line_break_and_nbsp() -> None:
    text = load_policy(FIXTURES / "policy.html").text
    assert "We collect your name and email address\nwhen you create an account." in text


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="gbk"></head>'
        "<body><h1>隐私政策</h1><p>我们收集您的手机号码。</p></body></html>"
    )
    path = tmp_path / "zh.htm"
    path.write_bytes(page.encode("gbk"))
    policy = load_policy(path)
    assert (policy.text, policy.encoding, policy.language) == (
        "隐私政策\n我们收集您的手机号码。",
        "gb18030",
        "zh",
    )


def test_html_utf8_wins_over_a_stale_latin1_declaration(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Café privacy — 隐私</p></body></html>'
    path.write_bytes(page.encode("utf-8"))
    assert load_policy(path).text == "Café privacy — 隐私"


def test_html_blocks_have_exact_offsets() -> None:
    _assert_blocks_exact(load_policy(FIXTURES / "policy.html"))


def test_markdown_strips_markup_and_keeps_structure() -> None:
    policy = load_policy(FIXTURES / "policy.md")
    assert policy.source_format == "md"
    assert "**" not in policy.text and "](" not in policy.text and "<b>" not in policy.text
    assert "We collect your name and email address when you create an account." in policy.text
    assert [(policy.text[b.start : b.end], b.level) for b in policy.blocks if b.kind == "heading"] == [
        ("Harbour Lantern Privacy Policy", 1),
        ("What we collect", 2),
        ("Contact", 2),
    ]
    assert _block_texts(policy, "list_item") == [
        "Account details you give us",
        "Usage data, such as the pages you visit",
    ]
    assert "Effective from 1 June 2026." in policy.text
    _assert_blocks_exact(policy)


def test_markdown_front_matter_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "privacy.md"
    path.write_text(
        "---\nlayout: page\ntitle: Privacy\n---\n\n# Privacy Policy\n\nWe collect nothing.\n",
        encoding="utf-8",
    )
    assert load_policy(path).text == "Privacy Policy\nWe collect nothing."


def test_markdown_soft_break_between_chinese_characters_adds_no_space(tmp_path: Path) -> None:
    path = tmp_path / "zh.md"
    path.write_text("## 信息收集\n\n我们会收集您的\n手机号码。\n", encoding="utf-8")
    assert load_policy(path).text == "信息收集\n我们会收集您的手机号码。"


def test_docx_paragraphs_headings_lists_and_tables_in_order(tmp_path: Path) -> None:
    policy = load_policy(make_docx(tmp_path / "policy.docx"))
    assert policy.source_format == "docx"
    assert [(policy.text[b.start : b.end], b.level) for b in policy.blocks if b.kind == "heading"] == [
        ("Harbour Lantern Privacy Policy", 1),
        ("What we collect", 1),
        ("How long we keep it", 2),
    ]
    assert _block_texts(policy, "list_item") == [
        "Account details you give us",
        "Usage data, such as the pages you visit",
    ]
    assert _block_texts(policy, "table_cell") == ["Data", "Kept for", "Account", "Two years"]
    assert (
        policy.text.index(EN_PARAGRAPHS[1]) < policy.text.index("Two years") < policy.text.index("Contact us")
    )
    _assert_blocks_exact(policy)


def test_chinese_docx_outline_level_and_content_control(tmp_path: Path) -> None:
    policy = load_policy(make_chinese_docx(tmp_path / "zh.docx"))
    assert policy.text == "一、我们收集的信息\n我们会收集您的手机号码，用于注册账号。"
    assert [(b.kind, b.level) for b in policy.blocks] == [("heading", 1), ("paragraph", None)]
    assert policy.language == "zh"


def test_pdf_text_layer_is_extracted_and_reflowed(tmp_path: Path) -> None:
    path = tmp_path / "policy.pdf"
    lines = [
        "1. What we collect",
        "We collect your name and email address when you create an",
        "account with us.",
    ]
    path.write_bytes(pdf_bytes([lines, ["Page two."]]))
    policy = load_policy(path)
    assert policy.text == (
        "1. What we collect\n"
        "We collect your name and email address when you create an account with us.\n\n"
        "Page two."
    )
    assert (policy.source_format, policy.blocks) == ("pdf", ())


def test_pdf_reflow_joins_chinese_lines_without_space() -> None:
    assert (
        reflow("我们会收集您的手机号码和\n设备信息。\n（一）注册")
        == "我们会收集您的手机号码和设备信息。\n（一）注册"
    )


def test_pdf_reflow_keeps_list_items_apart() -> None:
    assert reflow("We may share data with\n1. our processors") == "We may share data with\n1. our processors"


def test_pasted_text_is_normalised_and_hashed_as_utf8() -> None:
    pasted = "\ufeff  Privacy\u00a0Policy\r\n\r\n\r\n\r\nWe keep data\u200b for a year.   \r\n"
    policy = policy_from_text(pasted)
    assert policy.text == "  Privacy Policy\n\nWe keep data for a year."
    assert (policy.source_format, policy.source_name, policy.encoding) == ("paste", "Pasted text", None)
    assert policy.sha256 == hashlib.sha256(pasted.encode("utf-8")).hexdigest()


def test_unknown_extension_with_html_content_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "policy.aspx"
    shutil.copy(FIXTURES / "policy.html", path)
    assert load_policy(path).source_format == "html"


def test_unknown_extension_with_pdf_content_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_bytes(pdf_bytes([["A privacy policy saved without an extension."]]))
    assert load_policy(path).source_format == "pdf"


@pytest.mark.parametrize(
    ("name", "language"),
    [("policy-en.txt", "en"), ("policy-zh.txt", "zh"), ("policy-zh-hant.txt", "zh"), ("policy.html", "en")],
)
def test_fixture_language(name: str, language: str) -> None:
    assert load_policy(FIXTURES / name).language == language


def test_sample_policies_load() -> None:
    from desktop.resources import resource_path

    english = load_policy(resource_path("resources/samples/sample-policy-en.html"))
    chinese = load_policy(resource_path("resources/samples/sample-policy-zh.txt"))
    assert (english.language, chinese.language) == ("en", "zh")
    assert "bwAnalytics" not in english.text and "Sign in" not in english.text
    assert Block in {type(block) for block in english.blocks}
