"""Bad input never escapes as a traceback: each case is a PolicyLoadError a reviewer can act on."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core import loading
from desktop.core.errors import PolicyLoadError
from desktop.core.loading import load_policy, policy_from_text
from tests.core.loading_files import encrypted_pdf_bytes, make_docx, pdf_bytes


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _error(path: Path) -> str:
    with pytest.raises(PolicyLoadError) as caught:
        load_policy(path)
    return str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in _error(tmp_path / "gone.txt")


def test_folder_is_not_a_policy(tmp_path: Path) -> None:
    assert "is a folder" in _error(tmp_path)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs a device file")
def test_device_file_is_refused_instead_of_read_forever() -> None:
    assert _error(Path("/dev/zero")) == "zero is not a regular file."


@pytest.mark.parametrize("data", [b"", b" \r\n\t\n"], ids=["empty", "whitespace"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    assert _error(_write(tmp_path, "empty.txt", data)) == "empty.txt is empty."


def test_utf16_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    assert "contains no text" in _error(_write(tmp_path, "blank.txt", "\ufeff \n \n".encode("utf-16")))


def test_empty_title_on_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyLoadError) as caught:
        load_policy(_write(tmp_path, "empty.txt", b""))
    assert caught.value.title == "The policy is empty"


def test_binary_garbage(tmp_path: Path) -> None:
    data = bytes(range(256)) * 40
    assert "does not look like a text file" in _error(_write(tmp_path, "garbage.txt", data))


def test_image_renamed_to_txt(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes([0, 1, 2, 3, 250, 251, 0, 0]) * 300
    assert "does not look like a text file" in _error(_write(tmp_path, "scan.txt", data))


def test_unknown_type_names_the_supported_types(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, "policy.xyz", b"just some words"))
    assert "not a supported file type" in message and ".docx" in message and ".pdf" in message


def test_rtf_gets_a_specific_message(tmp_path: Path) -> None:
    assert "Rich Text (RTF)" in _error(_write(tmp_path, "policy.rtf", rb"{\rtf1\ansi Privacy policy}"))


def test_old_word_doc(tmp_path: Path) -> None:
    assert "old-style Word .doc" in _error(
        _write(tmp_path, "policy.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    )


def test_encrypted_docx_is_an_ole_file(tmp_path: Path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000
    assert "password-protected" in _error(_write(tmp_path, "policy.docx", data))


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "full.docx").read_bytes()
    assert "damaged or was cut off" in _error(_write(tmp_path, "cut.docx", data[: len(data) // 2]))


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a document")
    assert (
        _error(_write(tmp_path, "policy.docx", buffer.getvalue()))
        == "policy.docx is a ZIP archive, not a Word document (.docx)."
    )


def test_excel_file_renamed_to_docx(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert "is an Excel workbook" in _error(_write(tmp_path, "policy.docx", buffer.getvalue()))


def test_docx_with_broken_document_part(tmp_path: Path) -> None:
    source = make_docx(tmp_path / "full.docx")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(broken, "w") as copy:
        for item in original.infolist():
            data = original.read(item)
            copy.writestr(item, b"<w:document>not xml" if item.filename == "word/document.xml" else data)
    assert "contents are damaged" in _error(broken)


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    message = _error(_write(tmp_path, "scan.pdf", pdf_bytes([[]], rectangle_only=True)))
    assert "no text layer (scanned?)" in message


def test_encrypted_pdf(tmp_path: Path) -> None:
    assert "password-protected" in _error(_write(tmp_path, "locked.pdf", encrypted_pdf_bytes("secret")))


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "restricted.pdf", encrypted_pdf_bytes("")))
    assert policy.text == "A protected privacy policy."


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = pdf_bytes([["Line of a privacy policy."] * 30] * 3)
    path = _write(tmp_path, "cut.pdf", data[: int(len(data) * keep)])
    with pytest.raises(PolicyLoadError) as caught:
        load_policy(path)
    assert "damaged or incomplete" in str(caught.value) or "no text layer" in str(caught.value)


def test_pdf_extension_on_a_text_file(tmp_path: Path) -> None:
    assert "not a PDF file" in _error(_write(tmp_path, "policy.pdf", b"Privacy policy in plain text"))


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1000)
    message = _error(_write(tmp_path, "huge.txt", b"a" * 2000))
    assert "policy files over" in message


def test_text_over_the_length_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_TEXT_CHARS", 100)
    with pytest.raises(PolicyLoadError, match="policies over 100 characters"):
        policy_from_text("word " * 40)


def test_whitespace_only_paste() -> None:
    with pytest.raises(PolicyLoadError, match="contains no text"):
        policy_from_text(" \u3000\u00a0\n\u200b ")


def test_bad_utf16_after_bom(tmp_path: Path) -> None:
    assert "byte-order mark" in _error(_write(tmp_path, "odd.txt", b"\xff\xfeA\x00\x00\xd8"))
