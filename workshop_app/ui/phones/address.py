"""Where attendee input listens: "HOST:PORT" read (plain Python), and the laptop's own LAN
address found (QtNetwork, imported only when asked)."""

from __future__ import annotations

from workshop_app.domain.errors import WorkshopError
from workshop_app.i18n import N_, _

DEFAULT_PORT = 8080
LOOPBACK = "127.0.0.1"
NO_LAN = N_(
    "This laptop has no network address other than itself, so phones cannot reach it: "
    "join the room's Wi-Fi (or start a hotspot) and turn Attendee Input on again."
)


def parse_listen(text: str, default_port: int | None = None) -> tuple[str, int]:
    """``"192.168.1.20:8080"`` (or ``[::1]:8080``) as (host, port); raises ``WorkshopError``."""
    text = text.strip()
    host, colon, port_text = text.rpartition(":")
    if not colon and default_port is not None:
        host, port_text = text, str(default_port)
    host = host.strip("[]")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise WorkshopError(
            _(
                "“{text}” is not HOST:PORT: give an address of this computer and a port, "
                "such as 192.168.1.20:8080"
            ).format(text=text)
        )
    return host, int(port_text)


def lan_address() -> str | None:
    """The first IPv4 address of an interface that is up, running and not loopback."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    Flag = QNetworkInterface.InterfaceFlag
    for interface in QNetworkInterface.allInterfaces():
        flags = interface.flags()
        if not (flags & Flag.IsUp and flags & Flag.IsRunning) or flags & Flag.IsLoopBack:
            continue
        for entry in interface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                return ip.toString()
    return None
