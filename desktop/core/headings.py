"""Recognise heading lines in policy text, in the numbering styles real English and Chinese policies use.

A candidate carries a *scheme* (which numbering family it belongs to, e.g. ``"cn-num"`` for ``一、``); the
segmenter turns schemes into levels by order of first appearance, since documents disagree on whether
``1.`` sits above or below ``（一）``. Only the text decides here; whether a candidate really is a heading
also depends on its neighbours, which the segmenter checks.

Long lines are never headings, and neither are lines that read like sentences (ending in ``. 。 ; ；`` etc.),
so that ``1. We collect your name and email address when you register ...`` stays a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_HEADING_WIDTH = 90  # display width: a CJK character counts 2, so 45 Chinese or 90 Latin characters
_CN_DIGITS = "一二三四五六七八九十百零〇两"
_SENTENCE_END = tuple(".。;；!！,，、")  # not "?": "What do we collect?" is a typical heading
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_MIDDLE_SENTENCE_END = re.compile(r"[。！？；]|[.!?;]\s+\S")

# (scheme, pattern); the "title" group is the text after the marker. Order matters: more specific first.
_NUMBERED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (scheme, re.compile(pattern, re.IGNORECASE if scheme.startswith("en-") else 0))
    for scheme, pattern in (
        ("cn-chapter", rf"^第[{_CN_DIGITS}\d]+[章部编]\s*(?P<title>.*)$"),
        ("cn-section", rf"^第[{_CN_DIGITS}\d]+节\s*(?P<title>.*)$"),
        ("cn-article", rf"^第[{_CN_DIGITS}\d]+条\s*(?P<title>.*)$"),
        ("en-chapter", r"^(?:chapter|part)\s+(?:\d+|[ivxlc]+)\b[.:]?\s*(?P<title>.*)$"),
        ("en-article", r"^article\s+\d+\b[.:]?\s*(?P<title>.*)$"),
        ("en-section", r"^section\s+\d+(?:\.\d+)*\b[.:]?\s*(?P<title>.*)$"),
        ("cn-num", rf"^(?:[{_CN_DIGITS}]+\s*[、.．]|[{_CN_DIGITS}]{{1,3}}[ \u3000])\s*(?P<title>.*)$"),
        ("cn-paren", rf"^[（(]\s*[{_CN_DIGITS}]+\s*[)）]\s*[、.．]?\s*(?P<title>.*)$"),
        ("num-paren", r"^[（(]\s*\d{1,3}\s*[)）]\s*[、.．]?\s*(?P<title>.*)$"),
        ("num-4", r"^\d{1,3}[.．]\d{1,3}[.．]\d{1,3}[.．]\d{1,3}[.．]?\s*(?P<title>\D.*)$"),
        ("num-3", r"^\d{1,3}[.．]\d{1,3}[.．]\d{1,3}[.．]?\s*(?P<title>\D.*)$"),
        ("num-2", r"^\d{1,3}[.．]\d{1,3}[.．]?\s*(?P<title>\D.*)$"),
        ("num-1", r"^\d{1,3}[.．、]\s*(?P<title>\D.*)$"),
        ("num-close", r"^\d{1,3}\s*[)）]\s*(?P<title>\D.*)$"),
        ("roman", r"^(?=[IVXL])M*(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})[.．、]\s+(?P<title>.+)$"),
        ("bracket", r"^【(?P<title>[^】]{1,40})】\s*$"),
        ("circled", r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*(?P<title>.*)$"),
    )
)
_MARKDOWN = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.+?)\s*#*$")
# A word list reads better as one string than as fifty quoted items.
_SMALL_WORDS = frozenset(
    """a an and as at by for from in into of on or our the to us we with your you how what who why when where
    is are do does this that""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True, slots=True)
class HeadingCandidate:
    """A line that looks like a heading: its numbering scheme and, for Markdown-style ``#`` lines, a level."""

    scheme: str
    title: str
    numbered: bool
    level: int | None = None
    number: int | None = None  # the value of the last number in the marker, to tell runs from restarts


_CN_VALUES = {
    char: value
    for value, chars in enumerate(("零〇", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for char in chars
}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "M": 1000}
_ARABIC = re.compile(r"\d+")
_CN_NUMBER = re.compile(rf"[{_CN_DIGITS}]+")
_ROMAN = re.compile(r"^[IVXLCM]+(?=[.．、])")


def _chinese_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105; ``None`` for anything else."""
    total = current = 0
    for char in numeral:
        if char in _CN_VALUES:
            current = _CN_VALUES[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def _roman_number(numeral: str) -> int:
    values = [_ROMAN_VALUES[char] for char in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _marker_number(marker: str) -> int | None:
    """The value of the (last) number in a marker such as ``2.3``, ``（十二）``, ``第五条`` or ``IV.``."""
    roman = _ROMAN.match(marker)
    if roman is not None:
        return _roman_number(roman.group())
    arabic = _ARABIC.findall(marker)
    if arabic:
        return int(arabic[-1])
    chinese = _CN_NUMBER.search(marker)
    return _chinese_number(chinese.group()) if chinese is not None else None


def display_width(text: str) -> int:
    return len(text) + len(_CJK.findall(text))


def _reads_like_sentence(title: str) -> bool:
    stripped = title.rstrip(" \"'”’)）")
    if not stripped or stripped.endswith(_SENTENCE_END):
        return True
    if stripped.endswith((":", "：")) and display_width(stripped) > 24:
        return True  # "We collect the following information:" introduces a list
    return bool(_MIDDLE_SENTENCE_END.search(stripped))


def _is_title_like(line: str, *, max_words: int, title_case: bool) -> bool:
    """A short English line that could be a heading: capitalised, no digits, no e-mail/URL/label marks."""
    words = _WORD.findall(line)
    if not 1 <= len(words) <= max_words or not line[0].isupper() or any(ch.isdigit() for ch in line):
        return False
    if any(mark in line for mark in ("@", "://", "|", ":", "=", ";")):
        return False
    if not title_case:
        return True
    significant = [word for word in words if word.lower() not in _SMALL_WORDS]
    return bool(significant) and all(word[0].isupper() for word in significant)


def _is_all_caps(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in line)


def _is_short_cjk_title(line: str) -> bool:
    """``青禾阅读隐私政策``: a short CJK line with no punctuation except book-title marks and quotes."""
    return (
        len(line) <= 16
        and len(_CJK.findall(line)) >= 2
        and not re.search(r"[，。；：！？:;,.!?\d@]", line)
        and not line.endswith("、")
    )


def plausible_heading_block(text: str) -> bool:
    """Whether a source heading (``<h3>``, a Word heading style) really is one and not a styled sentence."""
    if display_width(text) > 1.5 * MAX_HEADING_WIDTH:
        return False
    marked, candidate = _numbered_candidate(text)
    return candidate is not None if marked else not _reads_like_sentence(text)


def _numbered_candidate(line: str) -> tuple[bool, HeadingCandidate | None]:
    """``(has a numbering marker, candidate)``: a marked line that reads like a sentence is no heading."""
    for scheme, pattern in _NUMBERED:
        match = pattern.match(line)
        if match is None:
            continue
        title = match.group("title").strip()
        # "第三条" or "Article 3" alone is a heading; after other markers a title must follow.
        bare_allowed = scheme in {
            "bracket",
            "cn-chapter",
            "cn-section",
            "cn-article",
            "en-chapter",
            "en-article",
        }
        if (title or not bare_allowed) and _reads_like_sentence(title):
            return True, None
        return True, HeadingCandidate(scheme, line, True, number=_marker_number(line[: match.start("title")]))
    return False, None


def _unnumbered_candidate(line: str) -> HeadingCandidate | None:
    if _reads_like_sentence(line):
        return None
    if _is_all_caps(line) and display_width(line) <= 80:
        return HeadingCandidate("caps", line, False)
    if display_width(line) <= 70 and _is_title_like(line, max_words=10, title_case=True):
        return HeadingCandidate("title-case", line, False)
    if display_width(line) <= 50 and _is_title_like(line, max_words=7, title_case=False):
        return HeadingCandidate("sentence-case", line, False)
    if _is_short_cjk_title(line):
        return HeadingCandidate("cjk-title", line, False)
    return None


def heading_candidate(line: str) -> HeadingCandidate | None:
    """Classify one stripped line; ``None`` when it cannot be a heading."""
    if not line or "\t" in line or display_width(line) > MAX_HEADING_WIDTH:
        return None  # tabs separate the cells of a table row written out as text
    markdown = _MARKDOWN.match(line)
    if markdown is not None:
        return HeadingCandidate("markdown", markdown.group("title"), True, len(markdown.group("hashes")))
    marked, numbered = _numbered_candidate(line)
    if marked or _BULLET.match(line):
        return numbered  # a bulleted line is a list item however short
    return _unnumbered_candidate(line)


_BULLET = re.compile(r"^[•·▪●○◦■□◆◇▶➢✓√\-–—*+]")
_LIST_MARKER = re.compile(
    rf"^(?:[•·▪●○◦■□◆◇▶➢✓√\-–—*+]\s*|\d{{1,3}}(?:[.．]\d{{1,3}})*[.．、)）]\s*|[（(]\s*(?:\d{{1,3}}|[a-zA-Z]|[{_CN_DIGITS}]+|[ivx]+)\s*[)）]|"
    r"[a-zA-Z][.)]\s+|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
)


def starts_with_list_marker(line: str) -> bool:
    """Whether a (stripped) line starts with a bullet or an enumeration marker."""
    return _LIST_MARKER.match(line) is not None
