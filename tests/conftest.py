"""Shared test set-up: headless Qt, and every test gets its own WORKSHOP_APP_HOME."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests read the app's English: the system's language (the default) is pinned to it, for
# Qt (QLocale.uiLanguages), gettext and the command lines the tests start. Tests of another
# language choose it themselves.
os.environ["LANGUAGE"] = "en"

import pytest
from hypothesis import settings

# CI (.ci/run sets CI=true) tries the same examples on every run, so whether a change lands is
# decided by the code, not by the seed; runs by hand explore new examples each time.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A private per-test home for data, backups, logs and settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_APP_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """Whatever language a test chose, the next one starts in English (the window's translator
    and QLocale too, when the window's side was used)."""
    yield
    from workshop_app import i18n

    if i18n.app_language() != i18n.SOURCE:
        window_side = sys.modules.get("workshop_app.ui.common.i18n")
        if window_side is not None:
            window_side.install(i18n.SOURCE)
        else:
            i18n.set_language(i18n.SOURCE)
