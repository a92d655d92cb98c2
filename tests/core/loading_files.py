"""Builders for the binary policy files the loading tests need (DOCX, PDF), made with the real libraries."""

from __future__ import annotations

import io
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "loading"

EN_PARAGRAPHS = (
    "We collect your name and email address when you create an account.",
    "We keep account data for two years after your last sign-in, then delete it.",
)


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def make_docx(path: Path) -> Path:
    """A Word policy: title, headings, a bulleted list, a table, and a custom style based on Heading 2."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.add_heading("Harbour Lantern Privacy Policy", level=0)
    document.add_heading("What we collect", level=1)
    document.add_paragraph(EN_PARAGRAPHS[0])
    document.add_paragraph("Account details you give us", style="List Bullet")
    document.add_paragraph("Usage data, such as the pages you visit", style="List Bullet")
    custom = document.styles.add_style("Policy Subheading", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 2"]
    document.add_paragraph("How long we keep it", style="Policy Subheading")
    document.add_paragraph(EN_PARAGRAPHS[1])
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, (("Data", "Kept for"), ("Account", "Two years")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Contact us at privacy@lantern.example.")
    document.save(str(path))
    return path


def make_chinese_docx(path: Path) -> Path:
    """A Chinese Word policy: an outline-level heading, body text inside a content control (``w:sdt``)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    heading = document.add_paragraph("一、我们收集的信息")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "0")
    heading._p.get_or_add_pPr().append(outline)
    body = document.add_paragraph("我们会收集您的手机号码，用于注册账号。")
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(content)
    body._p.addprevious(sdt)
    content.append(body._p)
    document.save(str(path))
    return path


def pdf_bytes(pages: list[list[str]], *, rectangle_only: bool = False) -> bytes:
    """A PDF with one page per entry, each line written as its own text line (Helvetica, so English only)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        if rectangle_only:
            pdf.rect(20, 20, 120, 80, style="F")
            continue
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def encrypted_pdf_bytes(password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf_bytes([["A protected privacy policy."]]))))
    writer.encrypt(user_password=password, owner_password="owner-secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
