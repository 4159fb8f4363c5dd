"""Five laptops, one event, one shared folder (issue 12's "Done when").

Each laptop is its own process (``share_child.py``) with its own data folder, so its own device
id, and its own copy of one seed event; each types at its own table and shares through the folder
round after round. One is SIGKILLed mid-publish, one mid-merge (inside the transaction), and a
snapshot arrives cut short. The killed ones restart, everyone shares a few more rounds, and then
all five files hold the same notes, every acknowledged note exactly once, and pass
``integrity_check``.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Group, Note, Question
from workshop_app.storage.document import Document
from workshop_app.storage.snapshots import SUFFIX, others, snapshot_name

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("share_child.py")
LAPTOPS = 5
KILLED_PUBLISHING, KILLED_MERGING = 1, 3


def notes(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(conn.execute("SELECT id, text FROM note WHERE deleted = 0"))
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


class Room:
    def __init__(self, tmp_path: Path) -> None:
        seed = tmp_path / "seed.workshop"
        with Document.create(seed, EventBundle(event=Event(title="Five tables"))) as doc:
            question = doc.add(Question(text="What should change?"))
            self.groups = [doc.add(Group(name=f"Table {i + 1}")).id for i in range(LAPTOPS)]
            doc.add(Note(text="seed note", question_id=question.id))
            self.event = doc.event_id
        self.folder = tmp_path / "shared"
        self.folder.mkdir()
        self.tmp = tmp_path
        self.files = []
        for i in range(LAPTOPS):
            (tmp_path / f"home{i}").mkdir()
            self.files.append(tmp_path / f"laptop{i}" / "day.workshop")
            self.files[i].parent.mkdir()
            shutil.copyfile(seed, self.files[i])

    def start(self, i: int, rounds: int, per_round: int, kill: str = "") -> subprocess.Popen:
        env = dict(
            os.environ,
            PYTHONPATH=str(ROOT),
            WORKSHOP_APP_HOME=str(self.tmp / f"home{i}"),
            SHARE_CHILD_KILL=kill,
            SHARE_CHILD_MARKER=str(self.marker(i)),
        )
        args = [self.files[i], self.folder, self.groups[i], self.ack(i), f"laptop{i}"]
        return subprocess.Popen(
            [sys.executable, str(CHILD), *map(str, args), str(rounds), str(per_round)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def ack(self, i: int) -> Path:
        return self.tmp / f"ack{i}.log"

    def device(self, i: int) -> str:
        return (self.tmp / f"home{i}" / "data" / "device-id").read_text(encoding="utf-8").strip()

    def marker(self, i: int) -> Path:
        return self.tmp / f"killed{i}.txt"

    def acknowledged(self) -> list[tuple[str, str]]:
        lines = []
        for i in range(LAPTOPS):
            if self.ack(i).exists():
                text = self.ack(i).read_text(encoding="utf-8")
                lines += [tuple(line.split("\t")) for line in text.splitlines()]
        return lines  # type: ignore[return-value]


def finish(proc: subprocess.Popen, expect_kill: bool = False) -> str:
    out, err = proc.communicate(timeout=60)
    if expect_kill:
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, err)
    else:
        assert proc.returncode == 0, err
    return out


def test_five_laptops_converge_through_kills_and_a_cut_short_snapshot(tmp_path: Path) -> None:
    room = Room(tmp_path)
    kills = {KILLED_PUBLISHING: "publish:3", KILLED_MERGING: "merge:2"}

    # Everyone types and shares at once; two die on the way.
    procs = [room.start(i, rounds=4, per_round=8, kill=kills.get(i, "")) for i in range(LAPTOPS)]
    for i, proc in enumerate(procs):
        finish(proc, expect_kill=i in kills)
    assert room.marker(KILLED_PUBLISHING).read_text().startswith("publish:")
    assert room.marker(KILLED_MERGING).read_text().startswith("merge: in transaction")

    # The publish died between its temporary file and the rename: the temporary is left,
    # hidden, and nobody takes it for a snapshot; every snapshot under its final name is whole.
    left = [name for name in os.listdir(room.folder) if name.endswith(".tmp")]
    assert left and all(name.startswith(".") for name in left)
    assert not any(p.name.endswith(".tmp") for p in others(room.folder, room.event, "nobody"))
    for name in os.listdir(room.folder):
        if name.endswith(SUFFIX):
            assert integrity(room.folder / name) == "ok", name

    # A snapshot arrives cut short in transit (a laptop's copy stopped half-way), and one
    # laptop's snapshot is cut in place; both must be skipped, not refuse the share.
    whole = sorted(p for p in room.folder.iterdir() if p.name.endswith(SUFFIX))[0].read_bytes()
    (room.folder / snapshot_name(room.event, "laptop-in-transit")).write_bytes(
        whole[: len(whole) // 2]
    )
    cut = room.folder / snapshot_name(room.event, room.device(4))
    size = cut.stat().st_size
    with open(cut, "r+b") as handle:
        handle.truncate(size - 4096)

    # The killed laptops restart (their files open; nothing committed was lost) and type more,
    # alongside the others.
    procs = [room.start(i, rounds=2, per_round=5) for i in range(LAPTOPS)]
    outputs = [finish(proc) for proc in procs]
    assert any("laptop-in-transit" in out for out in outputs)

    # A few quiet rounds, one laptop after another, until every snapshot holds everything.
    for _ in range(3):
        for i in range(LAPTOPS):
            finish(room.start(i, rounds=1, per_round=0))

    acknowledged = room.acknowledged()
    assert len(acknowledged) == len(set(acknowledged))
    assert len(acknowledged) >= LAPTOPS * 2 * 5 + 3 * 4 * 8
    first = notes(room.files[0])
    for path in room.files:
        assert integrity(path) == "ok", path
        held = notes(path)
        assert held == first, path  # the same set of notes everywhere, by id and text
        texts = [text for _, text in held]
        for note_id, text in acknowledged:
            assert (note_id, text) in held
            assert texts.count(text) == 1, text
    assert len(first) == len(acknowledged) + 1  # and the seed's note; nothing else
