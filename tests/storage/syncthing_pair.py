"""Two real Syncthing instances on 127.0.0.1 sharing one folder: two "laptops" in a room.

Each instance has its home in a temporary folder and its own free ports (GUI/REST and sync),
chosen at run time. ``config.xml`` is written before the first start with every way out of the
machine turned off: global and local discovery, relays, NAT traversal, usage and crash
reporting, automatic upgrades and the browser. Each device is given the other's address
explicitly (``tcp://127.0.0.1:PORT``), so the two find each other with no discovery at all.

The processes are started in their own session and always killed (the whole group) by
``stop``, which the test's fixture calls in its teardown.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

FOLDER_ID = "workshop-share"
#: No instance may take longer than this to start, and no wait in the test is unbounded.
START_TIMEOUT_S = 60.0
_ENV = {"STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1", "STNOUPGRADECHECK": "1"}


def executable() -> str | None:
    """The ``syncthing`` program, or None when it is not installed."""
    return shutil.which("syncthing")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Instance:
    """One laptop's Syncthing: its home, device id, ports, API key and shared folder."""

    name: str
    home: Path
    share: Path
    device_id: str = ""
    gui_port: int = 0
    sync_port: int = 0
    api_key: str = ""
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.sync_port}"

    def rest(self, path: str, timeout: float = 2.0) -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read() or b"null")

    def log(self) -> str:
        try:
            return (self.home / "syncthing.log").read_text(errors="replace")[-4000:]
        except OSError:
            return ""


def generate(program: str, instance: Instance) -> None:
    """Keys and a first config for ``instance``; learns its device id."""
    instance.home.mkdir(parents=True)
    env = {**os.environ, **_ENV, "HOME": str(instance.home)}
    commands = (  # 1.19+ has subcommands; older releases a -generate flag
        [program, "generate", f"--home={instance.home}", "--no-default-folder"],
        [program, f"-generate={instance.home}"],
    )
    output = ""
    for command in commands:
        done = subprocess.run(command, capture_output=True, env=env, timeout=60, check=False)
        output = (done.stdout + done.stderr).decode(errors="replace")
        found = re.search(r"Device ID:\s*([A-Z0-9-]{50,})", output)
        if done.returncode == 0 and found:
            instance.device_id = found.group(1)
            return
    raise RuntimeError(f"syncthing could not generate keys for {instance.name}:\n{output}")


def write_config(instance: Instance, peers: list[Instance], rescan_s: int = 2) -> None:
    """``config.xml`` for ``instance`` sharing ``FOLDER_ID`` with ``peers``: 127.0.0.1 only,
    nothing announced, relayed, reported or upgraded."""
    everyone = [instance, *peers]
    folder_devices = "".join(f"<device id={quoteattr(i.device_id)}></device>" for i in everyone)
    devices = "".join(
        f'<device id={quoteattr(i.device_id)} name={quoteattr(i.name)} compression="metadata">'
        f"<address>{i.address}</address><autoAcceptFolders>false</autoAcceptFolders></device>"
        for i in everyone
    )
    xml = f"""<configuration version="36">
    <folder id="{FOLDER_ID}" label="Workshop" path={quoteattr(str(instance.share))}
            type="sendreceive" rescanIntervalS="{rescan_s}" fsWatcherEnabled="true"
            fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true">
        <filesystemType>basic</filesystemType>
        {folder_devices}
        <minDiskFree unit="%">0</minDiskFree>
    </folder>
    {devices}
    <gui enabled="true" tls="false" debugging="false">
        <address>127.0.0.1:{instance.gui_port}</address>
        <apikey>{instance.api_key}</apikey>
    </gui>
    <options>
        <listenAddress>{instance.address}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <crashReportingEnabled>false</crashReportingEnabled>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <startBrowser>false</startBrowser>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <stunServer></stunServer>
    </options>
</configuration>
"""
    (instance.home / "config.xml").write_text(xml, encoding="utf-8")


class Pair:
    """Two Syncthing instances, ``a`` and ``b``, sharing one folder (``a.share``/``b.share``)."""

    def __init__(self, root: Path, program: str) -> None:
        self.program = program
        self.a = Instance("laptop-a", root / "st-a", root / "share-a")
        self.b = Instance("laptop-b", root / "st-b", root / "share-b")

    @property
    def instances(self) -> tuple[Instance, Instance]:
        return self.a, self.b

    def start(self) -> None:
        for instance in self.instances:
            generate(self.program, instance)
            instance.gui_port, instance.sync_port = free_port(), free_port()
            instance.api_key = os.urandom(16).hex()
            instance.share.mkdir(parents=True)
            (instance.share / ".stfolder").mkdir()  # the folder marker Syncthing looks for
        write_config(self.a, [self.b])
        write_config(self.b, [self.a])
        # One after the other: two instances dialling each other in the same instant can both
        # drop the crossed connections and wait 20 s for a Hello that never comes.
        for instance in self.instances:
            self._launch(instance)
            self._wait(lambda i=instance: i.rest("/rest/system/ping") is not None, "answer")
        self._wait(self._both_connected, "connect to each other")

    def _launch(self, instance: Instance) -> None:
        env = {**os.environ, **_ENV, "HOME": str(instance.home)}
        log = instance.home / "syncthing.log"
        instance.process = subprocess.Popen(
            [self.program, "serve", f"--home={instance.home}", "--no-browser",
             "--no-restart", "--no-upgrade", f"--logfile={log}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env, start_new_session=True,
        )  # fmt: skip

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        """Until ``done()`` (REST errors count as not yet), at most ``START_TIMEOUT_S``."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                if done():
                    return
            except (OSError, urllib.error.URLError, ValueError):
                pass
            time.sleep(0.1)
        raise TimeoutError(
            f"Syncthing did not {what} within {START_TIMEOUT_S:.0f} s:\n"
            + "\n".join(f"--- {i.name}\n{i.log()}" for i in self.instances)
        )

    def _both_connected(self) -> bool:
        return self._connected(self.a, self.b) and self._connected(self.b, self.a)

    @staticmethod
    def _connected(me: Instance, other: Instance) -> bool:
        found = me.rest("/rest/system/connections")
        assert isinstance(found, dict)
        return bool(found["connections"].get(other.device_id, {}).get("connected"))

    def _check_alive(self) -> None:
        for instance in self.instances:
            if instance.process is not None and instance.process.poll() is not None:
                raise RuntimeError(f"syncthing {instance.name} exited:\n{instance.log()}")

    def stop(self) -> None:
        """Kill both instances (their whole process groups) and reap them."""
        for instance in self.instances:
            process = instance.process
            if process is None:
                continue
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                    process.wait(timeout=10)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    pass
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                process.wait(timeout=10)
            instance.process = None
