"""Issue 9's "done when" for Capture: a note-taker opens an event for the first time (no table
chosen on this laptop), and types ten notes with the keyboard alone, switching question three
times, and not one character is lost or misfiled: the test reads the .workshop file back and
checks every note's exact text, kind, question and table.

Every key goes where the keyboard sends it: to the application's focus widget, one key at a
time (a widget that moves the focus mid-word would show here as a lost or misplaced letter)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.domain.records import Group, Note, Question
from workshop_app.storage.document import Document
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.shell.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier

#: (what is typed, the key that saves it); "\n" is Shift+Enter, "<ctrl-pgdn>" switches question
SCRIPT: list[str | tuple[str, str]] = [
    ("Test: the first letter of the first note must survive.", "idea"),
    ("Some said the log-in takes ten minutes; most said more.", "idea"),
    ("Move fast, but measure: star the ones that matter!", "concern"),
    "<ctrl-pgdn>",
    ("Ask each trust for one problem\nand one named owner.", "action"),
    ("If it saves me typing, I'm in.", "quote"),
    ("Restore trust before rolling out anything new.", "idea"),
    "<ctrl-pgdn>",
    ("Data: who sees it, who deletes it, who decides?", "question"),
    ("Start small; scale what works.", "idea"),
    "<ctrl-pgup>",
    ("Dashboards nobody reads are not a strategy.", "concern"),
    ("m s d r: single letters are text too.", "idea"),
]
KIND_KEYS = {"idea": None, "concern": Key.Key_2, "quote": Key.Key_3, "action": Key.Key_4,
             "question": Key.Key_5}  # fmt: skip
SWITCHES = {"<ctrl-pgdn>": Key.Key_PageDown, "<ctrl-pgup>": Key.Key_PageUp}


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard has nowhere to type"
    return widget


def _type(qtbot, text: str) -> None:
    for char in text:
        if char == "\n":
            qtbot.keyClick(_focus(), Key.Key_Return, Mod.ShiftModifier)
        else:
            qtbot.keyClicks(_focus(), char)


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def test_ten_notes_on_first_open_by_keyboard_alone(make_window, qtbot) -> None:
    window: MainWindow = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    _press(qtbot, Key.Key_3, Mod.ControlModifier)  # Capture, as a note-taker arrives
    assert window.workspace is not None
    page = window.workspace.page("capture")
    assert isinstance(page, CapturePage) and page.table_id is None  # first time on this laptop
    questions = page.model.select(Question)
    table = page.model.select(Group)[1]
    before = {n.id for n in page.model.select(Note)}

    question, expected = 0, []
    for step in SCRIPT:
        if isinstance(step, str):
            _press(qtbot, SWITCHES[step], Mod.ControlModifier)
            question += 1 if step == "<ctrl-pgdn>" else -1
            continue
        text, kind = step
        if KIND_KEYS[kind] is not None:
            _press(qtbot, KIND_KEYS[kind], Mod.AltModifier)
        _type(qtbot, text)
        _press(qtbot, Key.Key_Return)
        if page.chooser is not None:  # the first Enter: which table is this laptop?
            qtbot.waitUntil(lambda: _focus() is page.chooser.list)  # type: ignore[union-attr]
            _press(qtbot, Key.Key_Down)
            _press(qtbot, Key.Key_Down)  # the second table
            _press(qtbot, Key.Key_Return)
            qtbot.waitUntil(lambda: _focus() is page.entry.box)
        if kind == "quote":
            assert _focus() is page.entry.who  # who said it? (optional)
            _type(qtbot, "Ward nurse")
            _press(qtbot, Key.Key_Return)
        expected.append((text, kind, questions[question].id, table.id))
    assert len(expected) == 10

    path = window.document.path  # type: ignore[union-attr]
    window.close_document()
    with Document.open(path) as document:
        notes = [n for n in document.select(Note) if n.id not in before]
    found = sorted((n.text, n.kind, n.question_id, n.group_id) for n in notes)
    assert found == sorted(expected)  # every note, exactly, and nothing else
    assert [n.attribution for n in notes if n.kind == "quote"] == ["Ward nurse"]
