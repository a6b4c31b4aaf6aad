"""Hostile and broken servers on 127.0.0.1: hangs, drips, resets, redirect tricks, bombs and floods.

Each must end as one outcome with one clear line, in bounded time and memory, never an exception.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
import tracemalloc
import zlib

import pytest
from pytest_httpserver import HTTPServer

from flows.fetch import Fetcher
from tests.test_fetch import allow_robots, fast_settings, local_fetch, loopback_only, paths, server  # noqa: F401


class RawServer:
    """A loopback TCP server that runs ``handler(conn, stop)`` for each connection in its own thread."""

    def __init__(self, handler) -> None:
        self.handler = handler
        self.stop = threading.Event()
        self.request_lines: list[str] = []
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(2)
        try:
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            self.request_lines.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
            self.handler(conn, self.stop)
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self._accepter.join(2)
        for thread in self._threads:
            thread.join(2)
        self.sock.close()


@pytest.fixture
def raw_server():
    servers: list[RawServer] = []

    def make(handler) -> RawServer:
        srv = RawServer(handler)
        servers.append(srv)
        return srv

    yield make
    for srv in servers:
        srv.close()


def no_robots(**kw):
    return fast_settings(obey_robots=False, **kw)


# ---------------------------------------------------------------------------------------------------
# slow, silent and broken connections

def test_server_that_never_sends_headers_times_out(raw_server):
    srv = raw_server(lambda conn, stop: stop.wait(5))
    with Fetcher(no_robots(timeout=0.5, retries=1, backoff=0.01)) as fetcher:
        started = time.monotonic()
        out = local_fetch(fetcher, srv.url("/hang"))
        elapsed = time.monotonic() - started
    assert out.outcome == "failed" and out.attempts == 2
    assert out.error == "timed out after 0.5 s waiting for headers (after 2 attempts)"
    assert 1.0 <= elapsed < 2.0, elapsed
    assert len(srv.request_lines) == 2


def test_body_dripping_a_byte_a_second_hits_the_total_deadline(raw_server):
    def drip(conn, stop):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n")
        while not stop.is_set():
            conn.sendall(b"x")
            stop.wait(1.0)

    srv = raw_server(drip)
    with Fetcher(no_robots(timeout=1.5, total_timeout=2.0, retries=2)) as fetcher:
        started = time.monotonic()
        out = local_fetch(fetcher, srv.url("/drip"))
        elapsed = time.monotonic() - started
    assert out.outcome == "failed" and out.attempts == 1          # a deadline is not retried
    assert out.error.startswith("exceeded the total deadline of 2 s after ")
    assert out.error.endswith(" bytes of body") and 1 <= out.bytes <= 3
    assert 1.9 <= elapsed < 2.5, elapsed   # cut at the deadline, not a read timeout later


def test_headers_dripping_hit_the_total_deadline(raw_server):
    def slowloris(conn, stop):
        conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not stop.is_set():
            conn.sendall(b"a")
            stop.wait(0.1)

    srv = raw_server(slowloris)
    with Fetcher(no_robots(timeout=1.0, total_timeout=1.0)) as fetcher:
        started = time.monotonic()
        out = local_fetch(fetcher, srv.url("/slow-headers"))
        elapsed = time.monotonic() - started
    assert out.outcome == "failed" and out.attempts == 1
    assert out.error == "exceeded the total deadline of 1 s waiting for headers"
    assert elapsed < 1.5, elapsed


def test_connection_reset_mid_body(raw_server):
    def reset(conn, stop):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        conn.sendall(b"y" * 12345)
        time.sleep(0.3)   # let the client read what was sent before the RST
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    srv = raw_server(reset)
    with Fetcher(no_robots(retries=0)) as fetcher:
        out = local_fetch(fetcher, srv.url("/reset"))
    assert out.outcome == "failed" and out.status == 200 and out.raw is None
    assert out.error == "connection reset mid-body after 12,345 bytes"
    assert out.bytes == 12345


def test_connection_closed_mid_body_is_retried(raw_server):
    def short(conn, stop):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + b"z" * 100)

    srv = raw_server(short)
    with Fetcher(no_robots(retries=1, backoff=0.01)) as fetcher:
        out = local_fetch(fetcher, srv.url("/short"))
    assert out.outcome == "failed" and out.attempts == 2 and len(srv.request_lines) == 2
    assert out.error == "connection closed mid-body after 100 bytes (incomplete response) (after 2 attempts)"


def test_server_closing_without_a_response(raw_server):
    srv = raw_server(lambda conn, stop: None)
    with Fetcher(no_robots(retries=1, backoff=0.01)) as fetcher:
        out = local_fetch(fetcher, srv.url("/close"))
    assert out.outcome == "failed" and out.attempts == 2
    assert out.error == "connection closed before the response headers (after 2 attempts)"


def test_garbage_instead_of_http_is_not_retried(raw_server):
    srv = raw_server(lambda conn, stop: conn.sendall(b"\x00\x01SSH-2.0-OpenSSH\r\n\r\n"))
    with Fetcher(no_robots(retries=3)) as fetcher:
        out = local_fetch(fetcher, srv.url("/garbage"))
    assert out.outcome == "failed" and out.attempts == 1
    assert out.error.startswith("invalid HTTP response:") and "\n" not in out.error


def test_endless_headers_are_refused(raw_server):
    def flood(conn, stop):
        conn.sendall(b"HTTP/1.1 200 OK\r\n")
        for i in range(4000):
            conn.sendall(b"X-Junk-%d: %s\r\n" % (i, b"j" * 100))

    srv = raw_server(flood)
    with Fetcher(no_robots(retries=0)) as fetcher:
        out = local_fetch(fetcher, srv.url("/headers"))
    assert out.outcome == "failed" and out.error.startswith("invalid HTTP response:")


def test_connection_refused_is_a_failed_outcome():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()   # nothing listens there now
    with Fetcher(no_robots(retries=1, backoff=0.01)) as fetcher:
        out = local_fetch(fetcher, f"http://127.0.0.1:{port}/")
    assert out.outcome == "failed" and out.attempts == 2
    assert out.error.startswith("connection failed:") and out.error.endswith("(after 2 attempts)")


def test_one_hanging_source_does_not_stall_the_others(raw_server, server):
    allow_robots(server)
    server.expect_request("/good").respond_with_data("fine")
    hang = raw_server(lambda conn, stop: stop.wait(5))
    requests = [{"url": hang.url("/h"), "source_id": "bad", "source_is_local": True}] + [
        {"url": server.url_for("/good") + f"?i={i}", "source_id": "good", "source_is_local": True}
        for i in range(4)]
    with Fetcher(fast_settings(timeout=0.5, retries=0, obey_robots=True)) as fetcher:
        started = time.monotonic()
        outs = fetcher.fetch_many(requests)
    assert time.monotonic() - started < 2.0
    assert outs[0].outcome == "failed"      # its robots.txt never answered: the host is down
    assert outs[0].error == "host unreachable: timed out after 0.5 s waiting for headers"
    assert [o.outcome for o in outs[1:]] == ["ok"] * 4


# ---------------------------------------------------------------------------------------------------
# redirects

def test_redirect_loop(server):
    allow_robots(server)
    server.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/a"))
    assert out.outcome == "failed" and out.error == "redirect loop"
    assert paths(server).count("/a") == 1 and paths(server).count("/b") == 1


def test_too_many_redirects(server):
    allow_robots(server)
    for i in range(10):
        server.expect_request(f"/r{i}").respond_with_data("", status=307, headers={"Location": f"/r{i + 1}"})
    with Fetcher(fast_settings(max_redirects=3)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/r0"))
    assert out.outcome == "failed" and out.error == "too many redirects (more than 3)"
    assert [p for p in paths(server) if p.startswith("/r") and p != "/robots.txt"] == ["/r0", "/r1", "/r2", "/r3"]


def test_redirect_is_followed_and_final_url_kept(server):
    allow_robots(server)
    server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new#frag"})
    server.expect_request("/new").respond_with_data("<html>moved</html>", content_type="text/html")
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/old"))
    assert out.ok and out.url == server.url_for("/old") and out.final_url == server.url_for("/new")
    assert out.raw.url == server.url_for("/old") and out.raw.final_url == server.url_for("/new")
    assert out.attempts == 2


def test_redirect_to_file_url_is_refused(server):
    allow_robots(server)
    server.expect_request("/leak").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/leak"))
    assert out.outcome == "blocked" and out.error == "redirect to file:// refused"
    assert out.raw is None and out.bytes == 0 and "root:" not in repr(out)


@pytest.mark.parametrize("location, message", [
    ("http://169.254.169.254/latest/meta-data/", "address 169.254.169.254 is link-local: refused"),
    ("http://10.0.0.1/", "address 10.0.0.1 is private: refused"),
    ("http://[::ffff:169.254.169.254]/", "address ::ffff:169.254.169.254 is link-local: refused"),
    ("http://0.0.0.0:{port}/secret", "address 0.0.0.0 is unspecified: refused"),
    ("gopher://127.0.0.1:{port}/", "redirect to gopher:// refused"),
    ("//10.0.0.1/x", "address 10.0.0.1 is private: refused"),
])
def test_redirect_to_a_refused_address_stops_before_connecting(server, loopback_only, location, message):
    allow_robots(server)
    server.expect_request("/go").respond_with_data(
        "", status=302, headers={"Location": location.format(port=server.port)})
    server.expect_request("/secret").respond_with_data("secret")
    with Fetcher(fast_settings()) as fetcher:
        started = time.monotonic()
        out = local_fetch(fetcher, server.url_for("/go"))
    assert time.monotonic() - started < 0.5
    assert out.outcome == "blocked" and out.error == message and out.status == 302
    assert "/secret" not in paths(server) and not loopback_only


# ---------------------------------------------------------------------------------------------------
# size caps and bombs

def gzip_of_zeros(gib: int = 1) -> bytes:
    """A valid one-member gzip of ``gib`` GiB of zeros, ≈1 MB: one full-flushed deflate block of 1 MiB
    of zeros repeated (each block stands alone after a full flush), then the gzip trailer."""
    mib = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = comp.compress(mib) + comp.flush(zlib.Z_FULL_FLUSH)
    count = 1024 * gib
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(mib, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + block * count + end
            + struct.pack("<II", crc, (count << 20) & 0xFFFFFFFF))


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    bomb = gzip_of_zeros(1)
    assert len(bomb) < 1_200_000
    return bomb


def test_gzip_bomb_stops_at_the_cap_with_bounded_memory(raw_server, gzip_bomb):
    # served from a raw socket so tracemalloc sees the client's memory, not a Python web server's copies
    head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            b"Content-Length: %d\r\n\r\n" % len(gzip_bomb))
    srv = raw_server(lambda conn, stop: conn.sendall(head + gzip_bomb))
    cap = 5_000_000
    with Fetcher(fast_settings(max_bytes=cap, retries=2)) as fetcher:   # robots.txt is a bomb too
        tracemalloc.start()
        try:
            started = time.monotonic()
            out = local_fetch(fetcher, srv.url("/bomb"))
            elapsed = time.monotonic() - started
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert out.outcome == "failed" and out.attempts == 1 and out.raw is None
    assert out.error == "response exceeds 5,000,000 bytes (decompressed)"
    assert cap - 65536 <= out.bytes <= cap
    assert peak < cap + 1_500_000, f"peak {peak:,} bytes"   # the cap plus a few 64 KiB pieces
    assert elapsed < 2.0, elapsed
    assert srv.request_lines == ["GET /robots.txt HTTP/1.1", "GET /bomb HTTP/1.1"]


def test_honest_compressed_bodies_decode(server):
    """The same decoder gives the right bytes for an honest gzip body (and a deflate one)."""
    allow_robots(server)
    text = ("<html><body>" + "Astana hosted talks. " * 5000 + "</body></html>").encode()
    server.expect_request("/gz").respond_with_data(_gzip(text),
                                                   content_type="text/html", headers={"Content-Encoding": "gzip"})
    server.expect_request("/zl").respond_with_data(zlib.compress(text), content_type="text/html",
                                                   headers={"Content-Encoding": "deflate"})
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    server.expect_request("/rd").respond_with_data(raw_deflate.compress(text) + raw_deflate.flush(),
                                                   content_type="text/html", headers={"Content-Encoding": "deflate"})
    with Fetcher(fast_settings()) as fetcher:
        for path in ("/gz", "/zl", "/rd"):
            out = local_fetch(fetcher, server.url_for(path))
            assert out.ok and out.raw.body == text and out.bytes == len(text), path


def _gzip(data: bytes) -> bytes:
    comp = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return comp.compress(data) + comp.flush()


def test_double_gzip_bomb_is_capped(server, gzip_bomb):
    allow_robots(server)
    server.expect_request("/bomb2").respond_with_data(_gzip(gzip_bomb), headers={"Content-Encoding": "gzip, gzip"})
    with Fetcher(fast_settings(max_bytes=2_000_000)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/bomb2"))
    assert out.outcome == "failed" and out.error == "response exceeds 2,000,000 bytes (decompressed)"


def test_page_over_the_cap_is_cut(server):
    allow_robots(server)
    server.expect_request("/big").respond_with_data(b"a" * 5000, content_type="text/html")

    def chunked():
        for _ in range(50):
            yield b"b" * 1000

    from werkzeug.wrappers import Response
    server.expect_request("/big-chunked").respond_with_response(Response(chunked(), content_type="text/html"))
    with Fetcher(fast_settings(max_bytes=1000)) as fetcher:
        declared = local_fetch(fetcher, server.url_for("/big"))
        streamed = local_fetch(fetcher, server.url_for("/big-chunked"))
    assert declared.outcome == "failed" and declared.raw is None and declared.bytes == 0
    assert declared.error == "response exceeds 1,000 bytes (Content-Length 5,000)"
    assert streamed.outcome == "failed" and streamed.raw is None and streamed.bytes == 1000
    assert streamed.error == "response exceeds 1,000 bytes"


def test_unsupported_content_encoding(server):
    allow_robots(server)
    server.expect_request("/br").respond_with_data(b"\x8b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/br"))
    assert out.outcome == "failed" and out.error == "unsupported Content-Encoding 'br'" and out.attempts == 1


def test_corrupt_gzip_is_a_clear_failure(server):
    allow_robots(server)
    server.expect_request("/badgz").respond_with_data(b"\x1f\x8bnot really gzip at all",
                                                      headers={"Content-Encoding": "gzip"})
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/badgz"))
    assert out.outcome == "failed" and out.error.startswith("invalid gzip content-encoding:")


# ---------------------------------------------------------------------------------------------------
# odd addresses and TLS

def test_invalid_redirect_target_is_a_failure(raw_server):
    def redirect_to(location: bytes):
        return lambda conn, stop: conn.sendall(
            b"HTTP/1.1 302 Found\r\nLocation: " + location + b"\r\nContent-Length: 0\r\n\r\n")

    bad_location = raw_server(redirect_to(b"http://[::1/x"))
    bad_port = raw_server(redirect_to(b"http://127.0.0.1:99999/"))
    with Fetcher(no_robots()) as fetcher:
        out_location = local_fetch(fetcher, bad_location.url("/badloc"))
        out_port = local_fetch(fetcher, bad_port.url("/badport"))
        out_url = fetcher.fetch("http://[nonsense/", source_id="t")
    assert out_location.outcome == "failed"   # httpx rejects the Location header itself
    assert out_location.error == "invalid HTTP response: Invalid URL in location header: Invalid port: ':1'."
    assert out_port.outcome == "failed" and out_port.error.startswith("invalid URL 'http://127.0.0.1:99999/'")
    assert out_url.outcome == "failed" and out_url.error.startswith("invalid URL")


def test_unresolvable_host_is_a_failure():
    import httpcore

    def resolver(host, port):
        raise httpcore.ConnectError(f"cannot resolve host {host}: Name or service not known")

    with Fetcher(fast_settings(), resolver=resolver) as fetcher:
        out = fetcher.fetch("http://no-such-host.test/", source_id="t")
    assert out.outcome == "failed" and out.attempts == 0
    assert out.error == "cannot resolve host no-such-host.test: Name or service not known"


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory):
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("openssl CLI absent")
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True, timeout=30)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def test_untrusted_certificate_fails_without_retry(self_signed):
    srv = HTTPServer(host="127.0.0.1", port=0, ssl_context=self_signed, threaded=True)
    srv.start()
    try:
        srv.expect_request("/tls").respond_with_data("secret")
        url = f"https://127.0.0.1:{srv.port}/tls"
        with Fetcher(fast_settings(retries=3, obey_robots=False)) as fetcher:
            out = local_fetch(fetcher, url)
        assert out.outcome == "failed" and out.attempts == 1
        assert out.error.startswith("TLS handshake failed:") and "CERTIFICATE_VERIFY_FAILED" in out.error
        assert "/tls" not in [req.path for req, _ in srv.log]
    finally:
        srv.clear()
        srv.stop()
