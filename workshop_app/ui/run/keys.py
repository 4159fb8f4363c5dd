"""The Run page's actions, with their keys from ``keymap`` (ids "run.…"): the buttons, their
tooltips and the key strip under the controls all read from there.

Five minutes are Shift+Up and Shift+Down: the arrows are on every keyboard, in every layout,
with no keypad and no AltGr, and nothing else on the page uses them with Shift. (Shift++ was
the keypad's plus: on a US or UK laptop "+" is itself Shift+=, so it could not be typed; "]"
and "[" need AltGr on a German keyboard.) "+" and "-" stay one minute: "+" is Shift+= on
US/UK keyboards and a key of its own on German ones, so "=" is bound to it as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from workshop_app.ui.common.keymap import binding, install, shown


@dataclass(frozen=True)
class Key:
    """A control's button text; its keys and what it does are ``keymap``'s "run.<name>"."""

    text: str
    checkable: bool = False


KEYS: dict[str, Key] = {
    "toggle": Key("Start"),
    "less": Key("−1 min"),
    "more": Key("+1 min"),
    "more5": Key("+5 min"),
    "less5": Key("−5 min"),
    "previous": Key("Previous"),
    "next": Key("Next"),
    "reset": Key("Reset"),
    "present": Key("Presenter display"),
    "mute": Key("Mute chimes", checkable=True),
}
#: The key strip: (the controls, what they do), keys first as the registry writes them.
STRIP = (
    (("toggle",), "start/pause"),
    (("more", "less"), "one minute"),
    (("more5", "less5"), "five minutes"),
    (("next",), "next"),
    (("previous",), "previous"),
    (("reset",), "reset"),
    (("present",), "presenter display"),
    (("mute",), "mute"),
)


def _first(name: str) -> str:
    """A control's first key, as the strip writes it ("−" for the minus key)."""
    key = binding(f"run.{name}").keys[0]
    return "−" if key == "-" else key


def hint() -> str:
    """The key strip under the controls."""
    return " · ".join(
        f"{' / '.join(_first(name) for name in names)} {words}" for names, words in STRIP
    )


HINT = hint()


def tip(name: str) -> str:
    """A control's tooltip: what it does and its keys."""
    does = binding(f"run.{name}").does
    return f"{does[0].upper()}{does[1:]} ({shown(f'run.{name}')})"


def build_actions(owner: QWidget) -> dict[str, QAction]:
    """Actions for every run control, active while ``owner`` is shown in the active window
    (so they work right after clicking the Run tab, and not while another mode is shown), or
    while another window they are added to (the presenter display) is active."""
    actions: dict[str, QAction] = {}
    for name, key in KEYS.items():
        action = install(QAction(key.text, owner), f"run.{name}")
        action.setToolTip(tip(name))
        action.setStatusTip(binding(f"run.{name}").does)
        action.setCheckable(key.checkable)
        owner.addAction(action)
        actions[name] = action
    return actions
