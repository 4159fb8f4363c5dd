"""Pages are built when they are needed: opening an event builds the page on screen, Run's page
(live in every mode) right after the first frame, the others when their mode is first shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES
from workshop_app.ui.shell.workspace import LIVE_MODES, PAGES


def test_opening_builds_the_page_on_screen_then_the_live_ones(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    workspace = demo_window.workspace
    assert workspace is not None
    assert set(workspace._pages) == {"plan"}
    assert workspace.pages.currentWidget() is workspace.page("plan")
    qtbot.waitUntil(lambda: set(workspace._pages) == {"plan", *LIVE_MODES})
    assert workspace.pages.count() == 1 + len(LIVE_MODES)


def test_a_mode_builds_its_page_once_when_first_shown(demo_window: MainWindow) -> None:
    workspace = demo_window.workspace
    assert workspace is not None
    for mode in MODES:
        workspace.set_mode(mode)
        page = workspace.pages.currentWidget()
        assert page is workspace.page(mode)
        workspace.set_mode("plan")
        workspace.set_mode(mode)
        assert workspace.pages.currentWidget() is page
    assert workspace.pages.count() == len(MODES)
    assert set(PAGES) <= set(MODES)


def test_plan_builds_a_section_editor_when_it_is_shown(demo_window: MainWindow) -> None:
    workspace = demo_window.workspace
    assert workspace is not None
    plan = workspace.page("plan")
    assert set(plan._editors) == {"Details"}
    counted = plan.sections.item(4).text()  # the agenda's count, before its editor exists
    agenda = plan.show_section("Agenda")
    assert set(plan._editors) == {"Details", "Agenda"}
    assert agenda.table_model is plan.table_models["Agenda"]
    assert plan.sections.item(4).text() == counted
    assert plan.show_section("Agenda") is agenda
