"""Markdown policies: the rendered text without markup, headings and list items kept as blocks.

Soft line breaks inside a paragraph render as a space, except between two CJK characters, where a space
would be an artefact of the source's line wrapping. HTML blocks embedded in the Markdown go through the HTML
extractor so that a policy written half in HTML still reads as text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from desktop.core.document import BlockKind
from desktop.core.loading.html_file import html_pieces
from desktop.core.normalise import Piece

_SOFT_BREAK = "\x00"
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]"
_CJK_SOFT_BREAK = re.compile(f"(?<={_CJK}){_SOFT_BREAK}(?={_CJK})")
# Jekyll/Hugo front matter; CommonMark would render its last key as a setext heading.
_FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.{0,4000}?\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in {"text", "code_inline", "image"}:
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(_SOFT_BREAK)
        elif kind == "hardbreak" or (kind == "html_inline" and _HTML_BREAK.fullmatch(child.content.strip())):
            parts.append("\n")
    return _CJK_SOFT_BREAK.sub("", "".join(parts)).replace(_SOFT_BREAK, " ")


def markdown_pieces(source: str) -> list[Piece]:
    """The pieces of a Markdown document (CommonMark plus tables)."""
    front_matter = _FRONT_MATTER.match(source)
    if front_matter is not None:
        source = source[front_matter.end() :]
    tokens = MarkdownIt("commonmark").enable("table").parse(source)
    pieces: list[Piece] = []
    context: list[tuple[BlockKind, int | None]] = []
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            context.append(("heading", int(token.tag[1:])))
            pieces.append(Piece(""))
        elif kind == "list_item_open":
            context.append(("list_item", None))
        elif kind in {"th_open", "td_open"}:
            context.append(("table_cell", None))
        elif kind in {"heading_close", "list_item_close", "th_close", "td_close"}:
            context.pop()
        elif kind == "inline":
            block_kind, level = context[-1] if context else ("paragraph", None)
            pieces.append(Piece(_inline_text(token), block_kind, level))
        elif kind in {"fence", "code_block"}:
            pieces.append(Piece(token.content, "paragraph"))
        elif kind == "html_block":
            pieces.extend(html_pieces(token.content))
    return pieces
