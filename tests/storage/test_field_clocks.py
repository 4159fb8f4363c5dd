"""Per-field clocks (m006): every write stamps the fields it changes, and only those, with the
time and this laptop's id; files from before get clocks from their records."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage.document import Document


def clock(path: Path, record_id: str) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return json.loads(
            conn.execute("SELECT clock FROM note WHERE id = ?", (record_id,)).fetchone()[0]
        )
    finally:
        conn.close()


def test_every_write_path_stamps_the_fields_it_changes(tmp_path: Path) -> None:
    path = tmp_path / "e.workshop"
    with Document.create(path, EventBundle(event=Event(title="E"))) as doc:
        doc.device_id = "laptop-a"
        first = doc.add(Note(text="one"))
        second = doc.add(Note(text="two"))
        assert clock(path, first.id) == {"*": [first.updated_at, "laptop-a"]}

        doc.device_id = "laptop-b"
        typo = doc.update(Note, first.id, text="One", votes=0)  # votes unchanged: not stamped
        assert clock(path, first.id) == {
            "*": [first.updated_at, "laptop-a"],
            "text": [typo.updated_at, "laptop-b"],
        }
        doc.device_id = "laptop-c"
        doc.update_many(Note, {first.id: {"starred": True}, second.id: {"starred": True}})
        stamped = clock(path, second.id)
        assert stamped["starred"][1] == "laptop-c" and set(stamped) == {"*", "starred"}

        doc.device_id = "laptop-d"
        doc.delete(Note, second.id)
        assert clock(path, second.id)["deleted"][1] == "laptop-d"
        doc.restore(Note, second.id)
        doc.move(Note, first.id, 1)
        assert clock(path, first.id)["position"][1] == "laptop-d"
        assert clock(path, first.id)["text"][1] == "laptop-b"


def test_a_file_from_before_gets_clocks_from_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    with Document.create(path, EventBundle(event=Event(title="E"))) as doc:
        note = doc.add(Note(text="kept"))
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE field_history; DELETE FROM _sqlite_migrations WHERE name = 'm006_field_clocks';"
        + "".join(
            f"ALTER TABLE {t} DROP COLUMN clock;"
            for t in (
                "event",
                "speaker",
                "question",
                "breakout_group",
                "agenda_item",
                "theme",
                "note",
            )
        )
        + "PRAGMA user_version=5;"
    )
    conn.close()
    with Document.open(path) as doc:
        assert doc.get(Note, note.id).text == "kept"
    assert clock(path, note.id) == {"*": [note.updated_at, note.device_id]}
