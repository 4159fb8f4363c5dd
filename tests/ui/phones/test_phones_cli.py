"""Issue 16: ``workshop-app FILE --phones HOST:PORT`` opens the window with attendee input on and
prints exactly one line, ``Attendee page: http://HOST:PORT/<token>/``; a phone can then send a
note; a bad HOST:PORT is the usual one-line error with exit status 2."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.domain.records import Note, NoteSource
from workshop_app.storage.document import Document
from workshop_app.storage.templates import open_demo

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_phones_prints_one_line_and_takes_a_note(app_home: Path) -> None:
    document = open_demo()
    path = document.path
    document.close()
    port = _free_port()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_APP_HOME": str(app_home)}
    child = subprocess.Popen(
        [sys.executable, "-m", "workshop_app", str(path), "--phones", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith(f"Attendee page: http://127.0.0.1:{port}/"), line
        url = line.removeprefix("Attendee page: ").strip()
        assert url.endswith("/") and len(url.rsplit("/", 2)[1]) >= 22
        request = urllib.request.Request(
            url + "notes",
            data=json.dumps({"text": "From the command line's phone"}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 201
    finally:
        child.terminate()
        out, _err = child.communicate(timeout=30)
    assert out.strip() == ""  # nothing after the one line
    deadline = time.monotonic() + 10
    while True:
        try:
            with Document.open(path, readonly=True) as reader:
                notes = [n for n in reader.select(Note) if n.source == NoteSource.PHONE]
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    assert [n.text for n in notes] == ["From the command line's phone"]


@pytest.mark.parametrize("value", ["nohost", "1.2.3.4:", "1.2.3.4:99999", ":80"])
def test_a_bad_host_port_is_one_line_and_status_2(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "x.workshop"
    file.write_bytes(b"")
    assert main([str(file), "--phones", value]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("workshop-app: error: ")
    assert "HOST:PORT" in err
