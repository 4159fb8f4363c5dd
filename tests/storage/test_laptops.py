"""Which laptops' notes a file holds (the status bar), a merge undone from a snapshot, and a
kept text put back (the Conflicts view), without Qt."""

from __future__ import annotations

from pathlib import Path

from merge_helpers import laptops, opened, seed, state

from workshop_app.domain.records import Group, Note
from workshop_app.domain.run import RunState
from workshop_app.storage.document import Document


def test_arrivals_name_each_laptop_by_its_table_and_its_latest_note(tmp_path: Path) -> None:
    notes = seed(tmp_path / "day.workshop", notes=2)
    a, b = laptops(tmp_path / "day.workshop", 2)
    with opened(a, "laptop-a") as doc:
        table2 = doc.add(Group(name="Table 2"))
        doc.add(Note(text="a1", group_id=table2.id))
        doc.add(Note(text="a2", group_id=table2.id))
        doc.add(Note(text="a3", group_id=notes[0].group_id))
    with opened(b, "laptop-b") as doc:
        doc.update(Note, notes[0].id, starred=True)  # a star is not a note written
        last = doc.add(Note(text="b1", group_id=notes[0].group_id))
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.merge([a, b])
        found = doc.laptops()
    assert [laptop.device_id for laptop in found][:2] == ["laptop-b", "laptop-a"]
    by_device = {laptop.device_id: laptop for laptop in found}
    assert by_device["laptop-a"].table_id == table2.id and by_device["laptop-a"].notes == 3
    assert by_device["laptop-b"].notes == 1 and by_device["laptop-b"].last == last.updated_at
    assert sum(laptop.notes for laptop in found) == 2 + 4  # the seed's notes, by their writer


def test_restore_records_undoes_a_merge_and_leaves_the_run_alone(tmp_path: Path) -> None:
    notes = seed(tmp_path / "day.workshop")
    (other,) = laptops(tmp_path / "day.workshop", 1)
    with opened(other, "laptop-a") as doc:
        doc.add(Note(text="new at the table"))
        doc.update(Note, notes[1].id, text="fixed typo")
    before = state(tmp_path / "day.workshop")
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.snapshot_records(tmp_path / "before.db")
        doc.merge([other])
        doc.snapshot_records(tmp_path / "after.db")
        doc.set_run_state(RunState(status="running", deadline="2030-01-01T10:00:00.000Z"))
        doc.restore_records(tmp_path / "before.db")
        assert doc.count(Note) == 3 and doc.get(Note, notes[1].id).text == "note 1"
        assert doc.run_state().status == "running"  # not a record: not rewound
    assert state(tmp_path / "day.workshop") == before
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.restore_records(tmp_path / "after.db")  # redo
        assert doc.count(Note) == 4 and doc.get(Note, notes[1].id).text == "fixed typo"


def test_putting_a_kept_text_back_keeps_the_one_it_replaces(tmp_path: Path) -> None:
    notes = seed(tmp_path / "day.workshop")
    a, b = laptops(tmp_path / "day.workshop", 2)
    with opened(a, "laptop-a") as doc:
        doc.update(Note, notes[0].id, text="the facilitator's words")
    with opened(b, "laptop-b") as doc:
        doc.update(Note, notes[0].id, text="the note-taker's words")
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.merge([a, b])
        (conflict,) = doc.conflicts()
        assert conflict.current == "the note-taker's words"
        assert conflict.value == "the facilitator's words" and conflict.device_id == "laptop-a"
        doc.put_back(Note, conflict.record_id, conflict.field, conflict.value)
        assert doc.get(Note, notes[0].id).text == "the facilitator's words"
        (swapped,) = doc.conflicts()
        assert swapped.value == "the note-taker's words" and swapped.device_id == "laptop-b"
