"""Nothing typed in Capture is swallowed or turned into a command: printable keys never act on a
card (what is typed on the cards, the side panel or the bar lands in the note box), and after
every action the focus is back in the note box. All through real key events on a shown window,
sent where the keyboard sends them (the focus widget)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from workshop_app.domain.records import Note, Question
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.shell.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier
PROSE = "so many more ideas, really: draft the DPIA!"


def _focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _type(qtbot, text: str) -> None:
    """Type ``text`` key by key, each where the keyboard sends it (the focus may move)."""
    for char in text:
        qtbot.keyClicks(_focus(), char)


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> None:
    qtbot.keyClick(_focus(), key, modifier)


def _ready(demo_window: MainWindow, qtbot) -> CapturePage:
    page = capture_page(demo_window)
    demo_window.activateWindow()
    page.focus_entry()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.box)
    for text in ("first of ours", "second of ours", "third of ours"):
        type_note(qtbot, page, text)
    return page


def _state(page: CapturePage) -> list[tuple[str, str, bool, str | None, bool]]:
    notes = page.model.select(Note) + page.model.deleted(Note)
    return sorted((n.id, n.kind, n.starred, n.question_id, n.deleted) for n in notes)


def _tab_to(qtbot, widget: QWidget) -> None:
    """Tab from the note box until ``widget`` has the focus, as a person would."""
    for _ in range(12):
        if _focus() is widget:
            return
        _press(qtbot, Key.Key_Tab)
    raise AssertionError(f"Tab never reached {widget.accessibleName()}")


def test_prose_typed_on_the_cards_goes_to_the_box(demo_window: MainWindow, qtbot, dialogs) -> None:
    page = _ready(demo_window, qtbot)
    page.model.push_delete([(Note, page.mine.note(0).id)], label="Delete")  # one in the trash
    before = _state(page)
    _tab_to(qtbot, page.cards)
    qtbot.keyClick(_focus(), Key.Key_Home)
    assert page.cards.current_id()
    _type(qtbot, PROSE)  # s, m, r, d: were star, move, restore…
    assert _focus() is page.entry.box
    assert page.entry.box.toPlainText() == PROSE
    assert _state(page) == before and dialogs.asked == []
    _press(qtbot, Key.Key_Escape)

    side = page.side
    for tab, target in ((0, side.others), (2, side.trash), (0, side.tabBar()), (0, page.order)):
        side.setCurrentIndex(tab)
        _tab_to(qtbot, target)
        if target is side.trash:
            side.trash.select_row(0)
        _type(qtbot, PROSE)
        assert _focus() is page.entry.box, target.accessibleName()
        assert page.entry.box.toPlainText() == PROSE, target.accessibleName()
        _press(qtbot, Key.Key_Escape)
    assert page.order.isChecked() == page.mine.newest_first  # untouched by the text

    question = page.question_id
    for _ in range(3):
        _press(qtbot, Key.Key_Tab, Mod.ShiftModifier)
        if _focus() is page.where.question:
            break
    assert _focus() is page.where.question
    _type(qtbot, "Q3 and more")  # no keyboard search of "Q…" questions
    assert page.question_id == question
    assert page.entry.box.toPlainText() == "Q3 and more"
    assert _state(page) == before and dialogs.asked == []


def test_the_focus_returns_to_the_box_after_every_action(
    demo_window: MainWindow, qtbot, dialogs
) -> None:
    page = _ready(demo_window, qtbot)
    questions = page.model.select(Question)

    def on_a_card(key: Qt.Key, modifier: Qt.KeyboardModifier = Mod.NoModifier) -> Note:
        _tab_to(qtbot, page.cards)
        qtbot.keyClick(_focus(), Key.Key_Home)
        note = page.mine.note(page.cards.currentIndex().row())
        _press(qtbot, key, modifier)
        assert _focus() is page.entry.box, f"after {key.name}"
        return note

    _tab_to(qtbot, page.cards)
    _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)  # the bug: focus stayed on the cards
    assert page.question_id == questions[1].id and _focus() is page.entry.box
    _tab_to(qtbot, page.cards)
    _press(qtbot, Key.Key_PageUp, Mod.ControlModifier)
    assert page.question_id == questions[0].id and _focus() is page.entry.box

    _press(qtbot, Key.Key_Tab, Mod.ShiftModifier)
    assert _focus() is page.where.question
    _press(qtbot, Key.Key_Down)  # choosing a question in the bar
    assert page.question_id == questions[1].id and _focus() is page.entry.box
    _press(qtbot, Key.Key_PageUp, Mod.ControlModifier)

    note = on_a_card(Key.Key_D, Mod.ControlModifier)
    assert page.model.get(Note, note.id).starred
    note = on_a_card(Key.Key_2, Mod.AltModifier)
    assert page.model.get(Note, note.id).kind == "concern"
    note = on_a_card(Key.Key_Delete)
    assert page.model.get(Note, note.id).deleted
    _tab_to(qtbot, page.cards)
    _press(qtbot, Key.Key_Z, Mod.ControlModifier)  # undo, with the focus on the cards
    assert not page.model.get(Note, note.id).deleted and _focus() is page.entry.box
    dialogs.choices.append(2)
    note = on_a_card(Key.Key_M, Mod.ControlModifier)  # the dialog closes: back in the box
    assert page.model.get(Note, note.id).question_id == questions[2].id
    dialogs.choices.append(None)
    on_a_card(Key.Key_M, Mod.ControlModifier)  # cancelled: back in the box too

    _tab_to(qtbot, page.cards)
    note = page.mine.note(page.cards.currentIndex().row())
    _press(qtbot, Key.Key_F2)  # an edit in place, saved
    _press(qtbot, Key.Key_End, Mod.ControlModifier)
    _type(qtbot, " (edited)")
    _press(qtbot, Key.Key_Return)
    assert page.model.get(Note, note.id).text == note.text + " (edited)"
    assert _focus() is page.entry.box

    page.side.setCurrentIndex(2)
    on_a_card(Key.Key_Delete)
    _tab_to(qtbot, page.side.trash)
    page.side.trash.select_row(0)
    _press(qtbot, Key.Key_R, Mod.ControlModifier)  # restore from the trash
    assert page.trash.rowCount() == 0 and _focus() is page.entry.box

    start_breakout(demo_window)  # the question follows; Ctrl+PgDn leaves it, Alt+B goes back
    _press(qtbot, Key.Key_PageDown, Mod.ControlModifier)
    _tab_to(qtbot, page.cards)
    _press(qtbot, Key.Key_B, Mod.AltModifier)
    assert page.question_id == questions[0].id and _focus() is page.entry.box
