"""Snapshots in a shared folder: publish whole or not at all, find the others' by name, and
share once (publish, merge the others) skipping what cannot be merged."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from merge_helpers import laptops, opened, seed

from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Note
from workshop_app.storage.snapshots import others, publish, share_once, snapshot_name


def texts(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT text FROM note WHERE deleted = 0")}
    finally:
        conn.close()


def test_publish_copies_an_open_file_being_written_whole_under_one_name(tmp_path: Path) -> None:
    seed(tmp_path / "seed.workshop")
    (one,) = laptops(tmp_path / "seed.workshop", 1)
    folder = tmp_path / "shared"
    folder.mkdir()
    with opened(one, "laptop-a") as doc:
        doc.add(Note(text="typed after opening"))  # in the -wal, not yet in the main file
        path = publish(doc.path, folder, doc.device_id)
        doc.add(Note(text="typed after publishing"))
        assert path == folder / snapshot_name(doc.event_id, "laptop-a")
        assert path.name.endswith(".laptop-a.workshop-snapshot")
    assert sorted(os.listdir(folder)) == [path.name]  # no temporary, no -journal, no -wal
    assert "typed after opening" in texts(path)
    assert "typed after publishing" not in texts(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one whole file
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_missing_folder_is_said_plainly_and_leaves_nothing(tmp_path: Path) -> None:
    seed(tmp_path / "seed.workshop")
    gone = tmp_path / "usb-stick"
    with pytest.raises(DocumentError, match="not there .*USB stick"):
        publish(tmp_path / "seed.workshop", gone, "laptop-a")
    with opened(tmp_path / "seed.workshop", "laptop-a") as doc:
        with pytest.raises(DocumentError, match="not there"):
            share_once(doc, gone)
    assert not gone.exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_an_unwritable_folder_is_refused_and_the_old_snapshot_stays(tmp_path: Path) -> None:
    seed(tmp_path / "seed.workshop")
    folder = tmp_path / "shared"
    folder.mkdir()
    old = publish(tmp_path / "seed.workshop", folder, "laptop-a")
    before = old.read_bytes()
    folder.chmod(0o500)
    try:
        with pytest.raises(DocumentError, match="cannot be written|permission"):
            publish(tmp_path / "seed.workshop", folder, "laptop-a")
    finally:
        folder.chmod(0o700)
    assert os.listdir(folder) == [old.name]
    assert old.read_bytes() == before


def test_others_finds_other_laptops_snapshots_of_this_event_by_name(tmp_path: Path) -> None:
    event = "6f1c0d2e-0000-4000-8000-000000000001"
    for name in (
        snapshot_name(event, "me"),
        snapshot_name(event, "b"),
        snapshot_name(event, "c"),
        snapshot_name("another-event", "d"),
        f".{snapshot_name(event, 'b')}.1a2b3c4d.tmp",  # ours, being written
        f".syncthing.{snapshot_name(event, 'e')}.tmp",  # Syncthing, being received
        f"~syncthing~{snapshot_name(event, 'e')}.tmp",  # Syncthing on Windows
        f"{snapshot_name(event, 'f')}.part",
        f"{snapshot_name(event, 'f')}.partial",  # OneDrive
        f".{snapshot_name(event, 'g')}.~1a2b",  # Nextcloud
        f"{snapshot_name(event, 'h')}-journal",
        f"{event}.c.sync-conflict-20260101-120000-ABCDEFG.workshop-snapshot",
        "notes.txt",
    ):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / snapshot_name(event, "dir")).mkdir()
    found = [p.name for p in others(tmp_path, event, "me")]
    assert found == [
        snapshot_name(event, "b"),
        f"{event}.c.sync-conflict-20260101-120000-ABCDEFG.workshop-snapshot",
        snapshot_name(event, "c"),
    ]
    assert others(tmp_path / "missing", event, "me") == []


def test_share_once_merges_the_others_and_skips_a_cut_short_or_foreign_one(
    tmp_path: Path,
) -> None:
    seed(tmp_path / "seed.workshop")
    a, b, c = laptops(tmp_path / "seed.workshop", 3)
    folder = tmp_path / "shared"
    folder.mkdir()
    for path, device in ((b, "laptop-b"), (c, "laptop-c")):
        with opened(path, device) as doc:
            doc.add(Note(text=f"from {device}"))
            assert share_once(doc, folder).published is not None
    # A snapshot cut short in transit, under the final name of a laptop that never finished.
    with opened(a, "laptop-a") as doc:
        event = doc.event_id
    whole = (folder / snapshot_name(event, "laptop-c")).read_bytes()
    (folder / snapshot_name(event, "laptop-x")).write_bytes(whole[: len(whole) // 2])
    other = tmp_path / "other.workshop"
    seed(other)
    foreign = publish(other, tmp_path, "laptop-y")
    shutil.copyfile(foreign, folder / snapshot_name(event, "laptop-y"))

    with opened(a, "laptop-a") as doc:
        result = share_once(doc, folder)
    assert result.published == folder / snapshot_name(event, "laptop-a")
    assert result.merged.added["note"] == 2
    assert result.merged.devices == {"laptop-b", "laptop-c"}
    reasons = dict(result.skipped)
    assert set(reasons) == {snapshot_name(event, "laptop-x"), snapshot_name(event, "laptop-y")}
    assert reasons[snapshot_name(event, "laptop-x")].startswith("it is damaged")
    assert "cut short" in reasons[snapshot_name(event, "laptop-x")]
    assert reasons[snapshot_name(event, "laptop-y")] == (
        "it is a different event (not a copy of this one)"
    )
    assert {"from laptop-b", "from laptop-c"} <= texts(a)
