"""Moments said the way a person says them: "Today 10:42", "at 10:42 yesterday".

Day and month names come from the app's language (Babel's CLDR data, with explicit patterns:
"Sat 28 Nov" in English, "Sad 28 Tach" in Welsh), not the machine's locale, so the words match
the rest of the app. Both moments are aware datetimes; they are compared in the zone of
``when``'s local time as given.
"""

from __future__ import annotations

from datetime import datetime

from workshop_app.i18n import _, format_date, format_time


def _days_ago(when: datetime, now: datetime) -> int:
    return (now.date() - when.date()).days


def _date(when: datetime, now: datetime) -> str:
    """ "Sat 28 Nov" (with the year when it is not this year's)."""
    return format_date(when, "EEE d MMM" if when.year == now.year else "EEE d MMM y")


def _clock(when: datetime) -> str:
    return format_time(when, "HH:mm")


def short_moment(when: datetime, now: datetime) -> str:
    """ "Today 10:42", "Yesterday 09:05", "Sat 28 Nov 14:05" (a list's time column)."""
    days = _days_ago(when, now)
    if days == 0:
        return _("Today {time}").format(time=_clock(when))
    if days == 1:
        return _("Yesterday {time}").format(time=_clock(when))
    # Translators: a day and a time in a list, "Sat 28 Nov 14:05"
    return _("{day} {time}").format(day=_date(when, now), time=_clock(when))


def moment_phrase(when: datetime, now: datetime) -> str:
    """ "at 10:42 today", "at 09:05 yesterday", "on Sat 28 Nov at 14:05" (inside a sentence)."""
    days = _days_ago(when, now)
    if days == 0:
        return _("at {time} today").format(time=_clock(when))
    if days == 1:
        return _("at {time} yesterday").format(time=_clock(when))
    return _("on {day} at {time}").format(day=_date(when, now), time=_clock(when))


def format_minutes(whole: int) -> str:
    """ "3 h 10 min", "45 min", "2 h" (durations: Plan's schedule, Run)."""
    hours, rest = divmod(max(0, whole), 60)
    if hours and rest:
        # Translators: a duration, abbreviated: "1 h 30 min"
        return _("{hours} h {minutes} min").format(hours=hours, minutes=rest)
    if hours:
        # Translators: a duration in hours, abbreviated: "2 h"
        return _("{hours} h").format(hours=hours)
    # Translators: a duration in minutes, abbreviated: "45 min"
    return _("{minutes} min").format(minutes=rest)
