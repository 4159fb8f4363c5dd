"""Under the pseudo-locale Plan's words are bracketed (none left out of the catalogue) while the
user's own words are not, and under English they read exactly as before: section names, column
headers, the agenda's durations and total, the key hint."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.plan.plan_helpers import FakeDialogs, show_page
from workshop_app import i18n
from workshop_app.storage.document import Document
from workshop_app.ui.common import i18n as ui_i18n
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.plan.schedule import format_clock, format_duration


@pytest.fixture
def language() -> Iterator[None]:
    """The test sets the language; English again afterwards, whatever happens."""
    try:
        yield
    finally:
        ui_i18n.install(i18n.SOURCE)


def _seen(qtbot: QtBot, demo_document: Document) -> dict[str, str]:
    page = show_page(qtbot, DocumentModel(demo_document), FakeDialogs())
    agenda = page.show_section("Agenda")
    table = page.table_models["Agenda"]
    minutes = table.spec.column_of("planned_minutes")
    metrics = agenda.view.fontMetrics()
    return {
        "section": page.sections.item(0).text(),
        "header": str(table.headerData(minutes, Qt.Orientation.Horizontal)),
        "minutes": str(table.index(0, minutes).data()),
        "total": agenda.total.text(),
        "add": agenda.add_action.text(),
        "hint": page.keys_hint.text(),
        "title": str(table.index(0, table.spec.column_of("title")).data()),
        # room for the longest kind and minutes of the language, header included (no clipping)
        "fits": str(
            all(
                agenda.view.columnWidth(column) > metrics.horizontalAdvance(text)
                for column in (minutes, table.spec.column_of("kind"))
                for text in [
                    str(table.headerData(column, Qt.Orientation.Horizontal)),
                    *(str(table.index(r, column).data()) for r in range(table.rowCount())),
                ]
            )
        ),
    }


def test_plan_speaks_the_pseudo_locale(
    qtbot: QtBot, demo_document: Document, language: None
) -> None:
    ui_i18n.install(i18n.PSEUDO)
    seen = _seen(qtbot, demo_document)
    assert seen["section"].startswith(i18n.pseudo("Details"))
    assert seen["header"] == i18n.pseudo("Minutes")
    assert seen["minutes"] == i18n.pseudo("{minutes} min").format(minutes=5)
    assert seen["total"].startswith("<b>" + i18n.PSEUDO_OPEN)
    assert seen["add"] == i18n.pseudo("Add {thing}").format(thing=i18n.pseudo("agenda item"))
    assert i18n.pseudo("add a row") in seen["hint"]
    assert "[" not in seen["title"]  # the user's own words stay as typed
    assert seen["fits"] == "True"
    assert format_duration(90) == i18n.pseudo("{hours} h {minutes} min").format(hours=1, minutes=30)
    assert format_clock(24 * 60 + 10) == i18n.pseudo("{time} +%n day").replace("%n", "1").format(
        time="00:10"
    )


def test_plan_reads_as_before_in_english(
    qtbot: QtBot, demo_document: Document, language: None
) -> None:
    ui_i18n.install(i18n.SOURCE)
    seen = _seen(qtbot, demo_document)
    assert seen["section"].startswith("Details")
    assert seen["header"] == "Minutes"
    assert seen["minutes"] == "5 min"
    assert seen["total"].startswith("<b>Total ") and " · ends " in seen["total"]
    assert seen["add"] == "Add agenda item"
    assert seen["fits"] == "True"
    assert "add a row" in seen["hint"] and "[" not in seen["hint"]
    assert format_duration(90) == "1 h 30 min"
    assert format_clock(24 * 60 + 10) == "00:10 +1 day"
