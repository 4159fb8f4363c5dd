"""This laptop: its id, stamped on every record it changes (for merging files later), and the
IANA name of its time zone, which a new event takes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from workshop_app import paths
from workshop_app.domain.local_time import DEFAULT_ZONE, check_zone

_known: dict[Path, str] = {}


def device_id() -> str:
    """A random id made once per user data folder and kept in ``device-id`` there."""
    path = paths.data_dir() / "device-id"
    if path in _known:
        return _known[path]
    _known[path] = _read_or_make(path)
    return _known[path]


def _read_or_make(path: Path) -> str:
    try:
        value = path.read_text(encoding="utf-8").strip()
        if value:
            return value
    except FileNotFoundError:
        pass
    import uuid  # only the first time (not at startup)

    value = str(uuid.uuid4())
    # Two processes may start at once on a new laptop (the app and a command, or the tests'
    # subprocesses): each writes its own temporary file, the first hard link to ``device-id``
    # wins, and both then read the one id that is there (os.replace of a shared temporary name
    # could fail in one of them, or leave them with different ids).
    tmp = path.with_name(f".device-id.{os.getpid()}.{value[:8]}.tmp")
    tmp.write_text(value + "\n", encoding="utf-8")
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    except OSError:  # a file system without hard links: the last one written wins
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text(encoding="utf-8").strip() or value


def zone_name(
    environ: Mapping[str, str] | None = None,
    localtime: Path = Path("/etc/localtime"),
    timezone_file: Path = Path("/etc/timezone"),
) -> str:
    """The laptop's time zone as an IANA name: ``TZ`` if it names a zone, else the zone the
    ``/etc/localtime`` link points to (Linux, macOS), else ``/etc/timezone`` (Debian), else UTC
    (Windows without ``TZ``: its zone names are not IANA ones)."""
    env = os.environ if environ is None else environ
    candidates = [env.get("TZ", "").lstrip(":")]
    try:
        target = os.readlink(localtime)
        if "zoneinfo/" in target:
            candidates.append(target.rsplit("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(timezone_file.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    for name in candidates:
        try:
            return check_zone(name)
        except ValueError:
            continue
    return DEFAULT_ZONE
