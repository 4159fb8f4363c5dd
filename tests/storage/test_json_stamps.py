"""A JSON copy of a laptop's file merges exactly like the file: export writes every record's
``created_at``, ``updated_at``, ``device_id`` and per-field ``clock``; merge and import read them
back. (Tombstones are not exported, so the laptops here delete nothing.)"""

from __future__ import annotations

import shutil
from pathlib import Path

from merge_helpers import dumps, laptops, opened, seed, state

from workshop_app.domain.records import Group, Note, Question, Theme
from workshop_app.storage import interchange, interchange_stamps
from workshop_app.storage.document import Document


def two_laptops(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The organiser's laptop and a table's, having edited the same notes; the table's file
    exported as JSON."""
    notes = seed(tmp_path / "seed.workshop", notes=4)
    into, table = laptops(tmp_path / "seed.workshop", 2)
    with opened(into, "laptop-a") as doc:  # the facilitator on the Board
        theme = doc.add(Theme(title="Access", question_id=notes[0].question_id))
        doc.update(Note, notes[0].id, theme_id=theme.id, votes=3, starred=True)
        doc.update(Note, notes[1].id, text="note 1, as the board wrote it")
        doc.add(Note(text="a sticky from the wall"))
    with opened(table, "laptop-b") as doc:  # the table's note-taker
        doc.update(Note, notes[0].id, text="note 0, typo fixed")
        doc.update(Note, notes[1].id, text="note 1, as the table wrote it")
        doc.update(Group, doc.select(Group)[0].id, name="Table 1 (window)", facilitator="Ana")
        doc.update(Question, notes[0].question_id, synthesis="People want fewer logins.")
        doc.add_many([Note(text=f"table idea {i}", votes=i) for i in range(3)])
        doc.update_event(venue="Hall B")
        exported = tmp_path / "table.json"
        exported.write_text(interchange_stamps.dumps(doc.bundle(), table), encoding="utf-8")
    return into, table, exported


def merged(into: Path, source: Path, name: str) -> str:
    copy = into.with_name(name)
    shutil.copyfile(into, copy)
    with opened(copy, "laptop-a") as doc:
        doc.merge([source])
    return dumps(state(copy))


def test_a_json_copy_merges_field_by_field_like_the_file_it_came_from(tmp_path: Path) -> None:
    into, table, exported = two_laptops(tmp_path)
    via_file = merged(into, table, "via-file.workshop")
    assert merged(into, exported, "via-json.workshop") == via_file
    # Import keeps the stamps too: the imported file merges as the original does.
    bundle, stamps = interchange_stamps.parse(exported.read_bytes(), exported.name)
    Document.create(tmp_path / "imported.workshop", bundle, stamps=stamps).close()
    assert merged(into, tmp_path / "imported.workshop", "via-import.workshop") == via_file
    with Document.open(tmp_path / "via-json.workshop", readonly=True) as doc:
        texts = {note.text for note in doc.select(Note)}
        assert {"note 0, typo fixed", "note 1, as the table wrote it"} <= texts
        assert [c.value for c in doc.conflicts()] == ["note 1, as the board wrote it"]


def test_older_json_without_stamps_still_imports(tmp_path: Path) -> None:
    _, _, exported = two_laptops(tmp_path)
    plain = interchange.dumps(interchange.parse(exported.read_bytes()))  # no stamps but notes'
    bundle, stamps = interchange_stamps.parse(plain.encode(), "plain.json")
    assert stamps == {}  # no device ids, no clocks: stamped as new on this laptop
    Document.create(tmp_path / "plain.workshop", bundle, stamps=stamps).close()
    with Document.open(tmp_path / "plain.workshop", readonly=True) as doc:
        assert doc.event().venue == "Hall B" and doc.event().device_id == doc.device_id
        times = {n.id: n.updated_at for n in bundle.notes}
        assert {n.id: n.updated_at for n in doc.select(Note)} == times  # notes keep their times
