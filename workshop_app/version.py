"""The app's one version number, which lives in pyproject.toml (and nowhere else).

A source checkout reads it from pyproject.toml (so a checkout never reports a stale installed
version); an installed or frozen app reads it from the package's metadata (PyInstaller copies
the metadata into the build). Nothing here is read at startup: the first frame does not wait.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DIST_NAME = "workshop-app"
UNKNOWN = "unknown"


def _from_pyproject(pyproject: Path) -> str | None:
    """The version in a source checkout's pyproject.toml, or None when this is not ours."""
    import tomllib

    try:
        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DIST_NAME or not isinstance(project.get("version"), str):
        return None
    return str(project["version"])


@cache
def app_version() -> str:
    """``0.1.0``: from the checkout's pyproject.toml, else the installed metadata."""
    checkout = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if checkout.is_file():
        found = _from_pyproject(checkout)
        if found is not None:
            return found
    from importlib import metadata

    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        return UNKNOWN
