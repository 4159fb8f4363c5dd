"""ChimePlayer: a soft chime at "nearly time" and a clear one at zero, or silence, never an error.

QtMultimedia is imported the first time a chime is needed (``prepare``, called when a countdown
starts), never at startup. When it cannot load (on Linux it needs ``libpulse.so.0``) or the
computer has no audio output, the player is silent, the Run page flashes instead, and
``unavailable`` says why, once.

Signals:
    unavailable(str message): sound cannot play on this computer (emitted once).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.resources
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal

from workshop_app import paths
from workshop_app.domain.run import RunStatus
from workshop_app.ui.common.i18n import tr

SOUNDS = {RunStatus.WARNING: ("chime-soft.wav", 0.55), RunStatus.OVERTIME: ("chime-clear.wav", 0.9)}
#: How every "no sound" message ends (each message is whole, for translation).
FLASH_ONLY = "Chimes show as a flash instead."


def load_multimedia() -> ModuleType:
    """Import QtMultimedia (raises ImportError or OSError when its libraries are missing)."""
    return importlib.import_module("PySide6.QtMultimedia")


def _why(error: BaseException) -> str:
    text = str(error)
    if "libpulse" in text:
        return tr(
            "No sound: this computer lacks the PulseAudio library (libpulse.so.0; on "
            "Debian or Ubuntu: sudo apt install libpulse0). Chimes show as a flash instead."
        )
    return tr(
        "No sound: Qt's sound support could not be loaded ({error}). "
        "Chimes show as a flash instead."
    ).format(error=text)


class ChimePlayer(QObject):
    """Plays the run's chimes. ``loader`` imports QtMultimedia (tests pass a failing one)."""

    unavailable = Signal(str)

    def __init__(
        self, parent: QObject | None = None, loader: Callable[[], ModuleType] = load_multimedia
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._effects: dict[str, Any] = {}
        self._files = contextlib.ExitStack()
        self.prepared = False
        self.available = False
        self.muted = False
        self.message = ""
        self.played: list[str] = []  # what was played, for tests and the status line
        self.destroyed.connect(self._files.close)

    def prepare(self) -> bool:
        """Load QtMultimedia and the sounds (once). True if sound can play."""
        if self.prepared:
            return self.available
        self.prepared = True
        try:
            multimedia = self._loader()
            if not multimedia.QMediaDevices.audioOutputs():
                self._give_up(
                    tr(
                        "No sound: this computer has no audio output. "
                        "Chimes show as a flash instead."
                    )
                )
                return False
            for phase, (name, volume) in SOUNDS.items():
                effect = multimedia.QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(self._sound_path(name))))
                effect.setVolume(volume)
                effect.statusChanged.connect(lambda e=effect: self._on_effect_status_changed(e))
                self._effects[phase] = effect
        except (ImportError, OSError, RuntimeError) as error:
            self._give_up(_why(error))
            return False
        self.available = True
        return True

    def play(self, phase: str) -> bool:
        """Chime for ``phase`` ("warning" or "overtime"); False when silent (muted, no sound)."""
        if self.muted or phase not in SOUNDS or not self.prepare():
            return False
        self._effects[phase].play()
        self.played.append(phase)
        return True

    def set_muted(self, muted: bool) -> None:
        self.muted = muted

    def _sound_path(self, name: str) -> Path:
        resource = paths.resource("sounds", name)
        return self._files.enter_context(importlib.resources.as_file(resource))

    def _give_up(self, message: str) -> None:
        self.available = False
        self._effects.clear()
        if not self.message:
            self.message = message
            self.unavailable.emit(message)

    def _on_effect_status_changed(self, effect: Any) -> None:
        if effect.status() == effect.Status.Error:
            self._give_up(
                tr("No sound: the audio output refused the chime. Chimes show as a flash instead.")
            )
