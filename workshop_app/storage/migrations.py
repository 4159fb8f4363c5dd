"""Migrations of the .workshop schema (sqlite-utils ``Migrations``), loaded only when a file needs
them: a file already at ``SCHEMA_VERSION`` opens without importing sqlite-utils at all.

Migrations are frozen in time: each states its own SQL and never derives it from today's
dataclasses, so an old file always upgrades the same way. Add a new function for every change and
bump ``schema.SCHEMA_VERSION``.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workshop_app.storage.schema import SCHEMA_VERSION

migrations = Migrations("workshop_app")

_COMMON = """
    id TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    position REAL NOT NULL DEFAULT 0,
"""


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        f"""
        CREATE TABLE event ({_COMMON}
            title TEXT NOT NULL DEFAULT '', date TEXT, start_time TEXT,
            venue TEXT NOT NULL DEFAULT '', organiser TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '', attendee_count INTEGER);
        CREATE TABLE speaker ({_COMMON}
            name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'other');
        CREATE TABLE question ({_COMMON}
            text TEXT NOT NULL DEFAULT '', prompt TEXT NOT NULL DEFAULT '',
            synthesis TEXT NOT NULL DEFAULT '');
        CREATE TABLE breakout_group ({_COMMON}
            name TEXT NOT NULL DEFAULT '', facilitator TEXT NOT NULL DEFAULT '',
            note_taker TEXT NOT NULL DEFAULT '');
        CREATE TABLE agenda_item ({_COMMON}
            title TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT 'other',
            planned_minutes INTEGER NOT NULL DEFAULT 10,
            question_ids TEXT NOT NULL DEFAULT '[]', started_at TEXT, ended_at TEXT);
        CREATE TABLE theme ({_COMMON}
            question_id TEXT, title TEXT NOT NULL DEFAULT '', summary TEXT NOT NULL DEFAULT '');
        CREATE TABLE note ({_COMMON}
            question_id TEXT, group_id TEXT, text TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'idea', attribution TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '', theme_id TEXT,
            votes INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX note_position ON note (position);
        CREATE INDEX note_question ON note (question_id);
        CREATE INDEX theme_question ON theme (question_id);
        """
    )


@migrations()
def m002_run_state(db: Database) -> None:
    """Version 2: where the run is (Run mode), one row, so a restart resumes the countdown."""
    db.executescript(
        """
        CREATE TABLE run_state (
            id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
            item_id TEXT, status TEXT NOT NULL DEFAULT 'idle',
            deadline TEXT, remaining_ms INTEGER, total_ms INTEGER,
            updated_at TEXT NOT NULL, device_id TEXT NOT NULL DEFAULT '');
        """
    )


@migrations()
def m003_event_timezone_attendance(db: Database) -> None:
    """Version 3: the event's time zone (IANA name; files from before were shown in UTC in the
    report, so they keep UTC until the organiser sets it) and the actual attendance."""
    db.executescript(
        """
        ALTER TABLE event ADD COLUMN timezone TEXT NOT NULL DEFAULT 'UTC';
        ALTER TABLE event ADD COLUMN attendance INTEGER;
        """
    )


@migrations()
def m004_hints(db: Database) -> None:
    """Version 4: a template's placeholder summary and questions are hints, not content."""
    db.executescript(
        """
        ALTER TABLE event ADD COLUMN summary_hint TEXT NOT NULL DEFAULT '';
        ALTER TABLE question ADD COLUMN text_hint TEXT NOT NULL DEFAULT '';
        ALTER TABLE question ADD COLUMN prompt_hint TEXT NOT NULL DEFAULT '';
        """
    )


@migrations()
def m005_theme_votes(db: Database) -> None:
    """Version 5: dot votes given to a theme itself (the Board), beside its notes' votes."""
    db.executescript("ALTER TABLE theme ADD COLUMN votes INTEGER NOT NULL DEFAULT 0;")


@migrations()
def m006_field_clocks(db: Database) -> None:
    """Version 6: merging laptops' files. Each record keeps when each field last changed and on
    which device (``clock``: compact JSON ``{"*": [at, device], field: [at, device]}``, ``*``
    standing for every field not listed; existing records start from their ``updated_at`` and
    ``device_id``), and ``field_history`` keeps the texts that lost a merge."""
    tables = ("event", "speaker", "question", "breakout_group", "agenda_item", "theme", "note")
    script = "".join(
        f"ALTER TABLE {table} ADD COLUMN clock TEXT NOT NULL DEFAULT '';"
        f"UPDATE {table} SET clock = json_object('*', json_array(updated_at, device_id));"
        for table in tables
    )
    db.executescript(
        script
        + """
        CREATE TABLE field_history (
            record_kind TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL,
            value TEXT NOT NULL, updated_at TEXT NOT NULL, device_id TEXT NOT NULL,
            PRIMARY KEY (record_id, field, value));
        """  # a rowid table: SQLite 3.40's quick_check misreads a WITHOUT ROWID one
    )


@migrations()
def m007_file_settings(db: Database) -> None:
    """Version 7: settings of this one file, never merged into another (``handout``): a copy
    handed out to a table keeps its own laptop identity and the table it opens on in Capture."""
    db.executescript(
        "CREATE TABLE file_setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);"
    )


@migrations()
def m008_note_source(db: Database) -> None:
    """Version 8: where a note was written (``NoteSource``): by a note-taker, or sent from an
    attendee's phone. Every earlier note was a note-taker's."""
    db.executescript("ALTER TABLE note ADD COLUMN source TEXT NOT NULL DEFAULT 'note-taker';")


def migrate(conn: sqlite3.Connection) -> None:
    """Apply pending migrations, each in its own transaction, then stamp ``user_version``.

    The stamp is written even when nothing was pending: a file whose migrations are all recorded
    but whose ``user_version`` is behind (written by a version that recorded before stamping)
    is brought level, instead of looking old to every later open."""
    migrations.apply(Database(conn))
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
