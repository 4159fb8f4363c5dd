"""The five modes of the main window, in mode-bar order (Ctrl+1..5), with names and hints."""

from __future__ import annotations

from enum import StrEnum


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
    Mode.PLAN: "Plan",
    Mode.RUN: "Run",
    Mode.CAPTURE: "Capture",
    Mode.BOARD: "Board",
    Mode.REPORT: "Report",
}
MODE_HINTS: dict[str, str] = {
    Mode.PLAN: "Details, speakers, questions, tables and the agenda",
    Mode.RUN: "Countdowns, the presenter display and chimes",
    Mode.CAPTURE: "Type sticky notes per question, by table",
    Mode.BOARD: "Themes, votes and key quotes",
    Mode.REPORT: "The event summary to print, as PDF or accessible HTML",
}
