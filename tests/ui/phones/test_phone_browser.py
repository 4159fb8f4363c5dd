"""The attendee page in a real browser: headless Chromium (Debian's ``chromium`` and
``chromium-driver``, driven by Selenium; ``browser_helpers.py``) is the phone, and the app's
AttendeeServer on 127.0.0.1 (any free port) answers it from this test's Qt event loop, on a copy
of the demo event in a shown main window, mid-breakout.

A note typed on the page, with a kind picked, is sent, the page says "Sent ✓", and the note is
in the file (read back read-only, while the app holds it) as a phone's note on the current
question. Several notes go one after the other; a failed send keeps the text and says so. The
page without JavaScript (a plain form post) is tested over real HTTP in test_phones_page.py:
Chromium with the page's scripts off also stops WebDriver's own, so it cannot be driven.
Skipped, saying why, where Chromium, chromedriver or selenium are missing.

The screenshot of the page (390x844) is made here too:
    WORKSHOP_SCREENSHOTS=resources/screenshots pytest tests/ui/phones/test_phone_browser.py -k shot
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.common.capture_helpers import start_breakout
from tests.ui.phones.browser_helpers import PHONE_SIZE, Phones, beside_qt, unavailable
from workshop_app.domain.records import Note, NoteSource, Question
from workshop_app.storage.document import Document
from workshop_app.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.skipif(unavailable() is not None, reason=f"{unavailable()}")
pytest.importorskip("selenium", reason="selenium is not installed (pip install '.[test]')")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.expected_conditions import staleness_of  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

#: How long the page may take to say what happened to a note.
ANSWER_S = 15


@pytest.fixture
def phones(tmp_path: Path) -> Iterator[Phones]:
    opened = Phones(tmp_path / "phones")
    yield opened
    opened.quit_all()


@pytest.fixture
def served(demo_window: MainWindow) -> Iterator[tuple[MainWindow, Any]]:
    """The demo event mid-breakout, its attendee page served on 127.0.0.1."""
    from workshop_app.ui.phones.server import AttendeeServer

    assert demo_window.model is not None
    start_breakout(demo_window)
    server = AttendeeServer(demo_window.model, demo_window)
    server.start("127.0.0.1", 0)
    yield demo_window, server
    server.stop()


def phone_notes(window: MainWindow) -> list[Note]:
    """The phones' notes committed to the window's file, read back from disk."""
    assert window.document is not None
    with Document.open(window.document.path, readonly=True) as document:
        notes = document.select(Note)
    return [note for note in notes if note.source == NoteSource.PHONE]


def status(driver: Any) -> str:
    return driver.find_element(By.ID, "status").text


def write(driver: Any, text: str, kind: str | None = None) -> None:
    """Type ``text`` into the box (real key events) and tap the kind called ``kind``."""
    box = driver.find_element(By.ID, "text")
    box.click()
    box.send_keys(text)
    if kind is not None:
        driver.find_element(By.XPATH, f"//label[span[normalize-space()='{kind}']]").click()


def send_and_wait(driver: Any, says: str) -> None:
    """Tap Send, then wait until the page's status says ``says``."""
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, ANSWER_S).until(lambda d: says in status(d))


def reloaded(element: Any) -> bool:
    """Whether ``element``'s page has been replaced by another (a form post's answer)."""
    return bool(staleness_of(element)(None))


def box_text(driver: Any) -> str:
    return driver.find_element(By.ID, "text").get_property("value")


def test_a_note_typed_on_the_phone_lands_in_the_document(
    served: tuple[MainWindow, Any], phones: Phones, qtbot: QtBot
) -> None:
    window, server = served
    question_id = server.current_question_id()
    assert question_id is not None
    question = window.model.get(Question, question_id)  # type: ignore[union-attr]
    phone = phones.open()
    said = "More seats near the screen, please: the back row can't read the slides"

    def steps() -> tuple[str, bool, str]:
        phone.get(server.url)
        page = phone.find_element(By.TAG_NAME, "html")
        heading = phone.find_element(By.TAG_NAME, "h1").text
        write(phone, said, kind="Concern")
        send_and_wait(phone, "Sent ✓")
        return heading, reloaded(page), box_text(phone)

    heading, reloaded_page, left_in_box = beside_qt(qtbot, steps)
    assert not reloaded_page  # the script sent it and the page stayed
    assert heading == question.text
    assert left_in_box == ""  # ready for the next note
    [note] = phone_notes(window)
    assert (note.text, note.kind, note.question_id) == (said, "concern", question_id)
    assert note.group_id is None


def test_several_notes_in_a_row(
    served: tuple[MainWindow, Any], phones: Phones, qtbot: QtBot
) -> None:
    window, server = served
    phone = phones.open()
    said = ["First: start on time", "Second: a microphone for questions", "Third: more tea"]

    def steps() -> list[str]:
        phone.get(server.url)
        statuses = []
        for text in said:
            write(phone, text)
            phone.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            # the box empties only when this note is acknowledged (the status may still show
            # the last note's "Sent ✓" until then)
            WebDriverWait(phone, ANSWER_S).until(lambda d: box_text(d) == "")
            statuses.append(status(phone))
        return statuses

    statuses = beside_qt(qtbot, steps)
    assert all("Sent ✓" in s for s in statuses)
    assert sorted(n.text for n in phone_notes(window)) == sorted(said)


def test_a_failed_send_keeps_the_text_and_says_so(
    served: tuple[MainWindow, Any], phones: Phones, qtbot: QtBot
) -> None:
    window, server = served
    phone = phones.open()
    said = "This one must not be lost"

    def open_and_type() -> None:
        phone.get(server.url)
        write(phone, said)

    beside_qt(qtbot, open_and_type)
    server.stop()  # the facilitator turns attendee input off while the phone is typing

    def send() -> tuple[str, str]:
        send_and_wait(phone, "Not sent")
        return status(phone), box_text(phone)

    said_on_page, left_in_box = beside_qt(qtbot, send)
    assert "still in the box" in said_on_page
    assert left_in_box == said
    assert phone_notes(window) == []


def test_shot_of_the_phone_page(
    served: tuple[MainWindow, Any], phones: Phones, qtbot: QtBot, tmp_path: Path
) -> None:
    """The page on a 390x844 phone, a note typed and a kind picked."""
    _, server = served
    phone = phones.open()
    target = Path(os.environ.get("WORKSHOP_SCREENSHOTS") or tmp_path) / "phone-page.png"

    def steps() -> bytes:
        phone.get(server.url)
        write(phone, "A named contact for discharge planning, not a shared inbox", "Idea")
        return phone.get_screenshot_as_png()

    png = beside_qt(qtbot, steps)
    target.write_bytes(png)
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert (image.width(), image.height()) == PHONE_SIZE
    assert target.stat().st_size > 10_000
