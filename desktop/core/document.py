"""The loaded policy: one normalised text that every character offset in the product points into."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["en", "zh", "mixed"]
SourceFormat = Literal["txt", "md", "html", "docx", "pdf", "paste"]
BlockKind = Literal["heading", "paragraph", "list_item", "table_cell"]


@dataclass(frozen=True, slots=True)
class Block:
    """A structural hint from the source format (an HTML ``<h2>``, a DOCX heading style, a list item).

    ``start``/``end`` are offsets into :attr:`Policy.text`; ``level`` is the heading level (1 = top) or
    ``None``. Plain-text formats carry no blocks; the segmenter then reads structure from the text itself.
    """

    start: int
    end: int
    kind: BlockKind
    level: int | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """A privacy policy as the review keeps it: the extracted text is stored, so offsets never drift."""

    text: str
    source_name: str
    source_format: SourceFormat
    sha256: str
    language: Language
    encoding: str | None = None
    blocks: tuple[Block, ...] = field(default=())
