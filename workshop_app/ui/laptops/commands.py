"""Undo commands of merging: a whole merge as one step, and a kept text put back.

A merge changes any number of records of every kind, field by field, and keeps losing texts:
undoing it by inverse operations would mean recording every field it touched. Instead the
record tables are copied aside (SQLite backup API, a temporary file) just before the merge and
just after it; undo puts the "before" tables back whole in one transaction, redo the "after"
ones. That restores exactly what was there (tombstones, clocks and kept texts included), costs
one copy of the file per merge (cheap next to the merge), and leaves what is not a record (the
run's countdown, the file's own settings) as it is. The copies are removed with the command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from workshop_app.domain.records import Record
from workshop_app.ui.commands import ModelCommand
from workshop_app.ui.common.i18n import tr

if TYPE_CHECKING:  # storage.merge is imported by the first merge, not to open an event
    from workshop_app.storage.merge import MergeResult


class MergeTarget(Protocol):
    """The reads and writes of ``DocumentModel`` that merging and putting back (and undoing
    them) call."""

    def merge_files(self, sources: list[Path], before: Path, after: Path) -> MergeResult: ...

    def restore_records(self, snapshot: Path) -> None: ...

    def put_back(self, kind: type[Record], record_id: str, name: str, value: str) -> None: ...

    def get(self, kind: type[Record], record_id: str) -> Any: ...

    def update(self, kind: type[Record], record_id: str, changes: dict[str, Any]) -> None: ...


class MergeFiles(ModelCommand):
    """Merge ``sources``; undo puts every record back as it was before."""

    def __init__(self, model: MergeTarget, sources: list[Path], *, text: str) -> None:
        import tempfile  # not at import: not needed to open an event

        super().__init__(text)
        self.model, self.sources = model, sources
        self._folder = tempfile.TemporaryDirectory(prefix="workshop-merge-undo-")
        self.before = Path(self._folder.name) / "before.workshop"
        self.after = Path(self._folder.name) / "after.workshop"
        self.result: MergeResult | None = None

    def apply(self) -> None:
        if self.result is None:
            self.result = self.model.merge_files(self.sources, self.before, self.after)
        else:
            self.model.restore_records(self.after)

    def revert(self) -> None:
        self.model.restore_records(self.before)


class PutBack(ModelCommand):
    """A kept text back in place of the one that won (which is kept in its turn)."""

    def __init__(
        self, model: MergeTarget, kind: type[Record], record_id: str, name: str, value: str
    ) -> None:
        super().__init__(tr("Put back a kept text"))
        self.model, self.kind, self.record_id, self.name = model, kind, record_id, name
        self.value = value
        self.old = getattr(model.get(kind, record_id), name)

    def apply(self) -> None:
        self.model.put_back(self.kind, self.record_id, self.name, self.value)

    def revert(self) -> None:
        self.model.update(self.kind, self.record_id, {self.name: self.old})
