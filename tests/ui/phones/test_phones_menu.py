"""Issue 16: Run ▸ Attendee Input asks where to listen, shows the page's URL in the status bar,
and unchecking it (or closing the event) ends it at once."""

from __future__ import annotations

import socket

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from tests.ui.phones.phone_client import send
from workshop_app.ui.shell.main_window import MainWindow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_menu_turns_input_on_and_off(
    qtbot: QtBot, demo_window: MainWindow, dialogs: FakeDialogs
) -> None:
    action = demo_window.menu_actions.phones
    assert action.isCheckable() and action.isEnabled() and not action.isChecked()
    port = _free_port()
    dialogs.texts.append(f"127.0.0.1:{port}")
    urls: list[object] = []
    demo_window.phones.url_changed.connect(urls.append)
    action.trigger()
    assert action.isChecked()
    url = demo_window.phones.url
    assert url is not None and url.startswith(f"http://127.0.0.1:{port}/")
    assert "HOST:PORT" in dialogs.asked[-1] and ":8080]" in dialogs.asked[-1]  # a LAN default
    label = demo_window.phones.label
    assert label is not None and label.isVisible() and url in label.text()
    assert send(qtbot, url).status == 200
    action.trigger()  # unchecked: off at once
    assert not action.isChecked() and demo_window.phones.url is None
    assert not label.isVisible()
    with pytest.raises(OSError):
        send(qtbot, url)
    assert urls == [url, None]


def test_run_shows_the_qr_code_while_input_is_on(
    qtbot: QtBot, demo_window: MainWindow, dialogs: FakeDialogs
) -> None:
    """The window hands the URL to Run (its page and the presenter display), and takes it back."""
    from workshop_app.ui.run.page import RunPage
    from workshop_app.ui.shell.modes import Mode

    assert demo_window.workspace is not None
    run = demo_window.workspace.page(Mode.RUN)
    assert isinstance(run, RunPage) and run.attendee_url is None
    dialogs.texts.append(f"127.0.0.1:{_free_port()}")
    demo_window.menu_actions.phones.trigger()
    assert demo_window.phones.url is not None
    assert run.attendee_url == demo_window.phones.url
    demo_window.menu_actions.phones.trigger()
    assert run.attendee_url is None


def test_a_port_in_use_is_a_message_and_input_stays_off(
    demo_window: MainWindow, dialogs: FakeDialogs
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        dialogs.texts.append(f"127.0.0.1:{busy.getsockname()[1]}")
        demo_window.menu_actions.phones.trigger()
    assert not demo_window.menu_actions.phones.isChecked()
    assert demo_window.phones.url is None
    title, text, _ = dialogs.errors[-1]
    assert title == "Attendee input did not start" and "cannot listen" in text


def test_closing_the_event_stops_input(
    qtbot: QtBot, demo_window: MainWindow, dialogs: FakeDialogs
) -> None:
    dialogs.texts.append(f"127.0.0.1:{_free_port()}")
    demo_window.menu_actions.phones.trigger()
    url = demo_window.phones.url
    assert url is not None
    demo_window.close_document()
    assert demo_window.phones.url is None and not demo_window.menu_actions.phones.isEnabled()
    with pytest.raises(OSError):
        send(qtbot, url)
