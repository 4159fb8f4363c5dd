"""The rows of the Suggestions panel: a proposed theme (``SuggestionCard``), a similar note
(``SimilarRow``), a pair of duplicates (``DuplicateCard``), and ``Background``, which computes
suggestions on a worker thread and hands the result back on the GUI thread.

Every piece of user text is shown as plain text, except a similar note's text: escaped HTML with
the shared words in bold (``suggest_actions.highlight_html``), the only markup being ours.

Signals:
    SuggestionCard.accepted(), rejected(): its Accept or Reject button (or Enter in the title).
    SimilarRow.activated(str note_id): clicked, or Enter/Space on it.
    DuplicateCard.merge(), dismissed().
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.records import Note
from workshop_app.ui.board.suggest_actions import highlight_html
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.text import plain_label


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setAutoDefault(False)
    return button


class Background:
    """Runs one job per name on a worker thread; the newest job's result is handed to its
    callback on the GUI thread (an older job still running is ignored when it ends)."""

    def __init__(self, parent: QObject) -> None:
        self._executor: ThreadPoolExecutor | None = None
        self._pending: dict[str, tuple[Future[Any], Callable[[Any], None]]] = {}
        self._timer = QTimer(parent)
        self._timer.setInterval(15)
        self._timer.timeout.connect(self._poll)

    def submit(self, name: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suggest")
        self._pending[name] = (self._executor.submit(work), done)
        self._timer.start()

    def busy(self, name: str) -> bool:
        return name in self._pending

    def shutdown(self) -> None:
        self._timer.stop()
        self._pending.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)

    def _poll(self) -> None:
        for name, (future, done) in list(self._pending.items()):
            if future.done():
                del self._pending[name]
                done(future.result())  # the engine raises only on a bug: let the hook see it
        if not self._pending:
            self._timer.stop()


class _NoteTick(QWidget):
    """A tick box and the note's wrapped text (clicking the text ticks it too)."""

    def __init__(self, note: Note, table: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.note_id = note.id
        self.box = QCheckBox(self)
        self.box.setChecked(True)
        self.box.setAccessibleName(
            tr("Include the note from {table}: {text}").format(table=table, text=note.text)
        )
        self.text = plain_label(f"{note.text} — {table}", self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        self.text.mousePressEvent = self._on_text_pressed  # type: ignore[method-assign]

    def _on_text_pressed(self, event: QMouseEvent) -> None:
        self.box.toggle()


class SuggestionCard(QFrame):
    """A proposed theme: its title (editable), the keywords that tie it, its notes (each can be
    unticked), Accept and Reject."""

    accepted = Signal()
    rejected = Signal()

    def __init__(
        self, title: str, keywords: tuple[str, ...], notes: list[tuple[Note, str]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(tr("Proposed theme: {title}").format(title=title))
        self.title = QLineEdit(title, self)
        self.title.setAccessibleName(tr("Proposed theme's title"))
        self.title.setToolTip(tr("Change the title before accepting, if you like"))
        self.title.returnPressed.connect(self.accepted)
        words = ", ".join(keywords) if keywords else tr("similar wording")
        self.keywords = plain_label(tr("Tied by: {words}").format(words=words), self)
        self.ticks = [_NoteTick(note, table, self) for note, table in notes]
        self.accept = _button(tr("Accept"), tr("Accept this theme"), self)
        self.edit = _button(tr("Edit title"), tr("Edit this theme's title"), self)
        self.reject = _button(tr("Reject"), tr("Reject this theme"), self)
        self.accept.clicked.connect(self.accepted)
        self.reject.clicked.connect(self.rejected)
        self.edit.clicked.connect(self._on_edit_clicked)
        buttons = QHBoxLayout()
        for button in (self.accept, self.edit, self.reject):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.keywords)
        for tick in self.ticks:
            layout.addWidget(tick)
        layout.addLayout(buttons)

    def chosen_title(self) -> str:
        return self.title.text().strip()

    def ticked_ids(self) -> list[str]:
        return [t.note_id for t in self.ticks if t.box.isChecked()]

    def _on_edit_clicked(self) -> None:
        self.title.setFocus()
        self.title.selectAll()


class SimilarRow(QFrame):
    """A note like the focused one, its shared words in bold; Enter, Space or a click reveals it."""

    activated = Signal(str)

    def __init__(self, note: Note, table: str, words: tuple[str, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self.note_id = note.id
        self.words = words
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        shares = ", ".join(words) if words else tr("related ideas")
        self.setAccessibleName(
            tr("{text} — {table}; shares: {words}").format(
                text=note.text, table=table, words=shares
            )
        )
        self.setToolTip(tr("Show this note in the board (Enter)"))
        self.text = QLabel(highlight_html(note.text, words), self)
        self.text.setTextFormat(Qt.TextFormat.RichText)  # escaped text, our <b> only
        self.text.setWordWrap(True)
        self.text.setAccessibleName(note.text)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.where = plain_label(
            tr("{table} · shares: {words}").format(table=table, words=shares), self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.where)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.activated.emit(self.note_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.note_id)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setFrameShadow(QFrame.Shadow.Sunken)
        self.setLineWidth(3)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setLineWidth(1)
        super().focusOutEvent(event)


class DuplicateCard(QFrame):
    """Two near-identical notes from different tables, with Merge and Not duplicates."""

    merge = Signal()
    dismissed = Signal()

    def __init__(
        self, kept: tuple[Note, str], gone: tuple[Note, str], added: str, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.note_ids = (kept[0].id, gone[0].id)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(
            tr("Possible duplicates from {first} and {second}").format(
                first=kept[1], second=gone[1]
            )
        )
        first = plain_label(f"{kept[1]}: {kept[0].text}", self)
        second = plain_label(f"{gone[1]}: {gone[0].text}", self)
        how = plain_label(
            tr(
                "Merging keeps the {table} note, adds “{added}” to it, adds the votes together "
                "and moves the other note to the trash."
            ).format(table=kept[1], added=added),
            self,
        )
        how.setEnabled(False)  # greyed: an explanation, not content
        into = tr("Merge into the {table} note").format(table=kept[1])
        self.merge_button = _button(tr("Merge"), into, self)
        self.keep_button = _button(tr("Not duplicates"), tr("Keep both notes"), self)
        self.merge_button.clicked.connect(self.merge)
        self.keep_button.clicked.connect(self.dismissed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.keep_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (first, second, how):
            layout.addWidget(widget)
        layout.addLayout(buttons)
