"""The agenda's running clock: start times from the event start and planned minutes.

Also reads the loose ways people type dates and times ("15/06/2021", "10am", "1430") into the
forms the document stores ("2021-06-15", "14:30"). Clock times, dates and durations are
written in the window's language (QLocale: no Babel before the first frame, which this serves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QTime

from workshop_app.domain.human_time import format_minutes as format_duration
from workshop_app.ui.common.i18n import qlocale, tr, trn

DAY_MINUTES = 24 * 60
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%a %d %b %Y",
    "%A %d %B %Y",
)
#: How a date is shown for editing (QLocale's pattern: "Tue 15 Jun 2021", "Maw 15 Meh 2021").
SHOWN_DATE = "ddd dd MMM yyyy"
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*(am|pm)?\s*$", re.IGNORECASE)


def parse_date(text: str) -> str | None:
    """ISO date for what was typed; None for blank. Raises ValueError with a reason."""
    text = " ".join(text.split())
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    shown = qlocale().toDate(text, SHOWN_DATE)  # as shown in the window's language
    if shown.isValid():
        return str(shown.toString("yyyy-MM-dd"))
    raise ValueError(tr("Not a date I can read: try 15/06/2021 or 2021-06-15"))


def show_date(iso: str | None) -> str:
    """How a stored date is shown for editing ("Tue 15 Jun 2021"); blank when not set."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return str(qlocale().toString(QDate(day.year, day.month, day.day), SHOWN_DATE))


def parse_time(text: str) -> str | None:
    """ "HH:MM" for what was typed ("10", "10:30", "1030", "2pm"); None for blank."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2) or 0)
        suffix = (match.group(3) or "").lower()
        if suffix and 1 <= hours <= 12:
            hours = hours % 12 + (12 if suffix == "pm" else 0)
        if hours < 24 and minutes < 60 and not (suffix and hours > 23):
            return f"{hours:02d}:{minutes:02d}"
    raise ValueError(tr("Not a time I can read: try 10:00 or 2pm"))


def clock_minutes(hhmm: str | None) -> int | None:
    """Minutes after midnight for a stored "HH:MM", or None."""
    if not hhmm:
        return None
    try:
        hours, minutes = hhmm.split(":")
        return int(hours) * 60 + int(minutes)
    except ValueError:
        return None


def format_clock(minutes: int) -> str:
    """ "10:05"; past midnight "00:10 +1 day" so nobody misses it."""
    days, rest = divmod(minutes, DAY_MINUTES)
    text = str(qlocale().toString(QTime(rest // 60, rest % 60), "HH:mm"))
    # Translators: a start time after midnight: "00:10 +1 day"
    return trn("{time} +%n day", "{time} +%n days", days).format(time=text) if days else text


def format_offset(minutes: int) -> str:
    """Time since the start when there is no start time: "+1:05"."""
    return f"+{minutes // 60}:{minutes % 60:02d}"


@dataclass(frozen=True)
class Schedule:
    """Start offsets (minutes from the event start) of each item, and the total."""

    offsets: tuple[int, ...]
    total: int
    start: int | None  # event start, minutes after midnight

    def clock(self, row: int) -> str:
        """The item's start as a clock time, or an offset when the event has no start time."""
        if self.start is None:
            return format_offset(self.offsets[row])
        return format_clock(self.start + self.offsets[row])

    def past_midnight(self, row: int, minutes: int) -> bool:
        """True if the item at ``row`` (lasting ``minutes``) ends after midnight."""
        return self.start is not None and self.start + self.offsets[row] + minutes > DAY_MINUTES

    def summary(self) -> str:
        """ "Total 3 h 10 min · ends 13:10" (or a hint to set a start time)."""
        total = format_duration(self.total)
        if self.start is None:
            return tr("Total {duration} · set a start time in Details to see clock times").format(
                duration=total
            )
        return tr("Total {duration} · starts {start} · ends {end}").format(
            duration=total,
            start=format_clock(self.start),
            end=format_clock(self.start + self.total),
        )


def schedule(start_time: str | None, minutes: list[int]) -> Schedule:
    """The running clock for items lasting ``minutes`` each, from ``start_time`` ("HH:MM")."""
    offsets: list[int] = []
    elapsed = 0
    for length in minutes:
        offsets.append(elapsed)
        elapsed += max(0, length)
    return Schedule(tuple(offsets), elapsed, clock_minutes(start_time))
