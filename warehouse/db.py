"""The DuckDB warehouse: open (migrate, reference data, lock waits), load batches, views, checks.

Only the load stage writes, in short windows: DuckDB's file lock keeps every other client out (even read-only
ones) while a writer has the file open. New files use storage compatibility v1.4.0 so the duckdb-cli 1.5 that
analysts install from the registry can open them (DuckDB 2.x's own format is refused there).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import pathlib
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import duckdb
import pyarrow as pa

from transforms.errors import CaravanError
from transforms.models import Document, Event
from warehouse import sqlfiles

STORAGE_COMPATIBILITY = "v1.4.0"
WRITE_CONFIG = {"storage_compatibility_version": STORAGE_COMPATIBILITY}
SCHEMA_VERSION = max(v for v, _, _ in sqlfiles.migrations())
QUADS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}
QUAD_LABELS = {v: k for k, v in QUADS.items()}


class WarehouseError(CaravanError):
    """The warehouse cannot be used (not a DuckDB file, damaged, newer schema, a write that did not stick)."""


class WarehouseBusy(WarehouseError):
    """Another process holds the warehouse's file lock (a refresh is writing) past the wait."""


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (DuckDB's run to several), for a one-line error."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _is_lock_error(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


# ------------------------------------------------------------------------------------------ opening

@contextmanager
def open_warehouse(path, *, read_only: bool = False, wait_seconds: float = 60.0,
                   on_wait: Callable[[str], Any] | None = None, memory_limit: str | None = None,
                   defer_checkpoint: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse at `path`, closed on exit.

    Write connections create the file (and its folder), apply pending migrations and reload reference data
    that changed. While another process holds the lock, retry with backoff for up to `wait_seconds`, telling
    `on_wait` once; then raise WarehouseBusy.

    `memory_limit` ('256MB') caps DuckDB's buffer pool (it evicts and spills beyond it; its default is 80 % of the
    machine). `defer_checkpoint` leaves the committed writes in the write-ahead log on close instead of
    checkpointing them into the file, until the log reaches DuckDB's checkpoint_threshold (16 MB): a checkpoint
    rewrites the whole last row group of a table with a primary key (all of `documents` and its text, below
    122,880 rows), so one per batch made loading O(warehouse) per batch. Committed data is durable either way;
    whoever opens the file next replays the log. The refresh checkpoints once at its end (finalize).
    """
    path = pathlib.Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path} (run caravan refresh first)")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            _create(path)
    con = _connect(path, read_only, wait_seconds, on_wait)
    try:
        if memory_limit:
            _run(con, sqlfiles.query("set_memory_limit"), {"memory_limit": memory_limit})
        if defer_checkpoint and not read_only:
            _run(con, sqlfiles.query("defer_checkpoint"))
        if not read_only:
            migrate(con, path)
            load_reference_data(con)
        yield con
    finally:
        con.close()


def _create(path: pathlib.Path) -> None:
    """Create a new warehouse so that it appears whole or not at all: the schema and reference data are written
    to a hidden file beside it, checkpointed, and linked into place. A process killed while creating leaves only
    that hidden file (removed by a later creation once stale), never a truncated warehouse that DuckDB cannot
    open. When two processes race, the first link wins and the other uses that file."""
    for stale in path.parent.glob(f".{path.name}.creating-*"):
        try:
            if time.time() - stale.stat().st_mtime > 600:
                stale.unlink()
        except OSError:
            pass
    tmp = path.with_name(f".{path.name}.creating-{os.getpid()}-{time.monotonic_ns()}")
    try:
        try:
            con = duckdb.connect(str(tmp), config=WRITE_CONFIG)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot create {path}: {one_line(exc)}") from None
        try:
            migrate(con, path)
            load_reference_data(con)
            checkpoint(con)
        finally:
            con.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass                       # another process created it first: use that one
        except OSError:                # a filesystem without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)


def _connect(path: pathlib.Path, read_only: bool, wait_seconds: float,
             on_wait: Callable[[str], Any] | None) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + max(0.0, wait_seconds)
    delay, told = 0.05, False
    while True:
        try:
            if read_only:
                return duckdb.connect(str(path), read_only=True)
            return duckdb.connect(str(path), config=WRITE_CONFIG)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                if "different configuration" in str(exc):
                    raise WarehouseError(f"{path} is already open in this process with other settings; "
                                         "close that connection first") from None
                raise WarehouseError(f"cannot open {path}: not a usable DuckDB database ({one_line(exc)})") from None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WarehouseBusy(f"{path} is locked by another process (a refresh is writing); "
                                    f"gave up after {wait_seconds:g} s") from None
            if not told and on_wait is not None:
                on_wait(f"waiting: a refresh is writing to {path} (up to {wait_seconds:g} s)")
                told = True
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 1.0)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this warehouse (0 for an empty file)."""
    have = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'schema_migrations'").fetchall()[0][0]
    if not have:
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, path: pathlib.Path | str = "warehouse",
            upto: int | None = None) -> list[int]:
    """Apply pending schema/NNN_*.sql migrations in order, each in its own transaction. Returns versions applied."""
    try:
        current = schema_version(con)
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read the schema version of {path}: {one_line(exc)}") from None
    if current > SCHEMA_VERSION:
        raise WarehouseError(f"{path} has schema version {current}, newer than this Caravan ({SCHEMA_VERSION}): "
                             "upgrade Caravan")
    applied = []
    for version, name, sql in sqlfiles.migrations():
        if version <= current or (upto is not None and version > upto):
            continue
        try:
            _run(con, "BEGIN TRANSACTION")
            _run(con, sqlfiles.query("schema_migrations"))
            _run(con, sql)
            _run(con, sqlfiles.query("record_migration"), {
                "version": version, "name": name, "checksum": hashlib.sha256(sql.encode()).hexdigest(),
                "applied_at": _now()})
            _run(con, "COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            raise WarehouseError(f"migration {name} failed on {path}: {one_line(exc)}") from None
        if schema_version(con) < version:
            raise WarehouseError(f"migration {name} on {path} was rolled back by DuckDB")
        applied.append(version)
    return applied


def _run(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> list:
    """Execute and fetch every row: DuckDB blocks the connection while a result is unread (FACTS.md)."""
    return con.execute(sql, params).fetchall() if params is not None else con.execute(sql).fetchall()


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        _run(con, "ROLLBACK")
    except duckdb.Error:
        pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# ------------------------------------------------------------------------------------ reference data

def _quad_class(value) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return int(value)
    text = str(value).strip().lower().replace("_", " ")
    if text.isdigit():
        return int(text)
    return QUADS.get(text)


@functools.cache
def _reference_rows() -> dict[str, list[dict]]:
    """Rows for actors, actor_aliases, event_types from the coder's data files (empty until those modules exist)."""
    rows: dict[str, list[dict]] = {}
    try:
        from transforms.coder.actors import load_actor_table
    except ImportError:
        pass
    else:
        actors, aliases = load_actor_table()
        rows["actors"] = [{k: a.get(k) for k in ("code", "name", "kind", "country")} for a in actors]
        rows["actor_aliases"] = [{k: a.get(k) for k in ("alias", "code", "kind", "valid_from", "valid_to")}
                                 for a in aliases]
    try:
        from transforms.coder.types import load_event_types
    except ImportError:
        pass
    else:
        rows["event_types"] = []
        for t in load_event_types():
            # the class as a number 1-4 and its label, whichever of the two fields the loader put them in
            quad_class = _quad_class(t.get("quad_class")) or _quad_class(t.get("quad"))
            rows["event_types"].append({
                "event_type": t.get("event_type"), "mode": t.get("mode") or None, "quad_class": quad_class,
                "quad": QUAD_LABELS.get(quad_class), "definition": t.get("definition"),
                "score": None if t.get("score") is None else float(t["score"])})
    return rows


REFERENCE_SCHEMAS = {
    "actors": pa.schema([("code", pa.string()), ("name", pa.string()), ("kind", pa.string()),
                         ("country", pa.string())]),
    "actor_aliases": pa.schema([("alias", pa.string()), ("code", pa.string()), ("kind", pa.string()),
                                ("valid_from", pa.date32()), ("valid_to", pa.date32())]),
    "event_types": pa.schema([("event_type", pa.string()), ("mode", pa.string()), ("quad_class", pa.int32()),
                              ("quad", pa.string()), ("score", pa.float64()), ("definition", pa.string())]),
}


def load_reference_data(con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]] | None = None) -> list[str]:
    """Replace actors / actor_aliases / event_types whose content changed since last loaded. Returns tables replaced."""
    if rows is None:
        try:
            rows = _reference_rows()
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WarehouseError(f"reference data (transforms/data) could not be read: {one_line(exc)}") from None
    replaced = []
    for name, table_rows in rows.items():
        digest = hashlib.sha256(json.dumps(table_rows, sort_keys=True, default=str).encode()).hexdigest()
        stored = con.execute("SELECT content_hash FROM reference_data WHERE name = ?", [name]).fetchall()
        if stored and stored[0][0] == digest:
            continue
        table = _arrow(table_rows, REFERENCE_SCHEMAS[name])
        con.register("batch_reference", table)
        try:
            _run(con, "BEGIN TRANSACTION")
            # `name` is one of the three fixed table names in REFERENCE_SCHEMAS, never user input
            _run(con, f"DELETE FROM {name}")
            _run(con, f"INSERT INTO {name} BY NAME SELECT * FROM batch_reference")
            if name == "event_types":
                _run(con, sqlfiles.query("rescore_events"))
            _run(con, sqlfiles.query("record_reference"), {
                "name": name, "content_hash": digest, "n_rows": len(table_rows), "loaded_at": _now()})
            _run(con, "COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            raise WarehouseError(f"loading reference table {name} failed: {one_line(exc)}") from None
        finally:
            con.unregister("batch_reference")
        replaced.append(name)
    return replaced


# --------------------------------------------------------------------------------------- batch tables

def _utc_naive(value):
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if isinstance(value, str) and value:
        try:
            return _utc_naive(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return None
    return value


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10]) if value else None
    return value


def _as_text(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):          # e.g. config_json / headers_json given as objects
        return json.dumps(value, default=str, sort_keys=True)
    return str(value)


def _arrow(rows: list[dict], schema: pa.Schema) -> pa.Table:
    columns = {}
    for f in schema:
        values = [r.get(f.name) for r in rows]
        if pa.types.is_timestamp(f.type):
            values = [_utc_naive(v) for v in values]
        elif pa.types.is_date(f.type):
            values = [_as_date(v) for v in values]
        elif pa.types.is_string(f.type):
            values = [_as_text(v) for v in values]
        columns[f.name] = pa.array(values, type=f.type)
    return pa.table(columns, schema=schema)


TS = pa.timestamp("us")
SOURCE_SCHEMA = pa.schema([("source_id", pa.string()), ("kind", pa.string()), ("location", pa.string()),
                          ("config_json", pa.string()), ("seen_at", TS)])
FETCH_SCHEMA = pa.schema([
    ("fetch_id", pa.string()), ("run_id", pa.string()), ("source_id", pa.string()), ("url", pa.string()),
    ("final_url", pa.string()), ("outcome", pa.string()), ("status_code", pa.int32()), ("error", pa.string()),
    ("bytes", pa.int64()), ("duration_ms", pa.float64()), ("attempts", pa.int32()), ("content_type", pa.string()),
    ("content_hash", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
    ("headers_json", pa.string()), ("fetched_at", TS), ("feed_title", pa.string()), ("feed_published", TS),
    ("listed_lastmod", pa.string()), ("fresh_until", TS), ("skip_reason", pa.string()),
    ("file_size", pa.int64()), ("file_mtime_ns", pa.int64()), ("file_inode", pa.uint64())])
DOCUMENT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source_id", pa.string()), ("url", pa.string()), ("canonical_url", pa.string()),
    ("title", pa.string()), ("author", pa.string()), ("published_at", pa.date32()),
    ("published_precision", pa.string()), ("language", pa.string()), ("text", pa.string()),
    ("content_hash", pa.string()), ("text_hash", pa.string()), ("parser", pa.string()),
    ("coder_version", pa.string()), ("seen_at", TS)])
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("fingerprint", pa.string()), ("doc_id", pa.string()),
    ("sentence_index", pa.int32()), ("start_char", pa.int32()), ("end_char", pa.int32()), ("evidence", pa.string()),
    ("actor1", pa.string()), ("actor2", pa.string()), ("event_type", pa.string()), ("mode", pa.string()),
    ("event_date", pa.date32()), ("date_precision", pa.string()), ("date_source", pa.string()),
    ("date_text", pa.string()), ("quantity_value", pa.float64()), ("quantity_unit", pa.string()),
    ("quantity_text", pa.string()), ("fatalities", pa.int32()), ("location", pa.string()),
    ("location_country", pa.string()), ("trigger", pa.string()), ("actor1_text", pa.string()),
    ("actor2_text", pa.string()), ("confidence", pa.float64()), ("coder_version", pa.string()),
    ("status", pa.string()), ("extracted_at", TS)])
DOC_IDS_SCHEMA = pa.schema([("doc_id", pa.string())])


# ------------------------------------------------------------------------------------------ state

@dataclass
class WarehouseState:
    """What a refresh needs to know before it fetches: validators per URL, hashes per document."""

    validators: dict[str, dict] = field(default_factory=dict)   # url -> {etag, last_modified, content_hash}
    docs: dict[str, dict] = field(default_factory=dict)         # doc_id -> {content_hash, text_hash, coder_version}
    revisit: dict[str, dict] = field(default_factory=dict)      # url -> what decides a skip (read_revisit.sql)
    files: dict[str, dict] = field(default_factory=dict)        # file:// url -> its last read's stat (read_file_stats.sql)


def read_state(con: duckdb.DuckDBPyConnection) -> WarehouseState:
    validators = {url: {"etag": etag, "last_modified": lm, "content_hash": ch}
                  for url, etag, lm, ch in con.execute(sqlfiles.query("read_validators")).fetchall()}
    docs = {doc_id: {"content_hash": ch, "text_hash": th, "coder_version": cv}
            for doc_id, ch, th, cv in con.execute(sqlfiles.query("read_docs")).fetchall()}
    cursor = con.execute(sqlfiles.query("read_revisit"))
    names = [d[0] for d in cursor.description]
    revisit = {row[0]: dict(zip(names[1:], row[1:])) for row in cursor.fetchall()}
    return WarehouseState(validators=validators, docs=docs, revisit=revisit, files=read_file_stats(con))


def read_file_stats(con: duckdb.DuckDBPyConnection) -> dict[str, dict]:
    """file:// url -> the stat its last successful read recorded, when, and its last failed read (flows/fetch.py
    file_skip_reason)."""
    cursor = con.execute(sqlfiles.query("read_file_stats"), {"prefix": "file://"})
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names[1:], row[1:])) for row in cursor.fetchall()}


# ------------------------------------------------------------------------------------------- loading

@dataclass
class LoadBatch:
    run_id: str
    sources: list[dict] = field(default_factory=list)
    fetches: list[dict] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    events: dict[str, list[Event]] = field(default_factory=dict)   # doc_id -> its complete new event list
    coder_version: str = ""


def _dedupe(rows: list[dict], key: str, keep: str = "last") -> list[dict]:
    seen: dict[Any, dict] = {}
    for row in rows:
        if keep == "first" and row[key] in seen:
            continue
        seen[row[key]] = row
    return list(seen.values())


def save_batch(con: duckdb.DuckDBPyConnection, batch: LoadBatch) -> dict:
    """Write one batch in ONE transaction. Returns {documents, events_added, events_removed, events_unchanged}.

    Sources upsert; fetches append (a fetch_id already stored is skipped); documents upsert by doc_id; for every
    doc in `batch.events` its asserted events replace the stored ones (ids derive from content, so a rerun adds
    nothing) and its other events replace its rows in event_candidates.
    """
    now = _now()
    sources = _dedupe([{**s, "seen_at": now} for s in batch.sources], "source_id")
    fetches = _dedupe([{**f, "run_id": f.get("run_id") or batch.run_id} for f in batch.fetches], "fetch_id")
    documents = _dedupe([{**vars(d), "seen_at": now,
                          "coder_version": (batch.coder_version or None) if d.doc_id in batch.events else None}
                         for d in batch.documents], "doc_id")
    asserted: list[dict] = []
    candidates: list[dict] = []
    for doc_id, events in batch.events.items():
        for event in events:
            # a shallow copy of the fields (dataclasses.asdict deep-copies: 10x slower on 100k events)
            row = {**vars(event), "event_id": event.event_id(), "fingerprint": event.fingerprint(),
                   "extracted_at": now}
            if not row.get("coder_version"):
                row["coder_version"] = batch.coder_version
            (asserted if event.status == "asserted" else candidates).append(row)
    asserted = _dedupe(asserted, "event_id", keep="first")
    tables = {
        "batch_sources": _arrow(sources, SOURCE_SCHEMA),
        "batch_fetches": _arrow(fetches, FETCH_SCHEMA),
        "batch_documents": _arrow(documents, DOCUMENT_SCHEMA),
        "batch_event_docs": _arrow([{"doc_id": d} for d in batch.events], DOC_IDS_SCHEMA),
        "batch_event_rows": _arrow(asserted + candidates, EVENT_SCHEMA),
    }
    for name, table in tables.items():
        con.register(name, table)
    try:
        try:
            _run(con, "BEGIN TRANSACTION")
            if sources:
                _run(con, sqlfiles.query("upsert_sources"))
            if fetches:
                _run(con, sqlfiles.query("insert_fetches"))
            if documents:
                _run(con, sqlfiles.query("upsert_documents"))
            removed = added = 0
            _run(con, sqlfiles.query("stage_events"))
            if batch.events:
                removed = con.execute(sqlfiles.query("delete_replaced_events")).fetchall()[0][0]
                added = con.execute(sqlfiles.query("insert_events")).fetchall()[0][0]
                _run(con, sqlfiles.query("replace_candidates"))
            if documents or batch.events:
                _run(con, sqlfiles.query("mark_engagements_pending"))
            _run(con, "COMMIT")
        except duckdb.Error as exc:
            _rollback(con)
            raise WarehouseError(f"loading batch of run {batch.run_id} failed: {one_line(exc)}") from None
        stored_docs, stored_events = con.execute(sqlfiles.query("verify_batch")).fetchall()[0]
    finally:
        _run(con, "DROP TABLE IF EXISTS batch_events")
        for name in tables:
            con.unregister(name)
    if stored_docs != len(documents) or stored_events != len(asserted):
        raise WarehouseError(f"batch of run {batch.run_id} did not stick (DuckDB rolled back): "
                             f"{stored_docs}/{len(documents)} documents, {stored_events}/{len(asserted)} events stored")
    return {"documents": len(documents), "events_added": int(added), "events_removed": int(removed),
            "events_unchanged": len(asserted) - int(added)}


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, started_at: dt.datetime, params: dict) -> None:
    _run(con, sqlfiles.query("start_run"), {"run_id": run_id, "started_at": _utc_naive(started_at),
                                               "params_json": json.dumps(params, default=str, sort_keys=True)})


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, finished_at: dt.datetime, status: str,
               counts: dict) -> None:
    _run(con, sqlfiles.query("finish_run"), {"run_id": run_id, "finished_at": _utc_naive(finished_at),
                                                "status": status,
                                                "counts_json": json.dumps(counts, default=str, sort_keys=True)})


def end_unfinished_runs(con: duckdb.DuckDBPyConnection, flow_run_suffix: str, finished_at: dt.datetime,
                        status: str, details: dict) -> list[str]:
    """Record the end of the runs a cancelled or crashed Prefect flow run left open; returns their ids."""
    rows = _run(con, sqlfiles.query("end_unfinished_runs"), {
        "flow_run_suffix": flow_run_suffix, "finished_at": _utc_naive(finished_at), "status": status,
        "counts_json": json.dumps(details, default=str, sort_keys=True)})
    return [r[0] for r in rows]


def run_totals(con: duckdb.DuckDBPyConnection) -> dict:
    """Documents and events in the warehouse now."""
    documents, events = _run(con, sqlfiles.query("run_totals"))[0]
    return {"documents": documents, "events": events}


def latest_engagements(con: duckdb.DuckDBPyConnection, limit: int = 8) -> list[tuple]:
    """The newest rows of engagement_timeline (date, precision, actors, type, place, sources)."""
    return _run(con, sqlfiles.query("latest_engagements"), {"limit": limit})


def stored_pages(con: duckdb.DuckDBPyConnection) -> Iterator[dict]:
    """Per document, its latest ok fetch (whose bytes the raw store holds): what `caravan reprocess` re-reads."""
    cursor = con.execute(sqlfiles.query("stored_pages"))
    names = [d[0] for d in cursor.description]
    rows = cursor.fetchall()   # fetch all: a partly read result blocks the connection (FACTS.md)
    for row in rows:
        yield dict(zip(names, row))


# ------------------------------------------------------------------------------------ views & checks

def _engagement_inputs_hash(reference: str, overrides: str) -> str:
    """The hash of what engagements depend on besides documents and events: the build's SQL, the views it reads
    (events_effective), reference data and overrides."""
    digest = hashlib.sha256()
    for name in ("engagement_keys", "clear_engagements", "build_engagements", "build_engagements_incremental",
                 "write_engagement_mentions", "write_engagements", "write_all_engagement_mentions"):
        digest.update(sqlfiles.query(name).encode())
    for _, sql in sqlfiles.views():
        digest.update(sql.encode())
    digest.update(reference.encode() + b"\0" + overrides.encode())
    return digest.hexdigest()


def out_of_memory(exc: BaseException) -> bool:
    """DuckDB ran out of the memory_limit it was given (raised as is, or wrapped in a WarehouseError)."""
    return isinstance(exc, duckdb.OutOfMemoryException) or "Out of Memory" in str(exc)


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Move the write-ahead log into the database file (after loads opened with defer_checkpoint)."""
    _run(con, sqlfiles.query("checkpoint"))


INCREMENTAL_SHARE = 0.25   # more pending documents than this share of all: a full rebuild is cheaper
SLICE_EVENTS = 20_000      # a full rebuild groups about this many events at a time (build_engagements.sql; on a
                           # 20,000-document copy, 390k events, 50,000 a slice ran out of the 64 MB cap, 20,000 fit)


def engagement_slices(events: int, slice_events: int | None = None) -> int:
    """How many slices a full engagements rebuild over `events` events takes: enough that one slice holds about
    `slice_events` (SLICE_EVENTS) of them, so the rebuild's working set (the window and the grouping over a slice)
    stays the same however large the warehouse grows; a slice is a range of group-key hashes, never part of an
    engagement."""
    size = max(1, int(slice_events or SLICE_EVENTS))
    return max(1, -(-int(events) // size))


def _build_all_engagements(con: duckdb.DuckDBPyConnection, slice_events: int | None) -> int:
    """The full rebuild inside the caller's transaction: the engagements slice after slice, then every mention in
    one streaming insert. Returns the number of slices."""
    slices = engagement_slices(_run(con, sqlfiles.query("count_events"))[0][0], slice_events)
    _run(con, sqlfiles.query("clear_engagements"))
    for part in range(slices):
        _run(con, sqlfiles.query("build_engagements"), {"slices": slices, "slice": part})
        _run(con, sqlfiles.query("write_engagements"))
    _run(con, sqlfiles.query("write_all_engagement_mentions"))
    return slices


def refresh_views(con: duckdb.DuckDBPyConnection, *, full: bool = False, slice_events: int | None = None) -> dict:
    """(Re)create every views/NN_*.sql and bring engagements + engagement_mentions up to date, in one transaction.

    Only the engagements of documents loaded since the last build are rebuilt (engagements_pending, filled by
    save_batch); nothing when no document was loaded; everything when the last build's other inputs (this SQL,
    reference data, overrides) changed, on a warehouse never built, when more than INCREMENTAL_SHARE of the
    documents are pending (a first refresh), or when `full` is asked (after editing events by hand). A full
    rebuild goes slice by slice (engagement_slices: about `slice_events`, default SLICE_EVENTS, events each), so
    its peak memory does not grow with the warehouse.
    Returns {"engagements": "full" | "incremental" | "unchanged", "pending_documents": n}.
    """
    try:
        _run(con, "BEGIN TRANSACTION")
        for name, sql in sqlfiles.views():
            _run(con, sql)
        reference, overrides, built, pending, documents = _run(con, sqlfiles.query("engagement_inputs"))[0]
        inputs_hash = _engagement_inputs_hash(reference, overrides)
        if full or built != inputs_hash or pending > documents * INCREMENTAL_SHARE:
            mode = "full"
            _run(con, sqlfiles.query("engagement_keys"))
            _build_all_engagements(con, slice_events)
        elif pending:
            mode = "incremental"
            _run(con, sqlfiles.query("engagement_keys"))
            _run(con, sqlfiles.query("build_engagements_incremental"))
            _run(con, sqlfiles.query("write_engagement_mentions"))
            _run(con, sqlfiles.query("write_engagements"))
        else:
            mode = "unchanged"
        if mode != "unchanged":
            _run(con, sqlfiles.query("clear_engagements_state"))
            _run(con, sqlfiles.query("record_engagements_built"), {"inputs_hash": inputs_hash, "built_at": _now()})
        _run(con, "COMMIT")
    except duckdb.Error as exc:
        _rollback(con)
        raise WarehouseError(f"refreshing views failed: {one_line(exc)}") from None
    return {"engagements": mode, "pending_documents": int(pending)}


@dataclass
class CheckResult:
    name: str
    description: str
    failed_rows: int
    passed: bool
    sample: list[dict] = field(default_factory=list)


class ChecksFailed(WarehouseError):
    """At least one data check found rows that break its rule (the data is kept as it is)."""


def run_checks(con: duckdb.DuckDBPyConnection, run_id: str, sample_size: int = 5) -> list[CheckResult]:
    """Run every checks/*.sql (rows returned = rule broken), store results in quality_checks, return them.

    Never changes the data; a check whose SQL errors counts as failed with the error as its sample, except when
    DuckDB runs out of memory (raised, so the caller can run the checks again without a cap).
    """
    results = []
    for name, description, sql in sqlfiles.checks():
        try:
            # the check's SQL is our own file, wrapped to count and to sample; no values are interpolated
            failed = con.execute("SELECT count(*) FROM (" + sql + ") AS broken").fetchall()[0][0]
            cursor = con.execute("SELECT * FROM (" + sql + ") AS broken LIMIT " + str(int(sample_size)))
            cols = [d[0] for d in cursor.description]
            sample = [dict(zip(cols, row)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            if out_of_memory(exc):
                raise          # not a broken rule: the caller may run the checks again with more memory
            failed, sample = -1, [{"error": one_line(exc)}]
        results.append(CheckResult(name, description, int(failed), failed == 0,
                                   json.loads(json.dumps(sample, default=str))))
    now = _now()
    for r in results:
        _run(con, sqlfiles.query("record_check"), {
            "run_id": run_id, "check_name": r.name, "description": r.description, "failed_rows": r.failed_rows,
            "passed": r.passed, "sample_json": json.dumps(r.sample), "checked_at": now})
    return results


def raise_for_checks(results: list[CheckResult]) -> None:
    """Raise ChecksFailed naming the failed checks (one line); data stays as loaded."""
    failed = [r for r in results if not r.passed]
    if failed:
        raise ChecksFailed("data checks failed: " + ", ".join(
            f"{r.name} ({'error' if r.failed_rows < 0 else r.failed_rows} rows)" for r in failed))


def add_override(con: duckdb.DuckDBPyConnection, fingerprint: str, action: str, *, event_type: str | None = None,
                 mode: str | None = None, event_date: dt.date | None = None, date_precision: str | None = None,
                 actor1: str | None = None, actor2: str | None = None, reason: str | None = None,
                 author: str | None = None) -> None:
    """Record (or replace) an analyst override; views apply it from the next refresh_views on."""
    if action not in ("suppress", "retype", "redate", "reactor"):
        raise WarehouseError(f"unknown override action {action!r} (suppress, retype, redate, reactor)")
    _run(con, sqlfiles.query("upsert_override"), {
        "fingerprint": fingerprint, "action": action, "new_event_type": event_type, "new_mode": mode,
        "new_event_date": event_date, "new_date_precision": date_precision, "new_actor1": actor1,
        "new_actor2": actor2, "reason": reason, "author": author, "created_at": _now()})
