"""Laptops by the names people know them by: "Table 2", "this laptop"."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate

from workshop_app.domain.clock import parse_utc
from workshop_app.domain.records import UNNAMED_TABLE, Group
from workshop_app.storage.laptops import Laptop
from workshop_app.ui.common.i18n import qlocale, tr, trn
from workshop_app.ui.document_model import DocumentModel


def laptop_names(model: DocumentModel, laptops: list[Laptop]) -> dict[str, str]:
    """``{device_id: name}``: this laptop, else its table (the one most of its notes are for),
    "a laptop for 5 tables" when it took several tables' notes, else "a laptop" and the start
    of its id."""
    groups = {g.id: g.name or tr(UNNAMED_TABLE) for g in model.select(Group)}
    names = {}
    for laptop in laptops:
        if laptop.device_id == model.document.device_id:
            names[laptop.device_id] = tr("this laptop")
        elif laptop.tables > 1:
            names[laptop.device_id] = trn(
                "a laptop for %n table", "a laptop for %n tables", laptop.tables
            )
        elif laptop.table_id in groups:
            names[laptop.device_id] = groups[laptop.table_id or ""]
        else:
            names[laptop.device_id] = unknown_laptop(laptop.device_id)
    return names


def unknown_laptop(device_id: str) -> str:
    """A laptop known only by its id: "a laptop (3f2a9c1e)"."""
    return tr("a laptop ({id})").format(id=device_id[:8])


def ago(stamp: str, now: datetime | None = None) -> str:
    """ "just now", "2 min ago", "3 h ago", then the day ("on 14 Jun 2021") for a stored UTC
    time: a count of days reads as a fault when the notes are from last year's event."""
    try:
        then = parse_utc(stamp)
    except ValueError:
        return tr("at an unknown time")
    seconds = ((now or datetime.now(UTC)) - then).total_seconds()
    minutes = int(seconds // 60)
    if minutes < 1:
        return tr("just now")
    if minutes < 60:
        return trn("%n min ago", "%n min ago", minutes)
    if minutes < 48 * 60:
        return trn("%n h ago", "%n h ago", minutes // 60)
    day = qlocale().toString(QDate(then.year, then.month, then.day), "d MMM yyyy")
    return tr("on {date}").format(date=day)
