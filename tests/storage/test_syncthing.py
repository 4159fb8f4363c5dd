"""A real sync engine between two laptops: two Syncthing instances on 127.0.0.1 share one
folder. Notes saved on one laptop are published as its snapshot, Syncthing carries the file,
and the other laptop merges what arrives: every note, in both directions, within a bound.

Skipped only when the ``syncthing`` program is not installed (.ci/run installs the Debian
package when it can)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from merge_helpers import laptops, opened, seed
from syncthing_pair import Pair, executable

from workshop_app.domain.records import Note
from workshop_app.storage.document import Document
from workshop_app.storage.snapshots import others, publish

#: Generous: on a quiet machine a snapshot arrives and merges in 1-3 s (printed by the test).
ARRIVAL_BOUND_S = 45.0


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    program = executable()
    if program is None:
        pytest.skip("syncthing is not installed (apt-get install syncthing): real engine not run")
    started = Pair(tmp_path, program)
    try:
        started.start()
        yield started
    finally:
        started.stop()


def note_texts(doc: Document) -> set[str]:
    return {note.text for note in doc.select(Note)}


def wait_merged(doc: Document, folder: Path, expected: set[str]) -> float:
    """Merge what arrives in ``folder`` into ``doc`` until it holds every text of
    ``expected``; the seconds that took. A snapshot still arriving is refused and retried."""
    start = time.monotonic()
    while time.monotonic() - start < ARRIVAL_BOUND_S:
        arrived = others(folder, doc.event_id, doc.device_id)
        if arrived:
            doc.merge(arrived, refused=[])
            if expected <= note_texts(doc):
                return time.monotonic() - start
        time.sleep(0.1)
    pytest.fail(
        f"after {ARRIVAL_BOUND_S:.0f} s, {sorted(expected - note_texts(doc))} had not arrived "
        f"in {folder}: {sorted(p.name for p in folder.iterdir())}"
    )


def test_notes_saved_on_one_laptop_reach_the_other_through_syncthing(
    pair: Pair, tmp_path: Path
) -> None:
    seed(tmp_path / "seed.workshop", notes=2)
    file_a, file_b = laptops(tmp_path / "seed.workshop", 2)
    timings = []
    with opened(file_a, "laptop-a") as a, opened(file_b, "laptop-b") as b:
        typed_a = {f"table A idea {i}" for i in range(20)}
        for text in sorted(typed_a):
            a.add(Note(text=text))
        publish(a.path, pair.a.share, a.device_id)
        timings.append(("A -> B", wait_merged(b, pair.b.share, typed_a)))

        typed_b = {f"table B idea {i}" for i in range(15)}
        for text in sorted(typed_b):
            b.add(Note(text=text))
        (seeded,) = (note for note in b.select(Note) if note.text == "note 0")
        b.update(Note, seeded.id, text="typo fixed on B")
        publish(b.path, pair.b.share, b.device_id)
        timings.append(("B -> A", wait_merged(a, pair.a.share, typed_b | {"typo fixed on B"})))

        # A's snapshot is replaced (a newer version of one file), not added beside the old one.
        later = {"table A, after the break"}
        a.add(Note(text="table A, after the break"))
        publish(a.path, pair.a.share, a.device_id)
        timings.append(("A -> B again", wait_merged(b, pair.b.share, later)))

        everything = {"typo fixed on B", "note 1"} | typed_a | typed_b | later
        assert note_texts(a) == note_texts(b) == everything  # no loss either way
        for doc in (a, b):
            assert doc.count(Note) == len(note_texts(doc))  # each note once
    for folder in (pair.a.share, pair.b.share):
        names = sorted(p.name for p in folder.glob("*.workshop-snapshot"))
        assert len(names) == 2, names  # one snapshot per laptop
        for path in folder.glob("*.workshop-snapshot"):
            conn = sqlite3.connect(path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            conn.close()
    print(
        "\nSyncthing, publish -> merged on the other laptop: "
        + ", ".join(f"{label} {seconds:.2f} s" for label, seconds in timings)
        + f" (bound {ARRIVAL_BOUND_S:.0f} s)"
    )
    assert max(seconds for _, seconds in timings) < ARRIVAL_BOUND_S
