"""Walks every key owner of a window: actions, QShortcuts and mnemonics (Alt+underlined letter
of menu titles, buttons, labels with a buddy, group boxes, tabs), with where each can act.

An owner is ``Owner(key, name, owner, anchor, scope)``: ``anchor`` is a widget it is shown with
(its page decides when it can act), ``scope`` is (widget, its children too), the focus where it
acts. Two owners of one key clash when both can be shown at once and one focus is in both
scopes: Qt then refuses both ("Ambiguous shortcut overload").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QTabBar,
    QWidget,
)

Scope = tuple[QWidget, bool]


class Owner(NamedTuple):
    key: str
    name: str
    owner: object
    anchor: QWidget
    scope: Scope


def _scope(window: QWidget, anchor: QWidget, context: Qt.ShortcutContext) -> Scope:
    c = Qt.ShortcutContext
    if context in (c.WindowShortcut, c.ApplicationShortcut):
        return (window, True)
    return (anchor, context == c.WidgetWithChildrenShortcut)


def _mnemonic(text: str) -> str:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return f"Alt+{match.group(1).upper()}" if match else ""


def _mnemonics(window: QWidget) -> list[Owner]:
    found: list[Owner] = []
    bar = window.findChild(QMenuBar)
    if bar is not None:
        for action in bar.actions():
            found.append(Owner(_mnemonic(action.text()), f"menu {action.text()}", action,
                               window, (window, True)))  # fmt: skip
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenuBar | QMenu) or widget.window() is not window:
            continue
        texts: list[str] = []
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts = [widget.text()]
        elif isinstance(widget, QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())]
        for text in texts:
            key = _mnemonic(text)
            if key:
                found.append(Owner(key, f"mnemonic {text}", widget, widget, (window, True)))
    return found


def owners(window: QWidget) -> list[Owner]:
    """Every key owner of ``window`` (a top-level window: the main window, the presenter)."""
    found: list[Owner] = []
    seen: set[int] = set()
    actions = list(window.findChildren(QAction))
    for widget in [window, *window.findChildren(QWidget)]:
        actions += widget.actions()
    for action in actions:
        if id(action) in seen or action.shortcut().isEmpty():
            continue
        seen.add(id(action))
        anchors = [
            window if isinstance(w, QMenu | QMenuBar) else w
            for w in action.associatedObjects()
            if isinstance(w, QMenu | QMenuBar) or (isinstance(w, QWidget) and w.window() is window)
        ]
        anchors = [a for a in anchors if a.window() is window]
        name = action.text().replace("&", "") or action.toolTip()
        for anchor in anchors:
            scope = _scope(window, anchor, action.shortcutContext())
            for sequence in action.shortcuts():
                found.append(Owner(sequence.toString(), name, action, anchor, scope))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.window() is window:
            scope = _scope(window, parent, shortcut.context())
            for sequence in shortcut.keys():
                found.append(Owner(sequence.toString(), "QShortcut", shortcut, parent, scope))
    found += _mnemonics(window)
    return found


def _path(widget: QWidget) -> list[QWidget]:
    path = [widget]
    while path[-1].parentWidget() is not None:
        path.append(path[-1].parentWidget())
    return path[::-1]  # window first


def can_show_together(a: QWidget, b: QWidget) -> bool:
    """False when ``a`` and ``b`` sit on different pages of one QStackedWidget (modes, Plan's
    sections, tabs)."""
    pa, pb = _path(a), _path(b)
    common = 0
    while common < min(len(pa), len(pb)) and pa[common] is pb[common]:
        common += 1
    if common in (len(pa), len(pb)):
        return True  # one holds the other
    return not isinstance(pa[common - 1], QStackedWidget)


def focus_overlap(a: Scope, b: Scope) -> bool:
    """Can one focus widget be in both scopes?"""
    (wa, ca), (wb, cb) = a, b
    if ca and (wa is wb or wa.isAncestorOf(wb)):
        return True
    return cb and (wb is wa or wb.isAncestorOf(wa))


def clashes(window: QWidget) -> list[str]:
    """ "key: owner / owner" for every key with two owners that can act at one focus."""
    by_key: dict[str, list[Owner]] = defaultdict(list)
    for owner in owners(window):
        # one spelling per key ("Del" and "Delete" are one key)
        key = QKeySequence(owner.key).toString(QKeySequence.SequenceFormat.PortableText)
        by_key[key].append(owner)
    found = []
    for key, listed in by_key.items():
        for i, a in enumerate(listed):
            for b in listed[i + 1 :]:
                if a.owner is b.owner:  # one action shown in two places (menu, button)
                    continue
                if can_show_together(a.anchor, b.anchor) and focus_overlap(a.scope, b.scope):
                    found.append(f"{key}: {a.name} / {b.name}")
    return sorted(set(found))
