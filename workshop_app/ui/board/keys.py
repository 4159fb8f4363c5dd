"""BoardKeys: the Board's keyboard contract, installed from ``keymap`` on a view's key widget.

Every view (the outline, the canvas) gets the same keys and the same handlers; each handler
reads the view's selection and focus (the ``BoardView`` protocol in ``page.py``), calls one
function of ``actions`` (one undo step) and puts the focus on what it made or moved.

The keys are ``WIDGET`` shortcuts of the view's key widget: they act only while that widget
itself has the focus, so a text box on the Board (a theme's title being typed, the write-up)
receives M, S, + and − as text, never as commands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from workshop_app.domain.records import Note, Theme
from workshop_app.i18n import N_
from workshop_app.ui.board import actions
from workshop_app.ui.board.chooser import ThemeChooser
from workshop_app.ui.board.outline_model import NOTE, THEME, UNSORTED
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import install, shown
from workshop_app.ui.document_model import DocumentModel

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardView

#: The view-level Board bindings, in the order the hint lists them, with the action's text.
VIEW_KEYS: dict[str, str] = {
    "select_unsorted": N_("Select the notes not yet sorted"),
    "group": N_("Group into a new theme"),
    "move": N_("Move to a theme…"),
    "ungroup": N_("Ungroup"),
    "rename": N_("Rename theme"),
    "vote_up": N_("Add a vote"),
    "vote_down": N_("Remove a vote"),
    "star": N_("Star or unstar"),
    "delete": N_("Delete theme"),
}
#: The same as the on-screen hint words them, after each one's keys.
HINT_WORDS: dict[str, str] = {
    "select_unsorted": N_("select unsorted"),
    "group": N_("group"),
    "move": N_("move"),
    "ungroup": N_("ungroup"),
    "rename": N_("rename"),
    "vote_up": N_("add a vote"),
    "vote_down": N_("remove a vote"),
    "star": N_("star"),
    "delete": N_("delete theme"),
}


def hint_text() -> str:
    """The on-screen hint: every view key as the table writes it."""
    return " · ".join(
        tr("{keys}: {action}").format(keys=shown("board." + name), action=tr(HINT_WORDS[name]))
        for name in VIEW_KEYS
    )


class BoardKeys:
    """Installs the Board's view keys on ``view.key_widget()`` and handles them."""

    def __init__(self, model: DocumentModel, view: BoardView) -> None:
        self.model, self.view = model, view
        self.chooser: ThemeChooser | None = None
        widget = view.key_widget()
        self.actions: dict[str, QAction] = {}
        for name, text in VIEW_KEYS.items():
            action = install(QAction(tr(text), widget), f"board.{name}")
            action.triggered.connect(getattr(self, f"_on_{name}_triggered"))
            widget.addAction(action)
            self.actions[name] = action

    # -- handlers -------------------------------------------------------------------------

    def _on_select_unsorted_triggered(self) -> None:
        ids = actions.unsorted_note_ids(self.model, self.view.question_id())
        if ids:
            self.view.select_notes(ids)
        else:
            self.view.reveal(UNSORTED, "")

    def _on_group_triggered(self) -> None:
        question_id = self.view.question_id()
        if question_id is None:
            return
        ids = self.view.selected_note_ids()
        step = self.model.undo_stack.index()
        theme_id = actions.group_into_new_theme(self.model, question_id, ids)
        actions.announce_step(self.view.key_widget(), self.model, step)
        self.view.edit_title(theme_id)

    def _on_move_triggered(self) -> None:
        ids = self.view.selected_note_ids()
        question_id = self.view.question_id()
        if not ids or question_id is None:
            return
        themes = [(t.id, t.title) for t in self.model.select(Theme, question_id=question_id)]
        parent = self.view.key_widget()
        self.chooser = ThemeChooser(themes, len(ids), parent)
        self.chooser.picked.connect(lambda theme_id: self._move(ids, theme_id))
        self.chooser.finished.connect(lambda _result: self._refocus())
        self.chooser.open()

    def _move(self, ids: list[str], theme_id: str | None) -> None:
        step = self.model.undo_stack.index()
        actions.move_to_theme(self.model, ids, theme_id)
        actions.announce_step(self.view.key_widget(), self.model, step)
        self._refocus()
        self.view.select_notes(ids)

    def _refocus(self) -> None:
        """Back to the view once the chooser has gone (its window active again)."""
        widget = self.view.key_widget()
        widget.window().activateWindow()
        widget.setFocus()

    def _on_ungroup_triggered(self) -> None:
        focus = self.view.focused_item()
        if focus is None:
            return
        kind, record_id = focus
        if kind == THEME:
            members = [n.id for n in self.model.select(Note, theme_id=record_id)]
            actions.ungroup(self.model, record_id)
            self.view.select_notes(members) if members else self.view.reveal(UNSORTED, "")
        elif kind == NOTE:
            ids = self.view.selected_note_ids()
            step = self.model.undo_stack.index()
            actions.move_to_theme(self.model, ids, None)
            actions.announce_step(self.view.key_widget(), self.model, step)
            self.view.select_notes(ids)

    def _on_rename_triggered(self) -> None:
        focus = self.view.focused_item()
        if focus is not None and focus[0] == THEME:
            self.view.edit_title(focus[1])

    def _vote(self, delta: int) -> None:
        focus = self.view.focused_item()
        if focus is None or focus[0] not in (NOTE, THEME):
            return
        kind, record_id = focus
        actions.add_vote(self.model, Theme if kind == THEME else Note, record_id, delta)
        self.view.reveal(kind, record_id)

    def _on_vote_up_triggered(self) -> None:
        self._vote(1)

    def _on_vote_down_triggered(self) -> None:
        self._vote(-1)

    def _on_star_triggered(self) -> None:
        ids = self.view.selected_note_ids()
        focus = self.view.focused_item()
        if ids:
            actions.toggle_star(self.model, ids)
            if focus is not None and focus[0] == NOTE and len(ids) == 1:
                self.view.reveal(NOTE, focus[1])
            else:
                self.view.select_notes(ids)

    def _on_delete_triggered(self) -> None:
        focus = self.view.focused_item()
        if focus is None or focus[0] != THEME:
            return
        members = [n.id for n in self.model.select(Note, theme_id=focus[1])]
        actions.delete_theme(self.model, focus[1])
        self.view.select_notes(members) if members else self.view.reveal(UNSORTED, "")
