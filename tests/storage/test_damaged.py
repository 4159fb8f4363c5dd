"""Files that pass quick_check and are still wrong: refused byte-identical with a message saying
what is wrong, or opened read-only with the unreadable records set aside and named. The real
command line runs on each in a subprocess (a traceback or a crash cannot hide there)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.storage.damaged_files import REFUSED, SET_ASIDE, damage, make_demo, snapshot
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import AgendaItem, Note
from workshop_app.storage.document import Document
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {
    "info": ["info", "{doc}"],
    "check": ["check", "{doc}"],
    "json": ["export", "{doc}", "--format", "json", "-o", "{out}.json"],
    "csv": ["export", "{doc}", "--format", "csv", "-o", "{out}.csv"],
    "md": ["export", "{doc}", "--format", "md", "-o", "{out}.md"],
    "pdf": ["report", "{doc}", "-o", "{out}.pdf"],
    "html": ["report", "{doc}", "-o", "{out}.html", "--no-charts"],
}


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


def command(name: str, doc: Path, out: Path) -> list[str]:
    return [part.format(doc=doc, out=out) for part in COMMANDS[name]]


# -- refused, byte-identical -----------------------------------------------------------------


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize("name", REFUSED)
def test_a_file_wrong_as_a_whole_is_refused_unchanged(
    tmp_path: Path, name: str, journal: str
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "day.workshop"
    sql, words = REFUSED[name]
    damage(path, sql, journal=journal)
    before = snapshot(folder)

    for readonly in (False, True):  # the app's open (writer) and the command line's (reader)
        with pytest.raises(DocumentError) as caught:
            Document.open(path, readonly=readonly)
        message = str(caught.value)
        assert message.startswith("“day.workshop” is damaged and cannot be opened (")
        assert words in message
        assert "It has not been changed" in message
        assert snapshot(folder) == before, "the refused file (or something beside it) changed"


@pytest.mark.parametrize("name", ["event-row-deleted", "note-table-dropped", "foreign-schema"])
def test_every_command_refuses_a_file_wrong_as_a_whole_in_one_line(
    tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "day.workshop"
    damage(path, REFUSED[name][0], journal="delete")
    before = snapshot(folder)
    for which in COMMANDS:
        result = cli(*command(which, path, tmp_path / "out"))
        assert result.returncode == 2, (which, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("workshop-app: error: "), result.stderr
        assert REFUSED[name][1] in lines[0]
        assert snapshot(folder) == before
    assert not list(tmp_path.glob("out*")), "nothing is written for a refused file"


# -- set aside, read-only ----------------------------------------------------------------------


@pytest.mark.parametrize("name", SET_ASIDE)
def test_a_bad_record_is_set_aside_and_the_file_opens_read_only(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "day.workshop"
    make_demo(path)
    with Document.open(path, readonly=True) as good:
        notes, items = good.count(Note), good.count(AgendaItem)
    sql, words = SET_ASIDE[name]
    damage(path, sql, journal="delete")
    before = snapshot(folder)

    with Document.open(path) as doc:  # the app's open
        assert doc.readonly
        assert len(doc.set_aside) == 1 and words in doc.set_aside[0].describe()
        assert len(doc.select(Note)) + len(doc.select(AgendaItem)) == notes + items - 1
        assert doc.count(Note) + doc.count(AgendaItem) == notes + items - 1
        bundle = doc.bundle()
        with pytest.raises(DocumentError, match="damaged: 1 record could not be read"):
            doc.add(Note(text="this must not be written over a damaged file"))
        with pytest.raises(DocumentError, match="open read-only"):
            doc.update_event(title="Nor this")
    assert len(bundle.notes) + len(bundle.agenda) == notes + items - 1
    assert snapshot(folder) == before, "a damaged file is never written"


def test_every_command_reads_round_a_bad_record_and_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "day.workshop"
    sql, words = SET_ASIDE["note-text-blob"]
    damage(path, sql, journal="delete")
    before = snapshot(folder)
    for which in COMMANDS:
        result = cli(*command(which, path, tmp_path / "out"))
        assert result.returncode == 0, (which, result.stderr)
        assert "Traceback" not in result.stderr
        warning, *listed = result.stderr.strip().splitlines()
        assert warning == (
            "workshop-app: warning: “day.workshop” is damaged: 1 record could not be read and "
            "is left out:"
        )
        assert len(listed) == 1 and listed[0].startswith("  note (id ") and words in listed[0]
        assert snapshot(folder) == before
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert all(isinstance(note["text"], str) for note in exported["notes"])


def test_a_damaged_run_state_is_not_worth_refusing_a_file_for(tmp_path: Path) -> None:
    path = tmp_path / "day.workshop"
    damage(
        path,
        "INSERT OR REPLACE INTO run_state (id, item_id, status, deadline, remaining_ms, "
        "updated_at) VALUES (1, X'00', 'running', 'later', 'x', 'now')",
    )
    with Document.open(path) as doc:
        assert not doc.readonly and doc.run_state().status == "idle"


# -- the expected schema and the migrations ----------------------------------------------------


def test_the_expected_schema_is_what_the_migrations_build() -> None:
    """The schema check derives its tables and columns from the code that reads them; every
    migration applied to an empty database must give exactly those (so a new migration's
    column is expected as soon as the field that reads it exists, and not before)."""
    from workshop_app.storage.validation import expected_schema

    conn = sqlite3.connect(":memory:")
    migrations.apply(Database(conn))
    built = {
        table: {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not table.startswith("_sqlite")
    }
    assert built == {table: set(columns) for table, columns in expected_schema().items()}
    assert len(migrations._migrations) == SCHEMA_VERSION, "one migration per file version"


def _behind_with_every_migration_recorded(path: Path) -> None:
    make_demo(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
        recorded = {row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")}
        assert recorded == {m.name for m in migrations._migrations}
    finally:
        conn.close()


def test_a_file_behind_with_every_migration_recorded_is_brought_level(tmp_path: Path) -> None:
    path = tmp_path / "behind.workshop"
    _behind_with_every_migration_recorded(path)
    with Document.open(path) as doc:
        assert not doc.readonly
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    result = cli("info", str(path))
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_command_line_reads_an_older_file_without_changing_it(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "behind.workshop"
    _behind_with_every_migration_recorded(path)
    before = snapshot(folder)
    result = cli("info", str(path))
    assert result.returncode == 0, result.stderr
    assert "Digital transformation in healthcare" in result.stdout
    assert snapshot(folder) == before


def test_a_file_whose_migration_fails_is_refused_unchanged(tmp_path: Path) -> None:
    """Recorded as never migrated, though the tables are there: migrating it would fail half
    way. The migration is tried on a copy in memory first, so the file is never touched."""
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "day.workshop"
    damage(path, "DELETE FROM _sqlite_migrations; PRAGMA user_version=0", journal="delete")
    before = snapshot(folder)
    with pytest.raises(DocumentError, match="could not be brought up to date"):
        Document.open(path)
    assert snapshot(folder) == before
