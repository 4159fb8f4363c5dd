"""How records map to table rows: table names, and conversion both ways."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from typing import Any, TypeVar

from workshop_app.domain.records import (
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Record,
    Speaker,
    Theme,
)

R = TypeVar("R", bound=Record)

TABLES: dict[type[Record], str] = {
    Event: "event",
    Speaker: "speaker",
    Question: "question",
    Group: "breakout_group",
    AgendaItem: "agenda_item",
    Theme: "theme",
    Note: "note",
}
_BOOLS = {"deleted", "starred"}
_JSON_LISTS = {"question_ids"}
COLUMNS: dict[type[Record], tuple[str, ...]] = {
    kind: tuple(f.name for f in fields(kind)) for kind in TABLES
}


def to_row(record: Record, position: float) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in COLUMNS[type(record)]:
        value = getattr(record, name)
        if name in _BOOLS:
            value = int(bool(value))
        elif name in _JSON_LISTS:
            value = json.dumps(list(value))
        row[name] = value
    row["position"] = position
    return row


def from_row(kind: type[R], row: sqlite3.Row) -> R:
    values: dict[str, Any] = {}
    for name in COLUMNS[kind]:
        value = row[name]
        if name in _BOOLS:
            value = bool(value)
        elif name in _JSON_LISTS:
            value = tuple(json.loads(value))
        values[name] = value
    return kind(**values)
