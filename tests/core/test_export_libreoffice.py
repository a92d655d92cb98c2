"""The workbook opens cleanly in another spreadsheet program: LibreOffice converts it to PDF.

Skipped where LibreOffice is not installed (it is not a project dependency).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.core.test_export_workbook import export

OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_workbook_to_pdf(tmp_path: Path) -> None:
    workbook = export(tmp_path)
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            str(OFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(workbook),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "review.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 10_000
