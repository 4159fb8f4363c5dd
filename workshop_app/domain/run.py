"""The run's vocabulary: clocks, the state the document keeps, and a reading of the countdown.

Plain Python (no Qt, no SQL). ``countdown.Countdown`` applies the rules; storage writes
``RunState``; the Run page and the presenter display draw ``Reading``s.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from workshop_app.domain.records import AgendaItem


class RunStatus(StrEnum):
    """Where the run is. The document stores ``STATUSES``; a reading is in one of ``PHASES``.
    Members equal their text ("idle" == RunStatus.IDLE), which is what the file holds."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    WARNING = "warning"
    OVERTIME = "overtime"
    FINISHED = "finished"


#: What the document stores; warning and overtime follow from the deadline.
STATUSES: tuple[RunStatus, ...] = (
    RunStatus.IDLE,
    RunStatus.RUNNING,
    RunStatus.PAUSED,
    RunStatus.FINISHED,
)
#: The phases a reading can be in (a finished run reads as idle, with ``finished`` set).
PHASES: tuple[RunStatus, ...] = (
    RunStatus.IDLE,
    RunStatus.RUNNING,
    RunStatus.PAUSED,
    RunStatus.WARNING,
    RunStatus.OVERTIME,
)
#: Seconds the wall clock and the monotonic clock may disagree before we call it a sleep.
DRIFT = 2.0
#: A pause between two readings this long (seconds) means the machine slept or froze.
GAP = 5.0


@dataclass(frozen=True)
class Instant:
    """One reading of both clocks: monotonic seconds for arithmetic, aware UTC for the file."""

    mono: float
    utc: datetime


Clock = Callable[[], Instant]


def system_clock() -> Instant:
    """The real clocks."""
    return Instant(time.monotonic(), datetime.now(UTC))


@dataclass(frozen=True)
class RunState:
    """What the document remembers of the run (written at state changes only).

    ``deadline`` is set while running; ``remaining_ms`` while idle or paused (None: the item's
    planned length); ``total_ms`` is the round's length with added or removed time (None:
    planned)."""

    item_id: str | None = None
    status: str = RunStatus.IDLE
    deadline: str | None = None
    remaining_ms: int | None = None
    total_ms: int | None = None


#: Actual times to record: item id -> {"started_at": ..., "ended_at": ...} (None clears).
Stamps = dict[str, dict[str, str | None]]
Persist = Callable[[RunState, Stamps], None]


def warning_seconds(planned_minutes: int) -> float:
    """When an item turns to "nearly time": 2 minutes before the end, 30 s for short items."""
    return 30.0 if planned_minutes < 5 else 120.0


@dataclass(frozen=True)
class Reading:
    """The countdown at one moment. ``remaining`` is negative in overtime; ``crossed`` lists the
    phases entered as time passed since the previous reading (for chimes)."""

    phase: str
    remaining: float
    total: float
    index: int
    item: AgendaItem | None
    next_item: AgendaItem | None
    warning_at: float
    at: Instant
    crossed: tuple[str, ...] = ()
    notice: str = ""
    finished: bool = False

    @property
    def progress(self) -> float:
        """Share of the round still to go, 0..1 (0 in overtime)."""
        return max(0.0, min(1.0, self.remaining / self.total)) if self.total > 0 else 0.0

    @property
    def overtime(self) -> float:
        return max(0.0, -self.remaining)
