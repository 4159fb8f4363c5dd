"""The five modes of the main window, in mode-bar order (Ctrl+1..5), with names and hints
(marked for the catalogue: translated where shown, ``tr(MODE_TITLES[mode])``)."""

from __future__ import annotations

from enum import StrEnum

from workshop_app.i18n import N_


class Mode(StrEnum):
    """A mode of the main window. Members equal their text ("plan" == Mode.PLAN), which is what
    the settings keep."""

    PLAN = "plan"
    RUN = "run"
    CAPTURE = "capture"
    BOARD = "board"
    REPORT = "report"


MODES: tuple[Mode, ...] = tuple(Mode)
MODE_TITLES: dict[str, str] = {
    Mode.PLAN: N_("Plan"),
    Mode.RUN: N_("Run"),
    Mode.CAPTURE: N_("Capture"),
    Mode.BOARD: N_("Board"),
    Mode.REPORT: N_("Report"),
}
MODE_HINTS: dict[str, str] = {
    Mode.PLAN: N_("Details, speakers, questions, tables and the agenda"),
    Mode.RUN: N_("Countdowns, the presenter display and chimes"),
    Mode.CAPTURE: N_("Type sticky notes per question, by table"),
    Mode.BOARD: N_("Themes, votes and key quotes"),
    Mode.REPORT: N_("The event summary to print, as PDF or accessible HTML"),
}
