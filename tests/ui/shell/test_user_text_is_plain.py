"""Labels, tooltips and dialogs that show user text show it as typed: markup in an event title,
an agenda item, a question or a note is never rendered as rich text (issue 10, item 6)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget

from tests.ui.common.capture_helpers import capture_page
from workshop_app.domain.bundle import EventBundle
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle
from workshop_app.ui.plan.page import SECTIONS
from workshop_app.ui.shell.main_window import MainWindow
from workshop_app.ui.shell.modes import MODES

MARKUP = "<b>X</b><img src=x>"
_NOT_USER_TEXT = {
    "id",
    "created_at",
    "updated_at",
    "device_id",
    "date",
    "start_time",
    "kind",
    "started_at",
    "ended_at",
}


def _marked(record):
    changes = {
        f.name: f"{MARKUP} {getattr(record, f.name)}"
        for f in dataclasses.fields(record)
        if isinstance(getattr(record, f.name), str) and f.name not in _NOT_USER_TEXT
    }
    return dataclasses.replace(record, **changes)


def hostile_bundle() -> EventBundle:
    bundle = demo_bundle()
    lists = {
        name: tuple(_marked(r) for r in getattr(bundle, name))
        for name in ("speakers", "questions", "groups", "agenda", "themes", "notes")
    }
    return dataclasses.replace(bundle, event=_marked(bundle.event), **lists)


def _rich(text: str) -> bool:
    return MARKUP in text and QtGui_Qt.mightBeRichText(text)


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:  # a flat model keeps hasChildren private
        return False


def _model_problems(model: QAbstractItemModel, where: str) -> list[str]:
    out = []
    stack = [QModelIndex()]
    while stack:
        parent = stack.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private
            columns = 1
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and _rich(tip):
                    out.append(f"{where} row {row}: tooltip {tip[:60]!r}")
                if column == 0 and _has_children(model, index):
                    stack.append(index)
    return out


def rich_user_text(root: QWidget) -> list[str]:
    """Every place under ``root`` where the markup would render as rich text."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if isinstance(widget, QLabel) and MARKUP in widget.text():
            fmt = widget.textFormat()
            if fmt == Qt.TextFormat.RichText or (
                fmt == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(widget.text())
            ):
                out.append(f"{name}: label {widget.text()[:60]!r}")
        for kind, text in (
            ("tooltip", widget.toolTip()),
            ("status tip", widget.statusTip()),
            ("whats this", widget.whatsThis()),
        ):
            if _rich(text):
                out.append(f"{name}: {kind} {text[:60]!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += _model_problems(widget.model(), name)
    return out


def test_no_user_text_is_shown_as_rich_text_on_any_page(
    make_window: Callable[[], MainWindow], tmp_path: Path, qtbot
) -> None:
    path = tmp_path / "hostile.workshop"
    with Document.create(path, hostile_bundle()):
        pass
    window = make_window()
    assert window.open_path(path)
    workspace = window.workspace
    assert workspace is not None
    problems: list[str] = []
    for mode in MODES:
        workspace.set_mode(mode)
        qtbot.wait(10)
        if mode == "plan":
            plan = workspace.page("plan")
            for section in SECTIONS:
                plan.show_section(section)
                qtbot.wait(10)
                problems += rich_user_text(window)
        if mode == "capture":
            capture_page(window)
            qtbot.wait(10)
        problems += rich_user_text(window)
    workspace.set_mode("run")
    run = workspace.page("run")
    for key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_F5):  # a talk running, on the big screen
        qtbot.keyClick(run.focusWidget() or run, key)
    assert run.presenter is not None and run.presenter.isVisible()
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            problems += rich_user_text(top)
    qtbot.keyClick(run.presenter, Qt.Key.Key_Escape)
    assert MARKUP in window.windowTitle()
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_message_boxes_show_user_text_as_typed(qtbot) -> None:
    from workshop_app.ui.common.dialogs import Dialogs
    from workshop_app.ui.plan.services import PlanDialogs

    seen: list[tuple[Qt.TextFormat, str]] = []

    def look_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.text()))
        box.reject()

    text = f"Delete “{MARKUP}”?"
    for ask in (
        lambda: Dialogs().confirm(None, "Delete", text, "Delete"),
        lambda: Dialogs().show_error(None, "Not saved", text),
        lambda: Dialogs().show_info(None, "About", text),
        lambda: PlanDialogs().confirm(None, "Delete", text, "Delete"),
    ):
        QTimer.singleShot(0, look_and_close)
        ask()
    assert seen == [(Qt.TextFormat.PlainText, text)] * 4
