"""Bulk reads and writes (storage/bulk.py): before-values grouped in SQL, grouped updates."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError, NotFoundError
from workshop_app.domain.records import Event, Note, Question, Theme
from workshop_app.storage.document import Document


@pytest.fixture
def doc(tmp_path: Path):
    question = Question(text="What works?")
    themes = (Theme(question_id=question.id, title="A"), Theme(question_id=question.id, title="B"))
    notes = tuple(
        Note(
            question_id=question.id,
            text=f"note {i}",
            theme_id=(themes[0].id, themes[1].id, None)[i % 3],
            votes=i % 2,
        )
        for i in range(1200)
    )
    bundle = EventBundle(
        event=Event(title="Bulk"), questions=(question,), themes=themes, notes=notes
    )
    document = Document.create(tmp_path / "bulk.workshop", bundle)
    yield document
    document.close()


def test_grouped_values_gathers_every_record_under_its_values(doc: Document) -> None:
    notes = doc.select(Note)
    ids = [n.id for n in notes]
    groups = doc.grouped_values(Note, ids, ("theme_id", "votes"))
    # 3 themes (two and none) x 2 vote counts: 6 groups, every id in exactly one of them.
    assert len(groups) == 6
    seen = [rid for _, members in groups for rid in members]
    assert sorted(seen) == sorted(ids)
    by_id = {n.id: n for n in notes}
    for values, members in groups:
        for rid in members:
            assert values == {"theme_id": by_id[rid].theme_id, "votes": by_id[rid].votes}


def test_grouped_values_refuses_a_missing_record(doc: Document) -> None:
    ids = [n.id for n in doc.select(Note)[:3]]
    with pytest.raises(NotFoundError, match="no-such-note"):
        doc.grouped_values(Note, [*ids, "no-such-note"], ("votes",))
    with pytest.raises(ValueError, match="no field"):
        doc.grouped_values(Note, ids, ("colour",))


def test_grouped_values_refuses_a_damaged_value(doc: Document) -> None:
    note = doc.select(Note)[0]
    doc.close()
    with sqlite3.connect(doc.path) as raw:
        raw.execute("UPDATE note SET votes = 'lots' WHERE id = ?", (note.id,))
    reopened = Document.open(doc.path)
    try:
        with pytest.raises(DocumentError, match="votes is the text “lots”"):
            reopened.grouped_values(Note, [note.id], ("votes",))
    finally:
        reopened.close()


def test_update_groups_writes_each_change_and_stamps_only_changed_fields(doc: Document) -> None:
    notes = doc.select(Note)[:4]
    target = doc.select(Theme)[0].id
    doc.update_groups(
        Note, [({"theme_id": target}, [n.id for n in notes[:2]]), ({"votes": 5}, [notes[3].id])]
    )
    after = {n.id: n for n in doc.records(Note, [n.id for n in notes])}
    assert [after[n.id].theme_id for n in notes[:2]] == [target, target]
    assert after[notes[2].id] == notes[2]
    assert after[notes[3].id].votes == 5
    with pytest.raises(NotFoundError):
        doc.update_groups(Note, [({"votes": 1}, [notes[0].id, "no-such-note"])])
    assert doc.records(Note, [notes[0].id])[0].votes == after[notes[0].id].votes
