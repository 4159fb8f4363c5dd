"""Times of day on screen are the event's local time: Capture's cards and status line, Run's
recorded times, and Plan ▸ Details, where the time zone and the actual attendance are edited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.common.capture_helpers import capture_page, type_note
from tests.ui.plan.plan_helpers import focus, settle, show_page
from workshop_app.domain.local_time import now_in
from workshop_app.domain.records import AgendaItem
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.common.sticky import SavedRole
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.agenda_list import row_text
from workshop_app.ui.shell.main_window import MainWindow

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
FIRST_NOTE = "log into their computers"  # the demo's first note: 09:18 UTC, 10:18 in London


def test_a_capture_card_shows_the_time_in_the_events_zone(
    demo_window: MainWindow, qtbot, tmp_path: Path
) -> None:
    assert demo_window.workspace is not None
    demo_window.workspace.set_mode("capture", focus=True)
    page = demo_window.workspace.page("capture")
    assert isinstance(page, CapturePage)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)  # search every note
    qtbot.keyClicks(QApplication.focusWidget(), FIRST_NOTE)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    found = page.side.found_model
    qtbot.waitUntil(lambda: found.rowCount() == 1, timeout=2000)
    index = found.index(0)
    assert index.data(SavedRole) == "10:18"
    assert "✓ Saved 10:18" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    page.side.found.grab().save(str(tmp_path / "found.png"))  # painted from the same role


def test_the_capture_status_line_and_saved_label_use_the_events_zone(
    demo_window: MainWindow, qtbot
) -> None:
    page = capture_page(demo_window)
    page.model.push_update_event(timezone="Pacific/Chatham")  # +12:45: never the laptop's
    before = now_in("Pacific/Chatham").strftime("%H:%M")
    type_note(qtbot, page, "A note typed now")
    after = now_in("Pacific/Chatham").strftime("%H:%M")
    assert any(f"✓ Saved at {hhmm}:" in page.status.text() for hhmm in (before, after))
    assert page.model.last_saved[:5] in (before, after)


def test_runs_recorded_start_is_in_the_events_zone() -> None:
    item = AgendaItem(title="Breakout", planned_minutes=20, started_at="2021-06-15T10:12:00.000Z")
    assert row_text(item, "11:10", "Now", "Europe/London").endswith("started 11:12")
    assert row_text(item, "11:10", "Now", "America/New_York").endswith("started 06:12")


def test_details_edit_the_zone_by_keyboard_with_a_clear_message_for_a_bad_name(
    qtbot, demo_document, dialogs
) -> None:
    model = DocumentModel(demo_document)
    page = show_page(qtbot, model, dialogs)
    zone = page.details.zone
    assert zone.currentText() == "Europe/London"
    focus(qtbot, page.details.title)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, ALT)  # Time &zone
    assert QApplication.focusWidget() in (zone, zone.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "Mars/Olympus")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle()
    problem = page.details.zone_problem.message()
    assert "“Mars/Olympus” is not a time zone this computer knows" in problem
    assert "Europe/London" in problem  # an example of a good name
    assert model.event_record().timezone == "Europe/London"  # nothing written
    assert zone.accessibleDescription() == problem

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "kolkata")  # part of a name, any case
    popup = zone.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    assert zone.completer().currentCompletion() == "Asia/Kolkata"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    settle()
    assert model.event_record().timezone == "Asia/Kolkata"
    assert page.details.zone_problem.message() == ""
    assert model.undo_stack.undoText() == "Change time zone"
    assert model.clock("2021-06-15T09:18:42.310Z") == "14:48"  # every view follows at once


def test_details_record_the_actual_attendance_by_keyboard(qtbot, demo_document, dialogs) -> None:
    model = DocumentModel(demo_document)
    page = show_page(qtbot, model, dialogs)
    focus(qtbot, page.details.title)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, ALT)  # A&ctual attendance
    assert QApplication.focusWidget() is page.details.attendance
    assert page.details.attendance.text() == "Not counted"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "37")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    settle()
    event = model.event_record()
    assert (event.attendance, event.attendee_count) == (37, 40)
    assert model.undo_stack.undoText() == "Change actual attendance"
