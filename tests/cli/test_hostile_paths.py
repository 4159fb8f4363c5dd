"""Hostile paths and outputs: pipes, devices, loops, huge inputs, read-only places, a stray
journal, a full disk, a folder or the input itself as the output. Each gives one line,
``workshop-app: error: ...``, exit 2 (or works, where it only reads), never a traceback or a
hang, and leaves nothing behind. Anything that could hang runs in a subprocess with a timeout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.cli_helpers import assert_one_line_error, run
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and limits")


def make_event(path: Path, notes: int = 3) -> Path:
    bundle = EventBundle(
        Event(title="Hostile"),
        notes=tuple(Note(text=f"note {i} " + "x" * 200) for i in range(notes)),
    )
    Document.create(path, bundle).close()
    return path


def cli(
    *args: object,
    timeout: float = 60,
    preexec: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """The real command in its own process, killed (and the test failed) if it hangs."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=timeout,
        preexec_fn=preexec,
    )


def one_line(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert_one_line_error(result.returncode, result.stderr, *needles)


# -- inputs --------------------------------------------------------------------------------


@POSIX
def test_a_pipe_as_event_file_json_or_logo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.workshop"
    os.mkfifo(fifo)
    event = make_event(tmp_path / "day.workshop")
    for args in (
        ("info", fifo),
        ("export", fifo, "--format", "json", "-o", tmp_path / "out.json"),
        ("report", fifo, "-o", tmp_path / "out.pdf"),
        ("import", fifo, "-o", tmp_path / "new.workshop"),
        ("report", event, "-o", tmp_path / "out.pdf", "--logo", fifo),
    ):
        one_line(cli(*args, timeout=30), "is a pipe (FIFO)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["day.workshop", "pipe.workshop"]


@POSIX
def test_a_device_a_loop_or_a_huge_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = make_event(tmp_path / "day.workshop")
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "loop2.json")
    (tmp_path / "loop2.json").symlink_to(loop)
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as handle:
        handle.truncate(201 * 1024 * 1024)  # sparse: no disk used
    big_logo = tmp_path / "big.png"
    with open(big_logo, "wb") as handle:
        handle.write(b"\x89PNG\r\n\x1a\n")
        handle.truncate(11 * 1024 * 1024)
    one_line(cli("import", "/dev/zero", "-o", tmp_path / "z.workshop", timeout=30), "a device")
    cases = [
        (("import", loop, "-o", tmp_path / "x.workshop"), "loop of symbolic links"),
        (("info", loop), "loop of symbolic links"),
        (("import", huge, "-o", tmp_path / "x.workshop"), "too large", "200 MB"),
        (("report", event, "-o", tmp_path / "r.pdf", "--logo", big_logo), "too large", "10 MB"),
        (("export", event, "--format", "csv", "-o", loop, "--force"), "loop of symbolic links"),
    ]
    for args, *needles in cases:
        code, _out, err = run(capsys, *args)
        assert_one_line_error(code, err, *needles)
    assert not (tmp_path / "x.workshop").exists() and not (tmp_path / "r.pdf").exists()


def test_a_stray_or_garbage_journal_beside_a_good_file_does_not_make_it_unopenable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = make_event(tmp_path / "day.workshop")
    journal = tmp_path / "day.workshop-journal"
    journal.write_bytes(b"not a journal at all " * 50)
    code, out, err = run(capsys, "info", event)
    assert (code, err) == (0, "") and "3 notes" in out
    assert run(capsys, "export", event, "--format", "csv", "-o", tmp_path / "n.csv")[0] == 0
    assert journal.exists(), "a reader changes nothing"
    with Document.open(event) as doc:  # the window: sets the stray journal aside, keeps it
        doc.add(Note(text="after the stray journal"))
    assert not journal.exists()
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("day.workshop-journal.stray-")]
    assert len(kept) == 1 and kept[0].read_bytes() == b"not a journal at all " * 50
    with Document.open(event, readonly=True) as doc:
        assert doc.count(Note) == 4


# -- read-only places: without root's power to ignore permissions -----------------------------


def unprivileged() -> list[str]:
    """A command prefix that runs without the power to override file permissions: nothing as
    a normal user; as root (CI), ``setpriv`` dropping every capability (skip where missing)."""
    if sys.platform == "win32" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: read-only files are writable")
    return [setpriv, "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all", "--"]


def run_unprivileged(*args: object, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "workshop_app"]
    return subprocess.run(
        [*unprivileged(), *command, *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=60,
    )


@POSIX
def test_a_good_file_in_a_read_only_folder_or_read_only_itself_reads_but_never_opens_for_writing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    locked_folder = tmp_path / "locked"
    locked_folder.mkdir()
    in_locked = make_event(locked_folder / "day.workshop")
    read_only_file = make_event(tmp_path / "ro.workshop")
    read_only_file.chmod(0o444)
    locked_folder.chmod(0o555)
    try:
        for event in (in_locked, read_only_file):
            before = sorted(p.name for p in event.parent.iterdir())
            result = run_unprivileged("info", event)
            assert (result.returncode, result.stderr) == (0, ""), result.stderr
            for fmt in ("json", "csv", "md"):
                result = run_unprivileged(
                    "export", event, "--format", fmt, "-o", out / f"e.{fmt}", "--force"
                )
                assert result.returncode == 0, result.stderr
            result = run_unprivileged("report", event, "-o", out / "r.html", "--force")
            assert result.returncode == 0, result.stderr
            opener = run_unprivileged(event, code=OPEN_FOR_WRITING)
            assert opener.stdout.startswith("refused: "), opener.stdout + opener.stderr
            assert "read-only" in opener.stdout
            assert sorted(p.name for p in event.parent.iterdir()) == before, "nothing beside it"
        result = run_unprivileged(
            "export", in_locked, "--format", "csv", "-o", locked_folder / "x.csv"
        )
        one_line(result, "Could not write", "permission", "Nothing was written")
        assert sorted(p.name for p in locked_folder.iterdir()) == ["day.workshop"]
    finally:
        locked_folder.chmod(0o755)


OPEN_FOR_WRITING = """
import sys
from workshop_app.domain.errors import DocumentError
from workshop_app.storage.document import Document
try:
    Document.open(sys.argv[1]).close()
    print("opened")
except DocumentError as exc:
    print("refused:", exc)
"""


# -- outputs ---------------------------------------------------------------------------------


def test_a_folder_as_the_output_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = make_event(tmp_path / "day.workshop")
    folder = tmp_path / "folder"
    folder.mkdir()
    source = tmp_path / "e.json"
    assert run(capsys, "export", event, "--format", "json", "-o", source)[0] == 0
    for args in (
        ("export", event, "--format", "csv", "-o", folder, "--force"),
        ("report", event, "-o", folder, "--force"),
        ("import", source, "-o", folder, "--force"),
        ("new", folder, "--force"),
    ):
        code, _out, err = run(capsys, *args)
        assert_one_line_error(code, err, "folder")
    assert list(folder.iterdir()) == []


def test_an_output_that_is_the_input_is_refused_by_every_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = make_event(tmp_path / "day.workshop")
    (tmp_path / "link.workshop").symlink_to(event)
    os.link(event, tmp_path / "hard.workshop")
    source = tmp_path / "e.json"
    assert run(capsys, "export", event, "--format", "json", "-o", source)[0] == 0
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n: only its name matters here")
    before = {p.name: p.read_bytes() for p in (event, source, logo)}
    for out in ("day.workshop", "link.workshop", "hard.workshop"):
        for args in (
            ("report", event, "-o", tmp_path / out, "--force"),
            ("report", tmp_path / out, "-o", event, "--format", "html", "--force"),
            ("export", event, "--format", "json", "-o", tmp_path / out, "--force"),
        ):
            code, _out, err = run(capsys, *args)
            assert_one_line_error(code, err, "is the file being read")
    for args in (
        ("import", source, "-o", source, "--force"),
        ("report", event, "-o", logo, "--logo", logo, "--force"),
    ):
        code, _out, err = run(capsys, *args)
        assert_one_line_error(code, err, "is the file being read")
    assert {p.name: p.read_bytes() for p in (event, source, logo)} == before


@POSIX
def test_a_full_disk_gives_one_line_and_leaves_nothing_behind(tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes every write past 64 KB fail as a full disk would (EFBIG)."""
    event = make_event(tmp_path / "day.workshop", notes=600)
    source = tmp_path / "e.json"
    assert cli("export", event, "--format", "json", "-o", source).returncode == 0
    out = tmp_path / "out"
    out.mkdir()

    def small_disk() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    for args in (
        ("export", event, "--format", "json", "-o", out / "e.json"),
        ("export", event, "--format", "csv", "-o", out / "e.csv"),
        ("report", event, "-o", out / "r.pdf"),
        ("import", source, "-o", out / "new.workshop"),
    ):
        result = cli(*args, preexec=small_disk)
        one_line(result, "Could not write", "Nothing was written")
        assert list(out.iterdir()) == [], args


def test_stale_temporaries_of_ours_are_cleaned_on_the_next_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = make_event(tmp_path / "day.workshop")
    out = tmp_path / "out"
    out.mkdir()
    killed = out / ".notes.csv.k1ll3d_x.tmp"  # what a killed export leaves
    killed_new = out / ".day.workshop.0123abcd.tmp-journal"
    fresh = out / ".notes.csv.inflight.tmp"  # another export, still writing
    theirs = out / ".someone-elses.tmp"
    for path in (killed, killed_new, fresh, theirs):
        path.write_bytes(b"x" * 1000)
    hour_ago = time.time() - 3600
    for path in (killed, killed_new, theirs):
        os.utime(path, (hour_ago, hour_ago))
    assert run(capsys, "export", event, "--format", "csv", "-o", out / "notes.csv")[0] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["notes.csv", fresh.name, theirs.name])
