"""``workshop-app check``: the personal data in an event's texts, listed like a linter's findings.

Read-only, like ``info``: the file stays byte-identical. Exit status 0 when nothing is found, 1
when something is (so a script can stop an export), 2 for an error. The detectors are
``domain.personal_data``, the same ones ``--redact`` applies.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from workshop_app.cli_say import say
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.personal_data import KINDS, NAMES, Kind
from workshop_app.domain.personal_data_bundle import scan
from workshop_app.i18n import _, n_

EXIT_FOUND = 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    check = sub.add_parser(
        "check",
        help=_(
            "list personal data in the notes and write-ups (NHS numbers, emails, phone "
            "numbers, postcodes, people's names); exit 1 if any is found"
        ),
    )
    check.add_argument("document", type=Path, metavar="FILE.workshop")
    check.add_argument(
        "--json", action="store_true", help=_("print JSON: the findings, each with where it is")
    )


def run(options: argparse.Namespace, bundle: EventBundle) -> int:
    """Print the findings in ``bundle`` (read from ``options.document`` by the caller)."""
    found = scan(bundle)
    if options.json:
        payload = {
            "findings": [
                {
                    "record": f.record,
                    "record_id": f.record_id,
                    "field": f.field,
                    "kind": f.kind.value,
                    "text": f.finding.matched,
                    "start": f.finding.start,
                    "end": f.finding.end,
                    "place": f.place,
                }
                for f in found
            ]
        }
        # ASCII only: every control character in a text is a JSON escape, never printed raw
        say(json.dumps(payload, indent=2))
        return EXIT_FOUND if found else 0
    if not found:
        say(_("No personal data found."))
        return 0
    for f in found:
        matched = " ".join(f.finding.matched.split())
        say(
            _("{place}: {record} {field}: {kind} “{text}” ({id})").format(
                place=f.place,
                record=f.record,
                field=f.field,
                kind=_(NAMES[f.kind]),
                text=matched,
                id=f.record_id[:8],
            )
        )
    counts = Counter(f.kind for f in found)
    mix = ", ".join(_count(k, counts[k]) for k in KINDS if counts[k])
    say(
        n_(
            "%n finding ({kinds}). Fix them in the app, or use --redact with report or export "
            "to replace them with labels.",
            "%n findings ({kinds}). Fix them in the app, or use --redact with report or export "
            "to replace them with labels.",
            len(found),
        ).format(kinds=mix)
    )
    return EXIT_FOUND


def _count(kind: Kind, n: int) -> str:
    """ "2 phone numbers" """
    if kind is Kind.NHS_NUMBER:
        return n_("%n NHS number", "%n NHS numbers", n)
    if kind is Kind.EMAIL:
        return n_("%n email", "%n emails", n)
    if kind is Kind.PHONE:
        return n_("%n phone number", "%n phone numbers", n)
    if kind is Kind.POSTCODE:
        return n_("%n postcode", "%n postcodes", n)
    return n_("%n name", "%n names", n)
