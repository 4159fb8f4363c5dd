"""Files that must be refused, unchanged: empty, foreign, corrupt, truncated, missing, in use."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentError, DocumentInUseError
from workshop_app.domain.records import Event, Note
from workshop_app.storage import files, locks
from workshop_app.storage.document import Document
from workshop_app.storage.files import FileLock

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of ``folder`` with a hash of its bytes (folders marked as such)."""
    result = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            result[entry.name] = "<dir>"
        else:
            result[entry.name] = hashlib.sha256(entry.read_bytes()).hexdigest()
    return result


def make_document(path: Path, notes: int = 300) -> None:
    bundle = EventBundle(
        event=Event(title="Refusals"),
        notes=tuple(Note(text=f"note {i}: " + "words " * 30) for i in range(notes)),
    )
    Document.create(path, bundle).close()


def quick_check(path: Path) -> str:
    """quick_check straight from SQLite (immutable: nothing written beside the file)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA quick_check"))
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


# -- each bad file is built by one of these -------------------------------------------------


def empty(path: Path) -> None:
    path.write_bytes(b"")


def text_file(path: Path) -> None:
    path.write_text("Agenda\n09:30 Welcome\n" * 50, encoding="utf-8")


def foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE event (id TEXT PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO event VALUES ('x', 'Not ours')")
    conn.commit()
    conn.close()


def garbage_pages(path: Path) -> None:
    make_document(path)
    size = path.stat().st_size
    assert size // PAGE > 30, "the document must be big enough to damage its middle"
    rng = random.Random(20261127)
    data = bytearray(path.read_bytes())
    for page in range(10, 16):  # whole pages well after the header and the schema page
        data[page * PAGE : (page + 1) * PAGE] = rng.randbytes(PAGE)
    path.write_bytes(bytes(data))
    assert path.stat().st_size == size
    assert quick_check(path) != "ok"


def truncated(path: Path) -> None:
    make_document(path)
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2 + 1000)


def short_header(path: Path) -> None:
    make_document(path, notes=0)
    with open(path, "r+b") as handle:
        handle.truncate(60)


def directory(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("keep me", encoding="utf-8")


def missing(path: Path) -> None:
    pass


BAD_FILES: dict[str, Callable[[Path], None]] = {
    "empty": empty,
    "text": text_file,
    "foreign": foreign_database,
    "garbage": garbage_pages,
    "truncated": truncated,
    "short-header": short_header,
    "directory": directory,
    "missing": missing,
}


@pytest.mark.parametrize("maker", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_are_refused_unchanged(tmp_path: Path, maker: Callable[[Path], None]) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "bad event.workshop"
    maker(path)
    before = snapshot(folder)
    inner = snapshot(path) if path.is_dir() else None

    with pytest.raises(DocumentError) as caught:
        Document.open(path)

    assert type(caught.value) is DocumentError
    message = str(caught.value)
    assert "bad event.workshop" in message
    assert "sqlite3." not in message and "Traceback" not in message
    assert "\n" not in message, f"a message for a person is one paragraph: {message!r}"
    assert message[0].isupper() or message[0] == "“"
    assert message.rstrip().endswith(".")
    after = snapshot(folder)
    assert after == before, "the refused file (or something beside it) changed"
    leftovers = [n for n in after if n.endswith(("-wal", "-shm", ".lock", "-journal", ".tmp"))]
    assert leftovers == []
    if inner is not None:
        assert snapshot(path) == inner


def test_messages_say_what_is_wrong(tmp_path: Path) -> None:
    expectations = {
        "empty": "empty",
        "text": "not a workshop document",
        "foreign": "another program",
        "garbage": "damaged",
        "truncated": "damaged",
        "directory": "folder",
        "missing": "no file",
    }
    for name, words in expectations.items():
        path = tmp_path / f"{name}.workshop"
        BAD_FILES[name](path)
        with pytest.raises(DocumentError, match=words):
            Document.open(path)


# -- one process per file ----------------------------------------------------------------------

HOLDER = """
import sys
from workshop_app.storage.document import Document
doc = Document.open(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
doc.close()
print("closed", flush=True)
"""


@pytest.fixture
def doc_path(tmp_path: Path) -> Path:
    path = tmp_path / "shared.workshop"
    make_document(path, notes=3)
    return path


@pytest.fixture
def holder(doc_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process, of the laptop user "alice", that has ``doc_path`` open until told (or
    killed)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LOGNAME="alice", USER="alice")
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(doc_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)


def test_second_open_in_the_same_process_is_refused(doc_path: Path) -> None:
    first = Document.open(doc_path)
    try:
        with pytest.raises(DocumentInUseError) as caught:
            Document.open(doc_path)
        assert f"opened by {getpass.getuser()}" in str(caught.value)
        assert "pid" not in str(caught.value)
        assert doc_path.name in str(caught.value)
        with pytest.raises(DocumentInUseError):
            Document.create(doc_path, force=True)  # nor replaced under the holder's feet
        first.add(Note(text="still writable"))
        assert first.count(Note) == 4
    finally:
        first.close()
    with Document.open(doc_path) as again:
        assert again.count(Note) == 4
    assert not doc_path.with_name(doc_path.name + ".lock").exists()


def test_second_open_from_another_process_is_refused(
    doc_path: Path, holder: subprocess.Popen[str]
) -> None:
    before = hashlib.sha256(doc_path.read_bytes()).hexdigest()
    with pytest.raises(DocumentInUseError) as caught:
        Document.open(doc_path)
    message = str(caught.value)
    opened = datetime.fromtimestamp(doc_path.with_name(doc_path.name + ".lock").stat().st_mtime)
    assert message == (
        f"“shared.workshop” is already open in Workshop, opened by alice at {opened:%H:%M} "
        "today. Close it there first, or open a copy."
    )
    assert hashlib.sha256(doc_path.read_bytes()).hexdigest() == before

    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "closed"
    assert holder.wait(timeout=10) == 0
    with Document.open(doc_path) as doc:
        assert doc.count(Note) == 3


def test_a_killed_holder_releases_the_file(doc_path: Path, holder: subprocess.Popen[str]) -> None:
    with pytest.raises(DocumentInUseError):
        Document.open(doc_path)
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait(timeout=10) == -signal.SIGKILL
    lock_file = doc_path.with_name(doc_path.name + ".lock")
    stale = json.loads(lock_file.read_text())  # stale info left behind, the lock itself gone
    assert (stale["pid"], stale["user"]) == (holder.pid, "alice")
    with Document.open(doc_path) as doc:
        assert doc.count(Note) == 3
        mine = json.loads(lock_file.read_text())
        assert (mine["pid"], mine["user"]) == (os.getpid(), getpass.getuser())


@pytest.mark.parametrize(
    "garbled", [b"", b"4121", b"\xff\xfe\x00garbage", b'{"user": 5, "opened": "noon"', b"[1, 2]"]
)
def test_an_empty_old_or_garbled_lock_file_still_gives_a_clear_refusal(
    doc_path: Path, garbled: bytes
) -> None:
    with Document.open(doc_path):
        doc_path.with_name(doc_path.name + ".lock").write_bytes(garbled)  # same file, rewritten
        with pytest.raises(DocumentInUseError) as caught:
            Document.open(doc_path)
    assert str(caught.value) == (
        "“shared.workshop” is already open in Workshop. Close it there first, or open a copy."
    )


def test_the_refusal_names_another_computer_and_an_earlier_day() -> None:
    now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    info = {
        "user": "bob",
        "name": "Bob Jones",
        "host": "not-this-laptop-xyz",
        "opened": "2026-11-28T14:05:00.000Z",
        "pid": 1,
    }
    opened = datetime(2026, 11, 28, 14, 5, tzinfo=UTC).astimezone()
    message = files.in_use_message("day.workshop", json.dumps(info).encode(), now)
    assert message == (
        "“day.workshop” is already open in Workshop, opened by Bob Jones (bob) on the computer "
        f"“not-this-laptop-xyz” on {opened:%a} {opened.day} {opened:%b at %H:%M}. Close it "
        "there first, or open a copy."
    )


def test_the_lock_is_not_lost_when_the_holder_releases_during_acquire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A contender that opened the lock file just before the holder released it (and unlinked
    the file) must not end up locking the unlinked file: a third opener would then succeed too."""
    doc = tmp_path / "race.workshop"
    holder, contender, third = FileLock(doc), FileLock(doc), FileLock(doc)
    holder.acquire()
    real_try_lock = locks._try_lock
    calls = []

    def release_first(fd: int) -> bool:
        if not calls:
            holder.release()  # the holder closes between the contender's open() and flock()
        calls.append(fd)
        return real_try_lock(fd)

    monkeypatch.setattr(locks, "_try_lock", release_first)
    contender.acquire()
    monkeypatch.setattr(locks, "_try_lock", real_try_lock)
    try:
        with pytest.raises(DocumentInUseError):
            third.acquire()
        assert json.loads(contender.path.read_text())["pid"] == os.getpid()
    finally:
        contender.release()
        third.release()
