"""Network guard for fetching: which addresses we may connect to, checked at connect time.

Policy (SSRF guard):
- only ``http`` and ``https`` URLs;
- a host's addresses are resolved and every one is classified; loopback, private (RFC 1918, CGNAT
  100.64/10, ULA fc00::/7), link-local (169.254/16, fe80::/10), multicast, unspecified and reserved
  addresses are refused unless the policy allows them. IPv4 addresses embedded in IPv6 (mapped
  ``::ffff:a.b.c.d``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``) are judged by the IPv4 address;
- ``allow_loopback`` (a source whose own URL is on loopback) admits loopback only;
  ``allow_private`` admits loopback, private, CGNAT, ULA and link-local. Multicast, unspecified and
  reserved addresses are never admitted: no web server lives there (and 0.0.0.0 reaches loopback).

DNS rebinding: the check is not a separate look-up that a second resolution could contradict. The
connection itself goes through :class:`GuardedBackend` (an httpcore network backend): it resolves the
host once, refuses the whole host if any address is refused, and connects to the *checked IP literal*.
TLS still verifies the certificate against the host name (httpcore passes the origin host as SNI).
The client is built with ``trust_env=False`` so no environment proxy can connect on our behalf.

Deadline: :func:`deadline_scope` sets a per-thread absolute deadline; every socket wait (connect, read,
write) made by streams of this backend waits at most ``min(timeout, time left)``, so a server that
drips a byte a second (headers or body) is cut at the deadline, not a read timeout later.
"""
from __future__ import annotations

import contextlib
import ipaddress
import socket
import ssl
import threading
import time
import typing
import urllib.parse
from dataclasses import dataclass

import httpcore
import httpx

from transforms.errors import CaravanError

ALLOWED_SCHEMES = ("http", "https")
IPAddress = typing.Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
Resolver = typing.Callable[[str, int], list[str]]

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_RFC1918 = tuple(ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))
_ULA = ipaddress.ip_network("fc00::/7")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


class GuardError(CaravanError):
    """A URL or address was refused by policy; str() is the one-line reason."""


class AddressRefused(GuardError):
    """The host resolves to an address the policy refuses."""


class SchemeRefused(GuardError):
    """The URL's scheme is not http(s)."""


class InvalidURL(CaravanError):
    """The URL cannot be parsed (not a policy refusal: a broken link)."""


@dataclass(frozen=True)
class AddressPolicy:
    allow_loopback: bool = False
    allow_private: bool = False

    @property
    def key(self) -> str:
        return "private" if self.allow_private else "loopback" if self.allow_loopback else "public"


PUBLIC = AddressPolicy()
LOOPBACK = AddressPolicy(allow_loopback=True)
PRIVATE = AddressPolicy(allow_loopback=True, allow_private=True)


def policy_for(*, allow_private: bool = False, source_is_local: bool = False) -> AddressPolicy:
    if allow_private:
        return PRIVATE
    return LOOPBACK if source_is_local else PUBLIC


def _embedded_v4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress | str) -> str | None:
    """The kind of non-public address ``ip`` is ("loopback", "private", ...), or None if public."""
    if isinstance(ip, str):
        ip = ipaddress.ip_address(ip.split("%", 1)[0])
    inner = _embedded_v4(ip)
    if inner is not None:
        return classify(inner)
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip in _CGNAT:
        return "private (carrier-grade NAT)"
    if any(ip in net for net in _RFC1918) or ip in _ULA:
        return "private"
    if ip.is_multicast:
        return "multicast"
    if ip.is_reserved or ip.is_private or not ip.is_global:
        return "reserved"
    return None


def allowed(kind: str | None, policy: AddressPolicy) -> bool:
    if kind is None:
        return True
    if kind == "loopback":
        return policy.allow_loopback or policy.allow_private
    if kind in ("private", "private (carrier-grade NAT)", "link-local"):
        return policy.allow_private
    return False   # multicast, unspecified, reserved


def check_ip(ip: str, policy: AddressPolicy, host: str | None = None) -> None:
    """Raise AddressRefused (one line) unless ``policy`` admits ``ip``."""
    kind = classify(ip)
    if not allowed(kind, policy):
        named = f" ({host})" if host and host.strip("[]") != ip else ""
        raise AddressRefused(f"address {ip}{named} is {kind}: refused")


def system_resolver(host: str, port: int) -> list[str]:
    """All addresses of ``host`` (IP literals resolve to themselves without any look-up)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"cannot resolve host {host}: {exc.strerror or exc}") from None
    out: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        if sockaddr[0] not in out:
            out.append(sockaddr[0])
    return out


def resolve_checked(host: str, port: int, policy: AddressPolicy, resolver: Resolver) -> list[str]:
    """Resolve ``host`` and return its addresses; refuse the host if any address is refused."""
    host = host.strip("[]")
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    addrs = [host] if literal is not None else resolver(host, port)
    if not addrs:
        raise httpcore.ConnectError(f"host {host} has no address")
    for ip in addrs:
        check_ip(ip, policy, host)
    return addrs


def check_scheme(url: str, *, redirect: bool = False) -> None:
    try:
        scheme = urllib.parse.urlsplit(url).scheme.lower()
    except ValueError as exc:
        raise InvalidURL(f"invalid URL {url[:120]!r}: {exc}") from None
    if scheme not in ALLOWED_SCHEMES:
        shown = f"{scheme}://" if scheme else "a URL without scheme"
        raise SchemeRefused(f"{'redirect to ' if redirect else 'scheme '}{shown} refused")


def check_url(url: str, policy: AddressPolicy, resolver: Resolver = system_resolver,
              *, redirect: bool = False) -> list[str]:
    """Scheme and address check before any connection; returns the host's addresses."""
    check_scheme(url, redirect=redirect)
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise InvalidURL(f"invalid URL {url[:120]!r}: {exc}") from None
    if not parts.hostname:
        raise SchemeRefused(f"URL {url[:120]!r} has no host: refused")
    return resolve_checked(parts.hostname, port, policy, resolver)


def is_local_url(url: str) -> bool:
    """True when the URL's host is loopback by name or literal (no DNS look-up is made)."""
    try:
        host = (urllib.parse.urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host:
        return False
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        return classify(host) == "loopback"
    except ValueError:
        return False


# --------------------------------------------------------------------------------------------------
# per-thread deadline


_local = threading.local()


@contextlib.contextmanager
def deadline_scope(seconds: float) -> typing.Iterator[float]:
    """Every socket wait on this thread inside the block ends by ``now + seconds``."""
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    try:
        yield _local.deadline
    finally:
        _local.deadline = previous


def _bounded(timeout: float | None, exc: type[Exception]) -> float | None:
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise exc("total deadline exceeded")
    return left if timeout is None else min(timeout, left)


class DeadlineStream(httpcore.NetworkStream):
    """Wraps a network stream so no wait outlasts the thread's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self._inner.start_tls(
            ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.SyncBackend):
    """Resolves, checks and connects to the checked IP literal (no second resolution to rebind)."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver = system_resolver) -> None:
        self.policy = policy
        self.resolver = resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.NetworkStream:
        addrs = resolve_checked(host, port, self.policy, self.resolver)
        last: Exception | None = None
        for ip in addrs:
            try:
                stream = super().connect_tcp(ip, port, _bounded(timeout, httpcore.ConnectTimeout),
                                             local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
                continue
            peer = stream.get_extra_info("server_addr")
            if peer:   # belt and braces: the socket is connected where we checked
                try:
                    check_ip(peer[0], self.policy, host)
                except AddressRefused:
                    stream.close()
                    raise
            return DeadlineStream(stream)
        assert last is not None
        raise last

    def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> httpcore.NetworkStream:
        raise GuardError("unix sockets refused")


class GuardedTransport(httpx.BaseTransport):
    """One httpx transport; requests are routed to a connection pool per address policy.

    A pool per policy means a keep-alive connection opened for a source allowed to reach private
    addresses is never reused by a request of a source that is not. The policy travels in the request
    extension ``"caravan_policy"`` (an AddressPolicy); without it the strictest policy applies.
    """

    def __init__(self, *, limits: httpx.Limits, resolver: Resolver = system_resolver,
                 verify: bool | ssl.SSLContext = True) -> None:
        self._limits = limits
        self._resolver = resolver
        self._ssl_context = httpx.create_ssl_context(verify=verify, trust_env=False)
        self._transports: dict[str, httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def _for(self, policy: AddressPolicy) -> httpx.HTTPTransport:
        with self._lock:
            transport = self._transports.get(policy.key)
            if transport is None:
                transport = httpx.HTTPTransport(verify=self._ssl_context, trust_env=False,
                                                limits=self._limits, http1=True, http2=False)
                # httpx has no public hook for the network backend; the pool it builds is replaced by
                # an identical one that connects through the guard (checked in tests).
                transport._pool = httpcore.ConnectionPool(
                    ssl_context=self._ssl_context,
                    max_connections=self._limits.max_connections,
                    max_keepalive_connections=self._limits.max_keepalive_connections,
                    keepalive_expiry=self._limits.keepalive_expiry,
                    http1=True, http2=False,
                    network_backend=GuardedBackend(policy, self._resolver),
                )
                self._transports[policy.key] = transport
            return transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = request.extensions.get("caravan_policy")
        if not isinstance(policy, AddressPolicy):
            policy = PUBLIC
        return self._for(policy).handle_request(request)

    def close(self) -> None:
        with self._lock:
            transports, self._transports = list(self._transports.values()), {}
        for transport in transports:
            transport.close()
