"""An event's time zone and attendance: the laptop's zone for a new event, migration m003 of an
older file (backed up first), and the optional JSON fields with their messages."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest
from interchange_samples import sample
from sqlite_utils import Database

from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.records import Event
from workshop_app.storage import backups, device
from workshop_app.storage.document import Document
from workshop_app.storage.interchange import dumps, parse
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from workshop_app.storage.templates import create_from_template


def _write_version_2(path: Path) -> str:
    """A file as version 2 of the app wrote it: no time zone, no attendance."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrations.apply(Database(conn), stop_before="m003_event_timezone_attendance")
        conn.execute("PRAGMA user_version=2")
        event = Event(title="Old file", attendee_count=40)
        conn.execute(
            "INSERT INTO event (id, created_at, updated_at, title, attendee_count) "
            "VALUES (?, ?, ?, ?, ?)",
            (event.id, event.created_at, event.updated_at, event.title, 40),
        )
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    return event.id


def _columns(path: Path) -> tuple[int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(event)")}
    finally:
        conn.close()
    return version, columns


def test_a_version_2_file_is_backed_up_then_given_a_zone_and_attendance(tmp_path: Path) -> None:
    path = tmp_path / "old.workshop"
    event_id = _write_version_2(path)
    with Document.open(path) as doc:
        event = doc.event()
        assert (event.title, event.attendee_count) == ("Old file", 40)
        assert (event.timezone, event.attendance) == ("UTC", None)  # as its report said
        doc.update_event(timezone="Europe/London", attendance=37)
        doc.backups.wait()
    version, columns = _columns(path)
    assert version == SCHEMA_VERSION >= 3 and {"timezone", "attendance"} <= columns
    taken = backups.list_backups(event_id)
    assert taken, "no backup before migrating"
    first_version, first_columns = _columns(taken[0])
    assert first_version == 2 and "timezone" not in first_columns  # the file as it was
    with Document.open(path) as again:
        assert (again.event().timezone, again.event().attendance) == ("Europe/London", 37)


def test_a_new_event_takes_the_laptops_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    with create_from_template(tmp_path / "a.workshop", "retrospective") as doc:
        assert doc.event().timezone == "Asia/Kolkata"
    with Document.create(tmp_path / "b.workshop") as doc:
        assert doc.event().timezone == "Asia/Kolkata"


def test_the_laptops_zone_is_found_from_tz_the_localtime_link_or_etc_timezone(
    tmp_path: Path,
) -> None:
    link = tmp_path / "localtime"
    link.symlink_to("../usr/share/zoneinfo/America/New_York")
    named = tmp_path / "timezone"
    named.write_text("Europe/Paris\n", encoding="utf-8")
    missing = tmp_path / "nothing"
    assert device.zone_name({"TZ": ":Asia/Tokyo"}, link, named) == "Asia/Tokyo"
    assert device.zone_name({"TZ": "GMT0BST"}, link, named) == "America/New_York"  # POSIX rule
    assert device.zone_name({}, missing, named) == "Europe/Paris"
    assert device.zone_name({}, missing, missing) == "UTC"


def test_json_carries_the_zone_and_attendance_and_old_json_reads_as_utc() -> None:
    obj = sample()
    bundle = parse(json.dumps(obj))
    assert (bundle.event.timezone, bundle.event.attendance) == ("Europe/London", 37)
    assert json.loads(dumps(bundle))["event"] == obj["event"]
    old = copy.deepcopy(obj)
    del old["event"]["timezone"], old["event"]["attendance"]
    event = parse(json.dumps(old)).event
    assert (event.timezone, event.attendance) == ("UTC", None)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("timezone", "Mars/Olympus_Mons", "event.timezone: “Mars/Olympus_Mons” is not a time zone"),
        ("timezone", "../../etc/passwd", "is not a time zone this computer knows"),
        ("timezone", "", "event.timezone: a time zone is needed, such as Europe/London"),
        ("timezone", 1, "event.timezone: expected text, got number"),
        ("attendance", -3, "event.attendance: -3 is negative"),
        ("attendance", "40", "event.attendance: expected a whole number, got text"),
    ],
)
def test_a_bad_zone_or_attendance_is_named_by_its_path(
    field: str, value: object, message: str
) -> None:
    obj = sample()
    obj["event"][field] = value
    with pytest.raises(InterchangeError) as caught:
        parse(json.dumps(obj))
    assert any(message in problem for problem in caught.value.problems), caught.value.problems
