"""The countdown that runs an event's agenda: plain Python, an injected clock, no Qt.

One ``Countdown`` walks the agenda items in order. The current item is idle (ready), running or
paused; while running its *phase* is running, warning (under the item's warning threshold) or
overtime (past zero, counting up). After the last item the run is finished.

Time is never counted in ticks. A running countdown holds its deadline twice: as UTC (what the
document stores, so a restart resumes it) and on the monotonic clock (what the display uses, so
a wall-clock change cannot make it jump). Each reading is ``deadline - now``. When the two
clocks disagree by more than ``DRIFT`` seconds the machine slept (monotonic clocks stop during
suspend on some systems): the UTC deadline wins and the reading says so.

The run's state is handed to ``persist`` at every state change (start, pause, add time, next
...), never on a tick; ``persist`` also receives the actual start/end times to record on agenda
items, so the caller can write both in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from workshop_app.domain import local_time
from workshop_app.domain.clock import format_utc, parse_utc
from workshop_app.domain.records import AgendaItem
from workshop_app.domain.run import (
    DRIFT,
    GAP,
    Clock,
    Instant,
    Persist,
    Reading,
    RunState,
    RunStatus,
    Stamps,
    system_clock,
    warning_seconds,
)
from workshop_app.i18n import _

_ORDER: dict[str, int] = {RunStatus.RUNNING: 0, RunStatus.WARNING: 1, RunStatus.OVERTIME: 2}


@dataclass
class _Round:
    """The current item's countdown (mutable, private)."""

    status: str = RunStatus.IDLE
    deadline_utc: datetime | None = None
    deadline_mono: float = 0.0
    remaining_ms: int | None = None
    total_ms: int | None = None


class Countdown:
    """Runs ``items`` (agenda items in order). ``state`` resumes a run the document remembered."""

    def __init__(
        self,
        items: Sequence[AgendaItem],
        *,
        clock: Clock = system_clock,
        persist: Persist | None = None,
        state: RunState | None = None,
        zone_name: str | None = None,
    ) -> None:
        self._clock = clock
        #: The event's time zone: times of day in notices ("Time ran out at 10:42") use it.
        self.zone_name = zone_name
        self._persist = persist
        self._items: list[AgendaItem] = list(items)
        self._index = 0
        self._round = _Round()
        self._notice = ""
        self._last: Instant | None = None
        self._last_phase: str = RunStatus.IDLE
        if state is not None:
            self._restore(state)

    # -- reading -----------------------------------------------------------------------------

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(self._items)

    @property
    def index(self) -> int:
        """The current item's index; ``len(items)`` once the run is finished."""
        return self._index

    @property
    def status(self) -> str:
        return self._round.status

    def current(self) -> AgendaItem | None:
        return self._items[self._index] if self._index < len(self._items) else None

    def state(self) -> RunState:
        """What to store: the run as of now."""
        r = self._round
        item = self.current()
        return RunState(
            item_id=item.id if item is not None else None,
            status=r.status,
            deadline=format_utc(r.deadline_utc) if r.deadline_utc is not None else None,
            remaining_ms=r.remaining_ms,
            total_ms=r.total_ms,
        )

    def read(self) -> Reading:
        """The countdown now. Call it as often as you like (every display refresh): it
        writes nothing, except to restate the UTC deadline after the wall clock was set back."""
        now = self._clock()
        slept = self._check_clocks(now)
        reading = self._reading(now)
        crossed: tuple[str, ...] = ()
        if self._round.status == RunStatus.RUNNING and self._last_phase in _ORDER:
            before, after = _ORDER[self._last_phase], _ORDER[reading.phase]
            crossed = tuple(p for p, n in _ORDER.items() if before < n <= after)
        if slept and reading.phase == RunStatus.OVERTIME and self._last_phase != RunStatus.OVERTIME:
            when = _local_clock(self._round.deadline_utc, self.zone_name)
            self._notice = _("Time ran out at {time} while the computer was asleep.").format(
                time=when
            )
        self._last, self._last_phase = now, reading.phase
        return replace(reading, crossed=crossed, notice=self._notice)

    def _reading(self, now: Instant) -> Reading:
        r = self._round
        item = self.current()
        planned = item.planned_minutes * 60.0 if item is not None else 0.0
        total = r.total_ms / 1000 if r.total_ms is not None else planned
        if r.status == RunStatus.RUNNING:
            remaining = r.deadline_mono - now.mono
        else:
            remaining = r.remaining_ms / 1000 if r.remaining_ms is not None else planned
        warning_at = warning_seconds(item.planned_minutes) if item is not None else 0.0
        phase = r.status if r.status in (RunStatus.IDLE, RunStatus.PAUSED) else RunStatus.RUNNING
        if r.status == RunStatus.RUNNING and remaining <= 0:
            phase = RunStatus.OVERTIME
        elif r.status == RunStatus.RUNNING and remaining <= warning_at:
            phase = RunStatus.WARNING
        elif r.status == RunStatus.FINISHED:
            phase = RunStatus.IDLE
        nxt = self._items[self._index + 1] if self._index + 1 < len(self._items) else None
        return Reading(
            phase=phase,
            remaining=remaining,
            total=total,
            index=self._index,
            item=item,
            next_item=nxt,
            warning_at=warning_at,
            at=now,
            finished=r.status == RunStatus.FINISHED,
        )

    def _check_clocks(self, now: Instant) -> bool:
        """Reconcile the two clocks; True if the machine seems to have slept since last read."""
        r = self._round
        gap = self._last is not None and (
            now.mono - self._last.mono > GAP or (now.utc - self._last.utc).total_seconds() > GAP
        )
        if r.status != RunStatus.RUNNING or r.deadline_utc is None:
            return gap
        wall = (r.deadline_utc - now.utc).total_seconds()
        mono = r.deadline_mono - now.mono
        if wall < mono - DRIFT:  # the wall clock moved on while the monotonic one stood still
            r.deadline_mono = now.mono + wall
            return True
        if wall > mono + DRIFT:  # the wall clock was set back: keep counting, restate the file
            r.deadline_utc = _ms(now.utc + timedelta(seconds=mono))
            self._commit()
        return gap

    # -- actions: each is a state change, handed to ``persist`` ------------------------------

    def toggle(self) -> None:
        """Space: start when idle, pause when running, resume when paused."""
        actions: dict[str, Callable[[], None]] = {
            RunStatus.IDLE: self.start,
            RunStatus.RUNNING: self.pause,
            RunStatus.PAUSED: self.resume,
        }
        actions.get(self._round.status, lambda: None)()

    def start(self) -> None:
        item = self.current()
        if item is None or self._round.status != RunStatus.IDLE:
            return
        stamps: Stamps = {}
        if item.started_at is None:
            stamps[item.id] = {"started_at": format_utc(self._clock().utc), "ended_at": None}
        self._run_for(self._seconds_left())
        self._commit(stamps)

    def pause(self) -> None:
        if self._round.status != RunStatus.RUNNING:
            return
        left = self._seconds_left()
        self._round = replace(
            self._round, status=RunStatus.PAUSED, deadline_utc=None, remaining_ms=round(left * 1000)
        )
        self._commit()

    def resume(self) -> None:
        if self._round.status != RunStatus.PAUSED:
            return
        self._run_for(self._seconds_left())
        self._commit()

    def adjust(self, seconds: float) -> None:
        """Add (positive) or remove time. Adding in overtime gives that much from now; removing
        stops at zero."""
        item = self.current()
        if item is None or seconds == 0:
            return
        left = self._seconds_left()
        if seconds > 0:
            new_left = max(left, 0.0) + seconds
        elif left <= 0:
            return
        else:
            new_left = max(0.0, left + seconds)
        r = self._round
        total = r.total_ms / 1000 if r.total_ms is not None else item.planned_minutes * 60.0
        r.total_ms = max(0, round((total + (new_left - left)) * 1000))
        if r.status == RunStatus.RUNNING:
            self._run_for(new_left)
        else:
            r.remaining_ms = round(new_left * 1000)
        self._commit()

    def reset(self) -> None:
        """R: the current item back to its planned length, ready, as if it had not started."""
        item = self.current()
        if item is None:
            return
        self._round = _Round()
        stamps: Stamps = {}
        if item.started_at is not None or item.ended_at is not None:
            stamps[item.id] = {"started_at": None, "ended_at": None}
        self._commit(stamps)

    def next(self) -> None:
        """N: end the current item and go to the next. If the clock was running it keeps
        running: the next item starts at once."""
        item = self.current()
        if item is None:
            return
        now = format_utc(self._clock().utc)
        was_running = self._round.status == RunStatus.RUNNING
        stamps: Stamps = {}
        if item.started_at is not None:
            stamps[item.id] = {"started_at": item.started_at, "ended_at": now}
        self._index += 1
        self._round = _Round()
        following = self.current()
        if following is None:
            self._round.status = RunStatus.FINISHED
        elif was_running:
            stamps[following.id] = {"started_at": now, "ended_at": None}
            self._run_for(following.planned_minutes * 60.0)
        self._commit(stamps)

    def previous(self) -> None:
        """P: back to the previous item (undoes N). The current item counts as not started;
        the previous one continues from its own start, running if the clock was running."""
        if self._index == 0:
            return
        was_running = self._round.status == RunStatus.RUNNING
        item = self.current()
        stamps: Stamps = {}
        if item is not None and (item.started_at is not None or item.ended_at is not None):
            stamps[item.id] = {"started_at": None, "ended_at": None}
        self._index -= 1
        back = self._items[self._index]
        self._round = _Round()
        if back.started_at is not None:
            stamps[back.id] = {"started_at": back.started_at, "ended_at": None}
            end = parse_utc(back.started_at) + timedelta(minutes=back.planned_minutes)
            left = (end - self._clock().utc).total_seconds()
            if was_running:
                self._run_for(left)
            else:
                self._round.status, self._round.remaining_ms = RunStatus.PAUSED, round(left * 1000)
        self._commit(stamps)

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        """The agenda changed (edited in Plan): keep the current item if it still exists,
        otherwise the item now at the same place becomes current, ready."""
        current = self.current()
        self._items = list(items)
        ids = [i.id for i in self._items]
        if current is not None and current.id in ids:
            self._index = ids.index(current.id)
        elif current is not None:
            self._index = min(self._index, len(self._items))
            done = self._index == len(ids)
            self._round = _Round(status=RunStatus.FINISHED if done else RunStatus.IDLE)
            self._commit()
        else:
            self._index = len(self._items)

    # -- helpers -----------------------------------------------------------------------------

    def _seconds_left(self) -> float:
        return self._reading(self._clock()).remaining

    def _run_for(self, seconds: float) -> None:
        now = self._clock()
        r = self._round
        r.status, r.remaining_ms = RunStatus.RUNNING, None
        r.deadline_utc = _ms(now.utc + timedelta(seconds=seconds))
        r.deadline_mono = now.mono + (r.deadline_utc - now.utc).total_seconds()

    def _commit(self, stamps: Mapping[str, dict[str, str | None]] | None = None) -> None:
        stamps = dict(stamps or {})
        for n, item in enumerate(self._items):
            if item.id in stamps:
                self._items[n] = replace(item, **stamps[item.id])  # type: ignore[arg-type]
        self._notice = ""
        self._last_phase = self._reading(self._clock()).phase
        if self._persist is not None:
            self._persist(self.state(), stamps)

    def _restore(self, state: RunState) -> None:
        ids = [i.id for i in self._items]
        if state.status == RunStatus.FINISHED:
            self._index, self._round = len(ids), _Round(status=RunStatus.FINISHED)
            return
        if state.item_id not in ids:
            return  # nothing to resume: the first item, ready
        self._index = ids.index(state.item_id)
        r = self._round = _Round(
            status=state.status, remaining_ms=state.remaining_ms, total_ms=state.total_ms
        )
        if state.status == RunStatus.RUNNING and state.deadline is not None:
            now = self._clock()
            r.deadline_utc = parse_utc(state.deadline)
            r.deadline_mono = now.mono + (r.deadline_utc - now.utc).total_seconds()
            if r.deadline_utc <= now.utc:
                when = _local_clock(r.deadline_utc, self.zone_name)
                self._notice = _("Time ran out at {time} while Workshop was closed.").format(
                    time=when
                )
        elif state.status == RunStatus.RUNNING:
            r.status = RunStatus.IDLE
        self._last_phase = self._reading(self._clock()).phase


def _ms(moment: datetime) -> datetime:
    """Whole milliseconds, as the file stores them (so a resumed deadline is the same one)."""
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def _local_clock(moment: datetime | None, zone_name: str | None) -> str:
    return local_time.clock(moment, zone_name) if moment is not None else ""
