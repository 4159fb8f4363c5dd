"""DetailsForm: the event's title, date, start time, time zone, venue, organiser, expected and
actual attendance, and summary.

Each field writes one undoable step when it is committed (Enter, Tab, focus out), never per
keystroke. Dates and times are read loosely ("15/06/2021", "2pm"); blank means "not set".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from workshop_app.domain.local_time import check_zone
from workshop_app.domain.records import Event
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import checks
from workshop_app.ui.plan.schedule import parse_date, parse_time, show_date
from workshop_app.ui.plan.widgets import CommitTextEdit, Heading, ProblemLine, is_font_change
from workshop_app.ui.plan.zone_box import ZoneBox

MAX_ATTENDEES = 100_000


SUMMARY_PLACEHOLDER = N_(
    "e.g. Why we are holding this event, who is coming and what we want to learn. "
    "This opens the report."
)


class DetailsForm(QWidget):
    """Edits the event record."""

    def __init__(self, model: DocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setAccessibleName(tr("Event details editor"))
        self._shown: dict[str, Any] = {}
        self.heading = Heading(tr("Event details"), self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.title = self._line(
            tr("Title"),
            tr("e.g. Digital transformation in healthcare: what we can learn from the past"),
        )
        self.title_problem = ProblemLine(self)
        self.date = self._line(tr("Date"), tr("e.g. 15/06/2021 (optional)"))
        self.date_problem = ProblemLine(self)
        self.start = self._line(
            tr("Start time"), tr("e.g. 10:00 (optional; the agenda’s clock starts here)")
        )
        self.start_problem = ProblemLine(self)
        self.zone = ZoneBox(self)
        self.zone_problem = ProblemLine(self)
        self.venue = self._line(tr("Venue"), tr("e.g. London"))
        self.organiser = self._line(tr("Organiser"), tr("e.g. NHS AI Lab"))
        self.attendees = QSpinBox(self)
        self.attendees.setRange(0, MAX_ATTENDEES)
        self.attendees.setSpecialValueText(tr("Not set"))
        self.attendees.setAccessibleName(tr("Expected attendees"))
        self.attendees.setToolTip(tr("About how many people you expect (0 = not set)"))
        self.attendance = QSpinBox(self)
        self.attendance.setRange(0, MAX_ATTENDEES)
        self.attendance.setSpecialValueText(tr("Not counted"))
        self.attendance.setAccessibleName(tr("Actual attendance"))
        self.attendance.setToolTip(
            tr(
                "How many people came, once counted; the report shows it as attendance "
                "(0 = not counted)"
            )
        )
        self.summary = CommitTextEdit(self)
        self.summary.setAccessibleName(tr("Summary"))
        self.summary.setPlaceholderText(tr(SUMMARY_PLACEHOLDER))

        for label, field, problem in (
            (tr("&Title"), self.title, self.title_problem),
            (tr("&Date"), self.date, self.date_problem),
            (tr("Start ti&me"), self.start, self.start_problem),
            (tr("Time &zone"), self.zone, self.zone_problem),
        ):
            form.addRow(self._label(label, field), field)
            form.addRow("", problem)
        form.addRow(self._label(tr("Ve&nue"), self.venue), self.venue)
        form.addRow(self._label(tr("&Organiser"), self.organiser), self.organiser)
        form.addRow(self._label(tr("Expected &attendees"), self.attendees), self.attendees)
        form.addRow(self._label(tr("A&ctual attendance"), self.attendance), self.attendance)
        form.addRow(self._label(tr("S&ummary"), self.summary), self.summary)

        self.body = QWidget(self)
        self.body.setLayout(form)
        self._size_fields()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addStretch(1)  # the summary is a paragraph, not the rest of the window

        self._commit_on(self.title, self._on_title_editing_finished)
        self._commit_on(self.date, self._on_date_editing_finished)
        self._commit_on(self.start, self._on_start_editing_finished)
        self._commit_on(self.venue, self._on_venue_editing_finished)
        self._commit_on(self.organiser, self._on_organiser_editing_finished)
        self.zone.committed.connect(self._on_zone_committed)
        self.attendees.editingFinished.connect(self._on_attendees_editing_finished)
        self.attendance.editingFinished.connect(self._on_attendance_editing_finished)
        self.summary.committed.connect(self._on_summary_committed)
        model.changed.connect(self._on_model_changed)
        self.refresh()

    def _size_fields(self) -> None:
        """Widths in ems and the summary in lines, so they follow View ▸ text size."""
        em = self.fontMetrics().horizontalAdvance("M")
        for short in (self.date, self.start, self.zone, self.attendees, self.attendance):
            short.setMaximumWidth(em * 22)
        lines = self.summary.fontMetrics().lineSpacing()
        self.summary.setMinimumHeight(lines * 8)
        self.summary.setMaximumHeight(lines * 14)  # longer summaries scroll
        self.body.setMaximumWidth(em * 60)  # long lines are hard to read

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if is_font_change(event) and hasattr(self, "body"):  # not while being built
            self._size_fields()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(self)
        line.setAccessibleName(name)
        line.setPlaceholderText(placeholder)
        return line

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _commit_on(line: QLineEdit, slot: Callable[[], None]) -> None:
        line.editingFinished.connect(slot)

    # -- document -> form -----------------------------------------------------------------

    def refresh(self) -> None:
        """Show the document's values; a field is only rewritten when its value changed, so
        text being typed elsewhere is left alone."""
        event = self.model.event_record()
        lines = {
            "title": (self.title, event.title),
            "date": (self.date, show_date(event.date)),
            "start_time": (self.start, event.start_time or ""),
            "venue": (self.venue, event.venue),
            "organiser": (self.organiser, event.organiser),
        }
        for name, (line, text) in lines.items():
            if self._changed(name, text):
                line.setText(text)
                line.setCursorPosition(0)
        if self._changed("timezone", event.timezone):
            self.zone.show_zone(event.timezone)
        for name, box, number in (
            ("attendee_count", self.attendees, event.attendee_count or 0),
            ("attendance", self.attendance, event.attendance or 0),
        ):
            if self._changed(name, number):
                box.setValue(number)
        if self._changed("summary", event.summary):
            self.summary.set_text_quietly(event.summary)
        # a template's suggested summary is a placeholder, greyed, until one is written
        self.summary.setPlaceholderText(event.summary_hint or tr(SUMMARY_PLACEHOLDER))
        self._show_problem("title", checks.event_problems(event).get("title", ""))

    def _changed(self, name: str, value: object) -> bool:
        """Whether field ``name`` shows something else than ``value`` (now noted as shown)."""
        if self._shown.get(name, object()) == value:
            return False
        self._shown[name] = value
        return True

    def _show_problem(self, field: str, message: str) -> None:
        line, widget = {
            "title": (self.title_problem, self.title),
            "date": (self.date_problem, self.date),
            "start_time": (self.start_problem, self.start),
            "timezone": (self.zone_problem, self.zone),
        }[field]
        line.set_problems([message] if message else [])
        widget.setAccessibleDescription(message)

    def _on_model_changed(self, kind: type, record_id: str) -> None:
        if kind is Event:
            self.refresh()

    # -- form -> document -------------------------------------------------------------------

    def _push(self, label: str, **changes: Any) -> None:
        if self.model.document.closed:  # a field losing focus as the window closes
            return
        self.model.push_update_event(label=label, **changes)

    def _on_title_editing_finished(self) -> None:
        self._push(tr("Edit event title"), title=self.title.text().strip())

    def _on_date_editing_finished(self) -> None:
        try:
            value = parse_date(self.date.text())
        except ValueError as error:
            self._show_problem("date", str(error))
            return
        self._show_problem("date", "")
        self._shown.pop("date", None)  # show the date the way we write it
        self._push(tr("Change event date"), date=value)
        self.refresh()

    def _on_start_editing_finished(self) -> None:
        try:
            value = parse_time(self.start.text())
        except ValueError as error:
            self._show_problem("start_time", str(error))
            return
        self._show_problem("start_time", "")
        self._shown.pop("start_time", None)
        self._push(tr("Change start time"), start_time=value)
        self.refresh()

    def _on_zone_committed(self, text: str) -> None:
        try:
            value = check_zone(text)
        except ValueError as error:
            self._show_problem("timezone", f"{str(error)[:1].upper()}{str(error)[1:]}.")
            return
        self._show_problem("timezone", "")
        self._shown.pop("timezone", None)
        self._push(tr("Change time zone"), timezone=value)
        self.refresh()

    def _on_venue_editing_finished(self) -> None:
        self._push(tr("Edit venue"), venue=self.venue.text().strip())

    def _on_organiser_editing_finished(self) -> None:
        self._push(tr("Edit organiser"), organiser=self.organiser.text().strip())

    def _on_attendees_editing_finished(self) -> None:
        self._push(tr("Change expected attendees"), attendee_count=self.attendees.value() or None)

    def _on_attendance_editing_finished(self) -> None:
        self._push(tr("Change actual attendance"), attendance=self.attendance.value() or None)

    def _on_summary_committed(self, text: str) -> None:
        self._push(tr("Edit summary"), summary=text.strip())
