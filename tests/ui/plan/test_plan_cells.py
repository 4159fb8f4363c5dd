"""F2 edits every cell of every Plan list, and every way of deleting a question with notes
asks first. Real key presses and clicks on a shown Plan page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QToolButton,
)

from tests.ui.plan.plan_helpers import focus, press
from workshop_app.domain.records import AgendaItem, Note, Question
from workshop_app.ui.plan.page import LISTS

ALT = Qt.KeyboardModifier.AltModifier
EDITORS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QListWidget)


def _cells(section: str) -> list[tuple[int, int]]:
    """(row, column) of every cell of the first two rows (the small event has two of each)."""
    return [(row, col) for row in (0, 1) for col in range(len(LISTS[section].columns))]


@pytest.mark.parametrize("section", list(LISTS))
def test_f2_edits_every_cell_of_every_list(qtbot, page, section):
    for row, column in _cells(section):
        editor = page.show_section(section)
        record = editor.table_model.record(row)
        editor.select(record.id, column)
        focus(qtbot, editor.view)
        header = editor.spec.columns[column].header
        press(qtbot, Qt.Key.Key_F2)
        widget = QApplication.focusWidget()
        where = f"F2 on {section} row {row + 1}, {header}"
        assert widget is not editor.view and isinstance(widget, EDITORS), where
        assert widget.isEnabled() and widget.isVisible(), where
        press(qtbot, Qt.Key.Key_Escape)


def test_f2_on_a_worked_out_cell_goes_to_what_sets_it(qtbot, page, model):
    questions = page.show_section("Questions")
    questions.select(model.select(Question)[1].id, 1)  # "Prompt for the tables"
    focus(qtbot, questions.view)
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is questions.form.prompt
    before = model.select(Question)[1].prompt
    qtbot.keyClicks(questions.form.prompt, " Two minutes each, then vote.")
    focus(qtbot, questions.view)  # the prompt commits as the focus leaves
    assert model.select(Question)[1].prompt == f"{before} Two minutes each, then vote.".strip()

    agenda = page.show_section("Agenda")
    welcome, breakout = model.select(AgendaItem)[:2]
    agenda.select(breakout.id, 0)  # the breakout's start: set by the minutes before it
    focus(qtbot, agenda.view)
    press(qtbot, Qt.Key.Key_F2)
    assert isinstance(QApplication.focusWidget(), QAbstractSpinBox)
    assert agenda.current_id() == welcome.id
    assert agenda.view.currentIndex().column() == agenda.spec.column_of("planned_minutes")
    press(qtbot, Qt.Key.Key_Escape)
    agenda.select(breakout.id, 4)  # the breakout's questions: the ticks under the list
    focus(qtbot, agenda.view)
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is agenda.form.questions
    agenda.select(welcome.id, 0)  # the first start: the event's start time
    focus(qtbot, agenda.view)
    press(qtbot, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.details.start
    assert page.sections.currentItem().text().startswith("Details")


def _question_with_notes(page, model):
    editor = page.show_section("Questions")
    question = model.select(Question)[0]
    assert model.count(Note, question_id=question.id) == 2
    editor.select(question.id)
    return editor, question


def test_a_question_with_notes_is_deleted_by_key_only_after_confirming(qtbot, page, model, dialogs):
    editor, question = _question_with_notes(page, model)
    dialogs.answer_confirm = False
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_Delete)
    assert "2 notes" in dialogs.asked[-1]
    assert model.get(Question, question.id) in model.select(Question)
    dialogs.answer_confirm = True
    press(qtbot, Qt.Key.Key_Delete)
    assert question.id not in [q.id for q in model.select(Question)]


def test_a_question_with_notes_is_deleted_by_button_only_after_confirming(
    qtbot, page, model, dialogs
):
    editor, question = _question_with_notes(page, model)
    dialogs.answer_confirm = False
    button = _button(editor, editor.delete_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(dialogs.asked) == 1 and "2 notes" in dialogs.asked[0]
    assert question.id in [q.id for q in model.select(Question)]
    assert QApplication.focusWidget() is not button  # the button never takes the focus


def test_no_context_menu_deletes_without_asking(qtbot, page, model, dialogs):
    """There is no context menu on the lists today; if one is added, its Delete must ask."""
    editor, question = _question_with_notes(page, model)
    dialogs.answer_confirm = False
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_Menu)
    popup = QApplication.activePopupWidget()
    if popup is not None:
        deletes = [a for a in popup.actions() if a.text().replace("&", "").startswith("Delete")]
        for action in deletes:
            action.trigger()
        popup.close()
    assert question.id in [q.id for q in model.select(Question)]


@pytest.mark.parametrize("where", ["cell editor", "breakout questions"])
def test_delete_and_alt_arrows_away_from_the_list_do_not_touch_rows(qtbot, page, model, where):
    """Delete and Alt+Up/Down belong to the list: in the Kind box of a row being edited they
    must not delete or move the row, nor in the breakout's question list under the agenda."""
    agenda = page.show_section("Agenda")
    breakout = model.select(AgendaItem)[1]
    before = [a.id for a in model.select(AgendaItem)]
    for key, modifier in (
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Up, ALT),
        (Qt.Key.Key_Down, ALT),
    ):
        agenda.select(breakout.id, agenda.spec.column_of("kind"))
        focus(qtbot, agenda.view)
        if where == "cell editor":
            press(qtbot, Qt.Key.Key_F2)
            assert isinstance(QApplication.focusWidget(), QComboBox)
        else:
            focus(qtbot, agenda.form.questions)
        press(qtbot, key, modifier)
        popup = QApplication.activePopupWidget()
        if popup is not None:  # Alt+Down opens the Kind box's list: that is its job
            popup.close()
        press(qtbot, Qt.Key.Key_Escape)
        assert [a.id for a in model.select(AgendaItem)] == before, (key, modifier)


def test_ctrl_n_keeps_what_was_being_typed(qtbot, page, model):
    """Ctrl+N while a cell or the prompt box is being typed in writes that text first."""
    questions = page.show_section("Questions")
    first = model.select(Question)[0]
    questions.select(first.id)
    focus(qtbot, questions.view)
    press(qtbot, Qt.Key.Key_F2)
    press(qtbot, Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " Really?")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert model.get(Question, first.id).text == "First question? Really?"
    new = questions.current_id()
    assert new != first.id
    press(qtbot, Qt.Key.Key_Escape)
    questions.select(first.id)
    focus(qtbot, questions.form.prompt)
    qtbot.keyClicks(questions.form.prompt, "Talk in pairs first.")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert model.get(Question, first.id).prompt == "Talk in pairs first."
    assert model.get(Question, new).prompt == ""


def _button(editor, action):
    """The toolbar button of ``action``."""
    return next(b for b in editor.findChildren(QToolButton) if b.defaultAction() is action)
