"""Inline validation for Plan mode: the reason a value needs attention, written for a person.

Pure functions (no Qt): views show the message next to the field or in the row, with an icon and
text, never colour alone, and never in a blocking dialog.
"""

from __future__ import annotations

from collections.abc import Collection

from workshop_app.domain.records import AgendaItem, Event, Question
from workshop_app.ui.plan.schedule import Schedule, clock_minutes

NEEDS_TITLE = "Give the event a title"
NEEDS_MINUTES = "Give it some minutes (more than 0)"
NEEDS_QUESTION = "Choose at least one question for this breakout"
PAST_MIDNIGHT = "Runs past midnight: shorten the agenda or start earlier"
NEEDS_ITEM_TITLE = "Give the item a title"
NEEDS_QUESTION_TEXT = "Write the question"


def event_problems(event: Event) -> dict[str, str]:
    """Problems with the event's details, by field name."""
    problems: dict[str, str] = {}
    if not event.title.strip():
        problems["title"] = NEEDS_TITLE
    if event.start_time and clock_minutes(event.start_time) is None:
        problems["start_time"] = "Not a time I can read: try 10:00"
    return problems


def agenda_problems(
    item: AgendaItem, live_question_ids: Collection[str], schedule: Schedule, row: int
) -> list[str]:
    """Problems with one agenda item at ``row`` of ``schedule``, most important first."""
    problems: list[str] = []
    if not item.title.strip():
        problems.append(NEEDS_ITEM_TITLE)
    if item.planned_minutes <= 0:
        problems.append(NEEDS_MINUTES)
    if item.kind == "breakout" and not any(q in live_question_ids for q in item.question_ids):
        problems.append(NEEDS_QUESTION)
    if schedule.past_midnight(row, item.planned_minutes):
        problems.append(PAST_MIDNIGHT)
    return problems


def question_problems(question: Question) -> list[str]:
    return [] if question.text.strip() else [NEEDS_QUESTION_TEXT]
