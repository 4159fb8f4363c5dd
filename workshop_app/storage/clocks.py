"""Per-field clocks: when each field of a record last changed, and on which laptop.

A record's ``clock`` column holds compact JSON ``{"*": [at, device], "text": [at, device]}``:
``*`` stands for every field not listed. Merging compares fields by their stamps (``merge.py``),
so a theme set on one laptop and a typo fixed on another both survive.
"""

from __future__ import annotations

import json
from typing import Any

STAR = "*"
Stamp = tuple[str, str]


def initial(at: str, device: str) -> str:
    """The clock of a record made at ``at`` on ``device``: every field stamped alike."""
    return encode({STAR: (at, device)})


def encode(stamps: dict[str, Stamp]) -> str:
    return json.dumps(
        {name: list(stamp) for name, stamp in sorted(stamps.items())}, separators=(",", ":")
    )


def decode(text: Any, updated_at: str, device_id: str) -> dict[str, Stamp]:
    """The stamps in a clock column; a missing or unreadable clock reads as every field
    stamped with the record's own ``updated_at`` and ``device_id``."""
    fallback = {STAR: (str(updated_at), str(device_id))}
    if not isinstance(text, str) or not text:
        return fallback
    try:
        raw = json.loads(text)
    except ValueError:
        return fallback
    if not isinstance(raw, dict):
        return fallback
    stamps: dict[str, Stamp] = {}
    for name, stamp in raw.items():
        if isinstance(stamp, list) and len(stamp) == 2 and all(isinstance(s, str) for s in stamp):
            stamps[name] = (stamp[0], stamp[1])
    stamps.setdefault(STAR, fallback[STAR])
    return stamps


def expand(stamps: dict[str, Stamp], names: tuple[str, ...]) -> dict[str, Stamp]:
    """A stamp for every one of ``names``."""
    return {name: stamps.get(name, stamps[STAR]) for name in names}


def compact(full: dict[str, Stamp]) -> dict[str, Stamp]:
    """The canonical clock of a full map: ``*`` is the oldest stamp, and only the fields
    stamped otherwise are listed (one map, one encoding, whichever order merged it)."""
    star = min(full.values())
    stamps = {name: stamp for name, stamp in full.items() if stamp != star}
    stamps[STAR] = star
    return stamps


def value_hash(value: Any) -> str:
    """The last tie-break between two values stamped alike: a hash of the stored value."""
    import hashlib  # not at import: merging needs it, opening an event does not

    return hashlib.sha256(json.dumps(value).encode("utf-8", "surrogatepass")).hexdigest()
