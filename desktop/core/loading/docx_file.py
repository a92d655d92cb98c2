"""Word documents: paragraphs and tables in document order, heading styles as heading blocks.

The ZIP container is checked before python-docx sees it, so that a truncated download, an encrypted
document (which Word stores as an OLE file, not a ZIP), an Excel file renamed to ``.docx`` or a ZIP bomb each
get a message a reviewer can act on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from desktop.core.errors import PolicyLoadError
from desktop.core.normalise import Piece

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_OTHER_OFFICE_PARTS = {"xl/workbook.xml": "an Excel workbook", "ppt/presentation.xml": "a PowerPoint file"}


def _check_container(data: bytes, name: str) -> None:
    if data.startswith(OLE_MAGIC):
        raise PolicyLoadError(
            f"{name} is either password-protected (encrypted) or an old-style Word .doc file. Remove the "
            "password, or open it in Word and save it as a .docx document, then load it again."
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PolicyLoadError(
            f"{name} is not a complete Word document: the file is damaged or was cut off while "
            "downloading or copying. Get a fresh copy of the file."
        ) from error
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        kind = next((label for part, label in _OTHER_OFFICE_PARTS.items() if part in names), "a ZIP archive")
        raise PolicyLoadError(f"{name} is {kind}, not a Word document (.docx).")
    if sum(info.file_size for info in infos) > MAX_UNCOMPRESSED_BYTES:
        raise PolicyLoadError(
            f"{name} unpacks to more than 300 MB, far more than any policy; it was not opened."
        )


def _style_chain(paragraph: Paragraph) -> list[ParagraphStyle]:
    """The paragraph's style and the styles it is based on (a custom style may inherit "Heading 2")."""
    chain: list[ParagraphStyle] = []
    style: ParagraphStyle | None = paragraph.style
    while style is not None and len(chain) < 10:
        chain.append(style)
        style = style.base_style
    return chain


def _outline_level(p_pr: BaseOxmlElement | None) -> int | None:
    """The ``w:outlineLvl`` in a paragraph-properties element (0-based in the XML, 1-based here)."""
    outline = p_pr.find(qn("w:outlineLvl")) if p_pr is not None else None
    if outline is None:
        return None
    value = outline.get(qn("w:val"), "")
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def _heading_level(paragraph: Paragraph) -> int | None:
    level = _outline_level(paragraph._p.pPr)
    if level is not None:
        return level
    for style in _style_chain(paragraph):
        style_name = (style.name or "").strip()
        if style_name.lower() == "title":
            return 1
        match = _HEADING_STYLE.match(style_name)
        if match is not None:
            return int(match.group(1))
        level = _outline_level(style.element.find(qn("w:pPr")))
        if level is not None:
            return level
    return None


def _is_list_item(paragraph: Paragraph) -> bool:
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    return any("list" in (style.name or "").lower() for style in _style_chain(paragraph))


def _paragraph_piece(paragraph: Paragraph) -> Piece:
    level = _heading_level(paragraph)
    if level is not None:
        return Piece(paragraph.text, "heading", level)
    return Piece(paragraph.text, "list_item" if _is_list_item(paragraph) else "paragraph")


def _table_pieces(table: Table, depth: int = 0) -> list[Piece]:
    pieces: list[Piece] = []
    seen: set[object] = set()  # the cell elements, kept alive: an id() of a freed lxml proxy gets reused
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is returned once per grid column it spans
                continue
            seen.add(cell._tc)
            texts: list[str] = []
            for inner in cell.iter_inner_content():
                if isinstance(inner, Table):
                    if depth < 3:
                        pieces.extend(_table_pieces(inner, depth + 1))
                else:
                    texts.append(inner.text)
            pieces.append(Piece("\n".join(texts), "table_cell"))
    return pieces


def _body_content(container: etree._Element, parent: Document) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables in document order, including those inside content controls (``w:sdt``)."""
    for child in container.iterchildren():
        if isinstance(child, CT_P):
            yield Paragraph(child, parent)
        elif isinstance(child, CT_Tbl):
            yield Table(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_content(content, parent)


def load_docx(data: bytes, name: str) -> list[Piece]:
    """The pieces of a ``.docx`` document."""
    _check_container(data, name)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        pieces: list[Piece] = []
        for block in _body_content(document.element.body, document):
            if isinstance(block, Table):
                pieces.extend(_table_pieces(block))
            else:
                piece = _paragraph_piece(block)
                if piece.kind == "heading":
                    pieces.append(Piece(""))
                pieces.append(piece)
    except PolicyLoadError:
        raise
    except Exception as error:  # python-docx and lxml raise many types on malformed parts
        raise PolicyLoadError(
            f"{name} looks like a Word document but its contents are damaged ({type(error).__name__}). "
            "Open it in Word, save it again, and retry."
        ) from error
    return pieces
