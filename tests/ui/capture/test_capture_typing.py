"""Typing notes in Capture: Enter saves (one committed note, shown at once as a saved card, the
focus staying in the box), Shift+Enter keeps new lines, Esc clears, blank Enter saves nothing,
kinds by Alt+1..5, and 200 typed notes are all in the file in order."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.common.capture_helpers import capture_page, reopen_notes, type_note
from workshop_app.domain.records import NOTE_KINDS, Group, Note, Question
from workshop_app.ui.common.sticky import NoteRole
from workshop_app.ui.shell.main_window import MainWindow


def _demo_note_ids(window: MainWindow) -> set[str]:
    assert window.model is not None
    return {n.id for n in window.model.select(Note)}


def test_200_typed_notes_are_all_in_the_file_in_order(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window, table=2)
    before = _demo_note_ids(demo_window)
    questions = page.model.select(Question)
    table = page.model.select(Group)[2]
    expected: list[tuple[str, str, str]] = []
    for n in range(200):
        if n and n % 70 == 0:  # next question by keyboard, twice
            qtbot.keyClick(page.entry.box, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        kind = NOTE_KINDS[n % 5]
        qtbot.keyClick(page.entry.box, Qt.Key.Key_1 + n % 5, Qt.KeyboardModifier.AltModifier)
        text = f"Note {n}: people said thing {n * 7} & more <ok>"
        type_note(qtbot, page, text)
        expected.append((text, questions[n // 70].id, kind))
        assert page.entry.box.toPlainText() == ""
        assert page.entry.kind() == "idea"  # each note starts as an idea again
    assert page.focusWidget() is page.entry.box or page.entry.box.hasFocus()
    notes = [n for n in reopen_notes(demo_window) if n.id not in before]
    assert [(n.text, n.question_id, n.kind) for n in notes] == expected
    assert {n.group_id for n in notes} == {table.id}
    assert all(n.device_id and n.created_at.endswith("Z") for n in notes)
    assert all(n.attribution == "" and n.role == "" for n in notes)  # anonymous by default


def test_enter_shows_the_card_at_once_marked_saved(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    rows = page.mine.rowCount()
    type_note(qtbot, page, "Fix the log-in first")
    assert page.mine.rowCount() == rows + 1
    newest = page.mine.index(0 if page.mine.newest_first else rows).data(NoteRole)
    assert newest.text == "Fix the log-in first"
    text = page.mine.index(0 if page.mine.newest_first else rows).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    assert text.startswith("Idea: Fix the log-in first.") and "Saved" in text
    assert page.status.text().startswith("✓ Saved")
    assert page.model.get(Note, newest.id).text == "Fix the log-in first"  # committed


def test_shift_enter_keeps_new_lines_and_outer_space_is_trimmed(
    demo_window: MainWindow, qtbot
) -> None:
    page = capture_page(demo_window)
    type_note(qtbot, page, "First line\nsecond line\n\nafter a gap")
    qtbot.keyClicks(page.entry.box, "   padded   ")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Enter)  # the keypad's Enter saves too
    texts = [n.text for n in reopen_notes(demo_window)[-2:]]
    assert texts == ["First line\nsecond line\n\nafter a gap", "padded"]


def test_blank_enter_saves_nothing_and_esc_clears(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    count = page.model.count(Note)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    qtbot.keyClicks(page.entry.box, "   ")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.model.count(Note) == count
    qtbot.keyClicks(page.entry.box, "not this one")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Escape)
    assert page.entry.box.toPlainText() == ""
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    assert page.model.count(Note) == count
    assert page.model.undo_stack.count() == 0  # no empty undo steps either


def test_a_quote_asks_who_said_it_and_a_role_is_optional(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    assert page.entry.who.isHidden()
    qtbot.keyClick(page.entry.box, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert page.entry.kind() == "quote" and not page.entry.who.isHidden()
    qtbot.keyClicks(page.entry.box, "We need the basics in place")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Tab)
    assert page.entry.who.hasFocus()
    qtbot.keyClicks(page.entry.who, "Ward sister")
    page.entry.role.setCurrentIndex(page.entry.role.findData("clinician"))
    qtbot.keyClick(page.entry.who, Qt.Key.Key_Return)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.entry.who, "ignored: not a quote")
    type_note(qtbot, page, "Name an owner per problem")
    quote, action = reopen_notes(demo_window)[-2:]
    assert (quote.kind, quote.attribution, quote.role) == ("quote", "Ward sister", "clinician")
    assert (action.kind, action.attribution, action.role) == ("action", "", "")


def test_ctrl_z_in_an_empty_box_undoes_the_last_note(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    count = page.model.count(Note)
    type_note(qtbot, page, "Saved too soon")
    qtbot.keyClicks(page.entry.box, "typing")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.count(Note) == count + 1  # Ctrl+Z undid the typing first
    assert page.entry.box.toPlainText() == ""
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.count(Note) == count


def test_an_alt_key_no_menu_takes_types_nothing_into_the_note(
    demo_window: MainWindow, qtbot
) -> None:
    """Alt+J and Alt+Y open no menu (nor does Alt+H in Welsh, whose Help is Alt+C): on Linux Qt
    would type the letter into the note; the kinds' Alt+1…5 still work."""
    page = capture_page(demo_window)
    qtbot.keyClicks(page.entry.box, "tea")
    qtbot.keyClick(page.entry.box, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert page.entry.box.hasFocus()
    qtbot.keyClick(page.entry.box, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(page.entry.box, " now")
    assert page.entry.box.toPlainText() == "tea now"
    assert page.entry.kind() == "concern"
