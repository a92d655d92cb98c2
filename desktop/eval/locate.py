"""Find gold quotes in a policy's extracted text, as the gold format prescribes.

Quotes are compared with every run of white space folded to one space on both sides (a quote copied from a
rendered page breaks lines differently from the extracted text). The search runs in the folded text, and an
offset map turns each hit back into offsets of the real text, because scoring compares those with the
prefill's evidence spans.
"""

from __future__ import annotations

import re

_WHITE_RUN = re.compile(r"\s+")

Span = tuple[int, int]


def fold_white_space(text: str) -> str:
    """``text`` with every run of white space replaced by one space and the ends stripped."""
    return _WHITE_RUN.sub(" ", text).strip()


class FoldedText:
    """A text with its white space folded, and the way back to offsets in the original."""

    def __init__(self, text: str) -> None:
        folded: list[str] = []
        origin: list[int] = []  # origin[i]: offset in ``text`` of the folded character i
        position = 0
        for match in _WHITE_RUN.finditer(text):
            folded.append(text[position : match.start()])
            origin.extend(range(position, match.start()))
            folded.append(" ")
            origin.append(match.start())
            position = match.end()
        folded.append(text[position:])
        origin.extend(range(position, len(text)))
        self.text = "".join(folded)
        self._origin = origin

    def real_span(self, start: int, end: int) -> Span:
        """Offsets in the original text of the folded range ``[start, end)`` (``end > start``)."""
        return self._origin[start], self._origin[end - 1] + 1

    def find_all(self, quote: str) -> list[Span]:
        """Every non-overlapping occurrence of ``quote`` (folded), as spans of the original text."""
        needle = fold_white_space(quote)
        if not needle:
            return []
        spans: list[Span] = []
        start = self.text.find(needle)
        while start >= 0:
            spans.append(self.real_span(start, start + len(needle)))
            start = self.text.find(needle, start + len(needle))
        return spans
