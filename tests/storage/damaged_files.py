"""Files that pass SQLite's quick_check and are still wrong, built with real sqlite3 from the demo
event written by the app's own code. Used by the storage, CLI and window tests of damaged files.

``REFUSED``: what is wrong with the file as a whole; it must be refused, byte-identical, with a
message containing the words given. ``SET_ASIDE``: one bad record; the file opens read-only
without it, and the listing names it with the words given.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle

FIRST = "WHERE rowid = (SELECT MIN(rowid) FROM {table})"
#: A note on a question and a table: its card is on Capture's screen (a card whose text was not
#: text made the old delegate raise inside Qt's paint and sizeHint: a segfault).
CARD = (
    "WHERE rowid = (SELECT MIN(rowid) FROM note "
    "WHERE group_id IS NOT NULL AND question_id IS NOT NULL)"
)

#: name -> (SQL that does the damage, words the refusal says)
REFUSED: dict[str, tuple[str, str]] = {
    "event-row-deleted": ("DELETE FROM event", "the event itself is missing"),
    "note-table-dropped": ("DROP TABLE note", "the table “note” is missing"),
    "column-dropped": ("ALTER TABLE note DROP COLUMN votes", "no column “votes”"),
    "event-title-blob": ("UPDATE event SET title = CAST(title AS BLOB)", "title is stored as raw"),
    "event-date-garbage": ("UPDATE event SET date = 'soon'", "date is the text “soon”"),
    "foreign-schema": (
        "DROP TABLE note; DROP TABLE theme; DROP TABLE speaker; DROP TABLE question; "
        "DROP TABLE breakout_group; DROP TABLE agenda_item; DROP TABLE run_state; "
        "DROP TABLE event; CREATE TABLE customer (id INTEGER, name TEXT); "
        "INSERT INTO customer VALUES (1, 'Acme')",
        "none of a workshop document's tables",
    ),
}

#: name -> (SQL that damages one record, words naming it in the listing)
SET_ASIDE: dict[str, tuple[str, str]] = {
    "note-text-blob": (
        "UPDATE note SET text = CAST(text AS BLOB) " + CARD,
        "its text is stored as raw bytes",
    ),
    "note-text-not-utf8": (
        "UPDATE note SET text = CAST(X'4FFF6B' AS TEXT) " + FIRST.format(table="note"),
        "its text is text in a broken encoding",
    ),
    "minutes-as-text": (
        "UPDATE agenda_item SET planned_minutes = 'lots' " + FIRST.format(table="agenda_item"),
        "planned minutes is the text “lots”",
    ),
    "list-not-json": (
        "UPDATE agenda_item SET question_ids = '[oops' " + FIRST.format(table="agenda_item"),
        "list of questions is the text “[oops”",
    ),
    "note-kind-unknown": (
        "UPDATE note SET kind = 'rumour' " + FIRST.format(table="note"),
        "its kind is the text “rumour”",
    ),
}


def make_demo(path: Path) -> None:
    """The demo event, written by the app (``journal_mode`` WAL, as the app leaves files)."""
    Document.create(path, demo_bundle()).close()


def damage(path: Path, sql: str, *, journal: str = "wal") -> None:
    """Apply ``sql`` with plain sqlite3 to the demo at ``path`` (made if not there), leaving the
    file in ``journal`` mode ("wal" or "delete": the rollback journal, one file on disk)."""
    if not path.exists():
        make_demo(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.executescript(sql)
        if journal == "wal":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert quick_check(path) == "ok", "the damage must pass SQLite's own check"


def quick_check(path: Path) -> str:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA quick_check"))
    finally:
        conn.close()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` with a hash of its bytes."""
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest()
        for entry in sorted(folder.iterdir())
        if entry.is_file()
    }
