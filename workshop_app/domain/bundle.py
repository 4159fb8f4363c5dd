"""EventBundle: a whole event as plain records, the unit of import, export, templates and merge."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypeVar

from workshop_app.domain.clock import new_id, utc_now
from workshop_app.domain.records import (
    AgendaItem,
    Event,
    Group,
    Note,
    Question,
    Record,
    Speaker,
    Theme,
)

T = TypeVar("T", bound=Record)


@dataclass(frozen=True)
class EventBundle:
    """An event and its lists, each in display order. Tombstoned records are not included."""

    event: Event
    speakers: tuple[Speaker, ...] = ()
    questions: tuple[Question, ...] = ()
    groups: tuple[Group, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    themes: tuple[Theme, ...] = ()
    notes: tuple[Note, ...] = ()

    def records(self) -> list[Record]:
        """Every record, the event first."""
        return [
            self.event,
            *self.speakers,
            *self.questions,
            *self.groups,
            *self.agenda,
            *self.themes,
            *self.notes,
        ]

    def with_fresh_ids(self, *, title: str | None = None) -> EventBundle:
        """A copy with new ids and timestamps everywhere (references remapped), for making a new
        event from a template or the demo: two events never share record ids."""
        now = utc_now()
        mapping: dict[str, str] = {}

        def fresh_id(old: str) -> str:
            return mapping.setdefault(old, new_id())

        def fresh(old: str | None) -> str | None:
            return None if old is None else fresh_id(old)

        def stamp(record: T, **changes: Any) -> T:
            return replace(
                record, id=fresh_id(record.id), created_at=now, updated_at=now, **changes
            )

        return EventBundle(
            event=stamp(self.event, **({"title": title} if title is not None else {})),
            speakers=tuple(stamp(s) for s in self.speakers),
            questions=tuple(stamp(q) for q in self.questions),
            groups=tuple(stamp(g) for g in self.groups),
            agenda=tuple(
                stamp(a, question_ids=tuple(fresh_id(q) for q in a.question_ids))
                for a in self.agenda
            ),
            themes=tuple(stamp(t, question_id=fresh(t.question_id)) for t in self.themes),
            notes=tuple(
                stamp(
                    n,
                    question_id=fresh(n.question_id),
                    group_id=fresh(n.group_id),
                    theme_id=fresh(n.theme_id),
                )
                for n in self.notes
            ),
        )
