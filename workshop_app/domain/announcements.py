"""Which moments of the countdown a screen reader hears: plain Python, no Qt.

Between two readings of the countdown (``moment(before, after)``) at most one thing is said:

- the item started (the current item changed, or a ready item began): "Breakout round 1
  started, 20 minutes";
- time passed one of the marks, going down: "5 minutes left", the item's own nearly-time
  warning ("Nearly time, 2 minutes left"), "Time's up" (the only assertive one), and each whole
  minute of overtime ("1 minute over", "2 minutes over").

Nothing else: not every second, not a pause, not a resume, not added time (time going up
crosses no mark). A mark lifted back above the time left by +1 min is said again when time
passes it again, since it is true again. After a sleep that crossed several marks only the
latest is said (as with the chimes), assertively if time ran out on the way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workshop_app.domain.run import Reading, RunStatus
from workshop_app.domain.run_text import spoken_remaining
from workshop_app.i18n import N_, _, n_

#: The "5 minutes left" mark, in seconds left.
FIVE_MINUTES = 300.0
#: What the room hears when time runs out (translated when said).
TIMES_UP = N_("Time's up")

_TICKING = (RunStatus.RUNNING, RunStatus.WARNING, RunStatus.OVERTIME)


@dataclass(frozen=True)
class Announcement:
    """Words for a screen reader; ``assertive`` interrupts whatever it is saying."""

    text: str
    assertive: bool = False


def moment(before: Reading | None, after: Reading) -> Announcement | None:
    """What to say now that the countdown reads ``after`` (``before``: the previous reading,
    None at the first one, which only sets where we are)."""
    item = after.item
    if before is None or item is None or after.phase not in _TICKING:
        return None
    same_item = before.item is not None and before.item.id == item.id
    if not same_item or before.phase == RunStatus.IDLE:
        return _started(after)
    return _crossed(before.remaining, after)


def _started(after: Reading) -> Announcement:
    title = after.item.title.strip() if after.item is not None else ""
    title = title or _("The agenda item")
    if abs(after.remaining - after.total) < 1.0:
        minutes = round(after.total / 60)
        # Translators: said when an agenda item starts: "Keynote started, 20 minutes"
        text = n_("{title} started, %n minute", "{title} started, %n minutes", minutes)
        return Announcement(text.format(title=title))
    # back to one underway: "Keynote, 12 minutes 5 seconds left"
    return Announcement(
        _("{title}, {time_left}").format(title=title, time_left=spoken_remaining(after.remaining))
    )


def _crossed(was: float, after: Reading) -> Announcement | None:
    left = after.remaining
    if not was > left:  # time stood still or went up (+1 min): no mark passed going down
        return None
    minutes = math.floor(-left / 60) if left < 0 else 0
    if minutes >= 1 and was > -60.0 * minutes:
        text = n_("%n minute over", "%n minutes over", minutes)
        return Announcement(text, assertive=was > 0)
    if was > 0 >= left:
        return Announcement(_(TIMES_UP), assertive=True)
    if was > after.warning_at >= left:
        # Translators: {time_left} is e.g. "2 minutes left"
        text = _("Nearly time, {time_left}").format(time_left=spoken_remaining(after.warning_at))
        return Announcement(text)
    if was > FIVE_MINUTES >= left and after.warning_at < FIVE_MINUTES:
        return Announcement(spoken_remaining(FIVE_MINUTES))
    return None
