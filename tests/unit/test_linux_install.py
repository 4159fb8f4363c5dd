"""packaging/linux/install.sh, run for real into temporary folders.

From the frozen build's folder (dist/workshop-app/linux/install.sh beside the binary) and from
the repository (the `workshop-app` on PATH), for the user ($XDG_DATA_HOME, ~/.local/bin) and
staged under DESTDIR with --prefix; then --uninstall.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.linux_mime import filetype, xdg_env, xdg_mime
from workshop_app.ui.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")


def _fake_app(path: Path) -> Path:
    """A stand-in for the app that writes down the arguments it was given, one a line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$WORKSHOP_ARGS"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def _install(script: Path, home: Path, *args: str, path: str = "/usr/bin:/bin", **env: str):
    environ = xdg_env(home / "data", home) | {"PATH": path, **env}
    return subprocess.run(
        ["sh", str(script), *args], env=environ, capture_output=True, text=True, timeout=120
    )


def _installed(data: Path) -> list[Path]:
    names = [
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"mime/packages/{APP_ID}.xml",
    ] + [f"icons/hicolor/{s}x{s}/apps/workshop-app.png" for s in SIZES]
    return [data / name for name in names]


def _exec_line(desktop: Path) -> list[str]:
    line = next(x for x in desktop.read_text(encoding="utf-8").splitlines() if x[:5] == "Exec=")
    return shlex.split(line[5:])


def test_from_the_frozen_build_folder_for_the_user(tmp_path: Path) -> None:
    build = tmp_path / "dist" / "work shop" / "workshop-app"  # a folder name with a space
    shutil.copytree(LINUX, build / "linux")
    binary = _fake_app(build / "workshop-app")
    home = tmp_path / "home"
    result = _install(build / "linux" / "install.sh", home)
    assert result.returncode == 0, result.stderr
    data = home / "data"
    for file in _installed(data):
        assert file.is_file(), file
    assert (LINUX / "icons/hicolor/48x48/apps/workshop-app.png").read_bytes() == (
        data / "icons/hicolor/48x48/apps/workshop-app.png"
    ).read_bytes()

    # The menu entry runs the launcher in ~/.local/bin, which runs the build's binary.
    launcher = home / ".local" / "bin" / "workshop-app"
    desktop = data / "applications" / f"{APP_ID}.desktop"
    command = _exec_line(desktop)
    assert command == [str(launcher), "%f"]
    event = tmp_path / "Café d’été 2026.workshop"
    args_file = tmp_path / "args.txt"
    subprocess.run(
        [command[0], str(event)],
        env=dict(os.environ, WORKSHOP_ARGS=str(args_file)),
        check=True,
        timeout=30,
    )
    assert args_file.read_text(encoding="utf-8").splitlines() == [str(event)]
    assert str(binary) in launcher.read_text(encoding="utf-8")
    validate = shutil.which("desktop-file-validate")
    if validate is not None:
        checked = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout

    # The desktop now knows .workshop files, and which app opens them.
    if shutil.which("update-mime-database") is not None:
        event.write_bytes(b"SQLite format 3\0" + bytes(84))
        assert filetype(event, data) == "application/x-workshop"
    if shutil.which("update-desktop-database") is not None:
        default = xdg_mime("query", "default", "application/x-workshop", data_home=data, home=home)
        assert default == desktop.name

    removed = _install(build / "linux" / "install.sh", home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert [f for f in _installed(data) if f.exists()] == []
    assert not launcher.exists()


def test_from_the_repository_with_the_app_on_path(tmp_path: Path) -> None:
    on_path = _fake_app(tmp_path / "venv" / "bin" / "workshop-app")
    home = tmp_path / "home"
    result = _install(LINUX / "install.sh", home, path=f"{on_path.parent}:/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    data = home / "data"
    svg = data / "icons/hicolor/scalable/apps/workshop-app.svg"
    assert svg.read_bytes() == (ROOT / "resources/icons/workshop-app.svg").read_bytes()
    launcher = home / ".local" / "bin" / "workshop-app"
    assert f"exec '{on_path}' " in launcher.read_text(encoding="utf-8")
    # Run again with the launcher first on PATH: it still runs the same app (not itself).
    again = _install(LINUX / "install.sh", home, path=f"{launcher.parent}:/usr/bin:/bin")
    assert again.returncode == 0, again.stderr
    assert f"exec '{on_path}' " in launcher.read_text(encoding="utf-8")


def test_a_workshop_app_that_is_not_ours_is_kept(tmp_path: Path) -> None:
    """pip install --user puts its own workshop-app in ~/.local/bin: used, never replaced."""
    home = tmp_path / "home"
    pip_script = _fake_app(home / ".local" / "bin" / "workshop-app")
    before = pip_script.read_bytes()
    result = _install(LINUX / "install.sh", home, path=f"{pip_script.parent}:/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    assert pip_script.read_bytes() == before
    assert _exec_line(home / "data/applications" / f"{APP_ID}.desktop")[0] == str(pip_script)
    assert _install(LINUX / "install.sh", home, "--uninstall").returncode == 0
    assert pip_script.read_bytes() == before


def test_staged_under_destdir_with_a_prefix(tmp_path: Path) -> None:
    stage, home = tmp_path / "stage", tmp_path / "home"
    result = _install(
        LINUX / "install.sh",
        home,
        "--prefix",
        "/opt/workshop",
        "--binary",
        "/opt/workshop/lib/workshop-app",
        DESTDIR=str(stage),
    )
    assert result.returncode == 0, result.stderr
    data = stage / "opt" / "workshop" / "share"
    for file in _installed(data):
        assert file.is_file(), file
    assert not (data / "mime" / "mime.cache").exists()  # the package's triggers do that
    launcher = stage / "opt" / "workshop" / "bin" / "workshop-app"
    assert "exec '/opt/workshop/lib/workshop-app' " in launcher.read_text(encoding="utf-8")
    desktop = data / "applications" / f"{APP_ID}.desktop"
    assert _exec_line(desktop) == ["/opt/workshop/bin/workshop-app", "%f"]
    assert not (home / "data").exists()


def test_a_mistyped_option_is_a_clear_message(tmp_path: Path) -> None:
    result = _install(LINUX / "install.sh", tmp_path / "home", "--sytem")
    assert result.returncode == 2
    assert result.stderr.strip() == "install.sh: unknown option '--sytem' (see install.sh --help)"
    assert not (tmp_path / "home").exists()
