"""Built-in event templates and the demo event, bundled as interchange JSON in resources/."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from workshop_app import paths
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import DocumentInUseError, WorkshopError
from workshop_app.i18n import N_, _
from workshop_app.storage import device, interchange
from workshop_app.storage.document import Document

#: key -> (display name, file in resources/templates/), in the order they are offered. The
#: names are marked with N_ and translated where they are shown (``Template.name``).
_TEMPLATES: dict[str, tuple[str, str]] = {
    "engagement": (N_("Three-question engagement event"), "three-question-engagement.json"),
    "retrospective": (N_("Retrospective"), "retrospective.json"),
    "world-cafe": (N_("World café"), "world-cafe.json"),
}
#: What each template is, as offered (the same words as the summary in its file, which becomes
#: the new event's greyed summary hint; a test keeps the two alike).
_SUMMARIES: dict[str, str] = {
    "engagement": N_(
        "A half-day engagement event: a welcome, a keynote and a panel, then three breakout "
        "rounds in which every table answers the same question, and a plenary where tables "
        "report back. Replace the three placeholder questions with your own."
    ),
    "retrospective": N_(
        "A short team retrospective: gather what went well and what could be improved, look "
        "for patterns together, then agree a few concrete actions with owners."
    ),
    "world-cafe": N_(
        "A world café: each table keeps one question and a host for the whole session, while "
        "everyone else moves to a new table each round and builds on what the previous group "
        "wrote. A final harvest brings the key insights from every table together."
    ),
}
#: Templates whose questions are examples to replace (the engagement event's own summary says
#: so), not the method's standard questions (a retrospective's "What went well?" is kept).
_PLACEHOLDER_QUESTIONS = {"engagement"}


@dataclass(frozen=True)
class Template:
    """A built-in template; its name and summary come out in the current language."""

    key: str
    bundle: EventBundle

    @property
    def name(self) -> str:
        return _(_TEMPLATES[self.key][0])

    @property
    def summary(self) -> str:
        return _(_SUMMARIES[self.key])


def _load(*parts: str) -> EventBundle:
    resource = paths.resource(*parts)
    return interchange.parse(resource.read_bytes(), source="/".join(parts))


@cache
def _template(key: str) -> Template:
    bundle = _load("templates", _TEMPLATES[key][1])
    return Template(key, _as_hints(bundle, key in _PLACEHOLDER_QUESTIONS))


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
    """A template by key ("retrospective") or display name (in English or the current
    language), case-insensitively."""
    wanted = name.strip().casefold()
    for key, (display, _file) in _TEMPLATES.items():
        if wanted in (key, display.casefold(), _(display).casefold()):
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
