"""RunController: the countdown of an open event, ticking, shared by the Run page and the
presenter display (so the two always show the same thing).

It owns a domain ``Countdown`` whose state changes go to ``DocumentModel.set_run_state`` (one
transaction each, never per tick). A precise single-shot timer fires just after the displayed
second changes (at most ``MAX_INTERVAL_MS`` apart), so the digits flip on time and the app
wakes once a second, not more.

Signals:
    ticked(reading): a new ``Reading`` (after every tick and every action).
    crossed(phase): time ran into "warning" or "overtime" (chime and flash).
    agenda_changed(): the items, their order or the event's details changed.

(Qt signals again: PySide6 6.12.0, whose ``Signal.emit()`` lost a reference to ``True`` each
time, is excluded by the pin in pyproject.toml, and tests/ui/test_run_pyside.py checks the
installed version.)
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem, Event, Question
from workshop_app.domain.run import Clock, Reading, RunStatus, system_clock
from workshop_app.domain.run_text import until_next_second
from workshop_app.ui.document_model import DocumentModel

MAX_INTERVAL_MS = 1000
IDLE_INTERVAL_MS = 1000
LATE_MS = 2  # tick just after the change, never just before it


class RunController(QObject):
    """The running countdown of ``model``'s event; ``clock`` is injectable for tests."""

    ticked = Signal(object)  # Reading
    crossed = Signal(str)  # phase
    agenda_changed = Signal()

    def __init__(
        self, model: DocumentModel, clock: Clock = system_clock, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.countdown = Countdown(
            model.select(AgendaItem),
            clock=clock,
            persist=model.set_run_state,
            state=model.run_state(),
            zone_name=model.zone_name(),
        )
        self.details: Event = model.event_record()
        self._questions: dict[str, Question] = {}
        self._load_details()
        self.reading: Reading = self.countdown.read()
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer_timeout)
        model.changed.connect(self._on_model_changed)
        self.tick()

    # -- actions (the Run page's controls and shortcuts) ----------------------------------------

    def toggle(self) -> None:
        self._act(self.countdown.toggle)

    def adjust(self, seconds: float) -> None:
        self._act(lambda: self.countdown.adjust(seconds))

    def next(self) -> None:
        self._act(self.countdown.next)

    def previous(self) -> None:
        self._act(self.countdown.previous)

    def reset(self) -> None:
        self._act(self.countdown.reset)

    def stop(self) -> None:
        """No more ticks (the event is closing)."""
        self._timer.stop()
        if not self._stopped:
            self._stopped = True
            self.model.changed.disconnect(self._on_model_changed)

    # -- reads for the views ----------------------------------------------------------------

    def questions(self, item: AgendaItem | None) -> list[Question]:
        """The live questions a (breakout) item asks, in the item's order (kept in memory, so
        views can draw without reading the file)."""
        if item is None:
            return []
        return [self._questions[q] for q in item.question_ids if q in self._questions]

    def _load_details(self) -> None:
        self.details = self.model.event_record()
        self.countdown.zone_name = self.details.timezone
        self._questions = {q.id: q for q in self.model.select(Question)}

    # -- ticking ----------------------------------------------------------------------------

    def tick(self) -> Reading:
        """Read the countdown now, tell the views, and schedule the next tick."""
        if self.model.document.closed:  # the event is closing: nothing more to show
            self.stop()
            return self.reading
        reading = self.countdown.read()
        self.reading = reading
        self.ticked.emit(reading)
        for phase in reading.crossed[-1:]:  # after a sleep, only the latest chime
            self.crossed.emit(phase)
        if reading.phase in (RunStatus.IDLE, RunStatus.PAUSED) or reading.item is None:
            interval = IDLE_INTERVAL_MS
        else:
            interval = min(MAX_INTERVAL_MS, int(until_next_second(reading.remaining) * 1000))
            interval += LATE_MS
        self._timer.start(max(1, interval))
        return reading

    def _act(self, action: object) -> None:
        action()  # type: ignore[operator]
        self.tick()

    def _on_timer_timeout(self) -> None:
        self.tick()

    def _on_model_changed(self, kind: type, _record_id: str) -> None:
        if self._stopped:
            return
        if kind is AgendaItem:
            self.countdown.set_items(self.model.select(AgendaItem))
        if kind in (AgendaItem, Event, Question):
            self._load_details()
            self.tick()
            self.agenda_changed.emit()
