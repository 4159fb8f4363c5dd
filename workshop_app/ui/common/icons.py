"""The app icon, loaded once from resources/icons/."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from workshop_app import paths


@cache
def app_icon() -> QIcon:
    """The Workshop icon (an SVG; Qt renders it at every size it needs)."""
    return QIcon(str(paths.resource("icons", "workshop-app.svg")))
