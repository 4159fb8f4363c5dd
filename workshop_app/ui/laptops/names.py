"""Laptops by the names people know them by: "Table 2", "this laptop"."""

from __future__ import annotations

from datetime import UTC, datetime

from workshop_app.domain.clock import parse_utc
from workshop_app.domain.records import Group
from workshop_app.storage.laptops import Laptop
from workshop_app.ui.document_model import DocumentModel


def laptop_names(model: DocumentModel, laptops: list[Laptop]) -> dict[str, str]:
    """``{device_id: name}``: this laptop, else its table (the one most of its notes are for),
    "a laptop for 5 tables" when it took several tables' notes, else "a laptop" and the start
    of its id."""
    groups = {g.id: g.name or "Unnamed table" for g in model.select(Group)}
    names = {}
    for laptop in laptops:
        if laptop.device_id == model.document.device_id:
            names[laptop.device_id] = "this laptop"
        elif laptop.tables > 1:
            names[laptop.device_id] = f"a laptop for {laptop.tables} tables"
        elif laptop.table_id in groups:
            names[laptop.device_id] = groups[laptop.table_id or ""]
        else:
            names[laptop.device_id] = f"a laptop ({laptop.device_id[:8]})"
    return names


def ago(stamp: str, now: datetime | None = None) -> str:
    """ "just now", "2 min ago", "3 h ago", then the day ("on 14 Jun 2021") for a stored UTC
    time: a count of days reads as a fault when the notes are from last year's event."""
    try:
        then = parse_utc(stamp)
    except ValueError:
        return "at an unknown time"
    seconds = ((now or datetime.now(UTC)) - then).total_seconds()
    minutes = int(seconds // 60)
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    if minutes < 48 * 60:
        return f"{minutes // 60} h ago"
    return f"on {then.day} {then.strftime('%b %Y')}"
