"""Capture's sentences that depend on a kind or a setting: whole sentences, one per case, so a
language can order its words (marked here, translated where shown: ``tr(SAVED_AS[kind])``)."""

from __future__ import annotations

from workshop_app.domain.records import NOTE_KINDS, NoteKind
from workshop_app.i18n import N_

ORDER_TEXT = {True: N_("Order: newest first"), False: N_("Order: as written")}
#: The status after a save, one whole sentence per kind ({time} "10:18:42", {number} the
#: note's count at this table on this question).
SAVED_AS: dict[str, str] = {
    NoteKind.IDEA: N_("✓ Saved at {time}: idea, note {number} here."),
    NoteKind.CONCERN: N_("✓ Saved at {time}: concern, note {number} here."),
    NoteKind.QUOTE: N_("✓ Saved at {time}: quote, note {number} here."),
    NoteKind.ACTION: N_("✓ Saved at {time}: action, note {number} here."),
    NoteKind.QUESTION: N_("✓ Saved at {time}: question, note {number} here."),
}
assert tuple(SAVED_AS) == NOTE_KINDS
