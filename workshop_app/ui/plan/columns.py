"""What each Plan list shows: its columns, words and new records, declared once per record type.

``RecordTableModel`` and ``RecordListEditor`` are generic; everything particular to speakers,
questions, tables or the agenda lives here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workshop_app.domain.records import (
    AGENDA_KINDS,
    SPEAKER_KINDS,
    AgendaItem,
    Event,
    Group,
    Question,
    Record,
    Speaker,
    kind_label,
)
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import keys_of
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan import checks
from workshop_app.ui.plan.schedule import Schedule, schedule

#: Computes a read-only cell: (record, row, context) -> text.
Compute = Callable[[Any, int, Any], str]


@dataclass(frozen=True)
class Column:
    """One column: a record field (editable) or a computed value (read-only)."""

    header: str
    field: str = ""
    editor: str = "text"  # "text", "choice", "minutes" or "" (read-only)
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    stretch: bool = False
    undo_label: str = ""
    compute: Compute | None = None
    tooltip: str = ""
    hint_field: str = ""  # a record field shown greyed in an empty cell (a template's hint)

    @property
    def editable(self) -> bool:
        return bool(self.field and self.editor)


@dataclass(frozen=True)
class RecordSpec:
    """Everything the generic list editor needs to know about one kind of record."""

    kind: type[Record]
    noun: str  # "speaker" (these words are marked N_() and translated where shown)
    plural: str  # "Speakers"
    columns: tuple[Column, ...]
    empty_text: str  # "{key}" is the add key
    watches: tuple[type[Record], ...] = ()  # other kinds whose changes alter computed cells
    context: Callable[[DocumentModel, list[Any]], Any] = lambda model, records: None
    problems: Callable[[Any, int, Any], list[str]] = lambda record, row, ctx: []
    new_record: Callable[[DocumentModel], Record] = field(default=lambda model: Record())

    def column_of(self, name: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.field == name)

    def empty_hint(self) -> str:
        """What an empty list says, in the window's language, naming the first add key."""
        return tr(self.empty_text).format(key=keys_of("plan.add")[0])


def choice_text(value: str) -> str:
    """How a kind is shown: "panellist" -> "Panellist"."""
    return kind_label(value)


SPEAKERS = RecordSpec(
    kind=Speaker,
    noun=N_("speaker"),
    plural=N_("Speakers"),
    columns=(
        Column(
            N_("Name"), "name", placeholder=N_("e.g. Wendy Clark"), undo_label=N_("Rename speaker")
        ),
        Column(
            N_("Role"),
            "role",
            placeholder=N_("e.g. Chief Digital and Information Officer"),
            stretch=True,
            undo_label=N_("Edit speaker’s role"),
        ),
        Column(
            N_("Organisation"),
            "organisation",
            placeholder=N_("e.g. NHS Blood and Transplant"),
            stretch=True,
            undo_label=N_("Edit speaker’s organisation"),
        ),
        Column(
            N_("Kind"),
            "kind",
            editor="choice",
            choices=SPEAKER_KINDS,
            undo_label=N_("Change speaker’s kind"),
        ),
    ),
    empty_text=N_("No speakers yet — press {key} to add one"),
    new_record=lambda model: Speaker(kind="keynote" if not model.count(Speaker) else "panellist"),
)

QUESTIONS = RecordSpec(
    kind=Question,
    noun=N_("question"),
    plural=N_("Questions"),
    columns=(
        Column(
            N_("Question"),
            "text",
            placeholder=N_("e.g. What’s our vision and how do we get there?"),
            stretch=True,
            undo_label=N_("Edit question"),
            hint_field="text_hint",
        ),
        Column(
            N_("Prompt for the tables"),
            compute=lambda q, row, ctx: q.prompt.split("\n")[0],
            stretch=True,
            tooltip=N_("Edit the prompt in the box below the list"),
            hint_field="prompt_hint",
        ),
    ),
    empty_text=N_("No questions yet — press {key} to add the first one the tables will answer"),
    problems=lambda q, row, ctx: checks.question_problems(q),
    new_record=lambda model: Question(),
)


def table_name(number: int) -> str:
    """A new table's name: "Table 3" (in the window's language: the name is the user's once
    made, as if they had typed it)."""
    # Translators: the name given to a new breakout table (furniture): "Table 3"
    return tr("Table {number}").format(number=number)


def _next_table_name(model: DocumentModel) -> str:
    return table_name(next_table_number(model))


def next_table_number(model: DocumentModel) -> int:
    """The number after the highest "Table k", or the window's language's "Bwrdd k" (so new
    tables continue the numbering, whichever language named the ones before)."""
    names = {"Table {number}", tr("Table {number}")}
    patterns = [
        re.compile(re.escape(name).replace(re.escape("{number}"), r"(\d+)") + r"\Z", re.I)
        for name in names
        if "{number}" in name
    ]
    numbers = [0]
    for group in model.select(Group):
        for pattern in patterns:
            found = pattern.match(group.name.strip())
            if found:
                numbers.append(int(found.group(1)))
    return max(max(numbers), model.count(Group)) + 1


TABLES = RecordSpec(
    kind=Group,
    noun=N_("table"),
    plural=N_("Tables"),
    columns=(
        Column(
            N_("Table"),
            "name",
            placeholder=N_("e.g. Table 1"),
            stretch=True,
            undo_label=N_("Rename table"),
        ),
        Column(
            N_("Facilitator"),
            "facilitator",
            placeholder=N_("e.g. Priya"),
            stretch=True,
            undo_label=N_("Change table’s facilitator"),
        ),
        Column(
            N_("Note-taker"),
            "note_taker",
            placeholder=N_("e.g. Tom"),
            stretch=True,
            undo_label=N_("Change table’s note-taker"),
        ),
    ),
    empty_text=N_("No tables yet — press {key} to add one, or use Add tables… to add several"),
    new_record=lambda model: Group(name=_next_table_name(model)),
)


@dataclass(frozen=True)
class AgendaContext:
    """What agenda rows need beyond themselves: the clock and the questions' numbers."""

    schedule: Schedule
    question_numbers: dict[str, int]


def _agenda_context(model: DocumentModel, items: list[AgendaItem]) -> AgendaContext:
    start = model.event_record().start_time
    numbers = {q.id: n for n, q in enumerate(model.select(Question), start=1)}
    return AgendaContext(schedule(start, [i.planned_minutes for i in items]), numbers)


def _agenda_questions(item: AgendaItem, row: int, ctx: AgendaContext) -> str:
    numbers = sorted(
        ctx.question_numbers[q] for q in item.question_ids if q in ctx.question_numbers
    )
    return (
        # Translators: a question's short number: "Q2"
        ", ".join(tr("Q{number}").format(number=n) for n in numbers)
        if numbers
        else ("—" if item.kind == "breakout" else "")
    )


AGENDA = RecordSpec(
    kind=AgendaItem,
    noun=N_("agenda item"),
    plural=N_("Agenda"),
    columns=(
        Column(
            N_("Starts"),
            compute=lambda item, row, ctx: ctx.schedule.clock(row),
            tooltip=N_("Worked out from the event’s start time and the minutes above"),
        ),
        Column(
            N_("Item"),
            "title",
            placeholder=N_("e.g. Keynote"),
            stretch=True,
            undo_label=N_("Rename agenda item"),
        ),
        Column(
            N_("Kind"),
            "kind",
            editor="choice",
            choices=AGENDA_KINDS,
            undo_label=N_("Change agenda item’s kind"),
        ),
        Column(N_("Minutes"), "planned_minutes", editor="minutes", undo_label=N_("Change minutes")),
        Column(
            N_("Questions"),
            compute=_agenda_questions,
            tooltip=N_("Choose a breakout’s questions in the list below"),
        ),
    ),
    empty_text=N_("No agenda yet — press {key} to add the first item (e.g. Welcome, 5 minutes)"),
    watches=(Question, Event),
    context=_agenda_context,
    problems=lambda item, row, ctx: checks.agenda_problems(
        item, ctx.question_numbers, ctx.schedule, row
    ),
    new_record=lambda model: AgendaItem(),
)
