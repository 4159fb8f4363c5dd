"""WindowPhones: Run ▸ Attendee Input for the main window, and its status bar label.

Checking the action asks where to listen (the laptop's LAN address by default, loopback with a
warning when it has none; 0.0.0.0 only if typed), starts ``AttendeeServer`` and shows the page's
URL in the status bar; unchecking it (or closing the event) stops it at once. Nothing of
QtNetwork is imported until input is turned on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_
from workshop_app.ui.common.dialogs import Dialogs
from workshop_app.ui.common.i18n import tr

if TYPE_CHECKING:
    from workshop_app.ui.document_model import DocumentModel
    from workshop_app.ui.phones.server import AttendeeServer

TITLE = N_("Attendee input")


class WindowPhones(QObject):
    """Signals: url_changed(object url): the page's URL, or None when input is off (for the
    presenter display's QR code)."""

    url_changed = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        dialogs: Dialogs,
        status: QStatusBar,
        action: QAction,
        model: Callable[[], DocumentModel | None],
    ) -> None:
        super().__init__(parent)
        self.parent_widget, self.dialogs, self.status, self.action = parent, dialogs, status, action
        self.model = model
        self.server: AttendeeServer | None = None
        self.label: QLabel | None = None
        action.toggled.connect(self._on_action_toggled)

    @property
    def url(self) -> str | None:
        return self.server.url if self.server is not None else None

    def _on_action_toggled(self, on: bool) -> None:
        if on and self.server is None:
            if not self.ask_and_start():
                self._set_checked(False)
        elif not on:
            self.stop()

    def ask_and_start(self) -> bool:
        from workshop_app.ui.phones.address import (
            DEFAULT_PORT,
            LOOPBACK,
            NO_LAN,
            lan_address,
            parse_listen,
        )

        lan = lan_address()
        if lan is None:
            self.dialogs.show_info(self.parent_widget, tr(TITLE), tr(NO_LAN))
        answer = self.dialogs.ask_text(
            self.parent_widget,
            tr(TITLE),
            tr(
                "Phones on this network will reach the page at this address of the laptop "
                "(HOST:PORT):"
            ),
            f"{lan or LOOPBACK}:{DEFAULT_PORT}",
        )
        if answer is None:
            return False
        try:
            host, port = parse_listen(answer, DEFAULT_PORT)
            self.start(host, port)
        except WorkshopError as err:
            self.dialogs.show_error(
                self.parent_widget, tr("Attendee input did not start"), str(err)
            )
            return False
        return True

    def start(self, host: str, port: int) -> str:
        """Start on ``host``:``port``; the page's URL. Raises ``WorkshopError``."""
        from workshop_app.ui.phones.server import AttendeeServer

        model = self.model()
        if model is None:
            raise WorkshopError(tr("Open an event first: phones add notes to the open event."))
        if model.document.readonly:
            raise WorkshopError(model.document.readonly_reason())
        self.stop()
        server = AttendeeServer(model, model)
        url = server.start(host, port)
        self.server = server
        self._set_checked(True)
        label = self._label()
        label.setText(tr("Attendees: {url}").format(url=url))
        label.setToolTip(
            tr("Phones on the room's network send notes here. Run ▸ Attendee Input stops it.")
        )
        label.show()
        self.status.showMessage(tr("Attendee input is on: phones can send notes now"), 10000)
        self.url_changed.emit(url)
        return url

    def stop(self) -> None:
        """Stop at once (the event closed, or the action unchecked)."""
        server, self.server = self.server, None
        if server is None:
            return
        server.stop()
        server.deleteLater()
        self._set_checked(False)
        if self.label is not None:
            self.label.hide()
        self.status.showMessage(
            tr("Attendee input is off: the page's address no longer works"), 6000
        )
        self.url_changed.emit(None)

    def _set_checked(self, on: bool) -> None:
        blocked = self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(blocked)

    def _label(self) -> QLabel:
        if self.label is None:
            from PySide6.QtCore import Qt

            self.label = QLabel(self.parent_widget)
            self.label.setObjectName("phonesStatus")
            self.label.setAccessibleName(tr(TITLE))
            self.label.setTextFormat(Qt.TextFormat.PlainText)
            self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.label.setContentsMargins(16, 0, 4, 0)
            self.status.addPermanentWidget(self.label)
        return self.label
