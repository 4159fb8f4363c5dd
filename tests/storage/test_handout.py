"""Handing out copies (issue 12, item 3): one file per table, each its own laptop, written all
or nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError
from workshop_app.domain.records import Event, Group, Note, Question
from workshop_app.storage import handout
from workshop_app.storage.device import device_id as this_device
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]


def _event(path: Path, tables: int = 3, notes: int = 2) -> Document:
    doc = Document.create(path, EventBundle(event=Event(title="NHS AI strategy: day 1")))
    question = doc.add(Question(text="What next?"))
    groups = [doc.add(Group(name=f"Table {n}")) for n in range(1, tables + 1)]
    for i in range(notes):
        doc.add(Note(text=f"seed {i}", question_id=question.id, group_id=groups[0].id))
    return doc


def test_one_copy_per_table_named_for_a_person_each_its_own_laptop(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with _event(tmp_path / "day.workshop") as doc:
        groups = doc.select(Group)
        copies = handout.plan(doc.event().title, [(g.id, g.name) for g in groups])
        written = doc.write_copies(stick, copies)
        organiser = doc.device_id
    assert [p.name for p in written] == [
        f"NHS AI strategy - day 1 – Table {n}.workshop" for n in (1, 2, 3)
    ]
    assert sorted(os.listdir(stick)) == sorted(p.name for p in written)  # nothing else
    devices = set()
    for path, group in zip(written, groups, strict=True):
        with Document.open(path) as copy:
            assert copy.handed_out and copy.copy_table() == group.id
            assert copy.count(Note) == 2  # the whole event
            devices.add(copy.device_id)
            note = copy.add(Note(text="typed at the table", group_id=group.id))
            assert copy.get(Note, note.id).device_id == copy.device_id
    assert len(devices) == 3 and organiser not in devices and this_device() not in devices


def test_two_copies_of_one_file_on_one_laptop_merge_as_two_laptops(tmp_path: Path) -> None:
    with _event(tmp_path / "day.workshop", tables=2) as doc:
        groups = doc.select(Group)
        a, b = doc.write_copies(tmp_path, handout.plan("Day", [(g.id, g.name) for g in groups]))
    for path, text in ((a, "from A"), (b, "from B")):
        with Document.open(path) as copy:
            copy.add(Note(text=text, group_id=copy.copy_table()))
    with Document.open(tmp_path / "day.workshop") as doc:
        result = doc.merge([a, b])
        assert result.added["note"] == 2 and len(result.devices) == 2
        assert doc.device_id == this_device() and not doc.handed_out  # the organiser's own


def test_n_copies_ask_for_their_table_and_keep_it_in_the_file(tmp_path: Path) -> None:
    with _event(tmp_path / "day.workshop") as doc:
        written = doc.write_copies(tmp_path, handout.plan("Day", count=2))
        table = doc.select(Group)[1].id
    assert [p.name for p in written] == ["Day – Laptop 1.workshop", "Day – Laptop 2.workshop"]
    with Document.open(written[0]) as copy:
        assert copy.handed_out and copy.copy_table() is None
        copy.set_copy_table(table)
    with Document.open(written[0]) as copy:
        assert copy.copy_table() == table
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.set_copy_table(table)  # not a copy: no setting is made
        assert doc.copy_table() is None


def test_tables_of_one_name_get_two_files(tmp_path: Path) -> None:
    names = [c.name for c in handout.plan("A/B", [("1", "Red"), ("2", "red"), ("3", "")])]
    assert names == ["A - B – Red.workshop", "A - B – red (2).workshop",
                     "A - B – Unnamed table.workshop"]  # fmt: skip


def test_an_existing_copy_is_never_written_over(tmp_path: Path) -> None:
    with _event(tmp_path / "day.workshop") as doc:
        copies = handout.plan("Day", [(g.id, g.name) for g in doc.select(Group)])
        (tmp_path / copies[1].name).write_text("notes typed at table 2")
        with pytest.raises(DocumentError, match="never written over.*Nothing was written"):
            doc.write_copies(tmp_path, copies)
    assert (tmp_path / copies[1].name).read_text() == "notes typed at table 2"
    assert not (tmp_path / copies[0].name).exists()


def test_a_pulled_stick_says_so(tmp_path: Path) -> None:
    with (
        _event(tmp_path / "day.workshop") as doc,
        pytest.raises(DocumentError, match="not there.*USB stick"),
    ):
        doc.write_copies(tmp_path / "gone", handout.plan("Day", count=2))


FULL_DISK = """
import resource, signal, sys
from pathlib import Path
from workshop_app.domain.errors import DocumentError
from workshop_app.storage import handout
from workshop_app.storage.document import Document
doc = Document.open(sys.argv[1])
copies = handout.plan("Day", count=5)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[3]), resource.RLIM_INFINITY))
try:
    doc.write_copies(Path(sys.argv[2]), copies)
except DocumentError as exc:
    print(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_leaves_nothing_half_written(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes a write past the limit fail as a full disk would: here the event is
    bigger than the limit, so the first copy cannot be finished."""
    with _event(tmp_path / "day.workshop", notes=600):
        pass
    size = (tmp_path / "day.workshop").stat().st_size
    out = tmp_path / "stick"
    out.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", FULL_DISK, tmp_path / "day.workshop", out, str(size // 2)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.stderr == ""
    assert "could not be written" in result.stdout and "Nothing was written" in result.stdout
    assert "the disk" in result.stdout and "Errno" not in result.stdout
    assert list(out.iterdir()) == []


def test_a_copy_is_one_whole_file_that_passes_integrity_check(tmp_path: Path) -> None:
    with _event(tmp_path / "day.workshop") as doc:
        (path,) = doc.write_copies(tmp_path / ".", handout.plan("Day", [("x", "T")]))
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("Day")) == [path.name]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
