"""Each Plan list (speakers, questions, tables, agenda): add, edit, reorder, delete by keyboard,
each one undoable step, and the result is in the file after reopening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from tests.ui.plan.plan_helpers import focus, press, reopen, type_into_focus
from workshop_app.domain.records import AgendaItem, Group, Question, Speaker

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier

CASES = [
    ("Speakers", Speaker, "name", "Wendy Clark"),
    ("Questions", Question, "text", "How do we take people along the way?"),
    ("Tables", Group, "name", "Garden table"),
    ("Agenda", AgendaItem, "title", "Keynote"),
]


@pytest.mark.parametrize(("section", "kind", "field", "value"), CASES)
def test_add_by_keyboard_types_straight_into_the_new_row(
    qtbot, page, model, section, kind, field, value
):
    editor = page.show_section(section)
    before = model.count(kind)
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_N, CTRL)
    assert model.count(kind) == before + 1
    assert editor.view.state() == editor.view.State.EditingState
    type_into_focus(qtbot, value)
    new_id = editor.current_id()
    assert getattr(model.get(kind, new_id), field) == value
    assert model.index_of(kind, new_id) == 1  # after the first row, which was current
    assert model.undo_stack.undoText() in (
        "Rename speaker",
        "Edit question",
        "Rename table",
        "Rename agenda item",
    )
    model.undo_stack.undo()  # the edit
    model.undo_stack.undo()  # the add
    assert model.count(kind) == before
    model.undo_stack.redo()
    model.undo_stack.redo()
    assert getattr(model.get(kind, new_id), field) == value
    doc = reopen(model)
    try:
        assert getattr(doc.get(kind, new_id), field) == value
        assert doc.index_of(kind, new_id) == 1
    finally:
        doc.close()


@pytest.mark.parametrize(("section", "kind", "field", "value"), CASES)
def test_edit_existing_cell_is_one_named_undo_step(qtbot, page, model, section, kind, field, value):
    editor = page.show_section(section)
    first = model.select(kind)[0]
    editor.select(first.id, editor.spec.column_of(field))
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_F2)
    widget = editor.view.indexWidget(editor.view.currentIndex())
    assert widget is not None and widget.accessibleName()
    widget.selectAll()
    type_into_focus(qtbot, value)
    assert getattr(model.get(kind, first.id), field) == value
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert getattr(model.get(kind, first.id), field) == getattr(first, field)
    model.undo_stack.redo()
    doc = reopen(model)
    try:
        assert getattr(doc.get(kind, first.id), field) == value
    finally:
        doc.close()


@pytest.mark.parametrize(("section", "kind", "field", "value"), CASES)
def test_alt_up_and_down_reorder_and_keep_the_selection(
    qtbot, page, model, section, kind, field, value
):
    editor = page.show_section(section)
    first, second = (r.id for r in model.select(kind)[:2])
    editor.select(first)
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_Down, ALT)
    assert [r.id for r in model.select(kind)[:2]] == [second, first]
    assert editor.current_id() == first  # the moved row stays current
    press(qtbot, Qt.Key.Key_Up, ALT)
    assert [r.id for r in model.select(kind)[:2]] == [first, second]
    assert model.undo_stack.undoText().startswith("Move")
    model.undo_stack.undo()
    assert [r.id for r in model.select(kind)[:2]] == [second, first]
    doc = reopen(model)
    try:
        assert [r.id for r in doc.select(kind)[:2]] == [second, first]
    finally:
        doc.close()


@pytest.mark.parametrize(("section", "kind", "field", "value"), CASES)
def test_moverows_and_drop_move_through_the_document(
    qtbot, page, model, section, kind, field, value
):
    table = page.show_section(section).table_model
    first, second = (r.id for r in model.select(kind)[:2])
    assert table.moveRows(QModelIndex(), 0, 1, QModelIndex(), 2)  # Qt: "before row 2"
    assert [r.id for r in model.select(kind)[:2]] == [second, first]
    data = table.mimeData([table.index(1, 0)])  # drag `first` (now row 1) ...
    assert table.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())  # ... to top
    assert [r.id for r in model.select(kind)[:2]] == [first, second]
    assert model.count(kind) == table.rowCount()  # nothing removed by the drag
    model.undo_stack.undo()
    assert [r.id for r in model.select(kind)[:2]] == [second, first]


@pytest.mark.parametrize(("section", "kind", "field", "value"), CASES)
def test_delete_key_deletes_and_undo_restores(
    qtbot, page, model, dialogs, section, kind, field, value
):
    dialogs.answer_confirm = True
    editor = page.show_section(section)
    victim = model.select(kind)[-1]
    editor.select(victim.id)
    focus(qtbot, editor.view)
    press(qtbot, Qt.Key.Key_Delete)
    assert victim.id not in [r.id for r in model.select(kind)]
    assert model.undo_stack.undoText().startswith("Delete")
    model.undo_stack.undo()
    assert model.select(kind)[-1].id == victim.id
    model.undo_stack.redo()
    doc = reopen(model)
    try:
        assert victim.id not in [r.id for r in doc.select(kind)]
        assert doc.get(kind, victim.id).deleted  # tombstoned, never hard-deleted
    finally:
        doc.close()


def test_empty_list_says_what_to_do(qtbot, page, model):
    editor = page.show_section("Speakers")
    model.push_delete([(Speaker, s.id) for s in model.select(Speaker)])
    assert editor.table_model.rowCount() == 0
    assert "Ctrl+N" in editor.view.empty_text
    assert not editor.delete_action.isEnabled()
    assert "Speakers  0" in page.sections.item(1).text()
