"""How run times are told to people: countdown digits, refresh timing, ahead or behind the day.

Plain Python, shared by the Run page and the presenter display (and testable without Qt).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from workshop_app.domain.clock import parse_utc
from workshop_app.domain.human_time import format_minutes
from workshop_app.domain.records import AgendaItem, Event
from workshop_app.domain.run import Reading
from workshop_app.i18n import _, n_


def display_seconds(remaining: float) -> int:
    """The whole seconds a display shows: rounded up while counting down (a 60-minute round
    starts at 60:00 and shows 0:00 exactly at the deadline), rounded down in overtime."""
    return math.ceil(remaining) if remaining > 0 else math.floor(-remaining)


def until_next_second(remaining: float) -> float:
    """Seconds until ``display_seconds`` changes (for scheduling the next refresh)."""
    if remaining > 0:
        return remaining - (math.ceil(remaining) - 1)
    overtime = -remaining
    return math.floor(overtime) + 1 - overtime


def format_remaining(remaining: float) -> str:
    """Countdown digits: "60:00", "4:59", "0:00", past 99 minutes "1:45:00"; overtime counts up
    with a plus: "+2:05". (An hour's round starts at 60:00: same width as the rest of it.)"""
    seconds = display_seconds(remaining)
    minutes, secs = divmod(seconds, 60)
    if minutes > 99:
        hours, minutes = divmod(minutes, 60)
        text = f"{hours}:{minutes:02d}:{secs:02d}"
    else:
        text = f"{minutes}:{secs:02d}"
    return f"+{text}" if remaining < 0 and seconds > 0 else text


def spoken_remaining(remaining: float) -> str:
    """The same for screen readers and tooltips: "12 minutes 5 seconds left", "3 minutes over"."""
    seconds = display_seconds(remaining)
    minutes, secs = divmod(seconds, 60)
    over = remaining < 0 and seconds > 0
    if minutes and secs:
        both = {
            "minutes": n_("%n minute", "%n minutes", minutes),
            "seconds": n_("%n second", "%n seconds", secs),
        }
        # Translators: a countdown read aloud: "12 minutes 5 seconds over"
        return (_("{minutes} {seconds} over") if over else _("{minutes} {seconds} left")).format(
            **both
        )
    if minutes and over:
        return n_("%n minute over", "%n minutes over", minutes)
    if minutes:
        return n_("%n minute left", "%n minutes left", minutes)
    if over:
        return n_("%n second over", "%n seconds over", secs)
    return n_("%n second left", "%n seconds left", secs)


def describe_offset(minutes: float | None) -> str:
    """ "On time", "4 min behind", "1 h 5 min ahead"; "" when it cannot be told."""
    if minutes is None:
        return ""
    whole = round(abs(minutes))
    if whole < 1:
        return _("On time")
    amount = format_minutes(whole)
    # Translators: how far the day is from its plan: "4 min behind", "1 h 5 min ahead"
    return (_("{duration} behind") if minutes > 0 else _("{duration} ahead")).format(
        duration=amount
    )


def describe_day(minutes: float | None) -> str:
    """ "3 min behind the plan", "1 h ahead of the plan", "On time", "Not started yet"."""
    if minutes is None:
        return _("Not started yet")
    whole = round(abs(minutes))
    if whole < 1:
        return _("On time")
    amount = format_minutes(whole)
    if minutes > 0:
        return _("{duration} behind the plan").format(duration=amount)
    return _("{duration} ahead of the plan").format(duration=amount)


def day_offset(
    event: Event, items: Sequence[AgendaItem], reading: Reading, now: datetime
) -> float | None:
    """How many minutes behind (positive) or ahead (negative) of the plan the day is, judged by
    when the current item will end against when the plan has it end.

    The plan starts at the event's start time when the event is today (or has no date), else
    at the actual start of the first item that started (a rehearsal, or a day that began
    late by design). ``now`` is aware local time. None when there is nothing to compare."""
    if not items:
        return None
    offsets, elapsed = [], 0
    for item in items:
        offsets.append(elapsed)
        elapsed += max(0, item.planned_minutes)
    start = _plan_start(event, items, offsets, now)
    if start is None:
        return None
    if reading.finished:
        ended = [parse_utc(i.ended_at) for i in items if i.ended_at]
        actual_end = max(ended).astimezone(now.tzinfo) if ended else now
        return (actual_end - (start + timedelta(minutes=elapsed))).total_seconds() / 60
    index = min(reading.index, len(items) - 1)
    planned_end = start + timedelta(minutes=offsets[index] + items[index].planned_minutes)
    projected_end = now + timedelta(seconds=max(reading.remaining, 0.0))
    return (projected_end - planned_end).total_seconds() / 60


def _plan_start(
    event: Event, items: Sequence[AgendaItem], offsets: list[int], now: datetime
) -> datetime | None:
    if event.start_time and event.date in (None, "", now.date().isoformat()):
        try:
            hours, minutes = (int(part) for part in event.start_time.split(":"))
            return now.replace(hour=hours, minute=minutes, second=0, microsecond=0)
        except ValueError:
            pass
    for item, offset in zip(items, offsets, strict=True):
        if item.started_at:
            return parse_utc(item.started_at).astimezone(now.tzinfo) - timedelta(minutes=offset)
    return None
