"""ComingPage: an honest placeholder for a mode that is not built yet.

Says what the mode will do (from its issue), what works today instead, and offers a way back to
Plan. Replaced by the real page when the mode's issue lands.

Signals:
    plan_requested(): the user asked to go to Plan mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from workshop_app.i18n import N_
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import shown
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.shell.modes import Mode


@dataclass(frozen=True)
class Coming:
    """What a mode will offer."""

    title: str
    lead: str
    points: tuple[str, ...]
    meanwhile: str


COMING: dict[str, Coming] = {
    Mode.BOARD: Coming(
        N_("Board"),
        N_("Make sense of the notes together after the breakouts."),
        (
            N_("Sticky notes on a board per question, clustered into themes."),
            N_("Dot votes and key quotes."),
            N_("An outline view that does the same by keyboard alone."),
            N_("A question by table overview of who said what."),
        ),
        N_("Notes already in this event are kept safely in the file."),
    ),
}


class ComingPage(QWidget):
    """A calm page saying what a mode will do once it is built."""

    plan_requested = Signal()

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        info = COMING[mode]
        title = tr(info.title)
        self.setAccessibleName(tr("{mode} mode (coming soon)").format(mode=title))
        column = QWidget(self)
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)
        layout = QVBoxLayout(column)
        layout.setSpacing(self.fontMetrics().height())

        heading = ScaledLabel(
            tr("{mode} is coming soon").format(mode=title), 1.6, bold=True, parent=column
        )
        lead = ScaledLabel(tr(info.lead), 1.15, parent=column)
        lead.setWordWrap(True)
        points = QLabel(column)
        points.setTextFormat(Qt.TextFormat.RichText)
        points.setWordWrap(True)
        items = "".join(f"<li style='margin-bottom:4px'>{escape(tr(p))}</li>" for p in info.points)
        offer = tr("When it is ready, {mode} mode will offer:").format(mode=title)
        points.setText(f"<p>{escape(offer)}</p><ul>{items}</ul>")
        meanwhile = QLabel(tr("Until then: {what}").format(what=tr(info.meanwhile)), column)
        meanwhile.setWordWrap(True)

        back = QPushButton(tr("Go to Plan"), column)
        back.setAccessibleName(tr("Go to Plan mode"))
        back.setToolTip(tr("Switch to Plan mode ({keys})").format(keys=shown("window.mode_plan")))
        back.clicked.connect(self._on_back_clicked)
        self.setFocusProxy(back)

        for widget in (heading, lead, points, meanwhile):
            layout.addWidget(widget)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        outer = QVBoxLayout(self)
        outer.addSpacing(self.fontMetrics().height() * 2)
        outer.addWidget(column, 1, Qt.AlignmentFlag.AlignHCenter)

    def _on_back_clicked(self) -> None:
        self.plan_requested.emit()
