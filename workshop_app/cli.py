"""The ``workshop-app`` command: open the app, or work with event files from a terminal.

Qt is imported only when a window opens, so the file commands start fast and run headless.
Errors a person can fix print one line, ``workshop-app: error: ...``, and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.errors import InterchangeError, WorkshopError

PROG = "workshop-app"
EXIT_USAGE = 2
COMMANDS = (
    "new",
    "templates",
    "import",
    "export",
    "info",
    "check",
    "report",
    "suggest",
    "merge",
    "share",
)
FORMATS = ("json", "csv", "md")
REDACT_HELP = "replace the personal data 'check' finds with labels such as [phone] and [name]"


def _say_error(exc: WorkshopError) -> None:
    """The one ``error:`` line; a JSON file's further problems follow, one per line."""
    say(f"{PROG}: error: {exc}", error=True)
    if isinstance(exc, InterchangeError):
        for problem in exc.problems[1:]:
            say(f"  {problem}", error=True)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise WorkshopError(f"{message} (see {self.prog} --help)")


class _VersionAction(argparse.Action):
    """``--version``: the app's version on the first line, then what a bug report needs."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from workshop_app.ui.common.versions import version_report

        say(version_report())
        parser.exit()


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Plan and run in-person workshops, capture notes, print the event summary.",
        epilog="File commands: "
        + ", ".join(COMMANDS)
        + f". Run '{PROG} COMMAND --help' for one of them.",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .workshop event file to open")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo event")
    parser.add_argument(
        "--phones",
        metavar="HOST:PORT",
        help="turn Attendee Input on, listening on this address of the laptop only; prints the "
        "attendee page's address",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help="print the version, with Python's, PySide6's and Qt's and the data folder",
    )
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    new = sub.add_parser("new", help="make a new event file from a template")
    new.add_argument("out", type=Path, metavar="OUT.workshop")
    new.add_argument("--template", default="engagement", help="template key or name")
    new.add_argument("--title", help="the event's title")
    new.add_argument("--force", action="store_true", help="replace OUT if it exists")

    sub.add_parser("templates", help="list the built-in templates")

    imp = sub.add_parser("import", help="make an event file from interchange JSON")
    imp.add_argument("source", type=Path, metavar="IN.json")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.workshop")
    imp.add_argument("--force", action="store_true", help="replace OUT if it exists")

    exp = sub.add_parser(
        "export", help="write an event as JSON, CSV (one row per note) or Markdown"
    )
    exp.add_argument("document", type=Path, metavar="FILE.workshop")
    exp.add_argument("--format", choices=FORMATS, required=True)
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    exp.add_argument("--force", action="store_true", help="replace OUT if it exists")
    exp.add_argument("--redact", action="store_true", help=REDACT_HELP)

    info = sub.add_parser("info", help="print a summary of an event file")
    info.add_argument("document", type=Path, metavar="FILE.workshop")
    from workshop_app.cli_check import add_parser as add_check_parser

    add_check_parser(sub)

    _add_report_parser(sub)
    from workshop_app.cli_suggest import add_parser as add_suggest_parser

    add_suggest_parser(sub)
    from workshop_app.cli_merge import add_parser as add_merge_parser

    add_merge_parser(sub)
    from workshop_app.cli_share import add_parser as add_share_parser

    add_share_parser(sub)
    return parser


def _add_report_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report",
        help="print the event summary as a PDF (or an accessible HTML file, or a Word document)",
    )
    report.add_argument("document", type=Path, metavar="FILE.workshop")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    report.add_argument(
        "--format", choices=("pdf", "html", "docx"), help="default: from OUT's name, else pdf"
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4")
    report.add_argument("--no-appendix", action="store_true", help="leave out the note list")
    report.add_argument("--no-charts", action="store_true", help="leave out the charts")
    report.add_argument(
        "--anonymous",
        action="store_true",
        help="no names of participants, speakers or staff, in the notes' text too",
    )
    report.add_argument("--redact", action="store_true", help=REDACT_HELP)
    report.add_argument("--logo", type=Path, metavar="PNG", help="a PNG or JPEG for the cover")
    report.add_argument("--force", action="store_true", help="replace OUT if it exists")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            return _run_command(_command_parser().parse_args(args))
        options = _open_parser().parse_args(args)
        if options.demo and options.file:
            raise WorkshopError("give a file or --demo, not both")
        phones = None
        if options.phones is not None:
            from workshop_app.ui.phones.address import parse_listen

            phones = parse_listen(options.phones)
            if options.file is None and not options.demo:
                raise WorkshopError("--phones needs an event: give a file (or --demo)")
        return _open_window(options.file, demo=options.demo, phones=phones)
    except WorkshopError as exc:
        _say_error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _open_window(path: Path | None, *, demo: bool, phones: tuple[str, int] | None = None) -> int:
    if path is not None and not path.exists():
        raise WorkshopError(f"There is no file called “{path}”.")
    try:
        from workshop_app.ui.app import run_gui
    except ImportError as exc:  # Qt's system libraries missing on a bare machine
        raise WorkshopError(
            f"the window cannot open: {exc}. On Debian/Ubuntu install the libraries listed "
            "in README.md (Quick start)."
        ) from None
    return run_gui(path, demo=demo, phones=phones)


def _run_command(options: argparse.Namespace) -> int:
    from workshop_app.cli_commands import COMMAND_HANDLERS

    return COMMAND_HANDLERS[options.command](options)


if __name__ == "__main__":
    sys.exit(main())
