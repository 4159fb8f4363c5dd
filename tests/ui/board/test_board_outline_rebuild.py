"""Indexes into the outline's tree stay safe across a rebuild until the event loop runs again
(a rebuild inside another's reset, with an index of the old tree still in use up the stack,
crashed Qt in ``parent``). The check runs in a child process, where a crash is an exit code."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import gc, os, sys, tempfile
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["WORKSHOP_APP_HOME"] = tempfile.mkdtemp()
    sys.path.insert(0, sys.argv[1])
    from PySide6.QtWidgets import QApplication
    from workshop_app.domain.records import Question
    from workshop_app.storage.document import Document
    from workshop_app.storage.templates import demo_bundle
    from workshop_app.ui.board.outline_model import OutlineModel
    from workshop_app.ui.document_model import DocumentModel

    app = QApplication([])
    path = Path(tempfile.mkdtemp()) / "demo.workshop"
    Document.create(path, demo_bundle()).close()
    model = DocumentModel(Document.open(path))
    outline = OutlineModel(model)
    outline.set_question(model.select(Question)[0].id)
    seen = []
    for _ in range(50):
        top = outline.index(0, 0)
        deep = outline.index(0, 0, outline.index(0, 0, top))
        outline.rebuild()  # as a nested rebuild would, with these indexes still held
        gc.collect()
        junk = [[object() for _ in range(50)] for _ in range(200)]  # reuse the freed memory
        parent = deep.parent()
        seen.append(parent.isValid() and parent.parent().isValid())
    print("ok", all(seen))
    """
)


def test_indexes_of_a_replaced_tree_stay_safe_until_the_event_loop_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROOT)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert result.stdout.strip() == "ok True"
