"""Moments in words: the restore list's times and the "already open" refusal's."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from workshop_app.domain.human_time import moment_phrase, short_moment

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 30, 9, 15, tzinfo=ZONE)  # a Monday


def test_today_yesterday_this_year_and_another_year() -> None:
    cases = [
        (datetime(2026, 11, 30, 0, 5, tzinfo=ZONE), "Today 00:05", "at 00:05 today"),
        (datetime(2026, 11, 29, 23, 59, tzinfo=ZONE), "Yesterday 23:59", "at 23:59 yesterday"),
        (datetime(2026, 11, 28, 14, 5, tzinfo=ZONE), "Sat 28 Nov 14:05", "on Sat 28 Nov at 14:05"),
        (
            datetime(2025, 12, 1, 8, 0, tzinfo=ZONE),
            "Mon 1 Dec 2025 08:00",
            "on Mon 1 Dec 2025 at 08:00",
        ),
    ]
    for when, short, phrase in cases:
        assert short_moment(when, NOW) == short
        assert moment_phrase(when, NOW) == phrase
