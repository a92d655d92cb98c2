"""PDF policies: the text layer, page by page, with hard-wrapped lines joined back into paragraphs.

A PDF's text layer has a line break at every visual line end; left alone, every sentence that wraps would be
cut in two. A line is joined to the next when it does not end a sentence and the next line continues it (it
starts with a lower-case letter, a digit or punctuation, or both sides are CJK). Lines that start with a list
or heading marker are never joined onto the previous one.

pypdf is run with ``strict=False`` so that the many slightly broken PDFs in the wild still open; anything it
raises is turned into a PolicyLoadError, and a PDF without any extractable text is reported as probably
scanned, since OCR is out of scope.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from pypdf import PdfReader
from pypdf.errors import DependencyError

from desktop.core.errors import PolicyLoadError
from desktop.core.normalise import Piece

MAX_PAGES = 2000
_SENTENCE_END = tuple(".!?:;。！？；：")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LIST_OR_HEADING = re.compile(
    r"^\s*(?:[•·▪●○◦\-–*]|\(?\d{1,3}[.)、）]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|第.{1,4}[章条节])"
)
_CONTINUES = re.compile(r"^\s*[a-z0-9(\"'“‘,]")


def _joins(previous: str, following: str) -> bool:
    if not previous or not following.strip() or previous.endswith(_SENTENCE_END):
        return False
    if _LIST_OR_HEADING.match(following):
        return False
    if _CJK.match(previous[-1]) and _CJK.match(following.lstrip()[0]):
        return True
    return bool(_CONTINUES.match(following)) and len(previous) > 30


def reflow(page_text: str) -> str:
    """Join the visual lines of one page's text into paragraph lines (see module docstring)."""
    lines: list[str] = []
    for raw in page_text.splitlines():
        line = raw.rstrip()
        if lines and _joins(lines[-1], line):
            previous = lines[-1]
            glue = "" if _CJK.match(previous[-1]) or previous.endswith("-") else " "
            lines[-1] = previous + glue + line.lstrip()
        else:
            lines.append(line)
    return "\n".join(lines)


def _open(data: bytes, name: str) -> PdfReader:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = bool(reader.decrypt(""))  # PDFs that only restrict printing open with the empty password
        except DependencyError:  # AES encryption needs the optional cryptography package
            opened = False
        if not opened:
            raise PolicyLoadError(
                f"{name} is password-protected (encrypted). Remove the password in your PDF viewer "
                "(print or export to an unprotected PDF) and load that file."
            )
    return reader


def load_pdf(data: bytes, name: str) -> list[Piece]:
    """The pieces of a PDF: one per page, reflowed, with a blank line between pages."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PolicyLoadError(f"{name} is not a PDF file (it does not start with the PDF signature).")
    pypdf_logger = logging.getLogger("pypdf")
    previous_level = pypdf_logger.level
    pypdf_logger.setLevel(
        logging.ERROR
    )  # pypdf logs every recoverable oddity; the reviewer cannot act on them
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = _open(data, name)
            pages = reader.pages
            if len(pages) > MAX_PAGES:
                raise PolicyLoadError(
                    f"{name} has {len(pages)} pages; policies over {MAX_PAGES} are not loaded."
                )
            texts = [page.extract_text() or "" for page in pages]
    except PolicyLoadError:
        raise
    except Exception as error:  # pypdf raises many types (and plain Python errors) on damaged files
        raise PolicyLoadError(
            f"{name} is damaged or incomplete and cannot be read as a PDF ({type(error).__name__}). "
            "Get a fresh copy of the file, or print it to a new PDF."
        ) from error
    finally:
        pypdf_logger.setLevel(previous_level)
    if not any(text.strip() for text in texts):
        raise PolicyLoadError(
            f"{name} has no text layer (scanned?): its pages are images, and this app does not do OCR. "
            "Ask for the original document, or run it through an OCR tool first."
        )
    pieces: list[Piece] = []
    for text in texts:
        pieces.append(Piece(""))
        pieces.append(Piece(reflow(text)))
    return pieces
