"""Chimes: QtMultimedia loads only when needed; no library or no audio output means silence,
a flash and one message, never an error; the WAVs are the ones the project generates."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, FakeSoundEffect, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app import paths
from workshop_app.domain.run import RunStatus
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.chime import ChimePlayer, load_multimedia
from workshop_app.ui.run.page import RunPage

OVERTIME, WARNING = RunStatus.OVERTIME, RunStatus.WARNING

ROOT = Path(__file__).resolve().parents[3]
LIBPULSE = "libpulse.so.0: cannot open shared object file: No such file or directory"


def missing_libpulse():
    raise ImportError(LIBPULSE)


def test_with_sound_each_phase_plays_its_chime(qtbot: QtBot) -> None:
    FakeSoundEffect.made.clear()
    player = ChimePlayer(loader=fake_multimedia())
    assert player.play(WARNING) and player.play(OVERTIME)
    soft, clear = FakeSoundEffect.made
    assert (soft.plays, clear.plays) == (1, 1)
    assert Path(soft.source).name == "chime-soft.wav" and Path(soft.source).is_file()
    assert Path(clear.source).name == "chime-clear.wav"
    assert soft.volume < clear.volume  # soft at "nearly time", clear at zero
    player.set_muted(True)
    assert not player.play(OVERTIME)
    assert clear.plays == 1


def test_missing_libpulse_means_silence_and_one_message(qtbot: QtBot) -> None:
    player = ChimePlayer(loader=missing_libpulse)
    said: list[str] = []
    player.unavailable.connect(said.append)  # (no qtbot.waitSignal: see run_helpers.py)
    assert not player.play(WARNING)
    for _ in range(3):
        assert not player.play(OVERTIME)
    assert len(said) == 1
    assert "libpulse0" in said[0] and "flash" in said[0]
    assert not player.available


def test_the_real_loader_failing_to_import_is_caught(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # import now fails
    player = ChimePlayer(loader=load_multimedia)
    assert not player.prepare()
    assert player.message.startswith("No sound")


def test_no_audio_output_means_silence_and_one_message(qtbot: QtBot) -> None:
    player = ChimePlayer(loader=fake_multimedia(outputs=()))
    said: list[str] = []
    player.unavailable.connect(said.append)
    assert not player.play(OVERTIME)
    assert len(said) == 1 and "no audio output" in said[0]


def test_an_output_refusing_the_sound_silences_the_rest(qtbot: QtBot) -> None:
    FakeSoundEffect.made.clear()
    player = ChimePlayer(loader=fake_multimedia())
    assert player.prepare()
    said: list[str] = []
    player.unavailable.connect(said.append)
    FakeSoundEffect.made[0].fail()
    assert len(said) == 1
    assert not player.play(WARNING)


def test_the_real_qtmultimedia_never_raises(qtbot: QtBot) -> None:
    """Whatever this machine has (a sound card, none, no sound server), nothing is raised."""
    player = ChimePlayer()
    player.play(WARNING)
    qtbot.wait(50)
    player.play(OVERTIME)
    assert player.available or player.message.startswith("No sound")


@pytest.mark.parametrize("loader", [missing_libpulse, fake_multimedia(outputs=())])
def test_without_sound_the_page_flashes_and_says_why_once(
    qtbot: QtBot, demo_model: DocumentModel, loader
) -> None:
    clock = FakeClock()
    page = show_page(qtbot, RunPage(demo_model, clock=clock, chime_loader=loader))
    go_to(page, BREAKOUT_1)
    qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Space)
    assert page.sound_note.isVisible() and page.sound_note.text().startswith("No sound")
    clock.advance(20 * 60 - 100)
    page.controller.tick()
    assert page.display.flashing
    clock.advance(200)
    page.controller.tick()
    assert page.display.flashing
    assert page.chimes.played == []
    assert page.sound_note.text().count("No sound") == 1


def test_qtmultimedia_loads_at_the_first_start_not_before(
    qtbot: QtBot, demo_model: DocumentModel
) -> None:
    loader = fake_multimedia()
    page = show_page(qtbot, RunPage(demo_model, chime_loader=loader))
    page.keys["next"].trigger()
    assert loader.calls == 0
    page.keys["toggle"].trigger()
    assert loader.calls == 1
    page.keys["toggle"].trigger()
    page.keys["toggle"].trigger()
    assert loader.calls == 1


SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from workshop_app.storage.templates import open_demo
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.page import RunPage
document = open_demo()
page = RunPage(DocumentModel(document))
page.show()
app.processEvents()
before = "PySide6.QtMultimedia" in sys.modules
page.keys["toggle"].trigger()
after = "PySide6.QtMultimedia" in sys.modules
print(json.dumps({"before": before, "after": after, "message": page.chimes.message}))
document.close()
"""


def test_qtmultimedia_is_imported_only_when_a_countdown_starts(app_home: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["before"] is False
    assert report["after"] is True


# -- the sound files --------------------------------------------------------------------------


def _generator():
    spec = importlib.util.spec_from_file_location(
        "make_sounds", ROOT / "packaging" / "make_sounds.py"
    )
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_the_committed_chimes_are_what_the_generator_makes(tmp_path: Path) -> None:
    generator = _generator()
    assert generator.main(tmp_path) == 0
    for name in ("chime-soft.wav", "chime-clear.wav"):
        bundled = Path(str(paths.resource("sounds", name)))
        assert bundled.read_bytes() == (tmp_path / name).read_bytes(), name
        with wave.open(str(bundled)) as sound:
            assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
            seconds = sound.getnframes() / sound.getframerate()
            assert 1.0 <= seconds <= 3.0
