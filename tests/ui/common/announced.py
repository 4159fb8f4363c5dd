"""Hears what the app announces to screen readers (``ui.common.announce.ANNOUNCED``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from workshop_app.ui.common.announce import ANNOUNCED


class Heard:
    """Every announcement sent while listening: (widget, text, assertive)."""

    def __init__(self) -> None:
        self.said: list[tuple[object, str, bool]] = []

    def _on_sent(self, widget: object, text: str, assertive: bool) -> None:
        self.said.append((widget, text, assertive))

    def texts(self) -> list[str]:
        return [text for _, text, _ in self.said]


@contextmanager
def listening() -> Iterator[Heard]:
    heard = Heard()
    ANNOUNCED.sent.connect(heard._on_sent)
    try:
        yield heard
    finally:
        ANNOUNCED.sent.disconnect(heard._on_sent)
