"""Every folder and bundled file the app uses, in one place.

``WORKSHOP_APP_HOME`` overrides the per-user folders (tests and development always set it):
data, backups, logs and settings then all live below that folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

APP_NAME = "workshop-app"
HOME_ENV = "WORKSHOP_APP_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value).expanduser() if value else None


def _user_dir(sub: str, platform_dir: str) -> Path:
    """``$WORKSHOP_APP_HOME/<sub>`` when set, else platformdirs' folder (created on demand)."""
    home = _home_override()
    if home is not None:
        path = home / sub
    else:
        import platformdirs

        path = Path(getattr(platformdirs, platform_dir)(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Per-user data folder: backups, logs, device id, the demo copy."""
    return _user_dir("data", "user_data_dir")


def config_dir() -> Path:
    """Per-user settings folder."""
    return _user_dir("config", "user_config_dir")


def cache_dir() -> Path:
    """Per-user cache folder: things worth keeping but safe to delete (rendered charts)."""
    return _user_dir("cache", "user_cache_dir")


def backups_dir() -> Path:
    """Where rolling backups of every event are kept, one subfolder per event id."""
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resource(*parts: str) -> Traversable:
    """A bundled resource (templates, demo, fonts, sounds), wherever the package is installed.

    From an installed package the files are ``workshop_app.resources``; from a source checkout
    (tests run with the repository on ``sys.path``) they are the top-level ``resources/`` folder.
    Either folder on disk (an install as plain files: pip, a PyInstaller folder) is found there
    without importing ``importlib.resources`` (about 3 ms at startup, for the window's icon);
    a zipped install goes through ``importlib.resources``.
    """
    here = Path(__file__).resolve().parent
    root: Traversable
    if (here / "resources").is_dir():
        root = here / "resources"
    elif (here.parent / "resources").is_dir():
        root = here.parent / "resources"
    else:
        from importlib import resources

        try:
            root = resources.files("workshop_app.resources")
        except ModuleNotFoundError:
            root = here.parent / "resources"
    for part in parts:
        root = root / part
    return root
