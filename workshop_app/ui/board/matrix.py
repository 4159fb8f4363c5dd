"""MatrixPanel: a question × table grid of note counts, on the Board's side.

Each cell counts the notes a table gave a question; its tooltip (and accessible text) names the
themes they are in. An empty cell stands out without colour: it reads "— none yet", in bold
italics, over a hatched background. A click on a cell, or Enter, filters the board to that
question and that table (``BoardPage.set_table_filter``; Esc in the view shows all again).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from workshop_app.domain.records import (
    AWAY_FROM_TABLES,
    UNNAMED_TABLE,
    Group,
    Note,
    Question,
    Record,
    Theme,
)
from workshop_app.i18n import N_
from workshop_app.ui.board.outline_model import UNSORTED_TITLE
from workshop_app.ui.common.i18n import tr, trn
from workshop_app.ui.common.text import plain_tip
from workshop_app.ui.document_model import DocumentModel

if TYPE_CHECKING:
    from workshop_app.ui.board.page import BoardPage

Index = QModelIndex | QPersistentModelIndex
EMPTY = N_("— none yet")
NO_TABLE = AWAY_FROM_TABLES
CountRole = Qt.ItemDataRole.UserRole + 1  # int
QuestionIdRole = Qt.ItemDataRole.UserRole + 2  # str
TableIdRole = Qt.ItemDataRole.UserRole + 3  # str ("" for notes with no table)
EmptyRole = Qt.ItemDataRole.UserRole + 4  # bool: a table that gave this question no note


def two_lines(name: str, longer_than: int = 12) -> str:
    """A long column title ("Away from the tables") broken at the space nearest its middle, so
    the grid stays narrow enough to show every table at 1280 pixels."""
    name = " ".join(name.split())
    if len(name) <= longer_than or " " not in name:
        return name
    spaces = [i for i, c in enumerate(name) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1 :]


class MatrixModel(QAbstractTableModel):
    """Rows: the event's questions; columns: its tables (and "Away from the tables" when a
    question's notes have none). Rebuilt when a note, theme, question or table changes."""

    def __init__(self, model: DocumentModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document_model = model
        self.questions: list[Question] = []
        self.tables: list[tuple[str, str]] = []  # (id, name)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.themes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        model.changed.connect(self._on_model_changed)
        self.rebuild()

    def rebuild(self) -> None:
        self.beginResetModel()
        model = self.document_model
        self.questions, self.tables = [], []
        self.counts, self.themes = Counter(), defaultdict(Counter)
        if not model.document.closed:
            self.questions = model.select(Question)
            asked = {q.id for q in self.questions}
            unnamed, untitled, unsorted = (
                tr(UNNAMED_TABLE),
                tr("Untitled theme"),
                tr(UNSORTED_TITLE),
            )
            self.tables = [(g.id, g.name.strip() or unnamed) for g in model.select(Group)]
            titles = {t.id: t.title.strip() or untitled for t in model.select(Theme)}
            for note in model.select(Note):
                if note.question_id not in asked:
                    continue
                cell = (note.question_id, note.group_id or "")
                self.counts[cell] += 1
                self.themes[cell][titles.get(note.theme_id or "", unsorted)] += 1
            if any(table == "" for _q, table in self.counts):
                self.tables.append(("", tr(NO_TABLE)))
        self.endResetModel()

    def cell(self, index: Index) -> tuple[str, str]:
        return self.questions[index.row()].id, self.tables[index.column()][0]

    def describe(self, index: Index) -> str:
        """One line for the tooltip and a screen reader: where, how many, which themes."""
        question, table = self.cell(index)
        count = self.counts[question, table]
        number, name = index.row() + 1, self.tables[index.column()][1]
        if not count:
            return tr("Q{number} × {table}: no notes yet").format(number=number, table=name)
        themes = "; ".join(f"{t} ({n})" for t, n in self.themes[question, table].most_common())
        return tr("Q{number} × {table}: {notes}. Themes: {themes}").format(
            number=number, table=name, notes=trn("%n note", "%n notes", count), themes=themes
        )

    # -- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.questions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tables)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        question, table = self.cell(index)
        count = self.counts[question, table]
        if role == CountRole:
            return count
        if role == EmptyRole:
            return not count and table != ""
        if not count and table == "":  # Away from the tables is not a table that owes an answer
            return "0" if role == Qt.ItemDataRole.DisplayRole else self._common(index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else tr(EMPTY)
        if role == Qt.ItemDataRole.FontRole and not count:
            font = QFont()
            font.setBold(True)
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and not count:
            return QBrush(QPalette().color(QPalette.ColorRole.Mid), Qt.BrushStyle.BDiagPattern)
        return self._common(index, role)

    def _common(self, index: Index, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self.describe(index))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.describe(index)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == QuestionIdRole:
            return self.cell(index)[0]
        if role == TableIdRole:
            return self.cell(index)[1]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.tables):
            if role == Qt.ItemDataRole.DisplayRole:
                return two_lines(self.tables[section][1])
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return plain_tip(self.tables[section][1])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.questions):
            text = self.questions[section].text.strip() or tr("Untitled question")
            if role == Qt.ItemDataRole.DisplayRole:
                return tr("Q{number}").format(number=section + 1)
            full = tr("Q{number}. {question}").format(number=section + 1, question=text)
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tip(full)
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return full
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _on_model_changed(self, kind: type[Record], record_id: str) -> None:
        if kind in (Note, Theme, Question, Group):
            self.rebuild()


class MatrixView(QTableView):
    """The grid; Enter on a cell does what a click does (``activated_cell``)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.clicked.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class MatrixPanel(QWidget):
    """The matrix of ``page``'s event; a cell filters the page to its question and table."""

    def __init__(self, page: BoardPage) -> None:
        super().__init__(page)
        self.page = page
        self.setObjectName("board_matrix")
        self.setAccessibleName(tr("Matrix"))
        self.matrix = MatrixModel(page.model, self)
        self.view = MatrixView(self)
        self.view.setModel(self.matrix)
        self.view.setAccessibleName(tr("Notes per question and table"))
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setTabKeyNavigation(False)
        self.view.setCornerButtonEnabled(False)
        how = QLabel(
            tr(
                "Notes each table gave each question; “{empty}” marks a table that has not "
                "answered. Click a cell, or Enter, to show only those notes (Esc in the outline "
                "shows all)."
            ).format(empty=tr(EMPTY)),
            self,
        )
        how.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(how)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._on_view_clicked)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        question, table = self.matrix.cell(index)
        self.page.set_question(question)
        self.page.set_table_filter(table, self.matrix.tables[index.column()][1])
        self.page.current_view().key_widget().setFocus()
