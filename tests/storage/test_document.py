"""Document: creating, writing, reading back and the SQLite settings the file promises."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workshop_app import paths
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.errors import DocumentError, NotFoundError
from workshop_app.domain.records import AgendaItem, Event, Group, Note, Question, Speaker, Theme
from workshop_app.storage.document import Document
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION

TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def texts(notes: list[Note]) -> list[str]:
    return [n.text for n in notes]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "event.workshop"


@pytest.fixture
def doc(path: Path):
    document = Document.create(path, EventBundle(event=Event(title="Test event")))
    yield document
    document.close()


def add_notes(doc: Document, *names: str, **fields: object) -> list[Note]:
    return [doc.add(Note(text=name, **fields)) for name in names]  # type: ignore[arg-type]


# -- create --------------------------------------------------------------------------------


def test_create_refuses_an_existing_file_without_force(path: Path) -> None:
    path.write_bytes(b"precious work")
    with pytest.raises(DocumentError, match="already exists"):
        Document.create(path)
    assert path.read_bytes() == b"precious work"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_create_with_force_replaces_the_file(path: Path) -> None:
    with Document.create(path, EventBundle(event=Event(title="Old"))) as old:
        add_notes(old, "old note")
    with Document.create(path, EventBundle(event=Event(title="New")), force=True) as new:
        assert new.event().title == "New"
        assert new.count(Note) == 0
    with Document.open(path) as reopened:
        assert reopened.event().title == "New"
        assert reopened.count(Note) == 0


def test_create_leaves_no_temporary_files(path: Path) -> None:
    with Document.create(path) as doc:
        add_notes(doc, "a")
        during = {p.name for p in path.parent.iterdir()}
        assert not [name for name in during if name.endswith(".tmp")], during
        assert doc.event().title == "Untitled event"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_create_is_all_or_nothing(path: Path) -> None:
    """A bundle that cannot be written (two notes with one id) leaves no file at all, and with
    force leaves the old file exactly as it was."""
    broken = EventBundle(event=Event(title="Broken"), notes=(Note(id="same"), Note(id="same")))
    with pytest.raises(sqlite3.IntegrityError):
        Document.create(path, broken)
    assert list(path.parent.iterdir()) == []

    Document.create(path, EventBundle(event=Event(title="Kept"))).close()
    before = digest(path)
    with pytest.raises(sqlite3.IntegrityError):
        Document.create(path, broken, force=True)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    with Document.open(path) as doc:
        assert doc.event().title == "Kept"


def test_create_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="does not exist"):
        Document.create(tmp_path / "nowhere" / "event.workshop")


def test_create_writes_the_bundle_in_order(path: Path) -> None:
    q1, q2 = Question(text="Q1"), Question(text="Q2")
    bundle = EventBundle(
        event=Event(title="Bundled"),
        questions=(q1, q2),
        notes=tuple(Note(text=f"n{i}", question_id=q1.id) for i in range(5)),
    )
    with Document.create(path, bundle) as doc:
        assert doc.event_id == bundle.event.id
        assert [q.id for q in doc.select(Question)] == [q1.id, q2.id]
        assert texts(doc.select(Note)) == [f"n{i}" for i in range(5)]
        assert all(n.device_id == doc.device_id for n in doc.select(Note))


# -- writes, stamps and reads ----------------------------------------------------------------


def test_add_stamps_utc_millisecond_times_and_this_device(doc: Document) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    note = doc.add(Note(text="hello", created_at="1999-01-01T00:00:00.000Z", device_id="other"))
    after = datetime.now(UTC) + timedelta(seconds=1)
    assert TIMESTAMP.match(note.created_at) and TIMESTAMP.match(note.updated_at)
    assert note.created_at == note.updated_at
    assert before <= parse_utc(note.created_at) <= after
    device = (paths.data_dir() / "device-id").read_text(encoding="utf-8").strip()
    assert note.device_id == doc.device_id == device
    assert doc.get(Note, note.id) == note


def test_update_changes_fields_and_restamps(doc: Document) -> None:
    note = doc.add(Note(text="first", votes=0))
    raw = doc._conn
    raw.execute("UPDATE note SET updated_at = '2000-01-01T00:00:00.000Z', device_id = 'x'")
    updated = doc.update(Note, note.id, text="second", votes=3, starred=True)
    assert (updated.text, updated.votes, updated.starred) == ("second", 3, True)
    assert updated.created_at == note.created_at
    assert updated.updated_at > "2000-01-01T00:00:00.000Z"
    assert TIMESTAMP.match(updated.updated_at)
    assert updated.device_id == doc.device_id
    assert doc.get(Note, note.id) == updated


def test_update_of_an_unknown_field_raises_and_changes_nothing(doc: Document) -> None:
    note = doc.add(Note(text="same"))
    with pytest.raises(ValueError, match="colour"):
        doc.update(Note, note.id, text="changed", colour="red")
    with pytest.raises(ValueError):
        doc.update(Note, note.id, created_at="2000-01-01T00:00:00.000Z")
    assert doc.get(Note, note.id) == note


def test_update_of_a_missing_record_raises_not_found(doc: Document) -> None:
    with pytest.raises(NotFoundError):
        doc.update(Note, "no-such-id", text="x")
    with pytest.raises(NotFoundError):
        doc.get(Note, "no-such-id")
    assert doc.count(Note, include_deleted=True) == 0


def test_delete_is_a_tombstone_and_restore_brings_it_back(doc: Document) -> None:
    a, b, c = add_notes(doc, "a", "b", "c")
    gone = doc.delete(Note, b.id)
    assert gone.deleted
    assert texts(doc.select(Note)) == ["a", "c"]
    assert texts(doc.select(Note, include_deleted=True)) == ["a", "b", "c"]
    assert doc.count(Note) == 2 and doc.count(Note, include_deleted=True) == 3
    assert doc.get(Note, b.id).deleted
    row = doc._conn.execute("SELECT deleted FROM note WHERE id = ?", (b.id,)).fetchone()
    assert row[0] == 1
    back = doc.restore(Note, b.id)
    assert not back.deleted
    assert texts(doc.select(Note)) == ["a", "b", "c"]
    assert doc.index_of(Note, b.id) == 1


def test_add_at_an_index_and_list_order(doc: Document) -> None:
    add_notes(doc, "b", "d")
    doc.add(Note(text="a"), index=0)
    doc.add(Note(text="c"), index=2)
    doc.add(Note(text="e"), index=99)
    doc.add(Note(text="f"))
    assert texts(doc.select(Note)) == ["a", "b", "c", "d", "e", "f"]
    doc.delete(Note, doc.select(Note)[1].id)  # "b": new rows go among the live ones
    doc.add(Note(text="b2"), index=1)
    assert texts(doc.select(Note)) == ["a", "b2", "c", "d", "e", "f"]


def test_move(doc: Document) -> None:
    a, b, c, d = add_notes(doc, "a", "b", "c", "d")
    doc.move(Note, d.id, 0)
    assert texts(doc.select(Note)) == ["d", "a", "b", "c"]
    doc.move(Note, d.id, 99)  # clamped to the end
    assert texts(doc.select(Note)) == ["a", "b", "c", "d"]
    doc.move(Note, a.id, 2)
    assert texts(doc.select(Note)) == ["b", "c", "a", "d"]
    assert doc.index_of(Note, a.id) == 2
    assert doc.get(Note, a.id).device_id == doc.device_id
    doc.delete(Note, c.id)
    with pytest.raises(NotFoundError):
        doc.move(Note, c.id, 0)
    with pytest.raises(NotFoundError):
        doc.move(Note, "no-such-id", 0)
    assert texts(doc.select(Note)) == ["b", "a", "d"]


def test_list_and_count_filter_by_field_values(doc: Document) -> None:
    q1 = doc.add(Question(text="Q1"))
    q2 = doc.add(Question(text="Q2"))
    g = doc.add(Group(name="Table 1"))
    add_notes(doc, "q1 a", "q1 b", question_id=q1.id)
    add_notes(doc, "q1 table", question_id=q1.id, group_id=g.id)
    add_notes(doc, "q2 a", question_id=q2.id, kind="concern")
    add_notes(doc, "general")
    assert texts(doc.select(Note, question_id=q1.id)) == ["q1 a", "q1 b", "q1 table"]
    assert texts(doc.select(Note, question_id=q1.id, group_id=g.id)) == ["q1 table"]
    assert texts(doc.select(Note, question_id=None)) == ["general"]
    assert texts(doc.select(Note, kind="concern")) == ["q2 a"]
    assert doc.count(Note, question_id=q1.id) == 3
    assert doc.count(Note, group_id=None) == 4
    doc.delete(Note, doc.select(Note, question_id=q1.id)[0].id)
    assert doc.count(Note, question_id=q1.id) == 2
    assert doc.count(Note, question_id=q1.id, include_deleted=True) == 3
    with pytest.raises(ValueError, match="colour"):
        doc.select(Note, colour="red")
    with pytest.raises(ValueError):
        doc.count(Note, colour="red")


def test_index_of(doc: Document) -> None:
    notes = add_notes(doc, "a", "b", "c")
    assert [doc.index_of(Note, n.id) for n in notes] == [0, 1, 2]
    doc.delete(Note, notes[0].id)
    assert doc.index_of(Note, notes[2].id) == 1


def test_bundle_holds_the_live_event_in_order(doc: Document) -> None:
    q = doc.add(Question(text="Q"))
    s = doc.add(Speaker(name="Ada", kind="keynote"))
    g = doc.add(Group(name="T1"))
    a = doc.add(AgendaItem(title="Welcome", question_ids=(q.id,)))
    t = doc.add(Theme(question_id=q.id, title="Theme"))
    n1, n2, n3 = add_notes(doc, "one", "two", "three", question_id=q.id)
    doc.delete(Note, n2.id)
    doc.move(Note, n3.id, 0)
    bundle = doc.bundle()
    assert bundle.event == doc.event()
    assert bundle.questions == (q,)
    assert bundle.speakers == (s,)
    assert bundle.groups == (g,)
    assert bundle.agenda == (a,)
    assert bundle.themes == (t,)
    assert [n.id for n in bundle.notes] == [n3.id, n1.id]


def test_transaction_is_all_or_nothing(doc: Document) -> None:
    add_notes(doc, "kept")
    with pytest.raises(RuntimeError):
        with doc.transaction():
            add_notes(doc, "x", "y")
            doc.update_event(title="Half-done")
            raise RuntimeError("command failed")
    assert texts(doc.select(Note)) == ["kept"]
    assert doc.event().title == "Test event"
    added = doc.add_many([Note(text="m1"), Note(text="m2")])
    assert [n.text for n in added] == ["m1", "m2"]
    assert texts(doc.select(Note)) == ["kept", "m1", "m2"]
    assert not doc._conn.in_transaction


def test_every_value_survives_close_and_reopen(path: Path) -> None:
    doc = Document.create(path, EventBundle(event=Event(title="Persist")))
    q = doc.add(Question(text="Why?", prompt="Think", synthesis="Because"))
    g = doc.add(Group(name="Table ☕", facilitator="Bo", note_taker="Cy"))
    s = doc.add(Speaker(name="Zoë", role="Lead", organisation="NHS", kind="panellist"))
    a = doc.add(
        AgendaItem(
            title="Breakout",
            kind="breakout",
            planned_minutes=25,
            question_ids=(q.id,),
            started_at="2026-11-27T10:00:00.000Z",
        )
    )
    t = doc.add(Theme(question_id=q.id, title="Access", summary="s"))
    n = doc.add(
        Note(
            text="Line one\nline “two” — x<y & R&D 🧪",
            kind="quote",
            question_id=q.id,
            group_id=g.id,
            theme_id=t.id,
            attribution="A. Person",
            role="Nurse",
            votes=7,
            starred=True,
        )
    )
    general = doc.add(Note(text=""))
    dead = doc.delete(Note, doc.add(Note(text="gone")).id)
    event = doc.update_event(date="2026-11-27", start_time="09:30", attendee_count=40, venue="V")
    doc.close()
    assert doc.closed
    with Document.open(path) as again:
        assert again.event() == event
        assert again.get(Question, q.id) == q
        assert again.get(Group, g.id) == g
        assert again.get(Speaker, s.id) == s
        assert again.get(AgendaItem, a.id) == a
        assert again.get(Theme, t.id) == t
        assert again.get(Note, n.id) == n
        assert again.get(Note, general.id) == general
        assert again.get(Note, general.id).question_id is None
        assert again.get(Note, dead.id) == dead
        assert [x.id for x in again.select(Note)] == [n.id, general.id]


# -- the file format ---------------------------------------------------------------------------


def test_application_id_user_version_and_migrations_are_recorded(doc: Document, path: Path) -> None:
    doc.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 1
        applied = conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall()
    finally:
        conn.close()
    assert ("workshop_app", "m001_initial") in applied
    assert len(applied) == len(set(applied))
    header = path.read_bytes()[:100]
    assert header[68:72] == b"WKSP"
    assert int.from_bytes(header[60:64], "big") == SCHEMA_VERSION


def test_migrations_are_not_reapplied_on_open(doc: Document, path: Path) -> None:
    doc.close()
    for _ in range(2):
        Document.open(path).close()
    conn = sqlite3.connect(path)
    try:
        count = conn.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0]
    finally:
        conn.close()
    assert count == SCHEMA_VERSION  # one migration per version, each applied once


def test_wal_and_full_sync_are_in_force(doc: Document, path: Path) -> None:
    assert doc._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert doc._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    doc.close()
    with Document.open(path) as again:
        assert again._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again._conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert path.read_bytes()[18:20] == b"\x02\x02"  # WAL recorded in the file header


def test_a_committed_write_is_visible_to_another_connection(doc: Document, path: Path) -> None:
    note = doc.add(Note(text="durable"))
    other = sqlite3.connect(path)
    try:
        row = other.execute("SELECT text FROM note WHERE id = ?", (note.id,)).fetchone()
    finally:
        other.close()
    assert row == ("durable",)


def _set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(f"PRAGMA user_version={version}")
    finally:
        conn.close()


def test_a_newer_file_is_refused_unchanged(doc: Document, path: Path) -> None:
    add_notes(doc, "from the future")
    doc.close()
    _set_user_version(path, 99)
    conn = sqlite3.connect(path)  # still a valid database after the edit
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 99
    conn.close()
    before = digest(path)
    with pytest.raises(DocumentError, match="newer version") as caught:
        Document.open(path)
    assert path.name in str(caught.value)
    assert "99" in str(caught.value)
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_a_newer_version_waiting_in_the_wal_is_refused_too(doc: Document, path: Path) -> None:
    """The header can lag behind the WAL: the check after opening read-only must catch it."""
    doc.close()
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA user_version=99")  # committed to the WAL, not yet checkpointed
        assert int.from_bytes(path.read_bytes()[60:64], "big") == SCHEMA_VERSION
        before = digest(path)
        with pytest.raises(DocumentError, match="newer version"):
            Document.open(path)
        assert digest(path) == before
        assert not path.with_name(path.name + ".lock").exists()
    finally:
        writer.close()


def test_a_write_that_fails_says_why_and_changes_nothing(doc: Document) -> None:
    """A full disk (SQLite's page limit reached: a real SQLITE_FULL) gives a message for a
    person, writes nothing, and the document keeps working once there is room."""
    before = doc.count(Note)
    pages = doc._conn.execute("PRAGMA page_count").fetchone()[0]
    doc._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DocumentError) as info:
        doc.add(Note(text="x" * 50_000))
    assert "the disk is full" in str(info.value)
    assert "not made" in str(info.value)
    assert doc.count(Note) == before
    doc._conn.execute("PRAGMA max_page_count = 1073741823")
    doc.add(Note(text="room again"))
    assert doc.count(Note) == before + 1


# -- update_many ---------------------------------------------------------------------------


def test_update_many_writes_like_changes_together_and_reads_back(doc: Document) -> None:
    a, b, c = add_notes(doc, "a", "b", "c")
    doc.update_many(
        Note,
        {
            a.id: {"starred": True, "votes": 2},
            b.id: {"starred": True, "votes": 2},
            c.id: {"theme_id": None, "votes": 7},
        },
    )
    got = {n.text: (n.starred, n.votes) for n in doc.records(Note, [a.id, b.id, c.id])}
    assert got == {"a": (True, 2), "b": (True, 2), "c": (False, 7)}
    assert doc.field_values(Note, [a.id, c.id], ("starred", "votes")) == {
        a.id: {"starred": True, "votes": 2},
        c.id: {"starred": False, "votes": 7},
    }


def test_update_many_with_an_unknown_id_writes_nothing(doc: Document) -> None:
    (a,) = add_notes(doc, "a")
    with pytest.raises(NotFoundError):
        doc.update_many(Note, {a.id: {"votes": 3}, "no-such-note": {"votes": 3}})
    assert doc.get(Note, a.id).votes == 0
    with pytest.raises(NotFoundError):
        doc.field_values(Note, [a.id, "no-such-note"], ("votes",))
