"""One notification mechanism: Qt signals, also where the PySide6 6.12.0 leak once made the
Run countdown and Capture's note cache use plain callbacks (that version is pinned out, and
tests/ui/test_run_pyside.py checks the installed one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QSignalSpy
from pytestqt.qtbot import QtBot

from tests.unit.fake_clock import FakeClock
from workshop_app.domain.records import Note
from workshop_app.domain.run import Reading
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.capture.note_cache import NoteCache
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.controller import RunController


@pytest.fixture
def model(tmp_path: Path) -> Iterator[DocumentModel]:
    document = Document.create(tmp_path / "signals.workshop", demo_bundle())
    yield DocumentModel(document)
    document.close()


def test_the_run_controller_notifies_through_qt_signals(qtbot: QtBot, model: DocumentModel) -> None:
    controller = RunController(model, clock=FakeClock())
    spies = [
        QSignalSpy(s) for s in (controller.ticked, controller.crossed, controller.agenda_changed)
    ]
    with qtbot.waitSignal(controller.ticked, timeout=1000) as ticked:
        controller.toggle()
    assert isinstance(ticked.args[0], Reading) and ticked.args[0].phase == "running"
    with qtbot.waitSignal(controller.agenda_changed, timeout=1000):
        model.push_update_event(title="Signals again")
    assert controller.details.title == "Signals again"
    counts = [spy.count() for spy in spies]
    assert counts[0] >= 2 and counts[1] == 0 and counts[2] >= 1
    controller.stop()
    with qtbot.assertNotEmitted(controller.agenda_changed, wait=50):
        model.push_update_event(title="After the close")
    assert [spy.count() for spy in spies] == counts  # stopped: no more ticks


def test_the_note_cache_notifies_through_qt_signals(qtbot: QtBot, model: DocumentModel) -> None:
    cache = NoteCache(model)
    spies = QSignalSpy(cache.note_changed), QSignalSpy(cache.reloaded)
    note = Note(text="Louder microphones")
    with qtbot.waitSignal(cache.note_changed, timeout=1000) as changed:
        model.push_add(note)
    assert changed.args == [None, cache.notes[note.id]]
    with qtbot.waitSignal(cache.reloaded, timeout=1000):
        model.changed.emit(Note, "")  # several notes at once
    assert note.id in cache.notes
    assert [spy.count() for spy in spies] == [1, 1]
