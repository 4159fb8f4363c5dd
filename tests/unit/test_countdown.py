"""The countdown's rules with a fake clock: exact arithmetic, restarts, sleeps, writes."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import pytest

from tests.unit.fake_clock import START, FakeClock
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import format_utc
from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem, Event
from workshop_app.domain.run import RunState, RunStatus, Stamps
from workshop_app.domain.run_text import format_remaining
from workshop_app.storage.document import Document

FINISHED = RunStatus.FINISHED
IDLE = RunStatus.IDLE
OVERTIME = RunStatus.OVERTIME
PAUSED = RunStatus.PAUSED
RUNNING = RunStatus.RUNNING
WARNING = RunStatus.WARNING


class Recorder:
    """A persist callback that keeps every write (state changes only, so each is a list entry)."""

    def __init__(self) -> None:
        self.writes: list[tuple[RunState, Stamps]] = []

    def __call__(self, state: RunState, stamps: Stamps) -> None:
        self.writes.append((state, stamps))


def agenda(*minutes: int) -> list[AgendaItem]:
    return [AgendaItem(title=f"Item {n}", planned_minutes=m) for n, m in enumerate(minutes)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


def make(clock: FakeClock, recorder: Recorder, *minutes: int, state: RunState | None = None):
    return Countdown(agenda(*minutes), clock=clock, persist=recorder, state=state)


# -- a whole round ----------------------------------------------------------------------------


def test_sixty_minutes_with_irregular_ticks_end_exactly_at_the_deadline(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 60)
    start = clock.mono
    countdown.start()
    rng = random.Random(4)
    shown: list[str] = []
    crossings: list[str] = []
    while True:
        step = rng.choice((0.001, 0.016, 0.1, 0.25, 0.999, 1.0, 1.7, 3.3, 17.0))
        if clock.mono + step >= start + 3600:
            break
        clock.advance(step)
        reading = countdown.read()
        crossings += reading.crossed
        assert reading.remaining == pytest.approx(3600 - (clock.mono - start), abs=1e-6)
        assert reading.phase == (WARNING if reading.remaining <= 120 else RUNNING)
        shown.append(format_remaining(reading.remaining))
    assert shown[0] == "60:00"
    assert "0:00" not in shown  # never zero before the deadline

    clock.mono, clock.utc = start + 3600, START + timedelta(seconds=3600)
    at_zero = countdown.read()
    assert at_zero.remaining == 0.0
    assert at_zero.phase == OVERTIME
    assert format_remaining(at_zero.remaining) == "0:00"
    crossings += at_zero.crossed
    assert crossings == [WARNING, OVERTIME]  # each chime once

    clock.advance(61)
    assert format_remaining(countdown.read().remaining) == "+1:01"  # overtime counts up
    assert len(recorder.writes) == 1  # the start; ticks wrote nothing


def test_a_reading_just_before_zero_still_shows_a_second(clock: FakeClock) -> None:
    countdown = Countdown(agenda(1), clock=clock)
    countdown.start()
    clock.advance(59.999)
    reading = countdown.read()
    assert reading.phase == WARNING
    assert format_remaining(reading.remaining) == "0:01"


# -- pause, resume, add and remove time ---------------------------------------------------------


def test_pause_resume_and_extend_arithmetic(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 20)
    countdown.start()
    clock.advance(300)
    countdown.pause()
    assert countdown.state() == RunState(countdown.current().id, PAUSED, None, 900_000, None)
    clock.advance(1000)
    assert countdown.read().remaining == 900
    assert countdown.read().phase == PAUSED
    countdown.resume()
    clock.advance(100)
    assert countdown.read().remaining == 800

    countdown.adjust(60)
    reading = countdown.read()
    assert (reading.remaining, reading.total) == (860, 1260)
    countdown.adjust(300)  # Shift+Up: five minutes
    assert countdown.read().remaining == 1160
    countdown.adjust(-300)
    countdown.adjust(-60)
    reading = countdown.read()
    assert (reading.remaining, reading.total) == (800, 1200)
    countdown.adjust(-1000)  # removing stops at zero
    assert countdown.read().remaining == 0
    assert countdown.read().phase == OVERTIME
    countdown.adjust(-60)  # nothing left to remove
    assert countdown.read().remaining == 0
    clock.advance(30)
    assert countdown.read().remaining == -30
    countdown.adjust(60)  # in overtime, adding gives a minute from now
    assert countdown.read().remaining == 60
    assert countdown.read().phase == WARNING
    assert [s.status for s, _ in recorder.writes] == [
        RUNNING, PAUSED, RUNNING, RUNNING, RUNNING, RUNNING, RUNNING, RUNNING, RUNNING,
    ]  # fmt: skip


def test_time_added_before_the_start_counts(clock: FakeClock) -> None:
    countdown = Countdown(agenda(10), clock=clock)
    countdown.adjust(60)
    assert countdown.read().remaining == 660
    assert countdown.read().phase == IDLE
    countdown.start()
    clock.advance(60)
    assert countdown.read().remaining == 600


def test_pausing_in_overtime_keeps_the_overtime(clock: FakeClock) -> None:
    countdown = Countdown(agenda(1), clock=clock)
    countdown.start()
    clock.advance(75)
    countdown.pause()
    assert countdown.state().remaining_ms == -15_000
    clock.advance(500)
    assert format_remaining(countdown.read().remaining) == "+0:15"
    countdown.toggle()
    clock.advance(5)
    assert countdown.read().remaining == -20
    assert countdown.read().phase == OVERTIME


def test_warning_threshold_is_per_item(clock: FakeClock) -> None:
    countdown = Countdown(agenda(4, 5, 30), clock=clock)
    assert countdown.read().warning_at == 30
    countdown.next()
    assert countdown.read().warning_at == 120
    countdown.next()
    countdown.start()
    clock.advance(30 * 60 - 121)
    assert countdown.read().phase == RUNNING
    clock.advance(1)
    assert countdown.read().phase == WARNING


# -- restart and sleep --------------------------------------------------------------------------


def test_a_restart_resumes_from_the_stored_deadline(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 5, 20)
    countdown.next()
    countdown.start()
    clock.advance(100.25)
    state = recorder.writes[-1][0]
    assert state.deadline == format_utc(START + timedelta(seconds=1200))

    clock.restart(closed_for=49.75)  # a new process: a new monotonic origin
    resumed = Countdown(countdown.items, clock=clock, persist=recorder, state=state)
    reading = resumed.read()
    assert reading.item is not None and reading.item.id == countdown.current().id
    assert reading.remaining == 1200 - 150
    assert reading.phase == RUNNING and reading.notice == ""
    assert reading.crossed == ()
    clock.advance(10)
    assert resumed.read().remaining == 1040


def test_a_restart_resumes_a_paused_round(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 20)
    countdown.start()
    clock.advance(60)
    countdown.pause()
    clock.restart(closed_for=3600)
    resumed = Countdown(countdown.items, clock=clock, state=recorder.writes[-1][0])
    assert resumed.read().phase == PAUSED
    assert resumed.read().remaining == 1140


def test_a_deadline_that_passed_while_closed_shows_overtime_and_says_so(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 5)
    countdown.start()
    clock.restart(closed_for=420)
    resumed = Countdown(countdown.items, clock=clock, state=recorder.writes[-1][0])
    reading = resumed.read()
    assert reading.phase == OVERTIME
    assert reading.remaining == -120
    assert "while Workshop was closed" in reading.notice
    assert (START + timedelta(minutes=5)).astimezone().strftime("%H:%M") in reading.notice
    assert reading.crossed == ()  # no chime for what happened while closed
    resumed.pause()
    assert resumed.read().notice == ""  # said until the facilitator acts


def test_a_sleep_past_the_deadline_shows_overtime_and_says_so(clock: FakeClock) -> None:
    countdown = Countdown(agenda(5), clock=clock)
    countdown.start()
    clock.advance(60)
    assert countdown.read().remaining == 240
    clock.sleep(600)  # lid closed: the monotonic clock stood still
    clock.advance(0.1)
    reading = countdown.read()
    assert reading.phase == OVERTIME
    assert reading.remaining == pytest.approx(-360.1)
    assert "asleep" in reading.notice
    assert reading.crossed == (WARNING, OVERTIME)
    clock.advance(1)
    assert countdown.read().remaining == pytest.approx(-361.1)
    assert countdown.read().crossed == ()


def test_a_short_sleep_before_the_deadline_keeps_the_right_time(clock: FakeClock) -> None:
    countdown = Countdown(agenda(20), clock=clock)
    countdown.start()
    clock.sleep(300)
    reading = countdown.read()
    assert reading.remaining == 900
    assert reading.notice == ""


def test_a_clock_set_back_does_not_move_the_countdown(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 20)
    countdown.start()
    clock.advance(60)
    clock.set_wall(-3600)  # someone sets the system clock back an hour
    assert countdown.read().remaining == 1140
    restated = recorder.writes[-1][0]
    assert len(recorder.writes) == 2  # the deadline in the file follows the new wall clock
    clock.restart()
    assert Countdown(countdown.items, clock=clock, state=restated).read().remaining == 1140


# -- writes -----------------------------------------------------------------------------------


def test_a_thousand_ticks_write_nothing_to_the_document(tmp_path: Path, clock: FakeClock) -> None:
    bundle = EventBundle(event=Event(title="Ticks"), agenda=tuple(agenda(5, 20)))
    with Document.create(tmp_path / "ticks.workshop", bundle) as doc:
        countdown = Countdown(doc.select(AgendaItem), clock=clock, persist=doc.set_run_state)
        countdown.next()
        countdown.start()
        stored = doc.run_state()
        changes = doc._conn.total_changes
        rng = random.Random(7)
        for _ in range(1000):
            clock.advance(rng.uniform(0.0, 2.5))  # well into overtime by the end
            countdown.read()
        assert countdown.read().phase == OVERTIME
        assert doc._conn.total_changes == changes
        assert doc.run_state() == stored
        countdown.pause()  # a state change writes
        assert doc._conn.total_changes > changes
        assert doc.run_state() == countdown.state()


# -- moving through the agenda -------------------------------------------------------------------


def test_next_while_running_starts_the_next_item_and_records_times(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 5, 20)
    first, second = countdown.items
    countdown.start()
    assert recorder.writes[-1][1] == {first.id: {"started_at": format_utc(START), "ended_at": None}}
    clock.advance(330)
    countdown.next()
    now = format_utc(START + timedelta(seconds=330))
    state, stamps = recorder.writes[-1]
    assert stamps == {
        first.id: {"started_at": format_utc(START), "ended_at": now},
        second.id: {"started_at": now, "ended_at": None},
    }
    assert state.item_id == second.id and state.status == RUNNING
    assert countdown.read().remaining == 1200
    assert countdown.items[0].ended_at == now  # the countdown keeps its own copy in step


def test_next_when_idle_skips_without_recording(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 5, 20)
    countdown.next()
    assert recorder.writes[-1][1] == {}
    assert countdown.read().phase == IDLE
    assert countdown.read().remaining == 1200


def test_next_after_the_last_item_finishes_and_previous_comes_back(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 5)
    countdown.start()
    clock.advance(120)
    countdown.next()
    reading = countdown.read()
    assert reading.finished and reading.item is None and reading.phase == IDLE
    assert countdown.state().status == FINISHED
    countdown.next()  # nothing after the end
    countdown.start()
    assert countdown.state().status == FINISHED
    clock.advance(30)
    countdown.previous()
    reading = countdown.read()
    assert reading.phase == PAUSED and reading.remaining == 150  # from its own start
    assert countdown.items[0].ended_at is None


def test_previous_undoes_next(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder, 10, 20)
    first, second = countdown.items
    countdown.start()
    clock.advance(240)
    countdown.next()  # pressed too early
    clock.advance(20)
    countdown.previous()
    state, stamps = recorder.writes[-1]
    assert stamps[second.id] == {"started_at": None, "ended_at": None}
    assert stamps[first.id] == {"started_at": format_utc(START), "ended_at": None}
    assert state.item_id == first.id and state.status == RUNNING
    assert countdown.read().remaining == 600 - 260
    countdown.previous()  # nothing before the first
    assert countdown.index == 0


def test_previous_to_an_item_never_started_is_ready(clock: FakeClock) -> None:
    countdown = Countdown(agenda(10, 20), clock=clock)
    countdown.next()
    countdown.start()
    countdown.previous()
    assert countdown.read().phase == IDLE and countdown.read().remaining == 600


def test_reset_returns_to_the_planned_length_as_not_started(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 10)
    countdown.start()
    countdown.adjust(120)
    clock.advance(200)
    countdown.reset()
    reading = countdown.read()
    assert (reading.phase, reading.remaining, reading.total) == (IDLE, 600, 600)
    item = countdown.items[0]
    assert recorder.writes[-1][1] == {item.id: {"started_at": None, "ended_at": None}}
    assert item.started_at is None


def test_toggle_cycles_start_pause_resume(clock: FakeClock) -> None:
    countdown = Countdown(agenda(10), clock=clock)
    phases = []
    for _ in range(3):
        countdown.toggle()
        phases.append(countdown.status)
    assert phases == [RUNNING, PAUSED, RUNNING]


def test_an_empty_agenda_does_nothing(clock: FakeClock, recorder: Recorder) -> None:
    countdown = make(clock, recorder)
    for action in (countdown.toggle, countdown.next, countdown.previous, countdown.reset):
        action()
    countdown.adjust(60)
    reading = countdown.read()
    assert reading.item is None and reading.remaining == 0
    assert recorder.writes == []


# -- the agenda changes under a running countdown -------------------------------------------------


def test_edited_agenda_keeps_the_current_item(clock: FakeClock) -> None:
    countdown = Countdown(agenda(5, 20, 10), clock=clock)
    first, second, third = countdown.items
    countdown.next()
    countdown.start()
    countdown.set_items([second, first, third])
    assert countdown.index == 0 and countdown.current().id == second.id
    assert countdown.status == RUNNING


def test_a_deleted_current_item_gives_way_to_the_one_in_its_place(
    clock: FakeClock, recorder: Recorder
) -> None:
    countdown = make(clock, recorder, 5, 20, 10)
    first, second, third = countdown.items
    countdown.next()
    countdown.start()
    countdown.set_items([first, third])
    assert countdown.current().id == third.id
    assert countdown.status == IDLE
    assert recorder.writes[-1][0].item_id == third.id


def test_a_changed_planned_length_applies_while_ready(clock: FakeClock) -> None:
    countdown = Countdown(agenda(5), clock=clock)
    from dataclasses import replace

    countdown.set_items([replace(countdown.items[0], planned_minutes=8)])
    assert countdown.read().remaining == 480


def test_a_state_for_an_item_no_longer_there_starts_fresh(clock: FakeClock) -> None:
    state = RunState("gone", RUNNING, format_utc(START), None, None)
    countdown = Countdown(agenda(5), clock=clock, state=state)
    assert countdown.index == 0 and countdown.status == IDLE
