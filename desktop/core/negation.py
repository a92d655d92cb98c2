"""Negation cues: the words that turn "we sell your data" into "we do not sell your data".

Whether a negated statement helps or hurts is decided per checklist item (``negation`` in its rules): "we do
not transfer data abroad" answers the cross-border disclosure item, while "we do not currently offer a way to
delete your account" does not describe an account-deletion route. This module only says *where* negation is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

EN_CUES: tuple[str, ...] = (
    "not",
    "never",
    "no",
    "neither",
    "nor",
    "none",
    "cannot",
    "don't",
    "doesn't",
    "won't",
    "didn't",
    "isn't",
    "aren't",
    "don’t",
    "doesn’t",
    "won’t",
)
# Bare 不 and 未 are left out on purpose: they start many ordinary words (不同, 不断, 未成年人, 未来).
ZH_CUES: tuple[str, ...] = (
    "不会",
    "不得",
    "不再",
    "绝不",
    "决不",
    "从不",
    "并不",
    "并未",
    "没有",
    "不向",
    "不对外",
    "不进行",
    "不存在",
    "不涉及",
    "不收集",
    "不使用",
    "不提供",
    "不共享",
    "不转让",
    "不公开",
    "不出售",
    "不存储",
    "不保存",
    "不传输",
    "不包含",
    "不需要",
    "无需",
)
CUES: tuple[str, ...] = EN_CUES + ZH_CUES

ZH_QUALIFIER = re.compile(
    r"除[^。；]{0,60}外|之外|以外|除非|例外|未经|不再|不会再"
    r"|(?:关闭|撤回|注销|删除)[^。；，]{0,8}后"
)
"""What makes a Chinese negation a restriction, not an absence: "我们不会将Cookie用于本政策所述目的之外的
用途", "未经您的同意，我们不会共享" and "注销后我们将不再使用" say how a practice is limited or when it
stops, not that it never happens."""


def qualified(sentence: str) -> bool:
    """Whether a negated Chinese sentence has an exception, a condition or an end: then it is no clear no."""
    return ZH_QUALIFIER.search(sentence) is not None


_NOT_A_NEGATION = re.compile(r"not\s+(?:only|just|limited\s+to|restricted\s+to)\b", re.IGNORECASE)
"""English wording that starts with a cue but denies nothing: "including but not limited to cookies" and "not
only … but also" widen a statement."""


def cue_at(text: str, start: int) -> bool:
    """Whether the cue matched at ``start`` negates, i.e. is not part of wording such as "not limited to"."""
    return _NOT_A_NEGATION.match(text, start) is None


EN_REACH = 40
"""How far (characters) an English cue reaches forward: "we do not sell or rent your" stays inside."""
ZH_REACH = 14
"""The same for Chinese, denser per character: "我们不会将您的个人信息转移" stays inside."""


def negates(cue_spans: Sequence[tuple[int, int, bool]], term_start: int) -> tuple[int, int] | None:
    """The cue span ``(start, end)`` that negates a term starting at ``term_start``, if any.

    ``cue_spans`` are ``(start, end, is_english)`` triples within the same sentence. A cue negates a term that
    it precedes (or overlaps, as in 不共享) within its reach.
    """
    for start, end, english in cue_spans:
        reach = EN_REACH if english else ZH_REACH
        if start <= term_start and term_start - end <= reach:
            return start, end
    return None
