"""Reduced motion: whether the app may flash and animate, or should keep still.

``reduced_motion()`` answers, cheaply, from (first that says):
1. the person's choice in View ▸ Reduce Motion (kept in the settings; a choice equal to the
   system's is dropped, so the app follows the system again);
2. ``WORKSHOP_APP_REDUCE_MOTION=1`` / ``0`` (tests, and desktops that do not say);
3. the system, read once the first frame is on screen (``follow_system``; never before):
   Qt's own motion preference where Qt has one (6.12 and later); on Linux the desktop portal's
   ``org.freedesktop.appearance reduced-motion`` and GNOME's ``enable-animations``, read by
   ``gdbus``/``gsettings`` in the background (QProcess: nothing waits for them); on Windows
   ``SPI_GETCLIENTAREAANIMATION``; on macOS ``accessibilityDisplayShouldReduceMotion``.
Qt 6.11 has no motion preference of its own, and ``QApplication.isEffectEnabled`` reports
Qt's defaults rather than the person's wish (off under X11 with no desktop), so it is not asked.

Animations ask ``reduced_motion()`` when they would start: the presenter's flash becomes a
steady border. Qt's own menu and tooltip effects are turned off too while motion is reduced.

Signals (``notifier()``):
    changed(bool): the answer changed (the system's, or the person's choice).
"""

from __future__ import annotations

import os
import re
import sys

from PySide6.QtCore import QObject, QProcess, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app import paths
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.settings import AppSettings

ENV = "WORKSHOP_APP_REDUCE_MOTION"
_EFFECTS = ("UI_AnimateMenu", "UI_FadeMenu", "UI_AnimateCombo", "UI_AnimateTooltip",
            "UI_FadeTooltip", "UI_AnimateToolBox")  # fmt: skip


class _Motion(QObject):
    changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.system: bool | None = None  # None: not known (yet)
        self.portal: bool | None = None
        self.gnome: bool | None = None
        self.user: bool | None = None  # the person's choice, read from ``home``'s settings
        self.home = ""
        self.effects: dict[str, bool] = {}
        self.processes: list[QProcess] = []


_state: _Motion | None = None


def notifier() -> _Motion:
    global _state
    if _state is None:
        _state = _Motion()
    return _state


def system_reduced_motion() -> bool:
    """What the environment variable or, failing it, the system says (False: not known)."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    return bool(notifier().system)


def _user() -> bool | None:
    state = notifier()
    home = str(paths.config_dir())
    if state.home != home:  # read once per settings folder (tests each have their own)
        state.home, state.user = home, AppSettings().reduce_motion()
    return state.user


def reduced_motion() -> bool:
    """Whether to keep still: the person's choice, else the system's."""
    user = _user()
    return system_reduced_motion() if user is None else user


def set_reduced_motion(reduce: bool) -> None:
    """The person's choice (View ▸ Reduce Motion), remembered; equal to the system's, it is
    forgotten instead, so a later change of the system's setting is followed."""
    state, before = notifier(), reduced_motion()
    state.user = None if reduce == system_reduced_motion() else reduce
    AppSettings().set_reduce_motion(state.user)
    _changed(before)


def _set_system(value: bool | None) -> None:
    state, before = notifier(), reduced_motion()
    state.system = value
    _changed(before)


def _changed(before: bool) -> None:
    now = reduced_motion()
    _apply_effects(now)
    if now != before:
        notifier().changed.emit(now)


def _apply_effects(reduce: bool) -> None:
    """Qt's own menu, combo box and tooltip animations: off while motion is reduced."""
    state = notifier()
    for name in _EFFECTS:
        effect = getattr(Qt.UIEffect, name)
        state.effects.setdefault(name, QApplication.isEffectEnabled(effect))
        QApplication.setEffectEnabled(effect, False if reduce else state.effects[name])


def menu_action(parent: QWidget) -> QAction:
    """View ▸ Reduce Motion: checked while motion is reduced, whoever said so."""
    action = QAction(tr("Reduce &Motion"), parent)
    action.setCheckable(True)
    action.setChecked(reduced_motion())
    tip = tr("Steady borders instead of flashes; follows the system's setting until changed here")
    action.setStatusTip(tip)
    action.setToolTip(tip)
    action.triggered.connect(set_reduced_motion)  # the person's choice, not a change of system
    notifier().changed.connect(action.setChecked)
    return action


# -- the system's answer, read after the first frame -----------------------------------------


def follow_system() -> None:
    """Ask the system (once the window is on screen). Quick reads answer now, Linux's later."""
    hints = QApplication.styleHints().accessibility()
    preference = getattr(hints, "motionPreference", None)  # Qt 6.12 and later
    if preference is not None:
        _set_system("Reduce" in preference().name)
        changed = getattr(hints, "motionPreferenceChanged")  # noqa: B009 (unknown to 6.11's stubs)
        changed.connect(lambda p: _set_system("Reduce" in p.name))
    elif sys.platform == "win32":
        _set_system(_windows())
    elif sys.platform == "darwin":
        _set_system(_macos())
    else:
        _ask("gdbus", ["call", "--session", "--dest", "org.freedesktop.portal.Desktop",
             "--object-path", "/org/freedesktop/portal/desktop", "--method",
             "org.freedesktop.portal.Settings.ReadOne", "org.freedesktop.appearance",
             "reduced-motion"], "portal")  # fmt: skip
        _ask("gsettings", ["get", "org.gnome.desktop.interface", "enable-animations"], "gnome")
    _apply_effects(reduced_motion())


def _ask(program: str, arguments: list[str], source: str) -> None:
    state = notifier()
    process = QProcess(state)
    state.processes.append(process)

    def forget() -> None:
        if process in state.processes:
            state.processes.remove(process)
            process.deleteLater()

    def done() -> None:
        out = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        if process.exitStatus() == QProcess.ExitStatus.NormalExit and process.exitCode() == 0:
            setattr(state, source, linux_answer(source, out))
            answers = (state.portal, state.gnome)
            _set_system(True in answers or (None if answers == (None, None) else False))
        forget()

    process.finished.connect(done)

    def failed(error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:  # not installed: no "finished"
            forget()

    process.errorOccurred.connect(failed)
    process.start(program, arguments)


def linux_answer(source: str, output: str) -> bool | None:
    """gdbus's "(<uint32 1>,)" (portal: 1 = reduce) or gsettings' "false" (animations off)."""
    if source == "portal":
        match = re.search(r"uint32 (\d+)", output)
        return None if match is None else match.group(1) == "1"
    text = output.strip()
    return text == "false" if text in ("true", "false") else None


def _windows() -> bool | None:
    try:
        import ctypes

        enabled = ctypes.c_int(1)
        user32 = ctypes.windll.user32  # type: ignore[attr-defined,unused-ignore]
        if user32.SystemParametersInfoW(0x1042, 0, ctypes.byref(enabled), 0):
            return not enabled.value  # SPI_GETCLIENTAREAANIMATION: False = keep still
    except (AttributeError, OSError):
        pass
    return None


def _macos() -> bool | None:
    try:
        import ctypes
        import ctypes.util

        objc = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc") or "libobjc.dylib")
        objc.objc_getClass.restype = objc.sel_registerName.restype = ctypes.c_void_p
        send = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        ask = ctypes.CFUNCTYPE(ctypes.c_bool, ctypes.c_void_p, ctypes.c_void_p)
        address = ctypes.cast(objc.objc_msgSend, ctypes.c_void_p).value or 0
        workspace = send(address)(
            objc.objc_getClass(b"NSWorkspace"), objc.sel_registerName(b"sharedWorkspace")
        )
        selector = objc.sel_registerName(b"accessibilityDisplayShouldReduceMotion")
        return bool(ask(address)(workspace, selector)) if workspace else None
    except (AttributeError, OSError, TypeError):
        return None
