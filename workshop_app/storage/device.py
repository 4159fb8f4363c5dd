"""The id of this laptop, stamped on every record it changes (for merging files later)."""

from __future__ import annotations

import uuid
from pathlib import Path

from workshop_app import paths

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
    value = str(uuid.uuid4())
    tmp = path.with_suffix(".tmp")
    tmp.write_text(value + "\n", encoding="utf-8")
    tmp.replace(path)
    return value
