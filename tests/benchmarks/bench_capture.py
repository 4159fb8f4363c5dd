"""Capture benchmark, run by hand: ``python tests/benchmarks/bench_capture.py [--notes N]``.

Enter -> note committed and painted: in Capture mode of an event that already holds 5,000 notes
(the demo event plus generated ones over its tables and questions), a note is put in the box and
Enter pressed; the time runs until the note is committed (``DocumentModel.add`` returned) and
until its card has been painted on screen (offscreen platform, 1280x800 window). Beside it, in
the same run and the same file, the bare storage add ``Document.add(Note(...))`` (one committed
transaction, WAL + ``synchronous=FULL``). The two alternate call by call (ABBA), so noise from
the rest of the machine falls on both alike.

Everything happens in a temporary folder (also used as ``WORKSHOP_APP_HOME``).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workshop_app.domain.records import NOTE_KINDS, Group, Note, Question
from workshop_app.storage.document import Document
from workshop_app.storage.templates import demo_bundle

NOTE_TEXT = "We need a named contact for discharge planning, not a shared inbox."
EXISTING = 5_000


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def make_event(path: Path) -> None:
    """The demo event with notes up to ``EXISTING``, spread over tables and questions."""
    with Document.create(path, demo_bundle()) as document:
        groups, questions = document.select(Group), document.select(Question)
        missing = EXISTING - document.count(Note)
        document.add_many(
            [
                Note(
                    question_id=questions[i % len(questions)].id,
                    group_id=groups[(i // 3) % len(groups)].id,
                    text=f"{NOTE_TEXT} ({i})",
                    kind=NOTE_KINDS[i % len(NOTE_KINDS)],
                )
                for i in range(missing)
            ]
        )
        assert document.count(Note) == EXISTING


def open_capture(path: Path):
    """The app's window (1280x800, shown) on ``path``, in Capture mode: (app, window, page)."""
    from workshop_app.ui.capture.page import CapturePage
    from workshop_app.ui.common.dialogs import Dialogs
    from workshop_app.ui.common.settings import AppSettings
    from workshop_app.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(AppSettings(), Dialogs())
    window.resize(1280, 800)
    window.show()
    assert window.open_path(path) and window.workspace is not None and window.model is not None
    window.workspace.set_mode("capture", focus=True)
    page = window.workspace.page("capture")
    assert isinstance(page, CapturePage)
    return app, window, page


def probe_paints(page) -> list[str]:
    """Give Capture's card view a delegate that notes the id of each card it paints; the list
    it fills (so a benchmark can wait until a new note's card is on screen)."""
    from workshop_app.ui.capture.notes_model import IdRole
    from workshop_app.ui.common.sticky import StickyDelegate

    painted: list[str] = []

    class Probe(StickyDelegate):
        """The page's card delegate, noting which card it painted last."""

        def paint(self, painter, option, index) -> None:
            super().paint(painter, option, index)
            painted.append(index.data(IdRole))

    page.cards.card_delegate = Probe(page.cards)
    page.cards.setItemDelegate(page.cards.card_delegate)
    page.cards._fit_cards(page.cards.size())  # private: the probe needs the width too
    return painted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=500, help="notes typed (default 500)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-capture-"))
    os.environ["WORKSHOP_APP_HOME"] = str(folder / "home")
    path = folder / "event.workshop"
    make_event(path)

    app, window, page = open_capture(path)
    assert window.model is not None
    groups = window.model.select(Group)
    page.set_table(groups[0].id)
    document, model, box = window.model.document, window.model, page.entry.box
    shown_before = page.mine.rowCount()
    painted = probe_paints(page)
    for _ in range(20):
        app.processEvents()

    committed_at: list[float] = []
    real_add = model.add

    def timed_add(records, index=None) -> None:
        real_add(records, index)
        committed_at.append(time.perf_counter())

    model.add = timed_add  # type: ignore[method-assign]

    def ui_add(i: int) -> tuple[float, float]:
        phone = " ring 07700 900123" if i % 2 else ""  # half the cards carry a marker
        box.setPlainText(f"{NOTE_TEXT} typed {i}{phone}")
        painted.clear()
        committed_at.clear()
        start = time.perf_counter()
        QTest.keyClick(box, Qt.Key.Key_Return)
        note_id = page.mine.note(0).id  # newest first: row 0
        deadline = start + 5
        while note_id not in painted and time.perf_counter() < deadline:
            app.processEvents()
        end = time.perf_counter()
        assert note_id in painted, "the new card was never painted"
        return committed_at[0] - start, end - start

    def bare_add(i: int) -> float:
        start = time.perf_counter()
        document.add(Note(text=f"{NOTE_TEXT} bare {i}", group_id=groups[1].id))
        return time.perf_counter() - start

    page.order.setChecked(True)  # newest first: the new card at the top, on screen
    committed, shown, bare = [], [], []
    for i in range(args.notes):
        first_ui = i % 4 in (0, 3)  # ABBA
        if first_ui:
            c, s = ui_add(i)
            bare.append(bare_add(i))
        else:
            bare.append(bare_add(i))
            c, s = ui_add(i)
        committed.append(c)
        shown.append(s)
    assert page.mine.rowCount() == shown_before + args.notes
    total = document.count(Note)
    window.close()

    def ms(v: float) -> str:
        return f"{v * 1000:.2f} ms"

    print(
        f"# Capture: {args.notes} notes typed into an event of {EXISTING:,} notes "
        f"({total:,} after); {platform.system()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, Qt offscreen"
    )
    print("| measurement | p50 | p99 | max |")
    print("| --- | --- | --- | --- |")
    for name, values in (
        ("Enter -> note committed", committed),
        ("Enter -> committed and card painted", shown),
        ("bare `Document.add` (same run, same file)", bare),
    ):
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"| {name} | {ms(p50)} | {ms(p99)} | {ms(max(values))} |")
    print(
        f"\nratio painted/bare: p50 {percentile(shown, 50) / percentile(bare, 50):.2f}x, "
        f"p99 {percentile(shown, 99) / percentile(bare, 99):.2f}x "
        f"(mean {statistics.mean(shown) * 1000:.2f} ms vs {statistics.mean(bare) * 1000:.2f} ms)"
    )


if __name__ == "__main__":
    main()
