"""One version number, in pyproject.toml: a checkout reads it there, an install from its
metadata, and no module keeps a copy."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import workshop_app
from workshop_app import version

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_checkout_reads_pyproject() -> None:
    assert version.app_version() == PROJECT["version"]
    assert workshop_app.__version__ == PROJECT["version"]


def test_no_module_writes_the_version_down() -> None:
    """A copy of the number anywhere in the package would go stale at the next release."""
    number = re.escape(PROJECT["version"])
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "workshop_app").rglob("*.py")
        if re.search(rf"['\"]{number}['\"]", path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_someone_elses_pyproject_is_not_ours(tmp_path: Path) -> None:
    """An install beside another project's pyproject.toml (or a broken one) does not take its
    version: the metadata answers instead."""
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9.9"\n', encoding="utf-8")
    assert version._from_pyproject(other) is None
    other.write_text("[project\n", encoding="utf-8")
    assert version._from_pyproject(other) is None
    assert version._from_pyproject(tmp_path / "missing.toml") is None
    ours = tmp_path / "ours.toml"
    ours.write_text('[project]\nname = "workshop-app"\nversion = "2.3.4"\n', encoding="utf-8")
    assert version._from_pyproject(ours) == "2.3.4"


def test_an_install_reads_its_metadata(tmp_path: Path) -> None:
    """Installed (site-packages, a PyInstaller folder), there is no pyproject.toml beside the
    package: the version comes from the metadata pip or PyInstaller put there."""
    import shutil
    import subprocess
    import sys

    site = tmp_path / "site"
    (site / "workshop_app").mkdir(parents=True)
    for name in ("__init__.py", "version.py"):
        shutil.copy(REPO / "workshop_app" / name, site / "workshop_app" / name)
    dist_info = site / "workshop_app-7.8.9.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: workshop-app\nVersion: 7.8.9\n", encoding="utf-8"
    )
    code = "import workshop_app; print(workshop_app.__version__)"
    out = subprocess.run(
        [sys.executable, "-S", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    assert out.stdout.strip() == "7.8.9"
