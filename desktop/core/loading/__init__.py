"""Load a policy file (or pasted text) into one normalised :class:`~desktop.core.document.Policy`.

Every format is reduced to a list of :class:`~desktop.core.normalise.Piece` objects and finished in one
place, so normalisation, size limits, language detection and the empty-text check are identical for all.
Every failure a reviewer can cause is a :class:`~desktop.core.errors.PolicyLoadError` naming the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from desktop.core.document import Policy, SourceFormat
from desktop.core.errors import PolicyLoadError
from desktop.core.language import detect_language
from desktop.core.normalise import Piece, build_text

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "SUPPORTED_SUFFIXES", "load_policy", "policy_from_text"]

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 5_000_000  # about 100 times the longest real policy; the limit keeps the UI responsive
SUPPORTED_SUFFIXES: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
_SUPPORTED_TEXT = "plain text (.txt), Markdown (.md), web pages (.html, .htm), Word (.docx) and PDF (.pdf)"


def _sniff(data: bytes, name: str) -> SourceFormat:
    """The format of a file whose name does not say, from its first bytes."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith(b"{\\rtf"):
        raise PolicyLoadError(
            f"{name} is a Rich Text (RTF) file. Save it as Word (.docx) or PDF and load that."
        )
    raise PolicyLoadError(f"{name} is not a supported file type. Supported: {_SUPPORTED_TEXT}.")


def _pieces(data: bytes, source_format: SourceFormat, name: str) -> tuple[list[Piece], str | None]:
    from desktop.core.loading.decoding import decode_text

    if source_format == "html":
        from desktop.core.loading.html_file import load_html

        return load_html(data, name)
    if source_format == "docx":
        from desktop.core.loading.docx_file import load_docx

        return load_docx(data, name), None
    if source_format == "pdf":
        from desktop.core.loading.pdf_file import load_pdf

        return load_pdf(data, name), None
    text, encoding = decode_text(data, name)
    if source_format == "md":
        from desktop.core.loading.markdown_file import markdown_pieces

        return markdown_pieces(text), encoding
    return [Piece(text)], encoding


def _finish(
    pieces: Sequence[Piece], *, name: str, source_format: SourceFormat, sha256: str, encoding: str | None
) -> Policy:
    if sum(len(piece.text) for piece in pieces) > 2 * MAX_TEXT_CHARS:
        raise PolicyLoadError(f"{name} holds far more text than any policy; it was not loaded.")
    text, blocks = build_text(pieces)
    if not text.strip():
        raise PolicyLoadError(f"{name} contains no text.", title="The policy is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise PolicyLoadError(
            f"{name} holds {len(text):,} characters of text; "
            f"policies over {MAX_TEXT_CHARS:,} characters are not loaded."
        )
    return Policy(
        text=text,
        source_name=name,
        source_format=source_format,
        sha256=sha256,
        language=detect_language(text),
        encoding=encoding,
        blocks=blocks,
    )


def display_name(path: Path) -> str:
    """The file's name as text that can be shown and stored: undecodable bytes (POSIX) become U+FFFD."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _read(path: Path) -> bytes:
    name = display_name(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise PolicyLoadError(f"{name} is a folder, not a policy file.")
        if not stat.S_ISREG(status.st_mode):  # a device or pipe could be read forever
            raise PolicyLoadError(f"{name} is not a regular file.")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            limit_mb = MAX_FILE_BYTES // 1024 // 1024
            raise PolicyLoadError(
                f"{name} is {size / 1024 / 1024:.0f} MB; policy files over {limit_mb} MB are not loaded."
            )
        return path.read_bytes()
    except FileNotFoundError as error:
        raise PolicyLoadError(f"{path} does not exist (was it moved or renamed?).") from error
    except PermissionError as error:
        raise PolicyLoadError(f"{name} cannot be read: permission denied.") from error
    except OSError as error:
        raise PolicyLoadError(f"{name} cannot be read: {error.strerror or error}.") from error


def load_policy(path: str | os.PathLike[str]) -> Policy:
    """Load a policy file; its format comes from the extension, or from the content if that is unknown."""
    file_path = Path(path)
    name = display_name(file_path)
    data = _read(file_path)
    if not data.strip():
        raise PolicyLoadError(f"{name} is empty.", title="The policy is empty")
    suffix = file_path.suffix.lower()
    if suffix == ".doc":
        raise PolicyLoadError(f"{name} is an old-style Word .doc file. Open it in Word and save it as .docx.")
    source_format = SUPPORTED_SUFFIXES.get(suffix) or _sniff(data, name)
    pieces, encoding = _pieces(data, source_format, name)
    return _finish(
        pieces,
        name=name,
        source_format=source_format,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def policy_from_text(text: str, name: str = "Pasted text") -> Policy:
    """A policy from pasted text; its hash is that of the UTF-8 encoding of the text as pasted."""
    if len(text) > 2 * MAX_TEXT_CHARS:
        raise PolicyLoadError(f"{name} is far longer than any policy; it was not loaded.")
    return _finish(
        [Piece(text)],
        name=name,
        source_format="paste",
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=None,
    )
