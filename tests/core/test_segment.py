"""Segmentation: headings with levels and section paths, paragraph kinds, and offsets that stay exact."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from desktop.core.document import Block, Policy
from desktop.core.loading import load_policy, policy_from_text
from desktop.core.normalise import Piece, build_text
from desktop.core.segment import segment
from desktop.core.segments import Segmentation

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "segment"


def _outline(segmentation: Segmentation) -> list[tuple[int, str]]:
    return [(heading.level, heading.title) for heading in segmentation.headings]


def _sentence_texts(policy: Policy, segmentation: Segmentation) -> list[str]:
    return [policy.text[s.start : s.end] for s in segmentation.sentences]


def _structured(*pieces: Piece) -> Policy:
    text, blocks = build_text(pieces)
    return Policy(text, "t.html", "html", "0" * 64, "en", blocks=blocks)


def assert_offsets_consistent(policy: Policy, segmentation: Segmentation) -> None:
    """Every span is non-empty, trimmed, in order, and every sentence lies inside its paragraph."""
    previous_end = 0
    for paragraph in segmentation.paragraphs:
        sliced = policy.text[paragraph.start : paragraph.end]
        assert sliced and sliced == sliced.strip() and paragraph.start >= previous_end
        previous_end = paragraph.end
    for sentence in segmentation.sentences:
        paragraph = segmentation.paragraphs[sentence.paragraph]
        sliced = policy.text[sentence.start : sentence.end]
        assert sliced and sliced == sliced.strip()
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert sentence.section_path == paragraph.section_path
    for heading in segmentation.headings:
        assert policy.text[heading.start : heading.end].strip()


def test_english_numbered_outline() -> None:
    result = segment(load_policy(FIXTURES / "numbered-en.txt"))
    assert _outline(result) == [
        (1, "Acme Kites Privacy Policy"),
        (2, "1. Introduction"),
        (2, "2. Information We Collect"),
        (3, "2.1 Information you give us"),
        (3, "2.2 Information from devices"),
        (2, "3. Your Rights"),
    ]


def test_long_numbered_sentence_is_a_list_item_not_a_heading() -> None:
    policy = load_policy(FIXTURES / "numbered-en.txt")
    result = segment(policy)
    item = next(p for p in result.paragraphs if policy.text[p.start :].startswith("1. We collect"))
    assert item.kind == "list_item"
    assert item.section_path[-1] == "2.1 Information you give us"


def test_english_sentences_respect_abbreviations_and_list_numbers() -> None:
    policy = load_policy(FIXTURES / "numbered-en.txt")
    sentences = _sentence_texts(policy, segment(policy))
    assert "This policy explains how Acme Kites Ltd. handles your personal data." in sentences
    assert "We record your IP address, e.g. to prevent fraud, and the pages you visit." in sentences
    assert sentences.count("You can ask for a copy of your data.") == 1
    assert any(s.startswith("1. We collect your name") and s.endswith("place an order.") for s in sentences)


def test_section_path_of_a_sentence() -> None:
    policy = load_policy(FIXTURES / "numbered-en.txt")
    result = segment(policy)
    sentence = next(s for s in result.sentences if policy.text[s.start :].startswith("We record"))
    assert sentence.section_path == (
        "Acme Kites Privacy Policy",
        "2. Information We Collect",
        "2.2 Information from devices",
    )


def test_chinese_numbered_outline() -> None:
    result = segment(load_policy(FIXTURES / "numbered-zh.txt"))
    assert _outline(result) == [
        (1, "风筝商城隐私政策"),
        (2, "一、我们如何收集您的信息"),
        (3, "（一）注册账号"),
        (3, "（二）下单购物"),
        (2, "二、您的权利"),
    ]


def test_chinese_sentences_split_on_end_punctuation() -> None:
    policy = load_policy(FIXTURES / "numbered-zh.txt")
    sentences = _sentence_texts(policy, segment(policy))
    assert "当您注册账号时，我们会收集您的手机号码。" in sentences
    assert "如果您不提供，将无法注册！" in sentences
    assert "您可以查阅、更正或删除您的个人信息；" in sentences
    assert "我们将在15个工作日内答复。" in sentences


def test_chinese_list_items_and_paths() -> None:
    policy = load_policy(FIXTURES / "numbered-zh.txt")
    result = segment(policy)
    item = next(p for p in result.paragraphs if policy.text[p.start :].startswith("2. 支付信息"))
    assert (item.kind, item.section_path) == (
        "list_item",
        ("风筝商城隐私政策", "一、我们如何收集您的信息", "（二）下单购物"),
    )


def test_heading_paragraphs_have_kind_heading_and_their_own_path() -> None:
    policy = load_policy(FIXTURES / "numbered-zh.txt")
    result = segment(policy)
    heading = next(
        p for p in result.paragraphs if p.kind == "heading" and p.section_path[-1] == "二、您的权利"
    )
    assert policy.text[heading.start : heading.end] == "二、您的权利"


@pytest.mark.parametrize(
    "outline",
    [
        ["第一章 总则", "第一条 目的", "第二条 适用范围", "第二章 信息收集", "第三条 收集范围"],
        ["I. Overview", "1. Who we are", "2. What this covers", "II. Data", "1. Categories"],
        ["Article 1 Scope", "Section 1 Definitions", "Article 2 Collection"],
        ["【重要提示】", "（1）注册", "（2）登录", "【联系我们】"],
        ["(一) 收集", "1) 账号信息", "2) 设备信息", "(二) 使用"],
        ["INFORMATION WE COLLECT", "1.1 Account data", "1.1.1 Name", "1.2 Device data", "HOW WE SHARE IT"],
    ],
    ids=["cn-chapter-article", "roman-arabic", "article-section", "bracket-paren", "cn-paren-close", "caps"],
)
def test_heading_forms_nest_in_order_of_appearance(outline: list[str]) -> None:
    body = "We describe this part of the policy here in one full sentence. 这里是正文内容。"
    text = "\n".join(f"{line}\n{body}" for line in outline)
    result = segment(policy_from_text(text))
    assert [title for _, title in _outline(result)] == outline
    levels = [level for level, _ in _outline(result)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_roman_and_chapter_levels() -> None:
    text = "\n".join(
        ["I. Overview", "Body text, a sentence.", "1. Who we are", "Body text.", "II. Data", "More."]
    )
    assert [level for level, _ in _outline(segment(policy_from_text(text)))] == [1, 2, 1]


def test_table_of_contents_lines_are_not_headings() -> None:
    text = (
        "本政策包括以下内容：\n一、收集\n二、使用\n三、联系我们\n"
        "一、收集\n我们会收集您的手机号码。\n二、使用\n我们使用信息提供服务。\n三、联系我们\n请发送邮件。"
    )
    policy = policy_from_text(text)
    result = segment(policy)
    assert [title for _, title in _outline(result)] == ["一、收集", "二、使用", "三、联系我们"]
    assert result.headings[0].start == policy.text.index("一、收集\n我们")


def test_short_list_after_a_colon_is_not_a_heading() -> None:
    lines = [
        "Our Rights Section",
        "You may ask us to do the following:",
        "Access Your Data",
        "Delete Your Data",
    ]
    text = "\n".join([*lines, "That is all."])
    result = segment(policy_from_text(text))
    assert _outline(result) == [(1, "Our Rights Section")]


def test_consecutive_short_lines_are_not_headings() -> None:
    cells = ["星云定位SDK", "星云地图有限公司", "位置信息", "推送SDK", "推送公司", "设备标识符"]
    text = "\n".join(["我们接入的第三方SDK如下。", *cells, "以上SDK均经过评估。"])
    assert segment(policy_from_text(text)).headings == ()


def test_title_case_heading_between_paragraphs() -> None:
    text = "We collect data to run the service.\nHow We Share Information\nWe share data with our processors."
    assert _outline(segment(policy_from_text(text))) == [(1, "How We Share Information")]


def test_long_lines_are_never_headings() -> None:
    line = "1. " + "Information We Collect And How We Use It " * 4
    assert segment(policy_from_text(f"{line}\nBody sentence here.")).headings == ()


def test_markdown_hashes_in_a_text_file() -> None:
    result = segment(
        policy_from_text("# Policy\nIntro.\n## Data\nWe collect data.\n### Cookies\nWe set cookies.")
    )
    assert _outline(result) == [(1, "Policy"), (2, "Data"), (3, "Cookies")]


def test_heading_blocks_keep_their_rank() -> None:
    policy = _structured(
        Piece("Privacy Notice", "heading", 1),
        Piece("Intro paragraph.", "paragraph"),
        Piece("Details", "heading", 3),
        Piece("Deep text.", "paragraph"),
        Piece("Rights", "heading", 2),
        Piece("Rights text.", "paragraph"),
    )
    assert _outline(segment(policy)) == [(1, "Privacy Notice"), (2, "Details"), (2, "Rights")]


def test_numbered_heading_blocks_keep_their_html_levels() -> None:
    policy = _structured(
        Piece("Notice", "heading", 1),
        Piece("1. Who we are", "heading", 2),
        Piece("2. What we collect", "heading", 2),
        Piece("2.1 Data you give us", "heading", 3),
        Piece("3. Your rights", "heading", 2),
    )
    assert [level for level, _ in _outline(segment(policy))] == [1, 2, 2, 3, 2]


def test_heading_block_that_is_a_sentence_is_a_paragraph() -> None:
    policy = _structured(
        Piece("数据共享", "heading", 2),
        Piece("除非获得您的明确同意，我们不会将您的个人信息转让给任何其他机构。", "heading", 3),
    )
    result = segment(policy)
    assert _outline(result) == [(1, "数据共享")]
    assert result.paragraphs[1].kind == "paragraph"


def test_text_headings_inside_a_block_are_found_line_by_line() -> None:
    policy = _structured(
        Piece(
            "第一条【信息收集】\n我们收集您的手机号码。\n第二条【信息使用】\n我们使用信息提供服务。",
            "list_item",
        ),
    )
    result = segment(policy)
    assert [title for _, title in _outline(result)] == ["第一条【信息收集】", "第二条【信息使用】"]
    assert [p.kind for p in result.paragraphs] == ["heading", "paragraph", "heading", "paragraph"]


def test_short_list_item_and_table_cell_blocks_are_not_headings() -> None:
    policy = _structured(
        Piece("We collect:", "paragraph"),
        Piece("Contact Details", "list_item"),
        Piece("Data Category", "table_cell"),
        Piece("Retention Period", "table_cell"),
    )
    result = segment(policy)
    assert result.headings == ()
    assert [p.kind for p in result.paragraphs] == ["paragraph", "list_item", "paragraph", "paragraph"]


def test_every_block_becomes_paragraphs_in_text_order() -> None:
    policy = _structured(Piece("A heading", "heading", 1), Piece("Line one\nline two.", "paragraph"))
    result = segment(policy)
    assert [policy.text[p.start : p.end] for p in result.paragraphs] == ["A heading", "Line one", "line two."]


def test_sentence_closing_quote_stays_with_its_sentence() -> None:
    policy = policy_from_text('He said "we never sell data." Then he left. 我们称之为“个人信息”。其他内容')
    assert _sentence_texts(policy, segment(policy)) == [
        'He said "we never sell data."',
        "Then he left.",
        "我们称之为“个人信息”。",
        "其他内容",
    ]


def test_lowercase_after_full_stop_does_not_split() -> None:
    policy = policy_from_text("We share data with partners, etc. and advisers. No. 5 is an example.")
    assert _sentence_texts(policy, segment(policy)) == [
        "We share data with partners, etc. and advisers.",
        "No. 5 is an example.",
    ]


def test_decimal_numbers_do_not_split() -> None:
    policy = policy_from_text("We use TLS 1.2 or higher. Version 4.2 applies.")
    assert _sentence_texts(policy, segment(policy)) == ["We use TLS 1.2 or higher.", "Version 4.2 applies."]


@pytest.mark.parametrize("name", ["sample-policy-en.html", "sample-policy-zh.txt"])
def test_sample_policy_offsets_are_consistent(name: str) -> None:
    from desktop.resources import resource_path

    policy = load_policy(resource_path(f"resources/samples/{name}"))
    result = segment(policy)
    assert len(result.headings) >= 10
    assert_offsets_consistent(policy, result)


def test_blocks_given_out_of_order_are_handled() -> None:
    text, blocks = build_text([Piece("Title", "heading", 1), Piece("Body text.", "paragraph")])
    policy = Policy(text, "t", "html", "0" * 64, "en", blocks=tuple(reversed(blocks)))
    assert [p.kind for p in segment(policy).paragraphs] == ["heading", "paragraph"]
    assert isinstance(policy.blocks[0], Block)


def test_hard_wrapped_english_lines_form_one_paragraph_and_sentence() -> None:
    text = (
        "We collect your name and your email address when you\n"
        "register for an account. We keep it for a year.\n"
        "\n"
        "A new paragraph starts here."
    )
    policy = policy_from_text(text)
    result = segment(policy)
    assert len(result.paragraphs) == 2
    assert _sentence_texts(policy, result)[0] == (
        "We collect your name and your email address when you\nregister for an account."
    )


def test_chinese_line_ends_still_end_sentences() -> None:
    policy = policy_from_text("我们会收集您的手机号码用于注册账号以及找回密码\n我们不会出售您的信息")
    assert _sentence_texts(policy, segment(policy)) == [
        "我们会收集您的手机号码用于注册账号以及找回密码",
        "我们不会出售您的信息",
    ]


def test_sentence_case_heading_and_sub_heading_separated_by_blank_lines() -> None:
    text = (
        "This notice explains what we do with your data.\n\n"
        "Information we collect\n\n"
        "Information you give us\n"
        "We collect your name and email address when you sign up.\n\n"
        "Information from devices\n"
        "We record your IP address and browser type for security."
    )
    result = segment(policy_from_text(text))
    assert [title for _, title in _outline(result)] == [
        "Information we collect",
        "Information you give us",
        "Information from devices",
    ]


def test_table_cells_written_as_lines_with_blank_lines_are_not_headings() -> None:
    cells = ["您的个人信息", "收集目的及用途", "注册和登录会员账户", "手机号码、短信验证码", "订单查询"]
    text = (
        "我们收集的信息如下表所示。\n\n"
        + "\n\n".join(cells)
        + "\n\n用于提供订单查询功能，我们需要收集您的订单号和手机号码。"
    )
    assert segment(policy_from_text(text)).headings == ()


def test_bulleted_short_line_is_a_list_item() -> None:
    body = "我们会在您同意后向您指定的第三方提供您的个人信息，例如收件人。"
    text = f"我们会向以下对象提供信息。\n· 您授权的第三方\n{body}"
    result = segment(policy_from_text(text))
    assert result.headings == ()
    assert result.paragraphs[1].kind == "list_item"


def test_chinese_number_with_space_separator_is_a_heading() -> None:
    text = "四 如何保护您的信息\n我们采用加密技术保护您的信息。\n五 如何行使您的权利\n您可以查阅您的信息。"
    assert [title for _, title in _outline(segment(policy_from_text(text)))] == [
        "四 如何保护您的信息",
        "五 如何行使您的权利",
    ]


def test_english_sample_outline_follows_the_page_headings() -> None:
    from desktop.resources import resource_path

    result = segment(load_policy(resource_path("resources/samples/sample-policy-en.html")))
    assert _outline(result)[:5] == [
        (1, "Brightwater Tasks Privacy Notice"),
        (2, "1. Who we are"),
        (2, "2. Information we collect"),
        (3, "2.1 Information you give us"),
        (3, "2.2 Information collected automatically"),
    ]
    assert _outline(result)[-1] == (2, "13. Contact")


def test_chinese_sample_outline_skips_the_contents_list() -> None:
    from desktop.resources import resource_path

    policy = load_policy(resource_path("resources/samples/sample-policy-zh.txt"))
    result = segment(policy)
    assert _outline(result)[:3] == [
        (1, "青禾阅读隐私政策"),
        (2, "一、我们如何收集和使用您的个人信息"),
        (3, "（一）注册与登录"),
    ]
    assert policy.text[result.headings[1].end + 1 :].startswith("\n个人信息是指")
