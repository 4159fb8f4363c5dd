"""Rolling backups: taken on open and after changes, valid documents, the last ten kept."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note, Question
from workshop_app.storage import backups
from workshop_app.storage.document import Document
from workshop_app.storage.schema import APPLICATION_ID


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder / "event.workshop"


def make(path: Path, notes: int = 3) -> EventBundle:
    bundle = EventBundle(
        event=Event(title="Backed up"),
        questions=(Question(text="Q"),),
        notes=tuple(Note(text=f"note {i}") for i in range(notes)),
    )
    Document.create(path, bundle).close()
    return bundle


def test_a_backup_is_taken_on_open_into_the_event_folder(path: Path, app_home: Path) -> None:
    bundle = make(path)
    before = backups.list_backups(bundle.event.id)
    with Document.open(path) as doc:
        doc.backups.wait()
        assert doc.backups.last_error is None
        folder = app_home / "data" / "backups" / doc.event_id
        taken = backups.list_backups(doc.event_id)
    assert doc.event_id == bundle.event.id
    assert len(taken) == len(before) + 1, "no backup after open"
    assert taken[:-1] == before
    assert all(p.parent == folder for p in taken)
    assert all(p.name.startswith("event-") and p.suffix == ".workshop" for p in taken)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in taken)  # no .tmp
    latest = taken[-1]
    conn = sqlite3.connect(latest)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert not latest.with_name(latest.name + "-wal").exists()


def test_a_backup_opens_as_the_same_document(path: Path, tmp_path: Path) -> None:
    make(path, notes=25)
    with Document.open(path) as doc:
        doc.backups.wait()
        expected = doc.bundle()
        latest = backups.list_backups(doc.event_id)[-1]
    restored = tmp_path / "restored.workshop"
    shutil.copy(latest, restored)
    with Document.open(restored) as copy:
        assert copy.bundle() == expected
        assert len(copy.select(Note)) == 25


def test_a_backup_of_an_open_document_holds_its_committed_changes(path: Path) -> None:
    make(path)
    with Document.open(path) as doc:
        doc.backups.wait()
        added = doc.add(Note(text="written after open"))
        snapshot = backups.take_backup(doc.path, doc.event_id)
        with Document.open(_copy(snapshot, path.parent / "copy.workshop")) as copy:
            assert copy.get(Note, added.id) == added
            assert copy.count(Note) == 4


def _copy(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    return target


def test_only_the_last_ten_are_kept(path: Path) -> None:
    make(path)
    with Document.open(path) as doc:
        doc.backups.wait()
        made = []
        for i in range(12):
            doc.add(Note(text=f"change {i}"))
            made.append(backups.take_backup(doc.path, doc.event_id))
        kept = backups.list_backups(doc.event_id)
    assert backups.KEEP == 10
    assert kept == made[-10:]
    assert all(p.exists() for p in made[-10:])
    assert not any(p.exists() for p in made[:2])
    with Document.open(_copy(kept[-1], path.parent / "newest.workshop")) as newest:
        assert newest.select(Note)[-1].text == "change 11"


def test_pruning_keeps_the_newest_even_after_the_file_was_renamed(path: Path) -> None:
    """Backups are named after the file; a renamed file (same event) must not have its new
    backups pruned first because its name sorts before the old one's."""
    make(path)
    later = path.with_name("zz later name.workshop")
    with Document.open(path) as doc:
        doc.backups.wait()
        for _ in range(10):
            backups.take_backup(doc.path, doc.event_id)
        event_id = doc.event_id
    path.rename(later)
    renamed = path.with_name("aa renamed.workshop")
    later.rename(renamed)
    with Document.open(renamed) as doc:
        doc.backups.wait()
        doc.add(Note(text="after the rename"))
        newest = backups.take_backup(doc.path, doc.event_id)
    kept = backups.list_backups(event_id)
    assert newest.exists(), "the newest backup was pruned"
    assert kept[-1] == newest
    assert len(kept) == backups.KEEP
    assert sum(p.name.startswith("aa renamed-") for p in kept) == 2


def test_the_scheduler_backs_up_after_the_interval(path: Path) -> None:
    make(path)
    with Document.open(path) as doc:
        doc.backups.wait()
        first = backups.list_backups(doc.event_id)  # one from create, one from open
        assert len(first) == 2
        doc.add(Note(text="within the interval"))  # the default interval is minutes
        doc.backups.wait()
        assert backups.list_backups(doc.event_id) == first

        doc.backups.interval = 0
        note = doc.add(Note(text="after the interval"))
        doc.backups.wait()
        taken = backups.list_backups(doc.event_id)
        assert len(taken) == 3
        assert taken[:2] == first
        with Document.open(_copy(taken[-1], path.parent / "b.workshop")) as copy:
            assert copy.get(Note, note.id) == note


def test_a_failed_backup_never_stops_the_work(path: Path) -> None:
    make(path)
    with Document.open(path) as doc:
        doc.backups.wait()
        scheduler = backups.BackupScheduler(path.with_name("gone.workshop"), doc.event_id, 0)
        scheduler.changed()
        scheduler.wait()
        assert isinstance(scheduler.last_error, sqlite3.Error | OSError)
        doc.add(Note(text="still fine"))
        assert doc.count(Note) == 4


def test_scheduler_runs_one_backup_at_a_time(path: Path) -> None:
    make(path, notes=2000)
    with Document.open(path) as doc:
        doc.backups.wait()
        before = len(backups.list_backups(doc.event_id))
        doc.backups.interval = 0
        start = time.monotonic()
        for i in range(20):
            doc.add(Note(text=f"burst {i}"))
        doc.backups.wait()
        after = len(backups.list_backups(doc.event_id))
        assert time.monotonic() - start < 30
    assert before < after <= before + 20
