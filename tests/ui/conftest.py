"""Fixtures every GUI test folder shares: a fake dialogs service (tests/ui/common/fakes.py),
the settings, and a main window factory. Each folder's own conftest.py adds what its tests
need; helpers that are not fixtures live beside their tests (or in tests/ui/common/)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.text import apply_text_size
from workshop_app.ui.shell.main_window import MainWindow


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def settings(app_home: Path) -> AppSettings:
    """Settings in this test's own WORKSHOP_APP_HOME."""
    return AppSettings()


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: AppSettings, dialogs: FakeDialogs
) -> Iterator[Callable[[], MainWindow]]:
    """Build and show main windows; all are closed (documents released) and the app font
    reset after the test."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(settings, dialogs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    apply_text_size(0)


@pytest.fixture
def demo_window(make_window: Callable[[], MainWindow]) -> MainWindow:
    """A main window on a fresh copy of the demo event."""
    window = make_window()
    assert window.open_demo()
    return window
