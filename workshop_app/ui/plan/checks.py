"""Inline validation for Plan mode: the reason a value needs attention, written for a person.

Pure functions, their words in the window's language: views show the message next to the field
or in the row, with an icon and text, never colour alone, and never in a blocking dialog.
"""

from __future__ import annotations

from collections.abc import Collection

from workshop_app.domain.records import AgendaItem, Event, Question
from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.plan.schedule import Schedule, clock_minutes

NEEDS_TITLE = N_("Give the event a title")
NEEDS_MINUTES = N_("Give it some minutes (more than 0)")
NEEDS_QUESTION = N_("Choose at least one question for this breakout")
PAST_MIDNIGHT = N_("Runs past midnight: shorten the agenda or start earlier")
NEEDS_ITEM_TITLE = N_("Give the item a title")
NEEDS_QUESTION_TEXT = N_("Write the question")


def event_problems(event: Event) -> dict[str, str]:
    """Problems with the event's details, by field name."""
    problems: dict[str, str] = {}
    if not event.title.strip():
        problems["title"] = tr(NEEDS_TITLE)
    if event.start_time and clock_minutes(event.start_time) is None:
        problems["start_time"] = tr("Not a time I can read: try 10:00")
    return problems


def agenda_problems(
    item: AgendaItem, live_question_ids: Collection[str], schedule: Schedule, row: int
) -> list[str]:
    """Problems with one agenda item at ``row`` of ``schedule``, most important first."""
    problems: list[str] = []
    if not item.title.strip():
        problems.append(tr(NEEDS_ITEM_TITLE))
    if item.planned_minutes <= 0:
        problems.append(tr(NEEDS_MINUTES))
    if item.kind == "breakout" and not any(q in live_question_ids for q in item.question_ids):
        problems.append(tr(NEEDS_QUESTION))
    if schedule.past_midnight(row, item.planned_minutes):
        problems.append(tr(PAST_MIDNIGHT))
    return problems


def question_problems(question: Question) -> list[str]:
    return [] if question.text.strip() else [tr(NEEDS_QUESTION_TEXT)]
