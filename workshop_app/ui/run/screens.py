"""Which screen the presenter display goes to: the second screen by default, chosen in a list
that follows projectors being plugged in and out.

Signals (ScreenChooser):
    screens_changed(): a screen was added or removed (the list has been rebuilt).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QComboBox, QWidget

from workshop_app.ui.common.i18n import tr


def default_screen(screens: Sequence[QScreen], primary: QScreen | None) -> QScreen | None:
    """The first screen that is not the primary one (the projector), else the primary."""
    for screen in screens:
        if screen is not primary:
            return screen
    return primary if primary is not None else (screens[0] if screens else None)


def describe(screen: QScreen, number: int, primary: bool) -> str:
    """ "2: Projector, 1920 × 1080" ("this screen" for the primary)."""
    size = screen.geometry().size()
    name = screen.name() or tr("Screen {number}").format(number=number)
    # Translators: a screen in the presenter display's chooser: "2: Projector, 1920 × 1080"
    text = tr("{number}: {name}, {width} × {height}").format(
        number=number, name=name, width=size.width(), height=size.height()
    )
    # Translators: the screen the app's window is on, in the chooser
    return tr("{screen} (this screen)").format(screen=text) if primary else text


class ScreenChooser(QComboBox):
    """Lists the screens; picks the default until the user picks one of their own."""

    screens_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Presenter screen"))
        self.setToolTip(tr("The screen the presenter display opens on (the projector)"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self._chosen: QScreen | None = None  # by the user
        self._screens: list[QScreen] = []
        self.refresh()
        self.activated.connect(self._on_activated)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._on_app_screen_added)
            app.screenRemoved.connect(self._on_app_screen_removed)

    def sizeHint(self) -> QSize:
        """Wide enough for the longest entry (it may still shrink to its minimum)."""
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())),
                     default=0)  # fmt: skip
        return QSize(max(hint.width(), widest + metrics.height() * 3), hint.height())

    def screens(self) -> list[QScreen]:
        """The screens listed, in order."""
        return list(self._screens)

    def screen_choice(self) -> QScreen | None:
        index = self.currentIndex()
        return self._screens[index] if 0 <= index < len(self._screens) else None

    def refresh(self, gone: QScreen | None = None) -> None:
        """Rebuild the list (without ``gone``, a screen being removed)."""
        screens = [s for s in QGuiApplication.screens() if s is not gone]
        primary = QGuiApplication.primaryScreen()
        if self._chosen is not None and self._chosen not in screens:
            self._chosen = None
        target = self._chosen or default_screen(screens, primary)
        self.blockSignals(True)
        self.clear()
        self._screens = screens
        for number, screen in enumerate(screens, start=1):
            self.addItem(describe(screen, number, screen is primary))
        if target in screens:
            self.setCurrentIndex(screens.index(target))
        self.blockSignals(False)
        self.setEnabled(len(screens) > 1)

    def _on_activated(self, index: int) -> None:
        self._chosen = self._screens[index] if 0 <= index < len(self._screens) else None

    def _on_app_screen_added(self, _screen: QScreen) -> None:
        self.refresh()
        self.screens_changed.emit()

    def _on_app_screen_removed(self, screen: QScreen) -> None:
        self.refresh(gone=screen)
        self.screens_changed.emit()
