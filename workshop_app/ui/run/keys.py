"""The Run page's actions and their keys, in one place (buttons, tooltips and the key strip
all read from here).

Space start/pause, + (or =) and - one minute, Shift+Up and Shift+Down five minutes, N next,
P previous, R reset, F5 presenter display, M mute.

Five minutes are Shift+Up and Shift+Down: the arrows are on every keyboard, in every layout,
with no keypad and no AltGr, and nothing else on the page uses them with Shift. (Shift++ was
the keypad's plus: on a US or UK laptop "+" is itself Shift+=, so it could not be typed; "]"
and "[" need AltGr on a German keyboard.) "+" and "-" stay one minute: "+" is Shift+= on
US/UK keyboards and a key of its own on German ones, so "=" is bound to it as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Key:
    text: str
    keys: tuple[str, ...]
    tip: str
    checkable: bool = False


KEYS: dict[str, Key] = {
    "toggle": Key("Start", ("Space",), "Start, pause or resume the countdown"),
    "less": Key("−1 min", ("-",), "Take a minute off"),
    "more": Key("+1 min", ("+", "="), "Add a minute"),
    "more5": Key("+5 min", ("Shift+Up",), "Add five minutes"),
    "less5": Key("−5 min", ("Shift+Down",), "Take five minutes off"),
    "previous": Key("Previous", ("P",), "Back to the previous item"),
    "next": Key("Next", ("N",), "End this item and go to the next (keeps counting if running)"),
    "reset": Key("Reset", ("R",), "This item back to its planned length, not started"),
    "present": Key("Presenter display", ("F5",), "Open or close the full-screen display"),
    "mute": Key("Mute chimes", ("M",), "Turn the chimes off or on", checkable=True),
}
#: The key strip under the controls.
HINT = (
    "Space start/pause · + / − one minute · Shift+Up / Shift+Down five minutes · N next · "
    "P previous · R reset · F5 presenter display · M mute"
)


def build_actions(owner: QWidget) -> dict[str, QAction]:
    """Actions for every run control, active while ``owner`` is shown in the active window
    (so they work right after clicking the Run tab, and not while another mode is shown), or
    while another window they are added to (the presenter display) is active."""
    actions: dict[str, QAction] = {}
    for name, key in KEYS.items():
        action = QAction(key.text, owner)
        action.setShortcuts([QKeySequence(k) for k in key.keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = " or ".join(key.keys)
        action.setToolTip(f"{key.tip} ({shown})")
        action.setStatusTip(key.tip)
        action.setCheckable(key.checkable)
        owner.addAction(action)
        actions[name] = action
    return actions
