"""Report mode's "Report language": chosen by keyboard, remembered per user, and the report is
printed in it on the worker thread while the window keeps its own language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from workshop_app import i18n
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.report.page import ReportPage


@pytest.fixture
def document(tmp_path: Path) -> Iterator[Document]:
    document = Document.create(tmp_path / "Demo.workshop", demo_bundle())
    yield document
    document.close()


def _page(qtbot: QtBot, document: Document, dialogs, settings: AppSettings) -> ReportPage:
    page = ReportPage(DocumentModel(document), dialogs=dialogs, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_report_language_by_keyboard_remembered_and_printed(
    qtbot: QtBot, document: Document, dialogs, settings: AppSettings, tmp_path: Path
) -> None:
    page = _page(qtbot, document, dialogs, settings)
    combo = page.language
    assert combo.accessibleName() == "Report language"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Same as the app (English)",
        "English",
        "Cymraeg (draft translation)",
    ]
    assert combo.currentData() == ""  # the app's, until chosen
    # keyboard reachable: Tab goes from the format to it, and its label's Alt+G leads to it
    assert page.format.nextInFocusChain() is combo
    labels = [w for w in page.findChildren(QLabel) if w.buddy() is combo]
    assert [w.text() for w in labels] == ["Report lan&guage:"]
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentData() == "cy"
    assert settings.report_language() == "cy"

    # remembered: the next page (another session) starts on Welsh
    again = _page(qtbot, document, dialogs, settings)
    assert again.language.currentData() == "cy"
    again.job.shutdown()

    target = tmp_path / "adroddiad.pdf"
    dialogs.save_paths.append(target)
    page.export.click()
    qtbot.waitUntil(lambda: not page.running(), timeout=60_000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    day = date.fromisoformat(demo_bundle().event.date or "")
    with i18n.using("cy"):
        welsh = i18n.format_date(day, "EEEE d MMMM y")
    assert welsh in text.replace("\n", " ")
    assert PdfReader(target).trailer["/Root"]["/Lang"] == "cy-GB"
    # the window keeps its language
    assert i18n.app_language() == "en" and page.status.text().startswith("Saved “adroddiad.pdf”")
    page.job.shutdown()


def test_same_as_the_app_follows_the_app(
    qtbot: QtBot, document: Document, dialogs, settings: AppSettings, tmp_path: Path
) -> None:
    page = _page(qtbot, document, dialogs, settings)
    assert page.report_language() is None
    target = tmp_path / "report.pdf"
    dialogs.save_paths.append(target)
    page.export.click()
    qtbot.waitUntil(lambda: not page.running(), timeout=60_000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "About the event" in text and PdfReader(target).trailer["/Root"]["/Lang"] == "en-GB"
    page.job.shutdown()
