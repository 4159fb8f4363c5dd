"""Build the frozen app: PyInstaller one-folder build, an archive beside it, then the smoke test.

    python3 -m pip install '.[package]'
    python3 packaging/build.py [--plain] [--no-smoke]

Writes dist/workshop-app/ (and dist/workshop-app.app on macOS) and
dist/workshop-app-<version>-<os>-<arch>.tar.gz (.zip on Windows and macOS); PyInstaller's
working files go to build/. The archive's path is the last line printed. ``--plain`` builds
without the spec's excludes (to measure what they save). Errors are one line and exit 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "workshop-app.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "workshop-app"
LINUX_FILES = ROOT / "packaging" / "linux"  # .desktop, metainfo, MIME type, icons, install.sh


class BuildError(Exception):
    """A failure explained in one line."""


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform)
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system or sys.platform}-{arch}"


def check_tools() -> None:
    """PyInstaller and the installed package (its metadata goes into the build) are here."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(
            "PyInstaller is missing: install with python3 -m pip install '.[package]'"
        ) from None
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        distribution(NAME)
    except PackageNotFoundError:
        raise BuildError(
            "workshop-app is not installed here: install with python3 -m pip install '.[package]'"
        ) from None


def run_pyinstaller(plain: bool) -> None:
    env = dict(os.environ, WORKSHOP_APP_BUILD_PLAIN="1" if plain else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--log-level", "WARN", "--distpath", str(DIST), "--workpath", str(WORK)]
    result = subprocess.run([*command, str(SPEC)], env=env, cwd=ROOT)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); see its messages above")


def make_archive(folder: Path) -> Path:
    """dist/workshop-app-<version>-<os>-<arch>.tar.gz (.zip on Windows; on macOS the .app)."""
    base = f"{NAME}-{version()}-{platform_tag()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(DIST / base), "zip", folder.parent, folder.name))
    if sys.platform == "darwin":
        bundle = DIST / f"{NAME}.app"
        archive = DIST / f"{base}.zip"
        archive.unlink(missing_ok=True)
        # ditto keeps the bundle's symbolic links and extended attributes (zipfile does not)
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(bundle), str(archive)], check=True)
        return archive
    archive = DIST / f"{base}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return archive


def add_desktop_files(folder: Path) -> None:
    """Linux: the menu entry, file type and icons ride in the folder as linux/, so that
    ``workshop-app/linux/install.sh`` installs them pointing at this folder's binary."""
    target = folder / "linux"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(LINUX_FILES, target)


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plain", action="store_true", help="no excludes (to measure them)")
    parser.add_argument("--no-smoke", action="store_true", help="skip packaging/smoke.py")
    options = parser.parse_args(argv)
    try:
        started = time.monotonic()
        check_tools()
        run_pyinstaller(options.plain)
        folder = DIST / NAME
        if not folder.is_dir():
            raise BuildError(f"PyInstaller made no {folder}")
        if sys.platform.startswith("linux"):
            add_desktop_files(folder)
        print(f"build: {folder} {folder_size(folder) / 2**20:.0f} MiB", flush=True)
        archive = make_archive(folder)
        print(f"build: {archive.stat().st_size / 2**20:.0f} MiB archive", flush=True)
        print(f"build: {time.monotonic() - started:.0f} s", flush=True)
        if not options.no_smoke:
            smoke = [sys.executable, str(ROOT / "packaging" / "smoke.py"), str(folder)]
            if subprocess.run(smoke).returncode != 0:
                raise BuildError("the smoke test of the frozen app failed (see FAIL above)")
    except BuildError as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"build.py: error: {exc}", file=sys.stderr)
        return 1
    print(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())
