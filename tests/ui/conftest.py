"""GUI fixtures: reviews made by the real engine, a settings file and a log folder under tmp_path, and a
window factory that registers every window with qtbot and closes it afterwards."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.errors import ReviewDeskError
from desktop.core.review import ReviewSnapshot
from desktop.resources import resource_path
from desktop.ui.errors import ErrorDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

SAMPLE_EN = resource_path("resources/samples/sample-policy-en.html")
SAMPLE_ZH = resource_path("resources/samples/sample-policy-zh.txt")


@pytest.fixture(scope="session")
def prefilled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One review per bundled sample, created once by ``create_review``; tests get copies."""
    from desktop.workflow import create_review

    folder = tmp_path_factory.mktemp("prefilled")
    return {
        language: create_review(
            sample, folder / f"{language}.prdreview", frameworks=("pipl", "gdpr"), reviewer="Tester"
        )
        for language, sample in (("en", SAMPLE_EN), ("zh", SAMPLE_ZH))
    }


@pytest.fixture
def review_en(prefilled: dict[str, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(prefilled["en"], tmp_path / "en.prdreview"))


@pytest.fixture
def review_zh(prefilled: dict[str, Path], tmp_path: Path) -> Path:
    return Path(shutil.copy(prefilled["zh"], tmp_path / "zh.prdreview"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    settings = Settings.from_file(tmp_path / "config" / "settings.ini")
    settings.reviewer = "Tester"
    return settings


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[ReviewDeskError]:
    """Every error dialog the app would show, instead of showing it."""
    shown: list[ReviewDeskError] = []
    monkeypatch.setattr(ErrorDialog, "ask", classmethod(lambda cls, parent, error: shown.append(error)))
    return shown


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: Settings, tmp_path: Path, errors: list[ReviewDeskError]
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(review: Path | None = None, *, window_settings: Settings | None = None) -> MainWindow:
        window = MainWindow(window_settings or settings, log_dir=tmp_path / "logs")
        qtbot.addWidget(window)
        window.resize(1400, 900)
        with qtbot.waitActive(window):  # window shortcuts (1-5, J, K, A) only fire in the active window
            window.show()
            window.activateWindow()
        if review is not None:
            assert window.open_review(review), errors
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def read_review(path: Path) -> ReviewSnapshot:
    """The review file as another process would see it now."""
    from desktop.store import ReviewStore

    with ReviewStore.open(path, read_only=True) as store:
        return store.snapshot()
