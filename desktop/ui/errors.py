"""How the app shows failures: a reviewer's error is a dialog with title and detail; a bug goes to one hook.

:class:`ErrorDialog` maps a :class:`ReviewDeskError` to a message box. :class:`ExceptionHook` replaces
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


def setup_logging(log_dir: Path) -> logging.Handler:
    """Log to ``app.log`` in ``log_dir`` (created); returns the handler so the caller can remove it."""
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(log_dir / "app.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


class ErrorDialog:
    """A reviewer's problem (bad file, locked review, export failed): title plus a sentence, no traceback."""

    @classmethod
    def ask(cls, parent: QWidget | None, error: ReviewDeskError) -> None:
        log.info("%s: %s", error.title, error.detail)
        box = QMessageBox(
            QMessageBox.Icon.Warning, error.title, error.title, QMessageBox.StandardButton.Ok, parent
        )
        box.setInformativeText(error.detail)
        box.setObjectName("errorDialog")
        box.exec()
        box.deleteLater()


class CrashDialog:
    """A bug: what happened, where the report is, and the traceback behind *Show details*."""

    @classmethod
    def ask(cls, parent: QWidget | None, error: BaseException, text: str, report: Path | None) -> None:
        where = str(report) if report else "(the log folder is not writable)"
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle("Unexpected error")
        box.setText("Privacy Review Desk hit an unexpected error. Your review has been saved.")
        box.setInformativeText(f"{type(error).__name__}: {error}\n\nA report was written to:\n{where}")
        box.setDetailedText(text)
        box.setObjectName("crashDialog")
        box.exec()
        box.deleteLater()


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
                ErrorDialog.ask(QApplication.activeWindow(), error)
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
            CrashDialog.ask(QApplication.activeWindow(), error, text, self.last_report)
        finally:
            self._showing = False
