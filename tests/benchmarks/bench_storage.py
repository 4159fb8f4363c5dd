"""Storage benchmark, run by hand: ``python tests/benchmarks/bench_storage.py [--adds N]``.

Measures, each beside a bare-sqlite3 baseline doing the same work with the same settings:

1. note-add latency: ``Document.add(Note(...))`` (one committed transaction each) against a plain
   ``BEGIN; INSERT; COMMIT`` of an equivalent row into the same table (schema made by the same
   migration), WAL + ``synchronous=FULL`` on both. The two alternate in blocks, ABBA (default:
   blocks of one call, i.e. interleaved call by call), so drift and noise from other processes
   fall on both alike; ``--block 500`` measures in four blocks of 500 instead.
2. opening a 10,000-note document (median of 5) against connect + ``SELECT count(*)``.
3. listing all 10,000 notes against the same SELECT with ``fetchall``.

Everything happens in a temporary folder (also used as ``WORKSHOP_APP_HOME``).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlite_utils import Database

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import utc_now
from workshop_app.domain.records import Event, Note
from workshop_app.storage.document import Document
from workshop_app.storage.migrations import migrations
from workshop_app.storage.schema import APPLICATION_ID

NOTE_TEXT = "We need a named contact for discharge planning, not a shared inbox."
COLUMNS = (
    "id, created_at, updated_at, device_id, deleted, position, question_id, group_id, "
    "text, kind, attribution, role, theme_id, votes, starred"
)
INSERT = f"INSERT INTO note ({COLUMNS}) VALUES ({', '.join('?' * 15)})"


def bare_connection(path: Path) -> sqlite3.Connection:
    """The same file layout and pragmas as a document, without the Document class."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    if sys.platform == "darwin":
        conn.execute("PRAGMA fullfsync=ON")
        conn.execute("PRAGMA checkpoint_fullfsync=ON")
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.apply(Database(conn))
    return conn


class BareAdder:
    """INSERT + COMMIT of a row equivalent to a new note (fresh id and timestamp each time)."""

    def __init__(self, conn: sqlite3.Connection, device: str) -> None:
        self.conn = conn
        self.device = device
        self.position = 0.0

    def __call__(self, i: int) -> None:
        now = utc_now()
        row = (str(uuid.uuid4()), now, now, self.device, 0, self.position, None, None,
               f"{NOTE_TEXT} {i}", "idea", "", "", None, 0, 0)  # fmt: skip
        self.position += 1.0
        self.conn.execute("BEGIN")
        self.conn.execute(INSERT, row)
        self.conn.execute("COMMIT")


def ours_adder(doc: Document) -> Callable[[int], None]:
    def add(i: int) -> None:
        doc.add(Note(text=f"{NOTE_TEXT} {i}"))

    return add


def timed_block(add: Callable[[int], None], start: int, count: int) -> list[float]:
    samples = []
    clock = time.perf_counter_ns
    for i in range(start, start + count):
        t0 = clock()
        add(i)
        samples.append((clock() - t0) / 1e3)  # microseconds
    return samples


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median_seconds(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_adds(folder: Path, total: int, block: int) -> dict[str, list[float]]:
    doc = Document.create(folder / "adds.workshop")
    doc.backups.wait()  # the backup taken on create must not overlap the measurement
    bare = bare_connection(folder / "bare.sqlite")
    runners = {"ours": ours_adder(doc), "bare": BareAdder(bare, doc.device_id)}
    for add in runners.values():  # warm up caches and code paths
        timed_block(add, -100, 100)
    samples: dict[str, list[float]] = {"ours": [], "bare": []}
    for number, start in enumerate(range(0, total, block)):
        order = ("ours", "bare") if number % 2 == 0 else ("bare", "ours")
        count = min(block, total - start)
        for name in order:
            samples[name] += timed_block(runners[name], start, count)
    assert doc.count(Note) == total + 100
    assert bare.execute("SELECT count(*) FROM note").fetchone()[0] == total + 100
    doc.close()
    bare.close()
    return samples


def bench_open(folder: Path, notes: int) -> dict[str, float]:
    path = folder / "big.workshop"
    bundle = EventBundle(
        event=Event(title="Big event"),
        notes=tuple(Note(text=f"{NOTE_TEXT} {i}") for i in range(notes)),
    )
    t0 = time.perf_counter()
    Document.create(path, bundle).close()
    create = time.perf_counter() - t0

    opened: list[Document] = []

    def open_doc() -> None:
        opened.append(Document.open(path))

    open_times = []
    for _ in range(5):  # close (which waits for the backup on open) outside the timing
        open_times.append(median_seconds(open_doc, runs=1))
        opened.pop().close()

    def bare_open() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM note").fetchone()
        conn.close()

    def bare_open_checked() -> None:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA quick_check").fetchall()
        conn.execute("SELECT count(*) FROM note").fetchone()
        conn.close()

    with Document.open(path) as doc:
        doc.backups.wait()
        listed = median_seconds(lambda: doc.select(Note))
        assert len(doc.select(Note)) == notes
        bare_list = median_seconds(
            lambda: doc._conn.execute("SELECT * FROM note ORDER BY position, rowid").fetchall()
        )
    return {
        "create": create,
        "open": statistics.median(open_times),
        "bare_open": median_seconds(bare_open),
        "bare_open_checked": median_seconds(bare_open_checked),
        "list": listed,
        "bare_list": bare_list,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=2000)
    parser.add_argument("--block", type=int, default=1, help="calls per alternating block")
    parser.add_argument("--notes", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="workshop-bench-") as tmp:
        folder = Path(tmp)
        os.environ["WORKSHOP_APP_HOME"] = str(folder / "home")
        samples = bench_adds(folder, args.adds, args.block)
        opening = bench_open(folder, args.notes)

    print(f"workshop-app storage benchmark ({platform.system()} {platform.machine()}, "
          f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"folder on {tempfile.gettempdir()})")  # fmt: skip
    print()
    print(f"1. Note add, one committed transaction each: {args.adds} per side, "
          f"alternating in blocks of {args.block} (µs)")  # fmt: skip
    print(f"   {'':<24}{'p50':>10}{'p99':>10}{'mean':>10}{'max':>10}")
    rows = {}
    for name, label in (("ours", "Document.add"), ("bare", "bare INSERT+COMMIT")):
        s = samples[name]
        rows[name] = (percentile(s, 50), percentile(s, 99), statistics.fmean(s), max(s))
        print(f"   {label:<24}" + "".join(f"{v:>10.1f}" for v in rows[name]))
    ratio = [o / b for o, b in zip(rows["ours"], rows["bare"], strict=True)]
    print(f"   {'ratio ours/bare':<24}" + "".join(f"{v:>9.2f}x" for v in ratio))
    verdict = "within" if ratio[1] <= 1.5 else "OVER"
    print(f"   p99 goal: within 1.5x of bare -> {verdict} ({ratio[1]:.2f}x)")
    print()
    print(f"2. A document of {args.notes:,} notes (median of 5, ms)")
    print(f"   {'':<44}{'ours':>10}{'baseline':>10}{'ratio':>9}")

    def line(label: str, ours: float, base: float) -> None:
        print(f"   {label:<44}{ours * 1e3:>10.1f}{base * 1e3:>10.1f}{ours / base:>8.1f}x")

    line("open (checks+lock) vs connect+count(*)", opening["open"], opening["bare_open"])
    line("open vs connect+quick_check+count(*)", opening["open"], opening["bare_open_checked"])
    line("list all notes vs SELECT ... fetchall", opening["list"], opening["bare_list"])
    print(f"   (creating it from a bundle took {opening['create'] * 1e3:.0f} ms)")


if __name__ == "__main__":
    main()
