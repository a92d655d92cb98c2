"""Split a paragraph into sentences by English and Chinese end punctuation, keeping exact offsets.

Chinese ``。！？；`` (and ASCII ``!?``) always end a sentence, as does a line break inside a paragraph unless
it merely wraps an English sentence (no end punctuation before it, a lower-case word after it). A full
stop ends a sentence only when white space follows and it does not close an abbreviation (``e.g.``, ``Inc.``,
``No.``), an initial, or a list number at the start of the paragraph, and the next word is not lower case.
Closing quotes and brackets after the punctuation belong to the sentence they close.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"""[。！？；!?]+[”’」』）》"')\]]*|\.+[”’"')\]]*(?=\s|$)|\n""")
# A word list reads better as one string than as fifty quoted items.
_ABBREVIATIONS = frozenset(
    """e.g i.e eg ie cf vs al mr mrs ms dr prof st jr sr inc ltd co corp llc plc gmbh pty no nos art arts sec
    para fig approx dept govt u.s u.k e.u p.r.c jan feb mar apr jun jul aug sep sept oct nov dec""".split()  # noqa: SIM905
)
_UNFINISHED_STOP = frozenset("。．.!?！？；;:：…")
_LIST_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,5}|[a-z])$", re.IGNORECASE)


def _is_false_stop(text: str, dot: int, after: int, paragraph_start: int) -> bool:
    """Whether the full stop at ``dot`` does not end a sentence (``after`` = end of the punctuation run)."""
    token_start = dot
    while token_start > paragraph_start and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:dot].lstrip("(\"'“‘[").lower()
    if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
        return True
    if token_start == paragraph_start and _LIST_NUMBER.match(token):
        return True
    following = after
    while following < len(text) and text[following] in " \t":
        following += 1
    return following < len(text) and text[following].islower()


def _wrapped(text: str, newline: int, end: int) -> bool:
    """Whether a line break only wraps a sentence: no end punctuation before it, lower case after it."""
    before = newline
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    after = newline + 1
    while after < end and text[after] in " \t":
        after += 1
    return before > 0 and text[before - 1] not in _UNFINISHED_STOP and after < end and text[after].islower()


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[start:end]``, white space trimmed, none empty."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if text[match.start()] == "." and _is_false_stop(text, match.start(), match.end(), start):
            continue
        if match.group() == "\n" and _wrapped(text, match.start(), end):
            continue
        boundary = match.start() if match.group() == "\n" else match.end()
        _append(text, spans, sentence_start, boundary)
        sentence_start = match.end()
    _append(text, spans, sentence_start, end)
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
