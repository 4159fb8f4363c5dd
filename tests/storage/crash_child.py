"""Child process for test_crash: open a document, then add notes until killed.

Prints ``ready`` once the document is open, then each note's id on its own line, flushed only
after ``Document.add`` returned (so a printed id is a write the app was told is committed).
Run as ``python tests/storage/crash_child.py <document>`` with the repository on PYTHONPATH.
"""

from __future__ import annotations

import itertools
import sys

from workshop_app.domain.records import Note
from workshop_app.storage.document import Document


def main(path: str) -> None:
    doc = Document.open(path)
    print("ready", flush=True)
    for i in itertools.count():
        note = doc.add(Note(text=f"crash note {i} " + "x" * (i % 200), votes=i % 7))
        print(note.id, flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
