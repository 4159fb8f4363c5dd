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

from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import binding, install, shown


@dataclass(frozen=True)
class Key:
    """A control's button text; its keys and what it does are ``keymap``'s "run.<name>"."""

    text: str
    checkable: bool = False


KEYS: dict[str, Key] = {
    "toggle": Key(N_("Start")),
    "less": Key(N_("−1 min")),
    "more": Key(N_("+1 min")),
    "more5": Key(N_("+5 min")),
    "less5": Key(N_("−5 min")),
    "previous": Key(N_("Previous")),
    "next": Key(N_("Next")),
    "reset": Key(N_("Reset")),
    "present": Key(N_("Presenter display")),
    "mute": Key(N_("Mute chimes"), checkable=True),
}
#: The key strip: (the controls, what they do), keys first as the registry writes them.
STRIP = (
    (("toggle",), N_("start/pause")),
    (("more", "less"), N_("one minute")),
    (("more5", "less5"), N_("five minutes")),
    (("next",), N_("next")),
    (("previous",), N_("previous")),
    (("reset",), N_("reset")),
    (("present",), N_("presenter display")),
    (("mute",), N_("mute")),
)


def _first(name: str) -> str:
    """A control's first key, as the strip writes it ("−" for the minus key)."""
    key = binding(f"run.{name}").keys[0]
    return "−" if key == "-" else key


def hint() -> str:
    """The key strip under the controls ("Space start/pause · + / − one minute · …")."""
    return " · ".join(
        # Translators: one entry of the Run page's key strip: "Space start/pause"
        tr("{keys} {does}").format(keys=" / ".join(_first(name) for name in names), does=tr(words))
        for names, words in STRIP
    )


def tip(name: str) -> str:
    """A control's tooltip: what it does and its keys."""
    entry = binding(f"run.{name}")
    does = tr(entry.does)
    # Translators: a Run control's tooltip: "Add one minute (+, ])"
    return tr("{does} ({keys})").format(does=does[0].upper() + does[1:], keys=shown(f"run.{name}"))


def build_actions(owner: QWidget) -> dict[str, QAction]:
    """Actions for every run control, active while ``owner`` is shown in the active window
    (so they work right after clicking the Run tab, and not while another mode is shown), or
    while another window they are added to (the presenter display) is active."""
    actions: dict[str, QAction] = {}
    for name, key in KEYS.items():
        action = install(QAction(tr(key.text), owner), f"run.{name}")
        action.setToolTip(tip(name))
        entry = binding(f"run.{name}")
        action.setStatusTip(tr(entry.does))
        action.setCheckable(key.checkable)
        owner.addAction(action)
        actions[name] = action
    return actions
