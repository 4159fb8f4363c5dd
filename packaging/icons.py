"""Render the app icon (resources/icons/workshop-app.svg) into the hicolor PNG sizes.

    python packaging/icons.py

Writes ``packaging/linux/icons/hicolor/NxN/apps/workshop-app.png`` for every size in
``SIZES``; the SVG itself is installed as the scalable icon straight from resources/icons.
The PyInstaller spec takes the 256 px PNG for the Windows and macOS icon, so that path stays.
Rendering is QtSvg, offscreen: it ignores SVG filters, so the notes' drop shadow is absent
here (at 16-48 px it was a smudge anyway). A test renders again and compares with the
committed files, allowing a little difference per pixel for another Qt's anti-aliasing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "workshop-app.svg"
HICOLOR = ROOT / "packaging" / "linux" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
NAME = "workshop-app.png"

if "QT_QPA_PLATFORM" not in os.environ:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt  # noqa: E402  (after the platform is chosen)
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402


def png_path(size: int, root: Path = HICOLOR) -> Path:
    return root / f"{size}x{size}" / "apps" / NAME


def render(size: int, svg: Path = SVG) -> QImage:
    """The icon at ``size`` x ``size`` pixels, on a transparent background."""
    if QGuiApplication.instance() is None:
        render.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]  # kept alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons.py: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    for size in SIZES:
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(out), "PNG"):
            raise SystemExit(f"icons.py: cannot write {out}")
        print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
