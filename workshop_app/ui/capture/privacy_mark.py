"""The marker on a Capture card whose note may hold personal data ("⚠ personal data?").

Contact details only (NHS numbers, emails, phone numbers, postcodes): names need the whole
event's list of people, which the report's check (``ui/report/findings``) reads. Computed per
note text and cached, so a card costs one look-up until its note changes; typing in the note
box costs nothing (the box is not a card).
"""

from __future__ import annotations

from functools import lru_cache

from workshop_app import i18n
from workshop_app.domain.personal_data import NAMES, Kind, find
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import shown

MARK = N_("⚠ personal data?")


@lru_cache(maxsize=4096)
def kinds_in(text: str) -> tuple[Kind, ...]:
    """The kinds of contact detail ``text`` holds, in order of first appearance."""
    found: dict[Kind, None] = {}
    for finding in find(text):
        if finding.kind != Kind.NAME:
            found.setdefault(finding.kind)
    return tuple(found)


@lru_cache(maxsize=8)
def _marker(language: str) -> str:
    return tr(MARK)


def mark(text: str) -> str:
    """The card's marker, or "" when the note holds none (asked at every paint of a card:
    translated once per language)."""
    return _marker(i18n.app_language()) if kinds_in(text) else ""


def tooltip(text: str) -> str:
    """What the marker's tooltip says: which kinds, and how to fix it."""
    kinds = kinds_in(text)
    if not kinds:
        return ""
    what = ", ".join(tr(NAMES[k]) for k in kinds)
    return tr(
        "This note may hold personal data: {kinds}. Press {key} to fix it "
        "before the report or an export leaves the laptop."
    ).format(kinds=what, key=shown("capture.edit"))
