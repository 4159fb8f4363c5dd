"""``workshop-app merge INTO.workshop FROM...``: bring other laptops' copies of the event
(.workshop or interchange .json) into one file, field by field (storage/merge.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import _
from workshop_app.storage import merge
from workshop_app.storage.document import Document


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge", help=_("merge other laptops' copies of the event (.workshop or .json) into one")
    )
    parser.add_argument("into", type=Path, metavar="INTO.workshop")
    parser.add_argument("sources", type=Path, nargs="+", metavar="FROM")
    parser.add_argument(
        "--dry-run", action="store_true", help=_("say what would come in; change nothing")
    )


def run(options: argparse.Namespace) -> int:
    into: Path = options.into
    sources: list[Path] = options.sources
    for source in sources:
        if source.exists() and into.exists() and source.samefile(into):
            raise WorkshopError(
                _("“{file}” is the file to merge into; give the other laptops' files").format(
                    file=source
                )
            )
    if options.dry_run:
        result = merge.preview(into, sources)
        say(
            _("Would merge into {file}: {summary}. Nothing was changed (--dry-run).").format(
                file=into, summary=result.summary()
            )
        )
        return 0
    with Document.open(into) as doc:
        result = doc.merge(sources)
    say(_("Merged into {file}: {summary}.").format(file=into, summary=result.summary()))
    return 0
