"""Report mode: export in the background (progress, cancel), preview, options, names."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from tests.ui.common.accessibility import unnamed_widgets
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.report.page import ReportPage


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path, dialogs) -> Iterator[ReportPage]:
    document = Document.create(tmp_path / "Demo.workshop", demo_bundle())
    model = DocumentModel(document)
    widget = ReportPage(model, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    yield widget
    widget.job.shutdown()
    document.close()


def _export(qtbot: QtBot, page: ReportPage) -> None:
    """Click Export and wait (the event loop running) until the worker has finished."""
    page.export.click()
    assert page.cancel.isEnabled() and not page.export.isEnabled()
    qtbot.waitUntil(lambda: not page.running(), timeout=30_000)


def test_export_pdf_in_the_background_and_preview(
    qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()
    dialogs.save_paths.append(target)
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    assert not page.progress.isVisible()  # an empty bar at rest reads as an empty text box
    _export(qtbot, page)
    assert page.progress.isVisible()
    assert "Demo report.pdf" in dialogs.asked[-1]  # suggested beside the event file
    assert target.exists() and page.status.text().startswith("Saved “summary.pdf”")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "What’s our vision and how do we get there?" in text
    assert seen[-1] == 100 and page.progress.value() == 100
    assert page.preview.document.pageCount() == len(PdfReader(target).pages)
    assert page.print_button.isEnabled() and page.open_button.isEnabled()
    assert dialogs.errors == []


def test_options_reach_the_report(qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path) -> None:
    page.anonymous.setChecked(True)
    page.appendix.setChecked(False)
    page.paper.setCurrentIndex(1)
    target = tmp_path / "anon.pdf"
    dialogs.save_paths.append(target)
    _export(qtbot, page)
    reader = PdfReader(target)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Wendy Clark" not in text and "Appendix" not in text
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_html_export_says_how_to_read_it(
    qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path
) -> None:
    page.format.setCurrentIndex(1)
    dialogs.save_paths.append(tmp_path / "summary")  # no suffix: .html is added
    _export(qtbot, page)
    out = tmp_path / "summary.html"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "web page" in page.preview.placeholder.text()
    assert not page.print_button.isEnabled() and page.open_button.isEnabled()


def test_word_export_by_keyboard(qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path) -> None:
    import docx
    from PySide6.QtCore import Qt

    page.export.setFocus()
    qtbot.keyClick(page.export, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Fo&rmat
    assert page.format.hasFocus()
    qtbot.keyClick(page.format, Qt.Key.Key_End)
    assert page.format.currentText().startswith("Word (.docx)")
    for _ in range(8):  # on to Export, as a person would
        if page.export.hasFocus():
            break
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
    assert page.export.hasFocus()
    dialogs.save_paths.append(tmp_path / "summary")  # no suffix: .docx is added
    qtbot.keyClick(page.export, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not page.running(), timeout=30_000)
    assert "Demo report.docx" in dialogs.asked[-1]
    out = tmp_path / "summary.docx"
    document = docx.Document(str(out))
    assert document.core_properties.title == demo_bundle().event.title
    assert "Word document" in page.preview.placeholder.text()
    assert not page.print_button.isEnabled() and page.open_button.isEnabled()
    assert dialogs.errors == []


def test_cancel_writes_nothing(qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path) -> None:
    target = tmp_path / "never.pdf"
    dialogs.save_paths.append(target)
    page.job.on_progress = lambda _: page.job.cancel()  # cancel as soon as work starts
    _export(qtbot, page)
    assert not target.exists()
    assert "cancelled" in page.status.text() and page.progress.value() == 0
    assert list(tmp_path.glob("*.tmp")) == [] and dialogs.errors == []


def test_cancelled_save_dialog_does_nothing(page: ReportPage, dialogs) -> None:
    page.export.click()
    assert not page.running() and page.status.text() == ""


def test_bad_logo_is_refused_with_a_message(page: ReportPage, dialogs, tmp_path: Path) -> None:
    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    dialogs.open_paths.append(bad)
    page.choose_logo.click()
    assert page.logo is None and dialogs.errors[0][0] == "Logo not used"
    from PIL import Image

    good = tmp_path / "good.png"
    Image.new("RGB", (90, 30), "navy").save(good)
    dialogs.open_paths.append(good)
    page.choose_logo.click()
    assert page.logo is not None and page.logo_name.text() == "good.png"
    assert page.remove_logo.isEnabled()
    page.remove_logo.click()
    assert page.logo is None and not page.remove_logo.isEnabled()


def test_every_control_has_an_accessible_name(page: ReportPage) -> None:
    assert unnamed_widgets(page) == []


def test_qtpdf_loads_only_when_a_preview_is_shown() -> None:
    import subprocess
    import sys

    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; "
        "from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        "import workshop_app.ui.report.page; "
        "heavy = [m for m in sys.modules if m.startswith(('PySide6.QtPdf', 'reportlab', "
        "'matplotlib'))]; print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_progress_does_not_emit_python_signals(
    qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path
) -> None:
    """PySide6 6.12 drops a reference to True on every Python-side Signal.emit(): the worker
    reports progress through a polled attribute, so hundreds of steps cost nothing. (Waited
    for with processEvents, not qtbot.waitUntil, whose own timers would blur the count.)"""
    import gc
    import sys
    import time

    from PySide6.QtWidgets import QApplication

    def export_and_wait(name: str) -> None:
        dialogs.save_paths.append(tmp_path / name)
        page.export.click()
        deadline = time.monotonic() + 30
        while page.running() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)

    export_and_wait("warm-up.pdf")  # first export imports reportlab and matplotlib
    steps: list[float] = []
    page.job.on_progress = steps.append
    gc.collect()
    before = sys.getrefcount(True)
    export_and_wait("r.pdf")
    gc.collect()
    assert len(steps) > 100 and (tmp_path / "r.pdf").exists()
    assert sys.getrefcount(True) - before >= 0


def test_focus_arrives_on_export(qtbot: QtBot, page: ReportPage) -> None:
    """Ctrl+5 focuses the page: the focus lands where it is seen, on Export."""
    page.activateWindow()
    page.setFocus()
    qtbot.waitUntil(lambda: page.export.hasFocus())
