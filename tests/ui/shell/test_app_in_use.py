"""The window's refusal of an event another Workshop has open says who and since when."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from tests.lock_holder import hold
from tests.ui.common.fakes import FakeDialogs
from workshop_app.storage.document import Document
from workshop_app.ui.shell.main_window import MainWindow


def test_opening_an_event_open_in_another_process_names_its_user_and_time(
    make_window: Callable[[], MainWindow], dialogs: FakeDialogs, tmp_path: Path
) -> None:
    path = tmp_path / "Team day.workshop"
    Document.create(path).close()
    window = make_window()
    with hold(path):
        opened = datetime.fromtimestamp(path.with_name(path.name + ".lock").stat().st_mtime)
        assert not window.open_path(path)
    assert dialogs.errors == [
        (
            "The event could not be opened",
            f"“Team day.workshop” is already open in Workshop, opened by alice at "
            f"{opened:%H:%M} today. Close it there first, or open a copy.",
            "",
        )
    ]
    assert window.document is None and window.stack.currentWidget() is window.welcome
