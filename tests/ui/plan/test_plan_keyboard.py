"""A small event entered by keyboard alone (no mouse), and every widget named for assistive tech."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tests.ui.common.fakes import FakeDialogs
from tests.ui.plan.plan_helpers import focus, press, settle, show_page, type_into_focus
from workshop_app.domain.records import AgendaItem, Group, Question, Speaker
from workshop_app.storage.document import Document
from workshop_app.ui.document_model import DocumentModel

CTRL = Qt.KeyboardModifier.ControlModifier
TAB = Qt.Key.Key_Tab


@pytest.fixture
def blank(tmp_path: Path):
    doc = Document.create(tmp_path / "blank.workshop")
    yield DocumentModel(doc)
    if not doc.closed:
        doc.close()


def test_enter_a_small_event_by_keyboard_alone(qtbot, blank):
    page = show_page(qtbot, blank, FakeDialogs(confirm=True, count=2))
    focus(qtbot, page.sections)
    press(qtbot, TAB)  # into Details: the title field
    assert QApplication.focusWidget() is page.details.title
    page.details.title.selectAll()
    for text in (
        "Digital transformation in healthcare",
        "15/06/2021",
        "10:00",
        "Europe/London",
        "London",
        "NHS AI Lab",
    ):
        type_into_focus(qtbot, text, key=TAB)
    assert QApplication.focusWidget() is page.details.attendees
    qtbot.keyClick(page.details.attendees, Qt.Key.Key_A, CTRL)
    type_into_focus(qtbot, "40", key=TAB)
    event = blank.event_record()
    assert (
        event.title,
        event.date,
        event.start_time,
        event.venue,
        event.organiser,
        event.attendee_count,
        event.timezone,
    ) == (
        "Digital transformation in healthcare",
        "2021-06-15",
        "10:00",
        "London",
        "NHS AI Lab",
        40,
        "Europe/London",
    )

    def go(section_row: int) -> None:
        focus(qtbot, page.sections)
        press(qtbot, Qt.Key.Key_Home)
        for _ in range(section_row):
            press(qtbot, Qt.Key.Key_Down)
        press(qtbot, TAB)  # focus moves into the section: its list
        assert isinstance(QApplication.focusWidget(), QAbstractItemView)

    go(1)  # Speakers: Ctrl+N, type, Tab to the next cell
    for name, role, organisation in (
        ("Wendy Clark", "CDIO", "NHS Blood and Transplant"),
        ("Emma Pencheon", "Policy Adviser", "NHS AI Lab"),
    ):
        press(qtbot, Qt.Key.Key_N, CTRL)
        type_into_focus(qtbot, name, key=TAB)
        type_into_focus(qtbot, role, key=TAB)
        type_into_focus(qtbot, organisation, key=Qt.Key.Key_Return)
    assert [(s.name, s.organisation) for s in blank.select(Speaker)] == [
        ("Wendy Clark", "NHS Blood and Transplant"),
        ("Emma Pencheon", "NHS AI Lab"),
    ]
    assert [s.kind for s in blank.select(Speaker)] == ["keynote", "panellist"]

    go(2)  # Questions
    for text in ("What's our vision?", "How do we take people along?"):
        press(qtbot, Qt.Key.Key_N, CTRL)
        type_into_focus(qtbot, text)
    assert [q.text for q in blank.select(Question)] == [
        "What's our vision?",
        "How do we take people along?",
    ]

    go(3)  # Tables: Add tables… (Ctrl+Shift+T) asks how many
    press(qtbot, Qt.Key.Key_T, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert [g.name for g in blank.select(Group)] == ["Table 1", "Table 2"]

    go(4)  # Agenda: title, Tab past kind, minutes
    for title, minutes in (("Welcome", "5"), ("Breakout", "20")):
        press(qtbot, Qt.Key.Key_N, CTRL)
        type_into_focus(qtbot, title, key=TAB)
        press(qtbot, TAB)  # kind: keep
        spin = QApplication.focusWidget()
        assert isinstance(spin, QAbstractSpinBox)
        type_into_focus(qtbot, minutes)
    assert [(a.title, a.planned_minutes) for a in blank.select(AgendaItem)] == [
        ("Welcome", 5),
        ("Breakout", 20),
    ]
    assert page.agenda.total_text() == "Total 25 min · starts 10:00 · ends 10:25"
    press(qtbot, Qt.Key.Key_Up)  # back to the first row ... tick questions for row 2 later
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # reorder by keyboard
    assert [a.title for a in blank.select(AgendaItem)] == ["Breakout", "Welcome"]

    doc = Document.open(_reopen_path(blank))
    try:
        assert doc.event().title == "Digital transformation in healthcare"
        assert doc.count(Speaker) == 2 and doc.count(Group) == 2 and doc.count(AgendaItem) == 2
    finally:
        doc.close()


def _reopen_path(model: DocumentModel) -> Path:
    path = model.document.path
    model.document.close()
    return path


INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
)


def test_every_interactive_widget_has_an_accessible_name(qtbot, blank):
    page = show_page(qtbot, blank, FakeDialogs(confirm=True, count=3))
    unnamed = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in page.findChildren(QWidget)
        if isinstance(w, INTERACTIVE)
        and not w.accessibleName()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(w.parentWidget(), (QAbstractItemView, QAbstractSpinBox, QComboBox))
    ]
    assert unnamed == []


def test_headings_follow_the_application_font(qtbot, blank):
    page = show_page(qtbot, blank, FakeDialogs(confirm=True, count=3))
    heading = page.speakers.heading
    before = heading.font().pointSizeF()
    bigger = QFont(page.font())
    bigger.setPointSizeF(page.font().pointSizeF() * 1.5)
    page.setFont(bigger)
    settle()
    assert heading.font().pointSizeF() == pytest.approx(before * 1.5, rel=0.05)
    assert heading.font().pixelSize() == -1  # sized in points, relative to the app font
