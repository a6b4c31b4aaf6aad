"""Polite, defensive fetching: URL -> FetchOutcome (with a RawPage), and files -> RawPage.

One bad or hostile source must never crash, hang or flood a run, so :meth:`Fetcher.fetch` never raises
for network, HTTP or content trouble; the cause goes into ``FetchOutcome.error`` as one line.

- Politeness: robots.txt (RFC 9309, protego, matched on the User-Agent product token), a delay per host
  (``per_host_delay``, or the robots ``Crawl-delay`` when larger, capped at ``max_retry_after``) between
  one request's start and the next, and between one request's end and the next start; at most
  ``per_host_concurrency`` requests per host and ``concurrency`` in all.
- Retries: timeouts, connection errors, 5xx and 429, with exponential backoff and jitter; a
  ``Retry-After`` (seconds or HTTP date) is honoured up to ``max_retry_after`` and blocks the whole host
  meanwhile. Other 4xx are final. A request that ran into the total deadline is not retried.
- Limits: every socket wait is bounded by ``timeout`` and by the request's ``total_timeout`` deadline
  (see flows/netguard.py); the body is streamed and decoded here, in pieces of at most 64 KiB, so a
  gzip bomb stops at ``max_bytes`` decompressed bytes with memory bounded near the cap.
- Safety: redirects are followed here, one hop at a time, each hop checked by the address guard
  (flows/netguard.py) and robots.txt; no cookies are kept; no proxy from the environment is used.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import email.utils
import http
import http.cookiejar
import logging
import os
import pathlib
import random
import re
import stat
import threading
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field
from typing import Any, Iterator

import httpcore
import httpx
from protego import Protego

from flows.config import FetchSettings
from flows.netguard import (AddressPolicy, AddressRefused, GuardedTransport, GuardError, InvalidURL, Resolver,
                            SchemeRefused, check_scheme, check_url, deadline_scope, is_local_url,
                            policy_for, system_resolver)
from transforms.errors import CaravanError
from transforms.models import RawPage

__all__ = ["FetchError", "FetchOutcome", "Fetcher", "read_local", "read_local_stat", "is_local_url", "ROBOTS_MAX_BYTES",
           "fresh_until", "skip_reason", "file_skip_reason", "file_stamp", "SKIP_LISTING", "SKIP_FRESH", "SKIP_FILE"]

log = logging.getLogger("caravan.fetch")

ROBOTS_MAX_BYTES = 500 * 1024           # RFC 9309 §2.5: parse at least 500 KiB
ROBOTS_MAX_REDIRECTS = 5                # RFC 9309 §2.3.1.2
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
PIECE = 64 * 1024                       # largest decoded piece held at once
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
LOCAL_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain",
               ".xml": "application/xml", ".rss": "application/xml", ".atom": "application/xml"}


class FetchError(CaravanError):
    """A local file cannot be read as a page (one line)."""


@dataclass
class FetchOutcome:
    url: str                          # the address asked for
    final_url: str                    # after redirects (the last hop tried)
    outcome: str                      # ok | not_modified | failed | blocked
    raw: RawPage | None = None
    status: int | None = None
    error: str | None = None
    attempts: int = 0                 # HTTP requests made for the page (robots.txt not counted)
    duration_ms: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    bytes: int = 0                    # decoded body bytes received
    content_type: str | None = None
    fresh_until: dt.datetime | None = None   # RFC 9111: the response may be reused without asking until then

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


# --------------------------------------------------------------------------------------------------
# helpers


def _secs(value: float) -> str:
    return f"{value:g}"


def _one_line(text: object, limit: int = 200) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _status_line(status: int, reason: str | None) -> str:
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = _one_line(reason or "", 60)
    return f"HTTP {status} {phrase}".rstrip()


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{1,10}(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _clean_validator(value: object) -> str | None:
    if not isinstance(value, str) or not value or len(value) > 1024:
        return None
    return value if value.isprintable() else None


_DIRECTIVE_RE = re.compile(r'\s*([A-Za-z0-9_-]+)\s*(?:=\s*("[^"]*"|[^,\s]*))?\s*(?:,|$)')


def _directives(value: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, arg in _DIRECTIVE_RE.findall(value or ""):
        found.setdefault(name.lower(), arg.strip('"'))
    return found


def _http_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)


def fresh_until(headers: dict[str, str], response_time: dt.datetime) -> dt.datetime | None:
    """Until when a response may be reused without asking the server again (RFC 9111 §4.2), or None.

    Only explicit freshness counts: Cache-Control max-age (s-maxage is for shared caches), else Expires minus
    Date. No heuristic freshness; no-cache, no-store, a Pragma: no-cache without Cache-Control, an invalid
    Expires (e.g. "0") or a lifetime already used up by the response's age give None (ask every time).
    ``headers`` have lower-case names.
    """
    cache_control = headers.get("cache-control")
    directives = _directives(cache_control or "")
    if "no-store" in directives or "no-cache" in directives:
        return None
    if cache_control is None and "no-cache" in (headers.get("pragma") or "").lower():
        return None
    date = _http_date(headers.get("date"))
    lifetime: float | None = None
    max_age = directives.get("max-age")
    if max_age is not None:
        if not max_age.isdigit():
            return None                  # an invalid max-age: stale (§4.2.1)
        lifetime = float(min(int(max_age), 2**31))
    elif headers.get("expires") is not None:
        expires = _http_date(headers.get("expires"))
        if expires is None:
            return None                  # "0", "-1" or garbage: already expired (§5.3)
        lifetime = (expires - (date or response_time)).total_seconds()
    if lifetime is None or lifetime <= 0:
        return None
    # current age when received (§4.2.3): the larger of the Age header and how far the Date lies behind us
    age = headers.get("age", "").strip()
    age_value = float(age) if age.isdigit() else 0.0
    apparent = max(0.0, (response_time - date).total_seconds()) if date else 0.0
    initial_age = max(age_value, apparent)
    if initial_age >= lifetime:
        return None
    return response_time + dt.timedelta(seconds=lifetime - initial_age)


SKIP_LISTING = {"sitemap": "unchanged per sitemap lastmod", "feed": "unchanged per feed item date"}
SKIP_FRESH = "fresh per Cache-Control/Expires"


def skip_reason(basis: dict | None, *, listed: Any = None, listing: str = "", mode: str = "listing",
                now: dt.datetime | None = None, clock_skew: float = 600.0, recheck_days: float = 30.0) -> str | None:
    """Why a page need not be requested at all this run, or None (request it, conditionally when we can).

    ``basis`` is what the warehouse knows of the URL (warehouse/queries/read_revisit.sql): ``checked_at``, the
    last time the server gave us the page or said it had not changed (200 or 304); ``listed_lastmod``, the
    listing's date for the page then; ``fresh_until`` (RFC 9111) from that response; ``failed_at``, the last
    failed or blocked request. ``listed`` is the listing's date for the page now (a transforms.feeds.Stamp from
    a sitemap <lastmod> or a feed item's updated / pubDate). ``mode`` is the source's ``revalidate``:
    ``always`` never skips, ``cache`` skips only while the last response is fresh, ``listing`` (the default)
    also skips when the listing says the page has not changed since we last had it.

    Never skipped: a page never fetched, or whose last request failed after its last success (a failure is
    retried); a listing date that cannot be read (the caller does not pass one); a listing date in the future
    beyond ``clock_skew`` seconds (a wrong clock or a made-up date); a listing date other than the one we recorded
    when we last had the page (it moved, even backwards: the publisher says something changed). A listing date
    skips the request when it is the same instant, to the second, as the one we recorded then (the publisher's
    clock both times), or when the last moment it can mean (a date-only lastmod: the end of that day in the
    latest time zone) lies more than ``clock_skew`` seconds before we last had the page (their clock against
    ours). A site that edits pages without moving their dates would never be seen again: the listing is trusted
    for ``recheck_days`` after we last heard from the server about the page (0: for ever); then one conditional
    GET (a 304 is enough) starts the period again.
    """
    if mode == "always" or not basis:
        return None
    checked = _aware(basis.get("checked_at"))
    if checked is None:
        return None
    failed = _aware(basis.get("failed_at"))
    if failed is not None and failed >= checked:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    stored = basis.get("listed_lastmod")
    use_listing = mode == "listing" and listed is not None and listing in SKIP_LISTING
    if use_listing and stored and stored != listed.text():
        return None                      # the listing's date moved (even backwards): a change, ask the server
    fresh = _aware(basis.get("fresh_until"))
    if fresh is not None and now < fresh:
        return SKIP_FRESH
    if not use_listing:
        return None
    skew = dt.timedelta(seconds=clock_skew)
    if listed.at > now + skew:
        return None
    if recheck_days and now - checked > dt.timedelta(days=recheck_days):
        return None
    if listed.precision == "second" and stored == listed.text():
        return SKIP_LISTING[listing]
    if listed.latest + skew <= checked:
        return SKIP_LISTING[listing]
    return None


SKIP_FILE = "unchanged per file size and mtime"
RACY_SECONDS = 2.0   # a file modified this close before we read it is read again (timestamps as coarse as 2 s: FAT)


def file_stamp(info: os.stat_result) -> dict[str, int]:
    """What a read records of a local file, to tell next time whether it may have changed (fetches columns)."""
    return {"file_size": info.st_size, "file_mtime_ns": info.st_mtime_ns, "file_inode": info.st_ino}


def file_skip_reason(basis: dict | None, info: os.stat_result | None, *, mode: str | None = None,
                     coder_version: str | None = None, racy_seconds: float = RACY_SECONDS) -> str | None:
    """Why a local file (a ``files`` source) need not be read at all this run, or None (read it).

    ``basis`` is what the warehouse knows of the file's URL (warehouse/queries/read_file_stats.sql): the size,
    mtime (ns) and inode recorded by the last successful read, ``read_at`` (when that read was), ``failed_at``
    (the last failed read) and ``coder_version``, the coder that coded the file's document. ``info`` is the
    file's stat now (os.stat, symlinks followed). Skipped only when all of these hold: the same size, mtime
    and inode as the last successful read (a file edited in place gets a new mtime; one replaced by a rename,
    as editors, rsync and tar do, a new inode); no failed read since; the document coded by ``coder_version``
    (after a coder upgrade the file is read, so it is coded again, as before); and the recorded mtime lay more
    than ``racy_seconds`` before that read (a write within the same timestamp tick as the read could leave
    size and mtime unchanged: such a file is read once more). ``mode="always"`` (``--revalidate``, force)
    never skips. The blind spot: new content of the same size with the mtime set back to the recorded one
    (``touch -d``, ``os.utime``) on the same inode; ``--revalidate`` reads every file again.
    """
    if mode == "always" or not basis or info is None or not stat.S_ISREG(info.st_mode):
        return None
    if basis.get("file_size") is None or basis.get("file_mtime_ns") is None:
        return None                      # read before the stat was recorded (migration 006)
    read_at = _aware(basis.get("read_at"))
    if read_at is None:
        return None
    failed = _aware(basis.get("failed_at"))
    if failed is not None and failed >= read_at:
        return None
    if coder_version is not None and basis.get("coder_version") != coder_version:
        return None
    if (info.st_size, info.st_mtime_ns) != (basis["file_size"], basis["file_mtime_ns"]):
        return None
    if basis.get("file_inode") is not None and info.st_ino != basis["file_inode"]:
        return None
    if basis["file_mtime_ns"] >= (read_at.timestamp() - racy_seconds) * 1e9:
        return None
    return SKIP_FILE


def _aware(value: object) -> dt.datetime | None:
    """A stored timestamp (naive UTC from DuckDB) as an aware datetime."""
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def product_token(user_agent: str) -> str:
    """The robots.txt product token of a User-Agent string: 'CaravanBot/0.1 (...)' -> 'CaravanBot'."""
    match = re.match(r"[A-Za-z_-]+", user_agent.strip())
    return match.group(0) if match else user_agent.strip()


class _Inflater:
    """Incremental gzip/deflate decoder that never emits more than PIECE bytes per step."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(self._wbits)
        # "deflate" is zlib-wrapped by the RFC; some servers send raw deflate. Until the first output,
        # keep the input so it can be replayed into a raw decoder.
        self._head: bytes | None = b"" if encoding == "deflate" else None
        self._done = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while data and not self._done:
            try:
                out = self._obj.decompress(data, PIECE)
            except zlib.error as exc:
                if self._head is not None:
                    data, self._head = self._head + data, None
                    self._wbits = -zlib.MAX_WBITS
                    self._obj = zlib.decompressobj(self._wbits)
                    continue
                raise _AttemptError(f"invalid {self.encoding} content-encoding: {exc}") from None
            if self._head is not None:
                if out or self._obj.eof or len(self._head) > PIECE:
                    self._head = None
                else:
                    self._head += data[: len(data) - len(self._obj.unconsumed_tail)]
            data = self._obj.unconsumed_tail
            if out:
                yield out
            if self._obj.eof:
                rest = self._obj.unused_data
                if self._wbits > 16 and rest.strip(b"\x00"):
                    self._obj = zlib.decompressobj(self._wbits)   # concatenated gzip members
                    data = rest
                else:
                    self._done = True
            elif not data and len(out) >= PIECE:
                while True:   # drain output still held inside zlib
                    more = self._obj.decompress(b"", PIECE)
                    if more:
                        yield more
                    if len(more) < PIECE:
                        break


def _decode(data: bytes, inflaters: list[_Inflater], index: int = 0) -> Iterator[bytes]:
    if index == len(inflaters):
        if data:
            yield data
        return
    for piece in inflaters[index].feed(data):
        yield from _decode(piece, inflaters, index + 1)


class _AttemptError(Exception):
    def __init__(self, message: str, *, retryable: bool = False, status: int | None = None,
                 retry_after: float | None = None, blocked: bool = False, received: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.retryable = retryable
        self.status = status
        self.retry_after = retry_after
        self.blocked = blocked
        self.received = received


@dataclass
class _Response:
    url: str
    status: int
    reason: str
    headers: httpx.Headers
    body: bytes | None = None


@dataclass
class _HostSlot:
    semaphore: threading.Semaphore
    delay: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0

    def hold_until(self, when: float) -> None:
        with self.lock:
            self.next_start = max(self.next_start, when)


@dataclass
class _Robots:
    parser: Protego | None = None     # None: allow all
    deny: str | None = None           # reason when the whole host is disallowed
    down: bool = False                # the host did not answer at all (a failure, not a policy block)


# --------------------------------------------------------------------------------------------------


class Fetcher:
    """HTTP fetching for one run: one httpx client, per-host politeness state, a robots.txt cache.

    Thread-safe: call :meth:`fetch` from a thread pool, or use :meth:`fetch_many`.
    """

    def __init__(self, settings: FetchSettings | None = None, *, resolver: Resolver | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self.user_agent = s.user_agent + (f" (contact: {s.contact_url})" if s.contact_url else "")
        self.robots_agent = product_token(s.user_agent)
        self._resolver = resolver or system_resolver
        limits = httpx.Limits(max_connections=s.concurrency + 2, max_keepalive_connections=s.concurrency,
                              keepalive_expiry=5.0)
        self._transport = GuardedTransport(limits=limits, resolver=self._resolver)
        self._client = httpx.Client(
            transport=self._transport, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(s.timeout), headers={"User-Agent": self.user_agent, "Accept": ACCEPT,
                                                      "Accept-Encoding": "gzip, deflate"})
        self._client.cookies.jar.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self._global = threading.BoundedSemaphore(s.concurrency)
        self._slots: dict[str, _HostSlot] = {}
        self._robots: dict[tuple[str, str, int], _Robots] = {}
        self._robots_locks: dict[tuple[str, str, int], threading.Lock] = {}
        self._lock = threading.Lock()

    # context manager ------------------------------------------------------------------------------
    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # public ---------------------------------------------------------------------------------------
    def fetch(self, url: str, *, source_id: str, allow_private: bool = False,
              validators: dict | None = None, source_is_local: bool = False) -> FetchOutcome:
        started = time.monotonic()
        out = FetchOutcome(url=url, final_url=url, outcome="failed")
        try:
            self._fetch(out, url, source_id, policy_for(allow_private=allow_private,
                                                        source_is_local=source_is_local), validators)
        except Exception as exc:   # a bug must cost one page, not the run
            log.exception("unexpected error fetching %s", url)
            out.outcome, out.raw = "failed", None
            out.error = _one_line(f"unexpected error: {type(exc).__name__}: {exc}")
        out.duration_ms = (time.monotonic() - started) * 1000.0
        log.debug("%s %s %s %s", out.outcome, out.status, url, out.error or "")
        return out

    def fetch_many(self, requests: list[dict]) -> list[FetchOutcome]:
        """Fetch concurrently (within the host and global limits); outcomes in the order given.

        Each request is a dict of :meth:`fetch` keyword arguments: url, source_id, and optionally
        allow_private, validators, source_is_local.
        """
        if not requests:
            return []

        def one(req: dict) -> FetchOutcome:
            try:
                return self.fetch(**req)
            except Exception as exc:   # a malformed request dict
                url = str(req.get("url", "")) if isinstance(req, dict) else ""
                return FetchOutcome(url=url, final_url=url, outcome="failed",
                                    error=_one_line(f"bad fetch request: {exc}"))

        # more threads than network slots, so threads waiting on a busy host do not idle the others
        workers = min(len(requests), self.settings.concurrency * 4, 64)
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers,
                                                   thread_name_prefix="caravan-fetch") as pool:
            return list(pool.map(one, requests))

    # the redirect walk ----------------------------------------------------------------------------
    def _fetch(self, out: FetchOutcome, url: str, source_id: str, policy: AddressPolicy,
               validators: dict | None) -> None:
        s = self.settings
        headers: dict[str, str] = {}
        if validators:
            etag = _clean_validator(validators.get("etag"))
            modified = _clean_validator(validators.get("last_modified"))
            if etag:
                headers["If-None-Match"] = etag
            if modified:
                headers["If-Modified-Since"] = modified
        current, seen, hops = url, {url}, 0
        while True:
            out.final_url = current
            try:
                check_url(current, policy, self._resolver, redirect=hops > 0)
            except GuardError as exc:
                out.outcome, out.error = "blocked", str(exc)
                return
            except InvalidURL as exc:
                out.error = str(exc)
                return
            except httpcore.ConnectError as exc:   # the host does not resolve
                out.error = _one_line(exc)
                return
            if s.obey_robots:
                reason, down = self._robots_verdict(current, policy)
                if reason:
                    out.outcome, out.error = ("failed" if down else "blocked"), reason
                    return
            try:
                resp = self._with_retries(current, policy, headers, out, max_bytes=s.max_bytes)
            except _AttemptError as exc:
                out.outcome = "blocked" if exc.blocked else "failed"
                out.error, out.status, out.bytes = exc.message, exc.status, exc.received
                return
            out.status = resp.status
            if resp.status in REDIRECT_STATUSES:
                location = resp.headers.get("location", "").strip()
                if not location:
                    out.error = f"{_status_line(resp.status, resp.reason)} without a Location header"
                    return
                try:
                    target, _frag = urllib.parse.urldefrag(urllib.parse.urljoin(current, location))
                    check_scheme(target, redirect=True)
                except SchemeRefused as exc:
                    out.outcome, out.error = "blocked", str(exc)
                    return
                except (InvalidURL, ValueError):
                    out.error = f"redirect to an invalid URL: {_one_line(location, 120)}"
                    return
                hops += 1
                if target in seen:
                    out.error = "redirect loop"
                    return
                if hops > s.max_redirects:
                    out.error = f"too many redirects (more than {s.max_redirects})"
                    return
                seen.add(target)
                current = target
                continue
            out.content_type = resp.headers.get("content-type")
            out.etag = resp.headers.get("etag") or None
            out.last_modified = resp.headers.get("last-modified") or None
            if resp.status == 304:
                out.outcome = "not_modified"
                out.etag = out.etag or (validators or {}).get("etag")
                out.last_modified = out.last_modified or (validators or {}).get("last_modified")
                # RFC 9111 §4.3.4: the 304's headers update the stored response's; what it leaves out stays
                stored = {k: (validators or {}).get(k.replace("-", "_")) for k in ("cache-control", "expires")}
                out.fresh_until = fresh_until({**{k: v for k, v in stored.items() if isinstance(v, str)},
                                               **_joined(resp.headers)}, dt.datetime.now(dt.timezone.utc))
                return
            if not 200 <= resp.status < 300:
                out.error = _status_line(resp.status, resp.reason)
                return
            body = resp.body or b""
            out.bytes = len(body)
            out.outcome = "ok"
            out.fresh_until = fresh_until(_joined(resp.headers), dt.datetime.now(dt.timezone.utc))
            out.raw = RawPage(
                source_id=source_id, url=url, final_url=current, status=resp.status,
                content_type=out.content_type, body=body,
                fetched_at=dt.datetime.now(dt.timezone.utc),
                headers={k.lower(): v for k, v in _joined(resp.headers).items()},
            )
            return

    # retries --------------------------------------------------------------------------------------
    def _with_retries(self, url: str, policy: AddressPolicy, headers: dict[str, str],
                      out: FetchOutcome | None, *, max_bytes: int, truncate: bool = False) -> _Response:
        s = self.settings
        host = httpx.URL(url).host
        last: _AttemptError | None = None
        for attempt in range(s.retries + 1):
            if out is not None:
                out.attempts += 1
            try:
                return self._attempt(url, policy, headers, max_bytes=max_bytes, truncate=truncate)
            except _AttemptError as exc:
                if not exc.retryable:
                    raise
                last = exc
                if exc.retry_after is not None and exc.retry_after > s.max_retry_after:
                    exc.message += (f"; Retry-After {exc.retry_after:,.0f} s exceeds the "
                                    f"{_secs(s.max_retry_after)} s we wait")
                    exc.retryable = False
                    raise
                if attempt == s.retries:
                    break
                if exc.retry_after is not None:
                    wait = exc.retry_after
                else:
                    base = s.backoff * (2 ** attempt)
                    wait = min(random.uniform(base / 2, base), s.max_retry_after)
                # the next request to this host (this retry included) starts no sooner than that
                self._slot(host).hold_until(time.monotonic() + wait)
        assert last is not None
        if s.retries:
            last.message += f" (after {s.retries + 1} attempts)"
        raise last

    # one request ----------------------------------------------------------------------------------
    def _slot(self, host: str) -> _HostSlot:
        with self._lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = _HostSlot(threading.Semaphore(self.settings.per_host_concurrency),
                                 self.settings.per_host_delay)
                self._slots[host] = slot
            return slot

    def _attempt(self, url: str, policy: AddressPolicy, headers: dict[str, str], *,
                 max_bytes: int, truncate: bool) -> _Response:
        slot = self._slot(httpx.URL(url).host)
        with slot.semaphore:
            with slot.lock:
                now = time.monotonic()
                start = max(now, slot.next_start)
                slot.next_start = start + slot.delay
            if start > now:
                time.sleep(start - now)
            try:
                with self._global, deadline_scope(self.settings.total_timeout) as deadline:
                    return self._request(url, policy, headers, deadline, max_bytes=max_bytes,
                                         truncate=truncate)
            finally:   # the delay also runs from the end of this request, so requests never overlap it
                with slot.lock:
                    slot.next_start = max(slot.next_start, time.monotonic() + slot.delay)

    def _request(self, url: str, policy: AddressPolicy, headers: dict[str, str], deadline: float, *,
                 max_bytes: int, truncate: bool) -> _Response:
        s = self.settings

        def past_deadline() -> bool:
            return deadline - time.monotonic() < 0.05

        try:
            request = self._client.build_request("GET", url, headers=headers,
                                                 extensions={"caravan_policy": policy})
            response = self._client.send(request, stream=True)
        except AddressRefused as exc:
            raise _AttemptError(str(exc), blocked=True) from None
        except GuardError as exc:
            raise _AttemptError(str(exc), blocked=True) from None
        except httpx.ConnectTimeout:
            if past_deadline():
                raise _AttemptError(f"exceeded the total deadline of {_secs(s.total_timeout)} s "
                                    "while connecting") from None
            raise _AttemptError(f"timed out after {_secs(s.timeout)} s connecting", retryable=True) from None
        except httpx.TimeoutException as exc:   # read, write or pool timeout before the headers
            if past_deadline():
                raise _AttemptError(f"exceeded the total deadline of {_secs(s.total_timeout)} s "
                                    "waiting for headers") from None
            what = {httpx.WriteTimeout: "sending the request",
                    httpx.PoolTimeout: "waiting for a free connection"}.get(type(exc), "waiting for headers")
            raise _AttemptError(f"timed out after {_secs(s.timeout)} s {what}", retryable=True) from None
        except httpx.ConnectError as exc:
            text = _one_line(exc)
            if "ssl" in text.lower() or "certificate" in text.lower():   # retrying will not fix it
                raise _AttemptError(f"TLS handshake failed: {text}") from None
            raise _AttemptError(f"connection failed: {text}", retryable=True) from None
        except httpx.RemoteProtocolError as exc:
            text = _one_line(exc)
            if "disconnected" in text.lower():
                raise _AttemptError("connection closed before the response headers", retryable=True) from None
            raise _AttemptError(f"invalid HTTP response: {text}") from None
        except httpx.NetworkError as exc:
            raise _AttemptError(f"connection error before the response headers: {_one_line(exc) or type(exc).__name__}",
                                retryable=True) from None
        except httpx.HTTPError as exc:
            raise _AttemptError(f"request failed: {_one_line(exc) or type(exc).__name__}") from None

        try:
            status, reason = response.status_code, response.reason_phrase
            result = _Response(url, status, reason, response.headers)
            if status == 429 or 500 <= status < 600:
                raise _AttemptError(_status_line(status, reason), retryable=True, status=status,
                                    retry_after=_retry_after(response.headers.get("retry-after")))
            if not 200 <= status < 300:
                return result   # redirect, 304 or a final 4xx: the body is not read
            result.body = self._read_body(response, deadline, max_bytes, truncate, past_deadline)
            return result
        finally:
            response.close()

    def _read_body(self, response: httpx.Response, deadline: float, max_bytes: int, truncate: bool,
                   past_deadline: Any) -> bytes:
        s = self.settings
        encodings = [e.strip().lower() for e in response.headers.get("content-encoding", "").split(",")]
        encodings = [e for e in encodings if e and e != "identity"]
        for enc in encodings:
            if enc not in ("gzip", "x-gzip", "deflate"):
                raise _AttemptError(f"unsupported Content-Encoding {enc!r}", status=response.status_code)
        if len(encodings) > 2:
            raise _AttemptError(f"too many content-encodings ({len(encodings)})", status=response.status_code)
        inflaters = [_Inflater(enc) for enc in reversed(encodings)]
        decoded = " (decompressed)" if inflaters else ""
        length = response.headers.get("content-length", "")
        if not truncate and length.isdigit() and int(length) > max_bytes:
            raise _AttemptError(f"response exceeds {max_bytes:,} bytes (Content-Length {int(length):,})",
                                status=response.status_code)
        pieces: list[bytes] = []
        total = 0
        try:
            for chunk in response.iter_raw():   # as received (a chunk_size would buffer)
                for piece in _decode(chunk, inflaters):
                    if total + len(piece) > max_bytes:
                        if truncate:
                            pieces.append(piece[: max_bytes - total])
                            return b"".join(pieces)
                        raise _AttemptError(f"response exceeds {max_bytes:,} bytes{decoded}",
                                            status=response.status_code, received=total)
                    pieces.append(piece)
                    total += len(piece)
        except httpx.TimeoutException:
            if past_deadline():
                raise _AttemptError(f"exceeded the total deadline of {_secs(s.total_timeout)} s "
                                    f"after {total:,} bytes of body", status=response.status_code,
                                    received=total) from None
            raise _AttemptError(f"timed out after {_secs(s.timeout)} s reading the body after {total:,} bytes",
                                retryable=True, status=response.status_code, received=total) from None
        except httpx.RemoteProtocolError:
            raise _AttemptError(f"connection closed mid-body after {total:,} bytes (incomplete response)",
                                retryable=True, status=response.status_code, received=total) from None
        except httpx.NetworkError:
            raise _AttemptError(f"connection reset mid-body after {total:,} bytes", retryable=True,
                                status=response.status_code, received=total) from None
        except httpx.HTTPError as exc:
            raise _AttemptError(f"error reading the body after {total:,} bytes: {_one_line(exc)}",
                                status=response.status_code, received=total) from None
        return b"".join(pieces)

    # robots.txt -----------------------------------------------------------------------------------
    def _robots_verdict(self, url: str, policy: AddressPolicy) -> tuple[str | None, bool]:
        """(None, False) when robots.txt lets us fetch ``url``; else (the one-line reason, host down?)."""
        parts = httpx.URL(url)
        key = (parts.scheme, parts.host, parts.port or (443 if parts.scheme == "https" else 80))
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:   # one robots.txt request per host, however many threads ask at once
            entry = self._robots.get(key)
            if entry is None:
                entry, cacheable = self._load_robots(key, policy)
                if not cacheable:
                    return entry.deny, entry.down
                self._robots[key] = entry
        if entry.deny:
            return entry.deny, entry.down
        if entry.parser is not None and not entry.parser.can_fetch(url, self.robots_agent):
            return "disallowed by robots.txt", False
        return None, False

    def _load_robots(self, key: tuple[str, str, int], policy: AddressPolicy) -> tuple[_Robots, bool]:
        scheme, host, port = key
        default = 443 if scheme == "https" else 80
        netloc = (f"[{host}]" if ":" in host else host) + ("" if port == default else f":{port}")
        current = f"{scheme}://{netloc}/robots.txt"
        for _hop in range(ROBOTS_MAX_REDIRECTS + 1):
            try:
                check_url(current, policy, self._resolver)
                resp = self._with_retries(current, policy, {}, None, max_bytes=ROBOTS_MAX_BYTES, truncate=True)
            except InvalidURL:
                return _Robots(), True   # a broken redirect: unavailable, allow all
            except GuardError as exc:   # refused by the address guard: the guard's word stands
                return _Robots(deny=str(exc)), False
            except _AttemptError as exc:
                if exc.blocked:
                    return _Robots(deny=exc.message), False
                # 5xx, 429 or unreachable: RFC 9309 §2.3.1.4, assume complete disallow
                if exc.status is None:   # no HTTP answer at all: the host is down, the page fetch fails
                    return _Robots(deny=f"host unreachable: {exc.message}", down=True), True
                return _Robots(deny=f"robots.txt unreachable ({exc.message}): host disallowed"), True
            except httpcore.ConnectError as exc:
                return _Robots(deny=f"host unreachable: {_one_line(exc)}", down=True), True
            if resp.status in REDIRECT_STATUSES and resp.headers.get("location"):
                try:
                    current = urllib.parse.urljoin(current, resp.headers["location"].strip())
                    check_scheme(current, redirect=True)
                except (SchemeRefused, InvalidURL, ValueError):
                    return _Robots(), True   # unavailable: allow
                continue
            if 200 <= resp.status < 300:
                self._apply_crawl_delay(host, resp.body or b"")
                try:
                    return _Robots(parser=Protego.parse((resp.body or b"").decode("utf-8", "replace"))), True
                except Exception:   # protego is lenient; a file it cannot read at all allows all
                    log.warning("robots.txt of %s could not be parsed; allowing all", netloc)
                    return _Robots(), True
            return _Robots(), True   # 4xx (and odd statuses): RFC 9309 §2.3.1.3, allow all
        return _Robots(), True       # too many redirects: unavailable, allow all

    def _apply_crawl_delay(self, host: str, body: bytes) -> None:
        try:
            delay = Protego.parse(body.decode("utf-8", "replace")).crawl_delay(self.robots_agent)
        except Exception:
            return
        if delay:
            slot = self._slot(host)
            with slot.lock:
                slot.delay = max(slot.delay, min(float(delay), self.settings.max_retry_after))


def _joined(headers: httpx.Headers) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in headers.multi_items():
        name = name.lower()
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


# --------------------------------------------------------------------------------------------------


def read_local(path: pathlib.Path, source_id: str, max_bytes: int = 10_000_000, *,
               root: pathlib.Path | None = None) -> RawPage:
    """A file on disk as a RawPage (``files`` sources).

    Only regular files are read (no FIFO or device can hang or flood the run), at most ``max_bytes``.
    With ``root``, the resolved path (symlinks followed) must lie inside it. Raises FetchError.
    """
    return read_local_stat(path, source_id, max_bytes, root=root)[0]


def read_local_stat(path: pathlib.Path, source_id: str, max_bytes: int = 10_000_000, *,
                    root: pathlib.Path | None = None) -> tuple[RawPage, os.stat_result]:
    """read_local, and the file's stat taken on the open file before its bytes were read (what the next run
    compares, file_skip_reason)."""
    path = pathlib.Path(path)
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise FetchError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    if root is not None:
        base = pathlib.Path(root).resolve()
        if resolved != base and base not in resolved.parents:
            raise FetchError(f"{path}: resolves outside {base}: refused")
    try:
        fd = os.open(resolved, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise FetchError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FetchError(f"{path}: not a regular file")
        if info.st_size > max_bytes:
            raise FetchError(f"{path}: {info.st_size:,} bytes exceeds the {max_bytes:,}-byte limit")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            body = handle.read(max_bytes + 1)
        if len(body) > max_bytes:
            raise FetchError(f"{path}: exceeds the {max_bytes:,}-byte limit")
    except OSError as exc:
        raise FetchError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    uri = resolved.as_uri()
    modified = email.utils.formatdate(info.st_mtime, usegmt=True)
    return RawPage(
        source_id=source_id, url=uri, final_url=uri, status=200,
        content_type=LOCAL_TYPES.get(resolved.suffix.lower()), body=body,
        fetched_at=dt.datetime.now(dt.timezone.utc),
        headers={"content-length": str(len(body)), "last-modified": modified},
    ), info
