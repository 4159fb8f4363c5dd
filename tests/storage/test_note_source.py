"""Where a note was written (m008): a note-taker's or an attendee's phone. An older file's notes
are all note-takers'; the JSON carries "source" only for phone notes and refuses an unknown one."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
from interchange_samples import sample
from sqlite_utils import Database

from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.records import Event, Note, NoteSource
from workshop_app.storage.document import Document
from workshop_app.storage.interchange import bundle_from_dict, bundle_to_dict
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def _write_version_7(path: Path) -> str:
    """A file as version 7 wrote it, with one note: no source column."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrations.apply(Database(conn), stop_before="m008_note_source")
        conn.execute("PRAGMA user_version=7")
        event = Event(title="Before phones")
        conn.execute(
            "INSERT INTO event (id, created_at, updated_at, title) VALUES (?, ?, ?, ?)",
            (event.id, event.created_at, event.updated_at, event.title),
        )
        note = Note(text="Said at a table")
        conn.execute(
            "INSERT INTO note (id, created_at, updated_at, text) VALUES (?, ?, ?, ?)",
            (note.id, note.created_at, note.updated_at, note.text),
        )
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    return note.id


def test_an_older_files_notes_are_note_takers(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    note_id = _write_version_7(path)
    with Document.open(path) as doc:
        assert doc.get(Note, note_id).source == NoteSource.NOTE_TAKER
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 8
    finally:
        conn.close()


def test_a_phone_note_keeps_its_source_in_the_file_and_the_json(tmp_path: Path) -> None:
    with Document.create(tmp_path / "e.workshop") as doc:
        phone = doc.add(Note(text="Sent from a phone", source=NoteSource.PHONE))
        table = doc.add(Note(text="Typed at a table"))
    with Document.open(tmp_path / "e.workshop") as doc:
        assert doc.get(Note, phone.id).source == "phone"
        data = bundle_to_dict(doc.bundle())
    notes = {n["id"]: n for n in data["notes"]}
    assert notes[phone.id]["source"] == "phone"
    assert "source" not in notes[table.id]  # the default is not written: old readers agree
    again = bundle_from_dict(data)
    assert {n.id: n.source for n in again.notes} == {phone.id: "phone", table.id: "note-taker"}


def test_an_unknown_source_is_refused_by_its_path() -> None:
    data = copy.deepcopy(sample())
    data["notes"][0]["source"] = "carrier pigeon"
    with pytest.raises(InterchangeError) as raised:
        bundle_from_dict(data)
    assert "notes[0].source" in str(raised.value)
