"""Times of day as Capture (and the laptops' dialogs) show them: in the event's time zone,
written by the window's language (QLocale, "HH:mm": "10:18" in English and in Welsh), never by
``strftime``."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QLocale, QTime

from workshop_app.domain import local_time
from workshop_app.ui.common.i18n import qlocale


def clock(
    zone_name: str | None,
    moment: datetime | str | None = None,
    *,
    seconds: bool = False,
    locale: QLocale | None = None,
) -> str:
    """``moment`` (now if None; an aware datetime or a document timestamp) as a time of day in
    ``zone_name``: "10:18" (``seconds``: "10:18:42"); "" for a timestamp that cannot be read.
    ``locale``: one made once for many times (a card list), else the window's."""
    try:
        when = local_time.local(moment or local_time.now_in(None), zone_name)
    except ValueError:
        return ""
    shown = QTime(when.hour, when.minute, when.second)
    return (locale or qlocale()).toString(shown, "HH:mm:ss" if seconds else "HH:mm")
