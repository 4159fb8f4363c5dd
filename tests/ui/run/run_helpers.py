"""Helpers shared by the Run mode tests (their fixture: conftest.py beside this file).

These tests avoid ``qtbot.waitSignal``/``assertNotEmitted``: they disconnect afterwards, and in
PySide6 6.12 every ``signal.disconnect()`` drops a reference to ``True`` (enough of them abort
the process at exit with "bool_dealloc"). Signals are recorded with a plain ``connect``.
"""

from __future__ import annotations

import types
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from workshop_app.ui.run.page import RunPage

BREAKOUT_1 = 4  # index of "Breakout round 1" in the demo agenda


class FakeSignal:
    def __init__(self) -> None:
        self.slots: list[Callable[[], None]] = []

    def connect(self, slot: Callable[[], None]) -> None:
        self.slots.append(slot)


class FakeSoundEffect:
    """Stands in for QSoundEffect: records what it was asked to play."""

    class Status:
        Ready = "ready"
        Error = "error"

    made: list[FakeSoundEffect] = []

    def __init__(self, parent: object = None) -> None:
        self.statusChanged = FakeSignal()
        self.source = ""
        self.volume = 0.0
        self.plays = 0
        self._status = self.Status.Ready
        FakeSoundEffect.made.append(self)

    def setSource(self, url: object) -> None:
        self.source = url.toLocalFile()  # type: ignore[attr-defined]

    def setVolume(self, volume: float) -> None:
        self.volume = volume

    def play(self) -> None:
        self.plays += 1

    def status(self) -> str:
        return self._status

    def fail(self) -> None:
        """The audio output refuses the sound (as on a machine without a sound server)."""
        self._status = self.Status.Error
        for slot in self.statusChanged.slots:
            slot()


def fake_multimedia(outputs: tuple[str, ...] = ("Speakers",)) -> Callable[[], types.ModuleType]:
    """A loader returning a stand-in for PySide6.QtMultimedia; counts its calls."""
    module = types.ModuleType("FakeQtMultimedia")
    module.QMediaDevices = type(  # type: ignore[attr-defined]
        "QMediaDevices", (), {"audioOutputs": staticmethod(lambda: list(outputs))}
    )
    module.QSoundEffect = FakeSoundEffect  # type: ignore[attr-defined]

    def load() -> types.ModuleType:
        load.calls += 1  # type: ignore[attr-defined]
        return module

    load.calls = 0  # type: ignore[attr-defined]
    return load


def show_page(qtbot: QtBot, page: RunPage, *, active: bool = True) -> RunPage:
    """Show ``page`` as a window (1280x800), active so its keys work."""
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    if active:
        page.activateWindow()
        qtbot.waitUntil(page.isActiveWindow)
        page.setFocus()
    return page


def go_to(page: RunPage, index: int) -> None:
    while page.controller.countdown.index < index:
        page.controller.next()
