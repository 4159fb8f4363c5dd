"""The pseudo-locale checker (issue 17): under ``qps-ploc`` every word of ours is bracketed,
accented and 40% longer (workshop_app/i18n.py), so a window shown under it can be read for two
faults:

* **untranslated**: a visible text that still holds English once the pseudo segments
  (``[...]``, innermost first: they nest), the event's own data (``event_data``), key names,
  addresses, paths, dates, digits and punctuation are taken out (``leftover``);
* **clipped**: a label, button, check box, group box title, tab, combo box or header section
  whose text is wider (or, word-wrapped, taller) than the room the widget gives it at the
  window's size, or that its parent cuts off (``clipped``).

``visible_texts(window)`` gathers what a person (or a screen reader) meets on a shown window:
widget texts, titles, placeholders, tab texts, combo items, item views' headers and first rows,
menus (recursively), tool tips, status tips, accessible names and descriptions, the status bar's
message and the texts of a graphics scene. Each problem is a ``Problem``: the page, the
widget's class and objectName, what the text is, and the text itself.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QFontMetrics, QPicture, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionGroupBox,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from tests.ui.common.fakes import FakeDialogs
from workshop_app import i18n
from workshop_app.ui.app import APPLICATION

#: Rows of an item view read for untranslated text (a person sees the first screenful).
ROWS = 50
#: Pixels of slack before a text counts as clipped (rounding of font metrics).
SLACK = 1


@dataclass(frozen=True)
class Problem:
    page: str
    widget: str  # class name
    name: str  # objectName
    what: str  # "text", "tool tip", "tab 2", ...
    text: str
    detail: str = ""

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.page}: {self.widget} {self.name!r} {self.what}: {self.text!r}{extra}"


@dataclass(frozen=True)
class Seen:
    """One text a person meets, and where."""

    widget: str
    name: str
    what: str
    text: str


# -- the event's own words ----------------------------------------------------------------------

#: Record fields that hold keys, not words a person typed (shown through a translated label).
KEY_FIELDS = frozenset(
    {"id", "created_at", "updated_at", "device_id", "kind", "source", "date"}
    | {"start_time", "started_at", "ended_at", "question_id", "group_id", "theme_id"}
)


def event_data(document: object) -> set[str]:
    """Every text the open event holds (title, agenda, questions, tables, people, notes,
    themes...), each whole and line by line, and the file's own name: the user's data, which
    no catalogue translates."""
    from workshop_app.domain.records import (
        AgendaItem,
        Event,
        Group,
        Note,
        Question,
        Speaker,
        Theme,
    )

    found: set[str] = set()
    select = document.select  # type: ignore[attr-defined]
    for kind in (Event, Speaker, Question, Group, AgendaItem, Theme, Note):
        for record in select(kind):
            for item in fields(record):
                if item.name in KEY_FIELDS:
                    continue
                value = getattr(record, item.name)
                if isinstance(value, str) and value.strip():
                    found.add(value)
                    found.update(line for line in value.splitlines() if line.strip())
    path = Path(document.path)  # type: ignore[attr-defined]
    found.update({str(path), path.name, path.stem, str(path.parent)})
    return found


# -- untranslated -------------------------------------------------------------------------------

_INNERMOST = re.compile(r"\[[^\[\]]*\]")
_SPACES = re.compile(r"\s+")
_URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
_PATH = re.compile(r"(?:~|\.{0,2})?/[^\s“”\"'()]+|\S+\.(?:workshop|json|pdf|html|docx|md|csv)\b")
_MODIFIER = r"(?:Ctrl|Shift|Alt|Meta|Cmd)"
#: Keys as people read them ("Ctrl+Shift+N", "F4", "Esc", "PgDn"): QKeySequence's words, which
#: stay as the keyboard prints them.
_KEYS = re.compile(
    rf"(?<![\w+])(?:(?:{_MODIFIER}\+)+[^\s,;)]+|F\d{{1,2}}|Esc|PgUp|PgDn|PgDown|Del|Ins"
    rf"|Backspace|Space|Enter|Return|Delete|Insert|Home|End|Tab|Up|Down|Left|Right|{_MODIFIER})"
    rf"(?![\w+])"
)
#: Dates and times are the locale's (the pseudo-locale formats as English does).
_CLOCK = re.compile(
    r"\b(?:AM|PM|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)\b"
)
_WORD = re.compile(r"[A-Za-z]{2,}")
#: Words no catalogue translates, on purpose: each language's own name in the language menu,
#: and the app's own name (a proper noun, as "Word" is in every language).
NAMES = frozenset({*i18n.LANGUAGES.values(), i18n.describe(i18n.PSEUDO), APPLICATION})
_NAME_WORDS = re.compile(rf"(?<!\w)(?:{APPLICATION})(?!\w)")


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class Words:
    """The data (``event_data``) a text may hold without being translated."""

    def __init__(self, data: Iterable[str] = ()) -> None:
        self.data = sorted({_normal(d) for d in data if _normal(d)}, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(rf"(?<!\w){re.escape(d)}(?!\w)" for d in self.data))
            if self.data
            else None
        )

    def _unelide(self, text: str) -> str:
        """Drop the head of data cut short with "…" (a card's preview, an elided combo)."""
        pieces = text.split("…")
        for index, piece in enumerate(pieces[:-1]):
            words = piece.split(" ")
            for start in range(len(words)):
                tail = " ".join(words[start:]).strip()
                if len(tail) >= 2 and any(tail in d for d in self.data):
                    pieces[index] = " ".join(words[:start])
                    break
        return " ".join(pieces)

    def leftover(self, text: str) -> str:
        """The English left in ``text`` once translated words and data are taken out; ""
        when none is left."""
        rest = _normal(text)
        if not rest or rest in NAMES or any(rest in d for d in self.data):
            return ""  # nothing, a language's name, or data (a line of it, as wrapped)
        if self._pattern is not None:
            rest = self._pattern.sub(" ", rest)
        rest = self._unelide(rest)
        while True:
            stripped = _INNERMOST.sub(" ", rest)
            if stripped == rest:
                break
            rest = stripped
        for pattern in (_URL, _PATH, _KEYS, _CLOCK, _NAME_WORDS):
            rest = pattern.sub(" ", rest)
        left = _WORD.findall(rest)
        return " ".join(left)


def plain(text: str) -> str:
    """``text`` as a person reads it: rich text's tags and entities gone."""
    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def no_mnemonic(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def label_text(label: QLabel) -> str:
    """A label's text as drawn: rich text as plain, the mnemonic's "&" gone (with a buddy)."""
    text = label.text()
    if label.textFormat() != Qt.TextFormat.PlainText:
        text = plain(text)
    return no_mnemonic(text) if label.buddy() is not None else text


def _shown(widget: QWidget) -> bool:
    return widget.isVisible()  # Qt's own parts too: a tab widget's tab bar is "qt_tabwidget_tabbar"


def _seen(widget: QWidget, what: str, text: str | None) -> Iterator[Seen]:
    if text and text.strip():
        yield Seen(type(widget).__name__, widget.objectName(), what, text)


def _ours(cls: type) -> bool:
    return cls.__module__.startswith("workshop_app")


def _painter_of(widget: QWidget) -> QWidget | None:
    """The widget to record ``widget``'s own painting from, if it paints words of its own: a
    class of ours with a paintEvent, an item view drawn by our delegate, a graphics view."""
    if isinstance(widget, QGraphicsView) or (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QHeaderView)
        and _ours(type(widget.itemDelegate()))
    ):
        return widget.viewport()
    if any(_ours(cls) and "paintEvent" in vars(cls) for cls in type(widget).__mro__):
        return widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    return None


def painted_texts(widget: QWidget) -> list[str]:
    """The words ``widget`` paints itself (QPainter.drawText), without its child widgets':
    its painting is recorded in a QPicture, whose stream keeps each drawn string as a
    QString (a 32-bit byte count, then UTF-16)."""
    picture = QPicture()
    widget.render(picture, renderFlags=QWidget.RenderFlag.DrawWindowBackground)
    data = bytes(picture.data())
    families = set(QFontDatabase.families())
    found: list[str] = []
    for at in range(len(data) - 4):
        size = struct.unpack_from(">I", data, at)[0]
        if size % 2 or not 2 <= size <= 8000 or at + 4 + size > len(data):
            continue
        try:
            text = data[at + 4 : at + 4 + size].decode("utf-16-be")
        except UnicodeDecodeError:
            continue
        if text.isprintable() and any(c.isalpha() for c in text) and text not in families:
            found.append(text)
    return list(dict.fromkeys(found))


def _menu_texts(owner: QWidget, actions: Iterable[QAction], path: str) -> Iterator[Seen]:
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        text = no_mnemonic(action.text())
        where = f"{path} ▸ {text}" if path else text
        yield Seen("QAction", action.objectName(), f"menu {path or 'bar'}", text)
        if action.toolTip() != text.replace("…", "") and action.toolTip() != text:
            yield from _seen(owner, f"tool tip of {where}", action.toolTip())
        yield from _seen(owner, f"status tip of {where}", action.statusTip())
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()  # menus filled as they open (recent events)
            yield from _menu_texts(menu, menu.actions(), where)


def _view_texts(view: QAbstractItemView) -> Iterator[Seen]:
    model = view.model()
    if model is None:
        return

    def columns(parent: QModelIndex) -> int:
        try:
            return model.columnCount(parent)
        except TypeError:  # a list model (QListWidget's) has one column, privately
            return 1

    headers = []
    if isinstance(view, QTreeView) and not view.isHeaderHidden():
        headers.append(Qt.Orientation.Horizontal)
    for header_name in ("horizontalHeader", "verticalHeader"):
        header = getattr(view, header_name, None)
        if header is not None and header().isVisible():
            headers.append(
                Qt.Orientation.Horizontal
                if header_name == "horizontalHeader"
                else Qt.Orientation.Vertical
            )
    for orientation in headers:
        count = columns(QModelIndex()) if orientation == Qt.Orientation.Horizontal else 0
        for section in range(count):
            value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            yield from _seen(view, f"header {section}", value if isinstance(value, str) else "")
    budget = [ROWS]

    def rows(parent: QModelIndex) -> Iterator[Seen]:
        for row in range(model.rowCount(parent)):
            if budget[0] <= 0:
                return
            budget[0] -= 1
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role, what in (
                    (Qt.ItemDataRole.DisplayRole, "row"),
                    (Qt.ItemDataRole.ToolTipRole, "row tool tip"),
                    (Qt.ItemDataRole.AccessibleTextRole, "row accessible text"),
                ):
                    value = model.data(index, role)
                    if what != "row" and value == model.data(index):
                        continue  # said once is enough
                    if isinstance(value, str):
                        yield from _seen(view, f"{what} {row},{column}", value)
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(first):
                yield from rows(first)

    yield from rows(QModelIndex())


def visible_texts(window: QWidget) -> list[Seen]:
    """Every text a person meets on ``window`` (shown) and the widgets under it."""
    seen: list[Seen] = []
    seen.extend(_seen(window, "window title", window.windowTitle()))
    if isinstance(window, QMainWindow):
        seen.extend(_menu_texts(window.menuBar(), window.menuBar().actions(), ""))
        seen.extend(
            _seen(window.statusBar(), "status message", window.statusBar().currentMessage())
        )
        for bar in window.findChildren(QToolBar):
            if bar.isVisible():
                seen.extend(_menu_texts(bar, bar.actions(), f"tool bar {bar.windowTitle()}"))
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        seen.extend(_widget_texts(widget))
    return seen


def _widget_texts(widget: QWidget) -> Iterator[Seen]:
    if widget.property("untranslated"):  # kept in English on purpose; the property says why
        return
    yield from _seen(widget, "tool tip", widget.toolTip())
    yield from _seen(widget, "status tip", widget.statusTip())
    yield from _seen(widget, "what's this", widget.whatsThis())
    yield from _seen(widget, "accessible name", widget.accessibleName())
    yield from _seen(widget, "accessible description", widget.accessibleDescription())
    if isinstance(widget, QLabel):
        yield from _seen(widget, "text", label_text(widget))
    elif isinstance(widget, QAbstractButton):
        yield from _seen(widget, "text", no_mnemonic(widget.text()))
    elif isinstance(widget, QGroupBox):
        yield from _seen(widget, "title", no_mnemonic(widget.title()))
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield from _seen(widget, f"tab {index}", no_mnemonic(widget.tabText(index)))
            yield from _seen(widget, f"tab {index} tool tip", widget.tabToolTip(index))
    elif isinstance(widget, QLineEdit):
        yield from _seen(widget, "placeholder", widget.placeholderText())
        yield from _seen(widget, "text", widget.text())
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield from _seen(widget, "placeholder", widget.placeholderText())
        yield from _seen(widget, "text", widget.toPlainText()[:2000])
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield from _seen(widget, f"item {index}", widget.itemText(index))
    elif isinstance(widget, QAbstractSpinBox):
        for what in ("prefix", "suffix", "specialValueText"):
            getter = getattr(widget, what, None)
            if getter is not None:
                yield from _seen(widget, what, getter())
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _view_texts(widget)
    painter = _painter_of(widget)
    if painter is not None:
        for text in painted_texts(painter):
            yield from _seen(widget, "painted text", text)
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if not item.isVisible():
                continue
            if isinstance(item, QGraphicsTextItem):
                yield from _seen(widget, "scene text", item.toPlainText())
            elif isinstance(item, QGraphicsSimpleTextItem):
                yield from _seen(widget, "scene text", item.text())
            yield from _seen(widget, "scene tool tip", item.toolTip())


def untranslated(page: str, window: QWidget, words: Words) -> list[Problem]:
    """Visible texts on ``window`` with English left in them (see ``Words.leftover``)."""
    problems: dict[tuple[str, str, str, str], Problem] = {}
    for seen in visible_texts(window):
        left = words.leftover(seen.text)
        if left:
            key = (seen.widget, seen.name, seen.what, seen.text)
            problems.setdefault(
                key, Problem(page, seen.widget, seen.name, seen.what, seen.text, f"left: {left}")
            )
    return list(problems.values())


def untranslated_texts(page: str, texts: Iterable[str], words: Words) -> list[Problem]:
    """``texts`` asked or told through the dialogs service, with English left in them."""
    return [
        Problem(page, "Dialogs", "", "text", text, f"left: {words.leftover(text)}")
        for text in texts
        if words.leftover(text)
    ]


# -- clipped ------------------------------------------------------------------------------------


def _advance(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _clip(widget: QWidget, page: str, what: str, text: str, detail: str) -> Problem:
    return Problem(page, type(widget).__name__, widget.objectName(), what, text, detail)


def _cut_by_parent(widget: QWidget) -> str:
    """How an ancestor cuts ``widget`` off ("" if it does not): a widget pushed outside its
    parent is clipped however wide its own rectangle. Scrolled content is not cut."""
    rect = widget.rect()
    current = widget
    while not current.isWindow():
        parent = current.parentWidget()
        if parent is None:
            break
        rect = rect.translated(current.pos())
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and (
            parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return ""
        if not parent.rect().contains(rect):
            shown = parent.rect().intersected(rect)
            return (
                f"{type(parent).__name__} {parent.objectName()!r} shows "
                f"{shown.width()}x{shown.height()} of {rect.width()}x{rect.height()}"
            )
        current = parent
    return ""


def _label_problem(label: QLabel, page: str) -> Problem | None:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return None
    shown = label_text(label)
    room = label.contentsRect()
    margin = label.margin() * 2 + max(label.indent(), 0)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            return _clip(label, page, "text", shown, f"needs {needed}px high, has {label.height()}")
        return None
    if "…" in shown and label.toolTip().strip():
        return None  # elided on purpose, the whole text in its tool tip
    metrics = label.fontMetrics()
    if label.textFormat() != Qt.TextFormat.PlainText and GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        width = int(document.idealWidth())
        height = int(document.size().height())
    else:
        width = _advance(metrics, shown)
        height = metrics.height() * (shown.count("\n") + 1)
    if width > room.width() - margin + SLACK:
        return _clip(label, page, "text", shown, f"needs {width}px wide, has {room.width()}")
    if height > room.height() + SLACK + 2:
        return _clip(label, page, "text", shown, f"needs {height}px high, has {room.height()}")
    return None


def _button_problem(button: QAbstractButton, page: str) -> Problem | None:
    text = no_mnemonic(button.text())
    if not text.strip():
        return None
    style = button.style()
    icon = button.iconSize().width() + 4 if not button.icon().isNull() else 0
    width = _advance(button.fontMetrics(), text)
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly and icon:
            return None
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextOnly:
            icon = 0
        room = button.contentsRect().width() - 6
        if button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup or (
            button.menu() is not None
        ):
            room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    elif isinstance(button, (QCheckBox, QRadioButton)):
        option = QStyleOptionButton()
        button.initStyleOption(option)  # type: ignore[attr-defined]
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(button, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        room = style.subElementRect(element, option, button).width()
    elif isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
        if button.menu() is not None:
            room -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    else:
        room = button.contentsRect().width()
    needed = width + icon
    if needed > room + SLACK:
        return _clip(button, page, "text", text, f"needs {needed}px wide, has {room}")
    return None


def _group_problem(box: QGroupBox, page: str) -> Problem | None:
    title = no_mnemonic(box.title())
    if not title.strip():
        return None
    option = QStyleOptionGroupBox()
    box.initStyleOption(option)  # type: ignore[attr-defined]
    font = QFont(box.font())
    font.setBold(True)  # some styles draw the title bold: measure the wider
    width = QFontMetrics(font).horizontalAdvance(title)
    label = box.style().subControlRect(
        QStyle.ComplexControl.CC_GroupBox, option, QStyle.SubControl.SC_GroupBoxLabel, box
    )
    indicator = (
        box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box) + 6
        if box.isCheckable()
        else 0
    )
    room = box.width() - max(label.left(), 0) - indicator
    if width > room + SLACK:
        return _clip(box, page, "title", title, f"needs {width}px wide, has {room}")
    return None


def _tab_problems(bar: QTabBar, page: str) -> Iterator[Problem]:
    space = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar)
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = no_mnemonic(bar.tabText(index))
        rect = bar.tabRect(index)
        icon = bar.iconSize().width() + 4 if not bar.tabIcon(index).isNull() else 0
        close = 0
        for side in (QTabBar.ButtonPosition.LeftSide, QTabBar.ButtonPosition.RightSide):
            button = bar.tabButton(index, side)
            if button is not None and button.isVisible():
                close += button.width()
        needed = _advance(bar.fontMetrics(), text) + icon + close + space // 2
        if needed > rect.width() + SLACK:
            yield _clip(bar, page, f"tab {index}", text, f"needs {needed}px, has {rect.width()}")
        elif not bar.rect().contains(rect):
            yield _clip(
                bar, page, f"tab {index}", text, "outside the tab bar (behind its scroll arrows)"
            )


def _combo_problem(combo: QComboBox, page: str, words: Words) -> Problem | None:
    text = combo.currentText()
    if (
        not text.strip()
        or combo.isEditable()
        or words.leftover(text) != words.leftover(_INNERMOST.sub(" ", text))
    ):
        return None
    if any(d in text for d in words.data):
        return None  # the user's words, elided by the combo box itself
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)  # type: ignore[attr-defined]
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    needed = _advance(combo.fontMetrics(), text) + icon
    if needed > room.width() + SLACK:
        return _clip(combo, page, "current text", text, f"needs {needed}px, has {room.width()}")
    return None


def _header_problems(header: QHeaderView, page: str) -> Iterator[Problem]:
    model = header.model()
    if model is None:
        return
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    count = header.count() if header.orientation() == Qt.Orientation.Horizontal else 0
    for section in range(count):
        if header.isSectionHidden(section):
            continue
        value = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not isinstance(value, str) or not value.strip():
            continue
        needed = _advance(header.fontMetrics(), value) + 2 * margin
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            needed += header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize)
        size = header.sectionSize(section)
        visible = header.viewport().width() - header.sectionViewportPosition(section)
        if needed > size + SLACK:
            yield _clip(header, page, f"header {section}", value, f"needs {needed}px, has {size}")
        elif visible < needed and header.sectionViewportPosition(section) < header.width():
            yield _clip(header, page, f"header {section}", value, "cut off at the view's edge")


def _line_problem(edit: QLineEdit, page: str) -> Problem | None:
    """A placeholder a person reads (the box empty), or a spin box's words ("Not counted")."""
    if edit.text():
        if not isinstance(edit.parentWidget(), QAbstractSpinBox) or not _WORD.search(edit.text()):
            return None
        what, text = "text", edit.text()
    elif edit.placeholderText().strip():
        what, text = "placeholder", edit.placeholderText()
    else:
        return None
    room = edit.contentsRect().width() - 8  # the frame and the text's side margins
    needed = _advance(edit.fontMetrics(), text)
    if needed > room + SLACK:
        return _clip(edit, page, what, text, f"needs {needed}px wide, has {room}")
    return None


def clipped(page: str, window: QWidget, words: Words | None = None) -> list[Problem]:
    """Texts on ``window`` (at its present size) that do not fit the room they are given."""
    words = words or Words()
    problems: list[Problem] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.width() <= 0:
            continue
        found: list[Problem | None] = []
        if isinstance(widget, QLabel):
            found.append(_label_problem(widget, page))
        elif isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            found.append(_button_problem(widget, page))
        elif isinstance(widget, QGroupBox):
            found.append(_group_problem(widget, page))
        elif isinstance(widget, QTabBar):
            found.extend(_tab_problems(widget, page))
        elif isinstance(widget, QComboBox):
            found.append(_combo_problem(widget, page, words))
        elif isinstance(widget, QHeaderView):
            found.extend(_header_problems(widget, page))
        elif isinstance(widget, QLineEdit):
            found.append(_line_problem(widget, page))
        if isinstance(widget, (QLabel, QAbstractButton, QGroupBox)) and not any(found):
            text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
            cut = _cut_by_parent(widget) if text.strip() else ""
            if cut:
                found.append(_clip(widget, page, "text", no_mnemonic(plain(text)), cut))
        problems.extend(p for p in found if p is not None)
    return problems


# -- what the dialogs service is asked ----------------------------------------------------------


class RecordingDialogs(FakeDialogs):
    """FakeDialogs that also keeps every title, label, option and message it is handed, so
    the texts of questions that never open a real dialog are checked too (``said``)."""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []

    def _say(self, *texts: str) -> None:
        self.said.extend(t for t in texts if t and t.strip())

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        self._say(title, label)
        return super().ask_text(parent, title, label, default)

    def choose(
        self, parent: QWidget | None, title: str, label: str, options: list[str]
    ) -> int | None:
        self._say(title, label, *options)
        return super().choose(parent, title, label, options)

    def ask_count(self, parent: QWidget | None, title: str, label: str, value: int) -> int | None:
        self._say(title, label)
        return super().ask_count(parent, title, label, value)

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str) -> bool:
        self._say(title, text, action)
        return super().confirm(parent, title, text, action)

    def open_file(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str = ""
    ) -> Path | None:
        self._say(title, file_filter)
        return super().open_file(parent, title, folder, file_filter)

    def open_files(
        self, parent: QWidget | None, title: str, folder: Path, file_filter: str
    ) -> list[Path]:
        self._say(title, file_filter)
        return super().open_files(parent, title, folder, file_filter)

    def choose_folder(self, parent: QWidget | None, title: str, folder: Path) -> Path | None:
        self._say(title)
        return super().choose_folder(parent, title, folder)

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, file_filter: str
    ) -> Path | None:
        self._say(title, file_filter)
        return super().save_file(parent, title, suggested, file_filter)

    def show_error(self, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        self._say(title, text)
        super().show_error(parent, title, text, details)

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        self._say(title, text)
        super().show_info(parent, title, text)


# -- a preview of the sweep ---------------------------------------------------------------------


def simulate_translation(window: QWidget, words: Words) -> int:
    """Put the pseudo-locale's text in place of the English still shown on ``window``'s labels,
    buttons, group boxes and tabs (not the user's data), as if every string were wrapped:
    a preview of the layout once the sweep is in, for screenshots. Returns how many changed."""
    changed = 0

    def fake(text: str) -> str | None:
        if not text.strip() or not words.leftover(text) or any(d in text for d in words.data):
            return None
        return i18n.pseudo(text)

    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and (new := fake(widget.text())):
            widget.setText(new)
            changed += 1
        elif isinstance(widget, QGroupBox) and (new := fake(widget.title())):
            widget.setTitle(new)
            changed += 1
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if new := fake(widget.tabText(index)):
                    widget.setTabText(index, new)
                    changed += 1
    return changed
