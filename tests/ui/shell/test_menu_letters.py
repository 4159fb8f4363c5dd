"""Every menu's letters (the & of Alt+F, then a letter) are unique within their menu, in every
language the app speaks: a letter two items share needs pressing twice, and a translator picks
new letters for each language."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAction

from workshop_app import i18n
from workshop_app.ui.common import i18n as ui_i18n
from workshop_app.ui.shell.main_window import MainWindow


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    ui_i18n.install(request.param)
    yield request.param
    ui_i18n.install("en")


def _letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


def _clashes(title: str, actions: list[QAction]) -> Iterator[str]:
    seen: dict[str, list[str]] = {}
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _letter(action.text())
        if letter:
            seen.setdefault(letter, []).append(action.text())
        if action.menu() is not None:
            yield from _clashes(action.text(), action.menu().actions())
    for letter, texts in seen.items():
        if len(texts) > 1:
            yield f"{title}: Alt+{letter.upper()} is {texts}"


@pytest.mark.parametrize("language", sorted(i18n.LANGUAGES), indirect=True)
def test_each_menu_letter_is_used_once_in_its_menu(language: str, make_window) -> None:
    window: MainWindow = make_window()
    window.open_demo()
    assert list(_clashes("menu bar", window.menuBar().actions())) == []
