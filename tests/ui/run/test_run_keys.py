"""The Run page by keyboard: every control has its key, and the keys work where the facilitator
is (the page, or the presenter display when it has the focus)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.ui.run.run_helpers import BREAKOUT_1, fake_multimedia, go_to, show_page
from tests.unit.fake_clock import FakeClock
from workshop_app.domain.records import AgendaItem
from workshop_app.domain.run import RunStatus
from workshop_app.ui.common.keymap import keys_of, of_mode, readme_tables
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.run.keys import KEYS, hint, tip
from workshop_app.ui.run.page import RunPage

IDLE, PAUSED, RUNNING = RunStatus.IDLE, RunStatus.PAUSED, RunStatus.RUNNING

ROOT = Path(__file__).resolve().parents[3]
Key = Qt.Key
Mod = Qt.KeyboardModifier


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def page(qtbot: QtBot, demo_model: DocumentModel, clock: FakeClock) -> RunPage:
    return show_page(qtbot, RunPage(demo_model, clock=clock, chime_loader=fake_multimedia()))


def press(qtbot: QtBot, page: RunPage, key: Key, modifier: Mod = Mod.NoModifier) -> None:
    qtbot.keyClick(page.focusWidget() or page, key, modifier)


def remaining(page: RunPage) -> float:
    return page.controller.reading.remaining


def test_space_starts_pauses_and_resumes(qtbot: QtBot, page: RunPage, clock: FakeClock) -> None:
    assert page.toggle_button.text() == "Start"
    press(qtbot, page, Key.Key_Space)
    assert page.controller.countdown.status == RUNNING
    assert page.toggle_button.text() == "Pause"
    clock.advance(30)
    press(qtbot, page, Key.Key_Space)
    assert page.controller.countdown.status == PAUSED
    assert page.toggle_button.text() == "Resume"
    assert remaining(page) == 5 * 60 - 30
    assert page.display.shown_text == "4:30"
    press(qtbot, page, Key.Key_Space)
    assert page.controller.countdown.status == RUNNING
    assert page.model.run_state().status == RUNNING  # each press is written


@pytest.mark.parametrize(
    ("key", "modifier", "change"),
    [
        (Key.Key_Plus, Mod.NoModifier, 60),  # "+" of its own (German keyboards)
        (Key.Key_Equal, Mod.NoModifier, 60),  # the same key without Shift on US/UK keyboards
        (Key.Key_Plus, Mod.KeypadModifier, 60),
        (Key.Key_Minus, Mod.NoModifier, -60),
        (Key.Key_Minus, Mod.KeypadModifier, -60),
        (Key.Key_Up, Mod.ShiftModifier, 300),  # five minutes: keys every laptop has
        (Key.Key_Down, Mod.ShiftModifier, -300),
    ],
)
def test_plus_and_minus_change_the_time(
    qtbot: QtBot, page: RunPage, key: Key, modifier: Mod, change: int
) -> None:
    go_to(page, BREAKOUT_1)  # 20 minutes
    press(qtbot, page, Key.Key_Space)
    before = remaining(page)
    press(qtbot, page, key, modifier)
    assert remaining(page) == before + change


def test_n_p_and_r_move_through_the_agenda(qtbot: QtBot, page: RunPage, clock: FakeClock) -> None:
    items = page.controller.countdown.items
    press(qtbot, page, Key.Key_Space)
    clock.advance(200)
    press(qtbot, page, Key.Key_N)
    assert page.controller.reading.item == page.controller.countdown.items[1]
    assert page.controller.countdown.status == RUNNING  # N keeps the clock going
    assert page.title.text() == items[1].title
    assert page.agenda.currentRow() == 1
    assert page.agenda.item(0).text().endswith("took 3 min")
    assert page.agenda.item(1).text().split("\n")[1].startswith("Now")
    assert page.agenda.item(2).text().split("\n")[1].startswith("Next")
    clock.advance(100)
    press(qtbot, page, Key.Key_R)
    assert page.controller.countdown.status == IDLE
    assert remaining(page) == items[1].planned_minutes * 60
    press(qtbot, page, Key.Key_P)
    assert page.controller.countdown.index == 0
    assert page.controller.countdown.status == PAUSED  # back to the welcome, paused
    assert page.model.run_state().item_id == items[0].id


def test_m_mutes_the_chimes(qtbot: QtBot, page: RunPage) -> None:
    press(qtbot, page, Key.Key_M)
    assert page.chimes.muted
    assert page.mute_button.text() == "Chimes muted"
    press(qtbot, page, Key.Key_M)
    assert not page.chimes.muted


def test_f5_opens_the_presenter_and_esc_or_f5_close_it(qtbot: QtBot, page: RunPage) -> None:
    press(qtbot, page, Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None and presenter.isVisible()
    assert presenter.windowFlags() & Qt.WindowType.FramelessWindowHint
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    qtbot.keyClick(presenter, Key.Key_Space)  # the run's keys work on the big screen too
    assert page.controller.countdown.status == RUNNING
    qtbot.keyClick(presenter, Key.Key_N)
    assert page.controller.countdown.index == 1
    qtbot.keyClick(presenter, Key.Key_Escape)
    assert page.presenter is None
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    press(qtbot, page, Key.Key_F5)
    presenter = page.presenter
    assert presenter is not None
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    qtbot.keyClick(presenter, Key.Key_F5)
    assert page.presenter is None
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    press(qtbot, page, Key.Key_F5)
    assert page.presenter is not None and not page.presenter.isActiveWindow()
    press(qtbot, page, Key.Key_Escape)  # the laptop keeps the focus: Esc there closes it too
    assert page.presenter is None


def test_buttons_do_what_their_keys_do_and_say_which_key(qtbot: QtBot, page: RunPage) -> None:
    page.toggle_button.click()
    assert page.controller.countdown.status == RUNNING
    for name in KEYS:
        assert any(k in page.keys[name].toolTip() for k in keys_of(f"run.{name}")), name
    assert page.toggle_button.focusPolicy() == Qt.FocusPolicy.NoFocus  # Space is the timer's


def test_keys_do_nothing_while_the_page_is_hidden(qtbot: QtBot, page: RunPage) -> None:
    page.hide()
    qtbot.keyClick(page, Key.Key_Space)
    assert page.controller.countdown.status == IDLE


def test_keys_work_right_after_clicking_the_run_tab(qtbot: QtBot, make_window) -> None:
    window = make_window()
    assert window.open_demo()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    workspace = window.workspace
    tab = workspace.mode_bar.tabRect(1).center()
    qtbot.mouseClick(workspace.mode_bar, Qt.MouseButton.LeftButton, pos=tab)
    assert workspace.mode() == "run"
    workspace.mode_bar.setFocus()  # the tab bar keeps the focus after a click
    page = workspace.page("run")
    qtbot.keyClick(workspace.mode_bar, Key.Key_Space)
    assert page.controller.countdown.status == RUNNING
    workspace.set_mode("plan")
    qtbot.keyClick(window, Key.Key_N)  # Run's keys sleep while Plan is shown
    assert page.controller.countdown.index == 0


def test_the_whole_demo_agenda_runs_by_keyboard(
    qtbot: QtBot, page: RunPage, clock: FakeClock
) -> None:
    items = page.controller.countdown.items
    press(qtbot, page, Key.Key_Space)
    for item in items:
        clock.advance(item.planned_minutes * 60 + 20)  # each runs 20 s over
        page.controller.tick()
        assert page.display.shown_text == "+0:20"
        press(qtbot, page, Key.Key_N)
    assert page.title.text() == "Agenda complete"
    assert page.display.shown_word == "Agenda complete"
    recorded = page.model.select(AgendaItem)
    assert all(i.started_at and i.ended_at for i in recorded)
    assert all(a.ended_at == b.started_at for a, b in zip(recorded, recorded[1:], strict=False))
    assert page.day_label.text() == "3 min behind the plan"  # 9 items x 20 s


def _readme_run_keys() -> list[str]:
    """The keys column of README's Run key table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = readme_tables(text)["run"][2:]  # after the header and separator rows
    cells = [row.split("|")[1].replace("(or ", ",").replace(")", "") for row in rows]
    return [key.strip() for cell in cells for key in cell.split(",") if key.strip()]


def _hint_keys() -> list[str]:
    """The keys named in the strip under the controls ("+ / − one minute" -> "+", "-")."""
    keys = []
    for part in hint().split(" · "):
        for word in part.split():
            if word[0].islower():
                break
            if word != "/":
                keys.append(word.replace("−", "-"))
    return keys


def test_no_key_is_shift_with_a_character() -> None:
    """Shift changes the character a key types ("+" is Shift+= on US/UK keyboards, "=" is
    Shift+0 on German ones), so Shift with a printable character cannot be typed as written."""
    for entry in of_mode("run"):
        for shown in entry.keys:
            combination = QKeySequence(shown)[0]
            key_name = QKeySequence(combination.key()).toString()  # "Up", "F5", "+"
            if combination.keyboardModifiers() & Mod.ShiftModifier:
                assert len(key_name) > 1, f"{shown}: Shift with a character"


def test_every_key_shown_works_and_every_key_is_shown(qtbot: QtBot, page: RunPage) -> None:
    bound = {key for entry in of_mode("run") for key in entry.keys}
    assert set(_readme_run_keys()) == bound
    assert set(_hint_keys()) <= bound
    hinted = {name for name in KEYS if set(keys_of(f"run.{name}")) & set(_hint_keys())}
    assert hinted == set(KEYS)
    fired: list[str] = []
    for name, action in page.keys.items():
        action.triggered.connect(lambda _=False, name=name: fired.append(name))
    go_to(page, BREAKOUT_1)
    for name in KEYS:
        assert page.keys[name].toolTip() == tip(name)
        for shown in keys_of(f"run.{name}"):
            combination = QKeySequence(shown)[0]
            fired.clear()
            press(qtbot, page, combination.key(), combination.keyboardModifiers())
            assert fired == [name], shown
            if page.presenter is not None:  # F5 opened it: keep the laptop's window in front
                page.close_presenter()
                page.activateWindow()
                qtbot.waitUntil(page.isActiveWindow)


def test_five_minutes_from_the_agenda_list_and_the_presenter(qtbot: QtBot, page: RunPage) -> None:
    go_to(page, BREAKOUT_1)
    page.agenda.setFocus()
    assert page.focusWidget() is page.agenda  # where the focus starts on the page
    row = page.agenda.currentRow()
    qtbot.keyClick(page.agenda, Key.Key_Up, Mod.ShiftModifier)
    assert remaining(page) == 25 * 60
    assert page.agenda.currentRow() == row  # the key is the run's, not the list's
    qtbot.keyClick(page.agenda, Key.Key_Down, Mod.ShiftModifier)
    qtbot.keyClick(page.agenda, Key.Key_Down, Mod.ShiftModifier)
    assert remaining(page) == 15 * 60
    presenter = page.open_presenter()
    presenter.activateWindow()
    qtbot.waitUntil(presenter.isActiveWindow)
    qtbot.keyClick(presenter, Key.Key_Up, Mod.ShiftModifier)
    assert remaining(page) == 20 * 60
    page.close_presenter()
