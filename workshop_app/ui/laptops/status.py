"""The status bar's word on other laptops: "Notes from 3 laptops · Table 2 2 min ago · Table 5
14 min ago" (the latest first; every laptop in the tooltip). Shown only when more than one
laptop wrote the event's notes.

Never at startup cost: the first count waits until after the window's first paint; later ones
follow changes a second after they settle (one GROUP BY: ``Document.laptops``), and the
"min ago" is redrawn each minute from the counts already read.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.domain import local_time
from workshop_app.storage.laptops import Laptop
from workshop_app.ui.common.first_paint import after_first_paint
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.laptops.names import ago, laptop_names

SHOWN = 2  # other laptops named in the bar; the tooltip lists all


class LaptopsStatus(QLabel):
    """Follows ``model``; empty (hidden) with fewer than two laptops. The first count is made
    once ``watch`` (the workspace) has painted."""

    def __init__(self, model: DocumentModel, watch: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.laptops: list[Laptop] = []
        self.setAccessibleName(tr("Laptops whose notes are here"))
        self.setContentsMargins(0, 0, 16, 0)  # apart from "All changes saved"
        self.hide()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(1000)
        self._settle.timeout.connect(self.refresh)
        self._minute = QTimer(self)
        self._minute.setInterval(60_000)
        self._minute.timeout.connect(self._show)
        self._minute.start()
        model.changed.connect(self._on_model_changed)
        after_first_paint(watch, self.refresh)

    def refresh(self) -> None:
        if self.model.document.closed:
            return
        self.laptops = self.model.document.laptops()
        self._show()

    def _show(self) -> None:
        if len(self.laptops) < 2 or self.model.document.closed:
            self.clear()
            self.hide()
            return
        names = laptop_names(self.model, self.laptops)
        this = self.model.document.device_id
        others = [laptop for laptop in self.laptops if laptop.device_id != this]
        parts = [
            tr("{laptop} {ago}").format(laptop=names[lap.device_id], ago=ago(lap.last))
            for lap in others[:SHOWN]
        ]
        if len(others) > SHOWN:
            parts.append(tr("{count} more").format(count=len(others) - SHOWN))
        laptops = trn("Notes from %n laptop", "Notes from %n laptops", len(self.laptops))
        self.setText(" · ".join([laptops, *parts]))
        zone = self.model.zone_name()
        lines = [
            trn(
                "{laptop}: %n note, the last {ago} ({time})",
                "{laptop}: %n notes, the last {ago} ({time})",
                lap.notes,
            ).format(
                laptop=names[lap.device_id],
                ago=ago(lap.last),
                time=local_time.clock(lap.last, zone),
            )
            for lap in self.laptops
        ]
        self.setToolTip("\n".join([tr("Last note written on each laptop:"), *lines]))
        self.show()

    def _on_model_changed(self, *_: object) -> None:
        self._settle.start()
