"""What each file command of ``workshop-app`` does. Shares storage functions with the GUI."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from workshop_app import cli_check, cli_merge, cli_share, cli_suggest
from workshop_app.cli_say import say
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.domain.personal_data_bundle import redacted
from workshop_app.domain.wording import plural
from workshop_app.storage import export, interchange, interchange_stamps, templates
from workshop_app.storage.document import Document
from workshop_app.storage.files import check_output, read_input, write_atomic
from workshop_app.storage.validation import describe_all


def _check_event_name(out: Path) -> None:
    """``new`` and ``import`` agree: an event file's name ends in .workshop."""
    if out.suffix != ".workshop":
        raise WorkshopError(f"“{out}” should end in .workshop")


def _read(path: Path) -> EventBundle:
    """The event in ``path``, read-only. Records a damaged file could not give are named on
    stderr (``workshop-app: warning:``), and the command goes on with the rest."""
    with Document.open(path, readonly=True) as doc:
        bundle = doc.bundle()
        if doc.set_aside:
            say(f"workshop-app: warning: {doc.damage()}:", error=True)
            for line in describe_all(doc.set_aside):
                say(f"  {line}", error=True)
    return bundle


def _new(options: argparse.Namespace) -> int:
    out: Path = options.out
    _check_event_name(out)
    with templates.create_from_template(
        out, options.template, title=options.title, force=options.force
    ) as doc:
        say(f"Created {out} ({doc.event().title}).")
    return 0


def _templates(options: argparse.Namespace) -> int:
    for template in templates.list_templates():
        say(f"{template.key:<14} {template.name}")
        say(f"{'':<14} {template.summary}")
    return 0


def _import(options: argparse.Namespace) -> int:
    source: Path = options.source
    check_output(options.output, force=options.force, inputs=(source,))
    _check_event_name(options.output)
    data = read_input(source, "JSON file")
    bundle, stamps = interchange_stamps.parse(data, source.name)
    with Document.create(
        options.output, bundle, force=options.force, inputs=(source,), stamps=stamps
    ):
        pass
    say(f"Imported {source} to {options.output} ({plural(len(bundle.notes), 'note')}).")
    return 0


_RENDERERS = {"json": interchange.dumps, "csv": export.to_csv, "md": export.to_markdown}


def _export(options: argparse.Namespace) -> int:
    output: Path = options.output
    check_output(output, force=options.force, inputs=(options.document,))
    bundle = _read(options.document)
    if options.redact:  # once, on the event: every format then writes the same labels
        bundle = redacted(bundle)
    if options.format == "json":  # with when and where each record changed, for merging
        text = interchange_stamps.dumps(bundle, options.document)
    else:
        text = _RENDERERS[options.format](bundle)
    write_atomic(output, text, force=options.force, inputs=(options.document,))
    say(f"Wrote {output}.")
    return 0


def _info(options: argparse.Namespace) -> int:
    bundle = _read(options.document)
    event = bundle.event
    when = " ".join(part for part in (event.date, event.start_time) if part) or "date not set"
    say(event.title)
    say(f"  {when} · {event.venue or 'venue not set'} · {event.organiser or 'organiser not set'}")
    say(
        f"  {plural(len(bundle.speakers), 'speaker')}, "
        f"{plural(len(bundle.questions), 'question')}, {plural(len(bundle.groups), 'table')}, "
        f"{plural(len(bundle.agenda), 'agenda item')} "
        f"({sum(item.planned_minutes for item in bundle.agenda)} min), "
        f"{plural(len(bundle.notes), 'note')}"
    )
    for number, question in enumerate(bundle.questions, 1):
        count = sum(1 for note in bundle.notes if note.question_id == question.id)
        say(f"  Q{number}. {question.text} ({plural(count, 'note')})")
    return 0


def _report(options: argparse.Namespace) -> int:
    from workshop_app.report.model import ReportOptions
    from workshop_app.report.render import format_for, load_logo, write_report

    output: Path = options.output
    check_output(output, force=options.force, inputs=(options.document, options.logo))
    logo = load_logo(options.logo) if options.logo is not None else None
    settings = ReportOptions(
        appendix=not options.no_appendix,
        charts=not options.no_charts,
        anonymous=options.anonymous,
        redact=options.redact,
        paper=options.paper,
        logo=logo,
    )
    bundle = _read(options.document)
    fmt = format_for(output, options.format)
    write_report(bundle, output, settings, fmt, force=options.force)
    say(f"Wrote {output} ({fmt.upper()}).")
    return 0


COMMAND_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": _new,
    "templates": _templates,
    "import": _import,
    "export": _export,
    "info": _info,
    "report": _report,
    "check": lambda options: cli_check.run(options, _read(options.document)),
    "suggest": lambda options: cli_suggest.run(options, _read(options.document)),
    "merge": cli_merge.run,
    "share": cli_share.run,
}
