"""RunPage: Run mode, keeping the room to time from the agenda.

The agenda (now, next, done) on the left; on the right the current item, a large countdown with
a progress ring, the breakout's question(s) and prompt, the controls (all with keys: see
``keys.py``), the clock and how far ahead or behind the day is, and the presenter display with
its screen and the chimes. Everything shown comes from one ``RunController``, which the
presenter display shares.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain import local_time
from workshop_app.domain.records import kind_label
from workshop_app.domain.run import Clock, Reading, RunStatus
from workshop_app.domain.run_text import day_offset, describe_offset
from workshop_app.ui.common.focus import show_focus_frame
from workshop_app.ui.common.keymap import install
from workshop_app.ui.common.text import ScaledLabel
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.agenda_list import RunAgendaList
from workshop_app.ui.run.announcer import RunAnnouncer
from workshop_app.ui.run.chime import ChimePlayer, load_multimedia
from workshop_app.ui.run.controller import RunController
from workshop_app.ui.run.details import RoundPanel, day_text
from workshop_app.ui.run.display import CountdownDisplay
from workshop_app.ui.run.keys import HINT, build_actions
from workshop_app.ui.run.presenter import PresenterWindow
from workshop_app.ui.run.screens import ScreenChooser

TOGGLE_TEXT: dict[str, str] = {RunStatus.RUNNING: "Pause", RunStatus.PAUSED: "Resume"}
ROW = ("less5", "less", "more", "more5", "previous", "next", "reset")


def _button(action: QAction, parent: QWidget) -> QToolButton:
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space belongs to the countdown
    button.setMinimumHeight(int(button.fontMetrics().height() * 2.4))
    button.setMinimumWidth(button.fontMetrics().averageCharWidth() * 9)
    button.setAccessibleName(action.text())
    action.changed.connect(lambda: button.setAccessibleName(action.text()))
    return button


class RunPage(QWidget):
    """Run mode for ``model``'s event. ``clock`` and ``chime_loader`` are for tests."""

    def __init__(
        self,
        model: DocumentModel,
        parent: QWidget | None = None,
        *,
        clock: Clock | None = None,
        chime_loader: Callable[[], ModuleType] = load_multimedia,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Run")
        self.model = model
        self.controller = (
            RunController(model, clock, self) if clock else RunController(model, parent=self)
        )
        self.chimes = ChimePlayer(self, chime_loader)
        self.announcer = RunAnnouncer(self.controller, self)
        self.keys = build_actions(self)
        self.presenter: PresenterWindow | None = None
        self.attendee_url: str | None = None
        self._shown_item: object = object()
        self._shown_state: tuple[object, ...] = ()
        self._build()
        self._connect()
        self._on_controller_agenda_changed()
        self._on_controller_ticked(self.controller.reading)
        if self.controller.countdown.status == RunStatus.RUNNING:  # resumed: ready the chimes
            QTimer.singleShot(1500, self.chimes.prepare)

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.agenda = RunAgendaList(self)
        show_focus_frame(self.agenda)
        self.agenda.setMaximumWidth(self.fontMetrics().averageCharWidth() * 46)
        self.setFocusProxy(self.agenda)

        self.title = ScaledLabel("", 1.7, bold=True, parent=self)
        self.title.setWordWrap(True)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.display = CountdownDisplay(self)
        self.side = RoundPanel(self)
        self.question_panel = self.side.question_box
        self.question, self.prompt = self.side.question, self.side.prompt
        self.next_label = self.side.next_label
        self.clock_label, self.day_label = self.side.clock_label, self.side.day_label
        middle = QHBoxLayout()
        middle.addWidget(self.display, 3)
        middle.addWidget(self.side, 2)

        controls = QHBoxLayout()
        self.toggle_button = _button(self.keys["toggle"], self)
        self.toggle_button.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        bold = self.toggle_button.font()
        bold.setBold(True)
        self.toggle_button.setFont(bold)
        controls.addWidget(self.toggle_button)
        for name in ROW:
            controls.addWidget(_button(self.keys[name], self))
        controls.addStretch(1)
        hint = QLabel(HINT, self)
        hint.setWordWrap(True)
        hint.setAccessibleName("Keys")

        status = QHBoxLayout()
        self.present_button = _button(self.keys["present"], self)
        self.chooser = ScreenChooser(self)
        self.mute_button = _button(self.keys["mute"], self)
        status.addWidget(self.present_button)
        status.addWidget(QLabel("on", self))
        status.addWidget(self.chooser)
        status.addWidget(self.mute_button)
        status.addStretch(1)
        self.notice = ScaledLabel("", 1.15, bold=True, parent=self)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Notice")
        self.sound_note = QLabel(self)
        self.sound_note.setWordWrap(True)
        self.sound_note.hide()

        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addWidget(self.meta)
        column.addLayout(middle, 1)
        column.addWidget(self.notice)
        column.addLayout(controls)
        column.addWidget(hint)
        column.addLayout(status)
        column.addWidget(self.sound_note)
        layout = QHBoxLayout(self)
        layout.addWidget(self.agenda)
        layout.addLayout(column, 1)

    def _connect(self) -> None:
        c, k = self.controller, self.keys
        c.ticked.connect(self._on_controller_ticked)
        c.crossed.connect(self._on_controller_crossed)
        c.agenda_changed.connect(self._on_controller_agenda_changed)
        k["toggle"].triggered.connect(self._on_toggle_triggered)
        k["more"].triggered.connect(lambda: c.adjust(60))
        k["less"].triggered.connect(lambda: c.adjust(-60))
        k["more5"].triggered.connect(lambda: c.adjust(300))
        k["less5"].triggered.connect(lambda: c.adjust(-300))
        k["next"].triggered.connect(c.next)
        k["previous"].triggered.connect(c.previous)
        k["reset"].triggered.connect(c.reset)
        k["present"].triggered.connect(self._on_present_triggered)
        leave = install(QAction("Close the presenter display", self), "run.leave")  # laptop too
        leave.triggered.connect(self.close_presenter)
        self.addAction(leave)
        k["mute"].toggled.connect(self._on_mute_toggled)
        self.chimes.unavailable.connect(self._on_chimes_unavailable)
        self.chooser.activated.connect(self._on_chooser_activated)
        self.chooser.screens_changed.connect(self._on_chooser_screens_changed)

    # -- the presenter display -----------------------------------------------------------------

    def open_presenter(self, screen: QScreen | None = None) -> PresenterWindow:
        """Show the presenter display on ``screen`` (default: the chooser's choice)."""
        target = screen or self.chooser.screen_choice() or QGuiApplication.primaryScreen()
        if self.presenter is None:
            self.presenter = PresenterWindow(self.controller, self.keys.values(), self)
            self.presenter.closed.connect(self._on_presenter_closed)
            self.presenter.set_attendee_url(self.attendee_url)
        self.presenter.show_on(target)
        self.keys["present"].setText("Close presenter display")
        return self.presenter

    def set_attendee_url(self, url: str | None) -> None:
        """Show the attendee page's QR code and address (None: attendee input is off) here and
        on the presenter display, now and whenever it opens."""
        self.attendee_url = url or None
        self.side.show_attendee_url(self.attendee_url)
        if self.presenter is not None:
            self.presenter.set_attendee_url(self.attendee_url)

    def close_presenter(self) -> None:
        if self.presenter is not None:
            self.presenter.close()

    def _on_present_triggered(self) -> None:
        if self.presenter is not None:
            self.close_presenter()
        else:
            self.open_presenter()

    def _on_presenter_closed(self) -> None:
        presenter, self.presenter = self.presenter, None
        if presenter is not None:
            presenter.deleteLater()
        self.keys["present"].setText("Presenter display")

    def _on_chooser_activated(self, _index: int) -> None:
        if self.presenter is not None:
            self.open_presenter()

    def _on_chooser_screens_changed(self) -> None:
        if self.presenter is None:
            return
        choice = self.chooser.screen_choice()
        if self.presenter.screen() not in self.chooser.screens():
            self.close_presenter()
            self.notice.setText("The presenter display closed: its screen was disconnected.")
        elif choice is not None and choice is not self.presenter.screen():
            self.open_presenter(choice)  # a projector was plugged in: go there

    # -- handlers --------------------------------------------------------------------------------

    def _on_toggle_triggered(self) -> None:
        self.controller.toggle()
        if self.controller.countdown.status == RunStatus.RUNNING:
            self.chimes.prepare()  # QtMultimedia loads now, not at startup

    def _on_mute_toggled(self, muted: bool) -> None:
        self.chimes.set_muted(muted)
        self.keys["mute"].setText("Chimes muted" if muted else "Mute chimes")

    def _on_chimes_unavailable(self, message: str) -> None:
        self.sound_note.setText(message)
        self.sound_note.show()

    def _on_controller_crossed(self, phase: str) -> None:
        self.chimes.play(phase)
        pulses = 3 if phase == RunStatus.OVERTIME else 1
        self.display.flash(phase, pulses)
        if self.presenter is not None:
            self.presenter.flash(phase, pulses)

    def _on_controller_agenda_changed(self) -> None:
        self._shown_item = object()  # redraw the item details on the next reading
        self._on_controller_ticked(self.controller.reading)

    def _on_controller_ticked(self, reading: Reading) -> None:
        self.display.set_reading(reading)
        # the controller's clock (tests inject one), in the event's time zone
        now = local_time.local(reading.at.utc, self.controller.details.timezone)
        offset = day_offset(self.controller.details, self.controller.countdown.items, reading, now)
        notice = reading.notice or ("" if self.notice.text().startswith("Time ran out") else None)
        shown = (
            TOGGLE_TEXT.get(self.controller.countdown.status, "Start"),
            reading.item is not None,
            now.strftime("%H:%M"),
            day_text(describe_offset(offset)),
            self.notice.text() if notice is None else notice,
        )
        if shown != self._shown_state:  # touch the widgets only when something changed
            self._shown_state = shown
            toggle, enabled, clock, day, notice_text = shown
            self.keys["toggle"].setText(toggle)
            self.keys["toggle"].setEnabled(enabled)
            self.side.show_time(clock, day)
            self.notice.setText(notice_text)
        item = reading.item
        key = (item, reading.index, reading.finished)
        if key != self._shown_item:
            self._shown_item = key
            self._show_item(reading)

    def _show_item(self, reading: Reading) -> None:
        c = self.controller
        self.agenda.show_agenda(c.details, c.countdown.items, reading.index)
        item = reading.item
        if item is None:
            empty = not c.countdown.items
            self.title.setText("No agenda yet" if empty else "Agenda complete")
            self.meta.setText("Add agenda items in Plan mode." if empty else "P goes back.")
        else:
            self.title.setText(item.title or "Untitled item")
            kind = kind_label(item.kind)
            warn = int(reading.warning_at)
            warn_text = f"{warn // 60} min" if warn >= 60 else f"{warn} s"
            self.meta.setText(
                f"{kind} · {item.planned_minutes} min planned · nearly-time warning at {warn_text}"
            )
        nxt = reading.next_item
        self.side.show_next(f"Next: {nxt.title} · {nxt.planned_minutes} min" if nxt else "")
        self.side.show_questions(c.questions(item))
