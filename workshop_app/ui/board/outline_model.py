"""OutlineModel: one question of the Board as a tree, question → themes (and "Not yet sorted")
→ notes, with columns Note, Table, Kind, Votes, Star.

Every row carries named roles (``ROLE_NAMES``) and an accessible sentence
(``Qt.AccessibleTextRole`` on the first column) that a screen reader reads as one line:
"Note, idea, from Table 2, 3 votes, starred: Wider pavements". The star is written in words and
a symbol, never colour alone. A theme's votes are its total (own + its notes', see
``actions.theme_total``), with its own dot votes in brackets.

The tree is rebuilt from ``DocumentModel`` when a note, theme, question or table changes (a
reset: the view keeps its focus and expansion by record id, see ``OutlineView``).
"""

from __future__ import annotations

from typing import Any, overload

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from workshop_app.domain.records import (
    AWAY_FROM_TABLES,
    PHONE_SOURCE_LABEL,
    UNNAMED_TABLE,
    Group,
    Note,
    NoteKind,
    Question,
    Record,
    Theme,
    note_place,
)
from workshop_app.i18n import N_
from workshop_app.report.labels import KIND_LABELS
from workshop_app.ui.board import actions
from workshop_app.ui.board.words import tr, trn
from workshop_app.ui.common.text import plain_tip
from workshop_app.ui.document_model import DocumentModel

Index = QModelIndex | QPersistentModelIndex
QUESTION, THEME, UNSORTED, NOTE = "question", "theme", "unsorted", "note"
UNSORTED_TITLE = N_("Not yet sorted")
# Translators: the outline's columns; "Table" is the table a note came from (furniture).
COLUMNS = (N_("Note"), N_("Table"), N_("Kind"), N_("Votes"), N_("Star"))
STAR = N_("★ starred")

ItemKindRole = Qt.ItemDataRole.UserRole + 1  # "question", "theme", "unsorted" or "note"
RecordIdRole = Qt.ItemDataRole.UserRole + 2  # the record's id ("" for "Not yet sorted")
VotesRole = Qt.ItemDataRole.UserRole + 3  # int: a note's votes, a theme's total
StarredRole = Qt.ItemDataRole.UserRole + 4  # bool (notes)
TableRole = Qt.ItemDataRole.UserRole + 5  # the note's table name
NoteKindRole = Qt.ItemDataRole.UserRole + 6  # "idea", "quote", ...
ROLE_NAMES = {
    ItemKindRole: b"itemKind",
    RecordIdRole: b"recordId",
    VotesRole: b"votes",
    StarredRole: b"starred",
    TableRole: b"table",
    NoteKindRole: b"noteKind",
}


class Node:
    """One row: ``kind`` (QUESTION, THEME, UNSORTED, NOTE), the record it shows (None for
    "Not yet sorted"), its parent and children."""

    __slots__ = ("kind", "record", "parent", "children", "row", "cells", "spoken", "votes")

    def __init__(self, kind: str, record: Record | None, parent: Node | None) -> None:
        self.kind, self.record, self.parent = kind, record, parent
        self.children: list[Node] = []
        self.row = len(parent.children) if parent is not None else 0
        if parent is not None:
            parent.children.append(self)
        self.cells: tuple[str, ...] = ("",) * len(COLUMNS)
        self.spoken = ""
        self.votes = 0

    @property
    def record_id(self) -> str:
        return self.record.id if self.record is not None else ""


class OutlineModel(QAbstractItemModel):
    """The outline of the question set with ``set_question``. Theme titles are editable
    (``setData`` renames through ``actions.rename_theme``: one undo step)."""

    def __init__(self, model: DocumentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document_model = model
        self.question_id: str | None = None
        #: Only this table's notes (None: every note; "": the notes with no table).
        self.table_id: str | None = None
        self._root = Node(QUESTION, None, None)
        self._retired: list[Node] = []  # replaced trees, kept until the event loop runs (rebuild)
        model.changed.connect(self._on_model_changed)

    # -- filling --------------------------------------------------------------------------

    def set_question(self, question_id: str | None) -> None:
        self.question_id = question_id
        self.rebuild()

    def set_table(self, table_id: str | None) -> None:
        self.table_id = table_id
        self.rebuild()

    def rebuild(self) -> None:
        """Build the tree anew. The replaced tree's nodes are kept until the event loop runs
        again: indexes point at nodes without owning them, and a rebuild can happen inside
        another's reset (the view restores its focus, the write-up panel commits its text, the
        model changes), while code up the stack still holds indexes into the old tree. Freeing
        it at once crashed Qt (a segfault in ``parent``)."""
        self.beginResetModel()
        if not self._retired:
            QTimer.singleShot(0, self._retired.clear)
        self._retired.append(self._root)
        self._root = self._build()
        self.endResetModel()

    def _build(self) -> Node:
        root = Node(QUESTION, None, None)
        model = self.document_model
        if self.question_id is None or model.document.closed:
            return root
        questions = model.select(Question)
        question = next((q for q in questions if q.id == self.question_id), None)
        if question is None:
            return root
        tables = {g.id: g.name or tr(UNNAMED_TABLE) for g in model.select(Group)}
        notes = every_note = model.select(Note, question_id=question.id)
        if self.table_id is not None:
            notes = [n for n in notes if (n.group_id or "") == self.table_id]
        themes = model.select(Theme, question_id=question.id)
        theme_ids = {t.id for t in themes}
        top = Node(QUESTION, question, root)
        number = questions.index(question) + 1
        text = question.text.strip() or tr("Untitled question")
        notes_n = trn("%n note", "%n notes", len(notes))
        cell = tr("Q{number}. {question} ({notes})")
        top.cells = (cell.format(number=number, question=text, notes=notes_n), "", "", "", "")
        top.spoken = tr("Question {number}, {themes}, {notes}: {question}").format(
            number=number,
            themes=trn("%n theme", "%n themes", len(themes)),
            notes=notes_n,
            question=text,
        )
        loose = Node(UNSORTED, None, top)
        # Each note's words, translated once for the whole tree (see words.py).
        place = (tr(AWAY_FROM_TABLES).lower(), tr(PHONE_SOURCE_LABEL))
        for note in notes:
            if note.theme_id not in theme_ids:
                self._note(note, loose, tables, place)
        count = trn("%n note", "%n notes", len(loose.children))
        unsorted = tr(UNSORTED_TITLE)
        loose.cells = (tr("{title} ({notes})").format(title=unsorted, notes=count), "", "", "", "")
        loose.spoken = tr("{title}, {notes}").format(title=unsorted, notes=count)
        for theme in themes:
            node = Node(THEME, theme, top)
            for note in notes:
                if note.theme_id == theme.id:
                    self._note(note, node, tables, place)
            total = actions.theme_total(theme, every_note)
            node.votes = total
            title = theme.title.strip() or tr("Untitled theme")
            own = theme.votes
            votes = tr("{total} ({own} own)").format(total=total, own=own) if own else str(total)
            count = trn("%n note", "%n notes", len(node.children))
            node.cells = (
                tr("{title} ({notes})").format(title=title, notes=count),
                "",
                "",
                votes,
                "",
            )
            said = trn("%n vote", "%n votes", total)
            if own:
                spoken = tr("Theme, {notes}, {votes} ({own} to the theme itself): {title}")
            else:
                spoken = tr("Theme, {notes}, {votes}: {title}")
            node.spoken = spoken.format(notes=count, votes=said, own=own, title=title)
        return root

    @staticmethod
    def _note(note: Note, parent: Node, tables: dict[str, str], place: tuple[str, str]) -> None:
        node = Node(NOTE, note, parent)
        node.votes = note.votes
        table = note_place(note, tables, *place)
        kind = tr(KIND_LABELS.get(note.kind, note.kind)).lower()
        text = " ".join(note.text.split())
        if note.kind == NoteKind.QUOTE and note.attribution:
            text += f" — {note.attribution}"
        star = tr(STAR) if note.starred else ""
        node.cells = (text, table, kind, str(note.votes), star)
        if note.starred:
            spoken = tr("Note, {kind}, from {table}, {votes}, starred: {text}")
        else:
            spoken = tr("Note, {kind}, from {table}, {votes}: {text}")
        votes = trn("%n vote", "%n votes", note.votes)
        node.spoken = spoken.format(kind=kind, table=table, votes=votes, text=text)

    # -- finding ----------------------------------------------------------------------------

    def index_of(self, kind: str, record_id: str) -> QModelIndex:
        """The index (first column) of the row showing record ``record_id`` of ``kind``
        (UNSORTED with "" for "Not yet sorted"); invalid if not shown."""
        stack = list(self._root.children)
        while stack:
            node = stack.pop()
            if node.kind == kind and node.record_id == record_id:
                return self.createIndex(node.row, 0, node)
            stack.extend(node.children)
        return QModelIndex()

    def node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        owner = self.node(parent) if parent.isValid() else self._root
        if owner is None or not (0 <= row < len(owner.children)):
            return QModelIndex()
        if not (0 <= column < len(COLUMNS)) or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    @overload
    def parent(self) -> QObject | None: ...

    @overload
    def parent(self, index: Index) -> QModelIndex: ...

    def parent(self, index: Index | None = None) -> QModelIndex | QObject | None:
        """The parent of ``index`` (QAbstractItemModel's); with no index, the model's own
        parent (QObject's), as on any model."""
        if index is None:
            return super().parent()
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        owner = self.node(parent) if parent.isValid() else self._root
        return len(owner.children) if owner is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.cells[column]
        if role == Qt.ItemDataRole.EditRole and node.kind == THEME and column == 0:
            assert isinstance(node.record, Theme)
            return node.record.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == 0:
                return node.spoken
            return tr("{column}: {value}").format(
                column=tr(COLUMNS[column]), value=node.cells[column]
            )
        if role == Qt.ItemDataRole.ToolTipRole and node.kind == NOTE:
            assert isinstance(node.record, Note)
            return plain_tip(node.record.text)
        if role == ItemKindRole:
            return node.kind
        if role == RecordIdRole:
            return node.record_id
        if role == VotesRole:
            return node.votes
        if role == StarredRole:
            return bool(getattr(node.record, "starred", False))
        if role == TableRole:
            return node.cells[1] if node.kind == NOTE else ""
        if role == NoteKindRole:
            return getattr(node.record, "kind", "") if node.kind == NOTE else ""
        if role == Qt.ItemDataRole.FontRole and node.kind in (QUESTION, THEME, UNSORTED):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        node = self.node(index)
        if node is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if node.kind == THEME and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or node.kind != THEME or role != Qt.ItemDataRole.EditRole:
            return False
        # After the editor has closed: the rename rebuilds the tree the editor sits on.
        theme_id, title = node.record_id, str(value)
        QTimer.singleShot(0, lambda: actions.rename_theme(self.document_model, theme_id, title))
        return True

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({role: QByteArray(name) for role, name in ROLE_NAMES.items()})
        return names

    # -- handlers ---------------------------------------------------------------------------

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if kind in (Note, Theme, Question, Group):
            self.rebuild()
