"""Helpers shared by the Plan mode tests (their fixtures: conftest.py beside this file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.common.fakes import FakeDialogs
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import AgendaItem, Event, Group, Note, Question, Speaker
from workshop_app.storage.document import Document
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.page import PlanPage


def small_bundle() -> EventBundle:
    """A small event with one of everything, and notes on the first question and table."""
    q1, q2 = Question(text="First question?"), Question(text="Second question?")
    table = Group(name="Table 1", facilitator="Priya", note_taker="Tom")
    return EventBundle(
        event=Event(title="Small event", start_time="10:00"),
        speakers=(Speaker(name="Ada", kind="keynote"), Speaker(name="Grace", kind="panellist")),
        questions=(q1, q2),
        groups=(table, Group(name="Table 2")),
        agenda=(
            AgendaItem(title="Welcome", kind="welcome", planned_minutes=5),
            AgendaItem(
                title="Breakout", kind="breakout", planned_minutes=20, question_ids=(q1.id,)
            ),
        ),
        notes=(
            Note(text="An idea", question_id=q1.id, group_id=table.id),
            Note(text="A worry", question_id=q1.id, group_id=table.id, kind="concern"),
        ),
    )


def show_page(qtbot, model: DocumentModel, dialogs: FakeDialogs) -> PlanPage:
    plan = PlanPage(model, dialogs=dialogs)
    qtbot.addWidget(plan)
    plan.resize(1280, 800)
    plan.show()
    qtbot.waitExposed(plan)
    plan.activateWindow()
    return plan


def reopen(model: DocumentModel) -> Document:
    """Close the model's document and open the file again (the caller closes it)."""
    path = model.document.path
    model.document.close()
    return Document.open(path)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=1000)


def type_into_focus(qtbot, text: str, *, key: Qt.Key | None = Qt.Key.Key_Return) -> None:
    """Type as a person would, into whatever has the keyboard focus."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClicks(widget, text)
    if key is not None:
        qtbot.keyClick(QApplication.focusWidget(), key)
    settle()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    """Press a key where the keyboard focus is."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    qtbot.keyClick(widget, key, modifier)
    settle()


def settle() -> None:
    """Let queued work finish (Qt 6 delegates commit an editor's value on the next loop)."""
    for _ in range(3):
        QApplication.processEvents()
