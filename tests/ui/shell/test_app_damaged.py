"""Damaged files in the window: refused byte-identical with the reason in words, or opened
read-only with the unreadable records listed, never a crash dialog, never a segfault, and nothing
written to the file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.storage.damaged_files import REFUSED, SET_ASIDE, damage, make_demo, snapshot
from tests.ui.common.capture_helpers import capture_page, type_note
from workshop_app.domain.records import Note
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import SCHEMA_VERSION
from workshop_app.ui.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("damaged_child.py")
Make = Callable[[], MainWindow]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "docs"
    path.mkdir()
    return path


@pytest.mark.parametrize("name", ["event-row-deleted", "note-table-dropped", "foreign-schema"])
def test_a_refused_rollback_journal_file_is_not_touched(
    make_window: Make, dialogs, folder: Path, name: str
) -> None:
    path = folder / "day.workshop"
    damage(path, REFUSED[name][0], journal="delete")
    before = snapshot(folder)
    window = make_window()
    assert not window.open_path(path)
    [(title, text, details)] = dialogs.errors
    assert title == "The event could not be opened"
    assert "is damaged and cannot be opened" in text and REFUSED[name][1] in text
    assert details == ""  # a message, not the crash dialog's traceback
    assert snapshot(folder) == before, "the header (journal mode) or anything else changed"


def test_a_file_with_a_bad_note_opens_read_only_listing_it(
    make_window: Make, dialogs, folder: Path, qtbot: QtBot
) -> None:
    path = folder / "day.workshop"
    damage(path, SET_ASIDE["note-text-blob"][0], journal="delete")
    before = snapshot(folder)
    window = make_window()
    assert window.open_path(path)

    [(title, text)] = dialogs.infos
    assert title == "Opened read-only"
    assert "“day.workshop” is damaged: 1 record could not be read and is left out" in text
    assert "• note (id " in text and "its text is stored as raw bytes, not text" in text
    assert "(read-only)" in window.windowTitle()
    assert window.saved_label.text() == "Read-only: nothing can be changed"
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_1):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.errors == []

    page = capture_page(window)
    notes = page.model.count(Note)
    type_note(qtbot, page, "A note the damaged file must not take")
    assert page.entry.box.toPlainText() == "A note the damaged file must not take"  # kept
    assert "Not saved" in page.status.text() and "read-only" in page.status.text()
    assert page.model.count(Note) == notes
    window.close()
    assert snapshot(folder) == before, "nothing is ever written to a damaged file"


def test_the_window_brings_a_file_behind_with_every_migration_recorded_level(
    make_window: Make, dialogs, folder: Path
) -> None:
    path = folder / "behind.workshop"
    make_demo(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    assert len(conn.execute("SELECT name FROM _sqlite_migrations").fetchall()) == len(
        migrations._migrations
    )
    conn.close()
    window = make_window()
    assert window.open_path(path)
    window.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert dialogs.errors == [] and dialogs.infos == []


def _child(path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(CHILD), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


@pytest.mark.parametrize(
    ("sql", "outcome"),
    [
        *((sql, "refused") for sql, _ in REFUSED.values()),
        *((sql, "opened") for sql, _ in SET_ASIDE.values()),
    ],
    ids=[*REFUSED, *SET_ASIDE],
)
def test_the_real_window_never_crashes_on_a_damaged_file(
    folder: Path, sql: str, outcome: str
) -> None:
    path = folder / "day.workshop"
    damage(path, sql, journal="delete")
    before = snapshot(folder)
    result = _child(path)
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stdout.splitlines()
    assert outcome in lines and lines[-1] == "done", result.stdout
    shown = [line for line in lines if line.startswith("shown: ")]
    assert len(shown) == 1, result.stdout
    expected = "The event could not be opened" if outcome == "refused" else "Opened read-only"
    assert shown[0].startswith(f"shown: {expected}: "), shown
    assert snapshot(folder) == before
