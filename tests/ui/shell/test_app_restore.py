"""File ▸ Restore from Backup…: real backups made by the app, the list driven by keys, the chosen
backup opened as a copy; the backup and the event file are left byte for byte as they were."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage import backups
from workshop_app.storage.document import Document
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.restore import RestoreDialog

Make = Callable[[], MainWindow]
CLOSE = QDialogButtonBox.StandardButton.Close


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {entry.name: digest(entry) for entry in sorted(folder.iterdir())}


@pytest.fixture
def event(tmp_path: Path) -> Path:
    """An event with three backups taken by the app's own code (on create and open: 2 notes;
    then one with 3 notes)."""
    path = tmp_path / "events" / "Away day.workshop"
    path.parent.mkdir()
    bundle = EventBundle(
        event=Event(title="Away day"), notes=(Note(text="first"), Note(text="second"))
    )
    Document.create(path, bundle).close()
    with Document.open(path) as doc:
        doc.backups.wait()  # the one taken on open
        doc.add(Note(text="third"))
        backups.take_backup(path, doc.event_id)  # 3 notes
    return path


def open_restore(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    assert window.menu_actions.restore.isEnabled()
    window.menu_actions.restore.trigger()
    dialog = window.restore_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitActive(dialog)
    focus = dialog.list if dialog.list.isVisible() else dialog.buttons.button(CLOSE)
    qtbot.waitUntil(focus.hasFocus)  # the keys below go where a person's would
    return dialog


def rows(dialog: RestoreDialog) -> list[list[str]]:
    items = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    return [[item.text(c) for c in range(3)] for item in items]


def test_restore_lists_backups_newest_first_and_opens_the_chosen_one_as_a_copy(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, event: Path, tmp_path: Path
) -> None:
    window = make_window()
    assert window.open_path(event)
    assert window.document is not None
    window.document.backups.wait()  # and one more on this open: 3 notes
    taken = list(reversed(backups.list_backups(window.document.event_id)))
    assert len(taken) == 4
    before = {path: digest(path) for path in taken}
    original = digest(event)

    dialog = open_restore(qtbot, window)
    assert [row[1:] for row in rows(dialog)] == [
        ["3 notes", "Away day"],
        ["3 notes", "Away day"],
        ["2 notes", "Away day"],
        ["2 notes", "Away day"],
    ]
    for row, path in zip(rows(dialog), taken, strict=True):
        stamp = datetime.strptime(path.stem[-22:], "%Y%m%d-%H%M%S-%f")
        local = stamp.replace(tzinfo=UTC).astimezone()
        assert row[0] == f"Today {local:%H:%M}"

    target = tmp_path / "restored.workshop"
    dialogs.save_paths.append(target)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    assert dialogs.errors == []
    assert window.document is not None and window.document.path == target
    assert [n.text for n in window.document.select(Note)] == ["first", "second"]
    assert {path: digest(path) for path in taken} == before  # every backup unchanged
    assert digest(event) == original  # the event file was never written
    assert window.statusBar().currentMessage().startswith("Opened a copy of the backup from Today")
    suggested = dialogs.asked[-1]
    assert suggested.startswith(
        f"save: Save the restored copy as as {event.parent / 'Away day (backup '}"
    )


def test_restore_never_replaces_the_open_event(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, event: Path
) -> None:
    window = make_window()
    assert window.open_path(event)
    original = digest(event)
    dialogs.save_paths.append(event)
    dialog = open_restore(qtbot, window)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert dialogs.errors[0][0] == "The backup was not restored"
    assert "That is the event file you have open" in dialogs.errors[0][1]
    assert window.document is not None and window.document.path == event
    assert digest(event) == original


def test_an_event_without_backups_says_so(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "Fresh.workshop"
    Document.create(path, EventBundle(event=Event(title="Fresh"))).close()
    window = make_window()
    assert window.open_path(path)
    assert window.document is not None
    window.document.backups.wait()
    for backup in backups.list_backups(window.document.event_id):
        backup.unlink()  # e.g. the data folder was cleared
    dialog = open_restore(qtbot, window)
    assert dialog.intro.text().startswith("There are no backups of “Fresh” yet.")
    assert not dialog.open_button.isEnabled() and not dialog.list.isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialogs.asked == []


def test_on_the_welcome_screen_every_events_backups_are_listed(
    qtbot: QtBot, make_window: Make, dialogs: FakeDialogs, event: Path, tmp_path: Path
) -> None:
    other = tmp_path / "Retro.workshop"
    Document.create(other, EventBundle(event=Event(title="Retro"))).close()
    with Document.open(other) as doc:
        doc.backups.wait()
    window = make_window()
    window.show_welcome()
    dialog = open_restore(qtbot, window)
    assert [row[1:] for row in rows(dialog)] == [
        ["0 notes", "Retro"],
        ["0 notes", "Retro"],
        ["3 notes", "Away day"],
        ["2 notes", "Away day"],
        ["2 notes", "Away day"],
    ]
    target = tmp_path / "retro copy.workshop"
    dialogs.save_paths.append(target)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert window.document is not None and window.document.path == target
    assert window.document.event().title == "Retro"


def test_reading_a_backup_for_the_list_writes_nothing(event: Path) -> None:
    with Document.open(event, readonly=True) as doc:
        folder = backups.backup_folder(doc.event_id)
    state = folder_state(folder)
    infos = backups.describe_backups()
    assert [(i.notes, i.title) for i in infos] == [(3, "Away day"), (2, "Away day")] + [
        (2, "Away day")
    ]
    assert folder_state(folder) == state  # no journal, WAL or lock file beside them either
