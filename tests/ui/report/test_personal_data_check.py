"""The personal-data check in the app: Report and File ▸ Export list the findings first (go to,
fix in place, mark as fine, remembered in the file; one Redact tick box), and a Capture card
whose note holds contact details carries a marker in words, not colour alone. Also makes
resources/screenshots/personal-data.png (the findings list):

    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/report/test_personal_data_check.py
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.common.accessibility import unnamed_widgets
from tests.ui.common.capture_helpers import capture_page, type_note
from workshop_app.domain.personal_data import nhs_check_digit
from workshop_app.domain.records import Group, Note, Question
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.common.sticky import MarkRole
from workshop_app.ui.document_model import DocumentModel
from workshop_app.ui.report.findings import FindingsDialog, open_findings
from workshop_app.ui.report.page import ReportPage
from workshop_app.ui.shell.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier
PHONE, EMAIL, POSTCODE = "07700 900123", "jo.bloggs@example.org", "SW1A 1AA"


def _nhs() -> str:
    first = "943476591"
    check = nhs_check_digit(first)
    assert check is not None
    digits = first + str(check)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}"


NHS = _nhs()
PLANTED = {
    "phone": f"Her daughter said ring {PHONE} after six.",
    "email": f"Write to {EMAIL} for the carers group.",
    "nhs": f"Patient gave NHS number {NHS} at the desk.",
    "postcode": f"Lives near {POSTCODE} so the bus matters.",
}


def _plant(model: DocumentModel) -> None:
    question = model.select(Question)[0]
    group = model.select(Group)[0]
    for text in PLANTED.values():
        model.push_add(Note(question_id=question.id, group_id=group.id, text=text))


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path, dialogs) -> Iterator[ReportPage]:
    document = Document.create(tmp_path / "Planted.workshop", demo_bundle())
    model = DocumentModel(document)
    _plant(model)
    widget = ReportPage(model, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    yield widget
    widget.job.shutdown()
    if not model.document.closed:
        model.document.close()


def _open_check(qtbot: QtBot, page: ReportPage) -> FindingsDialog:
    page.export.setFocus()
    qtbot.keyClick(page.export, Qt.Key.Key_Space)
    dialog = page.findChild(FindingsDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # its mnemonics (Alt+F, Alt+R…) act in the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _rows(dialog: FindingsDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_report_lists_findings_remembers_fine_ones_and_redacts(
    qtbot: QtBot, page: ReportPage, dialogs, tmp_path: Path
) -> None:
    dialog = _open_check(qtbot, page)
    rows = _rows(dialog)
    assert len(rows) == 4 and dialogs.asked == []  # nothing asked or written yet
    assert any(r.startswith("Phone number · Question 1 · ") and f"⟦{PHONE}⟧" in r for r in rows)
    assert any("NHS number" in r and f"⟦{NHS}⟧ at the desk" in r for r in rows)
    assert unnamed_widgets(dialog) == []
    folder = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path)
    image = dialog.grab().toImage()
    assert image.save(str(folder / "personal-data.png"))

    # the postcode is fine (a clinic's, say): Alt+F on it; it is gone from the list
    postcode_row = next(i for i, r in enumerate(rows) if POSTCODE in r)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    for _ in range(postcode_row):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.list, Qt.Key.Key_F, ALT)  # a mnemonic's click follows shortly
    qtbot.waitUntil(lambda: len(_rows(dialog)) == 3)
    assert len(_rows(dialog)) == 3 and not any(POSTCODE in r for r in _rows(dialog))

    # fix the email in place: the field's text, edited by keys, saved as one undo step
    email_row = next(i for i, r in enumerate(_rows(dialog)) if EMAIL in r)
    dialog.list.setCurrentRow(email_row)
    assert dialog.editor.textCursor().selectedText() == EMAIL  # the match is selected
    dialog.editor.setFocus()
    qtbot.keyClicks(dialog.editor, "the organiser")
    undo_before = page.model.undo_stack.count()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: len(_rows(dialog)) == 2)
    assert page.model.undo_stack.count() == undo_before + 1
    assert page.model.undo_stack.undoText() == "Fix personal data"
    assert any(
        n.text == "Write to the organiser for the carers group." for n in page.model.select(Note)
    )
    assert len(_rows(dialog)) == 2
    qtbot.keyClick(dialog.list, Qt.Key.Key_Escape)  # Cancel: nothing written
    qtbot.waitUntil(lambda: page.findChild(FindingsDialog) is None)
    assert dialogs.asked == []

    # the mark as fine is in the file: reopened, the postcode is still not raised
    path = page.model.document.path
    page.model.document.close()
    document = Document.open(path)
    reopened = DocumentModel(document)
    remaining = open_findings(reopened)
    assert sorted(f.finding.matched for f in remaining) == sorted([PHONE, NHS])
    page = ReportPage(reopened, dialogs=dialogs)
    qtbot.addWidget(page)
    page.show()

    # Report again, tick Redact (Alt+R), Enter continues; the PDF holds none of it
    target = tmp_path / "summary.pdf"
    dialogs.save_paths.append(target)
    dialog = _open_check(qtbot, page)
    assert len(_rows(dialog)) == 2
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(dialog.redact.isChecked)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: target.exists() and not page.running(), timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    flat = " ".join(text.split())
    for planted in (PHONE, NHS, EMAIL, POSTCODE):
        assert planted not in flat
    assert "ring [phone] after six" in flat and "number [NHS number] at the desk" in flat
    page.job.shutdown()
    document.close()


def test_no_findings_no_dialog(qtbot: QtBot, tmp_path: Path, dialogs) -> None:
    document = Document.create(tmp_path / "Clean.workshop", demo_bundle())
    widget = ReportPage(DocumentModel(document), dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.keyClick(widget.export, Qt.Key.Key_Space)  # save dialog cancelled: nothing queued
    assert widget.findChild(FindingsDialog) is None and len(dialogs.asked) == 1
    widget.job.shutdown()
    document.close()


def test_file_export_checks_first_and_redacts(
    qtbot: QtBot, demo_window: MainWindow, dialogs, tmp_path: Path
) -> None:
    assert demo_window.model is not None
    _plant(demo_window.model)
    target = tmp_path / "notes.csv"
    dialogs.save_paths.append(target)
    demo_window.menu_actions.exports["csv"].trigger()  # File ▸ Export ▸ CSV
    dialog = demo_window.findChild(FindingsDialog)
    assert dialog is not None and len(_rows(dialog)) == 4
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, ALT)
    qtbot.waitUntil(dialog.redact.isChecked)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists)
    written = target.read_text(encoding="utf-8")
    assert "ring [phone] after six" in written and "[email]" in written
    assert not any(p in written for p in (PHONE, EMAIL, NHS, POSTCODE))


def test_capture_card_of_a_typed_phone_number_shows_the_marker(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = capture_page(demo_window)
    type_note(qtbot, page, "Parking is hard on Tuesdays")
    type_note(qtbot, page, f"Call Sue on {PHONE} about transport")
    model = page.cards.model()
    marks = {
        model.index(r, 0).data(): model.index(r, 0).data(MarkRole) for r in range(model.rowCount())
    }
    assert marks[f"Call Sue on {PHONE} about transport"] == "⚠ personal data?"
    assert marks["Parking is hard on Tuesdays"] == ""
    index = next(
        model.index(r, 0) for r in range(model.rowCount()) if PHONE in model.index(r, 0).data()
    )
    assert "phone number" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "personal data: phone number" in index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_go_to_it_shows_the_note_on_the_board(
    qtbot: QtBot, demo_window: MainWindow, dialogs
) -> None:
    assert demo_window.model is not None and demo_window.workspace is not None
    _plant(demo_window.model)
    demo_window.menu_actions.exports["json"].trigger()
    dialog = demo_window.findChild(FindingsDialog)
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    wanted = dialog.found[0].record_id
    qtbot.keyClick(dialog.list, Qt.Key.Key_G, ALT)
    qtbot.waitUntil(lambda: demo_window.workspace.mode() == "board")
    board = demo_window.workspace.page("board")
    assert board.current_view().focused_item() == ("note", wanted)  # type: ignore[attr-defined]
    assert dialogs.asked == []  # going to it wrote nothing
