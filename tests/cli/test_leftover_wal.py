"""A ``-wal`` left beside a file with no writer (found by ui/shell/test_fuzz.py): readers leave
nothing new beside the file when the ``-wal`` holds nothing SQLite would read, and still read the
committed changes of one a crash left behind."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_helpers import run

from tests.storage.damaged_files import make_demo, snapshot

WAL_MAGIC = bytes.fromhex("377f0682")


@pytest.mark.parametrize("journal", ["wal", "delete"])
@pytest.mark.parametrize(
    "wal",
    [b"", b"\x00" * 10, WAL_MAGIC + bytes(4000), WAL_MAGIC + b"\xa5" * 5000],
    ids=["empty", "short", "magic-then-zeros", "magic-then-garbage"],
)
def test_readers_leave_nothing_beside_a_file_with_an_empty_or_garbage_wal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], wal: bytes, journal: str
) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir(), out.mkdir()
    doc = docs / "day.workshop"
    make_demo(doc)
    conn = sqlite3.connect(doc, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    Path(f"{doc}-wal").write_bytes(wal)
    before = snapshot(docs)
    for args in (
        ("info", doc),
        ("export", doc, "--format", "csv", "-o", out / "notes.csv"),
        ("report", doc, "-o", out / "summary.html"),
    ):
        code, _, err = run(capsys, *args)
        assert code == 0, err
        assert snapshot(docs) == before, f"{args[0]} left something beside the file"


def test_readers_still_read_what_a_crash_left_in_the_wal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live, crashed = tmp_path / "live", tmp_path / "crashed"
    live.mkdir(), crashed.mkdir()
    doc = live / "day.workshop"
    make_demo(doc)
    conn = sqlite3.connect(doc, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("UPDATE event SET title = 'Committed just before the crash'")
    for name in ("day.workshop", "day.workshop-wal"):  # what a power cut leaves on disk
        shutil.copy(live / name, crashed / name)
    conn.close()
    code, out, err = run(capsys, "info", crashed / "day.workshop")
    assert code == 0, err
    assert out.startswith("Committed just before the crash\n"), out
