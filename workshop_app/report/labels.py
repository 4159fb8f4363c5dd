"""Words and numbers as the report prints them: kinds of note and speaker, dates.

The tables are marked with ``N_`` and translated where they are printed: ``_(KIND_LABELS[k])``.
"""

from __future__ import annotations

from datetime import date

from workshop_app.domain.records import KIND_LABELS as KIND_LABELS  # the one table of kinds
from workshop_app.i18n import N_, format_date

SPEAKER_KINDS = {
    "keynote": N_("Keynote speaker"),
    "panellist": N_("Panellist"),
    "facilitator": N_("Facilitator"),
    "host": N_("Host"),
    "other": N_("Speaker"),
}
#: The report's long date: "Tuesday 15 June 2021" (CLDR pattern; Welsh names in Welsh).
LONG_DATE = "EEEE d MMMM y"


def long_date(iso: str | None) -> str:
    """ "2021-06-15" -> "Tuesday 15 June 2021" in the report's language."""
    if not iso:
        return ""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, LONG_DATE)
