"""The hicolor PNGs in packaging/linux/icons are packaging/icons.py's render of the app's SVG.

The committed files must exist at every size, be exactly that many pixels square, and match a
fresh render (within a little per-pixel difference, so another Qt's anti-aliasing passes).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
#: The PyInstaller spec takes this one for the Windows and macOS icon: it must stay here.
SPEC_ICON = ROOT / "packaging/linux/icons/hicolor/256x256/apps/workshop-app.png"
#: Largest difference allowed in one channel of one pixel, and on average over the image.
MAX_CHANNEL_DIFF = 40
MAX_MEAN_DIFF = 1.5

# pytest-qt's QApplication, made first: icons.py would otherwise make a QGuiApplication that
# later widget tests in the same process could not use.
pytestmark = pytest.mark.usefixtures("qapp")


def _icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rgba(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return bytes(image.constBits())[: image.sizeInBytes()]


def test_every_usual_size_is_there_with_its_spec_path() -> None:
    icons = _icons()
    assert icons.SIZES == (16, 22, 24, 32, 48, 64, 128, 256, 512)
    assert icons.png_path(256) == SPEC_ICON
    found = sorted(p.relative_to(icons.HICOLOR) for p in icons.HICOLOR.rglob("*.png"))
    assert found == sorted(Path(f"{s}x{s}/apps/workshop-app.png") for s in icons.SIZES)


@pytest.mark.parametrize("size", (16, 22, 24, 32, 48, 64, 128, 256, 512))
def test_the_committed_png_is_a_fresh_render_of_the_svg(size: int) -> None:
    icons = _icons()
    committed = QImage(str(icons.png_path(size)))
    assert not committed.isNull(), icons.png_path(size)
    assert (committed.width(), committed.height()) == (size, size)
    assert committed.hasAlphaChannel()
    fresh = icons.render(size)
    diffs = [abs(a - b) for a, b in zip(_rgba(committed), _rgba(fresh), strict=True)]
    assert max(diffs) <= MAX_CHANNEL_DIFF, f"{size} px differs from a fresh render"
    assert sum(diffs) / len(diffs) <= MAX_MEAN_DIFF, f"{size} px differs from a fresh render"
    # Not blank: the rounded board's corners are clear and its middle is painted.
    corner, middle = fresh.pixelColor(0, 0), fresh.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0 and middle.alpha() == 255


def test_a_different_picture_fails_the_comparison(tmp_path: Path) -> None:
    """The comparison can fail: the icon drawn without its notes is far from the committed."""
    icons = _icons()
    svg = icons.SVG.read_text(encoding="utf-8")
    bare = svg[: svg.index('<g filter="url(#shadow)">')] + "</svg>"
    (tmp_path / "bare.svg").write_text(bare, encoding="utf-8")
    committed = _rgba(QImage(str(icons.png_path(64))))
    bare_render = _rgba(icons.render(64, tmp_path / "bare.svg"))
    diffs = [abs(a - b) for a, b in zip(committed, bare_render, strict=True)]
    assert max(diffs) > MAX_CHANNEL_DIFF
