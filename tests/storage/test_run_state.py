"""Run state in the document: migration 2, round trips, actual timings, and resuming after a
kill."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem, Event, Question
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.storage import backups, interchange
from workshop_app.storage.document import Document
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION

PAUSED, RUNNING = RunStatus.PAUSED, RunStatus.RUNNING

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("run_child.py")


def _bundle() -> EventBundle:
    question = Question(text="What should change?", prompt="Think of one thing.")
    return EventBundle(
        event=Event(title="Run"),
        questions=(question,),
        agenda=(
            AgendaItem(title="Welcome", kind="welcome", planned_minutes=5),
            AgendaItem(
                title="Breakout", kind="breakout", planned_minutes=20, question_ids=(question.id,)
            ),
        ),
    )


@pytest.fixture
def doc(tmp_path: Path):
    with Document.create(tmp_path / "run.workshop", _bundle()) as document:
        yield document


def test_a_new_document_has_a_fresh_run_state(doc: Document) -> None:
    assert doc.run_state() == RunState()


def test_run_state_round_trips_and_survives_reopening(doc: Document) -> None:
    item = doc.select(AgendaItem)[1]
    running = RunState(item.id, RUNNING, "2026-11-27T10:20:00.000Z", None, 1_260_000)
    doc.set_run_state(running)
    assert doc.run_state() == running
    paused = RunState(item.id, PAUSED, None, -4_500, 1_200_000)  # paused in overtime
    doc.set_run_state(paused)
    path = doc.path
    doc.close()
    with Document.open(path) as again:
        assert again.run_state() == paused
        rows = again._conn.execute("SELECT COUNT(*), MAX(device_id) FROM run_state").fetchone()
        assert tuple(rows) == (1, again.device_id)


def test_an_unknown_status_is_refused_on_write_and_ignored_on_read(doc: Document) -> None:
    with pytest.raises(ValueError):
        doc.set_run_state(RunState(status="sprinting"))
    doc._conn.execute("UPDATE run_state SET status = 'sprinting'")  # a newer app's, say
    doc.set_run_state(RunState(status="idle"))
    doc._conn.execute("UPDATE run_state SET status = 'sprinting'")
    assert doc.run_state() == RunState()


def test_actual_times_are_recorded_with_the_state_in_one_step(doc: Document) -> None:
    first, second = doc.select(AgendaItem)
    stamps = {
        first.id: {
            "started_at": "2026-11-27T10:00:00.000Z",
            "ended_at": "2026-11-27T10:06:00.000Z",
        },
        second.id: {"started_at": "2026-11-27T10:06:00.000Z", "ended_at": None},
    }
    doc.set_run_state(RunState(second.id, RUNNING, "2026-11-27T10:26:00.000Z"), stamps)
    stored = {i.id: i for i in doc.select(AgendaItem)}
    assert stored[first.id].ended_at == "2026-11-27T10:06:00.000Z"
    assert stored[second.id].started_at == "2026-11-27T10:06:00.000Z"
    assert stored[second.id].device_id == doc.device_id
    exported = json.loads(interchange.dumps(doc.bundle()))
    times = [(a["started_at"], a["ended_at"]) for a in exported["agenda"]]
    assert times == [
        ("2026-11-27T10:00:00.000Z", "2026-11-27T10:06:00.000Z"),
        ("2026-11-27T10:06:00.000Z", None),
    ]


def test_a_failed_stamp_leaves_the_state_unwritten(doc: Document) -> None:
    with pytest.raises(ValueError):
        doc.set_run_state(RunState(status=RUNNING), {doc.select(AgendaItem)[0].id: {"oops": "x"}})
    assert doc.run_state() == RunState()


def test_each_countdown_state_change_is_one_committed_write(doc: Document) -> None:
    writes: list[int] = []
    conn = doc._conn
    countdown = Countdown(doc.select(AgendaItem), persist=doc.set_run_state)
    for action in (countdown.start, countdown.pause, countdown.resume, countdown.next):
        before = conn.total_changes
        action()
        writes.append(conn.total_changes - before)
        assert doc.run_state() == countdown.state()
    assert all(n >= 1 for n in writes), writes
    assert not conn.in_transaction


# -- version 1 files -------------------------------------------------------------------------


def _write_version_1(path: Path) -> str:
    """A file as version 1 of the app wrote it: migration m001 only, user_version 1."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrations.apply(Database(conn), stop_before="m002_run_state")
        conn.execute("PRAGMA user_version=1")
        event = Event(title="Old file")
        conn.execute(
            "INSERT INTO event (id, created_at, updated_at, title) VALUES (?, ?, ?, ?)",
            (event.id, event.created_at, event.updated_at, event.title),
        )
        conn.execute(
            "INSERT INTO agenda_item (id, created_at, updated_at, title, started_at) "
            "VALUES ('a1', ?, ?, 'Talk', '2026-11-27T09:00:00.000Z')",
            (event.created_at, event.updated_at),
        )
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    return event.id


def _version_and_tables(path: Path) -> tuple[int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    return version, tables


def test_a_version_1_file_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    assert SCHEMA_VERSION >= 2  # upgraded through every later migration too
    path = tmp_path / "old.workshop"
    event_id = _write_version_1(path)
    assert _version_and_tables(path)[0] == 1
    with Document.open(path) as doc:
        assert doc.run_state() == RunState()
        assert doc.event().title == "Old file"
        assert doc.get(AgendaItem, "a1").started_at == "2026-11-27T09:00:00.000Z"
        doc.set_run_state(RunState("a1", PAUSED, None, 60_000))
        doc.backups.wait()
    version, tables = _version_and_tables(path)
    assert version == SCHEMA_VERSION and "run_state" in tables
    taken = backups.list_backups(event_id)
    assert taken, "no backup before migrating"
    first_version, first_tables = _version_and_tables(taken[0])
    assert first_version == 1 and "run_state" not in first_tables  # the file as it was
    with Document.open(path) as again:  # opening again migrates nothing more
        assert again.run_state() == RunState("a1", PAUSED, None, 60_000)


# -- killed mid-breakout -----------------------------------------------------------------------


def test_killed_mid_breakout_the_countdown_resumes_where_it_should_be(doc: Document) -> None:
    path = doc.path
    breakout = doc.select(AgendaItem)[1]
    doc.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), breakout.id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline().split()
        assert line[:1] == ["started"], child.stderr.read() if child.stderr else ""
        deadline = parse_utc(line[1])
        time.sleep(0.7)  # mid-breakout, reading the countdown in a loop
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    with Document.open(path) as again:
        state = again.run_state()
        resumed = Countdown(again.select(AgendaItem), persist=again.set_run_state, state=state)
        reading = resumed.read()
        expected = (deadline - datetime.now(UTC)).total_seconds()
        assert state.status == RUNNING and reading.item is not None
        assert reading.item.id == breakout.id
        assert abs(reading.remaining - expected) < 1.0, (reading.remaining, expected)
        assert 20 * 60 - 5 < reading.remaining < 20 * 60
        started = again.get(AgendaItem, breakout.id).started_at
        assert started is not None
        assert abs((deadline - parse_utc(started)).total_seconds() - 20 * 60) < 0.01
