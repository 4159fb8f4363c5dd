"""The event's local time. Every timestamp in a document stays UTC; an event names its time zone
(an IANA name such as "Europe/London") and every time of day shown to a person is in that zone.

``zoneinfo`` reads the system's zone database (``/usr/share/zoneinfo`` on Linux and macOS; on
Windows Python needs the ``tzdata`` package, a dependency there). It is imported when a zone
other than UTC is first looked up, not with this module (opening an event does not need it).
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from functools import cache

from workshop_app.domain.clock import parse_utc
from workshop_app.i18n import _, format_time

#: The zone of an event that never named one (files and JSON from before zones existed).
DEFAULT_ZONE = "UTC"


@cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted."""
    from zoneinfo import available_timezones

    return tuple(sorted(available_timezones() | {DEFAULT_ZONE}))


def check_zone(name: object) -> str:
    """``name`` if it is a known IANA zone; ValueError with a message for a person otherwise."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(_("a time zone is needed, such as Europe/London"))
    name = name.strip()
    from zoneinfo import ZoneInfoNotFoundError

    try:
        zone(name, strict=True)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(
            _(
                "“{name}” is not a time zone this computer knows; use a name such as "
                "Europe/London, America/New_York or UTC"
            ).format(name=name)
        ) from None
    return name


@cache
def zone(name: str | None, *, strict: bool = False) -> tzinfo:
    """The zone called ``name``; an empty or unknown name is UTC unless ``strict``."""
    if not name or name == DEFAULT_ZONE:
        return UTC
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    # ValueError: not a valid key ("../x"); OSError: a name the file system cannot look up
    # (too long, a NUL byte), which a damaged or foreign file can hold
    except (ZoneInfoNotFoundError, ValueError, OSError):
        if strict:
            raise
        return UTC


def local(moment: datetime | str, zone_name: str | None) -> datetime:
    """``moment`` (an aware datetime, or a document timestamp) in the zone ``zone_name``."""
    if isinstance(moment, str):
        moment = parse_utc(moment)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(zone_name))


def clock(moment: datetime | str, zone_name: str | None, *, seconds: bool = False) -> str:
    """The time of day in the event's zone: "10:18" (or "10:18:42" with ``seconds``);
    "" for a timestamp that cannot be read."""
    try:
        when = local(moment, zone_name)
    except ValueError:
        return ""
    return format_time(when, "HH:mm:ss" if seconds else "HH:mm")


def abbreviation(moment: datetime | str, zone_name: str | None) -> str:
    """What people call the zone at that moment: "BST", "GMT", "CET", "UTC" (or "+03")."""
    try:
        return local(moment, zone_name).tzname() or ""
    except ValueError:
        return ""


def now_in(zone_name: str | None) -> datetime:
    """The wall clock now, in the event's zone."""
    return datetime.now(UTC).astimezone(zone(zone_name))
