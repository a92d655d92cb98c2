"""The one text normalisation every loading path goes through.

Evidence offsets, gold quotes and search all point into the text produced here, so every format builds its
text as a sequence of :class:`Piece` objects (a heading, a list item, a run of plain text) and lets
:func:`build_text` normalise them line by line. Because each line is normalised before it is placed, the
offsets of the resulting :class:`~desktop.core.document.Block` objects are exact in the final text.

What normalisation does (and deliberately does not do):

- A UTF-16 surrogate pair held as two code points becomes the one character it encodes; a lone surrogate
  (from a clipboard or a file name with undecodable bytes) becomes U+FFFD, since neither SQLite nor the
  workbook can store it.
- NFC composition; CRLF/CR and other Unicode line breaks become ``\\n``.
- NBSP, ideographic and other odd spaces become a plain space; zero-width characters, soft hyphens, the BOM
  and stray control characters are removed.
- Trailing white space is stripped from every line; runs of blank lines collapse to one blank line; leading
  and trailing blank lines go.
- It is *not* NFKC: full-width Chinese punctuation (，。（）) stays as written, because gold quotes and the
  keyword rules are written against it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.document import Block, BlockKind

_ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_REMOVED = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
# C0 controls other than tab and line breaks, DEL and C1 controls: debris from converters, never text.
_CONTROLS = [c for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e"] + list(range(0x7F, 0xA0))

_TRANSLATION: dict[int, str | None] = {
    **dict.fromkeys(map(ord, _ODD_SPACES), " "),
    **dict.fromkeys(map(ord, _REMOVED)),
    **dict.fromkeys(_CONTROLS),
}
_SURROGATE = re.compile("[\ud800-\udfff]")
# \x85 (NEL) is a C1 control but str.splitlines() treats it as a line break; splitting happens first.


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of source text and what it was in the source (``kind`` ``None`` means unstructured text).

    A piece may contain line breaks; it becomes one block spanning all its non-blank lines.
    An empty piece asks for a blank line (e.g. before a heading, between PDF pages).
    """

    text: str
    kind: BlockKind | None = None
    level: int | None = None


def normalise_line(line: str) -> str:
    """Normalise one line (no line breaks inside): NFC, odd spaces, invisible characters, trailing space."""
    if _SURROGATE.search(line):
        line = line.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return unicodedata.normalize("NFC", line.translate(_TRANSLATION)).rstrip()


def build_text(pieces: Iterable[Piece]) -> tuple[str, tuple[Block, ...]]:
    """Join ``pieces`` into the normalised policy text and the blocks of the structured pieces."""
    chunks: list[str] = []
    blocks: list[Block] = []
    length = 0
    blank_pending = False
    for piece in pieces:
        start = end = -1
        for raw in piece.text.splitlines() or [""]:
            line = normalise_line(raw)
            if not line.strip():
                blank_pending = bool(chunks)
                continue
            separator = ("\n\n" if blank_pending else "\n") if chunks else ""
            blank_pending = False
            chunks.append(separator)
            length += len(separator)
            if start < 0:
                start = length + len(line) - len(line.lstrip())
            chunks.append(line)
            length += len(line)
            end = length
        if piece.kind is not None and start >= 0:
            blocks.append(Block(start, end, piece.kind, piece.level))
    return "".join(chunks), tuple(blocks)


def normalise(text: str) -> str:
    """The normalised form of unstructured ``text`` (what a pasted or ``.txt`` policy becomes)."""
    return build_text([Piece(text)])[0]
