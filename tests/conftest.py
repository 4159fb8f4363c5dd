"""Shared test set-up: headless Qt, and every test gets its own WORKSHOP_APP_HOME."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A private per-test home for data, backups, logs and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_APP_HOME", str(home))
    return home
