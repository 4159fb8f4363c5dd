"""Every file dialog starts in the user's documents folder, or next to the event file when that
is not in the app's own data folder (the demo copy and the backups live there, hidden)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.storage.document import Document
from workshop_app.ui.report.page import ReportPage
from workshop_app.ui.shell.main_window import MainWindow

Make = Callable[[], MainWindow]


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of this test's own (Qt reads it, and the XDG settings, on every call)."""
    home = tmp_path / "user"
    (home / ".config").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def ask_every_dialog(qtbot: QtBot, window: MainWindow, dialogs: FakeDialogs) -> dict[str, Path]:
    """Go through every file dialog of an open event (the fake dialogs cancel each); return the
    folder each one started in, by title."""
    assert window.document is not None
    window.document.backups.wait()  # the backup taken on open, for Restore from Backup
    window.menu_actions.save_copy.trigger()
    for action in window.menu_actions.exports.values():
        action.trigger()
    window.menu_actions.open.trigger()
    window.menu_actions.restore.trigger()
    restore = window.restore_dialog
    assert restore is not None
    qtbot.waitExposed(restore)
    qtbot.keyClick(restore.list, Qt.Key.Key_Return)
    assert window.workspace is not None
    window.workspace.set_mode("report")
    report = window.workspace.page("report")
    assert isinstance(report, ReportPage)
    report.export.click()
    report.choose_logo.click()
    folders = {}
    for asked in dialogs.asked:
        found = re.fullmatch(r"save: (.*) as (.*)|open: (.*) in (.*)", asked)
        assert found is not None, asked
        if found[1]:
            folders[found[1]] = Path(found[2]).parent
        else:
            folders[found[3]] = Path(found[4])
    return folders


TITLES = {
    "Save a copy as",
    "Export as JSON",
    "Export as CSV",
    "Export as Markdown",
    "Open an event",
    "Save the restored copy as",
    "Export the report",
    "Choose a logo for the cover",
}


def test_on_the_demo_every_dialog_starts_in_documents_not_the_data_folder(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, user_home: Path
) -> None:
    documents = user_home / "Documents"
    documents.mkdir()
    window = make_window()
    assert window.open_demo()
    folders = ask_every_dialog(qtbot, window, dialogs)
    assert set(folders) == TITLES
    assert folders == {title: documents for title in TITLES}


def test_without_a_documents_folder_they_start_at_home(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, user_home: Path
) -> None:
    window = make_window()
    assert window.open_demo()
    assert ask_every_dialog(qtbot, window, dialogs) == {title: user_home for title in TITLES}


def test_for_an_event_file_of_the_user_they_start_next_to_it(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, user_home: Path, tmp_path: Path
) -> None:
    (user_home / "Documents").mkdir()
    folder = tmp_path / "team events"
    folder.mkdir()
    Document.create(folder / "Away day.workshop").close()
    window = make_window()
    assert window.open_path(folder / "Away day.workshop")
    assert ask_every_dialog(qtbot, window, dialogs) == {title: folder for title in TITLES}


def test_a_new_event_is_saved_in_documents(
    make_window: Make, dialogs: FakeDialogs, user_home: Path
) -> None:
    documents = user_home / "Documents"
    documents.mkdir()
    window = make_window()
    assert window.open_demo()
    dialogs.choices.append(0)
    dialogs.texts.append("Sprint retro")
    window.menu_actions.new.trigger()
    assert (
        dialogs.asked[-1] == f"save: Save the new event as as {documents / 'Sprint retro.workshop'}"
    )
