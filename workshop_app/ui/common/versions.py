"""The facts a bug report needs, for ``--version`` and Help ▸ About (QtCore only: no window)."""

from __future__ import annotations

import platform
import sys

import PySide6
from PySide6 import QtCore

from workshop_app import paths
from workshop_app.version import DIST_NAME, app_version


def version_report() -> str:
    """One fact a line: the app, Python, PySide6 and Qt, the system and the data folder."""
    frozen = " (installed build)" if getattr(sys, "frozen", False) else ""
    return "\n".join(
        [
            f"{DIST_NAME} {app_version()}{frozen}",
            f"Python {platform.python_version()}",
            f"PySide6 {PySide6.__version__}, Qt {QtCore.qVersion()}",
            f"System: {platform.system()} {platform.release()} ({platform.machine()})",
            f"Data folder: {paths.data_dir()}",
        ]
    )
