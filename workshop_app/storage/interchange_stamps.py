"""When and where each record of an interchange JSON file last changed: optional
``created_at``, ``updated_at`` and ``device_id`` on every record, and ``clock``, the per-field
stamps (``{"*": [at, device], "text": [at, device]}``, as ``clocks`` stores them).

Export writes them, import keeps them and merge reads them (``merge_json``), so a JSON copy of a
laptop's file merges field by field exactly as the ``.workshop`` it came from. Files without
them still import (their records are new now) and merge (as older than every change).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Record
from workshop_app.storage import clocks, files, interchange
from workshop_app.storage.merge_json import UNSTAMPED, read_stamps
from workshop_app.storage.rows import TABLES

STAMP_KEYS = ("created_at", "updated_at", "device_id", "clock")


def dumps(bundle: EventBundle, source: Path) -> str:
    """``bundle`` (read from the event file ``source``) as interchange JSON with every record's
    stamps; ``clock`` is written where fields changed at different times."""
    stored = _clocks(source)
    obj = interchange.bundle_to_dict(bundle)
    records: list[tuple[dict[str, Any], Record]] = [(obj["event"], bundle.event)]
    for section in interchange.SECTIONS:
        records += zip(obj[section], getattr(bundle, section), strict=True)
    for out, record in records:
        out.update(
            created_at=record.created_at, updated_at=record.updated_at, device_id=record.device_id
        )
        stamps = clocks.decode(stored.get(record.id), record.updated_at, record.device_id)
        if stamps != {clocks.STAR: (record.updated_at, record.device_id)}:
            out["clock"] = {name: list(stamp) for name, stamp in sorted(stamps.items())}
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def _clocks(source: Path) -> dict[str, str]:
    """Every record's stored clock, by id."""
    conn = sqlite3.connect(files.readonly_uri(source), uri=True)
    try:
        found: dict[str, str] = {}
        for table in TABLES.values():
            found.update(conn.execute(f"SELECT id, clock FROM {table}").fetchall())
        return found
    finally:
        conn.close()


def parse(data: bytes, source: str) -> tuple[EventBundle, dict[str, str]]:
    """Read interchange JSON (``interchange.parse``) keeping each record's stamps: the bundle
    (records with their ``created_at``, ``updated_at`` and ``device_id`` where the file has
    them) and the clocks to store, by id. A record without a valid ``updated_at`` is new now."""
    bundle = interchange.parse(data, source=source)
    raw = json.loads(data)
    by_id = {
        record["id"]: record
        for section in interchange.SECTIONS
        for record in raw.get(section) or []
        if isinstance(record, dict) and isinstance(record.get("id"), str)
    }
    by_id[bundle.event.id] = raw["event"]
    stored: dict[str, str] = {}

    def stamped(record: Any) -> Any:
        created, updated, device, clock = read_stamps(by_id.get(record.id, {}))
        if updated == UNSTAMPED:
            return record
        if device:  # else this laptop's id is stamped on it, as on a record without stamps
            stored[record.id] = clock
        return replace(record, created_at=created, updated_at=updated, device_id=device)

    lists = {s: tuple(stamped(r) for r in getattr(bundle, s)) for s in interchange.SECTIONS}
    return EventBundle(event=stamped(bundle.event), **lists), stored
