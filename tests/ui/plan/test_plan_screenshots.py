"""Plan mode on the demo event, grabbed at 1280x800 (offscreen). Every section must render.

To refresh the committed screenshots:
    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/plan/test_plan_screenshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ui.common.fakes import FakeDialogs
from tests.ui.plan.plan_helpers import show_page
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.page import SECTIONS


@pytest.mark.parametrize("section", SECTIONS)
def test_grab_each_section_of_the_demo(qtbot, demo_document, tmp_path: Path, section):
    page = show_page(qtbot, DocumentModel(demo_document), FakeDialogs(confirm=True, count=3))
    editor = page.show_section(section)
    if hasattr(editor, "table_model"):  # show a breakout (or the 2nd row) with its details
        table = editor.table_model
        row = next(
            (
                r
                for r in range(table.rowCount())
                if getattr(table.record(r), "kind", "") == "breakout"
            ),
            1,
        )
        editor.select(table.record(row).id)
        editor.view.setFocus()
    qtbot.wait(10)
    image = page.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)
    target = folder / f"plan-{section.lower()}.png"
    assert image.save(str(target))
    assert target.stat().st_size > 10_000  # something was drawn
