"""RecordTableModel against Qt's model checks, and the pure clock and validation helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workshop_app.domain.records import AgendaItem, Question
from workshop_app.ui.plan import checks, columns
from workshop_app.ui.plan.schedule import (
    format_duration,
    parse_date,
    parse_time,
    schedule,
)
from workshop_app.ui.plan.table_model import (
    FieldRole,
    ProblemsRole,
    RecordIdRole,
    RecordTableModel,
)

SPECS = [columns.SPEAKERS, columns.QUESTIONS, columns.TABLES, columns.AGENDA]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.plural)
def test_qtmodeltester(qtmodeltester, model, spec):
    table = RecordTableModel(model, spec)
    qtmodeltester.check(table, force_py=True)
    qtmodeltester.check(table)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.plural)
def test_model_follows_document_changes(qtmodeltester, model, spec):
    table = RecordTableModel(model, spec)
    qtmodeltester.check(table)
    rows = table.rowCount()
    model.push_add(spec.new_record(model))
    assert table.rowCount() == rows + 1
    model.undo_stack.undo()
    assert table.rowCount() == rows


def test_named_roles_and_edit_role(model):
    table = RecordTableModel(model, columns.AGENDA)
    names = {bytes(v).decode() for v in table.roleNames().values()}
    assert {"recordId", "record", "problems", "field"} <= names
    minutes = table.index(1, columns.AGENDA.column_of("planned_minutes"))
    assert minutes.data(Qt.ItemDataRole.EditRole) == 20
    assert minutes.data() == "20 min"
    assert minutes.data(FieldRole) == "planned_minutes"
    assert minutes.data(RecordIdRole) == model.select(AgendaItem)[1].id
    assert table.index(0, 0).data() == "10:00"  # Starts: computed, read-only
    assert not table.flags(table.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not table.setData(table.index(0, 0), "11:00")


def test_set_data_pushes_one_named_step(qapp, model):
    table = RecordTableModel(model, columns.AGENDA)
    title = table.index(0, columns.AGENDA.column_of("title"))
    assert table.setData(title, "  Hello  ")
    assert model.select(AgendaItem)[0].title == "Hello"
    assert model.undo_stack.undoText() == "Rename agenda item"
    assert table.setData(title, "Hello")  # unchanged: no empty undo step
    assert model.undo_stack.count() == 1


def test_set_data_changes_a_kind(qapp, model):
    table = RecordTableModel(model, columns.AGENDA)
    kind = table.index(0, columns.AGENDA.column_of("kind"))
    assert table.setData(kind, "talk")
    assert model.select(AgendaItem)[0].kind == "talk"
    assert model.undo_stack.undoText() == "Change agenda item’s kind"
    assert not table.setData(kind, "picnic")  # not one of the kinds
    assert table.setData(kind, "talk")  # unchanged: no empty undo step
    assert model.undo_stack.count() == 1
    model.undo_stack.undo()
    assert model.select(AgendaItem)[0].kind == "welcome"


def test_problems_role_flags_a_row(qapp, model):
    table = RecordTableModel(model, columns.AGENDA)
    model.push_update(AgendaItem, model.select(AgendaItem)[0].id, planned_minutes=0)
    assert table.index(0, 0).data(ProblemsRole) == [checks.NEEDS_MINUTES]
    title = table.index(0, columns.AGENDA.column_of("title"))
    assert checks.NEEDS_MINUTES in title.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert title.data(Qt.ItemDataRole.DecorationRole) is not None  # icon + words, not colour


def test_schedule_clock_and_total():
    plan = schedule("10:00", [5, 20, 30, 15, 20, 20, 20, 20, 5, 35])
    assert [plan.clock(r) for r in range(3)] == ["10:00", "10:05", "10:25"]
    assert plan.summary() == "Total 3 h 10 min · starts 10:00 · ends 13:10"
    late = schedule("23:30", [20, 20])
    assert late.clock(1) == "23:50"
    assert not late.past_midnight(0, 20) and late.past_midnight(1, 20)
    assert "ends 00:10 +1 day" in late.summary()
    loose = schedule(None, [45, 30])
    assert loose.clock(1) == "+0:45"
    assert "set a start time" in loose.summary()
    assert format_duration(45) == "45 min" and format_duration(120) == "2 h"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("15/06/2021", "2021-06-15"),
        ("2021-06-15", "2021-06-15"),
        ("15 June 2021", "2021-06-15"),
        ("Tue 15 Jun 2021", "2021-06-15"),
        ("", None),
    ],
)
def test_parse_date(typed, stored):
    assert parse_date(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10:00", "10:00"),
        ("9.30", "09:30"),
        ("1430", "14:30"),
        ("2pm", "14:00"),
        ("12am", "00:00"),
        ("10", "10:00"),
        (" ", None),
    ],
)
def test_parse_time(typed, stored):
    assert parse_time(typed) == stored


@pytest.mark.parametrize("typed", ["31/02/2021", "soon", "25:00", "10:75"])
def test_unreadable_dates_and_times_say_why(typed):
    with pytest.raises(ValueError, match="try"):
        parse_time(typed) if ":" in typed else parse_date(typed)


def test_agenda_checks():
    plan = schedule("23:00", [0, 90])
    empty = AgendaItem(title="", kind="breakout", planned_minutes=0)
    assert checks.agenda_problems(empty, set(), plan, 0) == [
        checks.NEEDS_ITEM_TITLE,
        checks.NEEDS_MINUTES,
        checks.NEEDS_QUESTION,
    ]
    q = Question(text="Q")
    late = AgendaItem(title="Late", kind="breakout", planned_minutes=90, question_ids=(q.id,))
    assert checks.agenda_problems(late, {q.id}, plan, 1) == [checks.PAST_MIDNIGHT]
    assert checks.agenda_problems(late, set(), plan, 1)[0] == checks.NEEDS_QUESTION
