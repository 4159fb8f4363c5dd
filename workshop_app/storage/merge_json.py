"""A JSON interchange file as a merge source: read like ``import`` (every value checked), then
written as a staged event file with each record's stamps.

A record's optional ``created_at``, ``updated_at`` and ``device_id`` (and ``clock``: the
per-field stamps, ``{"*": [at, device], "text": [at, device]}``) say when it last changed and
where. A record without them is older than any change on a laptop: its fields lose to every
stamped change, and only fill in what is missing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from workshop_app.domain.errors import DocumentError, different_event
from workshop_app.i18n import N_
from workshop_app.storage import clocks, interchange, opening
from workshop_app.storage.files import read_input

#: The stamp of a record that carries none: before any change made on a laptop.
UNSTAMPED = "1970-01-01T00:00:00.000Z"
_TABLES = {
    "event": "event",
    "speakers": "speaker",
    "questions": "question",
    "groups": "breakout_group",
    "agenda": "agenda_item",
    "themes": "theme",
    "notes": "note",
}


def stage_json(source: Path, event_id: str, staged: Path) -> None:
    data = read_input(source, N_("JSON file"))
    bundle = interchange.parse(data, source=source.name)
    if bundle.event.id != event_id:
        raise DocumentError(different_event(source.name))
    raw = json.loads(data)
    opening.write_new(staged, bundle, "")
    conn = sqlite3.connect(staged, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for section, table in _TABLES.items():
            records = [raw["event"]] if section == "event" else raw.get(section) or []
            for record in records:
                conn.execute(
                    f"UPDATE {table} SET created_at = ?, updated_at = ?, device_id = ?, "
                    "clock = ? WHERE id = ?",
                    (*read_stamps(record), record["id"]),
                )
        conn.execute("COMMIT")
    finally:
        conn.close()


def read_stamps(record: dict[str, Any]) -> tuple[str, str, str, str]:
    """created_at, updated_at, device_id and clock of one JSON record (already checked by
    ``parse`` where the format has them; ``device_id`` and ``clock`` read leniently)."""
    updated = record.get("updated_at")
    updated = updated if isinstance(updated, str) and _stamp_ok(updated) else UNSTAMPED
    created = record.get("created_at")
    created = created if isinstance(created, str) and _stamp_ok(created) else updated
    device = record.get("device_id")
    device = device if isinstance(device, str) else ""
    raw_clock = record.get("clock")
    stamps = clocks.decode(
        json.dumps(raw_clock) if isinstance(raw_clock, dict) else "", updated, device
    )
    for at, _ in stamps.values():
        if not _stamp_ok(at):
            stamps = {clocks.STAR: (updated, device)}
            break
    return created, updated, device, clocks.encode(stamps)


def _stamp_ok(text: str) -> bool:
    from workshop_app.domain.clock import parse_utc

    try:
        parse_utc(text)
    except ValueError:
        return False
    return len(text) == len(UNSTAMPED)
