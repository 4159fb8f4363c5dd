"""Several laptops in one event document: merging their files, handing copies out, the texts
that lost a merge, the laptops seen, and the snapshot an undo of a merge goes back to.

``DocumentLaptops`` is the third layer of ``Document`` (``document.py``); the work is done by
``merge``, ``handout``, ``conflicts`` and ``laptops``, on the document's connection.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_app.domain.errors import NOTHING_CHANGED, NOTHING_MERGED, DocumentError
from workshop_app.i18n import _
from workshop_app.storage import clocks, conflicts, handout, laptops
from workshop_app.storage.conflicts import Conflict
from workshop_app.storage.document_reads import R
from workshop_app.storage.document_writes import DocumentWrites
from workshop_app.storage.rows import NAMES, TABLES

if TYPE_CHECKING:
    from workshop_app.storage.merge import MergeResult


class DocumentLaptops(DocumentWrites):
    """The several-laptops layer of ``Document``."""

    def merge(
        self,
        sources: Iterable[str | os.PathLike[str]],
        *,
        refused: list[tuple[Path, str]] | None = None,
        checked: bool = False,
    ) -> MergeResult:
        """Merge other laptops' files of this event (.workshop or .json) into this one, in one
        transaction (``merge.py``). Raises DocumentError, with nothing changed, if one is
        refused; or, given a ``refused`` list, notes it there (file, reason) and merges the
        rest. ``checked``: files ``merge.stage_source`` made for this event (share_watch)."""
        if self.readonly:
            raise DocumentError(f"{self.readonly_reason()} {_(NOTHING_MERGED)}")
        from workshop_app.storage.merge import merge_into  # not needed to open an event

        paths = [Path(source) for source in sources]
        return merge_into(
            self._conn, self._event_id, paths, self.transaction, refused, checked=checked
        )

    @property
    def handed_out(self) -> bool:
        """Is this a copy handed out to a table's laptop (File ▸ Prepare laptops for tables)?
        It opens in Capture, on its table."""
        return handout.read(self._conn, handout.DEVICE) is not None

    def copy_table(self) -> str | None:
        """The table (group id) a handed-out copy opens on in Capture (None: not chosen yet)."""
        return handout.read(self._conn, handout.CAPTURE_TABLE)

    def set_copy_table(self, group_id: str) -> None:
        """A handed-out copy's table changed in Capture (a setting of this file: not undoable,
        never merged). Nothing for a file that is not a handed-out copy."""
        if self.handed_out and not self.readonly:
            with self.transaction():
                handout.write(self._conn, handout.CAPTURE_TABLE, group_id)

    def fine_findings(self) -> frozenset[str]:
        """Findings of personal data the organiser marked as fine (``finding_key``), kept in
        this file's own settings: the file the report is made from; no merge carries them."""
        return frozenset(handout.read_list(self._conn, handout.FINE_FINDINGS))

    def set_fine_findings(self, keys: frozenset[str]) -> None:
        """Remember ``keys`` as fine (a setting of this file: not undoable, never merged)."""
        if not self.readonly:
            with self.transaction():
                handout.write(
                    self._conn, handout.FINE_FINDINGS, json.dumps(sorted(keys)) if keys else None
                )

    def write_copies(
        self, folder: str | os.PathLike[str], copies: list[handout.Copy]
    ) -> list[Path]:
        """Hand out ``copies`` of this event into ``folder`` (``handout.write_copies``)."""
        return handout.write_copies(self._conn, Path(folder), copies)

    def conflicts(self) -> list[Conflict]:
        """Texts that lost a merge (the same field edited on two laptops), newest first, left
        out once the record's text is that value again."""
        return conflicts.listed(self._conn)

    def put_back(self, kind: type[R], record_id: str, name: str, value: str) -> R:
        """Put a kept text (``conflicts``) back in place of the one that won, which is kept in
        its turn: one transaction, nothing lost."""
        with self.transaction():
            current = self.get(kind, record_id)
            stamps = clocks.decode(
                self._conn.execute(
                    f"SELECT clock FROM {TABLES[kind]} WHERE id = ?", (record_id,)
                ).fetchone()[0],
                current.updated_at,
                current.device_id,
            )
            conflicts.keep(self._conn, NAMES[kind], record_id, name, getattr(current, name),
                           stamps.get(name, stamps[clocks.STAR]))  # fmt: skip
            return self.update(kind, record_id, **{name: value})

    def laptops(self) -> list[laptops.Laptop]:
        """The laptops whose notes are in this file, the latest first (``laptops.arrivals``)."""
        return laptops.arrivals(self._conn)

    def snapshot_records(self, target: Path) -> None:
        """A copy of the file in ``target``, for ``restore_records`` (an undo of a merge)."""
        laptops.take_snapshot(self._conn, target)

    def restore_records(self, snapshot: Path) -> None:
        """Every record as it is in ``snapshot``, in one transaction (the run's state and the
        file's own settings are left as they are)."""
        if self.readonly:
            raise DocumentError(f"{self.readonly_reason()} {_(NOTHING_CHANGED)}")
        laptops.restore_records(self._conn, snapshot, self.transaction)
