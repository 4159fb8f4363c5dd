"""A real phone for the attendee page: Debian's headless Chromium driven by Selenium.

Selenium uses the system chromedriver (``/usr/bin/chromedriver``, passed explicitly, with
``SE_OFFLINE=1``), so Selenium Manager never looks for or downloads anything. Chromium runs
headless as a 390x844 phone screen, in a throwaway profile, with everything that talks to the
internet on its own turned off: the only address it is ever given is the app's on 127.0.0.1.

Selenium calls block on HTTP, and the page's HTTP is answered by the AttendeeServer in *this*
test's Qt event loop: so the browser steps run in a thread (``beside_qt``) while the main
thread spins the Qt loop until they are done, or the steps would wait forever on a server that
cannot answer.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: A phone's screen in CSS pixels (an iPhone 12-15's), and the screenshot's size.
PHONE_SIZE = (390, 844)
#: Bounds on every wait: page loads, scripts, one step of the test in its thread.
PAGE_LOAD_S = 20
STEPS_S = 60

T = TypeVar("T")

#: Chromium switches that keep a test's browser quiet: no background requests (updates,
#: safe browsing lists, translation, sync, metrics, crash reports, field trials), no first-run
#: pages, no extensions. ``--metrics-recording-only`` keeps metrics in memory and never sends
#: them.
QUIET_SWITCHES = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--disable-field-trial-config",
    "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
    "InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater",
    "--metrics-recording-only",
    "--no-first-run",
    "--no-default-browser-check",
    "--no-pings",
    "--no-proxy-server",
    "--password-store=basic",
    "--use-mock-keychain",
)


def unavailable() -> str | None:
    """Why the real-browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install '.[test]')"
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).is_file() or not os.access(path, os.X_OK):
            return f"{path} is missing (apt-get install {package}; .ci/run installs it)"
    return None


def open_phone(profile: Path) -> Any:
    """A headless Chromium as a 390x844 phone, in the throwaway ``profile`` folder. The caller
    quits it (``Phones`` does)."""
    os.environ["SE_OFFLINE"] = "1"  # belt and braces: the driver's path is given anyway
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    width, height = PHONE_SIZE
    for switch in (
        "--headless=new",
        "--no-sandbox",  # tests run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
        *QUIET_SWITCHES,
    ):
        options.add_argument(switch)
    # A phone's viewport (the page's meta viewport is honoured, touch events exist).
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "touch": True}},
    )
    prefs: dict[str, object] = {"credentials_enable_service": False}
    options.add_experimental_option("prefs", prefs)
    service = Service(CHROMEDRIVER, log_output=str(profile.parent / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(PAGE_LOAD_S)
    driver.set_script_timeout(PAGE_LOAD_S)
    return driver


#: How long a phone may take to quit before its chromedriver is killed.
QUIT_S = 20


class Phones:
    """Opens phones (Chromium instances) for one test and quits them all afterwards, each in its
    own throwaway profile under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.drivers: list[Any] = []

    def open(self) -> Any:
        profile = self.folder / f"phone-{len(self.drivers)}" / "profile"
        profile.mkdir(parents=True)
        driver = open_phone(profile)  # no page yet: no need of the loop
        self.drivers.append(driver)
        return driver

    def quit_all(self) -> None:
        """Quit every phone. Only chromedriver is asked (not the app's server), so the Qt loop
        is not turned: at teardown it would delete the test's windows before their fixtures
        close them."""
        try:
            for driver in self.drivers:
                # Bounded: a browser stuck on a page the loop no longer serves would otherwise
                # keep quit() waiting for minutes; then chromedriver is killed.
                closer = threading.Thread(target=driver.quit, name="phone-quit", daemon=True)
                closer.start()
                closer.join(QUIT_S)
                if closer.is_alive():
                    driver.service.process.kill()
        finally:
            self.drivers.clear()
            shutil.rmtree(self.folder, ignore_errors=True)


def beside_qt(qtbot: QtBot, steps: Callable[[], T], timeout_s: float = STEPS_S) -> T:
    """Run ``steps`` in a thread while this (main) thread runs the Qt event loop, so a server
    in the loop answers the browser; return what ``steps`` returned or raise what it raised."""
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = steps()
        except BaseException as error:  # handed to the main thread below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="browser-steps", daemon=True)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=int(timeout_s * 1000))
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
