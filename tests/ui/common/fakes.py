"""The one fake dialogs service of the GUI tests: it answers every question from queues the
test fills (``texts``, ``save_paths``, ``open_paths``, ``open_many``, ``folders``, ``choices``,
``counts``, ``confirms``) and records every question and message, so no test ever blocks on a
modal dialog. Fixtures hand it out (tests/ui/conftest.py, tests/ui/plan/conftest.py); tests
import the class only to build one of their own or to name its type."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from workshop_app.ui.common.dialogs import Dialogs


class FakeDialogs(Dialogs):
    """Answers from queues; an empty queue means the user cancelled, unless ``confirm`` or
    ``count`` say what to answer then (``answer_confirm``, ``answer_count``: Plan's tests
    answer every "Delete …?" with yes and every "How many?" with 3)."""

    def __init__(self, confirm: bool = False, count: int | None = None) -> None:
        self.answer_confirm = confirm
        self.answer_count = count
        self.texts: list[str | None] = []
        self.save_paths: list[Path | None] = []
        self.open_paths: list[Path | None] = []
        self.open_many: list[list[Path]] = []
        self.folders: list[Path | None] = []
        self.choices: list[int | None] = []
        self.counts: list[int | None] = []
        self.confirms: list[bool] = []
        self.errors: list[tuple[str, str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.asked: list[str] = []

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        self.asked.append(f"text: {label} [{default}]")
        return self.texts.pop(0) if self.texts else None

    def choose(
        self, parent: QWidget | None, title: str, label: str, options: list[str]
    ) -> int | None:
        self.asked.append(f"choose: {label} {options}")
        return self.choices.pop(0) if self.choices else None

    def ask_count(self, parent: QWidget | None, title: str, label: str, value: int) -> int | None:
        self.asked.append(f"count: {label} [{value}]")
        return self.counts.pop(0) if self.counts else self.answer_count

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self.asked.append(f"confirm: {text}")
        return self.confirms.pop(0) if self.confirms else self.answer_confirm

    def question(self, parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
        self.asked.append(f"question: {text} [{yes} / {no}]")
        return self.confirms.pop(0) if self.confirms else self.answer_confirm

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str = ""
    ) -> Path | None:
        self.asked.append(f"open: {title} in {folder}")
        return self.open_paths.pop(0) if self.open_paths else None

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str
    ) -> list[Path]:
        self.asked.append(f"open files: {title} in {folder}")
        return self.open_many.pop(0) if self.open_many else []

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        self.asked.append(f"folder: {title} in {folder}")
        return self.folders.pop(0) if self.folders else None

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self.asked.append(f"save: {title} as {suggested}")
        return self.save_paths.pop(0) if self.save_paths else None

    def show_error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self.errors.append((title, text, details))

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append((title, text))
