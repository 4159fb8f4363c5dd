"""The WorkshopError family: failures whose message is written for a person.

The CLI prints ``workshop-app: error: <message>`` and exits 2; the GUI shows the message in a
dialog. Nothing else is caught broadly: a bug is a bug and gets the crash dialog.
"""

from __future__ import annotations

from workshop_app.i18n import N_, _, n_

#: The tail of a refusal that changed nothing (a refusal is one sentence plus this, so a list
#: of refusals can leave it out: merge previews, skipped snapshots).
NOTHING_MERGED = N_("Nothing was merged.")
NOTHING_CHANGED = N_("Nothing was changed.")


def different_event(name: str) -> str:
    """The refusal to merge another event's file (.workshop or .json)."""
    return _("“{name}” is a different event (not a copy of this one). Nothing was merged.").format(
        name=name
    )


class WorkshopError(Exception):
    """A failure the user can understand and act on. ``str(err)`` is the whole message."""


class DocumentError(WorkshopError):
    """A .workshop file cannot be opened or written (missing, corrupt, foreign, too new)."""


class DocumentInUseError(DocumentError):
    """Another process has the document open."""


class NotFoundError(WorkshopError):
    """A record asked for by id does not exist in the document."""


class InterchangeError(WorkshopError):
    """A JSON interchange file failed validation. ``problems`` lists every problem found,
    each starting with the JSON path of the offending value. When there are very many,
    ``problems`` holds the first ones and a last line saying how many more; ``total`` counts all."""

    def __init__(self, problems: list[str], *, source: str = "", total: int | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        self.total = len(self.problems) if total is None else total
        first = self.problems[0] if self.problems else _("invalid file")
        more = self.total - 1
        prefix = f"{source}: " if source else ""
        if more > 0:
            first = n_(
                "{problem} (and %n more problem)", "{problem} (and %n more problems)", more
            ).format(problem=first)
        super().__init__(f"{prefix}{first}")
