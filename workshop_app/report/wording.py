"""Lines the PDF, the HTML and the Word report print alike, in the report's language."""

from __future__ import annotations

from workshop_app.i18n import _, n_
from workshop_app.report.model import NoteItem


def theme_info(rank: int, notes: int, votes: int) -> str:
    """ "Theme 2 · 5 notes · 12 votes" (no votes: left out)."""
    info = _("Theme {rank} · {notes}").format(rank=rank, notes=n_("%n note", "%n notes", notes))
    return info + (" · " + n_("%n vote", "%n votes", votes) if votes else "")


def note_meta(note: NoteItem) -> list[str]:
    """What is printed after a note: its kind, who said it, where, votes, starred."""
    meta = [note.kind_label, note.credit, note.table]
    if note.votes:
        meta.append(n_("%n vote", "%n votes", note.votes))
    if note.starred:
        # Translators: a note the team marked as important
        meta.append(_("starred"))
    return [m for m in meta if m]


def table_head(with_people: bool) -> list[str]:
    """The column headers of the list of breakout tables."""
    if with_people:
        # Translators: a column header over the breakout tables (the furniture), their people
        # and their counts of notes
        return [_("Table"), _("Facilitator and note-taker"), _("Notes")]
    return [_("Table"), _("Notes")]


def appendix_head(anonymous: bool) -> list[str]:
    """The column headers of the appendix's tables of notes."""
    if anonymous:
        return [_("Table"), _("Kind"), _("Note")]
    # Translators: the appendix's columns: the table a note came from, its kind (idea,
    # concern...), the speaker's role, the note
    return [_("Table"), _("Kind"), _("Role"), _("Note")]
