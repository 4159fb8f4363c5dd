"""The countdown's spoken moments, read off a real Countdown with the fake clock: every moment
once, nothing in between, and pause, resume, +1 min and sleeps neither repeat nor skip one."""

from __future__ import annotations

from tests.unit.fake_clock import FakeClock
from workshop_app.domain.announcements import TIMES_UP, Announcement, moment
from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem
from workshop_app.domain.run import Reading


class Listener:
    """Reads the countdown like the Run page does and keeps what would be said, and when."""

    def __init__(self, countdown: Countdown, clock: FakeClock) -> None:
        self.countdown, self.clock = countdown, clock
        self.last: Reading | None = countdown.read()
        self.heard: list[tuple[float, Announcement]] = []

    def read(self) -> None:
        reading = self.countdown.read()
        said = moment(self.last, reading)
        if said is not None:
            self.heard.append((round(reading.remaining, 3), said))
        self.last = reading

    def run(self, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.clock.advance(step)
            self.read()

    def act(self, action) -> None:  # type: ignore[no-untyped-def]
        action()
        self.read()

    def texts(self) -> list[str]:
        return [a.text for _, a in self.heard]


def items(*pairs: tuple[str, int]) -> list[AgendaItem]:
    return [AgendaItem(title=title, planned_minutes=minutes) for title, minutes in pairs]


def listener(*pairs: tuple[str, int]) -> Listener:
    clock = FakeClock()
    return Listener(Countdown(items(*pairs), clock=clock), clock)


def test_a_round_says_each_moment_once_and_nothing_in_between() -> None:
    ear = listener(("Breakout round 1", 20))
    ear.run(60)
    assert ear.heard == []  # ready: nothing is said until it starts
    ear.act(ear.countdown.toggle)
    ear.run(20 * 60 + 3 * 60 + 30)
    assert ear.texts() == [
        "Breakout round 1 started, 20 minutes",
        "5 minutes left",
        "Nearly time, 2 minutes left",
        TIMES_UP,
        "1 minute over",
        "2 minutes over",
        "3 minutes over",
    ]
    at = [left for left, _ in ear.heard]
    assert at == [1200.0, 300.0, 120.0, 0.0, -60.0, -120.0, -180.0]  # on the mark, not late
    assertive = [a.text for _, a in ear.heard if a.assertive]
    assert assertive == [TIMES_UP]


def test_a_short_item_has_its_own_warning_and_no_five_minute_mark() -> None:
    ear = listener(("Stretch", 3))
    ear.act(ear.countdown.start)
    ear.run(3 * 60 + 61)
    assert ear.texts() == [
        "Stretch started, 3 minutes",
        "Nearly time, 30 seconds left",
        TIMES_UP,
        "1 minute over",
    ]


def test_irregular_ticks_still_hear_each_moment_once() -> None:
    ear = listener(("Welcome", 6))
    ear.act(ear.countdown.start)
    for step in [0.9, 1.7, 0.3, 2.2, 1.1] * 90:
        ear.clock.advance(step)
        ear.read()
        ear.read()  # a second read at the same instant says nothing more
    assert ear.texts() == [
        "Welcome started, 6 minutes",
        "5 minutes left",
        "Nearly time, 2 minutes left",
        TIMES_UP,
        "1 minute over",
        "2 minutes over",
        "3 minutes over",  # 450 ticks of 1.24 s on average: 558 s of a 360 s round
    ]


def test_pause_and_resume_neither_repeat_nor_skip() -> None:
    ear = listener(("Talk", 10))
    ear.act(ear.countdown.start)
    ear.run(5 * 60 - 0.5)  # half a second before the five-minute mark
    ear.act(ear.countdown.pause)
    ear.run(120)  # paused across what would have been the mark
    assert ear.texts() == ["Talk started, 10 minutes"]
    ear.act(ear.countdown.resume)
    assert ear.texts() == ["Talk started, 10 minutes"]  # resuming is not a new start
    ear.run(1)
    assert ear.texts()[1:] == ["5 minutes left"]  # said when time really passes it
    ear.act(ear.countdown.pause)
    ear.act(ear.countdown.resume)
    ear.run(5 * 60)
    assert ear.texts()[2:] == ["Nearly time, 2 minutes left", TIMES_UP]


def test_added_time_says_nothing_and_the_marks_come_again_when_true_again() -> None:
    ear = listener(("Talk", 10))
    ear.act(ear.countdown.start)
    ear.run(10 * 60 + 10)
    assert ear.texts()[-1] == TIMES_UP
    ear.act(lambda: ear.countdown.adjust(60))  # +1 min in overtime: a minute from now
    assert ear.texts()[-1] == TIMES_UP
    assert len(ear.heard) == 4
    ear.run(61)
    assert ear.texts()[4:] == [TIMES_UP]  # the nearly-time mark was above: not passed again
    ear.run(60)
    assert ear.texts()[5:] == ["1 minute over"]


def test_the_next_item_is_announced_as_started() -> None:
    ear = listener(("Welcome", 5), ("Breakout round 1", 20))
    ear.act(ear.countdown.start)
    ear.run(30)
    ear.act(ear.countdown.next)
    ear.act(ear.countdown.previous)
    assert ear.texts() == [
        "Welcome started, 5 minutes",
        "Breakout round 1 started, 20 minutes",
        "Welcome, 4 minutes 30 seconds left",  # back to an item underway
    ]


def test_reset_then_start_is_a_new_start_and_next_while_ready_is_silent() -> None:
    ear = listener(("Welcome", 5), ("Lunch", 30))
    ear.act(ear.countdown.start)
    ear.run(10)
    ear.act(ear.countdown.reset)
    ear.act(ear.countdown.next)
    ear.act(ear.countdown.previous)
    assert ear.texts() == ["Welcome started, 5 minutes"]
    ear.act(ear.countdown.start)
    assert ear.texts() == ["Welcome started, 5 minutes"] * 2


def test_a_sleep_past_several_marks_says_only_the_latest_assertively() -> None:
    ear = listener(("Talk", 10))
    ear.act(ear.countdown.start)
    ear.run(60)
    ear.clock.advance(11 * 60)  # the laptop froze for eleven minutes
    ear.read()
    assert ear.heard[-1][1] == Announcement("2 minutes over", assertive=True)
    assert len(ear.heard) == 2


def test_a_run_resumed_at_launch_says_nothing_until_a_mark() -> None:
    clock = FakeClock()
    countdown = Countdown(items(("Talk", 10)), clock=clock)
    countdown.start()
    ear = Listener(countdown, clock)  # the first reading only sets where we are
    ear.run(4 * 60 + 59)
    assert ear.heard == []
    ear.run(1)
    assert ear.texts() == ["5 minutes left"]
