"""When things go wrong: refused files, the file lock, the excepthook."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from tests.ui.common.fakes import FakeDialogs
from workshop_app.domain.errors import DocumentError
from workshop_app.storage.document import Document
from workshop_app.ui.common.crash_dialog import ExceptHook, log_path
from workshop_app.ui.shell.main_window import MainWindow

Make = Callable[[], MainWindow]


def test_corrupt_file_shows_the_error_and_welcome_stays_usable(
    make_window: Make, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "garbage.workshop"
    payload = os.urandom(4096)
    bad.write_bytes(payload)
    window = make_window()
    assert not window.open_path(bad)
    assert len(dialogs.errors) == 1
    assert "“garbage.workshop” is not a workshop document" in dialogs.errors[0][1]
    assert bad.read_bytes() == payload  # untouched
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome is not None
    window.welcome.demo_button.click()  # still usable
    assert window.document is not None


def test_refused_file_leaves_the_open_event_open(
    demo_window: MainWindow, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "empty.workshop"
    bad.write_bytes(b"")
    demo = demo_window.document
    assert not demo_window.open_path(bad)
    assert "is empty" in dialogs.errors[0][1]
    assert demo_window.document is demo and demo is not None and not demo.closed


def test_file_open_elsewhere_shows_the_in_use_message(
    make_window: Make, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "busy.workshop"
    with Document.create(path):
        window = make_window()
        assert not window.open_path(path)
    assert "is already open in Workshop, opened by" in dialogs.errors[0][1]
    assert window.stack.currentWidget() is window.welcome


def test_closing_the_window_releases_the_lock(make_window: Make, tmp_path: Path) -> None:
    path = tmp_path / "mine.workshop"
    Document.create(path).close()
    window = make_window()
    assert window.open_path(path)
    try:
        Document.open(path)
    except DocumentError:
        pass
    else:
        raise AssertionError("the open window should hold the lock")
    window.close()
    Document.open(path).close()


def test_excepthook_logs_and_shows_the_dialog(dialogs: FakeDialogs, app_home: Path) -> None:
    hook = ExceptHook(dialogs, parent=lambda: None)
    try:
        raise ZeroDivisionError("division by zero in a test")
    except ZeroDivisionError:
        hook(*sys.exc_info())  # type: ignore[arg-type]
    log = log_path()
    assert log.is_relative_to(app_home)
    text = log.read_text("utf-8")
    assert "Traceback" in text and "ZeroDivisionError: division by zero in a test" in text
    title, message, details = dialogs.errors[0]
    assert title == "Something went wrong"
    assert "Your work is safe: every change is saved" in message
    assert str(log) in message
    assert "ZeroDivisionError" in details


def test_excepthook_shows_a_workshop_error_as_its_message(dialogs: FakeDialogs) -> None:
    hook = ExceptHook(dialogs, parent=lambda: None)
    try:
        raise DocumentError("“x.workshop” is damaged and cannot be opened.")
    except DocumentError:
        hook(*sys.exc_info())  # type: ignore[arg-type]
    assert dialogs.errors[0][:2] == ("Workshop", "“x.workshop” is damaged and cannot be opened.")
