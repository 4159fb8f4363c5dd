"""The presenter display goes to the second screen by default, covers it, and follows
projectors being unplugged and plugged in. Each case runs in a child process whose offscreen
platform has the screens of a layout file (``offscreen:configfile=screens.json``).

Also makes the Run screenshots at 1920x1080. To refresh the committed ones:
    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/run/test_run_screens.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("run_screens_child.py")


def screen(name: str, x: int, width: int, height: int) -> dict:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBpp": 32,
        "dpr": 1,
    }


LAPTOP = screen("Laptop", 0, 1280, 800)
PROJECTOR = screen("Projector", 1280, 1920, 1080)


def run_child(tmp_path: Path, screens: list[dict], *args: str) -> dict:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps({"screens": screens}), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, str(CHILD), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_one_screen_the_presenter_covers_it(tmp_path: Path) -> None:
    out = run_child(tmp_path, [LAPTOP], "report")
    assert out["screens"] == ["Laptop"]
    assert out["items"] == ["1: Laptop, 1280 × 800 (this screen)"]
    assert out["chosen"] == "Laptop" and not out["chooser_enabled"]
    assert out["presenter_screen"] == "Laptop"
    assert out["presenter_geometry"] == [0, 0, 1280, 800]
    assert out["full_screen"] and out["frameless"]
    assert out["digits_share"] >= 0.40 and out["digits_inside"]


def test_with_two_screens_the_projector_is_the_default(tmp_path: Path) -> None:
    out = run_child(tmp_path, [LAPTOP, PROJECTOR], "report")
    assert out["primary"] == "Laptop"
    assert out["items"] == [
        "1: Laptop, 1280 × 800 (this screen)",
        "2: Projector, 1920 × 1080",
    ]
    assert out["chosen"] == "Projector" and out["chooser_enabled"]
    assert out["presenter_screen"] == "Projector"
    assert out["presenter_geometry"] == [1280, 0, 1920, 1080]
    assert out["full_screen"] and out["frameless"]
    assert out["digits_share"] >= 0.40 and out["digits_inside"]
    # unplugged: the list follows and the display closes rather than cover the laptop
    assert out["after_removal_items"] == ["1: Laptop, 1280 × 800 (this screen)"]
    assert out["after_removal_presenter"] is False
    assert "disconnected" in out["notice"]
    assert out["after_adding_chosen"] == "Projector"  # plugged in again: chosen again


def test_screenshots_of_the_run_page_and_the_presenter(tmp_path: Path) -> None:
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path / "shots")
    wide = [screen("Laptop", 0, 1920, 1080), screen("Projector", 1920, 1920, 1080)]
    out = run_child(tmp_path, wide, "shots", str(folder))
    assert out["presenter"] == [1920, 0, 1920, 1080]
    for name in ("run-page.png", "run-presenter.png", "run-presenter-phones.png"):
        assert (folder / name).stat().st_size > 20_000, name
