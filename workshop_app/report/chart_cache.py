"""Charts drawn once per content: a small cache of rendered PNGs in the user's cache folder.

Drawing a chart means importing matplotlib (about a second) and rendering it (a few hundred ms
each); a report made again of the same event, or of an event whose charts did not change, finds
its charts here and never loads matplotlib. The key is a SHA-256 of everything that decides the
picture: the chart's data (its dataclass repr: titles, labels and numbers), the language of
its words, the format and resolution, the app's version, the drawing code itself (``charts.py``'s
bytes) and matplotlib's version. So a changed chart, a changed drawing or a new matplotlib is a
new entry, never a stale picture.

Safe and bounded: entries are named by their hex digest only (no user text in a file name),
written atomically (temporary file, then rename: a reader never sees half an image), checked on
read (a complete PNG, not too big; anything else is ignored and redrawn), and at most
``MAX_ENTRIES`` are kept, the least recently used removed first. The cache is best effort: any
error reading or writing it means the chart is simply drawn. The pictures hold event text (theme
titles, question numbers), so the folder lives beside the app's other per-user data (backups
hold the whole event), never in a shared temporary folder.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from functools import cache
from pathlib import Path

from workshop_app import i18n, paths
from workshop_app.report import charts
from workshop_app.report.model import Chart
from workshop_app.version import app_version

MAX_ENTRIES = 48
MAX_BYTES = 8 * 1024 * 1024  # one chart's PNG; anything larger is not ours
_PNG_START = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"


def folder() -> Path:
    return paths.cache_dir() / "charts"


@cache
def _code_stamp() -> str:
    """What changes when the drawing changes: charts.py's bytes (or the app's version where the
    source is not shipped) and matplotlib's version, read without importing matplotlib."""
    from importlib import metadata

    try:
        code = hashlib.sha256(Path(charts.__file__).read_bytes()).hexdigest()
    except OSError:
        code = app_version()
    try:
        mpl = metadata.version("matplotlib")
    except metadata.PackageNotFoundError:
        mpl = "?"
    return f"{app_version()}|{code}|{mpl}"


def key(chart: Chart, fmt: str, dpi: int) -> str:
    """The entry's name: the chart's words (axes, legends) are in the report's language, so
    the language is part of it (a Welsh report never gets the English picture)."""
    language = i18n.language()
    text = f"{_code_stamp()}|{language}|{fmt}|{dpi}|{type(chart).__name__}|{chart!r}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path) -> bytes | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        data = path.read_bytes()
        os.utime(path)  # recently used: pruned last
    except OSError:
        return None
    if not (data.startswith(_PNG_START) and data.endswith(_PNG_END)):
        return None
    return data


def _write(where: Path, name: str, data: bytes) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".part-", suffix=".png")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, where / name)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _prune(where)
    except OSError:
        return


def _prune(where: Path) -> None:
    """Keep the ``MAX_ENTRIES`` most recently used entries (and no stray partial files older
    than a minute, left by a process that died mid-write)."""
    entries = []
    for path in where.iterdir():
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    now = time.time()
    kept = 0
    for mtime, path in entries:
        partial = path.name.startswith(".part-")
        if partial and now - mtime < 60:
            continue
        if not partial and path.suffix == ".png" and kept < MAX_ENTRIES:
            kept += 1
            continue
        path.unlink(missing_ok=True)


def lookup(chart: Chart, dpi: int = 200) -> charts.RenderedChart | None:
    """``chart`` as a PNG at ``dpi`` if it was drawn before, else None (matplotlib not loaded)."""
    data = _read(folder() / f"{key(chart, 'png', dpi)}.png")
    if data is None:
        return None
    return charts.RenderedChart(data, "image/png", charts.WIDTH_IN, charts.figure_height(chart))


def store(chart: Chart, drawn: charts.RenderedChart, dpi: int = 200) -> None:
    """Keep ``drawn`` (``chart`` as a PNG at ``dpi``) for the next report."""
    _write(folder(), f"{key(chart, 'png', dpi)}.png", drawn.data)


def render(chart: Chart, dpi: int = 200) -> charts.RenderedChart:
    """``chart`` as a PNG at ``dpi``, from the cache when it was drawn before."""
    found = lookup(chart, dpi)
    if found is not None:
        return found
    drawn = charts.render(chart, "png", dpi, i18n.language())
    store(chart, drawn, dpi)
    return drawn
