"""Words and numbers as the report prints them: kinds of note and speaker, dates (plurals:
``domain.wording``)."""

from __future__ import annotations

from datetime import date

from workshop_app.domain.records import NoteKind

KIND_LABELS: dict[str, str] = {
    NoteKind.IDEA: "Idea",
    NoteKind.CONCERN: "Concern",
    NoteKind.QUOTE: "Quote",
    NoteKind.ACTION: "Action",
    NoteKind.QUESTION: "Question",
}
SPEAKER_KINDS = {
    "keynote": "Keynote speaker",
    "panellist": "Panellist",
    "facilitator": "Facilitator",
    "host": "Host",
    "other": "Speaker",
}
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def long_date(iso: str | None) -> str:
    """ "2021-06-15" -> "Tuesday 15 June 2021" (English, whatever the machine's locale)."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"
