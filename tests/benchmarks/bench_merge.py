"""Merge benchmark (run by hand), beside a same-run baseline.

    python tests/benchmarks/bench_merge.py [--notes 10000] [--rounds 7]

Two laptops' copies of one event each hold ``--notes`` notes of their own. Each round copies
the first laptop's file afresh, then times:

* merge: ``Document.merge([second])`` on the open copy: every check of the other file (quick_check,
  event id, version, every row readable), its copy aside by the backup API, then ATTACH and the
  field-by-field merge in one committed transaction (WAL, synchronous=FULL).
* baseline: on a twin copy, a bare sqlite3 connection with the same pragmas runs ``ATTACH``,
  ``BEGIN IMMEDIATE``, one ``INSERT INTO note SELECT * FROM src.note WHERE id NOT IN (...)`` of
  the same rows, ``COMMIT``.

Rounds alternate so machine noise falls on both alike. Goal: merge within 1.5x of the baseline.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("WORKSHOP_APP_HOME", tempfile.mkdtemp(prefix="bench-merge-"))


def _laptops(folder: Path, notes: int) -> tuple[Path, Path]:
    from workshop_app.domain.bundle import EventBundle
    from workshop_app.domain.records import Event, Group, Note, Question
    from workshop_app.storage.document import Document

    seed = folder / "seed.workshop"
    with Document.create(seed, EventBundle(event=Event(title="Bench"))) as doc:
        question = doc.add(Question(text="What next?"))
        groups = [doc.add(Group(name=f"Table {i}")) for i in range(2)]
    files = []
    for i, group in enumerate(groups):
        laptop = folder / f"laptop{i}.workshop"
        shutil.copyfile(seed, laptop)
        with Document.open(laptop) as doc:
            doc.device_id = f"laptop-{i}"
            doc.add_many(
                [
                    Note(
                        text=f"table {i} note {n}: " + "words " * 12,
                        question_id=question.id,
                        group_id=group.id,
                    )
                    for n in range(notes)
                ]
            )
        files.append(laptop)
    return files[0], files[1]


def _bare(into: Path, source: Path) -> float:
    conn = sqlite3.connect(into, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    start = time.perf_counter()
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO main.note SELECT * FROM src.note WHERE id NOT IN (SELECT id FROM main.note)"
    )
    conn.execute("COMMIT")
    took = time.perf_counter() - start
    conn.execute("DETACH DATABASE src")
    conn.close()
    return took


def _merge(into: Path, source: Path) -> tuple[float, str]:
    from workshop_app.storage.document import Document

    with Document.open(into) as doc:
        start = time.perf_counter()
        result = doc.merge([source])
        took = time.perf_counter() - start
    return took, result.summary()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        first, second = _laptops(folder, args.notes)
        merged, bare = [], []
        summary = ""
        for _ in range(args.rounds):
            for timer, times in ((_merge, merged), (_bare, bare)):
                work = folder / "work.workshop"
                for side in (work, work.with_name(work.name + "-wal")):
                    side.unlink(missing_ok=True)
                shutil.copyfile(first, work)
                if timer is _merge:
                    took, summary = _merge(work, second)
                else:
                    took = _bare(work, second)
                times.append(took)
        m, b = statistics.median(merged), statistics.median(bare)
        print(f"{args.notes} notes into {args.notes}: {summary}")
        print(f"merge    median {m * 1000:7.1f} ms")
        print(f"baseline median {b * 1000:7.1f} ms (ATTACH + INSERT ... SELECT + COMMIT)")
        print(f"ratio {m / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
