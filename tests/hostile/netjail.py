"""A test-side net jail: any connect() to an address other than loopback is refused and recorded.

The fetcher's guard must refuse private, link-local and metadata addresses before connecting; the jail
makes sure that, if it did not, no packet would leave the machine, and the attempt shows in the record.
In-process: `jail = NetJail(); jail.install(); ... jail.uninstall(); jail.attempts`. In a subprocess:
put `tests/hostile/netjail_site` first on PYTHONPATH and set CARAVAN_NETJAIL_LOG to a file path.
"""
from __future__ import annotations

import ipaddress
import socket
import threading


def is_loopback(address) -> bool:
    if not isinstance(address, tuple) or not address:
        return True            # AF_UNIX paths and the like: not the network
    host = str(address[0]).split("%", 1)[0]
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host in ("localhost",)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


class NetJail:
    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._lock = threading.Lock()
        self._saved = None

    def install(self) -> None:
        jail = self
        connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

        def guarded_connect(sock, address):
            jail._check(sock, address)
            return connect(sock, address)

        def guarded_connect_ex(sock, address):
            jail._check(sock, address)
            return connect_ex(sock, address)

        self._saved = (connect, connect_ex)
        socket.socket.connect = guarded_connect
        socket.socket.connect_ex = guarded_connect_ex

    def uninstall(self) -> None:
        if self._saved:
            socket.socket.connect, socket.socket.connect_ex = self._saved
            self._saved = None

    def _check(self, sock, address) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not is_loopback(address):
            with self._lock:
                self.attempts.append(repr(address))
            raise PermissionError(f"net jail: connect to {address!r} refused (tests allow loopback only)")
