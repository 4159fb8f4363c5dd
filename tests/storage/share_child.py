"""Child process for test_share_convergence: one laptop typing notes at its table and sharing
through a folder.

``python tests/storage/share_child.py FILE FOLDER GROUP_ID ACK_LOG LABEL ROUNDS NOTES`` (the
repository on PYTHONPATH, the laptop's own WORKSHOP_APP_HOME). Each round adds NOTES notes one by
one, appending ``id<TAB>text`` to ACK_LOG only after ``Document.add`` returned (committed), then
calls ``share_once``. ``SHARE_CHILD_KILL=publish:N`` makes the laptop SIGKILL itself in round N
after the snapshot's temporary file is written and before it is renamed into place;
``merge:N`` in round N inside the merge's transaction, once a source's notes are written.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from workshop_app.domain.records import Note, Question
from workshop_app.storage import files, merge, snapshots
from workshop_app.storage.document import Document

ROUND = 0
LAST = 0  # the last round this laptop will type: a merge kill fires there at the latest


def die(where: str, folder: Path | None = None) -> None:
    marker = Path(os.environ["SHARE_CHILD_MARKER"])
    marker.write_text(where, encoding="utf-8")
    os.kill(os.getpid(), signal.SIGKILL)


def arm(kill: str) -> None:
    """Put the kill where ``SHARE_CHILD_KILL`` says, by wrapping the step it interrupts."""
    if not kill:
        return
    where, at = kill.split(":")
    if where == "publish":
        replace = files.replace_durably

        def replace_or_die(source: Path, target: Path) -> None:
            if ROUND == int(at) and target.name.endswith(snapshots.SUFFIX):
                die(f"publish: {source.name} written, not renamed")
            replace(source, target)

        files.replace_durably = replace_or_die  # type: ignore[assignment]
    elif where == "merge":
        merge_table = merge._merge_table

        def merge_or_die(conn: Any, src: str, kind: Any, result: Any) -> None:
            merge_table(conn, src, kind, result)
            # In the first merge from round ``at`` on that writes notes; on a busy machine the
            # others may not have published anything new by then, so in the last round at the
            # latest (still inside the merge transaction): the kill never depends on timing.
            brought = result.added["note"]
            if ROUND >= int(at) and kind is Note and conn.in_transaction:
                if brought or ROUND >= LAST:
                    die(f"merge: in transaction, {brought} notes written")

        merge._merge_table = merge_or_die  # type: ignore[assignment]


def main(
    path: str, folder: str, group_id: str, ack_log: str, label: str, rounds: str, notes: str
) -> None:
    global ROUND, LAST
    LAST = int(rounds)
    arm(os.environ.get("SHARE_CHILD_KILL", ""))
    with Document.open(path) as doc, open(ack_log, "a", encoding="utf-8") as log:
        question = doc.select(Question)[0].id
        done = sum(1 for _ in open(ack_log, encoding="utf-8"))
        for ROUND in range(1, int(rounds) + 1):
            for _ in range(int(notes)):
                text = f"{label} note {done}"
                note = doc.add(Note(text=text, question_id=question, group_id=group_id))
                log.write(f"{note.id}\t{text}\n")
                log.flush()
                done += 1
            result = snapshots.share_once(doc, Path(folder))
            print(ROUND, result.merged.summary(), result.skipped, flush=True)
            time.sleep(0.01)


if __name__ == "__main__":
    main(*sys.argv[1:8])
