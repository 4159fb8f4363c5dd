"""View ▸ Language: chosen by keyboard, saved, offered as a restart, and spoken by the next
window; the restart's command line; Qt's own words are in the catalogue under Qt's contexts."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu, QTextEdit
from pytestqt.qtbot import QtBot

from tests.ui.common.fakes import FakeDialogs
from workshop_app import i18n
from workshop_app.ui.common import qt_words
from workshop_app.ui.common.i18n import install
from workshop_app.ui.common.settings import AppSettings
from workshop_app.ui.shell.language import restart_arguments, startup_language
from workshop_app.ui.shell.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """Whatever a test installs, the next one starts in English."""
    yield
    i18n.translations.cache_clear()
    install(i18n.SOURCE)


def _welsh_catalogue(folder: Path) -> Path:
    """A tiny compiled Welsh catalogue (the real one is built from the .po on main)."""
    catalog = Catalog(locale="cy", domain=i18n.DOMAIN)
    catalog.add("&File", "&Ffeil")
    catalog.add("&View", "&Gweld")
    target = folder / "cy" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / f"{i18n.DOMAIN}.mo", "wb") as handle:
        write_mo(handle, catalog)
    return folder


def _popup(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    return popup


def test_welsh_is_chosen_by_keyboard_saved_and_spoken_by_the_next_window(
    make_window: Callable[[], MainWindow],
    settings: AppSettings,
    dialogs: FakeDialogs,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.menu_actions.languages[""].isChecked()  # nothing saved: the system's

    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    view = _popup(qtbot)
    assert view.title() == "&View"
    qtbot.keyClick(view, Qt.Key.Key_G)  # Lan&guage
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view)
    languages = _popup(qtbot)
    assert languages.accessibleName() == "Language"
    names = [action.text() for action in languages.actions()]
    assert names[1:] == ["&English", "&Cymraeg (draft translation)"]
    assert names[0].startswith("&System Default (")
    qtbot.keyClick(languages, Qt.Key.Key_C)  # &Cymraeg
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)

    assert AppSettings().language() == "cy"  # saved, as another window would read it
    assert window.menu_actions.languages["cy"].isChecked()
    assert not window.menu_actions.languages[""].isChecked()
    asked = [q for q in dialogs.asked if q.startswith("question:")]
    assert asked == [
        "question: Workshop will speak Cymraeg (draft translation) when it next starts. "
        "Restart now? Nothing is lost: every change is already saved. [Restart Now / Later]"
    ]  # FakeDialogs answers Later: nothing restarts
    assert window.isVisible()

    monkeypatch.setattr(i18n, "LOCALE_DIR", _welsh_catalogue(tmp_path))
    i18n.translations.cache_clear()
    assert startup_language(AppSettings()) == "cy"
    fresh = MainWindow(AppSettings(), dialogs)
    qtbot.addWidget(fresh)
    titles = [action.text() for action in fresh.menuBar().actions()]
    assert titles[:3] == ["&Ffeil", "&Edit", "&Gweld"]  # "&Edit" has no Welsh in this catalogue
    assert fresh.menu_actions.languages["cy"].isChecked()
    fresh.close()


def test_the_command_lines_language_wins_for_this_start_and_is_not_saved(
    settings: AppSettings,
) -> None:
    settings.set_language("en")
    assert startup_language(settings, "qps-ploc") == "qps-ploc"
    assert settings.language() == "en"
    assert QCoreApplication.translate("workshop_app", "&File").startswith("[")
    assert startup_language(settings, None) == "en"
    assert startup_language(settings, "xx") == "en"  # a language the app lacks: the saved one


def test_choosing_the_language_in_use_asks_nothing(
    make_window: Callable[[], MainWindow], settings: AppSettings, dialogs: FakeDialogs
) -> None:
    window = make_window()
    window.menu_actions.languages["en"].trigger()
    assert settings.language() == "en"
    assert not [q for q in dialogs.asked if q.startswith("question:")]


def test_restart_now_closes_the_event_then_starts_it_again(
    make_window: Callable[[], MainWindow],
    dialogs: FakeDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "argv", ["/app/workshop_app/__main__.py", "--lang", "en", "--demo"])
    monkeypatch.setattr(
        sys, "orig_argv", ["python3", "-X", "utf8", "-m", "workshop_app", "--lang", "en", "--demo"]
    )
    window = make_window()
    assert window.open_demo()
    event = window.document.path if window.document else None
    started: list[tuple[str, list[str]]] = []
    quits: list[bool] = []

    def start(program: str, arguments: list[str]) -> bool:
        started.append((program, arguments))
        return True

    window.language.start = start
    window.language.quit = lambda: quits.append(True)
    dialogs.confirms.append(True)  # Restart Now
    window.menu_actions.languages["cy"].trigger()
    assert len(started) == 1 and quits == [True]
    assert started == [(sys.executable, ["-X", "utf8", "-m", "workshop_app", str(event)])]
    assert not window.isVisible() and window.document is None  # closed: its file released


@pytest.mark.parametrize(
    ("arguments", "event", "again"),
    [
        (["--lang", "cy", "notes.workshop"], None, ["notes.workshop"]),
        (["--lang=cy", "--demo"], None, ["--demo"]),
        (["--demo", "--phones", "0.0.0.0:8080"], "/d/demo.workshop",
         ["/d/demo.workshop", "--phones", "0.0.0.0:8080"]),
        (["a.workshop", "--lang", "en"], "/e/b.workshop", ["/e/b.workshop"]),
        ([], None, []),
    ],
)  # fmt: skip
def test_the_restart_keeps_the_command_line_but_its_language(
    arguments: list[str], event: str | None, again: list[str]
) -> None:
    assert restart_arguments(arguments, Path(event) if event else None) == again


def test_qts_own_words_are_all_in_the_catalogue(qtbot: QtBot) -> None:
    """Every word Qt asks for under a context the catalogue answers (a dialog's buttons, a text
    box's menu, a message box's details) is listed in qt_words, spelt as Qt spells it."""
    asked: set[tuple[str, str]] = set()

    class Listening(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            if context in i18n.QT_CONTEXTS:
                asked.add((context, source))
            return ""

        def isEmpty(self) -> bool:
            return False

    listening = Listening()
    QCoreApplication.installTranslator(listening)
    try:
        buttons = QDialogButtonBox()
        qtbot.addWidget(buttons)
        for button in QDialogButtonBox.StandardButton:
            if button.value and button.value.bit_count() == 1 and button.value > 0x200:
                buttons.addButton(button)
        for box in (QLineEdit("x"), QTextEdit("x")):
            qtbot.addWidget(box)
            box.createStandardContextMenu().deleteLater()
    finally:
        QCoreApplication.removeTranslator(listening)
    listed = set(_listed())
    assert len(asked) >= 30
    assert asked <= listed, sorted(asked - listed)


def _listed() -> list[tuple[str, str]]:
    """(context, text) of each QT_TRANSLATE_NOOP in qt_words.py, as the extractor reads them."""
    import ast

    tree = ast.parse(Path(qt_words.__file__).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = node.args
            assert isinstance(context, ast.Constant) and isinstance(text, ast.Constant)
            found.append((str(context.value), str(text.value)))
    return found


def test_under_the_pseudo_locale_qts_buttons_and_text_menus_are_bracketed(qtbot: QtBot) -> None:
    install(i18n.PSEUDO)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    for button in buttons.buttons():
        assert button.text().startswith("["), button.text()
    line = QLineEdit("x")
    qtbot.addWidget(line)
    menu = line.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts and all(text.startswith("[") for text in texts), texts
