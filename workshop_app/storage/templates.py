"""Built-in event templates and the demo event, bundled as interchange JSON in resources/."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from workshop_app import paths
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentInUseError, WorkshopError
from workshop_app.i18n import _
from workshop_app.storage import device, interchange
from workshop_app.storage.document import Document

#: key -> (display name, file in resources/templates/), in the order they are offered.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "engagement": ("Three-question engagement event", "three-question-engagement.json"),
    "retrospective": ("Retrospective", "retrospective.json"),
    "world-cafe": ("World café", "world-cafe.json"),
}
#: Templates whose questions are examples to replace (the engagement event's own summary says
#: so), not the method's standard questions (a retrospective's "What went well?" is kept).
_PLACEHOLDER_QUESTIONS = {"engagement"}


@dataclass(frozen=True)
class Template:
    key: str
    name: str
    summary: str
    bundle: EventBundle


def _load(*parts: str) -> EventBundle:
    resource = paths.resource(*parts)
    return interchange.parse(resource.read_bytes(), source="/".join(parts))


@cache
def _template(key: str) -> Template:
    name, filename = _TEMPLATES[key]
    bundle = _load("templates", filename)
    summary = bundle.event.summary
    return Template(key, name, summary, _as_hints(bundle, key in _PLACEHOLDER_QUESTIONS))


def _as_hints(bundle: EventBundle, questions: bool) -> EventBundle:
    """The template's describing text as placeholders, not content: its summary (and, for
    ``questions``, its questions' text and prompt) move to the hint fields, which Plan shows
    greyed and the report never prints. Hints a template file sets itself are kept."""
    event = bundle.event
    if event.summary and not event.summary_hint:
        event = replace(event, summary="", summary_hint=event.summary)
    asked = bundle.questions
    if questions:
        asked = tuple(
            replace(
                q,
                text="",
                prompt="",
                text_hint=q.text_hint or q.text,
                prompt_hint=q.prompt_hint or q.prompt,
            )
            for q in asked
        )
    return replace(bundle, event=event, questions=asked)


def list_templates() -> list[Template]:
    """Every built-in template, in the order to offer them."""
    return [_template(key) for key in _TEMPLATES]


def find_template(name: str) -> Template:
    """A template by key ("retrospective") or display name, case-insensitively."""
    wanted = name.strip().casefold()
    for key, (display, _file) in _TEMPLATES.items():
        if wanted in (key, display.casefold()):
            return _template(key)
    known = ", ".join(_TEMPLATES)
    raise WorkshopError(
        _("There is no template called “{name}”. Templates: {known}.").format(
            name=name, known=known
        )
    )


def create_from_template(
    path: str | os.PathLike[str], key: str, *, title: str | None = None, force: bool = False
) -> Document:
    """A new document at ``path`` from a template, with fresh ids (and ``title`` if given), in
    this laptop's time zone."""
    template = find_template(key)
    title = title.strip() if title and title.strip() else None
    bundle = template.bundle.with_fresh_ids(title=title)
    bundle = replace(bundle, event=replace(bundle.event, timezone=device.zone_name()))
    return Document.create(path, bundle, force=force)


def demo_bundle() -> EventBundle:
    """The demo event: the NHS AI Lab engagement event of the seed write-up."""
    return _load("demo", "demo-event.json")


def open_demo() -> Document:
    """A fresh copy of the demo event in the data folder, opened, to be played with freely.
    If the usual copy is open in another window, a numbered copy is made instead."""
    folder = paths.data_dir() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    bundle = demo_bundle()
    for attempt in range(1, 20):
        suffix = "" if attempt == 1 else f" ({attempt})"
        target = Path(folder, f"Demo event{suffix}.workshop")
        try:
            return Document.create(target, bundle, force=True)
        except DocumentInUseError:
            continue
    raise WorkshopError(_("Too many copies of the demo event are open; close one first."))
