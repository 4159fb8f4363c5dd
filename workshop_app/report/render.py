"""The report's front door, shared by the CLI and the GUI: check a logo, render, write atomically.

Light to import: reportlab and matplotlib load only inside ``render_report``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workshop_app import i18n
from workshop_app.domain.bundle import EventBundle
from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_, _, format_number
from workshop_app.report.content import build_content
from workshop_app.report.model import Logo, ReportOptions
from workshop_app.storage.files import read_input, write_atomic

FORMATS: tuple[str, ...] = ("pdf", "html", "docx")
MAX_LOGO_BYTES = 10 * 1024 * 1024
#: Most pixels a logo may have: a small file can claim a huge image (a "decompression bomb").
MAX_LOGO_PIXELS = 50_000_000
_DAMAGED = N_("The logo “{name}” is damaged: the image cannot be read.")
_MAGIC = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def load_logo(path: str | os.PathLike[str]) -> Logo:
    """A PNG or JPEG file checked fully (it decodes), for the cover. WorkshopError otherwise."""
    path = Path(path)
    name = path.name
    data = read_input(path, "logo file", limit=MAX_LOGO_BYTES)  # a regular file, capped
    mime = next((m for magic, m in _MAGIC.items() if data.startswith(magic)), None)
    if mime is None:
        raise WorkshopError(_("The logo “{name}” is not a PNG or JPEG image.").format(name=name))
    size = _pixel_size(data)
    if size is None:
        raise WorkshopError(_(_DAMAGED).format(name=name))
    if size[0] * size[1] > MAX_LOGO_PIXELS:
        raise WorkshopError(
            _(
                "The logo “{name}” is too large: {width} × {height} pixels (at most {most} "
                "megapixels). Use a smaller copy of it."
            ).format(
                name=name,
                width=format_number(size[0]),
                height=format_number(size[1]),
                most=MAX_LOGO_PIXELS // 1_000_000,
            )
        )
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise WorkshopError(_(_DAMAGED).format(name=name)) from None
    if width < 1 or height < 1:
        raise WorkshopError(_("The logo “{name}” is empty.").format(name=name))
    return Logo(data=data, mime=mime, width=width, height=height)


_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _pixel_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) read from a PNG's or JPEG's header, before anything is decoded; None if
    the header cannot be found."""
    if data.startswith(b"\x89PNG"):
        if data[12:16] != b"IHDR":
            return None
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    at = 2  # after the JPEG start-of-image marker: walk the segments to the frame header
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in _JPEG_FRAMES:
            if at + 9 > len(data):
                return None
            return int.from_bytes(data[at + 7 : at + 9], "big"), int.from_bytes(
                data[at + 5 : at + 7], "big"
            )
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            at += 2
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")
    return None


def format_for(path: str | os.PathLike[str], fmt: str | None) -> str:
    """The output format: ``fmt`` if given, else from the file name (.html/.htm, .docx), else
    PDF."""
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower()
    return "html" if suffix in (".html", ".htm") else "docx" if suffix == ".docx" else "pdf"


def render_report(
    bundle: EventBundle,
    options: ReportOptions,
    fmt: str = "pdf",
    progress: Callable[[float], None] | None = None,
    language: str | None = None,
) -> bytes:
    """The report as PDF, HTML or Word bytes, in ``language`` (None: the app's, or the command
    line's ``--lang``). ``progress(fraction)`` may raise to cancel."""
    with i18n.using(language):
        return _render(bundle, options, fmt, progress)


def _render(
    bundle: EventBundle,
    options: ReportOptions,
    fmt: str,
    progress: Callable[[float], None] | None,
) -> bytes:
    if fmt not in FORMATS:
        raise WorkshopError(
            _("Unknown report format “{format}”: use pdf, html or docx.").format(format=fmt)
        )
    content = build_content(bundle, options)
    if fmt == "docx":
        from workshop_app.report.docx_report import render_docx

        return render_docx(content, progress)
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
    language: str | None = None,
) -> Path:
    """Render (in ``language``; None: the app's) and write atomically (refusing an existing
    file unless ``force``)."""
    output = Path(output)
    if output.exists() and not force:
        raise WorkshopError(
            _("“{path}” already exists; use --force to replace it.").format(path=output)
        )
    if not output.parent.is_dir():
        raise WorkshopError(_("The folder “{path}” does not exist.").format(path=output.parent))
    data = render_report(bundle, options, fmt, progress, language)
    write_atomic(output, data, force=force)
    return output
