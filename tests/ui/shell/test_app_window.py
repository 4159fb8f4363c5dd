"""The main window: modes, title, saved status, undo across modes, text size, files menu."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.domain.records import Question
from workshop_app.storage.document import Document
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.common.text import system_point_size
from workshop_app.ui.shell.coming import ComingPage
from workshop_app.ui.shell.help import FilesDialog
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES

Make = Callable[[], MainWindow]


def _activate(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_ctrl_1_to_5_switch_modes(demo_window: MainWindow, qtbot: QtBot) -> None:
    _activate(demo_window, qtbot)
    workspace = demo_window.workspace
    assert workspace is not None
    for number, mode in reversed(list(enumerate(MODES, start=1))):
        qtbot.keyClick(
            demo_window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert workspace.mode() == mode
        assert workspace.pages.currentWidget() is workspace.page(mode)
        assert demo_window.menu_actions.modes[mode].isChecked()
    assert not any(isinstance(workspace.page(mode), ComingPage) for mode in MODES)


def test_coming_page_goes_back_to_plan(make_window: Make, monkeypatch) -> None:
    """A mode with no page yet shows the coming page (every mode has one today)."""
    from workshop_app.ui.shell import workspace as workspace_module

    monkeypatch.delitem(workspace_module.PAGES, "board")
    demo_window = make_window()
    assert demo_window.open_demo()
    workspace = demo_window.workspace
    assert workspace is not None
    workspace.set_mode("board")
    page = workspace.page("board")
    assert isinstance(page, ComingPage)
    page.focusProxy().click()
    assert workspace.mode() == "plan"


def test_title_follows_the_event_title(demo_window: MainWindow) -> None:
    model = demo_window.model
    assert model is not None
    model.push_update_event(title="Spring summit")
    assert demo_window.windowTitle() == "Spring summit — Demo event.workshop — Workshop"
    model.undo_stack.undo()
    assert demo_window.windowTitle().startswith("Digital transformation in healthcare")


def test_status_bar_says_saved_after_an_edit(demo_window: MainWindow, qtbot: QtBot) -> None:
    model = demo_window.model
    assert model is not None
    assert demo_window.saved_label.text() == "All changes saved"
    question = model.select(Question)[0]
    model.push_update(Question, question.id, text="A new question?")
    assert demo_window.saved_label.text() == f"All changes saved {model.last_saved}"
    assert len(model.last_saved) == 8  # HH:MM:SS

    _activate(demo_window, qtbot)
    qtbot.keyClick(demo_window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.statusBar().currentMessage().startswith("All changes saved")


def test_undo_and_redo_survive_switching_modes(demo_window: MainWindow) -> None:
    model, workspace = demo_window.model, demo_window.workspace
    assert model is not None and workspace is not None
    question = model.select(Question)[0]
    model.push_update(Question, question.id, text="Edited", label="Edit question")
    assert demo_window.menu_actions.undo.text() == "Undo Edit question"
    for mode in MODES:
        workspace.set_mode(mode)
    demo_window.menu_actions.undo.trigger()
    assert model.get(Question, question.id).text == question.text
    assert demo_window.menu_actions.redo.text() == "Redo Edit question"
    workspace.set_mode("plan")
    demo_window.menu_actions.redo.trigger()
    assert model.get(Question, question.id).text == "Edited"


def test_text_size_larger_smaller_and_remembered(
    demo_window: MainWindow, settings: AppSettings, make_window: Make
) -> None:
    base = system_point_size()
    demo_window.menu_actions.larger.trigger()
    demo_window.menu_actions.larger.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base + 2)
    demo_window.menu_actions.smaller.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base + 1)
    assert AppSettings(settings.path).text_size_delta() == 1  # written to the settings file
    demo_window.menu_actions.reset_text.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    assert settings.text_size_delta() == 0


def test_window_geometry_and_last_mode_remembered(
    demo_window: MainWindow, settings: AppSettings, make_window: Make
) -> None:
    assert demo_window.workspace is not None
    demo_window.workspace.set_mode("capture")
    demo_window.resize(700, 500)
    demo_window.close()
    again = make_window()
    assert (again.width(), again.height()) == (700, 500)
    assert again.open_demo()
    assert again.workspace is not None and again.workspace.mode() == "capture"


def test_close_event_goes_back_to_welcome_and_releases_the_file(demo_window: MainWindow) -> None:
    document = demo_window.document
    assert document is not None
    demo_window.menu_actions.close.trigger()
    assert document.closed
    assert demo_window.stack.currentWidget() is demo_window.welcome
    assert demo_window.windowTitle() == "Workshop"
    assert not demo_window.menu_actions.modes["plan"].isEnabled()
    Document.open(document.path).close()


def test_exports_and_save_a_copy(
    demo_window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialogs.save_paths += [tmp_path / "event.json", tmp_path / "notes.csv", tmp_path / "event"]
    for kind in ("json", "csv", "markdown"):
        demo_window.menu_actions.exports[kind].trigger()
    assert (
        json.loads((tmp_path / "event.json").read_text("utf-8"))["format"] == "workshop-app.event"
    )
    assert (tmp_path / "notes.csv").read_text("utf-8").count("\n") > 40
    assert (tmp_path / "event.md").read_text("utf-8").startswith("# Digital transformation")
    assert demo_window.statusBar().currentMessage() == f"Exported to {tmp_path / 'event.md'}"

    dialogs.save_paths.append(tmp_path / "copy.workshop")
    demo_window.menu_actions.save_copy.trigger()
    with Document.open(tmp_path / "copy.workshop") as copy:
        assert copy.count(Question) == 3
    assert (
        demo_window.document is not None and demo_window.document.path.name == "Demo event.workshop"
    )
    assert dialogs.errors == []


def test_open_menu_opens_another_event_in_this_window(
    demo_window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    Document.create(tmp_path / "other.workshop").close()
    demo = demo_window.document
    dialogs.open_paths.append(tmp_path / "other.workshop")
    demo_window.menu_actions.open.trigger()
    assert demo is not None and demo.closed
    assert demo_window.document is not None
    assert demo_window.document.path == tmp_path / "other.workshop"


def test_help_menu(demo_window: MainWindow, app_home: Path) -> None:
    """Where Files Are Kept lists this event's folders (About: tests/ui/shell/test_about.py)."""
    document = demo_window.document
    assert document is not None
    dialog = FilesDialog(document, demo_window)
    assert dialog.paths["This event"] == document.path
    assert dialog.paths["Logs"].is_relative_to(app_home)
    assert dialog.paths["Its backups"].name == document.event_id


def test_open_recent_menu(make_window: Make, settings: AppSettings, tmp_path: Path) -> None:
    Document.create(tmp_path / "kept.workshop").close()
    settings.add_recent(tmp_path / "gone.workshop", "Gone")
    settings.add_recent(tmp_path / "kept.workshop", "Kept & sound")
    window = make_window()
    window.show_welcome()
    window.menu_actions.recent.aboutToShow.emit()
    actions = [a for a in window.menu_actions.recent.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == [
        "&1 Kept && sound — kept.workshop",
        "&2 Gone — gone.workshop (file not found)",
        "&Clear List",
    ]
    assert not actions[1].isEnabled()
    actions[0].trigger()
    assert window.document is not None and window.document.path.name == "kept.workshop"
    window.menu_actions.recent.aboutToShow.emit()
    window.menu_actions.recent.actions()[-1].trigger()  # Clear List
    assert settings.recent() == []


def _shadowing(widget: QObject) -> list[str]:
    """Attributes set on ``widget`` that hide a method of the Qt class it is built on (as
    ``window.actions`` once hid ``QWidget.actions()``)."""
    qt_class = next(c for c in type(widget).__mro__ if c.__module__.startswith("PySide6"))
    hidden = {name: getattr(qt_class, name, None) for name in vars(widget)}
    return sorted(n for n, m in hidden.items() if callable(m) and not isinstance(m, Signal))


def test_no_widget_hides_a_qt_method(demo_window: MainWindow, qtbot: QtBot) -> None:
    workspace = demo_window.workspace
    assert workspace is not None
    for mode in MODES:  # build every page
        workspace.set_mode(mode)
    _activate(demo_window, qtbot)
    qtbot.keyClick(demo_window, Qt.Key.Key_F1)  # the keys dialog too
    qtbot.waitUntil(lambda: demo_window.keys_dialog is not None)
    widgets = [demo_window, *demo_window.findChildren(QObject)]
    found = {f"{type(w).__name__}.{name}" for w in widgets for name in _shadowing(w)}
    assert found == set()
    assert all(isinstance(action, QAction) for action in demo_window.actions())
