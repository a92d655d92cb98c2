"""Start the GUI: build the QApplication, the settings, the log and the exception hook, then the window.

``python -m desktop [POLICY|REVIEW] [--settings FILE]`` lands in :func:`run_app`. Nothing here talks to the
network: the app uses no QtNetwork module and no web views.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

import desktop
from desktop.resources import resource_path
from desktop.ui.errors import ExceptionHook, default_log_dir, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import APPLICATION, ORGANIZATION, Settings

_windows: list[MainWindow] = []  # keeps windows opened by open_main_window alive


def _parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="Open Privacy Review Desk.")
    parser.add_argument("path", nargs="?", type=Path, help="a policy to review, or a .prdreview file to open")
    parser.add_argument("--settings", type=Path, help="use this settings file instead of the user's")
    return parser.parse_args(args)


def stylesheet(palette: QPalette) -> str:
    """``resources/qss/*.qss`` in name order, with ``{role}`` replaced by the palette's colours."""
    folder = resource_path("resources/qss")
    if not folder.is_dir():
        return ""
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.qss")))
    roles = {
        "window": QPalette.ColorRole.Window,
        "base": QPalette.ColorRole.Base,
        "text": QPalette.ColorRole.Text,
        "mid": QPalette.ColorRole.Mid,
        "highlight": QPalette.ColorRole.Highlight,
        "alternate": QPalette.ColorRole.AlternateBase,
    }
    for name, role in roles.items():
        text = text.replace("{" + name + "}", palette.color(role).name())
    return text


def make_application(argv0: str = "privacy-review-desk") -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([argv0])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName("privacy-review-desk")
    icon = resource_path("resources/icons/app.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app.setStyleSheet(stylesheet(QGuiApplication.palette()))
    return app


def open_main_window(path: Path | None = None, *, settings: Settings | None = None) -> MainWindow:
    """A shown main window, optionally with a policy or review opened (also used by the self-test)."""
    make_application()
    window = MainWindow(settings or Settings.default())
    window.show()
    if path is not None:
        window.open_path(path)
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
    return window


def run_app(args: list[str]) -> int:
    options = _parse(args)
    app = make_application(sys.argv[0] if sys.argv else "privacy-review-desk")
    log_dir = default_log_dir()
    log_handler = setup_logging(log_dir)
    hook = ExceptionHook(log_dir)
    hook.install()
    settings = Settings.from_file(options.settings) if options.settings else Settings.default()
    window = MainWindow(settings, log_dir=log_dir)
    window.show()
    if options.path is not None:
        path: Path = options.path
        QTimer.singleShot(0, lambda: window.open_path(path))
    try:
        return app.exec()
    finally:
        hook.uninstall()
        logging.getLogger().removeHandler(log_handler)
        log_handler.close()
