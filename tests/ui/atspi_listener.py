"""Listens on the AT-SPI bus and prints each announcement it hears, one line each:
``announcement<TAB>politeness<TAB>text``. Run by the system's python3 (pyatspi is a Debian
package, not in the venv) from tests/ui/run/test_run_atspi.py; prints "ready" once listening
and stops after ``sys.argv[1]`` seconds."""

import sys

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]


def _on_event(event: object) -> None:
    text = str(getattr(event, "any_data", "")).replace("\n", " ")
    print(f"announcement\t{getattr(event, 'detail1', '')}\t{text}", flush=True)


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 30.0
    pyatspi.Registry.registerEventListener(_on_event, "object:announcement")
    GLib.timeout_add(int(seconds * 1000), pyatspi.Registry.stop)
    GLib.idle_add(lambda: print("ready", flush=True) and False)
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
