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
from workshop_app.i18n import N_, _, format_number, n_
from workshop_app.storage import export, interchange, interchange_stamps, templates
from workshop_app.storage.document import Document
from workshop_app.storage.files import check_output, read_input, write_atomic
from workshop_app.storage.validation import describe_all


def _check_event_name(out: Path) -> None:
    """``new`` and ``import`` agree: an event file's name ends in .workshop."""
    if out.suffix != ".workshop":
        raise WorkshopError(_("“{file}” should end in .workshop").format(file=out))


def _read(path: Path) -> EventBundle:
    """The event in ``path``, read-only. Records a damaged file could not give are named on
    stderr (``workshop-app: warning:``), and the command goes on with the rest."""
    with Document.open(path, readonly=True) as doc:
        bundle = doc.bundle()
        if doc.set_aside:
            say(_("workshop-app: warning: {damage}:").format(damage=doc.damage()), error=True)
            for line in describe_all(doc.set_aside):
                say(f"  {line}", error=True)
    return bundle


def _new(options: argparse.Namespace) -> int:
    out: Path = options.out
    _check_event_name(out)
    with templates.create_from_template(
        out, options.template, title=options.title, force=options.force
    ) as doc:
        say(_("Created {file} ({title}).").format(file=out, title=doc.event().title))
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
    data = read_input(source, N_("JSON file"))
    bundle, stamps = interchange_stamps.parse(data, source.name)
    with Document.create(
        options.output, bundle, force=options.force, inputs=(source,), stamps=stamps
    ):
        pass
    notes = n_("%n note", "%n notes", len(bundle.notes))
    say(
        _("Imported {source} to {output} ({notes}).").format(
            source=source, output=options.output, notes=notes
        )
    )
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
    say(_("Wrote {file}.").format(file=output))
    return 0


def _info(options: argparse.Namespace) -> int:
    bundle = _read(options.document)
    event = bundle.event
    when = " ".join(part for part in (event.date, event.start_time) if part) or _("date not set")
    venue = event.venue or _("venue not set")
    say(event.title)
    say(f"  {when} · {venue} · {event.organiser or _('organiser not set')}")
    minutes = sum(item.planned_minutes for item in bundle.agenda)
    counts = [
        n_("%n speaker", "%n speakers", len(bundle.speakers)),
        n_("%n question", "%n questions", len(bundle.questions)),
        n_("%n table", "%n tables", len(bundle.groups)),
        # Translators: {minutes} is the agenda's planned length, e.g. "4 agenda items (90 min)"
        n_(
            "%n agenda item ({minutes} min)", "%n agenda items ({minutes} min)", len(bundle.agenda)
        ).format(minutes=format_number(minutes)),
        n_("%n note", "%n notes", len(bundle.notes)),
    ]
    say("  " + ", ".join(counts))
    for number, question in enumerate(bundle.questions, 1):
        count = sum(1 for note in bundle.notes if note.question_id == question.id)
        notes = n_("%n note", "%n notes", count)
        say(
            "  "
            + _("Q{number}. {question} ({notes})").format(
                number=number, question=question.text, notes=notes
            )
        )
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
    say(_("Wrote {file} ({format}).").format(file=output, format=fmt.upper()))
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
