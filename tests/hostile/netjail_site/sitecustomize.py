"""Loaded at start-up of a test subprocess (PYTHONPATH): refuse and record non-loopback connects.

Self-contained on purpose (runs before the checkout is on sys.path). See tests/hostile/netjail.py.
"""
import ipaddress
import os
import socket

_LOG = os.environ.get("CARAVAN_NETJAIL_LOG")


def _loopback(address):
    if not isinstance(address, tuple) or not address:
        return True
    host = str(address[0]).split("%", 1)[0]
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address):
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as fh:
                fh.write(f"{os.getpid()} {address!r}\n")
        raise PermissionError(f"net jail: connect to {address!r} refused (tests allow loopback only)")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _guarded_connect(sock, address):
    _check(sock, address)
    return _connect(sock, address)


def _guarded_connect_ex(sock, address):
    _check(sock, address)
    return _connect_ex(sock, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
