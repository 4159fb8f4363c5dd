"""Merging laptops' copies of one event: field by field, tombstones, kept losing texts, and
refusals that change nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.storage.merge_helpers import laptops, opened, seed
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Event, Note
from workshop_app.storage import merge
from workshop_app.storage.document import Document
from workshop_app.storage.schema import SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_edits_of_different_fields_of_one_note_both_survive(tmp_path: Path) -> None:
    notes = seed(tmp_path / "seed.workshop")
    table, board = laptops(tmp_path / "seed.workshop", 2)
    with opened(table, "table-laptop") as doc:
        doc.update(Note, notes[0].id, text="note zero, typo fixed")
        new = doc.add(Note(text="a new idea", question_id=notes[0].question_id))
    with opened(board, "facilitator") as doc:
        doc.update(Note, notes[0].id, starred=True, votes=3)
        result = doc.merge([table])
        merged = doc.get(Note, notes[0].id)
        assert (merged.text, merged.starred, merged.votes) == ("note zero, typo fixed", True, 3)
        assert doc.get(Note, new.id).text == "a new idea"
        assert doc.conflicts() == []
    assert result.added == {"note": 1} and result.devices == {"table-laptop"}
    assert result.summary() == "+1 note from 1 laptop, 1 record updated"


def test_the_same_text_edited_twice_keeps_the_loser_in_history(tmp_path: Path) -> None:
    notes = seed(tmp_path / "seed.workshop")
    first, second = laptops(tmp_path / "seed.workshop", 2)
    with opened(first, "laptop-1") as doc:
        doc.update(Note, notes[1].id, text="first laptop's words")
    with opened(second, "laptop-2") as doc:
        doc.update(Note, notes[1].id, text="second laptop's words")  # later: it wins
        result = doc.merge([first])
        assert doc.get(Note, notes[1].id).text == "second laptop's words"
        [conflict] = doc.conflicts()
    assert (conflict.value, conflict.current, conflict.device_id) == (
        "first laptop's words",
        "second laptop's words",
        "laptop-1",
    )
    assert result.conflicts == 1 and result.summary() == "Nothing new, 1 conflict kept"
    with opened(first, "laptop-1") as doc:  # the other way round: the same outcome
        doc.merge([second])
        assert doc.get(Note, notes[1].id).text == "second laptop's words"
        assert [c.value for c in doc.conflicts()] == ["first laptop's words"]


def test_a_delete_is_not_undone_by_an_older_copy_and_merging_again_changes_nothing(
    tmp_path: Path,
) -> None:
    notes = seed(tmp_path / "seed.workshop")
    old, current = laptops(tmp_path / "seed.workshop", 2)
    with opened(current, "laptop-2") as doc:
        doc.delete(Note, notes[2].id)
        doc.merge([old])
        assert doc.get(Note, notes[2].id).deleted
    before = digest(current)
    with opened(current, "laptop-2") as doc:
        again = doc.merge([old, old])
    assert again.summary() == "Nothing new" and digest(current) == before


def test_a_foreign_newer_or_damaged_file_refuses_the_whole_merge(tmp_path: Path) -> None:
    seed(tmp_path / "seed.workshop")
    into, good = laptops(tmp_path / "seed.workshop", 2)
    with opened(good, "laptop-2") as doc:
        doc.add(Note(text="would come in"))
    foreign = tmp_path / "foreign.workshop"
    Document.create(foreign, EventBundle(event=Event(title="Another day"))).close()
    newer = tmp_path / "newer.workshop"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    damaged = tmp_path / "damaged.workshop"
    shutil.copyfile(good, damaged)
    conn = sqlite3.connect(damaged)
    conn.execute("UPDATE note SET text = x'fffe' WHERE text = 'would come in'")
    conn.commit()
    conn.close()
    before = digest(into)
    for bad, words in (
        (foreign, "“foreign.workshop” is a different event"),
        (newer, "“newer.workshop” was saved by a newer version of Workshop"),
        (damaged, "“damaged.workshop” is damaged"),
        (tmp_path / "missing.workshop", "missing.workshop"),
    ):
        with opened(into, "laptop-1") as doc, pytest.raises(DocumentError) as caught:
            doc.merge([good, bad])
        assert words in str(caught.value)
        with Document.open(into, readonly=True) as doc:
            assert "would come in" not in [n.text for n in doc.select(Note)]
    assert digest(into) == before


def test_a_preview_counts_without_changing_the_file(tmp_path: Path) -> None:
    seed(tmp_path / "seed.workshop")
    into, other = laptops(tmp_path / "seed.workshop", 2)
    with opened(other, "laptop-2") as doc:
        doc.add_many([Note(text="a"), Note(text="b")])
    before = digest(into)
    assert merge.preview(into, [other]).summary() == "+2 notes from 1 laptop"
    assert digest(into) == before


def test_an_interchange_json_merges_too_with_its_optional_stamps(tmp_path: Path) -> None:
    import json

    from workshop_app.storage import interchange

    notes = seed(tmp_path / "seed.workshop")
    into, other = laptops(tmp_path / "seed.workshop", 2)
    with opened(other, "laptop-2") as doc:
        added = doc.add(Note(text="typed on laptop 2"))
        bundle = doc.bundle()
    data = json.loads(interchange.dumps(bundle))  # a version 1 file: notes carry times only
    for note in data["notes"]:
        if note["id"] == notes[0].id:  # a laptop's stamp for one field, newer than anything
            note.update(
                device_id="laptop-2",
                text="edited elsewhere",
                clock={
                    "*": [note["created_at"], ""],
                    "text": ["2999-01-01T00:00:00.000Z", "laptop-2"],
                },
            )
    data["event"]["title"] = "An unstamped title loses to every stamped change"
    source = tmp_path / "laptop2.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    with opened(into, "laptop-1") as doc:
        doc.update_event(title="Day, retitled")
        result = doc.merge([source])
        assert doc.get(Note, added.id).text == "typed on laptop 2"
        assert doc.get(Note, notes[0].id).text == "edited elsewhere"
        assert doc.event().title == "Day, retitled"
    assert result.added == {"note": 1}

    data["event"]["id"] = "another-event"
    source.write_text(json.dumps(data), encoding="utf-8")
    before = digest(into)
    with opened(into, "laptop-1") as doc, pytest.raises(DocumentError) as caught:
        doc.merge([source])
    assert "“laptop2.json” is a different event" in str(caught.value)
    assert digest(into) == before


def test_a_source_whose_rows_fail_while_it_merges_is_refused_and_the_others_still_merge(
    tmp_path: Path,
) -> None:
    """A source's slow checks (integrity_check, every row) run while it merges; the merge
    commits only once they pass. A row found unreadable then rolls the whole merge back, and
    with a ``refused`` list the merge is made again without that source."""
    seed(tmp_path / "seed.workshop")
    into, good, bad = laptops(tmp_path / "seed.workshop", 3)
    with opened(good, "laptop-2") as doc:
        doc.add(Note(text="from the good laptop"))
    with opened(bad, "laptop-3") as doc:
        doc.add_many([Note(text=f"bad laptop note {i}") for i in range(50)])
    conn = sqlite3.connect(bad)
    conn.execute("UPDATE note SET votes = -4 WHERE text = 'bad laptop note 49'")
    conn.commit()
    conn.close()
    before = digest(into)
    with opened(into, "laptop-1") as doc, pytest.raises(DocumentError) as caught:
        doc.merge([good, bad])
    assert "“laptop2.workshop” is damaged: 1 of its records cannot be read" in str(caught.value)
    assert digest(into) == before
    refused: list[tuple[Path, str]] = []
    with opened(into, "laptop-1") as doc:
        result = doc.merge([bad, good], refused=refused)
        texts = [n.text for n in doc.select(Note)]
    assert [(path.name, "cannot be read" in why) for path, why in refused] == [
        ("laptop2.workshop", True)
    ]
    assert result.summary() == "+1 note from 1 laptop"
    assert "from the good laptop" in texts
    assert not any(t.startswith("bad laptop note") for t in texts)


def test_an_empty_text_that_loses_is_not_kept_as_a_conflict() -> None:
    """Nothing typed is lost when an empty text loses, so nothing is kept: a venue filled in on
    one laptop is not a conflict with the other laptop's empty one, whatever the stamps."""
    from workshop_app.domain.records import Event

    mine = {
        "id": "e",
        "created_at": "2026-01-01T10:00:00.000Z",
        "updated_at": "2026-01-01T10:00:00.001Z",
        "device_id": "a",
        "clock": None,
        "position": 0,
    }
    theirs = {**mine, "updated_at": "2026-01-01T11:00:00.000Z", "device_id": "b"}
    from workshop_app.storage.rows import COLUMNS

    for name in COLUMNS[Event]:
        mine.setdefault(name, "")
        theirs.setdefault(name, "")
    theirs["venue"] = "Hall B"
    merged, _, losers = merge.merge_rows(Event, mine, theirs)
    assert merged["venue"] == "Hall B"
    assert losers == []
