"""packaging/linux/: the .desktop file, the AppStream metadata and the .workshop file type.

The freedesktop validators check the files where they are installed (desktop-file-utils,
appstream; .ci/run installs both); without them those tests skip, saying so. The rest checks
that the files agree with each other, with the app and with pyproject.
"""

from __future__ import annotations

import configparser
import re
import shlex
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.unit.linux_mime import filetype
from workshop_app.ui.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.mime.xml"
SMI = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian/Ubuntu: apt install {package})")
    return path


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_validate_finds_nothing() -> None:
    validate = _tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([validate, str(DESKTOP)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout + result.stderr == "", result.stdout


def test_appstreamcli_pedantic_finds_nothing() -> None:
    appstreamcli = _tool("appstreamcli", "appstream")
    result = subprocess.run(
        [appstreamcli, "validate", "--pedantic", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out
    # Not even a pedantic note or an info: only the success line.
    assert re.findall(r"^[EWIP]: .*$", out, flags=re.MULTILINE) == [], out


def test_the_desktop_entry_opens_workshop_files_with_the_app() -> None:
    entry = desktop_entry()
    assert shlex.split(entry["Exec"]) == ["workshop-app", "%f"]
    assert entry["Icon"] == "workshop-app"
    assert entry["Terminal"] == "false"
    assert entry["MimeType"] == "application/x-workshop;"
    assert "Office" in entry["Categories"].split(";")
    # X11 docks match the window's WM_CLASS class, which Qt takes from the application name.
    from workshop_app.ui.app import APPLICATION

    assert entry["StartupWMClass"] == APPLICATION == entry["Name"]


def test_the_metainfo_agrees_with_the_desktop_file_pyproject_and_screenshots() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("name") == desktop_entry()["Name"]
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert root.findtext("project_license") == pyproject["license"]["text"]
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == pyproject["version"]
    assert root.findtext("provides/mediatype") == "application/x-workshop"
    assert root.findtext("provides/binary") == "workshop-app"
    images = [i.text or "" for i in root.findall("screenshots/screenshot/image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith("https://"), url
        shot = ROOT / "resources" / "screenshots" / url.rsplit("/", 1)[-1]
        assert shot.is_file(), f"{url} names no file in resources/screenshots"


def test_the_mime_type_is_workshop_files_by_name_then_sqlite_content() -> None:
    mime_type = ET.parse(MIME).getroot().find(f"{SMI}mime-type")
    assert mime_type is not None and mime_type.get("type") == "application/x-workshop"
    assert mime_type.findtext(f"{SMI}comment") == "Workshop event"
    assert [g.get("pattern") for g in mime_type.findall(f"{SMI}glob")] == ["*.workshop"]
    magic = mime_type.find(f"{SMI}magic")
    assert magic is not None and int(magic.get("priority", "50")) < 50  # below SQLite's own
    match = magic.find(f"{SMI}match")
    assert match is not None and match.get("value") == "SQLite format 3\\000"
    assert match.get("offset") == "0"


def test_update_mime_database_makes_workshop_files_their_type(tmp_path: Path) -> None:
    """The real database, built in a temporary folder, then asked through xdg-mime."""
    update = _tool("update-mime-database", "shared-mime-info")
    packages = tmp_path / "data" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(Path("/usr/share/mime/packages/freedesktop.org.xml"), packages)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    result = subprocess.run(
        [update, str(packages.parent)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "Error" not in result.stderr, result.stderr
    globs = (packages.parent / "globs2").read_text(encoding="utf-8")
    assert ":application/x-workshop:*.workshop" in globs
    assert "application/x-workshop application/vnd.sqlite3" in (
        packages.parent / "subclasses"
    ).read_text(encoding="utf-8")
    event = tmp_path / "Café d’été.workshop"
    event.write_bytes(b"SQLite format 3\0" + bytes(84))
    other = tmp_path / "other.db"
    other.write_bytes(event.read_bytes())
    assert filetype(event, tmp_path / "data") == "application/x-workshop"
    assert filetype(other, tmp_path / "data") == "application/vnd.sqlite3"
