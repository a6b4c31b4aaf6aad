"""The refresh flow: sources.yaml -> fetch -> land raw -> parse -> extract -> load -> views -> checks -> summary.

Orchestration only: the work is in flows.fetch (network), transforms (pure) and warehouse (DuckDB).
Tasks work on batches of pages, never one task per document. The warehouse is opened for writing
only inside the load and finalize tasks, so readers are locked out as briefly as possible.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import pathlib
import re
import stat
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Iterator

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from prefect.context import FlowRunContext
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from flows.config import FeedSource, FilesSource, PageSource, SourcesConfig, load_config
from flows.fetch import (SKIP_FILE, SKIP_FRESH, SKIP_LISTING, FetchError, FetchOutcome, Fetcher, file_skip_reason,
                         file_stamp, is_local_url, read_local, read_local_stat, skip_reason)
from flows.memory import cap_malloc_arenas, log_batch_memory
from transforms.coder import CODER_VERSION
from transforms.errors import FeedError
from transforms.feeds import FeedItem, Stamp, parse_feed, parse_sitemap
from transforms.models import RawPage, doc_id_for
from transforms.pipeline import ProcessResult, process_pages
from warehouse.db import (LoadBatch, WarehouseError, WarehouseState, checkpoint, end_unfinished_runs, finish_run,
                          latest_engagements, one_line, open_warehouse, out_of_memory, read_state, refresh_views,
                          run_checks, run_totals, save_batch, start_run, stored_pages)
from warehouse.rawstore import RawStore

FEED_SUFFIXES = {".xml", ".rss", ".atom"}
PAGE_SUFFIXES = {".html", ".htm", ".txt"}
MAX_SITEMAP_DEPTH = 3
SKIP_COUNTS = {SKIP_LISTING["sitemap"]: "skipped_sitemap_lastmod", SKIP_LISTING["feed"]: "skipped_feed_date",
               SKIP_FRESH: "skipped_fresh", SKIP_FILE: "skipped_file_stat"}   # skip_reason -> its key in the run's counts
MAX_PENDING_FETCH_ROWS = 5_000   # fetch rows of unchanged batches held for a later load, at most (≈ 1 KB each)
WAREHOUSE_MEMORY = "64MB"
RETRY_MEMORY = "128MB"   # the cap of a second try, before one without a cap (capped)

# glibc's malloc arenas capped at import, before Prefect's threads and the fetch threads take arenas of their own
# (flows/memory.py: page bodies fetched on threads fragmented up to 16 arenas); again when the flow starts
cap_malloc_arenas()


def warehouse_memory() -> str:
    """DuckDB's memory_limit in the refresh's own connections: its default (80 % of the machine) lets the cache of
    a growing warehouse file, and a full engagements rebuild, grow a run's peak memory with the warehouse; under
    the cap DuckDB evicts and spills. A large warehouse fills whatever cap it gets (cached blocks; a load's
    checkpoint rewriting `documents`), so the cap is what a run's peak grows by: 64 MB, what a load and finalize
    need however large the warehouse (the full engagements rebuild goes in slices, refresh_views; the checks count
    in aggregates). Measured over 357k events, peak above the flow's resident memory: a load with its checkpoint
    +138 MB under 64 MB, +201 under 128; finalize +72 against +123. A statement that still runs out is run again
    without the cap (a warning). CARAVAN_DUCKDB_MEMORY overrides it."""
    return os.environ.get("CARAVAN_DUCKDB_MEMORY") or WAREHOUSE_MEMORY


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class WorkItem:
    """One page to bring in: fetch `url`, read `path` (a local file, read when its batch runs, so a
    run never holds more than one batch of pages), or use `raw` as is (a feed item's own content)."""

    source_id: str
    url: str
    raw: RawPage | None = None
    path: pathlib.Path | None = None
    fallback: RawPage | None = None      # feed item content, used when the page cannot be fetched
    allow_private: bool = False
    source_is_local: bool = False
    revalidate: str = "always"           # the source's `revalidate` (flows/fetch.py skip_reason)
    listed: Stamp | None = None          # the listing's date for the page (sitemap <lastmod>, feed item date)
    listing: str = ""                    # sitemap | feed: where `listed` comes from


@dataclass
class SourceReport:
    source_id: str
    kind: str
    location: str
    status: str = "ok"                   # ok | failed | partial
    causes: list[str] = field(default_factory=list)
    items: int = 0
    fetched: int = 0
    not_modified: int = 0
    skipped: int = 0                     # not requested: unchanged per the listing, or still fresh (RFC 9111)
    failed: int = 0
    documents: int = 0

    def fail(self, cause: str, *, whole: bool = True) -> None:
        self.causes.append(cause)
        self.status = "failed" if whole else ("partial" if self.status == "ok" else self.status)


@dataclass
class Discovery:
    items: list[WorkItem] = field(default_factory=list)
    fetch_rows: list[dict] = field(default_factory=list)
    skipped: int = 0                     # local files not to be read (unchanged since their last read)


# --------------------------------------------------------------------------------------------- rows

def fetch_row(run_id: str, source_id: str, outcome: FetchOutcome, content_hash: str | None,
              raw: RawPage | None, listed: Stamp | None = None) -> dict[str, Any]:
    return {
        "fetch_id": "f_" + uuid.uuid4().hex[:24],
        "run_id": run_id,
        "source_id": source_id,
        "url": outcome.url,
        "final_url": outcome.final_url,
        "outcome": outcome.outcome,
        "status_code": outcome.status,
        "error": outcome.error,
        "bytes": outcome.bytes,
        "duration_ms": outcome.duration_ms,
        "attempts": outcome.attempts,
        "content_type": outcome.content_type,
        "content_hash": content_hash,
        "etag": outcome.etag,
        "last_modified": outcome.last_modified,
        "headers_json": json.dumps(raw.headers if raw else {}, sort_keys=True),
        "fetched_at": raw.fetched_at if raw else utcnow(),
        "feed_title": None,
        "feed_published": None,
        "listed_lastmod": listed.text() if listed else None,
        "fresh_until": outcome.fresh_until,
    }


def skipped_row(run_id: str, item: "WorkItem", reason: str) -> dict[str, Any]:
    """A page not requested this run (flows/fetch.py skip_reason): the run's record says why."""
    return {
        "fetch_id": "f_" + uuid.uuid4().hex[:24], "run_id": run_id, "source_id": item.source_id, "url": item.url,
        "final_url": None, "outcome": "skipped", "status_code": None, "error": None, "bytes": 0,
        "duration_ms": 0.0, "attempts": 0, "content_type": None, "content_hash": None, "etag": None,
        "last_modified": None, "headers_json": "{}", "fetched_at": utcnow(), "feed_title": None,
        "feed_published": None, "listed_lastmod": item.listed.text() if item.listed else None,
        "skip_reason": reason,
    }


def local_row(run_id: str, raw: RawPage, content_hash: str, *, final_url: str | None = None) -> dict[str, Any]:
    """A row for bytes that did not come from an HTTP fetch: a local file, or a feed item's own content."""
    return {
        "fetch_id": "f_" + uuid.uuid4().hex[:24],
        "run_id": run_id,
        "source_id": raw.source_id,
        "url": raw.url,
        "final_url": final_url or raw.final_url,
        "outcome": "ok",
        "status_code": raw.status,
        "error": None,
        "bytes": len(raw.body),
        "duration_ms": 0.0,
        "attempts": 1,
        "content_type": raw.content_type,
        "content_hash": content_hash,
        "etag": None,
        "last_modified": None,
        "headers_json": json.dumps(raw.headers, sort_keys=True),
        "fetched_at": raw.fetched_at,
        "feed_title": raw.feed_title,
        "feed_published": raw.feed_published,
    }


def file_row(run_id: str, raw: RawPage, content_hash: str, info: os.stat_result) -> dict[str, Any]:
    """A row for a local file read: local_row with the file's stat, which the next run compares (read_file_stats)."""
    return {**local_row(run_id, raw, content_hash), **file_stamp(info)}


def failed_row(run_id: str, source_id: str, url: str, cause: str) -> dict[str, Any]:
    return {
        "fetch_id": "f_" + uuid.uuid4().hex[:24], "run_id": run_id, "source_id": source_id, "url": url,
        "final_url": None, "outcome": "failed", "status_code": None, "error": cause, "bytes": 0,
        "duration_ms": 0.0, "attempts": 0, "content_type": None, "content_hash": None, "etag": None,
        "last_modified": None, "headers_json": "{}", "fetched_at": utcnow(), "feed_title": None,
        "feed_published": None,
    }


def source_row(source, base_dir: pathlib.Path) -> dict[str, Any]:
    location = getattr(source, "url", None) or str(base_dir / getattr(source, "path", ""))
    return {"source_id": source.id, "kind": source.kind, "location": location,
            "config_json": source.model_dump_json(exclude_none=True)}


# ----------------------------------------------------------------------------------------- discovery

def feed_item_page(source_id: str, item: FeedItem, feed_url: str) -> RawPage | None:
    if not item.content_html:
        return None
    return RawPage(
        source_id=source_id, url=item.link, final_url=feed_url, status=200,
        content_type="text/html; charset=utf-8", body=item.content_html.encode("utf-8"),
        fetched_at=utcnow(), headers={}, feed_title=item.title, feed_published=item.published,
    )


def feed_items(source_id: str, body: bytes, feed_url: str, limit: int, *, fetch_pages: bool,
               allow_private: bool, local: bool, report: SourceReport | None = None,
               revalidate: str = "always") -> list[WorkItem]:
    items = parse_feed(body, feed_url, max_items=limit)
    if report is not None and getattr(items, "dropped", 0):   # file:, javascript:, ... links: never followed
        report.fail(f"feed {feed_url}: {items.dropped} item link(s) refused (not http(s))", whole=not items)
    work = []
    for item in items:
        fallback = feed_item_page(source_id, item, feed_url)
        if fetch_pages:
            work.append(WorkItem(source_id, item.link, fallback=fallback, allow_private=allow_private,
                                 source_is_local=local, revalidate=revalidate, listed=item.updated,
                                 listing="feed"))
        elif fallback is not None:
            work.append(WorkItem(source_id, item.link, raw=fallback))
    return work


def discover_files(source: FilesSource | FeedSource, config: SourcesConfig, report: SourceReport,
                   run_id: str, state: WarehouseState | None = None, revalidate: str | None = None) -> Discovery:
    """The source's files. A page file whose size, mtime and inode are those of its last read (``state``,
    flows/fetch.py file_skip_reason) is not listed to be read: a `skipped` fetch row instead."""
    found = Discovery()
    pattern = str(config.base_dir / source.path) if not pathlib.Path(source.path).is_absolute() else source.path
    listed = {}   # path -> (its stat, symlinks followed; whether it is a symlink)
    for name in glob.glob(pattern, recursive=True):
        seen = regular_file(name)
        if seen is not None:
            listed[pathlib.Path(name)] = seen
    paths = sorted(listed)
    if not paths:
        report.fail(f"path {source.path!r} matched no files")
        return found
    folders: dict[pathlib.Path, pathlib.Path] = {}
    for path in paths[:source.max_items]:   # a local folder is taken whole unless max_items says otherwise
        suffix = path.suffix.lower()
        if isinstance(source, FilesSource) and suffix not in PAGE_SUFFIXES | FEED_SUFFIXES:
            continue
        if isinstance(source, FilesSource) and suffix in PAGE_SUFFIXES:
            info, link = listed[path]
            item = WorkItem(source.id, file_uri(path, link, folders), path=path)
            reason = file_skip_reason(file_basis(state, item.url), info, mode=revalidate, coder_version=CODER_VERSION)
            if reason:
                found.fetch_rows.append(skipped_row(run_id, item, reason))
                found.skipped += 1
            else:
                found.items.append(item)
            continue
        try:
            raw = read_local(path, source.id, config.fetch.max_bytes)
        except FetchError as exc:
            report.fail(str(exc), whole=False)
            found.fetch_rows.append(failed_row(run_id, source.id, path.resolve().as_uri(), str(exc)))
            continue
        if suffix in FEED_SUFFIXES or isinstance(source, FeedSource):
            try:
                found.items.extend(feed_items(source.id, raw.body, raw.url, source.max_items or config.fetch.max_items,
                                              fetch_pages=False, allow_private=False, local=True))
            except FeedError as exc:
                report.fail(f"{path.name}: {exc}", whole=False)
                found.fetch_rows.append(failed_row(run_id, source.id, raw.url, f"feed: {exc}"))
    return found


def regular_file(name: str) -> tuple[os.stat_result, bool] | None:
    """(stat, is a symlink) of a regular file (symlinks followed), None for anything else or a file gone."""
    try:
        info = os.lstat(name)
        link = stat.S_ISLNK(info.st_mode)
        if link:
            info = os.stat(name)
    except (OSError, ValueError):
        return None
    return (info, link) if stat.S_ISREG(info.st_mode) else None


def file_uri(path: pathlib.Path, link: bool, folders: dict[pathlib.Path, pathlib.Path]) -> str:
    """path.resolve().as_uri(), each folder resolved once (a folder holds many files; resolving walks every part)."""
    if link:
        return path.resolve().as_uri()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return (folder / path.name).as_uri()


def file_basis(state: WarehouseState | None, url: str) -> dict | None:
    """The file as the warehouse last read it (read_file_stats.sql), with the coder version of its document."""
    if state is None or url not in state.files:
        return None
    doc = state.docs.get(doc_id_for(url)) or {}
    return {**state.files[url], "coder_version": doc.get("coder_version")}


def discover_remote(source, config: SourcesConfig, fetcher: Fetcher, state: WarehouseState,
                    report: SourceReport, run_id: str) -> Discovery:
    found = Discovery()
    local = is_local_url(source.url)
    if isinstance(source, PageSource):
        found.items.append(WorkItem(source.id, source.url, allow_private=source.allow_private, source_is_local=local,
                                    revalidate=source.revalidate))
        return found
    limit = source.max_items or config.fetch.max_items
    if isinstance(source, FeedSource):
        outcome = fetcher.fetch(source.url, source_id=source.id, allow_private=source.allow_private,
                                source_is_local=local, validators=state.validators.get(source.url))
        found.fetch_rows.append(fetch_row(run_id, source.id, outcome, None, outcome.raw))
        if outcome.outcome == "not_modified":   # the feed has not changed: its items are already loaded
            report.not_modified += 1
            return found
        if outcome.outcome != "ok" or outcome.raw is None:
            report.fail(f"feed {source.url}: {outcome.error or outcome.outcome}")
            return found
        try:
            found.items = feed_items(source.id, outcome.raw.body, outcome.final_url or source.url, limit,
                                     fetch_pages=source.fetch_pages, allow_private=source.allow_private, local=local,
                                     report=report, revalidate=source.revalidate)
        except FeedError as exc:
            report.fail(f"feed {source.url}: {exc}")
            found.fetch_rows.append(failed_row(run_id, source.id, source.url, f"feed: {exc}"))   # -> source_health
        return found
    # sitemap: follow sitemap indexes breadth-first, never the same sitemap twice, at most MAX_SITEMAP_DEPTH deep
    include = re.compile(source.include) if source.include else None
    queue, seen, urls, lastmod = [(source.url, 0)], set(), [], {}
    while queue and len(urls) < limit:
        url, depth = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        outcome = fetcher.fetch(url, source_id=source.id, allow_private=source.allow_private, source_is_local=local)
        found.fetch_rows.append(fetch_row(run_id, source.id, outcome, None, outcome.raw))
        if outcome.outcome != "ok" or outcome.raw is None:
            report.fail(f"sitemap {url}: {outcome.error or outcome.outcome}", whole=(url == source.url))
            continue
        try:
            sitemap = parse_sitemap(outcome.raw.body, outcome.final_url or url)
        except FeedError as exc:
            report.fail(f"sitemap {url}: {exc}", whole=(url == source.url))
            found.fetch_rows.append(failed_row(run_id, source.id, url, f"sitemap: {exc}"))
            continue
        if sitemap.dropped:
            report.fail(f"sitemap {url}: {sitemap.dropped} <loc> value(s) refused (not http(s))", whole=False)
        urls.extend(u for u in sitemap.urls if include is None or include.search(u))
        lastmod.update(sitemap.lastmod)
        if depth + 1 < MAX_SITEMAP_DEPTH:
            queue.extend((child, depth + 1) for child in sitemap.sitemaps if child not in seen)
    for url in dict.fromkeys(urls[:limit]):
        found.items.append(WorkItem(source.id, url, allow_private=source.allow_private, source_is_local=local,
                                    revalidate=source.revalidate, listed=lastmod.get(url), listing="sitemap"))
    return found


# ------------------------------------------------------------------------------------------- tasks

@task(name="read-warehouse-state", cache_policy=NO_CACHE)
def prepare_warehouse(db_path: str, run_id: str, params: dict, sources: list[dict]) -> WarehouseState:
    with open_warehouse(db_path, on_wait=lambda msg: get_run_logger().warning(msg), defer_checkpoint=True) as con:
        start_run(con, run_id, utcnow(), params)
        save_batch(con, LoadBatch(run_id=run_id, sources=sources, fetches=[], documents=[], events={}))
        return read_state(con)


def reads_files(source) -> bool:
    """A source read from local files (a `files` source, or a feed given by `path`), not over the network."""
    return isinstance(source, FilesSource) or (isinstance(source, FeedSource) and bool(source.path))


@task(name="discover-sources", cache_policy=NO_CACHE)
def discover(config: SourcesConfig, state: WarehouseState, run_id: str, fetcher_settings,
             revalidate: str | None = None) -> tuple[list, list, dict]:
    reports: dict[str, SourceReport] = {}
    items: list[WorkItem] = []
    rows: list[dict] = []
    sources = config.enabled_sources()
    # an HTTP client (its TLS context: ≈ 40 ms) only when a source is fetched over the network
    remote = not all(reads_files(source) for source in sources)
    with Fetcher(fetcher_settings) if remote else contextlib.nullcontext() as fetcher:
        for source in sources:
            location = getattr(source, "url", None) or getattr(source, "path", "")
            report = reports[source.id] = SourceReport(source.id, source.kind, location)
            try:
                if reads_files(source):
                    found = discover_files(source, config, report, run_id, state, revalidate)
                else:
                    found = discover_remote(source, config, fetcher, state, report, run_id)
            except Exception as exc:  # one broken source never takes the run down
                report.fail(f"{type(exc).__name__}: {exc}")
                continue
            report.items = len(found.items) + found.skipped
            report.skipped += found.skipped
            items.extend(found.items)
            rows.extend(found.fetch_rows)
    return items, rows, reports


@dataclass
class Tally:
    """What one batch did to each source: counts and causes, merged into the run's SourceReports."""

    fetched: dict[str, int] = field(default_factory=dict)
    not_modified: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    failed: dict[str, int] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (source_id, cause)

    def add(self, counter: dict[str, int], source_id: str) -> None:
        counter[source_id] = counter.get(source_id, 0) + 1

    def merge_into(self, reports: dict[str, SourceReport]) -> None:
        for source_id, report in reports.items():
            report.fetched += self.fetched.get(source_id, 0)
            report.not_modified += self.not_modified.get(source_id, 0)
            report.skipped += self.skipped.get(source_id, 0)
            report.failed += self.failed.get(source_id, 0)
        for source_id, cause in self.problems:
            if source_id in reports:
                report = reports[source_id]
                # a source whose every item failed has failed; one bad item of many is partial
                whole = report.items <= 1 and not report.fetched and not report.not_modified and not report.skipped
                report.fail(cause, whole=whole)


@task(name="fetch-and-land", cache_policy=NO_CACHE)
def fetch_batch(batch: list[WorkItem], validators: dict[str, dict], settings, raw_root: str,
                run_id: str, revisit: dict[str, dict] | None = None,
                revalidate: str | None = None) -> tuple[list[RawPage], list[dict], Tally]:
    """Fetch what needs fetching (conditionally), land every body in the raw store, keep fetch rows.

    A page the warehouse already has is not requested when the listing or the cache says it need not be
    (``revisit``: warehouse state per URL; flows/fetch.py skip_reason); ``revalidate`` overrides every source's
    setting for the run (``always``: ask the server about every page). Local files come here only to be read
    (the unchanged ones were left out by discover_files), each row with the file's stat."""
    store = RawStore(pathlib.Path(raw_root))
    pages: list[RawPage] = []
    rows: list[dict] = []
    tally = Tally()
    revisit = revisit or {}
    to_fetch = []
    now = utcnow()
    for w in batch:
        if w.raw is not None or w.path is not None:
            continue
        reason = skip_reason(revisit.get(w.url), listed=w.listed, listing=w.listing,
                             mode=revalidate or w.revalidate, now=now, clock_skew=settings.clock_skew,
                             recheck_days=settings.recheck_days)
        if reason:
            rows.append(skipped_row(run_id, w, reason))
            tally.add(tally.skipped, w.source_id)
        else:
            to_fetch.append(w)
    outcomes: dict[int, FetchOutcome] = {}
    if to_fetch:
        requests = [{"url": w.url, "source_id": w.source_id, "allow_private": w.allow_private,
                     "source_is_local": w.source_is_local, "validators": _validators(validators.get(w.url),
                                                                                    revisit.get(w.url))}
                    for w in to_fetch]
        with Fetcher(settings) as fetcher:
            for w, outcome in zip(to_fetch, fetcher.fetch_many(requests)):
                outcomes[id(w)] = outcome
    for w in batch:
        if w.path is not None:
            try:
                raw, info = read_local_stat(w.path, w.source_id, settings.max_bytes)
            except FetchError as exc:
                rows.append(failed_row(run_id, w.source_id, w.url, str(exc)))
                tally.add(tally.failed, w.source_id)
                tally.problems.append((w.source_id, str(exc)))
                continue
            rows.append(file_row(run_id, raw, store.put(raw.body), info))
            pages.append(raw)
            tally.add(tally.fetched, w.source_id)
            continue
        if w.raw is not None:
            digest = store.put(w.raw.body)
            rows.append(local_row(run_id, w.raw, digest))
            pages.append(w.raw)
            tally.add(tally.fetched, w.source_id)
            continue
        outcome = outcomes.get(id(w))
        if outcome is None:   # skipped: its row is written above
            continue
        if outcome.outcome == "ok" and outcome.raw is not None:
            digest = store.put(outcome.raw.body)
            rows.append(fetch_row(run_id, w.source_id, outcome, digest, outcome.raw, w.listed))
            pages.append(outcome.raw)
            tally.add(tally.fetched, w.source_id)
        elif outcome.outcome == "not_modified":
            rows.append(fetch_row(run_id, w.source_id, outcome, None, None, w.listed))
            tally.add(tally.not_modified, w.source_id)
        else:
            rows.append(fetch_row(run_id, w.source_id, outcome, None, None, w.listed))
            cause = f"{w.url}: {outcome.error or outcome.outcome}"
            if w.fallback is not None:   # a feed item whose page is out of reach: use the item's own content
                digest = store.put(w.fallback.body)
                rows.append(local_row(run_id, w.fallback, digest))
                pages.append(w.fallback)
                tally.add(tally.fetched, w.source_id)
                tally.problems.append((w.source_id, cause + " (used the feed item's own content)"))
            else:
                tally.add(tally.failed, w.source_id)
                tally.problems.append((w.source_id, cause))
    return pages, rows, tally


def _validators(validators: dict | None, revisit: dict | None) -> dict | None:
    """The conditional-GET validators, with the last full response's cache headers (for a 304's freshness)."""
    if not revisit or not (revisit.get("cache_control") or revisit.get("expires")):
        return validators
    return {**(validators or {}), "cache_control": revisit.get("cache_control"), "expires": revisit.get("expires")}


@task(name="parse-and-code", cache_policy=NO_CACHE)
def process_batch(pages: list[RawPage], known_docs: dict[str, dict], force: bool = False) -> ProcessResult:
    return process_pages(pages, known_docs, force=force)


def capped(db_path: str, work, **open_kwargs):
    """work(con) on the warehouse with DuckDB's memory capped (warehouse_memory); when DuckDB still runs out (the
    work's transaction is rolled back), once more under RETRY_MEMORY (the default cap only), then without a cap."""
    logger = get_run_logger()
    limits = [warehouse_memory()] + ([] if os.environ.get("CARAVAN_DUCKDB_MEMORY") else [RETRY_MEMORY])
    for limit, then in zip(limits, limits[1:] + ["without the cap"]):
        try:
            with open_warehouse(db_path, on_wait=logger.warning, memory_limit=limit, **open_kwargs) as con:
                return work(con)
        except (WarehouseError, duckdb.Error) as exc:
            if not out_of_memory(exc):
                raise
            logger.warning("DuckDB needed more than %s (%s); again %s", limit, one_line(exc),
                           then if then == "without the cap" else f"under {then}")
    with open_warehouse(db_path, on_wait=logger.warning, **open_kwargs) as con:
        return work(con)


@task(name="load-batch", cache_policy=NO_CACHE)
def load_batch(db_path: str, batch: LoadBatch) -> dict:
    # no checkpoint per batch (open_warehouse): the write-ahead log takes the batches until its threshold, and
    # finalize checkpoints once
    return capped(db_path, lambda con: save_batch(con, batch), defer_checkpoint=True)


@task(name="views-and-checks", cache_policy=NO_CACHE)
def finalize(db_path: str, run_id: str, status: str, counts: dict, fetches: list[dict] | None = None) -> dict:
    def work(con) -> dict:
        if fetches:   # fetch rows left to load (save_batch: their own transaction; a fetch_id stored is skipped)
            save_batch(con, LoadBatch(run_id=run_id, fetches=fetches))
        checkpoint(con)   # the loads' writes still in the log go into the file first: replayed, they held the cap's
                          # memory, and a full rebuild at 20,000 pages ran out of 64 MB (it fits on a checkpointed file)
        views = refresh_views(con)           # one transaction: rolled back when it fails
        checkpoint(con)   # and the rebuild's writes: the checks then fit the cap
        checks = run_checks(con, run_id)     # results are upserted per (run, check): safe to run again
        failed_checks = [c for c in checks if not c.passed]
        final_counts = {**counts, "checks_passed": len(checks) - len(failed_checks),
                        "checks_failed": len(failed_checks)}
        final_status = "checks_failed" if failed_checks else status
        finish_run(con, run_id, utcnow(), final_status, final_counts)
        totals = run_totals(con)
        latest = latest_engagements(con, 8)
        checkpoint(con)   # the run's own rows (fetches, checks, its end) into the file: a whole file for other clients
        return {"checks": [c.__dict__ for c in checks], "status": final_status, "totals": totals, "latest": latest,
                "counts": final_counts, "engagements": views["engagements"]}

    return capped(db_path, work)


# -------------------------------------------------------------------------------------------- flow

def batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# ------------------------------------------------------------------------------------ task runner

def uses_dask(config: SourcesConfig) -> bool:
    """Dask when sources.yaml says `task_runner: {kind: dask}` or CARAVAN_DASK_ADDRESS names a scheduler."""
    return config.task_runner.kind == "dask" or bool(os.environ.get("CARAVAN_DASK_ADDRESS"))


def task_runner_for(config: SourcesConfig):
    """The flow's task runner: None (Prefect's default thread pool) unless Dask is asked for.

    The scheduler address comes from CARAVAN_DASK_ADDRESS, else `task_runner.address`; with neither, a
    temporary local cluster of one single-threaded worker process per core.
    """
    if not uses_dask(config):
        return None
    from prefect_dask import DaskTaskRunner

    address = os.environ.get("CARAVAN_DASK_ADDRESS") or config.task_runner.address
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": os.cpu_count() or 1, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


def flow_for(config: SourcesConfig):
    """refresh_flow with the task runner sources.yaml asks for (what the CLI runs)."""
    runner = task_runner_for(config)
    return refresh_flow if runner is None else refresh_flow.with_options(task_runner=runner)


def dask_window() -> int:
    """How many batches may be in flight on Dask: two per worker thread, so workers never wait on a load."""
    runner = FlowRunContext.get().task_runner
    try:
        threads = sum(runner.client.nthreads().values())
    except AttributeError:   # not a DaskTaskRunner (refresh_flow called directly): threads of this process
        threads = os.cpu_count() or 1
    return max(2, 2 * threads)


def run_id_for(prefix: str) -> str:
    """Our run id: time-ordered, and tied to the Prefect flow run so its state hooks can find it."""
    ctx = FlowRunContext.get()
    suffix = str(ctx.flow_run.id).replace("-", "")[:12] if ctx and ctx.flow_run else uuid.uuid4().hex[:12]
    return utcnow().strftime(f"{prefix}%Y%m%dT%H%M%S") + "_" + suffix


def mark_run_ended(flow, flow_run, state) -> None:
    """Prefect hook for a cancelled or crashed run: record its end in `runs`, so it is not left 'running'."""
    db_path = (flow_run.parameters or {}).get("db_path", "data/caravan.duckdb")
    suffix = str(flow_run.id).replace("-", "")[:12]
    status = "cancelled" if state.is_cancelled() else "crashed"
    try:
        with open_warehouse(db_path, wait_seconds=30) as con:
            end_unfinished_runs(con, suffix, utcnow(), status, {"ended_by": state.name, "message": state.message})
    except Exception as exc:  # a hook must never raise; say why the run stays 'running'
        get_run_logger().warning("could not record the %s run in %s: %s", status, db_path, exc)


@flow(name="caravan-refresh", log_prints=False, on_cancellation=[mark_run_ended], on_crashed=[mark_run_ended])
def refresh_flow(sources_path: str = "sources.yaml", db_path: str = "data/caravan.duckdb",
                 only: list[str] | None = None, force: bool = False, revalidate: str | None = None) -> dict:
    """Refresh the warehouse from the sources in `sources_path`. Returns the run summary.

    `force` re-codes every fetched page and asks the server about every page; `revalidate="always"` only the
    latter (no page is skipped on its listing date or cache freshness)."""
    if revalidate not in (None, "listing", "cache", "always"):
        raise ValueError(f"revalidate must be listing, cache or always, not {revalidate!r}")
    if force:
        revalidate = "always"
    logger = get_run_logger()
    cap_malloc_arenas()   # before any fetch thread: page bodies fetched on threads otherwise fragment 16 arenas
    config = load_config(sources_path)
    if only:
        config = config.model_copy(update={"sources": config.enabled_sources(only)})
    run_id = run_id_for("r")
    sources = [source_row(s, config.base_dir) for s in config.enabled_sources()]
    state = prepare_warehouse(db_path, run_id, {"sources_path": str(sources_path), "only": only, "force": force,
                                                "revalidate": revalidate, "coder_version": CODER_VERSION}, sources)
    raw_root = str(RawStore.for_warehouse(db_path).root)
    # the state quoted: Prefect would otherwise walk every entry of it, twice (≈ 60,000 visits at 1,000 documents)
    items, discovery_rows, reports = discover(config, quote(state), run_id, config.fetch, revalidate)
    counts = {"fetched": 0, "not_modified": 0, "skipped": 0, **{key: 0 for key in SKIP_COUNTS.values()},
              "fetch_failed": 0, "documents_parsed": 0, "documents_unchanged": 0,
              "parse_failed": 0, "events_added": 0, "events_removed": 0, "events_unchanged": 0, "non_asserted": 0}
    count_skips(counts, discovery_rows)   # local files left unread (discover_files)
    pending_rows = discovery_rows
    unparsed: dict[str, int] = {}   # source id -> pages fetched but not parseable
    batches_done = [0]

    def absorb(result: ProcessResult, rows: list[dict], source_of: dict[str, str]) -> None:
        """Load one processed batch (one transaction) and count it; always here, in the flow's process, in order."""
        nonlocal pending_rows
        unreadable = {page.url: page.error for page in result.pages if page.action == "failed"}
        for url, error in unreadable.items():
            if source_of.get(url) in reports:
                reports[source_of[url]].fail(f"{url}: {error}", whole=False)
                unparsed[source_of[url]] = unparsed.get(source_of[url], 0) + 1
        for row in rows:   # fetched but unreadable: a failed attempt for source_health and the next run's validators
            if row["outcome"] == "ok" and row["url"] in unreadable:
                row["outcome"], row["error"] = "failed", unreadable[row["url"]]
        if not result.documents and not result.events and len(pending_rows) + len(rows) < MAX_PENDING_FETCH_ROWS:
            # nothing to load but fetch rows (every page unchanged): they go with a later load, not a load of
            # their own (a load opens the warehouse: a fixed cost that dominated a rerun with nothing changed)
            pending_rows = pending_rows + rows
            loaded: dict = {}
        else:
            loaded = load_batch(db_path, quote(LoadBatch(run_id=run_id, sources=[], fetches=pending_rows + rows,
                                                         documents=result.documents, events=result.events,
                                                         coder_version=CODER_VERSION)))
            pending_rows = []
        counts["fetched"] += sum(1 for r in rows if r["outcome"] == "ok")
        counts["not_modified"] += sum(1 for r in rows if r["outcome"] == "not_modified")
        count_skips(counts, rows)
        counts["fetch_failed"] += sum(1 for r in rows if r["outcome"] in ("failed", "blocked"))
        counts["documents_parsed"] += result.count("parsed") + result.count("metadata")
        counts["documents_unchanged"] += result.count("unchanged")
        counts["parse_failed"] += result.count("failed")
        counts["non_asserted"] += result.non_asserted
        for key in ("events_added", "events_removed", "events_unchanged"):
            counts[key] += int(loaded.get(key, 0))
        for doc in result.documents:
            if doc.source_id in reports:
                reports[doc.source_id].documents += 1
        batches_done[0] += 1
        log_batch_memory(run_id=run_id, batch=batches_done[0], pages=len(result.pages), loaded=bool(loaded))

    dask = uses_dask(config)
    window = dask_window() if dask else 0
    in_flight: deque = deque()   # Dask: (future of process_batch, fetch rows, url -> source id), oldest first
    for batch in batched(items, config.batch_size):
        # each task gets only its own batch's slice of the warehouse state, and large arguments are quoted so
        # Prefect does not walk them looking for futures: a task's cost stays flat however big the archive grows
        validators = {w.url: state.validators[w.url] for w in batch if w.url in state.validators}
        revisit = {w.url: state.revisit[w.url] for w in batch if w.url in state.revisit}
        pages, rows, tally = fetch_batch(quote(batch), quote(validators), config.fetch, raw_root, run_id,
                                         quote(revisit), revalidate)
        tally.merge_into(reports)
        source_of = {p.url: p.source_id for p in pages}
        known = {d: state.docs[d] for d in (doc_id_for(url) for url in source_of) if d in state.docs}
        if not pages:   # every page skipped or not modified: no parse-and-code task run to pay for
            absorb(ProcessResult(), rows, source_of)
            continue
        if not dask:
            absorb(process_batch(quote(pages), quote(known), force), rows, source_of)
            continue
        # parse + code run on the Dask workers, several batches at once (a quoted argument would reach a
        # Dask worker still wrapped, so they go as they are)
        in_flight.append((process_batch.submit(pages, known, force), rows, source_of))
        if len(in_flight) >= window:
            future, rows, source_of = in_flight.popleft()
            absorb(future.result(), rows, source_of)
    while in_flight:
        future, rows, source_of = in_flight.popleft()
        absorb(future.result(), rows, source_of)
    for report in reports.values():   # a source whose every item failed (fetch or parse) has failed
        lost = report.failed + unparsed.get(report.source_id, 0)
        if report.status == "partial" and report.items and lost >= report.items:
            report.status = "failed"
    failed_sources = [r for r in reports.values() if r.status == "failed"]
    counts["sources_ok"] = sum(1 for r in reports.values() if r.status != "failed")
    counts["sources_failed"] = len(failed_sources)
    status = "completed" if not failed_sources else "completed_with_failures"
    # the fetch rows no load took (pages skipped or unchanged) go in with finalize's connection, not one of their own
    final = finalize(db_path, run_id, status, counts, quote(pending_rows))
    summary = {
        "run_id": run_id, "db_path": str(pathlib.Path(db_path).resolve()), "status": final["status"],
        "counts": final["counts"], "totals": final["totals"], "checks": final["checks"], "latest": final["latest"],
        "sources": [r.__dict__ for r in reports.values()], "engagements": final["engagements"],
    }
    publish_artifacts(summary)
    logger.info("refresh %s: %s", run_id, json.dumps(final["counts"]))
    return summary


def count_skips(counts: dict, rows: list[dict]) -> None:
    for row in rows:
        if row["outcome"] == "skipped":
            counts["skipped"] += 1
            counts[SKIP_COUNTS[row["skip_reason"]]] += 1


def summary_markdown(summary: dict) -> str:
    c = summary["counts"]
    lines = [f"# Caravan refresh {summary['run_id']}: {summary['status']}", "",
             f"- sources ok {c['sources_ok']}, failed {c['sources_failed']}",
             f"- pages fetched {c['fetched']}, not modified {c['not_modified']}, failed {c['fetch_failed']}",
             f"- pages not requested {c.get('skipped', 0)}: unchanged per sitemap lastmod "
             f"{c.get('skipped_sitemap_lastmod', 0)}, per feed item date {c.get('skipped_feed_date', 0)}, "
             f"still fresh per Cache-Control/Expires {c.get('skipped_fresh', 0)}, local files unchanged per size "
             f"and mtime {c.get('skipped_file_stat', 0)}",
             f"- documents parsed {c['documents_parsed']}, unchanged {c['documents_unchanged']}, "
             f"parse failures {c['parse_failed']}",
             f"- events added {c['events_added']}, removed {c['events_removed']}, unchanged {c['events_unchanged']}",
             f"- checks passed {c['checks_passed']}, failed {c['checks_failed']}",
             f"- warehouse: {summary['totals']['documents']} documents, {summary['totals']['events']} events "
             f"at `{summary['db_path']}`", ""]
    failed = [s for s in summary["sources"] if s["causes"]]
    if failed:
        lines += ["## Source problems", ""]
        lines += [f"- **{s['source_id']}** ({s['status']}): {'; '.join(s['causes'][:5])}" for s in failed]
    return "\n".join(lines)


def publish_artifacts(summary: dict) -> None:
    create_markdown_artifact(key="refresh-summary", markdown=summary_markdown(summary),
                             description="Counts of the last Caravan refresh")
    create_table_artifact(key="quality-checks", table=[
        {"check": c["name"], "passed": c["passed"], "failed_rows": c["failed_rows"]} for c in summary["checks"]],
        description="Data checks after the last load")


# ------------------------------------------------------------------------------------- reprocess

@task(name="read-stored-pages", cache_policy=NO_CACHE)
def stored_page_list(db_path: str) -> list[dict]:
    with open_warehouse(db_path, read_only=True, on_wait=lambda msg: get_run_logger().warning(msg)) as con:
        return list(stored_pages(con))


def rebuild_page(row: dict, store: RawStore) -> RawPage:
    """A RawPage again from the raw store and its fetch metadata: no network."""
    headers = json.loads(row.get("headers_json") or "{}")
    return RawPage(
        source_id=row["source_id"], url=row["url"], final_url=row.get("final_url") or row["url"], status=200,
        content_type=row.get("content_type"), body=store.get(row["content_hash"]), fetched_at=row["fetched_at"],
        headers=headers, feed_title=row.get("feed_title"), feed_published=row.get("feed_published"),
    )


@flow(name="caravan-reprocess", on_cancellation=[mark_run_ended], on_crashed=[mark_run_ended])
def reprocess_flow(db_path: str = "data/caravan.duckdb", batch_size: int = 200) -> dict:
    """Re-parse and re-code every stored raw page without the network (after a coder upgrade)."""
    run_id = run_id_for("p")
    rows = stored_page_list(db_path)
    store = RawStore.for_warehouse(db_path)
    counts = {"fetched": 0, "not_modified": 0, "fetch_failed": 0, "documents_parsed": 0, "documents_unchanged": 0,
              "parse_failed": 0, "events_added": 0, "events_removed": 0, "events_unchanged": 0, "non_asserted": 0,
              "raw_missing": 0, "sources_ok": 0, "sources_failed": 0}
    with open_warehouse(db_path) as con:
        start_run(con, run_id, utcnow(), {"reprocess": True, "coder_version": CODER_VERSION})
    for chunk in batched(rows, batch_size):
        pages = []
        for row in chunk:
            if store.has(row["content_hash"]):
                pages.append(rebuild_page(row, store))
            else:
                counts["raw_missing"] += 1
        result = process_batch(quote(pages), {}, True)
        loaded = load_batch(db_path, quote(LoadBatch(run_id=run_id, sources=[], fetches=[],
                                                     documents=result.documents, events=result.events,
                                                     coder_version=CODER_VERSION)))
        counts["documents_parsed"] += result.count("parsed")
        counts["parse_failed"] += result.count("failed")
        counts["non_asserted"] += result.non_asserted
        for key in ("events_added", "events_removed", "events_unchanged"):
            counts[key] += int(loaded.get(key, 0))
    final = finalize(db_path, run_id, "completed", counts)
    summary = {"run_id": run_id, "db_path": str(pathlib.Path(db_path).resolve()), "status": final["status"],
               "counts": final["counts"], "totals": final["totals"], "checks": final["checks"],
               "latest": final["latest"], "sources": []}
    publish_artifacts(summary)
    return summary
