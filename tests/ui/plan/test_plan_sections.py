"""Details form, questions, tables and agenda: what each section does beyond a plain list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.plan.plan_helpers import focus, reopen, settle
from workshop_app.domain.records import AgendaItem, Group, Note, Question, Theme
from workshop_app.ui.plan import checks


def test_details_edit_commits_on_enter_undo_and_reopen(qtbot, page, model):
    details = page.details
    focus(qtbot, details.title)
    details.title.selectAll()
    qtbot.keyClicks(details.title, "Digital transformation")
    assert model.event_record().title == "Small event"  # nothing per keystroke
    qtbot.keyClick(details.title, Qt.Key.Key_Return)
    assert model.event_record().title == "Digital transformation"
    assert model.undo_stack.undoText() == "Edit event title"
    model.undo_stack.undo()
    assert details.title.text() == "Small event"
    model.undo_stack.redo()
    doc = reopen(model)
    try:
        assert doc.event().title == "Digital transformation"
    finally:
        doc.close()


def test_details_dates_times_and_not_set(qtbot, page, model):
    details = page.details
    details.date.setText("15/06/2021")
    details.date.editingFinished.emit()
    assert model.event_record().date == "2021-06-15"
    assert details.date.text() == "Tue 15 Jun 2021"
    details.date.setText("next week")
    details.date.editingFinished.emit()
    assert model.event_record().date == "2021-06-15"  # unreadable text is not written ...
    assert "try" in details.date_problem.text.text()  # ... and the reason shows beside it
    assert not details.date_problem.isHidden()
    details.date.setText("")
    details.date.editingFinished.emit()
    assert model.event_record().date is None and details.date_problem.isHidden()
    details.start.setText("9.30")
    details.start.editingFinished.emit()
    assert model.event_record().start_time == "09:30"
    details.attendees.setValue(40)
    details.attendees.editingFinished.emit()
    assert model.event_record().attendee_count == 40
    details.attendees.setValue(0)
    details.attendees.editingFinished.emit()
    assert model.event_record().attendee_count is None
    assert details.attendees.text() == "Not set"


def test_details_summary_commits_when_focus_leaves(qtbot, page, model):
    details = page.details
    focus(qtbot, details.summary)
    qtbot.keyClicks(details.summary, "Why we meet")
    assert model.event_record().summary == ""
    qtbot.keyClick(details.summary, Qt.Key.Key_Tab)  # Tab moves on, it does not type a tab
    settle()
    assert model.event_record().summary == "Why we meet"
    assert model.undo_stack.undoText() == "Edit summary"


def test_empty_title_shows_why_next_to_the_field(qtbot, page, model):
    model.push_update_event(title="")
    assert page.details.title_problem.text.text() == checks.NEEDS_TITLE
    assert page.details.title.accessibleDescription() == checks.NEEDS_TITLE
    assert "1 to check" in page.sections.item(0).text()
    model.undo_stack.undo()
    assert page.details.title_problem.isHidden()


def test_question_prompt_edits_and_reopens(qtbot, page, model):
    editor = page.show_section("Questions")
    first = model.select(Question)[0]
    editor.select(first.id)
    focus(qtbot, editor.form.prompt)
    qtbot.keyClicks(editor.form.prompt, "Think big")
    qtbot.keyClick(editor.form.prompt, Qt.Key.Key_Tab)
    settle()
    assert model.get(Question, first.id).prompt == "Think big"
    assert model.undo_stack.undoText() == "Edit prompt"
    doc = reopen(model)
    try:
        assert doc.get(Question, first.id).prompt == "Think big"
    finally:
        doc.close()


def test_deleting_a_question_with_notes_asks_and_cancel_keeps_it(qtbot, page, model, dialogs):
    editor = page.show_section("Questions")
    question = model.select(Question)[0]
    model.push_add(Theme(question_id=question.id, title="Basics first"))
    dialogs.answer_confirm = False
    editor.select(question.id)
    editor.delete_action.trigger()
    assert "2 notes and 1 theme" in dialogs.asked[-1]
    assert model.count(Question) == 2 and model.count(Note) == 2
    dialogs.answer_confirm = True
    steps = model.undo_stack.count()
    editor.delete_action.trigger()
    assert model.count(Question) == 1
    assert model.count(Note, question_id=question.id) == 0
    assert model.count(Theme) == 0
    assert model.undo_stack.count() == steps + 1  # question, notes and themes: one step
    model.undo_stack.undo()
    assert model.count(Question) == 2 and model.count(Note) == 2 and model.count(Theme) == 1


def test_deleting_a_question_without_notes_does_not_ask(qtbot, page, model, dialogs):
    editor = page.show_section("Questions")
    editor.select(model.select(Question)[1].id)
    editor.delete_action.trigger()
    assert dialogs.asked == [] and model.count(Question) == 1


def test_deleting_a_table_keeps_its_notes(qtbot, page, model, dialogs):
    editor = page.show_section("Tables")
    table = model.select(Group)[0]
    editor.select(table.id)
    editor.delete_action.trigger()
    assert "2 notes stay" in dialogs.asked[-1]
    assert model.count(Group) == 1
    notes = model.select(Note, group_id=table.id)
    assert [n.text for n in notes] == ["An idea", "A worry"]  # nothing written is lost
    model.undo_stack.undo()
    assert model.select(Group)[0].id == table.id


def test_add_tables_creates_n_in_one_step_continuing_the_numbering(qtbot, page, model, dialogs):
    editor = page.show_section("Tables")
    dialogs.answer_count = 3
    steps = model.undo_stack.count()
    editor.add_many_action.trigger()
    assert [g.name for g in model.select(Group)] == [f"Table {k}" for k in range(1, 6)]
    assert model.undo_stack.count() == steps + 1
    assert model.undo_stack.undoText() == "Add 3 tables"
    model.undo_stack.undo()
    assert model.count(Group) == 2
    dialogs.answer_count = None  # cancelled
    editor.add_many_action.trigger()
    assert model.count(Group) == 2
    model.undo_stack.redo()
    doc = reopen(model)
    try:
        assert doc.count(Group) == 5
    finally:
        doc.close()


def test_agenda_clock_and_total_follow_start_time_and_minutes(qtbot, page, model):
    editor = page.show_section("Agenda")
    table = editor.table_model
    assert [table.index(r, 0).data() for r in range(2)] == ["10:00", "10:05"]
    assert editor.total_text() == "Total 25 min · starts 10:00 · ends 10:25"
    model.push_update(AgendaItem, model.select(AgendaItem)[0].id, planned_minutes=30)
    assert table.index(1, 0).data() == "10:30"
    model.push_update_event(start_time="13:00")
    assert table.index(1, 0).data() == "13:30"
    assert "ends 13:50" in editor.total.text()
    model.push_update_event(start_time=None)
    assert table.index(1, 0).data() == "+0:30"


def test_agenda_validation_shows_reasons_in_the_row(qtbot, page, model):
    editor = page.show_section("Agenda")
    breakout = model.select(AgendaItem)[1]
    editor.select(breakout.id)
    model.push_update(AgendaItem, breakout.id, planned_minutes=0, question_ids=())
    assert editor.problem_line.text.text() == f"{checks.NEEDS_MINUTES}; {checks.NEEDS_QUESTION}"
    assert not editor.problem_line.isHidden()
    assert "1 to check" in page.sections.item(4).text()
    model.push_update_event(start_time="23:50")
    model.push_update(AgendaItem, breakout.id, planned_minutes=20)
    assert checks.PAST_MIDNIGHT in editor.problem_line.text.text()


def test_breakout_questions_are_ticked_in_a_list(qtbot, page, model):
    editor = page.show_section("Agenda")
    breakout = model.select(AgendaItem)[1]
    second = model.select(Question)[1]
    editor.select(breakout.id)
    form = editor.form
    assert form.questions.isEnabled()
    form.questions.item(1).setCheckState(Qt.CheckState.Checked)
    assert model.get(AgendaItem, breakout.id).question_ids[-1] == second.id
    assert model.undo_stack.undoText() == "Choose breakout questions"
    assert editor.table_model.index(1, 4).data() == "Q1, Q2"
    editor.select(model.select(AgendaItem)[0].id)  # not a breakout
    assert not form.questions.isEnabled() and "Only breakouts" in form.hint.text()


def test_new_tables_continue_a_numbering_made_in_the_windows_language(model):
    """A table added in Welsh is "Bwrdd 8" after "Bwrdd 7", as "Table 8" follows "Table 7"."""
    from workshop_app.ui.common import i18n as ui_i18n
    from workshop_app.ui.plan.columns import next_table_number, table_name

    second = model.select(Group)[1]
    model.push_update(Group, second.id, name="Bwrdd 7")
    assert next_table_number(model) == 3  # in English, "Bwrdd 7" is a name like any other
    ui_i18n.install("cy")
    assert table_name(next_table_number(model)) == "Bwrdd 8"
    model.push_update(Group, second.id, name="Table 9")
    assert next_table_number(model) == 10  # the English names still count
