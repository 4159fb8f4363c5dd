"""Shared fixtures for the app shell tests: a fake dialogs service and a main window factory.

The fake answers every question from queues the test fills (``texts``, ``save_paths``,
``open_paths``, ``open_many``, ``folders``, ``choices``, ``confirms``) and records every message
it was asked to show, so no test ever blocks on a modal dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.text import apply_text_size
from workshop_app.ui.shell.main_window import MainWindow


class FakeDialogs(Dialogs):
    """Answers from queues; an empty queue means the user cancelled."""

    def __init__(self) -> None:
        self.texts: list[str | None] = []
        self.save_paths: list[Path | None] = []
        self.open_paths: list[Path | None] = []
        self.open_many: list[list[Path]] = []
        self.folders: list[Path | None] = []
        self.choices: list[int | None] = []
        self.counts: list[int | None] = []
        self.confirms: list[bool] = []
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.asked: list[str] = []

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        self.asked.append(f"text: {label} [{default}]")
        return self.texts.pop(0) if self.texts else None

    def choose(
        self, parent: QWidget | None, title: str, label: str, options: list[str]
    ) -> int | None:
        self.asked.append(f"choose: {label} {options}")
        return self.choices.pop(0) if self.choices else None

    def ask_count(self, parent: QWidget | None, title: str, label: str, value: int) -> int | None:
        self.asked.append(f"count: {label} [{value}]")
        return self.counts.pop(0) if self.counts else None

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.asked.append(f"confirm: {text}")
        return self.confirms.pop(0) if self.confirms else False

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str = ""
    ) -> Path | None:
        self.asked.append(f"open: {title} in {folder}")
        return self.open_paths.pop(0) if self.open_paths else None

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str
    ) -> list[Path]:
        self.asked.append(f"open files: {title} in {folder}")
        return self.open_many.pop(0) if self.open_many else []

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        self.asked.append(f"folder: {title} in {folder}")
        return self.folders.pop(0) if self.folders else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self.asked.append(f"save: {title} as {suggested}")
        return self.save_paths.pop(0) if self.save_paths else None

    def show_error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append((title, text))


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
