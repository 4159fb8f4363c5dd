"""Every interactive widget a user can reach has an accessible name.

The rule the walker applies, for the welcome screen and for every mode page of the demo event:

* It looks at every widget that is shown, or would be shown by switching pages (a page of a
  QStackedWidget that is not the current one still counts, so all Plan sections are checked).
* Interactive means: a button, slider, spin box, combo box, line or text edit, item view or tab
  bar, or any other widget that takes focus with Tab.
* Labels need no name (their text is read). Scroll bars, menus and Qt's own internal parts
  (object names starting with ``qt_``) are skipped, as are the parts inside a composite control
  (the line edit inside a spin box, the viewport and headers of a view, a combo box's list):
  the composite control's own name covers them.
* A widget fails when ``accessibleName()`` is empty.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.common.accessibility import unnamed_widgets
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES


def test_welcome_screen_widgets_have_names(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.show_welcome()
    assert unnamed_widgets(window) == []


def test_main_window_widgets_have_names_in_every_mode(demo_window: MainWindow) -> None:
    workspace = demo_window.workspace
    assert workspace is not None
    problems: dict[str, list[str]] = {}
    for mode in MODES:
        workspace.set_mode(mode)
        missing = unnamed_widgets(demo_window)
        if missing:
            problems[mode] = missing
    assert problems == {}


def test_the_walker_finds_an_unnamed_widget(make_window: Callable[[], MainWindow]) -> None:
    window = make_window()
    window.show_welcome()
    assert window.welcome is not None
    window.welcome.demo_button.setAccessibleName("")
    assert unnamed_widgets(window) == ["QPushButton '' text='Open the demo event' in QWidget"]
