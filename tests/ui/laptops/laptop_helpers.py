"""Helpers for the several-laptops tests: an event with tables, copies handed out and typed
into, and a window on the organiser's file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question
from workshop_app.storage import handout
from workshop_app.storage.document import Document

TITLE = "NHS AI strategy"


def make_event(path: Path, tables: int = 3) -> tuple[str, list[str]]:
    """An event with one question and ``tables`` tables: the question's id, the tables' ids."""
    with Document.create(path, EventBundle(event=Event(title=TITLE))) as doc:
        question = doc.add(Question(text="What would help most?"))
        groups = [doc.add(Group(name=f"Table {n}")) for n in range(1, tables + 1)]
        doc.add(Note(text="written at the front", question_id=question.id))
        return question.id, [g.id for g in groups]


def hand_out(path: Path, folder: Path) -> list[Path]:
    """One copy per table of the event at ``path`` in ``folder``."""
    folder.mkdir(exist_ok=True)
    with Document.open(path) as doc:
        tables = [(g.id, g.name) for g in doc.select(Group)]
        return doc.write_copies(folder, handout.plan(TITLE, tables))


def type_at_table(copy: Path, question_id: str, *texts: str) -> None:
    """Notes typed on a copy's laptop, for its table."""
    with Document.open(copy) as doc:
        for text in texts:
            doc.add(Note(text=text, question_id=question_id, group_id=doc.copy_table()))


def copy_device(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(
            conn.execute("SELECT value FROM file_setting WHERE key = 'device_id'").fetchone()[0]
        )
    finally:
        conn.close()


def records(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table a merge writes (tombstones, clocks and kept texts too)."""
    from workshop_app.storage.laptops import MERGED_TABLES

    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in MERGED_TABLES}
    finally:
        conn.close()
