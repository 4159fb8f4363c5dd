"""The five modes of the main window, in mode-bar order (Ctrl+1..5), with names and hints."""

from __future__ import annotations

MODES: tuple[str, ...] = ("plan", "run", "capture", "board", "report")
MODE_TITLES: dict[str, str] = {
    "plan": "Plan",
    "run": "Run",
    "capture": "Capture",
    "board": "Board",
    "report": "Report",
}
MODE_HINTS: dict[str, str] = {
    "plan": "Details, speakers, questions, tables and the agenda",
    "run": "Countdowns, the presenter display and chimes",
    "capture": "Type sticky notes per question, by table",
    "board": "Themes, votes and key quotes",
    "report": "The event summary to print, as PDF or accessible HTML",
}
