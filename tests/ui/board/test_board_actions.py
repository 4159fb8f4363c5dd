"""Board actions: each is one undo step and one committed transaction, undo and redo exact."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import Event, Note, Question, Theme
from workshop_app.storage.document import Document
from workshop_app.ui.board import actions
from workshop_app.ui.document_model import DocumentModel


@pytest.fixture
def model(tmp_path: Path) -> Iterator[DocumentModel]:
    questions = (Question(text="What works?"), Question(text="What next?"))
    notes = tuple(
        Note(question_id=questions[i % 2].id, text=f"note {i}", votes=i % 3) for i in range(1000)
    )
    bundle = EventBundle(event=Event(title="Board"), questions=questions, notes=notes)
    document = Document.create(tmp_path / "b.workshop", bundle)
    yield DocumentModel(document)
    document.close()


def _first_question(model: DocumentModel) -> str:
    return model.select(Question)[0].id


def _on_disk(model: DocumentModel, sql: str) -> list[tuple]:
    """What another reader of the file sees: only committed writes."""
    with sqlite3.connect(model.document.path) as other:
        return other.execute(sql).fetchall()


def test_grouping_500_notes_is_one_step_and_one_transaction(model: DocumentModel) -> None:
    qid = _first_question(model)
    ids = actions.unsorted_note_ids(model, qid)
    assert len(ids) == 500
    statements: list[str] = []
    model.document._conn.set_trace_callback(statements.append)
    theme_id = actions.group_into_new_theme(model, qid, ids, title="Access")
    model.document._conn.set_trace_callback(None)
    assert sum(1 for s in statements if s.startswith("BEGIN")) == 1
    assert sum(1 for s in statements if s == "COMMIT") == 1
    assert model.undo_stack.count() == 1
    assert model.undo_stack.undoText() == "Group 500 notes into “Access”"
    assert _on_disk(model, f"SELECT COUNT(*) FROM note WHERE theme_id = '{theme_id}'") == [(500,)]
    model.undo_stack.undo()
    assert model.get(Theme, theme_id).deleted and not model.select(Note, theme_id=theme_id)
    model.undo_stack.redo()
    assert len(model.select(Note, theme_id=theme_id)) == 500
    assert not model.get(Theme, theme_id).deleted


def test_move_ungroup_delete_rename_votes_and_stars_undo_exactly(model: DocumentModel) -> None:
    qid = _first_question(model)
    ids = actions.unsorted_note_ids(model, qid)[:4]
    a = actions.group_into_new_theme(model, qid, ids[:2], title="A")
    b = actions.group_into_new_theme(model, qid, ids[2:], title="B")
    signals: list[tuple] = []
    model.changed.connect(lambda kind, rid: signals.append((kind, rid)))
    actions.move_to_theme(model, [ids[0]], b)
    assert model.get(Note, ids[0]).theme_id == b and signals == [(Note, ids[0])]
    actions.move_to_theme(model, [ids[0]], None)
    assert model.get(Note, ids[0]).theme_id is None
    model.undo_stack.undo()
    assert model.get(Note, ids[0]).theme_id == b
    actions.rename_theme(model, a, "  Access  ")
    assert model.get(Theme, a).title == "Access"
    assert actions.add_vote(model, Theme, a, 1) == 1
    assert actions.add_vote(model, Theme, a, -1) == 0
    steps = model.undo_stack.count()
    assert actions.add_vote(model, Theme, a, -1) == 0  # never below 0, and no empty step
    assert model.undo_stack.count() == steps
    assert actions.set_votes(model, Note, ids[1], 7) == 7
    assert actions.toggle_star(model, ids[:2]) is True
    assert actions.toggle_star(model, ids[:2]) is False
    model.undo_stack.undo()
    assert all(model.get(Note, n).starred for n in ids[:2])
    actions.ungroup(model, b)
    assert model.get(Theme, b).deleted
    assert [model.get(Note, n).theme_id for n in (ids[0], ids[2], ids[3])] == [None] * 3
    model.undo_stack.undo()
    assert not model.get(Theme, b).deleted
    assert [model.get(Note, n).theme_id for n in (ids[0], ids[2], ids[3])] == [b] * 3
    actions.delete_theme(model, a)
    assert model.undo_stack.undoText() == "Delete theme “Access”"
    assert model.get(Note, ids[1]).theme_id is None
    assert _on_disk(model, f"SELECT deleted FROM theme WHERE id = '{a}'") == [(1,)]
    model.undo_stack.undo()
    assert model.get(Note, ids[1]).theme_id == a


def test_a_theme_holds_only_its_own_questions_notes(model: DocumentModel) -> None:
    first, second = (q.id for q in model.select(Question))
    theme = actions.group_into_new_theme(model, first, [], title="Empty")
    other = actions.unsorted_note_ids(model, second)[:1]
    with pytest.raises(ValueError, match="own question"):
        actions.move_to_theme(model, other, theme)
    assert model.get(Note, other[0]).theme_id is None


def test_theme_total_adds_the_themes_own_votes(model: DocumentModel) -> None:
    qid = _first_question(model)
    ids = actions.unsorted_note_ids(model, qid)[:3]  # votes 0, 2, 1
    theme_id = actions.group_into_new_theme(model, qid, ids)
    actions.set_votes(model, Theme, theme_id, 4)
    theme = model.get(Theme, theme_id)
    assert actions.theme_total(theme, model.select(Note)) == 4 + 0 + 2 + 1


def test_grouping_notes_from_several_themes_undoes_each_back_to_its_own(
    model: DocumentModel,
) -> None:
    """Before-values are read grouped (one group per old theme): undo must put every note back
    where it was, and notes already in the target are left out of the step."""
    qid = _first_question(model)
    ids = actions.unsorted_note_ids(model, qid)
    first = actions.group_into_new_theme(model, qid, ids[:100], title="First")
    second = actions.group_into_new_theme(model, qid, ids[100:250], title="Second")
    before = {n.id: n.theme_id for n in model.document.records(Note, ids)}
    actions.move_to_theme(model, ids[50:200] + ids[300:320], second)
    moved = {n.id: n.theme_id for n in model.document.records(Note, ids)}
    assert all(moved[i] == second for i in ids[50:200] + ids[300:320])
    assert all(moved[i] == first for i in ids[:50])
    model.undo_stack.undo()
    assert {n.id: n.theme_id for n in model.document.records(Note, ids)} == before
    model.undo_stack.redo()
    assert {n.id: n.theme_id for n in model.document.records(Note, ids)} == moved
