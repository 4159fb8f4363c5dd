"""Moments said the way a person says them: "Today 10:42", "at 10:42 yesterday".

Plain English names (not the locale's) so the words match the rest of the app. Both moments are
aware datetimes; they are compared in the zone of ``when``'s local time as given.
"""

from __future__ import annotations

from datetime import datetime

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(when: datetime, now: datetime) -> str:
    """ "Today", "Yesterday" or "Sat 28 Nov" (with the year when it is not this year's)."""
    days = (now.date() - when.date()).days
    if days == 0:
        return "Today"
    if days == 1:
        return "Yesterday"
    text = f"{_DAYS[when.weekday()]} {when.day} {_MONTHS[when.month - 1]}"
    return text if when.year == now.year else f"{text} {when.year}"


def short_moment(when: datetime, now: datetime) -> str:
    """ "Today 10:42", "Yesterday 09:05", "Sat 28 Nov 14:05" (a list's time column)."""
    return f"{_day(when, now)} {when:%H:%M}"


def moment_phrase(when: datetime, now: datetime) -> str:
    """ "at 10:42 today", "at 09:05 yesterday", "on Sat 28 Nov at 14:05" (inside a sentence)."""
    day = _day(when, now)
    if day in ("Today", "Yesterday"):
        return f"at {when:%H:%M} {day.lower()}"
    return f"on {day} at {when:%H:%M}"
