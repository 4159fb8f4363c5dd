"""Ids and timestamps. Every timestamp in a document is UTC ISO 8601 with milliseconds and ``Z``."""

from __future__ import annotations

from datetime import UTC, datetime

_FORMAT = "%Y-%m-%dT%H:%M:%S.{ms:03d}Z"


def new_id() -> str:
    """A fresh random UUID as text: records never depend on row numbers."""
    import uuid  # not at import: uuid (and platform) are not needed to open an event

    return str(uuid.uuid4())


def format_utc(moment: datetime) -> str:
    """``2026-11-27T14:03:22.123Z`` for an aware datetime (naive ones are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone(UTC)
    return moment.strftime(_FORMAT.format(ms=moment.microsecond // 1000))


def utc_now() -> str:
    """Now, formatted as a document timestamp."""
    return format_utc(datetime.now(UTC))


def parse_utc(text: str) -> datetime:
    """Parse a document timestamp (must end in ``Z``). Raises ValueError otherwise."""
    if not isinstance(text, str) or not text.endswith("Z"):
        raise ValueError("expected an ISO 8601 UTC timestamp ending in Z")
    moment = datetime.fromisoformat(text[:-1] + "+00:00")
    if moment.tzinfo is None:  # "2021-06-15Z": a date alone parses as a naive midnight
        raise ValueError("expected a date and a time, not a date alone")
    return moment.astimezone(UTC)
