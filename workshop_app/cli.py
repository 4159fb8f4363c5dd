"""The ``workshop-app`` command: open the app, or work with event files from a terminal.

Qt is imported only when a window opens, so the file commands start fast and run headless.
Errors a person can fix print one line, ``workshop-app: error: ...``, and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workshop_app import cli_words, i18n
from workshop_app.cli_say import say
from workshop_app.domain.errors import InterchangeError, WorkshopError
from workshop_app.i18n import N_, _

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
REDACT_HELP = N_("replace the personal data 'check' finds with labels such as [phone] and [name]")
LANG_OPTION = "--lang"


def _say_error(exc: WorkshopError) -> None:
    """The one ``error:`` line; a JSON file's further problems follow, one per line."""
    say(_("{command}: error: {message}").format(command=PROG, message=exc), error=True)
    if isinstance(exc, InterchangeError):
        for problem in exc.problems[1:]:
            say(f"  {problem}", error=True)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise WorkshopError(
            _("{message} (see {command} --help)").format(message=message, command=self.prog)
        )


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
        description=_("Plan and run in-person workshops, capture notes, print the event summary."),
        epilog=_(
            "File commands: {commands}. Run '{command} COMMAND --help' for one of them."
        ).format(commands=", ".join(COMMANDS), command=PROG),
    )
    parser.add_argument("file", nargs="?", type=Path, help=_("a .workshop event file to open"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open a fresh copy of the demo event")
    )
    parser.add_argument(
        "--phones",
        metavar="HOST:PORT",
        help=_(
            "turn Attendee Input on, listening on this address of the laptop only; prints the "
            "attendee page's address"
        ),
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        help=_("print the version, with Python's, PySide6's and Qt's and the data folder"),
    )
    _add_lang_option(parser)
    return parser


def _add_lang_option(parser: argparse.ArgumentParser) -> None:
    """``--lang CODE`` in every parser's help. main() has taken it out of the arguments already
    (it must be known before the help texts are made), so argparse never parses it."""
    parser.add_argument(
        LANG_OPTION,
        metavar="CODE",
        help=_(
            "the language of the messages, and of a report: {languages}; default: the "
            "system's ({current})"
        ).format(languages=", ".join(sorted(i18n.LANGUAGES)), current=i18n.system_language()),
    )


def _take_language(args: list[str]) -> tuple[str | None, list[str]]:
    """``--lang CODE`` or ``--lang=CODE`` anywhere before a ``--``, and the other arguments."""
    code: str | None = None
    rest: list[str] = []
    at = 0
    while at < len(args):
        arg = args[at]
        if arg == "--":
            rest.extend(args[at:])
            break
        if arg == LANG_OPTION:
            if at + 1 >= len(args):
                raise WorkshopError(
                    _("argument {option}: expected one argument (see {command} --help)").format(
                        option=LANG_OPTION, command=PROG
                    )
                )
            code = args[at + 1]
            at += 2
            continue
        if arg.startswith(LANG_OPTION + "="):
            code = arg.partition("=")[2]
        else:
            rest.append(arg)
        at += 1
    return code, rest


def _set_language(code: str | None) -> None:
    """The command's language: ``code``, else the system's. An unknown code is refused."""
    if code is None:
        i18n.set_language(i18n.system_language())
        return
    try:
        i18n.set_language(code)
    except ValueError:
        raise WorkshopError(
            _("there is no “{code}” translation (the app has: {languages})").format(
                code=code, languages=", ".join(sorted(i18n.LANGUAGES))
            )
        ) from None


def _command_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_file_commands(sub)
    _add_lang_option(parser)
    for command in sub.choices.values():
        _add_lang_option(command)
    return parser


def _add_file_commands(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help=_("make a new event file from a template"))
    new.add_argument("out", type=Path, metavar="OUT.workshop")
    new.add_argument("--template", default="engagement", help=_("template key or name"))
    new.add_argument("--title", help=_("the event's title"))
    new.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))

    sub.add_parser("templates", help=_("list the built-in templates"))

    imp = sub.add_parser("import", help=_("make an event file from interchange JSON"))
    imp.add_argument("source", type=Path, metavar="IN.json")
    imp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.workshop")
    imp.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))

    exp = sub.add_parser(
        "export", help=_("write an event as JSON, CSV (one row per note) or Markdown")
    )
    exp.add_argument("document", type=Path, metavar="FILE.workshop")
    exp.add_argument("--format", choices=FORMATS, required=True)
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    exp.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))
    exp.add_argument("--redact", action="store_true", help=_(REDACT_HELP))

    info = sub.add_parser("info", help=_("print a summary of an event file"))
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


def _add_report_parser(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser(
        "report",
        help=_("print the event summary as a PDF (or an accessible HTML file, or a Word document)"),
    )
    report.add_argument("document", type=Path, metavar="FILE.workshop")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    report.add_argument(
        "--format", choices=("pdf", "html", "docx"), help=_("default: from OUT's name, else pdf")
    )
    report.add_argument("--paper", choices=("a4", "letter"), default="a4")
    report.add_argument("--no-appendix", action="store_true", help=_("leave out the note list"))
    report.add_argument("--no-charts", action="store_true", help=_("leave out the charts"))
    report.add_argument(
        "--anonymous",
        action="store_true",
        help=_("no names of participants, speakers or staff, in the notes' text too"),
    )
    report.add_argument("--redact", action="store_true", help=_(REDACT_HELP))
    report.add_argument("--logo", type=Path, metavar="PNG", help=_("a PNG or JPEG for the cover"))
    report.add_argument("--force", action="store_true", help=_("replace OUT if it exists"))


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    before = i18n.app_language()
    try:
        lang, args = _take_language(given)
        _set_language(lang)
        cli_words.install()
        if args and args[0] in COMMANDS:
            return _run_command(_command_parser().parse_args(args))
        options = _open_parser().parse_args(args)
        if options.demo and options.file:
            raise WorkshopError(_("give a file or --demo, not both"))
        phones = None
        if options.phones is not None:
            from workshop_app.ui.phones.address import parse_listen

            phones = parse_listen(options.phones)
            if options.file is None and not options.demo:
                raise WorkshopError(_("--phones needs an event: give a file (or --demo)"))
        return _open_window(options.file, demo=options.demo, phones=phones, lang=lang)
    except WorkshopError as exc:
        _say_error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    finally:  # main() run in-process (tests, a script) leaves the language as it found it
        i18n.set_language(before)


def _open_window(
    path: Path | None,
    *,
    demo: bool,
    phones: tuple[str, int] | None = None,
    lang: str | None = None,
) -> int:
    if path is not None and not path.exists():
        raise WorkshopError(_("There is no file called “{path}”.").format(path=path))
    try:
        from workshop_app.ui.app import run_gui
    except ImportError as exc:  # Qt's system libraries missing on a bare machine
        raise WorkshopError(
            _(
                "the window cannot open: {reason}. On Debian/Ubuntu install the libraries "
                "listed in README.md (Quick start)."
            ).format(reason=exc)
        ) from None
    if lang is None:  # the window picks the system's language itself (Qt knows it better)
        return run_gui(path, demo=demo, phones=phones)
    return run_gui(path, demo=demo, phones=phones, lang=lang)


def _run_command(options: argparse.Namespace) -> int:
    from workshop_app.cli_commands import COMMAND_HANDLERS

    return COMMAND_HANDLERS[options.command](options)


if __name__ == "__main__":
    sys.exit(main())
