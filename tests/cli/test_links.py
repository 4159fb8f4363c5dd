"""The lock follows the file, not its name: opened through a symlink or a hard link, every
writer is refused by every name, while readers (info, export, report) still work, see the live
notes, and never make a writer think the file is open elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.cli_helpers import assert_one_line_error, run
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentInUseError
from workshop_app.domain.records import Event, Note
from workshop_app.storage import backups
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys
from workshop_app.domain.records import Note
from workshop_app.storage.document import Document
doc = Document.open(sys.argv[1])
doc.add(Note(text="live note, confirmed as saved"))
print("ready", flush=True)
sys.stdin.readline()
doc.close()
"""


@pytest.fixture
def names(tmp_path: Path) -> dict[str, Path]:
    real = tmp_path / "real.workshop"
    Document.create(real, EventBundle(Event(title="Links"), notes=(Note(text="first"),))).close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "link.workshop").symlink_to(real)
    os.link(real, elsewhere / "hard.workshop")
    hard = elsewhere / "hard.workshop"
    return {"real": real, "symlink": tmp_path / "link.workshop", "hardlink": hard}


@pytest.fixture
def holder(request: pytest.FixtureRequest, names: dict[str, Path]) -> Iterator[Path]:
    """Another process of the user "alice" with the event open by one name, one note added."""
    held = names[request.param]
    env = dict(os.environ, PYTHONPATH=str(ROOT), LOGNAME="alice", USER="alice")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(held)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield held
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.flush()
    assert proc.wait(timeout=30) == 0


@pytest.mark.parametrize("holder", ["symlink", "hardlink", "real"], indirect=True)
def test_every_writer_is_refused_by_every_name(
    holder: Path, names: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "source.json"
    assert run(capsys, "export", names["real"], "--format", "json", "-o", source)[0] == 0
    with Document.open(names["real"], readonly=True) as reader:
        event_id = reader.event_id
    a_backup = backups.list_backups(event_id)[-1]
    other = tmp_path / "other.workshop"
    Document.create(other).close()
    for name in names.values():
        with pytest.raises(DocumentInUseError, match="opened by alice"):
            Document.open(name)  # what the window does
        with pytest.raises(DocumentInUseError):
            backups.restore_copy(a_backup, name)  # File > Restore from Backup over it
        with Document.open(other) as doc, pytest.raises(DocumentInUseError):
            doc.save_copy(name, force=True)  # File > Save a copy over it
        for args in (
            ("new", name, "--force"),
            ("import", source, "-o", name, "--force"),
            ("export", other, "--format", "json", "-o", name, "--force"),
            ("report", other, "-o", name, "--format", "html", "--force"),
        ):
            code, _out, err = run(capsys, *args)
            assert_one_line_error(code, err, "already open in Workshop, opened by alice")
    # readers work by every name, see the holder's note, and leave the lock alone
    for name in names.values():
        code, out, err = run(capsys, "info", name)
        assert (code, err) == (0, "") and "2 notes" in out, (name, out, err)
        target = tmp_path / f"{name.name}.csv"
        assert run(capsys, "export", name, "--format", "csv", "-o", target)[0] == 0
        assert "live note, confirmed as saved" in target.read_text()
        report = tmp_path / f"{name.name}.html"
        assert run(capsys, "report", name, "-o", report)[0] == 0
    with pytest.raises(DocumentInUseError):
        Document.open(names["real"])


def test_a_reader_never_makes_a_writer_think_the_file_is_open(names: dict[str, Path]) -> None:
    for name in names.values():
        with Document.open(name, readonly=True) as reader:
            with Document.open(names["real"]) as writer:  # the window opening meanwhile
                writer.add(Note(text="written while a reader reads"))
            assert reader.count(Note) >= 1
    with Document.open(names["hardlink"]) as doc:
        assert doc.count(Note) == 4
