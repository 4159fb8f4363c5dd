"""AppSettings: what the app remembers per user, in an INI file under ``paths.config_dir()``.

Window geometry, the last mode, recent events, the text size and the language. Because the file
lives under ``config_dir()``, ``WORKSHOP_APP_HOME`` isolates tests and development from the real
settings.
Values are stored as plain strings and JSON so the file stays readable and the types stay ours.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshop_app import i18n, paths
from workshop_app.ui.shell.modes import MODES, Mode

MAX_RECENT = 10


@dataclass(frozen=True)
class RecentEvent:
    """An event in the recent list: where it is, what it was called, when it was last opened."""

    path: str
    title: str
    opened: str  # local time, ISO 8601 to the minute

    @property
    def exists(self) -> bool:
        return Path(self.path).is_file()

    def opened_text(self) -> str:
        """'14 March 2026, 14:03' for people; the raw value if it does not parse."""
        try:
            when = datetime.fromisoformat(self.opened)
        except ValueError:
            return self.opened
        from PySide6.QtCore import QDate, QDateTime, QTime

        from workshop_app.ui.common.i18n import qlocale

        moment = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
        return qlocale().toString(moment, "d MMMM yyyy, HH:mm")


class AppSettings:
    """Typed access to the settings file. One instance per window, passed in (no globals)."""

    FILE_NAME = "workshop-app.ini"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / self.FILE_NAME
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._qs.sync()

    # -- window ----------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        value = self._qs.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def last_mode(self) -> str:
        value = str(self._qs.value("window/mode", Mode.PLAN))
        return value if value in MODES else Mode.PLAN

    def set_last_mode(self, mode: str) -> None:
        if mode in MODES:
            self._qs.setValue("window/mode", mode)

    # -- text size: points added to the system font (0 = follow the system) ----------------

    def text_size_delta(self) -> int:
        try:
            return int(str(self._qs.value("view/text_size_delta", 0)))
        except (TypeError, ValueError):
            return 0

    def set_text_size_delta(self, delta: int) -> None:
        self._qs.setValue("view/text_size_delta", int(delta))

    # -- the window's language: a code of ``i18n.LANGUAGES`` ("" = follow the system) ---------

    def language(self) -> str:
        """The language chosen in View ▸ Language, or "" to follow the system's (also for a
        code the app no longer has)."""
        return i18n.normalise(str(self._qs.value("view/language", ""))) or ""

    def set_language(self, code: str) -> None:
        self._qs.setValue("view/language", code)

    def reduce_motion(self) -> bool | None:
        """View ▸ Reduce Motion as the person chose it (None: follow the system)."""
        value = str(self._qs.value("view/reduce_motion", "")).lower()
        return {"true": True, "false": False}.get(value)

    def set_reduce_motion(self, value: bool | None) -> None:
        if value is None:
            self._qs.remove("view/reduce_motion")
        else:
            self._qs.setValue("view/reduce_motion", "true" if value else "false")

    # -- Capture: the note-taker's table per event, and the order of the cards ----------------

    def capture_table(self, event_id: str) -> str | None:
        """The table (group id) this laptop takes notes for in this event, if picked."""
        value = self._qs.value(f"capture/table-{event_id}", "")
        return str(value) or None

    def set_capture_table(self, event_id: str, group_id: str) -> None:
        self._qs.setValue(f"capture/table-{event_id}", group_id)

    def capture_newest_first(self) -> bool:
        return str(self._qs.value("capture/newest_first", "true")).lower() == "true"

    def set_capture_newest_first(self, value: bool) -> None:
        self._qs.setValue("capture/newest_first", "true" if value else "false")

    def board_view(self) -> str:
        """The Board's view last shown ("outline" or "canvas")."""
        return str(self._qs.value("board/view", "outline"))

    def set_board_view(self, name: str) -> None:
        self._qs.setValue("board/view", name)

    def report_language(self) -> str:
        """The language reports are printed in ("cy", "en"); "" for the app's own."""
        return str(self._qs.value("report/language", ""))

    def set_report_language(self, code: str) -> None:
        self._qs.setValue("report/language", code)

    # -- sharing through a folder, per event file ---------------------------------------------

    def share_folder(self, event_file: Path) -> Path | None:
        """The folder this event file is shared through, if it is."""
        value = str(self._qs.value(_share_key(event_file), ""))
        return Path(value) if value else None

    def set_share_folder(self, event_file: Path, folder: Path | None) -> None:
        """Share ``event_file`` through ``folder`` from now on (None: stop sharing it)."""
        if folder is None:
            self._qs.remove(_share_key(event_file))
        else:
            self._qs.setValue(_share_key(event_file), str(Path(folder).absolute()))

    # -- recent events ---------------------------------------------------------------------

    def recent(self) -> list[RecentEvent]:
        """The last events opened, newest first (at most ``MAX_RECENT``)."""
        raw = self._qs.value("recent/events", "[]")
        try:
            items = json.loads(str(raw))
            return [
                RecentEvent(str(i["path"]), str(i["title"]), str(i.get("opened", "")))
                for i in items
            ][:MAX_RECENT]
        except (ValueError, TypeError, KeyError):
            return []  # an unreadable list is forgotten, never a crash

    def add_recent(self, path: Path, title: str, when: datetime | None = None) -> None:
        """Put an event at the top of the recent list (replacing an older entry for it)."""
        key = str(Path(path).absolute())
        opened = (when or datetime.now()).isoformat(timespec="minutes")
        items = [RecentEvent(key, title, opened)]
        items += [r for r in self.recent() if r.path != key]
        self._write_recent(items[:MAX_RECENT])

    def rename_recent(self, path: Path, title: str) -> None:
        """Keep the listed title in step with the event's (its place in the list stays)."""
        key = str(Path(path).absolute())
        items = [
            RecentEvent(r.path, title, r.opened) if r.path == key else r for r in self.recent()
        ]
        self._write_recent(items)

    def clear_recent(self) -> None:
        self._write_recent([])

    def remove_recent(self, path: str) -> None:
        self._write_recent([r for r in self.recent() if r.path != path])

    def _write_recent(self, items: list[RecentEvent]) -> None:
        self._qs.setValue("recent/events", json.dumps([asdict(r) for r in items]))


def _share_key(event_file: Path) -> str:
    """One settings key per event file (its absolute path, hashed: paths hold ``/``)."""
    import hashlib  # not at import: sharing needs it, the first frame does not

    digest = hashlib.sha256(str(Path(event_file).absolute()).encode("utf-8", "surrogatepass"))
    return f"share/folder-{digest.hexdigest()[:24]}"
