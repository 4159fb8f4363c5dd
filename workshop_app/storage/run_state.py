"""Reading and writing the run's state (Run mode): one row in the ``run_state`` table.

The row is written at each state change of the countdown (start, pause, add time, next ...),
never per tick. ``Document.run_state`` and ``Document.set_run_state`` are the public face.
"""

from __future__ import annotations

import sqlite3

from workshop_app.domain.clock import utc_now
from workshop_app.domain.run import STATUSES, RunState

_COLUMNS = ("item_id", "status", "deadline", "remaining_ms", "total_ms")


def read(conn: sqlite3.Connection) -> RunState:
    """The stored run state; a fresh one (first item, ready) when none was stored yet or the
    stored status is not one this version knows."""
    row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM run_state WHERE id = 1").fetchone()
    if row is None or row[1] not in STATUSES:
        return RunState()
    item_id, status, deadline, remaining_ms, total_ms = tuple(row)
    return RunState(
        item_id=item_id,
        status=status,
        deadline=deadline,
        remaining_ms=None if remaining_ms is None else int(remaining_ms),
        total_ms=None if total_ms is None else int(total_ms),
    )


def write(conn: sqlite3.Connection, state: RunState, device_id: str) -> None:
    """Replace the stored run state (call inside the caller's transaction)."""
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
