"""The Run page mid-breakout: what it shows, chimes and flashes, resuming, agenda edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import AgendaItem, Event, Question
from workshop_app.domain.run import RunStatus
from workshop_app.storage import interchange
from workshop_app.storage.document import Document
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.details import day_text
from workshop_app.ui.run.page import RunPage

OVERTIME, WARNING = RunStatus.OVERTIME, RunStatus.WARNING


def make(qtbot: QtBot, model: DocumentModel, clock: FakeClock, **kw) -> RunPage:
    return show_page(qtbot, RunPage(model, clock=clock, chime_loader=fake_multimedia()), **kw)


def test_mid_breakout_the_page_shows_the_round(qtbot: QtBot, demo_model: DocumentModel) -> None:
    clock = FakeClock()
    page = make(qtbot, demo_model, clock)
    go_to(page, BREAKOUT_1)
    page.keys["toggle"].trigger()
    clock.advance(7 * 60 + 30)
    page.controller.tick()
    question = demo_model.select(Question)[0]
    assert page.title.text() == "Breakout round 1"
    assert page.display.shown_text == "12:30"
    assert page.display.shown_word == "Running"
    assert "12 minutes 30 seconds left" in page.display.accessibleDescription()
    assert page.question.text() == question.text
    assert "national strategy" in page.prompt.text()
    assert page.question_panel.isVisible()
    assert page.next_label.text() == "Next: Breakout round 2 · 20 min"
    assert "nearly-time warning at 2 min" in page.meta.text()
    assert page.day_label.text() == "On time"  # a rehearsal: judged from its own start
    assert page.clock_label.text().count(":") == 1
    assert page.side.clock_caption.text() == "Time now"  # not to be taken for a countdown

    presenter = page.open_presenter()
    assert presenter.shown_text == ""  # painted on the next frame
    qtbot.waitUntil(lambda: presenter.shown_text == "12:30")
    clock.advance(1)
    page.controller.tick()
    qtbot.waitUntil(lambda: presenter.shown_text == page.display.shown_text == "12:29")
    page.close_presenter()


def test_a_talk_has_no_question_panel(qtbot: QtBot, demo_model: DocumentModel) -> None:
    page = make(qtbot, demo_model, FakeClock())
    assert page.title.text() == "Welcome"
    assert not page.question_panel.isVisible()
    assert "warning at 2 min" in page.meta.text()


def test_a_short_item_warns_at_thirty_seconds(qtbot: QtBot, tmp_path: Path) -> None:
    bundle = EventBundle(event=Event(title="Short"), agenda=(AgendaItem(planned_minutes=3),))
    with Document.create(tmp_path / "short.workshop", bundle) as document:
        page = make(qtbot, DocumentModel(document), FakeClock())
        assert "warning at 30 s" in page.meta.text()
        assert page.title.text() == "Untitled item"


def test_warning_and_zero_chime_and_flash_on_both_screens(
    qtbot: QtBot, demo_model: DocumentModel
) -> None:
    clock = FakeClock()
    page = make(qtbot, demo_model, clock)
    go_to(page, BREAKOUT_1)
    presenter = page.open_presenter()
    page.keys["toggle"].trigger()
    clock.advance(20 * 60 - 120)
    page.controller.tick()
    assert page.chimes.played == [WARNING]
    assert page.display.flashing and page.display.shown_word == "Nearly time"
    clock.advance(120)
    page.controller.tick()
    assert page.chimes.played == [WARNING, OVERTIME]
    assert page.display.shown_word == "Time's up"
    assert presenter._animation.loopCount() == 3  # the clear signal pulses three times
    clock.advance(65)
    page.controller.tick()
    assert page.display.shown_text == "+1:05"
    assert page.chimes.played == [WARNING, OVERTIME]  # once each
    page.keys["mute"].trigger()
    page.keys["more"].trigger()  # a minute from now, then zero again
    clock.advance(61)
    page.controller.tick()
    assert page.chimes.played == [WARNING, OVERTIME]  # muted: no sound ...
    assert page.display.flashing  # ... but the flash
    page.close_presenter()


def test_reopening_resumes_and_says_when_time_ran_out(qtbot: QtBot, tmp_path: Path) -> None:
    from workshop_app.storage.templates import demo_bundle

    path = tmp_path / "resume.workshop"
    clock = FakeClock()
    document = Document.create(path, demo_bundle())
    page = make(qtbot, DocumentModel(document), clock, active=False)
    go_to(page, BREAKOUT_1)
    page.keys["toggle"].trigger()
    clock.advance(300)
    page.controller.tick()
    page.close()
    document.close()

    clock.restart(closed_for=60)  # quit and reopened a minute later
    with Document.open(path) as again:
        resumed = make(qtbot, DocumentModel(again), clock, active=False)
        assert resumed.title.text() == "Breakout round 1"
        assert resumed.display.shown_text == "14:00"
        assert resumed.notice.text() == ""
        resumed.close()
    clock.restart(closed_for=20 * 60)  # and again, well past the deadline
    with Document.open(path) as again:
        late = make(qtbot, DocumentModel(again), clock, active=False)
        assert late.display.shown_text == "+6:00"  # 20 min round, 5 + 1 + 20 min later
        assert late.display.shown_word == "Time's up"
        assert "while Workshop was closed" in late.notice.text()
        late.keys["next"].trigger()
        assert late.notice.text() == ""
        agenda = json.loads(interchange.dumps(again.bundle()))["agenda"]
        done = agenda[BREAKOUT_1]
        assert done["started_at"] and done["ended_at"]  # actual times, in the JSON export
        assert agenda[BREAKOUT_1 + 1]["started_at"] == done["ended_at"]


def test_plan_edits_show_at_once(qtbot: QtBot, demo_model: DocumentModel) -> None:
    page = make(qtbot, demo_model, FakeClock())
    items = demo_model.select(AgendaItem)
    demo_model.push_update(AgendaItem, items[1].id, title="Keynote: Ada", planned_minutes=25)
    assert page.agenda.item(1).text().startswith("10:05  Keynote: Ada")
    assert page.next_label.text() == "Next: Keynote: Ada · 25 min"
    page.keys["toggle"].trigger()
    demo_model.push_delete([(AgendaItem, items[0].id)])  # the current item goes
    assert page.title.text() == "Keynote: Ada"
    assert page.controller.countdown.status == "idle"
    demo_model.undo_stack.undo()
    assert page.agenda.count() == len(items)


def test_an_empty_agenda_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    with Document.create(tmp_path / "empty.workshop", EventBundle(event=Event())) as document:
        page = make(qtbot, DocumentModel(document), FakeClock())
        assert page.title.text() == "No agenda yet"
        assert "Plan mode" in page.meta.text()
        assert not page.keys["toggle"].isEnabled()
        assert page.display.shown_text == ""


def test_nothing_ticks_into_a_closed_document(qtbot: QtBot, tmp_path: Path) -> None:
    from workshop_app.storage.templates import demo_bundle

    document = Document.create(tmp_path / "closing.workshop", demo_bundle())
    page = show_page(qtbot, RunPage(DocumentModel(document), chime_loader=fake_multimedia()))
    page.keys["toggle"].trigger()
    page.open_presenter()
    document.close()
    qtbot.wait(1200)  # timer ticks and paints after the close must not touch the file
    assert not page.controller._timer.isActive()
    page.close_presenter()


def test_ticking_does_not_drain_pyside_references_to_true(
    qtbot: QtBot, demo_model: DocumentModel
) -> None:
    """PySide6 6.12.0 drops a reference to True on every Python-side Signal.emit(), and every
    tick emits the controller's ticked signal: with the PySide6 in use, hours of countdown must
    not drain them (on 6.12.0, pinned out, this fails: the app would abort, "bool_dealloc")."""
    import gc
    import sys

    clock = FakeClock()
    page = make(qtbot, demo_model, clock)
    page.keys["toggle"].trigger()
    page.open_presenter()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(200):
        clock.advance(0.25)
        page.controller.tick()
    gc.collect()
    assert sys.getrefcount(True) - before >= 0
    page.close_presenter()


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (None, "Not started yet"),
        (0.3, "On time"),
        (-0.3, "On time"),
        (1, "1 min behind the plan"),
        (-1, "1 min ahead of the plan"),
        (5, "5 min behind the plan"),
        (-5, "5 min ahead of the plan"),
        (60, "1 h behind the plan"),
        (-60, "1 h ahead of the plan"),
        (125, "2 h 5 min behind the plan"),
        (-61, "1 h 1 min ahead of the plan"),
    ],
)
def test_the_day_against_the_plan_reads_as_english(minutes: float | None, text: str) -> None:
    assert day_text(minutes) == text


def test_a_day_running_early_says_ahead_of_the_plan(
    qtbot: QtBot, demo_model: DocumentModel
) -> None:
    clock = FakeClock()
    page = make(qtbot, demo_model, clock)
    page.keys["toggle"].trigger()  # a rehearsal: the plan starts now
    clock.advance(60)
    page.keys["next"].trigger()  # the 5-minute welcome took one
    assert page.day_label.text() == "4 min ahead of the plan"
