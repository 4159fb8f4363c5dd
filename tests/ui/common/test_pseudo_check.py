"""The pseudo-locale checker (pseudo_check.py) on small widgets: it passes what the pseudo-locale
and the user's data explain, and names every English text and every clipped one it is shown."""

from __future__ import annotations

from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.common.pseudo_check import RecordingDialogs, Words, clipped, untranslated
from workshop_app.i18n import pseudo

DATA = Words({"Table 3", "What does success look like in five years?", "Ward nurse"})
LONG = pseudo("Save a copy of this event somewhere else")


def _window(qtbot: QtBot, *widgets: QWidget, width: int = 600) -> QWidget:
    window = QWidget()
    window.setObjectName("window")
    layout = QVBoxLayout(window)
    for widget in widgets:
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.resize(width, 400)
    window.show()
    qtbot.waitUntil(window.isVisible)
    QApplication.processEvents()
    return window


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    return widget


def _found(window: QWidget) -> list[str]:
    return [str(p) for p in untranslated("Page", window, DATA) + clipped("Page", window, DATA)]


def test_leftover_takes_out_brackets_data_keys_and_dates() -> None:
    assert DATA.leftover(pseudo("Save a copy")) == ""
    nested = pseudo("Showing {name} only").format(name=pseudo("one table"))
    assert DATA.leftover(nested) == ""
    assert DATA.leftover(pseudo("Showing {name} only").format(name="Table 3")) == ""
    assert DATA.leftover("Table 3 · Ward nurse") == ""
    assert DATA.leftover("What does success look…") == ""  # the data, elided
    assert DATA.leftover(f"{pseudo('Next question')} (Ctrl+Shift+Right, F4, PgDn)") == ""
    assert DATA.leftover(f"{pseudo('Saved at {time}').format(time='12:14 PM')}, 3 Dec") == ""
    assert DATA.leftover("https://example.org/a/b and /tmp/x/demo.workshop") == "and"
    assert DATA.leftover(f"{pseudo('Saved')} now") == "now"
    assert DATA.leftover("Table 3 notes") == "notes"
    assert DATA.leftover("Tables") == "Tables"  # a data string is taken out whole only


def test_bracketed_and_data_texts_pass(qtbot: QtBot) -> None:
    button = QPushButton(pseudo("&Export"))
    button.setAccessibleName(pseudo("Export"))
    window = _window(
        qtbot,
        QLabel(pseudo("Question:")),
        QLabel("Table 3"),
        button,
        QCheckBox(pseudo("Anonymous")),
        QGroupBox(pseudo("Paper")),
    )
    window.setWindowTitle(f"Table 3 — {pseudo('Workshop')}")
    assert _found(window) == []


def test_english_is_named_by_page_class_object_name_and_text(qtbot: QtBot) -> None:
    button = _named(QPushButton(pseudo("Export")), "export_button")
    button.setToolTip("Export the report")
    items = _named(QListWidget(), "sections")
    items.addItems([pseudo("Details"), "Speakers"])
    window = _window(qtbot, _named(QLabel("Dots per person:"), "dots_label"), button, items)
    assert _found(window) == [
        "Page: QLabel 'dots_label' text: 'Dots per person:' (left: Dots per person)",
        "Page: QPushButton 'export_button' tool tip: 'Export the report' (left: Export the report)",
        "Page: QListWidget 'sections' row 1,0: 'Speakers' (left: Speakers)",
    ]


def test_menus_are_read_to_the_last_submenu(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu(pseudo("&File"))
    export = file_menu.addMenu(pseudo("&Export"))
    export.addAction("Export as &CSV…")
    window.show()
    assert [p.text for p in untranslated("Page", window, DATA)] == ["Export as CSV…"]


def test_a_clipped_button_label_and_wrapped_label_are_found(qtbot: QtBot) -> None:
    button = _named(QPushButton(LONG), "narrow_button")
    button.setFixedWidth(80)
    label = _named(QLabel(LONG), "narrow_label")
    label.setFixedWidth(80)
    wrapped = _named(QLabel(" ".join([LONG] * 6)), "wrapped")
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(200, 30)
    fits = QPushButton(pseudo("OK"))
    window = _window(qtbot, button, label, wrapped, fits)
    found = [(p.widget, p.name) for p in clipped("Page", window, DATA)]
    assert found == [
        ("QPushButton", "narrow_button"),
        ("QLabel", "narrow_label"),
        ("QLabel", "wrapped"),
    ]


def test_a_label_elided_on_purpose_with_its_text_in_the_tool_tip_passes(qtbot: QtBot) -> None:
    label = QLabel(LONG[:10] + "…")
    label.setToolTip(LONG)
    label.setFixedWidth(label.fontMetrics().horizontalAdvance(label.text()) + 2)
    assert clipped("Page", _window(qtbot, label), DATA) == []


def test_a_label_its_parent_cuts_off_is_found(qtbot: QtBot) -> None:
    box = QWidget()
    box.setFixedSize(120, 40)
    label = _named(QLabel(pseudo("Next"), box), "outside")
    label.move(90, 0)
    label.resize(label.sizeHint())
    found = clipped("Page", _window(qtbot, box), DATA)
    assert [(p.name, p.detail.split(" shows")[0]) for p in found] == [("outside", "QWidget ''")]


def test_tabs_behind_the_scroll_arrows_are_found(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    for name in ("Write-up", "Dot voting", "Matrix", "Suggestions"):
        tabs.addTab(QWidget(), pseudo(name))
    window = _window(qtbot, tabs, width=200)
    found = clipped("Page", window, DATA)
    assert found and all(p.widget == "QTabBar" and p.what.startswith("tab ") for p in found)
    window.resize(1200, 400)
    QApplication.processEvents()
    assert clipped("Page", window, DATA) == []


def test_questions_asked_through_the_dialogs_service_are_recorded() -> None:
    dialogs = RecordingDialogs()
    dialogs.ask_text(None, pseudo("New event"), "Title of the event:", "Table 3")
    dialogs.confirm(None, pseudo("Delete"), pseudo("Delete {name}?").format(name="Table 3"), "")
    assert dialogs.said == [
        pseudo("New event"),
        "Title of the event:",
        pseudo("Delete"),
        pseudo("Delete {name}?").format(name="Table 3"),
    ]
    assert [DATA.leftover(text) for text in dialogs.said] == ["", "Title of the event", "", ""]


class Painted(QWidget):
    """A custom-painted widget, like the countdown or a card."""

    def __init__(self, words: list[str]) -> None:
        super().__init__()
        self.words = words
        self.setMinimumSize(300, 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        for line, word in enumerate(self.words):
            painter.drawText(10, 20 + 20 * line, word)
        painter.end()


def test_painted_words_are_read_and_wrapped_data_lines_pass(qtbot: QtBot) -> None:
    painted = _named(Painted([pseudo("Running"), "What does success look", "IDEA"]), "painted")
    painted.__class__.__module__ = "workshop_app.ui.fake"  # painted by one of ours
    assert _found(_window(qtbot, painted)) == [
        "Page: Painted 'painted' painted text: 'IDEA' (left: IDEA)"
    ]


def test_a_clipped_placeholder_is_found(qtbot: QtBot) -> None:
    edit = _named(QLineEdit(), "logo")
    edit.setPlaceholderText(LONG)
    edit.setFixedWidth(120)
    found = clipped("Page", _window(qtbot, edit), DATA)
    assert [(p.name, p.what) for p in found] == [("logo", "placeholder")]
