"""Saved web pages: keep the policy's readable text and its headings, drop the page furniture.

Scripts, styles, navigation, page header and footer, ``<noscript>``, ``<template>`` and comments are dropped.
Every heading, paragraph, list item and table cell becomes its own line; headings, list items and cells are
recorded as blocks so the segmenter does not have to guess them back from the text.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from desktop.core.document import BlockKind
from desktop.core.errors import PolicyLoadError
from desktop.core.loading.decoding import decode_text
from desktop.core.normalise import Piece

_DROPPED = frozenset(
    {"script", "style", "nav", "header", "footer", "noscript", "template", "head", "svg", "iframe", "object",
     "button", "select", "canvas", "map"}
)  # fmt: skip
_SECTION_FURNITURE = frozenset({"header", "footer"})  # inside <article>/<main> they hold the policy's title
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_STRUCTURAL: dict[str, BlockKind] = {
    "li": "list_item",
    "dt": "list_item",
    "td": "table_cell",
    "th": "table_cell",
}
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "aside", "blockquote", "pre", "ul", "ol", "dl", "dd", "table",
     "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "address", "hr", "form", "fieldset",
     "legend", "center", "details", "summary", "body", "html"}
) | _HEADINGS.keys() | _STRUCTURAL.keys()  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATIONS = re.compile(r"^(?:\s*<\?xml[^>]*\?>)+")  # lxml refuses a str that declares an encoding
_SPACE = re.compile(r"\s+")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode by BOM, then strict UTF-8, then the page's own ``<meta charset>``, then detection.

    UTF-8 goes before the declaration because saved pages are often re-encoded to UTF-8 while keeping an old
    ``charset=iso-8859-1`` or ``gb2312`` declaration; bytes valid as UTF-8 are almost never anything else.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    if match is not None:
        declared = match.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in {"gbk", "gb2312", "x-gbk"} else declared
        if not declared.startswith(("utf-16", "utf-32", "utf-8", "utf8")):  # impossible without a BOM here
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration is common on saved pages; fall back to detection
    return decode_text(data, name)


class _Collector:
    """Accumulates inline text and cuts it into pieces at block boundaries."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self._buffer: list[str] = []
        self._context: list[tuple[BlockKind, int | None]] = []
        self._pre = 0

    def text(self, value: str | None) -> None:
        if value:
            self._buffer.append(value if self._pre else _SPACE.sub(" ", value))

    def line_break(self) -> None:
        self._buffer.append("\n")

    def flush(self) -> None:
        joined = "".join(self._buffer)
        self._buffer.clear()
        lines = [line.strip() for line in joined.split("\n")] if not self._pre else joined.split("\n")
        content = "\n".join(line for line in lines if line.strip())
        if not content:
            return
        kind, level = self._context[-1] if self._context else ("paragraph", None)
        if kind == "heading":
            self.pieces.append(Piece(""))  # a blank line before each heading, as on the rendered page
        self.pieces.append(Piece(content, kind, level))

    def open(self, tag: str) -> None:
        self.flush()
        if tag in _HEADINGS:
            self._context.append(("heading", _HEADINGS[tag]))
        elif tag in _STRUCTURAL:
            self._context.append((_STRUCTURAL[tag], None))
        elif tag == "pre":
            self._pre += 1

    def close(self, tag: str) -> None:
        self.flush()
        if tag in _HEADINGS or tag in _STRUCTURAL:
            self._context.pop()
        elif tag == "pre":
            self._pre -= 1


def _tag(element: etree._Element) -> str | None:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else None


def _inside_content(element: etree._Element) -> bool:
    return next(element.iterancestors("article", "main"), None) is not None


def html_pieces(markup: str) -> list[Piece]:
    """The pieces of an HTML document or fragment (also used for HTML embedded in Markdown)."""
    markup = _XML_DECLARATIONS.sub("", markup, count=1)
    if not markup.strip():
        return []
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(markup, parser=parser)
    except etree.ParserError:  # "Document is empty": only comments or a stray tag, no element with text
        return []
    collector = _Collector()
    walker = etree.iterwalk(root, events=("start", "end"))
    skipping: etree._Element | None = None
    for event, element in walker:
        tag = _tag(element)
        if skipping is not None:
            if event == "end" and element is skipping:
                skipping = None
                collector.text(element.tail)
            continue
        if event == "start":
            if tag in _DROPPED and not (tag in _SECTION_FURNITURE and _inside_content(element)):
                skipping = element
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                collector.open(tag)
            elif tag == "br":
                collector.line_break()
            collector.text(element.text if tag is not None else None)
        else:
            if tag is not None and tag in _BLOCKS:
                collector.close(tag)
            collector.text(element.tail)
    collector.flush()
    return collector.pieces


def load_html(data: bytes, name: str) -> tuple[list[Piece], str]:
    """``(pieces, encoding)`` of a saved web page."""
    markup, encoding = _decode(data, name)
    try:
        pieces = html_pieces(markup)
    except (etree.ParserError, ValueError) as error:
        raise PolicyLoadError(f"{name} could not be read as a web page ({error}).") from error
    return pieces, encoding
