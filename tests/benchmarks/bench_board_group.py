"""Board grouping benchmark (run by hand), beside a same-run baseline.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_board_group.py [--notes 10000]

An event of ``--notes`` notes on one question is written to a real file twice. Each round:

* Board: ``actions.group_into_new_theme`` files 500 unsorted notes under a new theme: one undo
  step through DocumentModel (the theme added and the 500 notes updated in one committed
  transaction, views told once), then undone, so the next round starts from the same state.
* baseline: on the twin file, a bare sqlite3 connection with the same pragmas (WAL,
  synchronous=FULL) runs ``BEGIN IMMEDIATE``, one ``INSERT`` of a theme row and one ``UPDATE
  note SET theme_id=?, updated_at=? WHERE id IN (...)`` for the same 500 ids, ``COMMIT``, then
  the same undone by hand.

Rounds alternate Board and baseline so machine noise falls on both alike. Goal: the grouping
within 2x of the bare UPDATE (the undo is timed too, and printed, but not part of the goal).
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
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKSHOP_APP_HOME", tempfile.mkdtemp(prefix="bench-group-"))

from bench_board import _event  # noqa: E402  (the same 10,000-note event as the canvas bench)

GROUP = 500


def _bare_round(conn: sqlite3.Connection, question_id: str, ids: list[str]) -> tuple[float, float]:
    marks = ",".join("?" * len(ids))
    theme_id = str(uuid.uuid4())
    now = "2026-11-29T10:00:00.000Z"
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO theme (id, question_id, title, summary, position, created_at, updated_at,"
        " device_id, deleted) VALUES (?, ?, '', '', 999, ?, ?, 'bench', 0)",
        (theme_id, question_id, now, now),
    )
    conn.execute(
        f"UPDATE note SET theme_id = ?, updated_at = ? WHERE id IN ({marks})",
        (theme_id, now, *ids),
    )
    conn.execute("COMMIT")
    grouped = time.perf_counter() - start
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"UPDATE note SET theme_id = NULL WHERE id IN ({marks})", ids)
    conn.execute("UPDATE theme SET deleted = 1 WHERE id = ?", (theme_id,))
    conn.execute("COMMIT")
    return grouped, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from workshop_app.domain.records import Note, Question
    from workshop_app.storage.document import Document
    from workshop_app.ui.board import actions
    from workshop_app.ui.document_model import DocumentModel

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-group-files-"))
    ours, twin = folder / "board.workshop", folder / "bare.workshop"
    _event(ours, args.notes)
    shutil.copyfile(ours, twin)

    document = Document.open(ours)
    model = DocumentModel(document)
    question = model.select(Question)[0]
    unsorted = [n.id for n in model.select(Note, question_id=question.id) if n.theme_id is None]
    ids = unsorted[:GROUP]
    assert len(ids) == GROUP, f"only {len(unsorted)} unsorted notes"

    bare = sqlite3.connect(twin, isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")

    board_group, board_undo, base_group, base_undo = [], [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        actions.group_into_new_theme(model, question.id, ids, "Bench")
        board_group.append(time.perf_counter() - start)
        app.processEvents()
        start = time.perf_counter()
        model.undo_stack.undo()
        board_undo.append(time.perf_counter() - start)
        app.processEvents()
        grouped, undone = _bare_round(bare, question.id, ids)
        base_group.append(grouped)
        base_undo.append(undone)
    assert all(n.theme_id is None for n in document.records(Note, ids)), "undo left a theme"
    bare.close()
    document.close()

    def ms(values: list[float], q: float = 0.5) -> float:
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    ratio = statistics.median(board_group) / statistics.median(base_group)
    print(f"Grouping {GROUP} of {args.notes:,} notes into a new theme, {args.rounds} rounds")
    print("| step | Board (one undo step) | bare INSERT + UPDATE + COMMIT | ratio |")
    print("| --- | --- | --- | --- |")
    print(
        f"| group, median | {ms(board_group):.1f} ms | {ms(base_group):.1f} ms | {ratio:.2f}x "
        f"(goal ≤ 2x: {'met' if ratio <= 2 else 'not met'}) |"
    )
    print(f"| group, max | {max(board_group) * 1000:.1f} ms | {max(base_group) * 1000:.1f} ms | |")
    print(
        f"| undo, median | {ms(board_undo):.1f} ms | {ms(base_undo):.1f} ms | "
        f"{statistics.median(board_undo) / statistics.median(base_undo):.2f}x |"
    )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
