"""Live sharing without Qt: a staged snapshot holds only what the open file lacks, and merging
it gives exactly what merging the whole snapshot gives; the watch sees new, changed, renamed
and deleted snapshots whatever their clocks say, and never temporary files."""

from __future__ import annotations

import os
from pathlib import Path

from merge_helpers import dumps, laptops, opened, seed, state

from workshop_app.domain.records import Note
from workshop_app.storage.share_watch import Watch, stage, status_text
from workshop_app.storage.snapshots import publish, snapshot_name


def test_a_staged_snapshot_merges_exactly_like_the_whole_one(tmp_path: Path) -> None:
    notes = seed(tmp_path / "seed.workshop", notes=50)
    file_a, file_b = laptops(tmp_path / "seed.workshop", 2)
    folder = tmp_path / "shared"
    folder.mkdir()
    with opened(file_a, "laptop-a") as a:
        added = a.add(Note(text="new on A"))
        a.update(Note, notes[3].id, text="typo fixed on A")
        snapshot = publish(a.path, folder, a.device_id)
    twin = tmp_path / "twin.workshop"
    with opened(file_b, "laptop-b") as b:
        b.update(Note, notes[3].id, starred=True)  # a different field of the same note
        b.save_copy(twin)
        with opened(twin, "laptop-b") as t:
            t.merge([snapshot])  # the whole snapshot, the usual way
        staged = stage(snapshot, b.path, b.event_id, tmp_path / "work")
        assert staged is not None
        assert sorted(staged.ids[Note]) == sorted([added.id, notes[3].id])  # not the 49 others
        b.merge([staged.path], checked=True)
        again = stage(snapshot, b.path, b.event_id, tmp_path / "again")
        assert again is not None  # only the note both edited differs (and merges to itself)
        assert again.ids == {Note: [notes[3].id]}
        result = b.merge([again.path], checked=True)
        assert not result.added and not result.changed
        merged = b.get(Note, notes[3].id)
        assert (merged.text, merged.starred) == ("typo fixed on A", True)
    assert dumps(state(file_b)["records"]) == dumps(state(twin)["records"])
    with opened(file_a, "laptop-a") as a:
        assert stage(snapshot, a.path, a.event_id, tmp_path / "own") is None  # all there


def test_the_watch_sees_changes_by_version_not_by_clock(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    watch = Watch(folder, "event-1", "me")
    theirs = folder / snapshot_name("event-1", "laptop-b")
    theirs.write_bytes(b"one")
    (folder / snapshot_name("event-1", "me")).write_bytes(b"mine")
    (folder / snapshot_name("event-2", "laptop-c")).write_bytes(b"another event")
    (folder / f".{theirs.name}.1234abcd.tmp").write_bytes(b"half")
    (folder / f".syncthing.{theirs.name}.tmp").write_bytes(b"half")
    (due,) = watch.due()
    assert due[0] == theirs
    watch.done(theirs.name, due[1])
    assert watch.due() == []
    assert watch.laptops() == 2
    assert watch.due(busy={theirs.name}) == []

    theirs.write_bytes(b"two, written on a laptop whose clock is years behind")
    os.utime(theirs, (0, 0))  # 1970: older than anything seen, still a new version
    assert [p for p, _ in watch.due()] == [theirs]
    watch.done(theirs.name, watch.due()[0][1])

    renamed = folder / snapshot_name("event-1", "laptop-d")
    theirs.rename(renamed)
    assert [p for p, _ in watch.due()] == [renamed]
    renamed.unlink()
    assert watch.due() == [] and watch.seen == {} and watch.laptops() == 1


def test_the_status_says_where_when_and_how_many_or_that_the_folder_is_gone() -> None:
    folder = Path("/media/stick/Room share")
    text, details = status_text(folder, missing=False, published="12:03", laptops=4)
    assert text == "Shared through “Room share” · last published 12:03 · 4 laptops"
    assert str(folder) in details
    text, details = status_text(folder, missing=True, published="12:03", laptops=4)
    assert text == "Sharing folder not found — notes are kept on this laptop"
    assert "when the folder is back" in details
