"""Laptops for merge tests: copies of one event file, each opened with its own device id."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question
from workshop_app.storage.document import Document
from workshop_app.storage.rows import COLUMNS, TABLES


def seed(path: Path, notes: int = 3) -> list[Note]:
    """An event with one question, one table and ``notes`` notes; the notes, as stored."""
    with Document.create(path, EventBundle(event=Event(title="Day"))) as doc:
        question = doc.add(Question(text="What next?"))
        group = doc.add(Group(name="Table 1"))
        return [
            doc.add(Note(text=f"note {i}", question_id=question.id, group_id=group.id))
            for i in range(notes)
        ]


def laptops(seed_path: Path, count: int) -> list[Path]:
    """``count`` copies of the seed file (a file handed to each table)."""
    copies = []
    for i in range(count):
        copy = seed_path.with_name(f"laptop{i}.workshop")
        shutil.copyfile(seed_path, copy)
        copies.append(copy)
    return copies


def opened(path: Path, device: str) -> Document:
    doc = Document.open(path)
    doc.device_id = device
    return doc


def state(path: Path) -> dict[str, Any]:
    """Every record (tombstones too) field by field with its expanded clock, and the kept
    texts: what must be equal whichever order files were merged in."""
    from workshop_app.storage import clocks

    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        records: dict[str, Any] = {}
        for kind, table in TABLES.items():
            names = tuple(
                n
                for n in (*COLUMNS[kind], "position")
                if n not in ("id", "created_at", "updated_at", "device_id")
            )
            for row in conn.execute(f"SELECT * FROM {table}"):
                stamps = clocks.expand(
                    clocks.decode(row["clock"], row["updated_at"], row["device_id"]), names
                )
                records[row["id"]] = {n: (row[n], stamps[n]) for n in names}
        history = sorted(  # the kept texts that differ from the record's text now
            tuple(r)
            for r in conn.execute("SELECT * FROM field_history")
            if records[r["record_id"]][r["field"]][0] != r["value"]
        )
        return {"records": records, "history": history}
    finally:
        conn.close()


def dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
