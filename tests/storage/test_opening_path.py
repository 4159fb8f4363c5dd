"""Opening a file has one path (docs/architecture.md, "Opening a file"): every refusal of
opening and every clean-up beside the file is written in one place, and the walk that
``opening``'s docstring gives, step by step, names functions that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workshop_app.storage import files, inspection, opening

PACKAGE = Path(__file__).resolve().parents[2] / "workshop_app"

#: What must be written once in the modules a file is opened, created or copied by: the
#: refusals of opening, the removal of a replaced file's -wal/-shm/-journal, the clean-up of a
#: new file's temporary.
WRITTEN_ONCE = {
    "the foreign-database refusal": r"is a database made by another program",
    "the newer-format refusal": r"was saved by a newer version of Workshop",
    "the read-only-file refusal": r"cannot be opened for editing",
    "the empty-file refusal": r"is empty: it is not a workshop document",
    "a new file's failed write": r"Could not write “\{name\}”: \{reason\}\. Nothing was written",
    "a replaced file's side files": r"side_files\(\w+\), \w+\.with_name\(",
    "a new file's temporary": r"for \w+ in \(tmp, tmp\.with_name\(",
    "reading the application_id from the header": r"header\[68:72\]",
}


OPENING = ("document*.py", "opening.py", "inspection.py", "new_file.py", "files.py", "locks.py")


def _sources() -> str:
    storage = PACKAGE / "storage"
    paths = sorted({path for pattern in OPENING for path in storage.glob(pattern)})
    return "\n".join(path.read_text(encoding="utf-8") for path in paths)


@pytest.mark.parametrize("what", WRITTEN_ONCE)
def test_written_once(what: str) -> None:
    found = len(re.findall(WRITTEN_ONCE[what], _sources()))
    assert found == 1, f"{what} is written {found} times in the opening modules"


def test_the_walk_of_opening_names_what_exists() -> None:
    """The walk has its seven steps, and every function a step names exists."""
    doc = opening.__doc__ or ""
    walk = doc[doc.index("1. ") : doc.index("Opening for reading")]
    assert re.findall(r"^(\d)\. ", walk, re.M) == [str(n) for n in range(1, 8)]
    modules = {"inspection": inspection, "files": files, "opening": opening}
    named = re.findall(r"``(?:(\w+)\.)?(\w+)``", walk)
    assert len(named) >= 7
    for module, name in named:
        assert hasattr(modules[module or "opening"], name), f"{module or 'opening'}.{name}"


def test_opening_for_reading_takes_no_lock_and_writes_nothing_beside_the_file(
    tmp_path: Path,
) -> None:
    from workshop_app.storage.document import Document

    path = tmp_path / "day.workshop"
    Document.create(path).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    with Document.open(path) as writer:  # the app has it open meanwhile
        opened = opening.open_for_reading(path)
        try:
            assert opened.lock is None and opened.readonly and not opened.set_aside
            assert opened.conn.execute("SELECT count(*) FROM event").fetchone()[0] == 1
        finally:
            opened.close()
        assert not writer.readonly
    assert sorted(p.name for p in tmp_path.iterdir()) == before
