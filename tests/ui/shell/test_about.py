"""Help ▸ About shows the version and what a bug report needs, and copies it by keyboard; a
.workshop file the system hands over (macOS's QFileOpenEvent) opens in the window."""

from __future__ import annotations

import platform
import tomllib
from collections.abc import Callable
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from workshop_app.storage.document import Document
from workshop_app.ui.shell.about import AboutDialog
from workshop_app.ui.shell.file_open import FileOpenHandler
from workshop_app.ui.shell.main_window import MainWindow

REPO = Path(__file__).resolve().parents[3]
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_about_shows_versions_and_copies_them_by_keyboard(
    demo_window: MainWindow, qtbot: QtBot, app_home: Path
) -> None:
    QGuiApplication.clipboard().clear()
    demo_window.menu_actions.about.trigger()
    qtbot.waitUntil(lambda: demo_window.findChild(AboutDialog) is not None)
    dialog = demo_window.findChild(AboutDialog)
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.heading.text() == f"Workshop {VERSION}"
    details = dialog.details.toPlainText().splitlines()
    assert details[0] == f"workshop-app {VERSION}"
    assert f"Python {platform.python_version()}" in details
    assert f"PySide6 {PySide6.__version__}, Qt {qVersion()}" in details
    assert f"Data folder: {app_home / 'data'}" in details

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.copy_button.hasFocus()
    qtbot.keyClick(QCoreApplication.instance().focusWidget(), Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == dialog.details.toPlainText()
    assert "Copied" in dialog.copied.text()  # said in words, not only shown

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_about_controls_are_named(demo_window: MainWindow, qtbot: QtBot) -> None:
    dialog = AboutDialog(demo_window)
    qtbot.addWidget(dialog)
    for widget in (dialog.details, dialog.copy_button, dialog.copied):
        assert widget.accessibleName()


def test_a_file_the_system_opens_lands_in_the_window(
    make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "Double clicked é.workshop"
    document = Document.create(path)
    event_id = document.event_id
    document.close()
    window = make_window()
    handler = FileOpenHandler(window, window.open_path)
    app = QCoreApplication.instance()
    app.installEventFilter(handler)
    try:
        # Before the first frame: it waits, and the start-up opens it.
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(path)))
        assert handler.pending == path
        assert window.document is None
        handler.ready()
        # Once running: it opens at once.
        QCoreApplication.sendEvent(app, QFileOpenEvent(str(path)))
        assert window.document is not None
        assert window.document.path == path
        assert window.document.event_id == event_id
    finally:
        app.removeEventFilter(handler)


def test_about_says_the_language_and_that_welsh_is_a_draft(
    demo_window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app import i18n
    from workshop_app.ui.common.i18n import install

    english = AboutDialog(demo_window)
    qtbot.addWidget(english)
    assert english.language.text() == "Language: English (en)"
    assert english.details.toPlainText().splitlines()[-1] == "Language: English (en)"

    draft = "This Welsh translation is a draft awaiting review by a Welsh speaker."
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)  # no Welsh catalogue: English words
    i18n.translations.cache_clear()
    install("cy")
    try:
        welsh = AboutDialog(demo_window)
        qtbot.addWidget(welsh)
    finally:
        install("en")
        i18n.translations.cache_clear()
    assert welsh.language.text().splitlines() == ["Language: Cymraeg (cy)", draft]
    assert welsh.details.toPlainText().splitlines()[-2:] == ["Language: Cymraeg (cy)", draft]
    assert welsh.language.accessibleName()
