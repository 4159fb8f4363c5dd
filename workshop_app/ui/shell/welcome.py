"""WelcomePage: what ``workshop-app`` shows with no file. No log-in, no wizard.

Left: start a new event from a template (one radio button per template, its summary below).
Right: recent events. Below: Open an event file..., Open the demo event. The page only asks; the
main window does the opening (and shows any error), so this widget holds no document state.

Signals:
    create_requested(str key): make a new event from the template ``key``.
    open_requested(): choose a file to open.
    recent_chosen(str path): open this recent event.
    recent_removed(str path): forget this recent event.
    demo_requested(): open a fresh copy of the demo event.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.focus import show_focus_frame
from workshop_app.ui.common.i18n import tr
from workshop_app.ui.common.keymap import shown
from workshop_app.ui.common.settings import RecentEvent
from workshop_app.ui.common.text import ScaledLabel

PATH_ROLE = Qt.ItemDataRole.UserRole


class TemplateInfo(Protocol):
    """What the page shows of a template (read-only: ``templates.Template`` is frozen)."""

    @property
    def key(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def summary(self) -> str: ...


def _short(path: str) -> str:
    """A path with the home folder shown as ~."""
    home = str(Path.home())
    return "~" + path[len(home) :] if path.startswith(home + "/") else path


class WelcomePage(QScrollArea):
    """The start screen; see the module docstring for its signals."""

    create_requested = Signal(str)
    open_requested = Signal()
    recent_chosen = Signal(str)
    recent_removed = Signal(str)
    demo_requested = Signal()

    def __init__(
        self,
        templates: Sequence[TemplateInfo],
        recent: list[RecentEvent],
        icon: QIcon,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Welcome"))
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its contents take focus, not the frame
        line = self.fontMetrics().height()

        body = QWidget(self)
        body.setMaximumWidth(self.fontMetrics().averageCharWidth() * 130)
        layout = QVBoxLayout(body)
        layout.setSpacing(line)
        layout.setContentsMargins(line * 2, line * 2, line * 2, line * 2)
        layout.addLayout(self._header(icon, line))

        columns = QGridLayout()
        columns.setHorizontalSpacing(line * 3)
        columns.setVerticalSpacing(line // 2)
        columns.addWidget(ScaledLabel(tr("Start a new event"), 1.3, bold=True), 0, 0)
        columns.addWidget(ScaledLabel(tr("Recent events"), 1.3, bold=True), 0, 1)
        columns.addLayout(self._templates_column(templates, line), 1, 0)
        columns.addLayout(self._recent_column(), 1, 1)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        layout.addLayout(columns)
        layout.addSpacing(line)
        layout.addLayout(self._other_row())
        layout.addStretch(1)

        self.setWidget(body)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.set_recent(recent)

    # -- building --------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A scroll area gives its page the height of its size hint, not the height its
        wrapped lines need at this width: ask the layout, so no line is squeezed (a longer
        language wraps more)."""
        super().resizeEvent(event)
        body = self.widget()
        layout = body.layout() if body is not None else None
        if body is not None and layout is not None and layout.hasHeightForWidth():
            width = min(self.viewport().width(), body.maximumWidth())
            body.setMinimumHeight(layout.heightForWidth(width))

    def _header(self, icon: QIcon, line: int) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(line)
        logo = QLabel()
        logo.setPixmap(icon.pixmap(QSize(line * 4, line * 4)))
        row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(ScaledLabel(tr("Workshop"), 2.0, bold=True))
        tagline = ScaledLabel(
            tr(
                "Plan the day, run the breakouts, capture every note and print the summary. "
                "Everything stays on this computer."
            ),
            1.1,
        )
        tagline.setWordWrap(True)
        text.addWidget(tagline)
        row.addLayout(text, 1)
        return row

    def _templates_column(self, templates: Sequence[TemplateInfo], line: int) -> QVBoxLayout:
        column = QVBoxLayout()
        choose = QLabel(tr("Choose a template. You can change everything afterwards."))
        choose.setWordWrap(True)  # a longer language needs two lines
        column.addWidget(choose)
        self.template_group = QButtonGroup(self)
        self.template_buttons: dict[str, QRadioButton] = {}
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + line
        for template in templates:
            button = QRadioButton(template.name)
            button.setAccessibleName(template.name)
            button.setAccessibleDescription(template.summary)
            button.setProperty("template_key", template.key)
            self.template_group.addButton(button)
            self.template_buttons[template.key] = button
            summary = QLabel(template.summary)
            summary.setWordWrap(True)
            summary.setContentsMargins(indent, 0, 0, line // 2)
            column.addWidget(button)
            column.addWidget(summary)
        if self.template_buttons:
            next(iter(self.template_buttons.values())).setChecked(True)
        self.create_button = QPushButton(tr("Create event…"))
        self.create_button.setAccessibleName(tr("Create event from the chosen template"))
        self.create_button.setToolTip(tr("Name the event and choose where to save it"))
        self.create_button.setEnabled(bool(self.template_buttons))
        self.create_button.setDefault(True)  # drawn as the main action of the page
        self.create_button.clicked.connect(self._on_create_button_clicked)
        column.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        return column

    def _recent_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.recent_empty = QLabel(tr("Events you open or create will be listed here."))
        self.recent_empty.setWordWrap(True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(tr("Recent events"))
        show_focus_frame(self.recent_list)
        self.recent_list.setToolTip(tr("Enter opens the event; Delete removes it from this list"))
        self.recent_list.setWordWrap(True)
        self.recent_list.setAlternatingRowColors(True)
        self.recent_list.setSpacing(max(2, self.fontMetrics().height() // 4))
        self.recent_list.itemActivated.connect(self._on_recent_list_item_activated)
        self.recent_list.currentItemChanged.connect(self._on_recent_list_current_item_changed)
        self.recent_list.installEventFilter(self)  # Delete removes the selected entry

        self.open_recent_button = QPushButton(tr("Open"))
        self.open_recent_button.setAccessibleName(tr("Open the selected recent event"))
        self.open_recent_button.clicked.connect(self._on_open_recent_button_clicked)
        self.remove_button = QPushButton(tr("Remove from list"))
        self.remove_button.setAccessibleName(tr("Remove the selected event from the recent list"))
        self.remove_button.setToolTip(tr("Forget it here; the file itself is not touched"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        buttons = QHBoxLayout()
        buttons.setSpacing(self.fontMetrics().height() // 2)
        buttons.addWidget(self.open_recent_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)

        column.addWidget(self.recent_empty, 1)
        column.addWidget(self.recent_list, 1)
        column.addLayout(buttons)
        return column

    def _other_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(self.fontMetrics().height() // 2)
        self.open_button = QPushButton(tr("Open an event file…"))
        self.open_button.setAccessibleName(tr("Open an event file"))
        self.open_button.setToolTip(
            tr("Open a .workshop file ({keys})").format(keys=shown("window.open"))
        )
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.demo_button = QPushButton(tr("Open the demo event"))
        self.demo_button.setAccessibleName(tr("Open the demo event"))
        self.demo_button.setToolTip(
            tr(
                "A finished example event with notes, to look around freely (a fresh copy "
                "each time)"
            )
        )
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        row.addWidget(self.open_button)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        return row

    # -- state -----------------------------------------------------------------------------

    def set_recent(self, recent: list[RecentEvent]) -> None:
        """Show these recent events; a missing file is listed as missing (and removable)."""
        self.recent_list.clear()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for entry in recent:
            if entry.exists:
                detail = tr("Last opened {time} · {folder}").format(
                    time=entry.opened_text(), folder=_short(str(Path(entry.path).parent))
                )
                item = QListWidgetItem(f"{entry.title}\n{detail}")
            else:
                missing = tr("File not found: {path}").format(path=_short(entry.path))
                item = QListWidgetItem(warning, f"{entry.title}\n{missing}")
            item.setToolTip(entry.path)
            item.setData(PATH_ROLE, entry.path)
            self.recent_list.addItem(item)
        has_any = bool(recent)
        self.recent_list.setVisible(has_any)
        self.recent_empty.setVisible(not has_any)
        if has_any:
            self.recent_list.setCurrentRow(0)
        self._on_recent_list_current_item_changed()

    def chosen_template(self) -> str | None:
        button = self.template_group.checkedButton()
        return str(button.property("template_key")) if button else None

    def focus_first(self) -> None:
        """Focus the most likely action: the last event if there is one, else a new event."""
        template = self.template_group.checkedButton()
        if self.recent_list.count():
            self.recent_list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif template is not None:
            template.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.open_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selected_path(self) -> str | None:
        item = self.recent_list.currentItem()
        return str(item.data(PATH_ROLE)) if item is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.recent_list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            self._on_remove_button_clicked()
            return True
        return super().eventFilter(watched, event)

    # -- handlers --------------------------------------------------------------------------

    def _on_create_button_clicked(self) -> None:
        key = self.chosen_template()
        if key:
            self.create_requested.emit(key)

    def _on_recent_list_item_activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(str(item.data(PATH_ROLE)))

    def _on_recent_list_current_item_changed(self, *_: object) -> None:
        selected = self._selected_path() is not None
        self.open_recent_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.open_recent_button.setVisible(self.recent_list.count() > 0)
        self.remove_button.setVisible(self.recent_list.count() > 0)

    def _on_open_recent_button_clicked(self) -> None:
        path = self._selected_path()
        if path:
            self.recent_chosen.emit(path)

    def _on_remove_button_clicked(self) -> None:
        path = self._selected_path()
        if path:
            self.recent_removed.emit(path)

    def _on_open_button_clicked(self) -> None:
        self.open_requested.emit()

    def _on_demo_button_clicked(self) -> None:
        self.demo_requested.emit()
