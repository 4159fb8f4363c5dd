"""A fake pair of clocks for countdown tests: nothing here ever sleeps.

``advance`` moves both clocks; ``sleep`` moves only the wall clock (a suspended laptop: the
monotonic clock stands still on Linux and macOS); ``restart`` starts a new monotonic origin
(a new process) with the wall clock running on.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workshop_app.domain.run import Instant

START = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)


class FakeClock:
    """Callable like ``run.system_clock``; counts how often it was asked."""

    def __init__(self, utc: datetime = START, mono: float = 1000.0) -> None:
        self.utc = utc
        self.mono = mono
        self.calls = 0

    def __call__(self) -> Instant:
        self.calls += 1
        return Instant(self.mono, self.utc)

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.utc += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.utc += timedelta(seconds=seconds)

    def set_wall(self, seconds: float) -> None:
        """Someone changes the system clock by ``seconds`` (monotonic time is untouched)."""
        self.utc += timedelta(seconds=seconds)

    def restart(self, closed_for: float = 0.0, mono: float = 7.5) -> None:
        self.utc += timedelta(seconds=closed_for)
        self.mono = mono
