"""The status bar's words about other laptops read right for the demo's old notes: a laptop
that took every table's notes is not named after one table, and a time days back is a day, not
"1993 days ago" (found by opening a handed-out copy of the demo by hand)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tests.ui.common.capture_helpers import capture_page, type_note
from workshop_app.domain.records import Group
from workshop_app.storage import handout
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.laptops.names import ago


def test_ago_counts_minutes_and_hours_then_names_the_day() -> None:
    now = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
    assert ago("2026-11-29T12:59:40.000Z", now) == "just now"
    assert ago("2026-11-29T12:48:00.000Z", now) == "12 min ago"
    assert ago("2026-11-28T15:00:00.000Z", now) == "22 h ago"
    assert ago("2021-06-14T10:00:00.000Z", now) == "on 14 Jun 2021"
    assert ago("not a time", now) == "at an unknown time"


def test_a_copy_of_the_demo_names_the_demos_laptop_by_its_tables(
    make_window, qtbot, tmp_path: Path
) -> None:
    demo = tmp_path / "Demo.workshop"
    Document.create(demo, demo_bundle()).close()
    (tmp_path / "stick").mkdir()
    with Document.open(demo) as doc:
        groups = [(g.id, g.name) for g in doc.select(Group)]
        copies = doc.write_copies(tmp_path / "stick", handout.plan("Demo", groups))
    tables = len(groups)
    window = make_window()
    assert window.open_path(copies[1])
    page = capture_page(window, table=None)  # a handed-out copy is on its table already
    type_note(qtbot, page, "A note from this laptop")
    status = window.laptops_status
    assert status is not None
    qtbot.waitUntil(lambda: status.isVisible(), timeout=5000)
    text = status.text()
    assert text.startswith("Notes from 2 laptops · ")
    assert f"a laptop for {tables} tables on " in text
    assert "days ago" not in text
