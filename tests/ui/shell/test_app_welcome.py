"""The welcome screen: new event from a template, the demo, recent events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app.domain.records import AgendaItem, Question
from workshop_app.storage.document import Document
from workshop_app.storage.templates import list_templates
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.welcome import WelcomePage

Make = Callable[[], MainWindow]


def test_welcome_is_shown_with_no_file(make_window: Make) -> None:
    window = make_window()
    window.show_welcome()
    assert isinstance(window.stack.currentWidget(), WelcomePage)
    assert window.windowTitle() == "Workshop"
    welcome = window.welcome
    assert welcome is not None
    names = [b.text() for b in welcome.template_buttons.values()]
    assert names == [t.name for t in list_templates()]
    assert welcome.chosen_template() == list_templates()[0].key
    assert not window.menu_actions.save_copy.isEnabled()  # nothing open: document actions off


def test_first_focus_is_a_new_event_then_the_last_event(
    make_window: Make, qtbot: QtBot, settings: AppSettings, tmp_path: Path
) -> None:
    window = make_window()
    window.show_welcome()
    window.activateWindow()
    welcome = window.welcome
    assert welcome is not None
    qtbot.waitUntil(lambda: welcome.template_group.checkedButton().hasFocus())

    Document.create(tmp_path / "a.workshop").close()
    settings.add_recent(tmp_path / "a.workshop", "Team day")
    window.show_welcome()
    qtbot.waitUntil(lambda: welcome.recent_list.hasFocus())


def test_new_event_from_template(
    make_window: Make, dialogs: FakeDialogs, tmp_path: Path, settings: AppSettings
) -> None:
    window = make_window()
    window.show_welcome()
    welcome = window.welcome
    assert welcome is not None
    template = list_templates()[-1]
    welcome.template_buttons[template.key].setChecked(True)
    target = tmp_path / "Harvest day"  # no suffix: the app adds .workshop
    dialogs.texts.append("Harvest day")
    dialogs.save_paths.append(target)

    welcome.create_button.click()

    path = tmp_path / "Harvest day.workshop"
    assert window.document is not None and window.document.path == path
    assert window.workspace is not None and window.workspace.mode() == "plan"
    assert window.stack.currentWidget() is window.workspace
    assert window.windowTitle() == "Harvest day — Harvest day.workshop — Workshop"
    assert f"[{template.name}]" in dialogs.asked[0]  # the title was offered the template's name
    model = window.model
    assert model is not None
    assert [q.text for q in model.select(Question)] == [q.text for q in template.bundle.questions]
    assert [a.title for a in model.select(AgendaItem)] == [a.title for a in template.bundle.agenda]
    assert settings.recent()[0].path == str(path)
    assert settings.recent()[0].title == "Harvest day"


def test_new_event_suggests_a_file_name_from_the_title(
    make_window: Make, dialogs: FakeDialogs
) -> None:
    window = make_window()
    window.show_welcome()
    dialogs.texts.append("Team day: spring/summer")
    assert window.welcome is not None
    window.welcome.create_button.click()  # the save dialog is cancelled (empty queue)
    assert dialogs.asked[1].endswith("Team day - spring - summer.workshop")
    assert window.document is None
    assert window.stack.currentWidget() is window.welcome


def test_cancelling_the_title_creates_nothing(
    make_window: Make, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    window = make_window()
    window.show_welcome()
    assert window.welcome is not None
    window.welcome.create_button.click()
    assert window.document is None
    assert list(tmp_path.iterdir()) == []


def test_file_new_menu_asks_for_a_template(
    demo_window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    dialogs.choices.append(1)
    dialogs.texts.append("Retro")
    dialogs.save_paths.append(tmp_path / "Retro.workshop")
    demo = demo_window.document
    demo_window.menu_actions.new.trigger()
    assert demo is not None and demo.closed  # the new event replaced the demo in this window
    assert demo_window.document is not None
    assert demo_window.document.path == tmp_path / "Retro.workshop"
    assert demo_window.model is not None
    assert demo_window.model.event_record().title == "Retro"


def test_open_the_demo(make_window: Make, settings: AppSettings) -> None:
    window = make_window()
    window.show_welcome()
    assert window.welcome is not None
    window.welcome.demo_button.click()
    model = window.model
    assert model is not None
    assert model.count(Question) == 3
    assert window.workspace is not None and window.workspace.mode() == "plan"
    assert "Digital transformation in healthcare" in window.windowTitle()
    assert settings.recent() == []  # the demo is a fresh copy each time: not a recent event


def test_recent_events_listed_with_title_and_date(
    make_window: Make, settings: AppSettings, tmp_path: Path
) -> None:
    for name in ("one", "two"):
        Document.create(tmp_path / f"{name}.workshop").close()
        settings.add_recent(
            tmp_path / f"{name}.workshop", f"Event {name}", datetime(2026, 3, 14, 9, 5)
        )
    window = make_window()
    window.show_welcome()
    assert window.welcome is not None
    items = window.welcome.recent_list
    texts = [items.item(i).text() for i in range(items.count())]
    assert texts[0].startswith("Event two\nLast opened 14 March 2026, 09:05")
    assert texts[1].startswith("Event one\n")

    items.setCurrentRow(1)
    window.welcome.open_recent_button.click()
    assert window.document is not None and window.document.path.name == "one.workshop"
    top = settings.recent()[0]
    assert (Path(top.path).name, top.title) == ("one.workshop", "Untitled event")  # the file's


def test_recent_list_keeps_ten(settings: AppSettings, tmp_path: Path) -> None:
    for n in range(12):
        settings.add_recent(tmp_path / f"{n}.workshop", f"Event {n}")
    recent = settings.recent()
    assert len(recent) == 10
    assert recent[0].title == "Event 11"


def test_missing_recent_file_is_marked_and_removable(
    make_window: Make, settings: AppSettings, tmp_path: Path, qtbot: QtBot
) -> None:
    settings.add_recent(tmp_path / "gone.workshop", "Gone event")
    window = make_window()
    window.show_welcome()
    welcome = window.welcome
    assert welcome is not None
    assert "File not found" in welcome.recent_list.item(0).text()
    welcome.recent_list.setFocus()
    qtbot.keyClick(welcome.recent_list, Qt.Key.Key_Delete)
    assert settings.recent() == []
    assert welcome.recent_list.count() == 0
    assert welcome.recent_empty.isVisibleTo(welcome)


def test_opening_a_recent_file_that_vanished_says_so(
    make_window: Make, settings: AppSettings, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    settings.add_recent(tmp_path / "gone.workshop", "Gone event")
    window = make_window()
    window.show_welcome()
    assert window.welcome is not None
    list_widget: QListWidget = window.welcome.recent_list
    list_widget.itemActivated.emit(list_widget.item(0))
    assert dialogs.errors and "There is no file called “gone.workshop”" in dialogs.errors[0][1]
    assert window.stack.currentWidget() is window.welcome
