"""The sticky cards: a colour-blind-safe palette with text contrast of at least 4.5:1, the kind
as a word, cards that grow instead of cutting text, a list model checked by qtmodeltester that
updates one row per changed note (an insert for a new note, never a reset)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from tests.ui.common.capture_helpers import capture_page, type_note
from workshop_app.domain.records import NOTE_KINDS, Note
from workshop_app.ui.capture.note_cache import NoteCache
from workshop_app.ui.capture.notes_model import ROLE_NAMES, NoteListModel
from workshop_app.ui.common.sticky import INK, KIND_STYLES, contrast, describe, kind_style
from workshop_app.ui.shell.main_window import MainWindow

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_palette_contrast_and_words() -> None:
    assert contrast("#000000", "#FFFFFF") == 21.0
    assert round(contrast("#767676", "#FFFFFF"), 2) == 4.54  # the WCAG reference grey
    for kind in NOTE_KINDS:
        style = kind_style(kind)
        assert style.accent in OKABE_ITO
        assert contrast(INK, style.tint) >= 4.5, kind  # the note's text
        assert contrast(style.ink, style.tint) >= 4.5, kind  # the kind's word
        assert style.word.lower() == kind  # the kind is also a word, never colour alone
    tints = [s.tint for s in KIND_STYLES.values()]
    assert len(set(tints)) == len(tints)


def test_the_screen_reader_hears_kind_star_text_who_and_saved() -> None:
    note = Note(text="Basics first", kind="quote", starred=True, attribution="Wendy", role="cio")
    text = describe(note, "Table 2")
    assert text.startswith("Quote, starred: Basics first. — Wendy (cio). Table 2 · ✓ Saved")


def test_the_notes_model_passes_qtmodeltester(demo_window: MainWindow, qtmodeltester) -> None:
    page = capture_page(demo_window)
    cache = NoteCache(page.model)  # owned here: outlives the window for the tester's teardown
    model = NoteListModel(cache, page.model, place=page.place)
    question, table = page.question_id, page.table_id
    model.set_filter(lambda n: n.question_id == question and n.group_id == table)
    model.set_newest_first(True)
    qtmodeltester.check(model, force_py=True)
    note = page.model.push_add(Note(question_id=question, group_id=table, text="watched"))
    page.model.push_update(Note, note.id, starred=True)
    page.model.push_delete([(Note, note.id)])
    page.model.undo_stack.undo()
    assert model.note(0).id == note.id
    names = {bytes(v).decode() for v in model.roleNames().values()}
    assert names == {name.decode() for name in ROLE_NAMES.values()}
    assert {"note", "kind", "starred", "accessibleText"} <= names


def test_a_new_note_is_one_inserted_row_and_one_read(
    demo_window: MainWindow, qtbot, monkeypatch
) -> None:
    page = capture_page(demo_window)
    events: list[str] = []
    page.mine.modelReset.connect(lambda: events.append("reset"))
    page.mine.rowsInserted.connect(lambda *_: events.append("insert"))
    page.mine.dataChanged.connect(lambda *_: events.append("changed"))
    page.others.modelReset.connect(lambda: events.append("others reset"))
    reads: list[str] = []
    document = page.model.document
    original = document.select
    monkeypatch.setattr(
        document, "select", lambda *a, **k: reads.append("select") or original(*a, **k)
    )
    type_note(qtbot, page, "one row")
    assert events == ["insert"]
    assert reads == []  # no list of notes (or anything else) re-read for one note
    page.cards.setFocus()
    page.cards.select_row(page.mine.row_of(page.mine.notes()[0].id))
    qtbot.keyClick(page.cards, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert events == ["insert", "changed"]
    assert reads == []


def test_cards_grow_to_fit_and_long_words_wrap(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    type_note(qtbot, page, "short")
    type_note(qtbot, page, " ".join(["a longer note that needs several lines"] * 6))
    type_note(qtbot, page, "x" * 300)  # one unbreakable word
    option = QStyleOptionViewItem()
    page.cards.initViewItemOption(option)
    delegate = page.cards.card_delegate
    heights = {}
    for row in range(page.mine.rowCount()):
        index = page.mine.index(row)
        hint = delegate.sizeHint(option, index)
        assert hint.width() == delegate.card_width
        heights[index.data(Qt.ItemDataRole.DisplayRole)[:5]] = hint.height()
    assert heights["a lon"] > heights["short"] * 1.5
    assert heights["xxxxx"] > heights["short"] * 1.5  # wrapped anywhere, not cut off
    wider = delegate.card_width
    delegate.set_card_width(wider * 2)
    index = page.mine.index(page.mine.row_of(page.mine.notes()[0].id))
    assert delegate.sizeHint(option, QModelIndex(index)).width() == wider * 2


def test_editing_a_card_relayouts_it(demo_window: MainWindow, qtbot) -> None:
    page = capture_page(demo_window)
    type_note(qtbot, page, "short")
    note = page.model.select(Note)[-1]
    qtbot.wait(20)
    row = page.mine.row_of(note.id)
    before = page.cards.visualRect(page.mine.index(row)).height()
    page.mine.setData(page.mine.index(row), "long " * 80)
    qtbot.wait(20)
    after = page.cards.visualRect(page.mine.index(page.mine.row_of(note.id))).height()
    assert after > before * 2
