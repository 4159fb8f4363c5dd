"""The report's front door, shared by the CLI and the GUI: check a logo, render, write atomically.

Light to import: reportlab and matplotlib load only inside ``render_report``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.report.content import build_content
from workshop_app.report.model import Logo, ReportOptions
from workshop_app.storage.files import read_input, write_atomic

FORMATS: tuple[str, ...] = ("pdf", "html")
MAX_LOGO_BYTES = 10 * 1024 * 1024
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def load_logo(path: str | os.PathLike[str]) -> Logo:
    """A PNG or JPEG file checked fully (it decodes), for the cover. WorkshopError otherwise."""
    path = Path(path)
    name = path.name
    data = read_input(path, "logo file", limit=MAX_LOGO_BYTES)  # a regular file, capped
    mime = next((m for magic, m in _MAGIC.items() if data.startswith(magic)), None)
    if mime is None:
        raise WorkshopError(f"The logo “{name}” is not a PNG or JPEG image.")
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError):
        raise WorkshopError(f"The logo “{name}” is damaged: the image cannot be read.") from None
    if width < 1 or height < 1:
        raise WorkshopError(f"The logo “{name}” is empty.")
    return Logo(data=data, mime=mime, width=width, height=height)


def format_for(path: str | os.PathLike[str], fmt: str | None) -> str:
    """The output format: ``fmt`` if given, else from the file name (.html/.htm), else PDF."""
    if fmt:
        return fmt
    return "html" if Path(path).suffix.lower() in (".html", ".htm") else "pdf"


def render_report(
    bundle: EventBundle,
    options: ReportOptions,
    fmt: str = "pdf",
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The report as PDF or HTML bytes. ``progress(fraction)`` may raise to cancel."""
    if fmt not in FORMATS:
        raise WorkshopError(f"Unknown report format “{fmt}”: use pdf or html.")
    content = build_content(bundle, options)
    if fmt == "html":
        from workshop_app.report.html import render_html

        if progress is not None:
            progress(0.1)
        data = render_html(content).encode("utf-8")
        if progress is not None:
            progress(1.0)
        return data
    from workshop_app.report.pdf import render_pdf

    return render_pdf(content, progress)


def write_report(
    bundle: EventBundle,
    output: str | os.PathLike[str],
    options: ReportOptions,
    fmt: str = "pdf",
    *,
    force: bool = False,
    progress: Callable[[float], None] | None = None,
) -> Path:
    """Render and write atomically (refusing an existing file unless ``force``)."""
    output = Path(output)
    if output.exists() and not force:
        raise WorkshopError(f"“{output}” already exists; use --force to replace it.")
    if not output.parent.is_dir():
        raise WorkshopError(f"The folder “{output.parent}” does not exist.")
    data = render_report(bundle, options, fmt, progress)
    write_atomic(output, data, force=force)
    return output
