"""Synthetic privacy policies of a chosen size, in English or Chinese, for timing the engine.

The sentences are composed here from small word lists with a fixed seed, so every run times the same text.
They read like a policy (headings, numbered sections, lists, the usual topics) and hit the prefill rules
the way a real policy does, but they are not meant to be meaningful.
"""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

TOPICS_EN = (
    "Information we collect",
    "How we use your information",
    "Sharing with other companies",
    "How long we keep information",
    "Your rights and choices",
    "How we protect information",
    "Children",
    "Transfers to other countries",
    "Cookies and similar technologies",
    "Changes to this policy",
    "How to contact us",
)
TOPICS_ZH = (
    "我们收集的信息",
    "我们如何使用您的信息",
    "我们如何共享、转让、公开披露您的信息",
    "信息的保存期限",
    "您的权利",
    "我们如何保护您的信息",
    "未成年人保护",
    "个人信息的跨境传输",
    "Cookie 和同类技术",
    "本政策的更新",
    "如何联系我们",
)
SUBJECTS_EN = ("We", "Our service", "The company", "Our partners", "Our support team", "The app")
VERBS_EN = ("collect", "use", "store", "share", "process", "delete", "review", "protect", "disclose")
DATA_EN = (
    "your email address",
    "your phone number",
    "device identifiers",
    "location data",
    "payment details",
    "usage statistics",
    "crash reports",
    "contact lists",
    "photos you upload",
    "account settings",
)
PURPOSES_EN = (
    "to provide the service",
    "to improve our products",
    "to prevent fraud",
    "to comply with the law",
    "to send you updates you asked for",
    "to answer your questions",
    "for security reasons",
    "with your consent",
)
TAILS_EN = (
    "for as long as your account is open",
    "for two years after your last visit",
    "unless the law requires otherwise",
    "and you can withdraw your consent at any time",
    "using encryption and access controls",
    "in data centres located in Ireland",
    "after asking for your permission",
    "as described in this section",
)
SUBJECTS_ZH = ("我们", "本应用", "本公司", "我们的合作伙伴", "客服团队", "第三方服务商")
VERBS_ZH = ("收集", "使用", "存储", "共享", "处理", "删除", "审核", "保护", "披露")
DATA_ZH = (
    "您的手机号码",
    "您的电子邮箱",
    "设备标识符",
    "位置信息",
    "支付信息",
    "使用记录",
    "崩溃日志",
    "通讯录",
    "您上传的照片",
    "账号设置",
)
PURPOSES_ZH = (
    "以便提供服务",
    "以便改进产品",
    "以防范欺诈",
    "以遵守法律法规",
    "以便向您发送通知",
    "以便回答您的问题",
    "出于安全考虑",
    "在征得您同意后",
)
TAILS_ZH = (
    "保存期限为账号注销后六个月",
    "并在期满后删除或匿名化处理",
    "法律法规另有规定的除外",
    "您可以随时撤回同意",
    "采用加密和访问控制等措施",
    "存储于中华人民共和国境内",
    "包括但不限于上述用途",
    "具体见本节说明",
)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...]


def _sentence(rng: random.Random, language: str) -> str:
    if language == "zh":
        return (
            f"{rng.choice(SUBJECTS_ZH)}会{rng.choice(VERBS_ZH)}{rng.choice(DATA_ZH)}，"
            f"{rng.choice(PURPOSES_ZH)}，{rng.choice(TAILS_ZH)}。"
        )
    return (
        f"{rng.choice(SUBJECTS_EN)} may {rng.choice(VERBS_EN)} {rng.choice(DATA_EN)} "
        f"{rng.choice(PURPOSES_EN)}, {rng.choice(TAILS_EN)}."
    )


def _paragraph(rng: random.Random, language: str) -> str:
    joiner = "" if language == "zh" else " "
    return joiner.join(_sentence(rng, language) for _ in range(rng.randint(2, 6)))


def _section(rng: random.Random, language: str, number: int) -> Section:
    topics = TOPICS_ZH if language == "zh" else TOPICS_EN
    topic = topics[(number - 1) % len(topics)]
    heading = f"{number}. {topic}"
    paragraphs = tuple(_paragraph(rng, language) for _ in range(rng.randint(1, 4)))
    items = tuple(_sentence(rng, language) for _ in range(rng.randint(0, 4)))
    return Section(heading, paragraphs, items)


def sections(language: str, size: int, seed: int = 20261124) -> list[Section]:
    """Sections whose plain-text form is at least ``size`` bytes of UTF-8."""
    rng = random.Random(f"{seed}-{language}")
    result: list[Section] = []
    total = 0
    while total < size:
        section = _section(rng, language, len(result) + 1)
        result.append(section)
        total += len(_section_text(section, language).encode())
    return result


def _title(language: str) -> str:
    return "示例应用隐私政策" if language == "zh" else "Example App Privacy Policy"


def _section_text(section: Section, language: str) -> str:
    bullet = "· " if language == "zh" else "- "
    lines = [section.heading, "", *(f"{p}\n" for p in section.paragraphs)]
    lines += [f"{bullet}{item}" for item in section.items]
    return "\n".join(lines) + "\n\n"


def as_text(language: str, size: int) -> str:
    body = "".join(_section_text(section, language) for section in sections(language, size))
    return f"{_title(language)}\n\n{body}"


def as_html(language: str, size: int) -> str:
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if language == "zh" else "en"}"><head><meta charset="utf-8">',
        f"<title>{_title(language)}</title></head><body>",
        f"<h1>{_title(language)}</h1>",
    ]
    for section in sections(language, size):
        parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        parts.extend(f"<p>{html.escape(paragraph)}</p>" for paragraph in section.paragraphs)
        if section.items:
            parts.append(
                "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in section.items) + "</ul>"
            )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
