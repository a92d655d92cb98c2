"""Settings are typed, defaulted, versioned and written to the INI file they were opened from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.ui.settings import MAX_RECENT, SETTINGS_VERSION, Settings, system_font_point_size


def test_defaults_on_an_empty_file(qapp: object, tmp_path: Path) -> None:
    settings = Settings.from_file(tmp_path / "s.ini")
    assert settings.reviewer == ""
    assert settings.frameworks == ("pipl", "gdpr")
    assert settings.font_point_size == system_font_point_size()
    assert settings.recent_reviews == []


def test_values_survive_a_reopen(tmp_path: Path) -> None:
    settings = Settings.from_file(tmp_path / "s.ini")
    settings.reviewer = "李雷"
    settings.frameworks = ("gdpr",)
    settings.add_recent_review(tmp_path / "a.prdreview")
    settings.sync()
    again = Settings.from_file(tmp_path / "s.ini")
    assert (again.reviewer, again.frameworks) == ("李雷", ("gdpr",))
    assert again.recent_reviews == [str((tmp_path / "a.prdreview").resolve())]


def test_file_records_the_settings_version(tmp_path: Path) -> None:
    Settings.from_file(tmp_path / "s.ini").sync()
    raw = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert int(str(raw.value("meta/version"))) == SETTINGS_VERSION


def test_recent_reviews_are_most_recent_first_and_bounded(tmp_path: Path) -> None:
    settings = Settings.from_file(tmp_path / "s.ini")
    for number in range(MAX_RECENT + 3):
        settings.add_recent_review(tmp_path / f"{number}.prdreview")
    settings.add_recent_review(tmp_path / "5.prdreview")
    recent = settings.recent_reviews
    assert len(recent) == MAX_RECENT
    assert recent[0].endswith("5.prdreview")


def test_font_size_is_clamped(tmp_path: Path) -> None:
    settings = Settings.from_file(tmp_path / "s.ini")
    settings.font_point_size = 400
    assert settings.font_point_size < 400
