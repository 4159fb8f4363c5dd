"""Text too long for the report, cut visibly before it is laid out.

Import and the app keep every text within ``MAX_TEXT`` characters, but a damaged or foreign file
can hold more (a 2 MB note once took the PDF over two minutes). The report's body shows at most
``MAX_TEXT`` characters of a note, then a marker; the appendix prints it whole. Names, titles and
the like are cut at ``MAX_LINE`` characters with an ellipsis, so a page can always hold them.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.records import MAX_TEXT, Event, Note, Question, Record, Theme
from workshop_app.i18n import N_, _

#: Longest name, title or other one-line text the report prints whole.
MAX_LINE = 1_000
IN_APPENDIX = N_(" … [truncated: full text in the appendix]")
CUT = N_(" … [truncated]")
#: The fields that hold long text (everything else that is text is one line).
_LONG = {
    Event: ("summary",),
    Question: ("prompt", "synthesis"),
    Theme: ("summary",),
    Note: ("text",),
}


def clip(text: str, limit: int, marker: str = "…") -> str:
    """``text`` cut to at most ``limit`` characters (at a space when one is near) plus ``marker``;
    unchanged when it is short enough."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit - 200)
    return (cut[:space] if space > 0 else cut).rstrip() + marker


def _clipped(record: Record, note_marker: str) -> Record:
    long = _LONG.get(type(record), ())
    changes: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if not isinstance(value, str) or f.name in ("id", "created_at", "updated_at"):
            continue
        if f.name in long:
            marker = note_marker if isinstance(record, Note) else _(CUT)
            short = clip(value, MAX_TEXT, marker)
        else:
            short = clip(value, MAX_LINE)
        if short is not value:
            changes[f.name] = short
    return replace(record, **changes) if changes else record


def clipped_bundle(bundle: EventBundle, *, appendix: bool) -> EventBundle:
    """``bundle`` with every text the report would choke on cut visibly (a note's marker says
    its full text is in the appendix when there is one)."""
    marker = _(IN_APPENDIX) if appendix else _(CUT)
    lists = {
        name: tuple(_clipped(r, marker) for r in getattr(bundle, name))
        for name in ("speakers", "questions", "groups", "agenda", "themes", "notes")
    }
    return replace(bundle, event=_clipped(bundle.event, marker), **lists)  # type: ignore[arg-type]
