"""Every user setting, declared once with its type and default, over one versioned INI file.

The INI format (not the Windows registry) keeps settings a file a reviewer or a test can point elsewhere:
``Settings.from_file(path)``. ``SETTINGS_VERSION`` is written on first use; ``_upgrade`` runs the steps for
files written by older versions, after copying the file aside, so a bad upgrade never loses a profile.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication

from desktop.core.review import Framework

SETTINGS_VERSION = 1
MAX_RECENT = 10
FALLBACK_FONT_POINT_SIZE = 10
MIN_FONT_POINT_SIZE = 7
MAX_FONT_POINT_SIZE = 32


ORGANIZATION = "PrivacyReviewDesk"
APPLICATION = "Privacy Review Desk"


class Settings:
    """Typed accessors over a QSettings file; each property names its key and default in one place."""

    def __init__(self, qsettings: QSettings) -> None:
        self._qs = qsettings
        self._upgrade()

    @classmethod
    def default(cls) -> Settings:
        """The user's INI file; ``QSettings.setPath(IniFormat, UserScope, folder)`` moves it (tests)."""
        return cls(
            QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
        )

    @classmethod
    def from_file(cls, path: Path) -> Settings:
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def path(self) -> Path:
        return Path(self._qs.fileName())

    def sync(self) -> None:
        self._qs.sync()

    def _upgrade(self) -> None:
        stored = int(str(self._qs.value("meta/version", 0)))
        if stored == SETTINGS_VERSION:
            return
        if stored > SETTINGS_VERSION:  # written by a newer app: read what we know, change nothing on disk
            return
        if stored and self.path.exists():
            shutil.copy2(self.path, self.path.with_suffix(f".v{stored}.bak"))
        # No upgrade steps yet: version 1 is the first format. Later steps go here, oldest first.
        self._qs.setValue("meta/version", SETTINGS_VERSION)

    # -- typed helpers -------------------------------------------------------------------------------
    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return value if isinstance(value, str) else default

    def _int(self, key: str, default: int) -> int:
        try:
            return int(str(self._qs.value(key, default)))
        except ValueError:
            return default

    def _bytes(self, key: str) -> QByteArray:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def _list(self, key: str) -> list[str]:
        value = self._qs.value(key, [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-element list
            return [value] if value else []
        if isinstance(value, list):
            return [str(entry) for entry in value if entry]
        return []

    # -- the settings ----------------------------------------------------------------------------------
    @property
    def reviewer(self) -> str:
        return self._str("review/reviewer")

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self._qs.setValue("review/reviewer", name)

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        stored = self._list("review/frameworks")
        chosen: tuple[Framework, ...] = tuple(name for name in ("pipl", "gdpr") if name in stored)
        return chosen or ("pipl", "gdpr")

    @frameworks.setter
    def frameworks(self, frameworks: tuple[Framework, ...]) -> None:
        self._qs.setValue("review/frameworks", list(frameworks))

    @property
    def last_folder(self) -> str:
        return self._str("files/last_folder", str(Path.home()))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._qs.setValue("files/last_folder", folder)

    @property
    def recent_reviews(self) -> list[str]:
        return self._list("files/recent_reviews")

    def add_recent_review(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry] + [other for other in self.recent_reviews if other != entry]
        self._qs.setValue("files/recent_reviews", recent[:MAX_RECENT])

    def remove_recent_review(self, path: str) -> None:
        self._qs.setValue("files/recent_reviews", [other for other in self.recent_reviews if other != path])

    @property
    def font_point_size(self) -> int:
        """The reviewer's zoom, or else the platform's own text size (9 pt on Windows, 13 on macOS)."""
        size = self._int("view/font_point_size", system_font_point_size())
        return max(MIN_FONT_POINT_SIZE, min(MAX_FONT_POINT_SIZE, size))

    @font_point_size.setter
    def font_point_size(self, size: int) -> None:
        self._qs.setValue("view/font_point_size", max(MIN_FONT_POINT_SIZE, min(MAX_FONT_POINT_SIZE, size)))

    @property
    def window_geometry(self) -> QByteArray:
        return self._bytes("window/geometry")

    @window_geometry.setter
    def window_geometry(self, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", state)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, state: QByteArray) -> None:
        self._qs.setValue("window/state", state)

    def splitter_state(self, name: str) -> QByteArray:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self._qs.setValue(f"splitters/{name}", state)


def system_font_point_size() -> int:
    """The desktop's text size; a font set in pixels has no point size, so a common one stands in."""
    size = QGuiApplication.font().pointSize()
    return size if size > 0 else FALLBACK_FONT_POINT_SIZE
