"""What the Suggestions panel changes, on ids, each ONE undo step through ``DocumentModel``.

- ``accept_suggestion``: a proposed theme becomes a theme (``actions.group_into_new_theme``) with
  only the notes that still have no theme: a suggestion never moves a note already sorted.
- ``merge_duplicates``: two near-identical notes from different tables become one. The Note has
  one table (``group_id``), so the kept note says where else it was heard in its own text,
  "(also said at Table 3)", which every view, export and the report show as typed; it takes
  both notes' votes, a star if either had one, and a theme if only the other had one. The other
  note is tombstoned (in the Capture trash, restorable), in the same step.

Also ``highlight_html``: a note's text as escaped HTML with the shared words in bold, for the
similar-notes list (the only markup is ours; the note's own ``<`` or ``&`` shows as typed).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from workshop_app.domain.errors import NotFoundError
from workshop_app.domain.records import AWAY_FROM_TABLES, Group, Note
from workshop_app.ui.board import actions
from workshop_app.ui.commands import DeleteRecords
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.document_model import DocumentModel


def accept_suggestion(
    model: DocumentModel, question_id: str, note_ids: Iterable[str], title: str
) -> str | None:
    """Make the theme ``title`` with those of ``note_ids`` that have no theme (one step);
    returns its id, or None when none is left to group."""
    wanted = list(dict.fromkeys(note_ids))
    free = [
        n.id
        for n in model.document.records(Note, wanted)
        if n.theme_id is None and not n.deleted and n.question_id == question_id
    ]
    if not free:
        return None
    order = {note_id: i for i, note_id in enumerate(wanted)}
    free.sort(key=order.__getitem__)
    return actions.group_into_new_theme(model, question_id, free, title)


def table_name(model: DocumentModel, group_id: str | None) -> str:
    """The table's name as people read it ("Table 3"), "away from the tables" when none."""
    if group_id is None:
        return tr(AWAY_FROM_TABLES).lower()
    try:
        return model.get(Group, group_id).name.strip() or tr("an unnamed table")
    except NotFoundError:
        return tr("a removed table")


def also_said(model: DocumentModel, note: Note) -> str:
    """The words added to the kept note: "(also said at Table 3)"."""
    if note.group_id is None:
        return tr("(also said away from the tables)")
    return tr("(also said at {table})").format(table=table_name(model, note.group_id))


def keeper(first: Note, second: Note) -> tuple[Note, Note]:
    """(kept, merged away): the note already in a theme if only one is, else ``first``."""
    if first.theme_id is None and second.theme_id is not None:
        return second, first
    return first, second


def merge_duplicates(model: DocumentModel, first_id: str, second_id: str) -> str:
    """Merge two notes into one (see the module's docstring); returns the kept note's id. One
    step: undo brings the other note back and the kept one as it was."""
    first, second = model.get(Note, first_id), model.get(Note, second_id)
    kept, gone = keeper(first, second)
    text = f"{kept.text.rstrip()} {also_said(model, gone)}"
    changes = {
        "text": text,
        "votes": min(actions.MAX_VOTES, kept.votes + gone.votes),
        "starred": kept.starred or gone.starred,
        "theme_id": kept.theme_id or gone.theme_id,
        "attribution": kept.attribution or gone.attribution,
    }
    update = model.update_many_step(Note, {kept.id: changes})
    model.push_steps(
        [update, DeleteRecords(model, [(Note, gone.id)])],
        label=tr("Merge duplicate notes from {first} and {second}").format(
            first=table_name(model, kept.group_id), second=table_name(model, gone.group_id)
        ),
    )
    return kept.id


def highlight_html(text: str, words: Iterable[str]) -> str:
    """``text`` escaped for a rich-text label, each whole-word occurrence of ``words`` (any
    case; a phrase may span spaces) in bold, line breaks kept."""
    spans: list[tuple[int, int]] = []
    for word in words:
        if not word.strip():
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, word.split())) + r"(?!\w)"
        spans += [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(html.escape(text[at:start]))
        out.append(f"<b>{html.escape(text[start:end])}</b>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")
