"""``--self-test``: proves an installed (frozen) app works, without a screen or a person.

It opens each bundled sample policy, prefills it into a review file, exports the workbook, reads the
workbook back, and starts the Qt GUI offscreen on the review. Everything happens in a temporary
folder and a throwaway settings profile; the exit code is 0 only when every check passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from desktop.resources import resource_path

SAMPLES = ("resources/samples/sample-policy-en.html", "resources/samples/sample-policy-zh.txt")


def _check_engine(workdir: Path) -> list[Path]:
    from openpyxl import load_workbook

    from desktop.core.checklist import default_checklist
    from desktop.export import write_workbook
    from desktop.store import ReviewStore
    from desktop.workflow import create_review

    checklist = default_checklist()
    reviews = []
    for sample in SAMPLES:
        review = create_review(
            resource_path(sample),
            workdir / f"{Path(sample).stem}.prdreview",
            frameworks=("pipl", "gdpr"),
            reviewer="self-test",
            checklist=checklist,
        )
        with ReviewStore.open(review, read_only=True) as store:
            snapshot = store.snapshot()
        found = sum(1 for s in snapshot.suggestions.values() if s.status != "not_found")
        if found == 0:
            raise AssertionError(f"{sample}: the prefill found nothing")
        book = write_workbook(snapshot, workdir / f"{Path(sample).stem}.xlsx")
        sheet = load_workbook(book, read_only=True)["Checklist"]
        rows = sheet.max_row - 1 if sheet.max_row else 0
        if rows != len(snapshot.suggestions):
            raise AssertionError(f"{book.name}: {rows} checklist rows, expected {len(snapshot.suggestions)}")
        print(f"ok: {sample}: {len(snapshot.suggestions)} items, {found} prefilled, workbook {book.name}")
        reviews.append(review)
    return reviews


def _check_gui(review: Path, workdir: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import open_main_window

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir / "settings"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = open_main_window(review)
    app.processEvents()
    window.close()
    app.processEvents()
    print(f"ok: the main window opened {review.name} on the {QApplication.platformName()} platform")


def run_self_test() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="prd-self-test-") as tmp:
        workdir = Path(tmp)
        try:
            reviews = _check_engine(workdir)
            _check_gui(reviews[0], workdir)
        except Exception as error:  # any failure at all is the answer to "does the install work?"
            print(f"FAILED: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
    print(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0
