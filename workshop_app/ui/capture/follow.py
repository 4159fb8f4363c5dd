"""Which breakout the room is in, from the run's stored state (Run mode writes it).

Plain Python: Capture asks this whenever the run or the agenda changes, so the question on a
note-taker's screen follows the facilitator's countdown without either page knowing the other.
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.domain.records import AgendaItem, Question
from workshop_app.domain.run import RunState, RunStatus


def running_breakout(state: RunState, items: Sequence[AgendaItem]) -> AgendaItem | None:
    """The current agenda item if it is a breakout that has started (running or paused) and
    asks at least one question; else None (no run, another kind of item, or not started)."""
    if state.status not in (RunStatus.RUNNING, RunStatus.PAUSED):
        return None
    if state.item_id is None:
        item = items[0] if items else None
    else:
        item = next((i for i in items if i.id == state.item_id), None)
    if item is None or item.kind != "breakout" or not item.question_ids:
        return None
    return item


def first_question(item: AgendaItem | None, questions: Sequence[Question]) -> str | None:
    """The first of the item's questions that the event still has (None if none)."""
    known = {q.id for q in questions}
    return next((q for q in (item.question_ids if item else ()) if q in known), None)
