"""Reduced motion: View ▸ Reduce Motion (by keyboard), remembered, and the system's answer read
in the background on Linux (gdbus for the desktop portal, gsettings for GNOME)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from workshop_app.ui.common import motion
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def system_unknown(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test starts, and leaves, with the system's answer unknown and no override."""
    monkeypatch.delenv(motion.ENV, raising=False)
    state = motion.notifier()
    state.system = state.portal = state.gnome = None
    yield
    state.system = state.portal = state.gnome = None
    motion._apply_effects(False)  # Qt's own menu effects as they were


def motion_action(window: MainWindow) -> object:
    (action,) = [a for a in window.findChildren(type(window.menu_actions.larger))
                 if a.text() == "Reduce &Motion"]  # fmt: skip
    return action


def test_view_reduce_motion_by_keyboard_is_remembered(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    demo_window.show()
    qtbot.waitExposed(demo_window)
    action = motion_action(demo_window)
    assert not motion.reduced_motion() and not action.isChecked()  # type: ignore[attr-defined]
    for expected in (True, False):
        qtbot.keyClick(demo_window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_M)
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        assert motion.reduced_motion() is expected
        assert action.isChecked() is expected  # type: ignore[attr-defined]
    # back to the system's answer: nothing is kept, so a change of the system's is followed
    assert AppSettings().reduce_motion() is None


def test_a_choice_unlike_the_systems_is_kept(qtbot: QtBot) -> None:
    motion.set_reduced_motion(True)
    assert AppSettings().reduce_motion() is True
    motion.notifier().home = ""  # as a new start reads it
    assert motion.reduced_motion()
    motion.set_reduced_motion(False)
    assert AppSettings().reduce_motion() is None


def fake_program(folder: Path, name: str, output: str) -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' '{output}'\n", encoding="utf-8")
    script.chmod(0o755)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the Linux desktop's settings")
@pytest.mark.parametrize(
    ("portal", "animations", "expected"),
    [("(<uint32 1>,)", "true", True), ("(<uint32 0>,)", "false", True),
     ("(<uint32 0>,)", "true", False)],
)  # fmt: skip
def test_the_linux_desktops_answer_is_read_in_the_background(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    portal: str,
    animations: str,
    expected: bool,
) -> None:
    fake_program(tmp_path, "gdbus", portal)
    fake_program(tmp_path, "gsettings", animations)
    monkeypatch.setenv("PATH", str(tmp_path))
    heard: list[bool] = []
    motion.notifier().changed.connect(heard.append)
    motion.follow_system()
    assert motion.notifier().system is None  # nothing waited for the programs
    qtbot.waitUntil(lambda: motion.notifier().processes == [])
    assert motion.reduced_motion() is expected
    assert heard == ([True] if expected else [])
    assert QApplication.isEffectEnabled(Qt.UIEffect.UI_AnimateMenu) is False or not expected
    motion.notifier().changed.disconnect(heard.append)


def test_no_desktop_programs_means_motion(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    motion.follow_system()
    qtbot.waitUntil(lambda: motion.notifier().processes == [])
    assert not motion.reduced_motion()
