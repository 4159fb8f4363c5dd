"""View ▸ Larger text reaches widgets that were built before it was pressed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from tests.ui.common.capture_helpers import capture_page
from workshop_app.ui.shell.main_window import MainWindow


def _larger_twice(window: MainWindow) -> None:
    window.menu_actions.larger.trigger()
    window.menu_actions.larger.trigger()
    QApplication.processEvents()  # font changes reach hidden widgets as posted events


def test_capture_note_box_and_kind_chips_grow_with_larger_text(demo_window: MainWindow) -> None:
    page = capture_page(demo_window)
    box, chip = page.entry.box, page.entry.chips.button(1)
    box_size, chip_size = box.font().pointSizeF(), chip.font().pointSizeF()
    chip_height = chip.minimumHeight()
    _larger_twice(demo_window)
    assert box.font().pointSizeF() > box_size
    assert chip.font().pointSizeF() > chip_size
    assert chip.minimumHeight() > chip_height


def test_plan_details_summary_is_a_paragraph_and_fields_widen(demo_window: MainWindow) -> None:
    assert demo_window.workspace is not None
    demo_window.resize(1280, 900)
    demo_window.workspace.set_mode("plan")
    details = demo_window.workspace.page("plan").details  # type: ignore[attr-defined]
    lines = details.summary.fontMetrics().lineSpacing()
    assert details.summary.maximumHeight() <= lines * 14
    width = details.body.maximumWidth()
    _larger_twice(demo_window)
    assert details.body.maximumWidth() > width


def test_framed_lists_show_focus_and_still_follow_larger_text(demo_window: MainWindow) -> None:
    """The focus frame is a style sheet, which would otherwise freeze the list's text size."""
    assert demo_window.workspace is not None
    plan = demo_window.workspace.page("plan")
    run = demo_window.workspace.page("run")
    views = [plan.sections, plan.agenda.view, run.agenda]  # type: ignore[attr-defined]
    sizes = [view.font().pointSizeF() for view in views]
    for view in views:
        assert ":focus" in view.styleSheet()
    _larger_twice(demo_window)
    assert all(v.font().pointSizeF() > s for v, s in zip(views, sizes, strict=True))
