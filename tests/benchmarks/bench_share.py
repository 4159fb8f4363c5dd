"""Snapshot-publishing benchmark (run by hand), beside a same-run baseline.

    python tests/benchmarks/bench_share.py [--notes 10000] [--rounds 7]

An event of ``--notes`` notes is open for writing (a Document, its -wal holding recent typing)
while each round times:

* publish: ``snapshots.publish(file, folder, device)``: its own read-only connection, the backup
  API into a hidden temporary file in the folder, journal mode set to DELETE (one whole file),
  fsync, rename over the laptop's snapshot and fsync of the folder.
* baseline: a bare ``sqlite3.connect(file).backup(sqlite3.connect(copy))`` of the same file.

Rounds alternate so machine noise falls on both alike. Goal: publish within 1.5x of the baseline.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("WORKSHOP_APP_HOME", tempfile.mkdtemp(prefix="bench-share-"))


def _bare(source: Path, copy: Path) -> float:
    copy.unlink(missing_ok=True)
    start = time.perf_counter()
    src = sqlite3.connect(source)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    dst.close()
    src.close()
    return time.perf_counter() - start


def main() -> None:
    from workshop_app.domain.bundle import EventBundle
    from workshop_app.domain.records import Event, Group, Note, Question
    from workshop_app.storage import snapshots
    from workshop_app.storage.document import Document

    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shared = folder / "shared"
        shared.mkdir()
        path = folder / "day.workshop"
        with Document.create(path, EventBundle(event=Event(title="Bench"))) as doc:
            question = doc.add(Question(text="What next?"))
            group = doc.add(Group(name="Table 1"))
            doc.add_many(
                [
                    Note(
                        text=f"note {n}: " + "words " * 12,
                        question_id=question.id,
                        group_id=group.id,
                    )
                    for n in range(args.notes)
                ]
            )
        with Document.open(path) as doc:  # the app has the file open, still typing
            doc.add_many([Note(text=f"typed just now {n}") for n in range(20)])
            published, bare = [], []
            for _ in range(args.rounds):
                start = time.perf_counter()
                snapshot = snapshots.publish(path, shared, doc.device_id)
                published.append(time.perf_counter() - start)
                bare.append(_bare(path, folder / "bare-copy.sqlite"))
            size = snapshot.stat().st_size
        p, b = statistics.median(published), statistics.median(bare)
        print(f"{args.notes} notes, snapshot {size / 1e6:.1f} MB")
        print(f"publish  median {p * 1000:7.1f} ms")
        print(f"baseline median {b * 1000:7.1f} ms (sqlite3 backup() of the file)")
        print(f"ratio {p / b:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
