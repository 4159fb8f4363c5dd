"""The texts that lost a merge: when one field of a record was edited on two laptops, the
newer edit wins and the other is kept in ``field_history`` (nothing is ever lost). The GUI's
Conflicts view lists them."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from workshop_app.domain.records import Record
from workshop_app.storage.rows import NAMES, TABLES

#: Fields whose losing values are kept: words a person typed.
TEXT_FIELDS = frozenset(
    {
        "title", "venue", "organiser", "summary", "name", "role", "organisation", "text",
        "prompt", "synthesis", "facilitator", "note_taker", "attribution",
    }
)  # fmt: skip
#: A record kind by the name ``field_history`` stores.
KINDS: dict[str, type[Record]] = {NAMES[kind]: kind for kind in TABLES}


@dataclass(frozen=True)
class Conflict:
    """One losing text: which record and field, the text kept, when and where it was written,
    and the text that won (the record's text now)."""

    kind: str
    record_id: str
    field: str
    value: str
    updated_at: str
    device_id: str
    current: str


def listed(conn: sqlite3.Connection) -> list[Conflict]:
    found = []
    rows = conn.execute(
        "SELECT record_kind, record_id, field, value, updated_at, device_id FROM field_history "
        "ORDER BY updated_at DESC, record_id, field"
    ).fetchall()
    for kind, record_id, field, value, updated_at, device_id in rows:
        table = TABLES.get(KINDS.get(kind, Record))
        if table is None or field not in TEXT_FIELDS:
            continue
        try:
            now = conn.execute(f"SELECT {field} FROM {table} WHERE id = ?", (record_id,)).fetchone()
        except sqlite3.OperationalError:  # a field this kind has not
            continue
        if now is None or now[0] == value:
            continue
        found.append(Conflict(kind, record_id, field, value, updated_at, device_id, now[0]))
    return found


def keep(
    conn: sqlite3.Connection,
    kind: str,
    record_id: str,
    field: str,
    value: str,
    stamp: tuple[str, str],
) -> None:
    """Keep ``value`` (a text about to be replaced by a kept one) in ``field_history``."""
    conn.execute(
        "INSERT INTO field_history VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record_id, field, value) "
        "DO UPDATE SET updated_at = excluded.updated_at, device_id = excluded.device_id",
        (kind, record_id, field, value, *stamp),
    )
