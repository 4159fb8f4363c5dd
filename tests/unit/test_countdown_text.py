"""How the run's times are told: digits, refresh timing, ahead or behind the day."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from tests.unit.fake_clock import FakeClock
from workshop_app.domain.clock import format_utc
from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem, Event
from workshop_app.domain.run_text import (
    day_offset,
    describe_offset,
    display_seconds,
    format_remaining,
    spoken_remaining,
    until_next_second,
)

LONDON_SUMMER = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (3600, "60:00"),
        (3599.2, "60:00"),
        (3599.0, "59:59"),
        (61, "1:01"),
        (0.001, "0:01"),
        (0, "0:00"),
        (-0.5, "0:00"),
        (-1, "+0:01"),
        (-125.9, "+2:05"),
        (100 * 60, "1:40:00"),
        (-(100 * 60 + 5), "+1:40:05"),
    ],
)
def test_format_remaining(remaining: float, text: str) -> None:
    assert format_remaining(remaining) == text


def test_spoken_remaining() -> None:
    assert spoken_remaining(725) == "12 minutes 5 seconds left"
    assert spoken_remaining(60) == "1 minute left"
    assert spoken_remaining(0) == "0 seconds left"
    assert spoken_remaining(-180) == "3 minutes over"


@pytest.mark.parametrize(
    ("remaining", "wait"),
    [(57.0, 1.0), (56.7, 0.7), (0.25, 0.25), (0.0, 1.0), (-0.4, 0.6), (-3.0, 1.0)],
)
def test_until_next_second_lands_on_the_change(remaining: float, wait: float) -> None:
    assert until_next_second(remaining) == pytest.approx(wait)
    before = display_seconds(remaining - wait + 1e-6)
    after = display_seconds(remaining - wait - 1e-6)
    assert before != after


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (None, ""),
        (0.4, "On time"),
        (-0.4, "On time"),
        (4.2, "4 min behind"),
        (-65, "1 h 5 min ahead"),
        (120, "2 h behind"),
    ],
)
def test_describe_offset(minutes: float | None, text: str) -> None:
    assert describe_offset(minutes) == text


def _day(clock: FakeClock) -> tuple[Event, Countdown]:
    items = [
        AgendaItem(title="Welcome", planned_minutes=5),
        AgendaItem(title="Talk", planned_minutes=20),
        AgendaItem(title="Close", planned_minutes=5),
    ]
    event = Event(title="Day", date="2026-11-27", start_time="10:00")
    return event, Countdown(items, clock=clock)


def test_the_day_is_on_time_when_the_plan_is_kept() -> None:
    clock = FakeClock(utc=datetime(2026, 11, 27, 9, 0, tzinfo=UTC))  # 10:00 in London (BST+1)
    event, countdown = _day(clock)
    countdown.start()
    clock.advance(120)
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(event, countdown.items, countdown.read(), now) == pytest.approx(0)


def test_the_day_is_behind_when_the_start_was_late_and_items_overrun() -> None:
    clock = FakeClock(utc=datetime(2026, 11, 27, 9, 3, tzinfo=UTC))  # started 3 min late
    event, countdown = _day(clock)
    countdown.start()
    clock.advance(7 * 60)  # 2 minutes over a 5-minute welcome
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(event, countdown.items, countdown.read(), now) == pytest.approx(5)
    countdown.next()  # the talk starts now, at 10:10, and would end 10:30 (plan: 10:25)
    offset = day_offset(event, countdown.items, countdown.read(), now)
    assert describe_offset(offset) == "5 min behind"
    countdown.adjust(-360)
    assert describe_offset(day_offset(event, countdown.items, countdown.read(), now)) == (
        "1 min ahead"
    )


def test_a_rehearsal_on_another_day_is_judged_from_its_own_start() -> None:
    clock = FakeClock(utc=datetime(2026, 11, 20, 14, 0, tzinfo=UTC))
    event, countdown = _day(clock)
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(event, countdown.items, countdown.read(), now) is None  # not started
    countdown.start()
    clock.advance(60)
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(event, countdown.items, countdown.read(), now) == pytest.approx(0)


def test_a_finished_day_compares_its_actual_end() -> None:
    clock = FakeClock(utc=datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    event, countdown = _day(clock)
    countdown.start()
    clock.advance(29 * 60)
    for _ in range(3):
        countdown.next()
    assert countdown.read().finished
    clock.advance(600)  # looked at later: the day ended when it ended
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(event, countdown.items, countdown.read(), now) == pytest.approx(-1)


def test_no_start_time_and_nothing_started_cannot_be_told() -> None:
    clock = FakeClock()
    items = [replace(AgendaItem(title="Only", planned_minutes=5), started_at=None)]
    reading = Countdown(items, clock=clock).read()
    now = clock.utc.astimezone(LONDON_SUMMER)
    assert day_offset(Event(title="x"), items, reading, now) is None
    assert day_offset(Event(title="x"), [], reading, now) is None
    started = [replace(items[0], started_at=format_utc(clock.utc))]
    assert day_offset(Event(title="x"), started, reading, now) == pytest.approx(0)
