"""EventBundle: a whole event as plain records, the unit of import, export, templates and merge."""

from __future__ import annotations

from dataclasses import dataclass, replace

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

        def fresh(old: str | None) -> str | None:
            if old is None:
                return None
            if old not in mapping:
                mapping[old] = new_id()
            return mapping[old]

        def stamp(record: Record, **changes: object) -> Record:
            return replace(record, id=fresh(record.id), created_at=now, updated_at=now, **changes)

        event = stamp(self.event, **({"title": title} if title is not None else {}))
        return EventBundle(
            event=event,  # type: ignore[arg-type]
            speakers=tuple(stamp(s) for s in self.speakers),  # type: ignore[misc]
            questions=tuple(stamp(q) for q in self.questions),  # type: ignore[misc]
            groups=tuple(stamp(g) for g in self.groups),  # type: ignore[misc]
            agenda=tuple(
                stamp(a, question_ids=tuple(fresh(q) for q in a.question_ids))  # type: ignore[misc]
                for a in self.agenda
            ),
            themes=tuple(stamp(t, question_id=fresh(t.question_id)) for t in self.themes),  # type: ignore[misc]
            notes=tuple(
                stamp(  # type: ignore[misc]
                    n,
                    question_id=fresh(n.question_id),
                    group_id=fresh(n.group_id),
                    theme_id=fresh(n.theme_id),
                )
                for n in self.notes
            ),
        )
