"""Map the policy's character offsets (Python ``str`` indices) to QTextDocument positions and back.

Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane (emoji, rare CJK
ideographs in Extension B and later) takes two document positions but one Python index. Everything the
review stores is a Python offset; only the viewer speaks Qt positions, through this class.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    """Converts between Python indices and UTF-16 positions for one fixed text."""

    def __init__(self, text: str) -> None:
        self._length = len(text)
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
        # The Qt position at which each astral character starts.
        self._astral_qt = [index + rank for rank, index in enumerate(self._astral)]

    @property
    def qt_length(self) -> int:
        return self._length + len(self._astral)

    def to_qt(self, offset: int) -> int:
        """The document position of Python index ``offset`` (clamped to the text)."""
        offset = max(0, min(self._length, offset))
        return offset + bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        """The Python index of a document position; a position inside a surrogate pair rounds down."""
        position = max(0, min(self.qt_length, position))
        return position - bisect_left(self._astral_qt, position)
