"""Ask the desktop what type a file is, through xdg-mime, against a given data folder."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def xdg_env(data_home: Path, home: Path | None = None) -> dict[str, str]:
    """Only ``data_home`` and the system's folders, as on a desktop with no desktop running."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "KDE_", "GNOME_"))}
    env.pop("DESKTOP_SESSION", None)
    env["XDG_DATA_HOME"] = str(data_home)
    env["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"
    if home is not None:
        env["HOME"] = str(home)
        env["XDG_CONFIG_HOME"] = str(home / ".config")
    return env


def xdg_mime(*args: str, data_home: Path, home: Path | None = None) -> str:
    tool = shutil.which("xdg-mime")
    if tool is None:
        pytest.skip("xdg-mime is not installed (Debian/Ubuntu: apt install xdg-utils)")
    if shutil.which("mimetype") is None:  # without it xdg-mime asks file(1), which knows no types
        pytest.skip("mimetype is not installed (Debian/Ubuntu: apt install libfile-mimeinfo-perl)")
    result = subprocess.run(
        [tool, *args],
        env=xdg_env(data_home, home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def filetype(path: Path, data_home: Path) -> str:
    return xdg_mime("query", "filetype", str(path), data_home=data_home)
