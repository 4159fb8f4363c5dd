"""Reading and writing the run's state (Run mode): one row in the ``run_state`` table.

The row is written at each state change of the countdown (start, pause, add time, next ...),
never per tick. ``Document.run_state`` and ``Document.set_run_state`` are the public face.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from workshop_app.domain.clock import parse_utc, utc_now

if TYPE_CHECKING:  # domain.run is imported when the state is first read (the Run page, built
    # after the first frame), not to open an event: the schema check needs only the names below
    from workshop_app.domain.run import RunState

_COLUMNS = ("item_id", "status", "deadline", "remaining_ms", "total_ms")
#: The table and every column this module reads or writes (the schema check asks for them).
TABLE = "run_state"
ALL_COLUMNS = ("id", *_COLUMNS, "updated_at", "device_id")


def read(conn: sqlite3.Connection) -> RunState:
    """The stored run state; a fresh one (first item, ready) when none was stored yet, the
    stored status is not one this version knows, or a value is damaged (where the run was is
    not worth refusing a file for: the notes are what matter)."""
    from workshop_app.domain.run import RunState

    row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM run_state WHERE id = 1").fetchone()
    if row is None or not _readable(tuple(row)):
        return RunState()
    item_id, status, deadline, remaining_ms, total_ms = tuple(row)
    return RunState(
        item_id=item_id,
        status=status,
        deadline=deadline,
        remaining_ms=remaining_ms,
        total_ms=total_ms,
    )


def _readable(values: tuple[Any, ...]) -> bool:
    from workshop_app.domain.run import STATUSES

    item_id, status, deadline, remaining_ms, total_ms = values
    if not isinstance(status, str) or status not in STATUSES:
        return False
    if not all(isinstance(v, str | None) for v in (item_id, deadline)):
        return False
    if not all(v is None or (type(v) is int) for v in (remaining_ms, total_ms)):
        return False
    try:
        return deadline is None or bool(parse_utc(deadline))
    except ValueError:
        return False


def write(conn: sqlite3.Connection, state: RunState, device_id: str) -> None:
    """Replace the stored run state (call inside the caller's transaction)."""
    from workshop_app.domain.run import STATUSES

    if state.status not in STATUSES:
        raise ValueError(f"unknown run status {state.status!r}")
    values = (
        state.item_id,
        state.status,
        state.deadline,
        state.remaining_ms,
        state.total_ms,
        utc_now(),
        device_id,
    )
    conn.execute(
        f"INSERT OR REPLACE INTO run_state (id, {', '.join(_COLUMNS)}, updated_at, device_id) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?)",
        values,
    )
