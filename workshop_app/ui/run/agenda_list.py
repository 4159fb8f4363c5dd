"""RunAgendaList: the agenda on the Run page, saying which item is on now, which is next, and
what each item actually took.

Each row says it in words ("Now", "Next", "Done"), with the current row also bold and
selected, so nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from workshop_app.domain import local_time
from workshop_app.domain.clock import parse_utc
from workshop_app.domain.human_time import format_minutes
from workshop_app.domain.records import AgendaItem, Event
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.plan.schedule import schedule


def row_text(item: AgendaItem, clock: str, mark: str, zone_name: str | None = None) -> str:
    """Two lines: "11:10  Breakout round 1" and "Now · 20 min · started 11:12" (the actual
    start in the event's time zone ``zone_name``)."""
    details = [mark] if mark else []
    details.append(format_minutes(item.planned_minutes))
    if item.started_at and item.ended_at:
        took = (parse_utc(item.ended_at) - parse_utc(item.started_at)).total_seconds() / 60
        # Translators: how long an agenda item actually took: "took 22 min"
        details.append(tr("took {duration}").format(duration=format_minutes(round(took))))
    elif item.started_at:
        # Translators: when an agenda item actually started: "started 11:12"
        details.append(
            tr("started {time}").format(time=local_time.clock(item.started_at, zone_name))
        )
    title = item.title or tr("Untitled item")
    return f"{clock}  {title}\n{' · '.join(details)}"


class RunAgendaList(QListWidget):
    """Read-only list of the agenda with the run's marks (the page refreshes it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Agenda"))
        self.setAccessibleDescription(tr("Now, next and done items; N and P move through them"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(3)

    def show_agenda(self, event: Event, items: Sequence[AgendaItem], current: int) -> None:
        plan = schedule(event.start_time, [i.planned_minutes for i in items])
        self.clear()
        for row, item in enumerate(items):
            if row == current:
                mark = tr("Now")
            elif row == current + 1:
                # Translators: the agenda item after the current one
                mark = tr("Next")
            elif item.ended_at or row < current:
                mark = tr("Done") if item.ended_at else tr("Skipped")
            else:
                mark = ""
            entry = QListWidgetItem(row_text(item, plan.clock(row), mark, event.timezone))
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text())
            entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if row == current:
                font = QFont(self.font())
                font.setBold(True)
                entry.setFont(font)
            self.addItem(entry)
        if 0 <= current < len(items):
            self.setCurrentRow(current)
            self.scrollToItem(self.item(current), QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.clearSelection()
