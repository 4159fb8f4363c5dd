"""A screen reader hears "Time's up": the real app, under Xvfb, on a real AT-SPI bus.

The demo event is stored mid-breakout with its deadline a few seconds away; the app opens it
(in Plan, its first mode: Run ticks without being shown) and a listener on the AT-SPI bus
(tests/ui/atspi_listener.py, run by the system's python3, which has pyatspi) must hear the
assertive "Time's up" from the running countdown. Skipped, saying what is missing, without
Xvfb, dbus-launch, at-spi2-core or python3-pyatspi (Debian: ``apt-get install xvfb dbus-x11
at-spi2-core python3-pyatspi``).
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workshop_app.domain.announcements import TIMES_UP
from workshop_app.domain.clock import format_utc
from workshop_app.domain.records import AgendaItem
from workshop_app.domain.run import RunState, RunStatus
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle

ROOT = Path(__file__).resolve().parents[3]
LISTENER = ROOT / "tests" / "ui" / "atspi_listener.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
AHEAD = 8.0  # seconds from opening the file to time's up: the window is up by then
ASSERTIVE = "2"  # ATSPI_LIVE_ASSERTIVE


def _missing() -> str:
    for tool in ("Xvfb", "dbus-launch"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not any(Path(p).exists() for p in BUS_LAUNCHERS):
        return "at-spi2-core (at-spi-bus-launcher) is not installed"
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(probe, capture_output=True).returncode:
        return "python3-pyatspi is not installed for the system's python3"
    return ""


class Session:
    """Xvfb, a D-Bus session and the AT-SPI bus; stops every process it started."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[str]] = []
        self.env = dict(os.environ)

    def start(self, args: list[str], **kw: object) -> subprocess.Popen[str]:
        proc = subprocess.Popen(args, env=self.env, text=True, **kw)  # type: ignore[call-overload]
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
        bus_pid = self.env.get("DBUS_SESSION_BUS_PID")
        if bus_pid:
            try:
                os.kill(int(bus_pid), signal.SIGTERM)
            except (ProcessLookupError, ValueError):
                pass


@pytest.fixture
def session() -> Iterator[Session]:
    missing = _missing()
    if missing:
        pytest.skip(f"no AT-SPI bus to listen on: {missing}")
    s = Session()
    try:
        read, write = os.pipe()
        s.start(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24"], pass_fds=(write,)
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            display = pipe.readline().strip()
        if not display:
            pytest.skip("no AT-SPI bus to listen on: Xvfb did not start")
        s.env["DISPLAY"] = ":" + display
        launch = ["dbus-launch", "--sh-syntax"]
        out = subprocess.run(launch, capture_output=True, text=True, env=s.env)
        for name in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):  # ours only
            s.env.pop(name, None)
        for line in out.stdout.splitlines():
            name, _, value = line.partition("=")
            if name in ("DBUS_SESSION_BUS_ADDRESS", "DBUS_SESSION_BUS_PID"):
                s.env[name] = value.rstrip(";").strip("'")
        if "DBUS_SESSION_BUS_ADDRESS" not in s.env:
            pytest.skip("no AT-SPI bus to listen on: dbus-launch gave no session bus")
        launcher = next(p for p in BUS_LAUNCHERS if Path(p).exists())
        s.start([launcher, "--launch-immediately"], stderr=subprocess.DEVNULL)
        yield s
    finally:
        s.stop()


def _listen(session: Session, seconds: float) -> queue.Queue[str]:
    heard: queue.Queue[str] = queue.Queue()
    proc = session.start(
        [SYSTEM_PYTHON, str(LISTENER), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            heard.put(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    try:
        first = heard.get(timeout=30)
    except queue.Empty:
        first = ""
    if first != "ready":
        pytest.skip("no AT-SPI bus to listen on: the listener could not register on it")
    return heard


def test_a_screen_reader_hears_times_up_from_a_running_countdown(
    session: Session, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    document = Document.create(tmp_path / "Day.workshop", demo_bundle())
    breakout = document.select(AgendaItem)[4]
    now = datetime.now(UTC)
    started = format_utc(now - timedelta(minutes=breakout.planned_minutes))
    deadline = format_utc(now + timedelta(seconds=AHEAD))
    stamps: dict[str, dict[str, str | None]] = {breakout.id: {"started_at": started}}
    document.set_run_state(RunState(breakout.id, RunStatus.RUNNING, deadline), stamps)
    path = document.path
    document.close()

    heard = _listen(session, 90)
    session.env.update(
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        WORKSHOP_APP_HOME=str(home),
        PYTHONPATH=str(ROOT),
    )
    session.start(
        [sys.executable, "-m", "workshop_app", str(path)],
        cwd=str(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    said: list[str] = []
    until = time.monotonic() + AHEAD + 45
    while time.monotonic() < until:
        try:
            line = heard.get(timeout=1)
        except queue.Empty:
            continue
        said.append(line)
        if line.endswith("\t" + TIMES_UP):
            break
    assert f"announcement\t{ASSERTIVE}\t{TIMES_UP}" in said, said
    assert not any("seconds left" in line for line in said)  # moments only, never each second
