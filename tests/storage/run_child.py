"""Child process for test_run_state: open a document, start a breakout, keep reading the
countdown (as the Run page does) until killed.

Prints ``started <utc>`` once the start is committed (the moment the app told the user the
countdown runs). Run as ``python tests/storage/run_child.py <document> <item id>`` with the
repository on PYTHONPATH.
"""

from __future__ import annotations

import sys
import time

from workshop_app.domain.countdown import Countdown
from workshop_app.domain.records import AgendaItem
from workshop_app.storage.document import Document


def main(path: str, item_id: str) -> None:
    doc = Document.open(path)
    items = doc.select(AgendaItem)
    countdown = Countdown(items, persist=doc.set_run_state, state=doc.run_state())
    while countdown.current() is not None and countdown.current().id != item_id:
        countdown.next()
    countdown.start()
    print("started", countdown.state().deadline, flush=True)
    while True:
        countdown.read()
        time.sleep(0.01)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
