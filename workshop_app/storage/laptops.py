"""The laptops whose notes are in a file, and the record tables as they were before a merge.

``arrivals``: which laptops wrote the notes' texts (from each note's per-field clock: the text's
own stamp, else the record's), how many, for which table, and when each last wrote one: the
status bar's "Notes from 3 laptops · Table 2 2 min ago". One GROUP BY over the notes.

``take_snapshot`` and ``restore_records``: an undo of a merge. The record tables (and the kept
texts) are copied aside with the backup API before the merge, and put back whole in one
transaction on undo; the run's state and the file's own settings are left as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from workshop_app.storage.rows import TABLES

#: The tables a merge writes.
MERGED_TABLES = (*TABLES.values(), "field_history")
_TEXT_STAMP = "COALESCE(json_extract(clock, '$.text'), json_extract(clock, '$.\"*\"'))"


@dataclass(frozen=True)
class Laptop:
    """One laptop's notes: its device id, the table most of them are for (a group id, or
    None), how many live notes, when it last wrote one (UTC, ISO 8601), and for how many
    tables (more than one: a laptop that took every table's notes, like the demo's)."""

    device_id: str
    table_id: str | None
    notes: int
    last: str
    tables: int = 1


def arrivals(conn: sqlite3.Connection) -> list[Laptop]:
    """The laptops whose notes are in the file, the latest first."""
    rows = conn.execute(
        f"SELECT json_extract(stamp, '$[1]'), group_id, COUNT(*), MAX(json_extract(stamp, '$[0]'))"
        f" FROM (SELECT {_TEXT_STAMP} AS stamp, group_id FROM note WHERE deleted = 0)"
        " GROUP BY 1, 2"
    ).fetchall()
    by_device: dict[str, tuple[dict[str | None, int], str]] = {}
    for device, group_id, count, last in rows:
        if not isinstance(device, str) or not isinstance(last, str):
            continue
        tables, newest = by_device.get(device, ({}, ""))
        tables[group_id if isinstance(group_id, str) else None] = int(count)
        by_device[device] = (tables, max(newest, last))
    laptops = [
        Laptop(
            device,
            max(tables, key=lambda t: tables[t]),
            sum(tables.values()),
            last,
            len([t for t in tables if t is not None]) or 1,
        )
        for device, (tables, last) in by_device.items()
    ]
    return sorted(laptops, key=lambda laptop: (laptop.last, laptop.device_id), reverse=True)


def take_snapshot(conn: sqlite3.Connection, target: Path) -> None:
    """A copy of the database on ``conn`` in ``target`` (backup API: a consistent copy)."""
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()


def restore_records(
    conn: sqlite3.Connection, snapshot: Path, begin: Callable[[], AbstractContextManager[object]]
) -> None:
    """Put every record table of ``snapshot`` back in place of the one on ``conn``, in one
    transaction (``begin()``, e.g. ``Document.transaction``)."""
    conn.execute("ATTACH DATABASE ? AS snapshot", (str(snapshot),))
    try:
        with begin():
            for table in MERGED_TABLES:
                conn.execute(f"DELETE FROM main.{table}")
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM snapshot.{table}")
    finally:
        conn.execute("DETACH DATABASE snapshot")
