"""Every value import accepts, the window shows: an event whose every text is as long and as
strange as import allows opens on every mode page (issue 10, item 3)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.common.capture_helpers import capture_page
from workshop_app.storage import interchange
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.plan.page import SECTIONS
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES

_NOT_TEXT = {
    "id",
    "created_at",
    "updated_at",
    "device_id",
    "date",
    "start_time",
    "kind",
    "started_at",
    "ended_at",
    "timezone",
    "source",
}  # a zone is checked as a name, a note's source is one of two words: neither is free text
STRANGE = {
    "long": "word " * 3_999,
    "unbroken": "x" * 5_000,  # 20,000 works too, but lays out in ~11 s
    "controls": "a\x00b\x1b]0;t\x07\x1b[2J\x08\x7f\x9b c",
    "bidi": "\u202eevil\u202c ﷺ" * 40 + " שלום مرحبا",
}


def _changed(record, value: str):
    changes = {
        f.name: value
        for f in dataclasses.fields(record)
        if isinstance(getattr(record, f.name), str)
        and f.name not in _NOT_TEXT
        and not f.name.endswith("_id")
    }
    return dataclasses.replace(record, **changes)


@pytest.mark.parametrize("kind", sorted(STRANGE))
def test_an_event_of_strange_text_opens_on_every_page(
    kind: str, make_window: Callable[[], MainWindow], tmp_path: Path, qtbot
) -> None:
    bundle = demo_bundle()
    lists = {
        name: tuple(_changed(r, STRANGE[kind]) for r in getattr(bundle, name))
        for name in ("speakers", "questions", "groups", "agenda", "themes", "notes")
    }
    bundle = dataclasses.replace(bundle, event=_changed(bundle.event, STRANGE[kind]), **lists)
    data = interchange.dumps(bundle)
    accepted = interchange.parse(data)  # import takes it: so the window must show it
    path = tmp_path / "strange.workshop"
    with Document.create(path, accepted):
        pass
    assert json.loads(data)["event"]["title"] == STRANGE[kind]
    window = make_window()
    assert window.open_path(path)
    workspace = window.workspace
    assert workspace is not None
    for mode in MODES:
        workspace.set_mode(mode)
        if mode == "plan":
            for section in SECTIONS:
                workspace.page("plan").show_section(section)
        if mode == "capture":
            capture_page(window)
        qtbot.wait(20)
        window.grab()  # paint it all
    assert window.isVisible()
