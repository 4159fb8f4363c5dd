"""Attendees' phones benchmark, run by hand (loopback only, bounded in count and time):

    python tests/benchmarks/bench_phones.py [--phones 40] [--notes 10] [--bad 1000]

The app's window holds an event of 5,000 notes (as in ``bench_capture.py``) in Capture mode,
mid-breakout (each phone posts the question its page shows, as the page does),
1280x800, offscreen, with the AttendeeServer listening on 127.0.0.1 (any free port). The phones
are HTTP clients in a process of their own (``phone_clients.py``: threads, ``http.client``,
each phone on its own loopback address so the per-client rate limit sees distinct phones).

(a) ``--phones`` phones post ``--notes`` notes each, all at once. Every acknowledged (201) note
    must be in the file afterwards (read back from disk, read-only). Reported: request p50/p99;
    and Capture's own Enter -> note committed and card painted (``bench_capture.py``'s method:
    a probe delegate notes the card it painted) while the flood runs, beside the same
    measurement without the flood in the same run (half before it, half after it).
(b) ``--bad`` notes posted at full speed (8 threads) to made-up tokens: all must be refused and
    none stored. Reported: the UI's frame time, a 16 ms QTimer's interval from one timeout to
    the next while the flood runs, beside the same probe with the app idle (same run, before).

Goals (printed, not asserted): request p99 < 100 ms, Enter -> painted p99 < 50 ms, frame
p99 < 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from tests.benchmarks.bench_capture import (
    EXISTING,
    NOTE_TEXT,
    make_event,
    open_capture,
    percentile,
    probe_paints,
)
from tests.ui.common.capture_helpers import start_breakout
from workshop_app.domain.records import Group, Note, NoteSource
from workshop_app.storage.document import Document

ROOT = Path(__file__).resolve().parents[2]
#: Bounds: Enter -> painted measurements per phase, the idle probe, any flood.
TYPED_IDLE = 60
TYPED_MAX = 400
IDLE_PROBE_S = 3.0
FLOOD_MAX_S = 90.0
FRAME_MS = 16


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def flood(spec: dict, folder: Path, during: Callable[[], None]) -> dict:
    """Run the clients' process on ``spec``; call ``during()`` (which turns the Qt loop) until
    it ends; return its result."""
    spec_file, result_file = folder / "spec.json", folder / "result.json"
    spec_file.write_text(json.dumps(spec))
    result_file.unlink(missing_ok=True)
    clients = ROOT / "tests" / "benchmarks" / "phone_clients.py"
    process = subprocess.Popen([sys.executable, str(clients), str(spec_file), str(result_file)])
    deadline = time.monotonic() + FLOOD_MAX_S
    try:
        while process.poll() is None and time.monotonic() < deadline:
            during()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert process.returncode == 0, f"the clients failed ({process.returncode})"
    return json.loads(result_file.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=40)
    parser.add_argument("--notes", type=int, default=10, help="notes per phone")
    parser.add_argument("--bad", type=int, default=1000, help="requests with bad tokens")
    args = parser.parse_args()
    assert 1 <= args.phones <= 200, "phones are 127.0.0.2 .. 127.0.0.201"
    folder = Path(tempfile.mkdtemp(prefix="bench-phones-"))
    os.environ["WORKSHOP_APP_HOME"] = str(folder / "home")
    path = folder / "event.workshop"
    make_event(path)

    from workshop_app.ui.phones.server import AttendeeServer

    app, window, page = open_capture(path)
    assert window.model is not None
    start_breakout(window)  # mid-breakout, as the room would be: Capture follows it too
    page.set_table(window.model.select(Group)[0].id)
    box = page.entry.box
    painted = probe_paints(page)
    page.order.setChecked(True)  # newest first: the new card at the top, on screen
    for _ in range(20):
        app.processEvents()

    typed = 0

    def enter_to_painted() -> tuple[float, float, float]:
        """Type a note and press Enter: (start, end, seconds) until its card was painted."""
        nonlocal typed
        typed += 1
        box.setPlainText(f"{NOTE_TEXT} typed {typed}")
        painted.clear()
        start = time.monotonic()
        QTest.keyClick(box, Qt.Key.Key_Return)
        note_id = page.mine.note(0).id
        deadline = start + 5
        while note_id not in painted and time.monotonic() < deadline:
            app.processEvents()
        end = time.monotonic()
        assert note_id in painted, "the new card was never painted"
        return start, end, end - start

    server = AttendeeServer(window.model)
    url = server.start("127.0.0.1", 0)
    question_id = server.current_question_id()  # the breakout's: each phone's page sends it
    assert question_id is not None
    parts = urlsplit(url)
    where = {"host": "127.0.0.1", "port": parts.port, "question_id": question_id}

    # (a) the phones' notes, and typing meanwhile
    quiet = [enter_to_painted()[2] for _ in range(TYPED_IDLE // 2)]
    busy: list[tuple[float, float, float]] = []

    def type_while_flooded() -> None:
        if len(busy) < TYPED_MAX:
            busy.append(enter_to_painted())
        else:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    spec = {"mode": "notes", "path": parts.path, "phones": args.phones, "notes": args.notes}
    notes = flood({**where, **spec}, folder, type_while_flooded)
    quiet += [enter_to_painted()[2] for _ in range(TYPED_IDLE // 2)]
    for _ in range(50):  # the last notes' signals and paints
        app.processEvents()
    during = [s for start, end, s in busy if notes["started"] <= start and end <= notes["ended"]]
    acknowledged = {row[2] for row in notes["rows"] if row[0] == 201}
    latencies = [row[1] for row in notes["rows"] if row[0] == 201]
    statuses = sorted({row[0] for row in notes["rows"]})
    with Document.open(path, readonly=True) as document:
        stored = {n.id for n in document.select(Note) if n.source == NoteSource.PHONE}
        total_after_a = document.count(Note)
    missing = acknowledged - stored

    # (b) bad tokens at full speed, and the UI's frames meanwhile
    ticks: list[float] = []
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(FRAME_MS)
    probe.timeout.connect(lambda: ticks.append(time.monotonic()))
    probe.start()

    def turn() -> None:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    until = time.monotonic() + IDLE_PROBE_S
    while time.monotonic() < until:
        turn()
    idle = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    ticks.clear()
    spec = {"mode": "bad", "count": args.bad, "threads": 8}
    bad = flood({**where, **spec}, folder, turn)
    probe.stop()
    flooded = [
        b - a
        for a, b in zip(ticks, ticks[1:], strict=False)
        if bad["started"] <= a and b <= bad["ended"]
    ]
    bad_statuses: dict[int, int] = {}
    for row in bad["rows"]:
        bad_statuses[row[0]] = bad_statuses.get(row[0], 0) + 1
    with Document.open(path, readonly=True) as document:
        total_after_b = document.count(Note)
    server.stop()
    window.close()

    sent = args.phones * args.notes
    print(
        f"# Attendees' phones: {args.phones} phones x {args.notes} notes, then {args.bad} "
        f"bad tokens; an event of {EXISTING:,} notes; {platform.system()}, "
        f"Python {platform.python_version()}, Qt offscreen, {os.cpu_count()} cores"
    )
    print(
        f"(a) {len(acknowledged)}/{sent} acknowledged (statuses {statuses}), "
        f"{len(acknowledged & stored)} of them in the file, {len(missing)} missing; "
        f"flood {ms(notes['ended'] - notes['started'])}"
    )
    print("| measurement | n | p50 | p99 | max | goal |")
    print("| --- | --- | --- | --- | --- | --- |")

    def row(name: str, values: list[float], goal: str) -> None:
        if not values:
            print(f"| {name} | 0 | - | - | - | {goal} |")
            return
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"| {name} | {len(values)} | {ms(p50)} | {ms(p99)} | {ms(max(values))} | {goal} |")

    row("phone note: POST -> 201 (committed)", latencies, "p99 < 100 ms")
    row("Capture Enter -> painted, during the flood", during, "p99 < 50 ms")
    row("Capture Enter -> painted, no flood (baseline)", quiet, "")
    refused = sum(v for k, v in bad_statuses.items() if not 200 <= k < 300)
    print(
        f"\n(b) {refused}/{len(bad['rows'])} bad-token requests refused (statuses "
        f"{dict(sorted(bad_statuses.items()))}; 0 = connection refused or reset); notes "
        f"{total_after_a:,} before, {total_after_b:,} after; flood "
        f"{ms(bad['ended'] - bad['started'])}"
    )
    print("| measurement | n | p50 | p99 | max | goal |")
    print("| --- | --- | --- | --- | --- | --- |")
    row(f"UI frame ({FRAME_MS} ms timer), during the flood", flooded, "p99 < 50 ms")
    row(f"UI frame ({FRAME_MS} ms timer), idle (baseline)", idle, "")


if __name__ == "__main__":
    main()
