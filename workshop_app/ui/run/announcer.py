"""RunAnnouncer: says the countdown's moments to a screen reader from the Run page.

Which moments (started, 5 minutes left, nearly time, time's up, each minute over) is decided
in ``domain.announcements``; this only follows the controller's readings and sends what that
decides. The controller ticks in every mode, so the room's moments are said wherever the
facilitator is in the app.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from workshop_app.domain.announcements import moment
from workshop_app.domain.run import Reading
from workshop_app.ui.common.announce import announce
from workshop_app.ui.run.controller import RunController


class RunAnnouncer(QObject):
    """Announces ``controller``'s moments from ``widget`` (the Run page)."""

    def __init__(self, controller: RunController, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._last: Reading | None = controller.reading
        controller.ticked.connect(self._on_controller_ticked)

    def _on_controller_ticked(self, reading: Reading) -> None:
        said = moment(self._last, reading)
        self._last = reading
        if said is not None:
            announce(self._widget, said.text, said.assertive)
