"""The Conflicts view (issue 12, item 4): reached from the merge's message, it lists the kept
text beside the one that won and the laptop it came from; Enter puts the kept text back as one
undoable step. Also makes resources/screenshots/merge-preview.png and conflicts.png:

    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/laptops/test_laptops_conflicts.py
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.laptops.laptop_helpers import hand_out, make_event, type_at_table
from workshop_app.domain.records import Note
from workshop_app.storage.document import Document

K = Qt.Key
NOTE = "Start with one ward"


def _two_edits(tmp_path: Path) -> tuple[Path, Path, str]:
    """Table 2's note, edited at table 2 and (later) by the facilitator's copy at table 1."""
    question_id, _ = make_event(tmp_path / "day.workshop")
    stick = tmp_path / "stick"
    copies = hand_out(tmp_path / "day.workshop", stick)
    type_at_table(copies[1], question_id, NOTE, "More time for training", "Clear rules on data")
    type_at_table(copies[0], question_id, "Ask the porters what slows them down")
    with Document.open(tmp_path / "day.workshop") as doc:
        doc.merge([copies[1]])
        note = next(n for n in doc.select(Note) if n.text == NOTE)
    for copy in copies[:2]:  # both copies now hold table 2's notes
        with Document.open(copy) as doc:
            doc.merge([tmp_path / "day.workshop"])
    with Document.open(copies[1]) as doc:
        doc.update(Note, note.id, text="Start with one ward, then two")
    with Document.open(copies[0]) as doc:
        doc.update(Note, note.id, text="Start small: one ward")
    return tmp_path / "day.workshop", stick, note.id


def _shot(widget, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)
    image = widget.grab().toImage()
    assert image.save(str(folder / name)) and (folder / name).stat().st_size > 10_000


def test_conflicts_from_the_merge_message_and_a_kept_text_put_back(
    make_window, qtbot, dialogs, tmp_path: Path
) -> None:
    path, stick, note_id = _two_edits(tmp_path)
    window = make_window()
    window.resize(1280, 720)
    assert window.open_path(path)
    window.menu_actions.merge.trigger()
    merge = window.laptop_handlers.merge_dialog
    assert merge is not None
    qtbot.waitExposed(merge)
    dialogs.folders.append(stick)
    qtbot.keyClick(merge.folder_button, K.Key_Space)
    assert merge.summary.text() == (
        "+1 note from 1 laptop, 1 record updated, 1 conflict kept (from 3 files)"
    )
    merge.resize(900, 420)
    _shot(merge, "merge-preview.png", tmp_path)
    dialogs.confirms.append(True)  # "Show conflicts" in the merge's message
    qtbot.keyClick(merge.merge_button, K.Key_Return)
    assert "1 conflict kept" in dialogs.asked[-1] and "File ▸ Conflicts…" in dialogs.asked[-1]
    view = window.laptop_handlers.conflicts_dialog
    assert view is not None
    qtbot.waitExposed(view)
    qtbot.waitActive(view)
    qtbot.waitUntil(view.tree.hasFocus)
    item = view.tree.topLevelItem(0)
    assert view.tree.topLevelItemCount() == 1
    assert [item.text(c) for c in range(4)] == [
        "Note (text)", "Start small: one ward", "Start with one ward, then two", "Table 2",
    ]  # fmt: skip
    assert window.model is not None
    _shot(view, "conflicts.png", tmp_path)
    qtbot.keyClick(view.tree, K.Key_Return)  # put the kept text back
    assert window.model.get(Note, note_id).text == "Start with one ward, then two"
    item = view.tree.topLevelItem(0)
    assert view.tree.topLevelItemCount() == 1  # the text it replaced is kept in its turn
    assert item.text(2) == "Start small: one ward" and item.text(3) == "Table 1"
    assert window.menu_actions.undo.text() == "Undo Put back a kept text"
    window.menu_actions.undo.trigger()
    assert window.model.get(Note, note_id).text == "Start small: one ward"
    assert view.tree.topLevelItem(0).text(2) == "Start with one ward, then two"
    qtbot.keyClick(view.tree, K.Key_Escape)
    qtbot.waitUntil(lambda: window.laptop_handlers.conflicts_dialog is None)


def test_no_conflicts_says_so(make_window, qtbot, tmp_path: Path) -> None:
    make_event(tmp_path / "day.workshop")
    window = make_window()
    assert window.open_path(tmp_path / "day.workshop")
    window.menu_actions.conflicts.trigger()
    view = window.laptop_handlers.conflicts_dialog
    assert view is not None
    assert view.intro.text().startswith("No conflicts")
    assert not view.put_back_button.isEnabled()
