"""Board suggestions through real keys and clicks on a freshly shown main window (Ctrl+4): a
proposed theme accepted (in the file, with its notes; one undo step), rejected (hidden, never
re-proposed), never over a note already in a theme; similar notes with their shared words in
bold and the note's own markup shown as typed; duplicates merged keeping both tables (one undo
step). Nothing is computed before it is asked for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.common.accessibility import unnamed_widgets
from workshop_app.domain.records import Group, Note, Theme
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.board.outline_model import NOTE, ItemKindRole, RecordIdRole
from workshop_app.ui.board.page import BoardPage
from workshop_app.ui.board.suggest_actions import accept_suggestion, highlight_html
from workshop_app.ui.board.suggest_rows import DuplicateCard, SimilarRow
from workshop_app.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
K = Qt.Key
MARKUP = "Staff <b>involve</b> & R&D on board early"  # shares "involve", "on board", "staff"
DUPLICATE = "Fix the log-ins and wi-fi before anything else!"


@pytest.fixture
def board(make_window: Callable[[], MainWindow], tmp_path: Path, qtbot: QtBot) -> BoardPage:
    """The demo with no themes, plus a note with markup (Q2, Table 5) and a near-copy of Table
    2's "Fix log-ins and wi-fi" note from Table 4 (Q3); Board mode by Ctrl+4."""
    demo = demo_bundle()
    q2, q3 = demo.questions[1].id, demo.questions[2].id
    table = {g.name: g.id for g in demo.groups}
    extra = (
        Note(question_id=q2, group_id=table["Table 5"], text=MARKUP),
        Note(question_id=q3, group_id=table["Table 4"], text=DUPLICATE, votes=2),
    )
    bare = replace(
        demo,
        themes=(),
        notes=tuple(replace(n, theme_id=None, votes=n.votes) for n in demo.notes) + extra,
    )
    Document.create(tmp_path / "Bare.workshop", bare).close()
    window = make_window()
    assert window.open_path(tmp_path / "Bare.workshop")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_4, CTRL)
    page = window.workspace.page("board")  # type: ignore[union-attr]
    assert isinstance(page, BoardPage)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.outline)
    bar = page.side.tabBar()  # Write-up is the first side panel: pick Suggestions by mouse
    qtbot.mouseClick(
        bar,
        Qt.MouseButton.LeftButton,
        pos=bar.tabRect(page.side.indexOf(page.suggestions)).center(),
    )
    assert page.side.currentWidget() is page.suggestions
    page.outline.setFocus()  # back where Ctrl+4 left it: the tests start from the outline
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.outline)
    return page


def _click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _tab_to(qtbot: QtBot, target: QWidget) -> None:
    """Tab from where the focus is until ``target`` has it (the keyboard's own path)."""
    for _ in range(80):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), K.Key_Tab)
    path = []
    for _ in range(30):
        w = QApplication.focusWidget()
        path.append(f"{type(w).__name__}:{w.accessibleName()[:20]}")
        qtbot.keyClick(w, K.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()}: {path}")


def _suggest(qtbot: QtBot, board: BoardPage) -> list[frozenset[str]]:
    panel = board.suggestions
    panel.setCurrentWidget(panel.themes)
    button = panel.themes.button
    assert isinstance(button, QPushButton)
    _tab_to(qtbot, button)
    qtbot.keyClick(button, K.Key_Space)
    qtbot.waitUntil(lambda: not panel.background.busy("themes") and bool(panel.cards))
    return list(panel.cards)


def _themes(board: BoardPage) -> dict[str, set[str]]:
    with Document.open(board.model.document.path, readonly=True) as saved:
        notes = saved.select(Note)
        return {t.title: {n.id for n in notes if n.theme_id == t.id} for t in saved.select(Theme)}


def test_nothing_is_worked_out_before_it_is_asked_for(board: BoardPage) -> None:
    panel = board.suggestions
    assert panel.cards == {} and panel.background._executor is None
    assert panel.themes.rows.count() == 1 and panel.duplicates.rows.count() == 1


def test_accept_by_keyboard_makes_the_theme_in_the_file_and_undo_removes_it(
    board: BoardPage, qtbot: QtBot
) -> None:
    first = _suggest(qtbot, board)[0]
    card = board.suggestions.cards[first]
    assert card.keywords.text().startswith("Tied by: ")
    unticked = card.ticks[-1].note_id
    _tab_to(qtbot, card.ticks[-1].box)
    qtbot.keyClick(card.ticks[-1].box, K.Key_Space)  # this note stays out
    _tab_to(qtbot, card.edit)
    qtbot.keyClick(card.edit, K.Key_Space)  # Edit: into the title, selected
    assert QApplication.focusWidget() is card.title
    qtbot.keyClicks(card.title, "Leaders and local say")
    _tab_to(qtbot, card.accept)
    qtbot.keyClick(card.accept, K.Key_Space)
    want = set(first) - {unticked}
    qtbot.waitUntil(lambda: "Leaders and local say" in _themes(board))
    assert _themes(board) == {"Leaders and local say": want}
    # recomputed from what is still unsorted: no proposal holds a note now in a theme
    qtbot.waitUntil(lambda: not board.suggestions.background.busy("themes"))
    assert all(not (key & want) for key in board.suggestions.cards)
    window = board.window()
    qtbot.keyClick(QApplication.focusWidget() or window, K.Key_Z, CTRL)  # one step undoes it all
    qtbot.waitUntil(lambda: _themes(board) == {})
    assert all(n.theme_id is None for n in board.model.select(Note))


def test_enter_in_the_title_accepts_and_a_mouse_reject_hides_for_good(
    board: BoardPage, qtbot: QtBot
) -> None:
    board.set_question(board.question.itemData(1))
    keys = _suggest(qtbot, board)
    assert len(keys) >= 2
    panel = board.suggestions
    rejected, accepted = keys[0], keys[1]
    _click(qtbot, panel.cards[rejected].reject)
    assert rejected not in panel.cards and rejected in panel.rejected
    card = panel.cards[accepted]
    _click(qtbot, card.title)
    qtbot.keyClick(card.title, K.Key_Return)
    qtbot.waitUntil(lambda: len(_themes(board)) == 1)
    assert list(_themes(board).values()) == [set(accepted)]
    qtbot.waitUntil(lambda: not panel.background.busy("themes"))
    assert rejected not in panel.cards  # not proposed again after the recompute


def test_a_note_in_a_theme_is_never_proposed(board: BoardPage, qtbot: QtBot) -> None:
    proposed = _suggest(qtbot, board)[0]
    tree = board.outline
    by_hand = sorted(proposed)[:-1]  # grouped by hand: all but one of a proposal's notes
    tree.setFocus()
    tree.select_notes(by_hand)
    qtbot.keyClick(tree, K.Key_G, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "By hand")
    qtbot.keyClick(QApplication.focusWidget(), K.Key_Return)
    panel = board.suggestions
    qtbot.waitUntil(lambda: "By hand" in _themes(board))
    qtbot.waitUntil(lambda: proposed not in panel.cards and not panel.background.busy("themes"))
    assert all(not (key & set(by_hand)) for key in panel.cards)
    # accepting a stale proposal never moves a note already sorted
    question = board.question_id()
    assert question is not None
    assert accept_suggestion(board.model, question, sorted(proposed), "Steal") is not None
    assert _themes(board)["By hand"] == set(by_hand)
    assert _themes(board)["Steal"] == set(proposed) - set(by_hand)


def test_similar_notes_bold_the_shared_words_and_show_markup_as_typed(
    board: BoardPage, qtbot: QtBot
) -> None:
    board.set_question(board.question.itemData(1))
    panel = board.suggestions
    panel.setCurrentWidget(panel.similar)
    tree = board.outline
    tree.setFocus()
    marked = next(n for n in board.model.select(Note) if n.text == MARKUP)
    qtbot.keyClick(tree, K.Key_Home)
    for _ in range(60):
        if tree.currentIndex().data(RecordIdRole) == marked.id:
            break
        qtbot.keyClick(tree, K.Key_Down)
    qtbot.waitUntil(lambda: bool(panel.similar.column.findChildren(SimilarRow)))
    rows = panel.similar.column.findChildren(SimilarRow)
    top = rows[0]
    assert "staff" in top.words
    assert "<b>staff</b>" in top.text.text().lower()
    assert MARKUP in panel.similar.status.text()  # plain text, as typed
    # the note with markup, seen from the note like it: escaped, our bold only
    target = top.note_id
    _click(qtbot, top)  # reveals it in the outline, which takes the focus
    assert tree.currentIndex().data(RecordIdRole) == target
    assert QApplication.focusWidget() is tree
    qtbot.waitUntil(
        lambda: any(r.note_id == marked.id for r in panel.similar.column.findChildren(SimilarRow))
    )
    row = next(r for r in panel.similar.column.findChildren(SimilarRow) if r.note_id == marked.id)
    html = row.text.text()
    assert "&lt;b&gt;<b>involve</b>&lt;/b&gt; &amp; R&amp;D" in html  # its tags are text
    shown = QTextDocument()
    shown.setHtml(html)
    assert shown.toPlainText() == MARKUP  # what the label shows: the note as typed
    assert highlight_html("a<b> & B", ["b"]) == "a&lt;<b>b</b>&gt; &amp; <b>B</b>"
    # the keyboard reaches the rows and Enter reveals one
    rows = panel.similar.column.findChildren(SimilarRow)
    rows[0].setFocus()
    qtbot.keyClick(rows[0], K.Key_Return)
    assert tree.currentIndex().data(ItemKindRole) == NOTE
    assert tree.currentIndex().data(RecordIdRole) == rows[0].note_id


def test_duplicates_merge_keeping_both_tables_in_one_undo_step(
    board: BoardPage, qtbot: QtBot
) -> None:
    board.set_question(board.question.itemData(2))
    panel = board.suggestions
    panel.setCurrentWidget(panel.duplicates)
    assert panel.duplicates.button is not None
    _click(qtbot, panel.duplicates.button)
    qtbot.waitUntil(lambda: not panel.background.busy("duplicates"))
    cards = panel.duplicates.column.findChildren(DuplicateCard)
    assert len(cards) == 1
    original = next(n for n in board.model.select(Note) if n.text.startswith("Fix log-ins"))
    copy = next(n for n in board.model.select(Note) if n.text == DUPLICATE)
    assert set(cards[0].note_ids) == {original.id, copy.id}
    tables = {g.id: g.name for g in board.model.select(Group)}
    assert tables[original.group_id] == "Table 2" and tables[copy.group_id] == "Table 4"
    _tab_to(qtbot, cards[0].merge_button)
    qtbot.keyClick(cards[0].merge_button, K.Key_Space)
    qtbot.waitUntil(lambda: board.model.count(Note, question_id=board.question_id()) == 16)
    with Document.open(board.model.document.path, readonly=True) as saved:
        kept = saved.get(Note, original.id)
        gone = saved.get(Note, copy.id)
    assert kept.text == f"{original.text} (also said at Table 4)"
    assert kept.group_id == original.group_id  # Table 2's note, saying Table 4's too
    assert kept.votes == original.votes + copy.votes
    assert gone.deleted  # in the trash, restorable
    qtbot.waitUntil(lambda: not panel.duplicates.column.findChildren(DuplicateCard))
    qtbot.keyClick(QApplication.focusWidget() or board, K.Key_Z, CTRL)
    qtbot.waitUntil(lambda: board.model.count(Note, question_id=board.question_id()) == 17)
    back = board.model.get(Note, original.id)
    assert (back.text, back.votes) == (original.text, original.votes)
    assert not board.model.get(Note, copy.id).deleted


def test_every_control_of_the_panel_has_a_name(board: BoardPage, qtbot: QtBot) -> None:
    _suggest(qtbot, board)
    panel = board.suggestions
    assert unnamed_widgets(panel) == []
    panel.setCurrentWidget(panel.duplicates)
    assert panel.duplicates.button is not None
    board.set_question(board.question.itemData(2))
    _click(qtbot, panel.duplicates.button)
    qtbot.waitUntil(lambda: bool(panel.duplicates.column.findChildren(DuplicateCard)))
    assert unnamed_widgets(panel) == []
