"""Under the pseudo-locale every page of the window speaks only in brackets and fits at 1280x720
(issue 17, item 2).

``qps-ploc`` brackets, accents and lengthens by 40% every word that went through the catalogue
(workshop_app/i18n.py). Each test opens a window at 1280x720 on a copy of the demo event (the
welcome page: none), shows one page in every state a person meets it in (Plan's sections; Run
mid-breakout with the presenter display; Capture with cards; the Board's views and side panels;
Report; the dialogs of the menus and the questions the dialogs service is asked), and lists:

* every visible text with English left in it once the bracketed words, the event's own data,
  keys, addresses, dates and digits are taken out (tests/ui/common/pseudo_check.py);
* every label, button, check box, group box, tab, combo box and header too small for its text.

The checker itself is proved on small widgets in tests/ui/common/test_pseudo_check.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.common.capture_helpers import capture_page, start_breakout, type_note
from tests.ui.common.pseudo_check import (
    Problem,
    RecordingDialogs,
    Words,
    clipped,
    event_data,
    untranslated,
    untranslated_texts,
)
from workshop_app.ui.common import i18n
from workshop_app.ui.plan.page import SECTIONS
from workshop_app.ui.shell.main_window import MainWindow

WIDTH, HEIGHT = 1280, 720
NOTES = [
    ("idea", "Start from a problem the ward already feels."),
    ("concern", "Logging in takes ten minutes on some wards."),
]


@pytest.fixture(autouse=True)
def pseudo_locale() -> Iterator[None]:
    i18n.install("qps-ploc")
    yield
    i18n.install("en")


@pytest.fixture
def dialogs() -> RecordingDialogs:
    return RecordingDialogs()


class Checker:
    """Gathers the problems of each page shown, then fails once with all of them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.problems: list[Problem] = []

    def words(self) -> Words:
        document = self.window.document
        return Words(event_data(document) if document is not None else ())

    def check(self, page: str, window: QWidget | None = None) -> None:
        target = window or self.window
        QApplication.processEvents()
        words = self.words()
        self.problems += untranslated(page, target, words)
        self.problems += clipped(page, target, words)

    def check_said(self, page: str, texts: list[str]) -> None:
        self.problems += untranslated_texts(page, texts, self.words())

    def assert_clean(self) -> None:
        """One line per problem, under the first page it was seen on (the menu bar is on
        every page)."""
        first: dict[tuple[str, ...], Problem] = {}
        for p in self.problems:
            first.setdefault((p.widget, p.name, p.what, p.text, p.detail), p)
        lines = [str(p) for p in first.values()]
        assert not lines, f"{len(lines)} problems under qps-ploc:\n" + "\n".join(lines)


def _sized(window: MainWindow, qtbot: QtBot) -> Checker:
    window.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (WIDTH, HEIGHT))
    QApplication.processEvents()
    return Checker(window)


def _demo(make_window: Callable[[], MainWindow], qtbot: QtBot) -> Checker:
    window = make_window()
    assert window.open_demo()
    assert window.workspace is not None
    return _sized(window, qtbot)


def test_welcome_page(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    window = make_window()
    window.show_welcome()
    checker = _sized(window, qtbot)
    checker.check("Welcome")
    checker.assert_clean()


def test_plan_sections(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    checker = _demo(make_window, qtbot)
    workspace = checker.window.workspace
    workspace.set_mode("plan")  # type: ignore[union-attr]
    plan = workspace.page("plan")  # type: ignore[union-attr]
    for section in SECTIONS:
        plan.show_section(section)  # type: ignore[attr-defined]
        checker.check(f"Plan ▸ {section}")
    checker.assert_clean()


def test_run_mid_breakout_with_the_presenter(
    make_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    checker = _demo(make_window, qtbot)
    workspace = checker.window.workspace
    assert workspace is not None
    workspace.set_mode("run")
    start_breakout(checker.window)
    page = workspace.page("run")
    presenter = page.open_presenter()  # type: ignore[attr-defined]
    presenter.showNormal()
    presenter.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: presenter.width() == WIDTH)
    checker.check("Run")
    checker.check("Run ▸ presenter display", presenter)
    page.close_presenter()  # type: ignore[attr-defined]
    checker.assert_clean()


def test_capture_with_cards(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    checker = _demo(make_window, qtbot)
    start_breakout(checker.window)
    page = capture_page(checker.window)
    for kind, text in NOTES:
        page.entry.set_kind(kind)
        type_note(qtbot, page, text)
    qtbot.waitUntil(lambda: page.mine.rowCount() >= len(NOTES))
    checker.check("Capture")
    checker.assert_clean()


def test_board_views_and_panels(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    checker = _demo(make_window, qtbot)
    workspace = checker.window.workspace
    assert workspace is not None
    workspace.set_mode("board")
    board = workspace.page("board")
    for view in list(board.views):  # type: ignore[attr-defined]
        board.set_view(view)  # type: ignore[attr-defined]
        for index in range(board.side.count()):  # type: ignore[attr-defined]
            board.side.setCurrentIndex(index)  # type: ignore[attr-defined]
            panel = board.side.tabText(index)  # type: ignore[attr-defined]
            checker.check(f"Board ▸ {view} ▸ {panel}")
    checker.assert_clean()


def test_report_page(make_window: Callable[[], MainWindow], qtbot: QtBot) -> None:
    checker = _demo(make_window, qtbot)
    assert checker.window.workspace is not None
    checker.window.workspace.set_mode("report")
    checker.check("Report")
    checker.assert_clean()


def test_menu_dialogs_and_questions(
    make_window: Callable[[], MainWindow], qtbot: QtBot, dialogs: RecordingDialogs
) -> None:
    checker = _demo(make_window, qtbot)
    actions = checker.window.menu_actions
    for name, action in (
        ("About", actions.about),
        ("Restore from Backup", actions.restore),
        ("Keyboard Shortcuts", actions.keys),
        ("Where Files Are Kept", actions.files),
    ):
        action.trigger()
        qtbot.waitUntil(lambda: _open_dialog(checker.window) is not None)
        dialog = _open_dialog(checker.window)
        assert dialog is not None
        checker.check(name, dialog)
        dialog.close()
        qtbot.waitUntil(lambda: _open_dialog(checker.window) is None)
    # Questions asked through the dialogs service, each answered "cancel"
    for action in (
        actions.new,
        actions.open,
        actions.save_copy,
        *actions.exports.values(),
        actions.prepare,
        actions.merge,
        actions.share,
        actions.phones,
    ):
        action.trigger()
    assert dialogs.said, "no question reached the dialogs service"
    checker.check_said("Questions asked (Dialogs)", dialogs.said)
    checker.assert_clean()


def _open_dialog(window: MainWindow) -> QDialog | None:
    return next((d for d in window.findChildren(QDialog) if d.isVisible()), None)
