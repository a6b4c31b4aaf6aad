"""flows/fetch.py and flows/netguard.py over real HTTP on 127.0.0.1: statuses, retries, politeness,
conditional GET, concurrency, the address policy and local files.

Every test runs under a tripwire (`loopback_only`) that fails any socket connect to a non-loopback
address, so a guard bug cannot send a packet off this machine.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import threading
import time
import zlib

import pytest
from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from flows.config import FetchSettings
from flows.fetch import FetchError, Fetcher, FetchOutcome, _retry_after, product_token, read_local
from flows.netguard import (LOOPBACK, PRIVATE, PUBLIC, AddressRefused, check_ip, classify,
                            is_local_url, policy_for)


# ---------------------------------------------------------------------------------------------------
# shared helpers (imported by test_fetch_hostile.py and test_robots.py)

def fast_settings(**overrides) -> FetchSettings:
    base = dict(timeout=1.0, total_timeout=3.0, retries=2, backoff=0.05, max_retry_after=5.0,
                per_host_delay=0.0, max_bytes=1_000_000)
    base.update(overrides)
    return FetchSettings(**base)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch):
    """Fail the test if anything tries to connect to an address that is not loopback."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    attempts: list = []

    def check(address):
        if isinstance(address, tuple) and address:
            try:
                ip = ipaddress.ip_address(str(address[0]).split("%")[0])
            except ValueError:
                ip = None
            if ip is None or not ip.is_loopback:
                attempts.append(address)
                raise AssertionError(f"non-loopback connect attempted: {address!r}")

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts
    assert not attempts, f"non-loopback connects: {attempts}"


class QuickHTTPServer(HTTPServer):
    """pytest-httpserver that stops in ~50 ms (serve_forever polls for shutdown every 0.5 s by default)."""

    def thread_target(self) -> None:
        self.server.serve_forever(poll_interval=0.05)


@pytest.fixture
def server():
    """A threaded loopback HTTP server of its own for each test (slow handlers cannot leak into the next)."""
    srv = QuickHTTPServer(host="127.0.0.1", port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    srv.stop()


def allow_robots(srv: HTTPServer) -> None:
    srv.expect_request("/robots.txt").respond_with_data("not found", status=404)


def paths(srv: HTTPServer) -> list[str]:
    return [req.path for req, _resp in srv.log]


class Arrivals:
    """A request handler that records arrival times and answers with a scripted list of responses."""

    def __init__(self, *responses: Response | None, sleep: float = 0.0) -> None:
        self.responses = list(responses)
        self.times: list[float] = []
        self.requests: list[Request] = []
        self.sleep = sleep
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self._lock:
            self.times.append(time.monotonic())
            self.requests.append(request)
            self.active += 1
            self.max_active = max(self.max_active, self.active)
            index = len(self.times) - 1
        try:
            if self.sleep:
                time.sleep(self.sleep)
            if self.responses:
                resp = self.responses[min(index, len(self.responses) - 1)]
                if resp is not None:
                    return resp
            return Response(f"<html><body>{request.path}</body></html>", content_type="text/html")
        finally:
            with self._lock:
                self.active -= 1


def local_fetch(fetcher: Fetcher, url: str, **kw) -> FetchOutcome:
    return fetcher.fetch(url, source_id="test", source_is_local=True, **kw)


# ---------------------------------------------------------------------------------------------------
# ordinary pages

def test_200_html_page(server):
    allow_robots(server)
    server.expect_request("/article").respond_with_data(
        "<html><body><p>Talks in Tashkent.</p></body></html>", content_type="text/html; charset=utf-8",
        headers={"ETag": '"abc"', "Last-Modified": "Wed, 21 Oct 2026 07:28:00 GMT", "X-Custom": "1"})
    url = server.url_for("/article")
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, url)
    assert out.outcome == "ok" and out.ok and out.error is None
    assert out.status == 200 and out.attempts == 1
    assert out.etag == '"abc"' and out.last_modified == "Wed, 21 Oct 2026 07:28:00 GMT"
    assert out.content_type == "text/html; charset=utf-8"
    raw = out.raw
    assert raw is not None and raw.body.startswith(b"<html>") and out.bytes == len(raw.body)
    assert raw.url == url and raw.final_url == url and raw.status == 200 and raw.source_id == "test"
    assert raw.content_type == "text/html; charset=utf-8"
    assert raw.headers["x-custom"] == "1" and all(k == k.lower() for k in raw.headers)
    assert raw.fetched_at.tzinfo is not None and raw.fetched_at.utcoffset() == dt.timedelta(0)
    assert abs((dt.datetime.now(dt.timezone.utc) - raw.fetched_at).total_seconds()) < 5
    assert out.duration_ms > 0


def test_user_agent_and_contact_are_sent(server):
    allow_robots(server)
    seen = Arrivals()
    server.expect_request("/ua").respond_with_handler(seen)
    settings = fast_settings(user_agent="CaravanBot/9.9 (+https://example.org/bot)",
                             contact_url="mailto:ops@example.org")
    with Fetcher(settings) as fetcher:
        assert local_fetch(fetcher, server.url_for("/ua")).ok
    ua = seen.requests[0].headers["User-Agent"]
    assert ua.startswith("CaravanBot/9.9 (+https://example.org/bot)") and "mailto:ops@example.org" in ua
    assert "gzip" in seen.requests[0].headers["Accept-Encoding"]
    assert product_token(settings.user_agent) == "CaravanBot"


@pytest.mark.parametrize("status, text", [(404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone"),
                                          (403, "HTTP 403 Forbidden")])
def test_client_errors_fail_without_retry(server, status, text):
    allow_robots(server)
    server.expect_request("/gone").respond_with_data("nope", status=status)
    with Fetcher(fast_settings(retries=3)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/gone"))
    assert out.outcome == "failed" and out.error == text and out.status == status
    assert out.attempts == 1 and out.raw is None
    assert paths(server).count("/gone") == 1


def test_500_then_200_is_retried(server):
    allow_robots(server)
    seen = Arrivals(Response("oops", status=500), None)
    server.expect_request("/flaky").respond_with_handler(seen)
    with Fetcher(fast_settings(retries=2, backoff=0.2)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/flaky"))
    assert out.outcome == "ok" and out.attempts == 2 and out.status == 200
    assert b"/flaky" in out.raw.body
    gap = seen.times[1] - seen.times[0]
    assert 0.1 <= gap < 1.0, gap   # backoff 0.2 s with jitter in [0.1, 0.2]


def test_503_exhausts_retries(server):
    allow_robots(server)
    server.expect_request("/down").respond_with_data("busy", status=503)
    with Fetcher(fast_settings(retries=2)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/down"))
    assert out.outcome == "failed" and out.status == 503 and out.attempts == 3
    assert out.error == "HTTP 503 Service Unavailable (after 3 attempts)"
    assert paths(server).count("/down") == 3


def test_429_retry_after_is_honoured(server):
    allow_robots(server)
    seen = Arrivals(Response("slow down", status=429, headers={"Retry-After": "1"}), None)
    server.expect_request("/limited").respond_with_handler(seen)
    with Fetcher(fast_settings(retries=2, backoff=0.01)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/limited"))
    assert out.outcome == "ok" and out.attempts == 2
    gap = seen.times[1] - seen.times[0]
    assert 1.0 <= gap < 1.6, gap


def test_retry_after_beyond_limit_fails_now(server):
    allow_robots(server)
    server.expect_request("/later").respond_with_data("", status=429, headers={"Retry-After": "3600"})
    started = time.monotonic()
    with Fetcher(fast_settings(retries=3, max_retry_after=2)) as fetcher:
        out = local_fetch(fetcher, server.url_for("/later"))
    assert time.monotonic() - started < 1.0
    assert out.outcome == "failed" and out.attempts == 1 and out.status == 429
    assert out.error == "HTTP 429 Too Many Requests; Retry-After 3,600 s exceeds the 2 s we wait"


def test_retry_after_parsing():
    assert _retry_after("7") == 7.0
    assert _retry_after(None) is None and _retry_after("soon") is None
    future = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=30)
    from email.utils import format_datetime
    assert 25 <= _retry_after(format_datetime(future, usegmt=True)) <= 31
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0   # in the past: now


def test_conditional_get_gives_not_modified(server):
    allow_robots(server)

    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("<html>v1</html>", content_type="text/html",
                        headers={"ETag": '"v1"', "Last-Modified": "Wed, 21 Oct 2026 07:28:00 GMT"})

    server.expect_request("/cond").respond_with_handler(handler)
    url = server.url_for("/cond")
    with Fetcher(fast_settings()) as fetcher:
        first = local_fetch(fetcher, url)
        assert first.ok and first.etag == '"v1"'
        second = local_fetch(fetcher, url, validators={"etag": first.etag,
                                                       "last_modified": first.last_modified})
    assert second.outcome == "not_modified" and second.status == 304 and second.raw is None
    assert second.etag == '"v1"' and second.last_modified == first.last_modified
    sent = [req for req, _ in server.log if req.path == "/cond"][1]
    assert sent.headers["If-None-Match"] == '"v1"'
    assert sent.headers["If-Modified-Since"] == "Wed, 21 Oct 2026 07:28:00 GMT"


def test_validators_with_control_characters_are_not_sent(server):
    allow_robots(server)
    seen = Arrivals()
    server.expect_request("/v").respond_with_handler(seen)
    with Fetcher(fast_settings()) as fetcher:
        out = local_fetch(fetcher, server.url_for("/v"), validators={"etag": '"a"\r\nX-Evil: 1'})
    assert out.ok and "If-None-Match" not in seen.requests[0].headers
    assert "X-Evil" not in seen.requests[0].headers


def test_per_host_delay_between_requests(server):
    allow_robots(server)
    seen = Arrivals()
    server.expect_request("/p").respond_with_handler(seen)
    with Fetcher(fast_settings(per_host_delay=0.4)) as fetcher:
        assert local_fetch(fetcher, server.url_for("/p")).ok
        assert local_fetch(fetcher, server.url_for("/p")).ok
    gap = seen.times[1] - seen.times[0]
    assert gap >= 0.39, gap


def test_fetch_many_keeps_order_and_per_host_limit(server):
    allow_robots(server)
    seen = Arrivals(sleep=0.25)
    server.expect_request("/many").respond_with_handler(seen)
    requests = [{"url": server.url_for("/many") + f"?n={i}", "source_id": "t", "source_is_local": True}
                for i in range(8)]
    with Fetcher(fast_settings(per_host_concurrency=2, concurrency=8)) as fetcher:
        started = time.monotonic()
        outs = fetcher.fetch_many(requests)
        elapsed = time.monotonic() - started
    assert [o.url for o in outs] == [r["url"] for r in requests]
    assert all(o.ok for o in outs)
    assert seen.max_active == 2                      # concurrent, but never more than 2 per host
    assert 0.9 <= elapsed < 2.5, elapsed             # 8 × 0.25 s, two at a time ≈ 1 s


def test_fetch_many_global_limit_across_hosts(server):
    allow_robots(server)
    seen = Arrivals(sleep=0.25)
    server.expect_request("/g").respond_with_handler(seen)
    port = server.port
    hosts = ["127.0.0.1", "localhost"]   # two host names, one server
    requests = [{"url": f"http://{hosts[i % 2]}:{port}/g?n={i}", "source_id": "t", "source_is_local": True}
                for i in range(8)]
    with Fetcher(fast_settings(per_host_concurrency=4, concurrency=3)) as fetcher:
        outs = fetcher.fetch_many(requests)
    assert all(o.ok for o in outs), [o.error for o in outs]
    assert [o.url for o in outs] == [r["url"] for r in requests]
    assert seen.max_active == 3


def test_fetch_many_survives_a_bad_request(server):
    allow_robots(server)
    server.expect_request("/ok").respond_with_data("fine")
    with Fetcher(fast_settings()) as fetcher:
        outs = fetcher.fetch_many([{"url": server.url_for("/ok"), "source_id": "t", "source_is_local": True},
                                   {"url": server.url_for("/ok"), "bogus": 1},
                                   {"url": "ftp://example.org/x", "source_id": "t"}])
    assert [o.outcome for o in outs] == ["ok", "failed", "blocked"]
    assert outs[1].error.startswith("bad fetch request:")
    assert outs[2].error == "scheme ftp:// refused"
    assert fetcher.fetch_many([]) == []


# ---------------------------------------------------------------------------------------------------
# address policy

def test_loopback_needs_a_local_source(server):
    allow_robots(server)
    server.expect_request("/local").respond_with_data("here")
    url = server.url_for("/local")
    with Fetcher(fast_settings()) as fetcher:
        refused = fetcher.fetch(url, source_id="t")
        allowed = fetcher.fetch(url, source_id="t", source_is_local=True)
        private_ok = fetcher.fetch(url, source_id="t", allow_private=True)
    assert refused.outcome == "blocked" and refused.error == "address 127.0.0.1 is loopback: refused"
    assert refused.attempts == 0
    assert allowed.ok and private_ok.ok
    assert paths(server).count("/local") == 2


@pytest.mark.parametrize("url, message", [
    ("http://10.0.0.1/", "address 10.0.0.1 is private: refused"),
    ("http://192.168.1.20:8080/admin", "address 192.168.1.20 is private: refused"),
    ("http://172.16.5.4/", "address 172.16.5.4 is private: refused"),
    ("http://169.254.169.254/latest/meta-data/", "address 169.254.169.254 is link-local: refused"),
    ("http://100.64.0.7/", "address 100.64.0.7 is private (carrier-grade NAT): refused"),
    ("http://[fd00::1]/", "address fd00::1 is private: refused"),
    ("http://[fe80::1]/", "address fe80::1 is link-local: refused"),
    ("http://[::ffff:10.0.0.1]/", "address ::ffff:10.0.0.1 is private: refused"),
    ("http://0.0.0.0/", "address 0.0.0.0 is unspecified: refused"),
    ("http://224.0.0.1/", "address 224.0.0.1 is multicast: refused"),
    ("http://240.0.0.1/", "address 240.0.0.1 is reserved: refused"),
    ("file:///etc/passwd", "scheme file:// refused"),
    ("gopher://example.org/", "scheme gopher:// refused"),
])
def test_private_and_odd_urls_are_refused_before_connecting(url, message, loopback_only):
    with Fetcher(fast_settings()) as fetcher:
        started = time.monotonic()
        out = fetcher.fetch(url, source_id="t")
        local = fetcher.fetch(url, source_id="t", source_is_local=True)
    assert time.monotonic() - started < 0.5
    assert out.outcome == "blocked" and out.error == message and out.attempts == 0 and out.raw is None
    assert local.outcome == "blocked" and local.error == message   # a local source still may not
    assert not loopback_only


@pytest.mark.parametrize("url, message", [
    ("http://2130706433/", "address 127.0.0.1 (2130706433) is loopback: refused"),   # decimal 127.0.0.1
    ("http://127.1:8080/", "address 127.0.0.1 (127.1) is loopback: refused"),
    ("http://[::ffff:127.0.0.1]/", "address ::ffff:127.0.0.1 is loopback: refused"),
])
def test_loopback_spellings_are_refused_for_a_public_source(url, message):
    with Fetcher(fast_settings()) as fetcher:
        out = fetcher.fetch(url, source_id="t")
    assert out.outcome == "blocked" and out.error == message and out.attempts == 0


def test_classify_and_policy():
    assert classify("8.8.8.8") is None and classify("2606:4700::1111") is None
    assert classify("127.0.0.5") == "loopback" and classify("::1") == "loopback"
    assert classify("::ffff:127.0.0.1") == "loopback"
    assert classify("64:ff9b::a9fe:a9fe") == "link-local"          # NAT64 of 169.254.169.254
    assert classify("2002:a00:1::") == "private"                    # 6to4 of 10.0.0.1
    assert classify("192.0.2.1") == "reserved" and classify("198.18.0.1") == "reserved"
    assert classify("ff02::1") == "multicast" and classify("::") == "unspecified"
    assert policy_for() is PUBLIC and policy_for(source_is_local=True) is LOOPBACK
    assert policy_for(allow_private=True) is PRIVATE
    check_ip("127.0.0.1", LOOPBACK)
    check_ip("10.1.2.3", PRIVATE)
    check_ip("169.254.169.254", PRIVATE)
    for ip, policy in [("10.1.2.3", LOOPBACK), ("127.0.0.1", PUBLIC), ("0.0.0.0", PRIVATE),
                       ("224.0.0.1", PRIVATE)]:
        with pytest.raises(AddressRefused):
            check_ip(ip, policy)


def test_is_local_url():
    assert is_local_url("http://127.0.0.1:8000/feed.xml")
    assert is_local_url("http://localhost/x") and is_local_url("http://LOCALHOST.:81/")
    assert is_local_url("http://[::1]:9000/") and is_local_url("http://app.localhost/")
    assert not is_local_url("http://10.0.0.1/") and not is_local_url("https://example.org/")
    assert not is_local_url("http://127.0.0.1.example.org/") and not is_local_url("not a url")


def test_guarded_transport_connects_to_the_checked_address(server):
    """The connection goes to the address the guard resolved and checked (a made-up host name here)."""
    allow_robots(server)
    seen = Arrivals()
    server.expect_request("/via").respond_with_handler(seen)
    calls: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    with Fetcher(fast_settings(), resolver=resolver) as fetcher:
        out = fetcher.fetch(f"http://caravan.test:{server.port}/via", source_id="t", source_is_local=True)
    assert out.ok, out.error
    assert seen.requests[0].headers["Host"] == f"caravan.test:{server.port}"
    assert "caravan.test" in calls


def test_dns_rebinding_is_refused_at_connect_time(server, loopback_only):
    """First answer public (passes the pre-check), second answer loopback (at connect): refused there."""
    allow_robots(server)
    server.expect_request("/rebind").respond_with_data("secret")
    answers = iter([["93.184.216.34"]])

    def resolver(host: str, port: int) -> list[str]:
        return next(answers, ["127.0.0.1"])

    with Fetcher(fast_settings(obey_robots=False), resolver=resolver) as fetcher:
        out = fetcher.fetch(f"http://rebind.test:{server.port}/rebind", source_id="t")
    assert out.outcome == "blocked"
    assert out.error == "address 127.0.0.1 (rebind.test) is loopback: refused"
    assert "/rebind" not in paths(server) and not loopback_only


# ---------------------------------------------------------------------------------------------------
# local files

def test_read_local_files(tmp_path):
    page = tmp_path / "a.html"
    page.write_bytes(b"<html><p>x</p></html>")
    (tmp_path / "b.txt").write_text("plain", encoding="utf-8")
    (tmp_path / "c.rss").write_text("<rss/>", encoding="utf-8")
    raw = read_local(page, "files-src", 1000)
    assert raw.url == page.resolve().as_uri() and raw.final_url == raw.url and raw.url.startswith("file://")
    assert raw.content_type == "text/html" and raw.status == 200 and raw.body == b"<html><p>x</p></html>"
    assert raw.source_id == "files-src" and raw.fetched_at.tzinfo is not None
    assert read_local(tmp_path / "b.txt", "s", 1000).content_type == "text/plain"
    assert read_local(tmp_path / "c.rss", "s", 1000).content_type == "application/xml"


def test_read_local_refusals(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(FetchError, match="2,000 bytes exceeds the 1,000-byte limit"):
        read_local(big, "s", 1000)
    with pytest.raises(FetchError, match="cannot read"):
        read_local(tmp_path / "missing.html", "s", 1000)
    with pytest.raises(FetchError, match="not a regular file"):
        read_local(tmp_path, "s", 1000)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(FetchError, match="not a regular file"):   # and no hang waiting for a writer
        read_local(fifo, "s", 1000)
    assert time.monotonic() - started < 1
    inside = tmp_path / "root"
    inside.mkdir()
    (inside / "link.html").symlink_to(big)
    with pytest.raises(FetchError, match="resolves outside"):
        read_local(inside / "link.html", "s", 5000, root=inside)
    (inside / "ok.html").write_text("ok")
    assert read_local(inside / "ok.html", "s", 5000, root=inside).body == b"ok"
    error = FetchError("x")
    assert isinstance(error, Exception) and "\n" not in str(error)


# ---------------------------------------------------------------------------------------------------
# the bounded decoder, against zlib itself

from hypothesis import given, settings as hsettings, strategies as st  # noqa: E402

from flows.fetch import PIECE, _decode, _Inflater  # noqa: E402


@hsettings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=4000), repeat=st.integers(1, 300), cuts=st.lists(st.integers(0, 10**6), max_size=8) | st.just([1, 2, 3]),
       encoding=st.sampled_from(["gzip", "deflate", "raw-deflate"]))
def test_bounded_decoder_matches_zlib(data, repeat, cuts, encoding):
    plain = data * repeat
    wbits = {"gzip": 31, "deflate": 15, "raw-deflate": -15}[encoding]
    comp = zlib.compressobj(6, zlib.DEFLATED, wbits)
    packed = comp.compress(plain) + comp.flush()
    bounds = sorted({c % (len(packed) + 1) for c in cuts} | {0, len(packed)})
    inflaters = [_Inflater("deflate" if encoding == "raw-deflate" else encoding)]
    out = []
    for start, end in zip(bounds, bounds[1:]):
        for piece in _decode(packed[start:end], inflaters):
            assert len(piece) <= PIECE
            out.append(piece)
    assert b"".join(out) == plain
