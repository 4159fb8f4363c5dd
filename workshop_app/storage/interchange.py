"""JSON interchange format v1: a whole event as one JSON object, for import, export and templates.

``dumps`` writes an ``EventBundle``; ``parse`` reads one back after validating everything and
raises ``InterchangeError`` listing every problem, each starting with the JSON path of the value
(``notes[3].kind: "idea2" is not one of ...``). Validation is table-driven: ``FIELDS`` says, per
record type, which checker each field goes through (``interchange_fields``; the JSON text is
decoded by ``interchange_json``). Unknown keys are ignored (forward
compatibility). ``deleted`` is never written; here only notes carry timestamps (export and
import add every record's stamps and clock: ``interchange_stamps``).
JSON -> bundle -> JSON is lossless. Optional fields added within version 1: ``event.attendance``
(how many came; ``attendee_count`` is how many were expected) and ``event.timezone`` (an IANA
name; absent means UTC, as files from before it were read).
"""

from __future__ import annotations

import json
from typing import Any

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.clock import utc_now
from workshop_app.domain.errors import InterchangeError
from workshop_app.domain.records import Event, Record
from workshop_app.i18n import _, n_
from workshop_app.storage.interchange_fields import (
    FIELDS,
    ONLY_IF_SET,
    ONLY_IF_SET_IN,
    REFS,
    UNLESS_DEFAULT,
    Bad,
    kind_of,
    show,
)
from workshop_app.storage.interchange_json import load

FORMAT = "workshop-app.event"
VERSION = 1
MAX_PROBLEMS = 50
SECTIONS = ("speakers", "questions", "groups", "agenda", "themes", "notes")


# ---------------------------------------------------------------- writing


def _record_to_dict(section: str, record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in FIELDS[section][1]:
        value = getattr(record, name)
        if (name in ONLY_IF_SET or (section, name) in ONLY_IF_SET_IN) and not value:
            continue
        if (section, name) in UNLESS_DEFAULT and UNLESS_DEFAULT[section, name] == value:
            continue
        out[name] = list(value) if isinstance(value, tuple) else value
    return out


def bundle_to_dict(bundle: EventBundle) -> dict[str, Any]:
    """The bundle as a v1 interchange object (keys in the documented order)."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    out["event"] = _record_to_dict("event", bundle.event)
    for section in SECTIONS:
        out[section] = [_record_to_dict(section, r) for r in getattr(bundle, section)]
    return out


def dumps(bundle: EventBundle) -> str:
    """The bundle as v1 JSON text (indent 2, Unicode kept as is, trailing newline)."""
    return json.dumps(bundle_to_dict(bundle), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- reading


def parse(data: bytes | str, *, source: str = "") -> EventBundle:
    """Read v1 JSON (bytes must be UTF-8). Raises InterchangeError listing every problem."""
    return bundle_from_dict(load(data, source), source=source)


def bundle_from_dict(obj: Any, *, source: str = "") -> EventBundle:
    """Validate a decoded v1 object and build the bundle. Raises InterchangeError."""
    header = _check_header(obj)
    if header:
        raise InterchangeError(header, source=source)
    problems: list[str] = []
    seen: dict[str, tuple[str, str]] = {}  # id -> (section, path) where first seen
    read = {s: _read_section(obj, s, problems, seen) for s in ("event", *SECTIONS)}
    _check_references(read, seen, problems)
    if problems:
        total = len(problems)
        if total > MAX_PROBLEMS:
            more = n_("... and %n more", "... and %n more", total - MAX_PROBLEMS)
            problems = [*problems[:MAX_PROBLEMS], more]
        raise InterchangeError(problems, source=source, total=total)
    lists = {s: tuple(FIELDS[s][0](**kw) for _, kw in read[s]) for s in SECTIONS}
    return EventBundle(event=Event(**read["event"][0][1]), **lists)  # type: ignore[arg-type]


def _check_header(obj: Any) -> list[str]:
    """Problems with the top level, format and version: if any, nothing else is worth reading."""
    if not isinstance(obj, dict):
        return [
            _("(file): expected a JSON object at the top level, got {kind}").format(
                kind=kind_of(obj)
            )
        ]
    fmt, version = obj.get("format"), obj.get("version")
    if "format" not in obj:
        return [_("format: required (this is not a Workshop event file)")]
    if fmt != FORMAT:
        return [
            _("format: {value} is not a Workshop event file (expected {expected})").format(
                value=show(fmt), expected=show(FORMAT)
            )
        ]
    if "version" not in obj:
        return [_("version: required")]
    if isinstance(version, bool) or not isinstance(version, int):
        return [_("version: expected a whole number, got {kind}").format(kind=kind_of(version))]
    if version != VERSION:
        return [
            _(
                "version: this file is version {version}; "
                "this version of Workshop reads version {reads}"
            ).format(version=version, reads=VERSION)
        ]
    return []


_Read = list[tuple[str, dict[str, Any]]]  # (JSON path, dataclass kwargs) of each valid record


def _read_section(
    obj: dict[str, Any], section: str, problems: list[str], seen: dict[str, tuple[str, str]]
) -> _Read:
    """The section's valid records; every problem is appended, every usable id noted in seen."""
    if section == "event":
        items = [("event", obj["event"])] if "event" in obj else []
        if not items:
            problems.append(_("event: required"))
    else:
        value = obj.get(section, [])
        if not isinstance(value, list):
            problems.append(
                _("{path}: expected a list, got {kind}").format(path=section, kind=kind_of(value))
            )
            return []
        items = [(f"{section}[{i}]", item) for i, item in enumerate(value)]
    out = []
    for path, item in items:
        if not isinstance(item, dict):
            problems.append(
                _("{path}: expected an object, got {kind}").format(path=path, kind=kind_of(item))
            )
            continue
        kwargs, ok = _read_record(section, path, item, problems)
        record_id = kwargs.get("id")
        if record_id in seen:
            problems.append(
                _("{path}: id {id} is used more than once (also at {other})").format(
                    path=f"{path}.id", id=show(record_id), other=seen[record_id][1]
                )
            )
        elif record_id is not None:
            seen[record_id] = (section, path)
        if ok:
            out.append((path, kwargs))
    return out


def _read_record(
    section: str, path: str, item: dict[str, Any], problems: list[str]
) -> tuple[dict[str, Any], bool]:
    """Checked dataclass kwargs for one record, and whether every field passed."""
    kwargs: dict[str, Any] = {}
    ok = True
    for name, spec in FIELDS[section][1].items():
        if name not in item:
            if spec.required:
                problems.append(_("{path}: required").format(path=f"{path}.{name}"))
                ok = False
            continue
        try:
            kwargs[name] = spec.check(item[name])
        except Bad as bad:
            problems.append(f"{path}.{name}{bad.where}: {bad}")
            ok = False
    if section == "notes":  # a note without timestamps is new now
        kwargs.setdefault("created_at", kwargs.get("updated_at") or utc_now())
        kwargs.setdefault("updated_at", kwargs["created_at"])
    return kwargs, ok


def _check_references(
    read: dict[str, _Read], seen: dict[str, tuple[str, str]], problems: list[str]
) -> None:
    """Dangling ids, and notes filed under a theme of another question."""
    for section, refs in REFS.items():
        for path, kwargs in read[section]:
            for name, (target, missing) in refs.items():
                value = kwargs.get(name)
                many = isinstance(value, tuple)
                refs_here: tuple[Any, ...] = value if many else (value,)  # type: ignore[assignment]
                for index, ref in enumerate(refs_here):
                    if ref is not None and seen.get(ref, ("",))[0] != target:
                        where = f"{path}.{name}" + (f"[{index}]" if many else "")
                        problems.append(
                            _(missing).format(path=where, id=show(ref))  # an N_ message of REFS
                        )
    themes = {kw["id"]: kw for _, kw in read["themes"]}
    for path, note in read["notes"]:
        theme = themes.get(note.get("theme_id"))
        if theme is not None and theme.get("question_id") != note.get("question_id"):
            problems.append(
                _(
                    "{path}: theme {theme} belongs to question {question}, "
                    "but this note is under question {note_question}"
                ).format(
                    path=f"{path}.theme_id",
                    theme=show(theme.get("title", "")),
                    question=show(theme.get("question_id")),
                    note_question=show(note.get("question_id")),
                )
            )
