"""Issue 17: Capture, the merge and conflicts dialogs speak the window's language. Under the
pseudo-locale every word the page shows is bracketed (none left untranslated), typing a note
through real key events still saves it and says so in the language, with the time written for
it; under English the words are today's exactly."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from tests.ui.common.capture_helpers import capture_page
from workshop_app import i18n
from workshop_app.ui.capture.page import CapturePage
from workshop_app.ui.common import i18n as ui_i18n
from workshop_app.ui.common.sticky import SavedRole
from workshop_app.ui.laptops.conflicts_view import ConflictsDialog
from workshop_app.ui.laptops.merge_dialog import MergeDialog
from workshop_app.ui.shell.main_window import MainWindow

P = i18n.pseudo


@pytest.fixture
def language() -> Iterator[Callable[[str], None]]:
    """Choose the window's language before building it; English again after the test."""
    yield ui_i18n.install
    ui_i18n.install("en")


def _page(make_window: Callable[[], MainWindow], qtbot, code: str, install) -> CapturePage:
    install(code)
    window = make_window()
    assert window.open_demo()
    page = capture_page(window, table=0)
    window.activateWindow()
    page.focus_entry()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.entry.box)
    return page


def _save(qtbot, page: CapturePage, text: str) -> None:
    qtbot.keyClicks(page.entry.box, text)
    qtbot.keyClick(page.entry.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.status.text() != "")


def _shown_words(page: CapturePage) -> list[tuple[QWidget, str]]:
    """Every visible label's and button's text, but the event's own words (the table's name,
    the question and its prompt) and the arrows."""
    own = {page.where.table, page.header.question, page.header.prompt}
    found: list[tuple[QWidget, str]] = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        text = widget.text()
        if widget in own or not widget.isVisible() or not text or text in ("◀", "▶"):
            continue
        found.append((widget, text))
    return found


def test_capture_under_the_pseudo_locale_brackets_every_word(make_window, qtbot, language) -> None:
    page = _page(make_window, qtbot, i18n.PSEUDO, language)
    _save(qtbot, page, "Named contact for discharge")
    words = _shown_words(page)
    assert len(words) > 15
    untranslated = [f"{w.accessibleName()}: {t}" for w, t in words if "[" not in t]
    assert not untranslated
    for widget in (page, page.entry.box, page.cards, page.side, page.side.search):
        assert widget.accessibleName().startswith("["), widget.accessibleName()
    assert page.entry.box.placeholderText() == P("Type what was said, then press Enter")
    assert page.side.search.placeholderText().startswith("[Šéáŕçĥ áļļ ñóţéš (Ctrl+F)")
    assert [page.side.tabText(i)[:4] for i in range(3)] == ["[Óţĥ", "[Šéá", "[Ţŕá"]
    status = page.status.text()
    assert re.match(r"\[✓ Šáṽéḋ áţ \d\d:\d\d:\d\d: íḋéá, ñóţé \d+ ĥéŕé\. ~", status), status
    card = page.mine.index(page.mine.rowCount() - 1)
    assert re.fullmatch(r"\d\d:\d\d", card.data(SavedRole))


def test_capture_in_english_is_as_it_was(make_window, qtbot, language) -> None:
    page = _page(make_window, qtbot, "en", language)
    _save(qtbot, page, "Named contact for discharge")
    assert not [t for _, t in _shown_words(page) if "[" in t]
    assert page.entry.box.placeholderText() == "Type what was said, then press Enter"
    assert page.side.search.placeholderText() == "Search all notes (Ctrl+F)"
    assert [page.side.tabText(i) for i in range(2)] == ["Other tables", "Search"]
    assert re.fullmatch(r"✓ Saved at \d\d:\d\d:\d\d: idea, note \d+ here\.", page.status.text())
    order = "Order: newest first" if page.order.isChecked() else "Order: as written"
    assert page.order.text() == order
    label = page.cards_label.text()
    assert re.fullmatch(r"<b>.+</b>: \d+ notes on this question · \d+ from all tables", label)


def test_merge_and_conflicts_dialogs_under_the_pseudo_locale(
    make_window, qtbot, language, tmp_path: Path
) -> None:
    language(i18n.PSEUDO)
    window = make_window()
    assert window.open_demo() and window.document is not None and window.model is not None
    merge = MergeDialog(window.document.path, window.dialogs, tmp_path, window)
    qtbot.addWidget(merge)
    texts = [merge.windowTitle(), merge.summary.text(), merge.files_button.text()]
    texts += [label.text() for label in merge.findChildren(QLabel) if label.text()]
    texts += [b.text() for b in merge.buttons.buttons()]
    assert all(t.startswith("[") for t in texts), texts
    conflicts = ConflictsDialog(window.model, window)
    qtbot.addWidget(conflicts)
    header = conflicts.tree.headerItem()
    assert [header.text(i)[:1] for i in range(5)] == ["["] * 5
    assert conflicts.intro.text().startswith("[Ñó çóñƒļíçţš")
    language("en")
    english = MergeDialog(window.document.path, window.dialogs, tmp_path, window)
    qtbot.addWidget(english)
    assert english.windowTitle() == "Merge notes from other laptops"
    assert english.summary.text() == "No files chosen yet."
