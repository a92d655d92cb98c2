"""What the segmenter produces: headings, paragraphs and sentences, each with offsets and section path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ParagraphKind = Literal["heading", "paragraph", "list_item"]


@dataclass(frozen=True, slots=True)
class Heading:
    start: int
    end: int
    level: int
    title: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    kind: ParagraphKind
    section_path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Segmentation.paragraphs
    section_path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Segmentation:
    headings: tuple[Heading, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
