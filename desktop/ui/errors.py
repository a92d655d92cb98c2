"""How the app shows failures: a reviewer's error is a dialog with title and detail; a bug goes to one hook.

:func:`show_error` maps a :class:`ReviewDeskError` to a message box. :func:`install_excepthook` replaces
``sys.excepthook`` so that an exception escaping a slot is written to a log file under the app data folder and
shown to the reviewer instead of killing the app (PySide6 calls the hook for exceptions raised in slots).
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.core.errors import ReviewDeskError

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def default_log_dir() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "logs"


def setup_logging(log_dir: Path) -> Path:
    """Log to ``app.log`` in ``log_dir`` (created); returns the file so the About box can name it."""
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def show_error(parent: QWidget | None, error: ReviewDeskError) -> None:
    """A reviewer's problem (bad file, locked review, export failed): title plus a sentence, no traceback."""
    log.info("%s: %s", error.title, error.detail)
    box = QMessageBox(
        QMessageBox.Icon.Warning, error.title, error.title, QMessageBox.StandardButton.Ok, parent
    )
    box.setInformativeText(error.detail)
    box.setObjectName("errorDialog")
    box.exec()


class ExceptionHook:
    """The one place bugs end up: log the traceback to a dated file and tell the reviewer where it is."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.last_report: Path | None = None
        self._previous: ExceptHook = sys.excepthook
        self._showing = False

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if isinstance(error, KeyboardInterrupt):
            self._previous(kind, error, tb)
            return
        text = "".join(traceback.format_exception(kind, error, tb))
        self.last_report = self._write_report(text)
        log.error("Unexpected error, report in %s\n%s", self.last_report, text)
        if isinstance(error, ReviewDeskError):  # an expected error nobody caught: still not a crash
            if QApplication.instance() is not None:
                show_error(QApplication.activeWindow(), error)
            return
        self._show(error, text)

    def _write_report(self, text: str) -> Path | None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        try:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            report = self.log_dir / f"crash-{stamp}.log"
            report.write_text(text, encoding="utf-8")
        except OSError:
            return None
        return report

    def _show(self, error: BaseException, text: str) -> None:
        if QApplication.instance() is None or self._showing:
            sys.stderr.write(text)
            return
        self._showing = True  # an error raised while the box is open must not stack boxes
        try:
            where = str(self.last_report) if self.last_report else "(the log folder is not writable)"
            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Critical)
            box.setWindowTitle("Unexpected error")
            box.setText("Privacy Review Desk hit an unexpected error. Your review has been saved.")
            box.setInformativeText(f"{type(error).__name__}: {error}\n\nA report was written to:\n{where}")
            box.setDetailedText(text)
            box.setObjectName("crashDialog")
            box.exec()
        finally:
            self._showing = False
