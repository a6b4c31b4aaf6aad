"""warehouse.db: loading batches (reruns add nothing, per-document replacement, candidates), state, overrides, raw store.

Also holds the small builders the other warehouse tests import (rows -> Document / Event -> a real DuckDB file).
"""
from __future__ import annotations

import datetime as dt
import pathlib
from collections import defaultdict

import pytest
import yaml

from transforms.models import Document, Event, sha256_hex
from warehouse.db import (LoadBatch, WarehouseError, add_override, load_reference_data, open_warehouse, read_state,
                          refresh_views, save_batch, stored_pages)
from warehouse.rawstore import RawStore

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "warehouse"
REFERENCE = yaml.safe_load((FIXTURES / "reference.yaml").read_text(encoding="utf-8"))
TABLES = ("sources", "fetches", "documents", "events", "event_candidates", "engagements", "engagement_mentions",
          "overrides", "runs", "quality_checks")


# ----------------------------------------------------------------------------------------- builders

def make_document(row: dict) -> Document:
    text = row.get("text", "Article text.")
    return Document(
        doc_id=row["doc_id"], source_id=row.get("source_id", "src"), url=row.get("url", f"https://x.example/{row['doc_id']}"),
        canonical_url=row.get("canonical_url"), title=row.get("title", "A title"), author=row.get("author"),
        published_at=row.get("published_at", dt.date(2024, 2, 19)), published_precision=row.get("published_precision", "day"),
        language="en", text=text, content_hash=row.get("content_hash", sha256_hex(row["doc_id"])),
        text_hash=sha256_hex(text), parser="plain")


def make_event(row: dict) -> Event:
    evidence = row["evidence"]
    date = row.get("event_date")
    return Event(
        doc_id=row["doc_id"], sentence_index=row.get("sentence_index", 0), start_char=row.get("start_char", 0),
        end_char=row.get("start_char", 0) + len(evidence), evidence=evidence, actor1=row.get("actor1"),
        actor2=row.get("actor2"), event_type=row["event_type"], mode=row.get("mode"), event_date=date,
        date_precision=row.get("date_precision", "none" if date is None else "day"),
        date_source=row.get("date_source", "none" if date is None else "explicit"), date_text=row.get("date_text"),
        quantity_value=row.get("quantity_value"), quantity_unit=row.get("quantity_unit"),
        quantity_text=row.get("quantity_text"), fatalities=row.get("fatalities"), location=row.get("location"),
        confidence=row.get("confidence", 0.8), coder_version=row.get("coder_version", "test-coder"),
        status=row.get("status", "asserted"))


def load_given(con, given: dict, run_id: str = "test-run") -> list[Event]:
    """Load a view test's `given` rows through the real load path, then rebuild views and engagements."""
    load_reference_data(con, REFERENCE)
    docs = {r["doc_id"]: make_document(r) for r in given.get("documents", [])}
    events = [make_event(r) for r in given.get("events", [])]
    for event in events:
        docs.setdefault(event.doc_id, make_document({"doc_id": event.doc_id}))
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_doc[event.doc_id].append(event)
    save_batch(con, LoadBatch(run_id=run_id, sources=given.get("sources", []), fetches=given.get("fetches", []),
                              documents=list(docs.values()), events=dict(by_doc), coder_version="test-coder"))
    for o in given.get("overrides", []):
        add_override(con, events[o["event"]].fingerprint(), o["action"], event_type=o.get("event_type"),
                     mode=o.get("mode"), event_date=o.get("event_date"), date_precision=o.get("date_precision"),
                     actor1=o.get("actor1"), actor2=o.get("actor2"), reason=o.get("reason"))
        if o.get("active") is False:
            con.execute("UPDATE overrides SET active = false WHERE fingerprint = ? AND action = ?",
                        [events[o["event"]].fingerprint(), o["action"]]).fetchall()
    refresh_views(con)
    return events


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}


def seed_batch() -> LoadBatch:
    doc = make_document({"doc_id": "d_seed", "source_id": "idsa", "url": "https://idsa.example/seed.html"})
    events = [
        make_event({"doc_id": "d_seed", "sentence_index": 1, "evidence": "KAZ visited Kabul on 3 August 2023.",
                    "actor1": "KAZ", "actor2": "TALIBAN", "event_type": "CONSULT", "mode": "visit",
                    "event_date": dt.date(2023, 8, 3), "location": "Kabul"}),
        make_event({"doc_id": "d_seed", "sentence_index": 2, "evidence": "KAZ removed the Taliban from its list.",
                    "actor1": "KAZ", "actor2": "TALIBAN", "event_type": "CONCEDE", "event_date": dt.date(2023, 12, 29)}),
        make_event({"doc_id": "d_seed", "sentence_index": 3, "evidence": "TJK rejected the Taliban.",
                    "actor1": "TJK", "actor2": "TALIBAN", "event_type": "REJECT"}),
        make_event({"doc_id": "d_seed", "sentence_index": 4, "evidence": "UZB might recognise the Taliban.",
                    "actor1": "UZB", "actor2": "TALIBAN", "event_type": "AGREE", "status": "hypothetical"}),
    ]
    fetch = {"fetch_id": "f_1", "source_id": "idsa", "url": doc.url, "final_url": doc.url, "outcome": "ok",
             "status_code": 200, "bytes": 1234, "duration_ms": 12.5, "attempts": 1, "content_type": "text/html",
             "content_hash": doc.content_hash, "etag": '"v1"', "last_modified": "Mon, 19 Feb 2024 10:00:00 GMT",
             "headers_json": '{"etag": "\\"v1\\""}', "fetched_at": dt.datetime(2024, 2, 20, 8, 0, tzinfo=dt.timezone.utc)}
    return LoadBatch(run_id="r1", sources=[{"source_id": "idsa", "kind": "page", "location": doc.url,
                                            "config_json": {"kind": "page"}}],
                     fetches=[fetch], documents=[doc], events={"d_seed": events}, coder_version="coder-1")


@pytest.fixture
def db_path(tmp_path) -> pathlib.Path:
    return tmp_path / "data" / "caravan.duckdb"


# -------------------------------------------------------------------------------------------- tests

def test_rerun_of_the_same_batch_adds_no_rows(db_path):
    with open_warehouse(db_path) as con:
        first = save_batch(con, seed_batch())
        refresh_views(con)
        before = counts(con)
        second = save_batch(con, seed_batch())
        refresh_views(con)
        after = counts(con)
    assert first == {"documents": 1, "events_added": 3, "events_removed": 0, "events_unchanged": 0}
    assert second == {"documents": 1, "events_added": 0, "events_removed": 0, "events_unchanged": 3}
    assert before == after
    assert after["events"] == 3 and after["event_candidates"] == 1 and after["fetches"] == 1


def test_only_asserted_events_reach_the_events_table(db_path):
    with open_warehouse(db_path) as con:
        load_reference_data(con, REFERENCE)
        save_batch(con, seed_batch())
        statuses = con.execute("SELECT DISTINCT status FROM events").fetchall()
        candidate = con.execute("SELECT actor1, event_type, status, quad_class FROM event_candidates").fetchall()
        scored = con.execute("SELECT event_type, mode, quad_class, score FROM events ORDER BY event_type").fetchall()
        coder = con.execute("SELECT coder_version FROM documents").fetchall()
    assert statuses == [("asserted",)]
    assert candidate == [("UZB", "AGREE", "hypothetical", 1)]
    # the mode's own row scores CONSULT/visit (2.0), the root rows score the others
    assert scored == [("CONCEDE", None, 1, 2.0), ("CONSULT", "visit", 1, 2.0), ("REJECT", None, 3, -4.0)]
    assert coder == [("coder-1",)]


def test_re_extraction_replaces_a_documents_events_and_keeps_others(db_path):
    other = make_document({"doc_id": "d_other"})
    other_event = make_event({"doc_id": "d_other", "evidence": "KGZ aided Afghanistan.", "actor1": "KGZ",
                              "actor2": "AFG", "event_type": "AID"})
    with open_warehouse(db_path) as con:
        save_batch(con, seed_batch())
        save_batch(con, LoadBatch("r1", documents=[other], events={"d_other": [other_event]}))
        old = seed_batch().events["d_seed"]
        new_event = make_event({"doc_id": "d_seed", "sentence_index": 5, "evidence": "KGZ met the Taliban.",
                                "actor1": "KGZ", "actor2": "TALIBAN", "event_type": "CONSULT"})
        result = save_batch(con, LoadBatch("r2", documents=[], events={"d_seed": [old[0], old[1], new_event]},
                                           coder_version="coder-2"))
        ids = {r[0] for r in con.execute("SELECT event_id FROM events WHERE doc_id = 'd_seed'").fetchall()}
        kept = con.execute("SELECT count(*) FROM events WHERE doc_id = 'd_other'").fetchall()[0][0]
        candidates = con.execute("SELECT count(*) FROM event_candidates").fetchall()[0][0]
        # the documents row was not in this batch: its coder_version stays as it was
        coder = con.execute("SELECT coder_version FROM documents WHERE doc_id = 'd_seed'").fetchall()[0][0]
    assert result == {"documents": 0, "events_added": 1, "events_removed": 1, "events_unchanged": 2}
    assert ids == {old[0].event_id(), old[1].event_id(), new_event.event_id()}
    assert kept == 1
    assert candidates == 0          # the hypothetical event is gone from the new extraction
    assert coder == "coder-1"


def test_read_state_and_stored_pages(db_path):
    with open_warehouse(db_path) as con:
        save_batch(con, seed_batch())
        later = {**seed_batch().fetches[0], "fetch_id": "f_2", "outcome": "not_modified", "etag": None,
                 "content_hash": None, "fetched_at": dt.datetime(2024, 2, 21, tzinfo=dt.timezone.utc)}
        save_batch(con, LoadBatch("r2", fetches=[later]))
        state = read_state(con)
        pages = list(stored_pages(con))
    url = "https://idsa.example/seed.html"
    assert state.validators == {url: {"etag": '"v1"', "last_modified": "Mon, 19 Feb 2024 10:00:00 GMT",
                                      "content_hash": sha256_hex("d_seed")}}
    assert state.docs == {"d_seed": {"content_hash": sha256_hex("d_seed"), "text_hash": sha256_hex("Article text."),
                                     "coder_version": "coder-1"}}
    assert len(pages) == 1 and pages[0]["doc_id"] == "d_seed" and pages[0]["content_hash"] == sha256_hex("d_seed")
    assert pages[0]["fetched_at"] == dt.datetime(2024, 2, 20, 8, 0)     # stored as naive UTC


def test_overrides_survive_re_extraction(db_path):
    original = make_event({"doc_id": "d1", "sentence_index": 2, "start_char": 100,
                           "evidence": "Turkmen guards  clashed with Taliban fighters.", "actor1": "TKM",
                           "actor2": "TALIBAN", "event_type": "ASSAULT"})
    with open_warehouse(db_path) as con:
        load_given(con, {"events": []})
        save_batch(con, LoadBatch("r1", documents=[make_document({"doc_id": "d1"})], events={"d1": [original]}))
        add_override(con, original.fingerprint(), "retype", event_type="COERCE", reason="a shove, not an assault")
        add_override(con, original.fingerprint(), "redate", event_date=dt.date(2023, 5, 1), date_precision="month")
        # re-extraction: a new coder version, other offsets and whitespace, a date it did not find before
        again = make_event({"doc_id": "d1", "sentence_index": 3, "start_char": 140,
                            "evidence": "Turkmen guards clashed with Taliban fighters.", "actor1": "TKM",
                            "actor2": "TALIBAN", "event_type": "ASSAULT", "event_date": dt.date(2023, 5, 2),
                            "coder_version": "test-coder-2"})
        assert again.fingerprint() == original.fingerprint() and again.event_id() != original.event_id()
        result = save_batch(con, LoadBatch("r2", documents=[], events={"d1": [again]}))
        refresh_views(con)
        stored = con.execute("SELECT event_type, event_date FROM events").fetchall()
        effective = con.execute("SELECT event_type, quad_class, score, event_date, date_precision, overrides "
                                "FROM events_effective").fetchall()
        timeline = con.execute("SELECT event_type, date_label FROM engagement_timeline").fetchall()
        # undoing an override is deleting (or deactivating) its row
        con.execute("UPDATE overrides SET active = false WHERE action = 'retype'").fetchall()
        refresh_views(con)
        undone = con.execute("SELECT event_type FROM engagement_timeline").fetchall()
    assert result["events_added"] == 1 and result["events_removed"] == 1
    assert stored == [("ASSAULT", dt.date(2023, 5, 2))]            # events keeps what the coder said
    assert effective == [("COERCE", 4, -7.0, dt.date(2023, 5, 1), "month", "redate,retype")]
    assert timeline == [("COERCE", "2023-05")]
    assert undone == [("ASSAULT",)]


def test_suppressed_event_leaves_every_view(db_path):
    with open_warehouse(db_path) as con:
        events = load_given(con, {"events": [
            {"doc_id": "d1", "evidence": "TJK rejected the Taliban.", "actor1": "TJK", "actor2": "TALIBAN",
             "event_type": "REJECT"}]})
        add_override(con, events[0].fingerprint(), "suppress")
        refresh_views(con)
        seen = {v: con.execute(f"SELECT count(*) FROM {v}").fetchall()[0][0]
                for v in ("events_effective", "engagement_timeline", "engagements")}
        posture = con.execute("SELECT posture FROM country_posture WHERE state = 'TJK'").fetchall()
        assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 1
    assert seen == {"events_effective": 0, "engagement_timeline": 0, "engagements": 0}
    assert posture == [("no data",)]


def test_unknown_override_action_is_refused(db_path):
    with open_warehouse(db_path) as con:
        with pytest.raises(WarehouseError, match="unknown override action"):
            add_override(con, "f_x", "delete")


def test_engagement_ids_are_stable_across_rebuilds(db_path):
    with open_warehouse(db_path) as con:
        save_batch(con, seed_batch())
        refresh_views(con)
        first = con.execute("SELECT engagement_id FROM engagements ORDER BY 1").fetchall()
        refresh_views(con)
        second = con.execute("SELECT engagement_id FROM engagements ORDER BY 1").fetchall()
    assert first == second and len(first) == 3


def test_reference_data_reloads_only_when_changed(db_path):
    with open_warehouse(db_path) as con:
        assert load_reference_data(con, REFERENCE) == ["actors", "actor_aliases", "event_types"]
        assert load_reference_data(con, REFERENCE) == []
        changed = {**REFERENCE, "event_types": [
            {**t, "score": t["score"] * 2} if t["event_type"] == "REJECT" else t for t in REFERENCE["event_types"]]}
        save_batch(con, seed_batch())
        assert load_reference_data(con, changed) == ["event_types"]
        # stored scores follow the new event_types
        assert con.execute("SELECT score FROM events WHERE event_type = 'REJECT'").fetchall() == [(-8.0,)]


def test_raw_store_is_content_addressed_and_immutable(tmp_path):
    store = RawStore.for_warehouse(tmp_path / "data" / "caravan.duckdb")
    assert store.root == (tmp_path / "data" / "raw").resolve()
    digest = store.put(b"<html>hello</html>")
    path = store.root / digest[:2] / digest
    assert path.read_bytes() == b"<html>hello</html>" and store.has(digest)
    mtime = path.stat().st_mtime_ns
    assert store.put(b"<html>hello</html>") == digest and path.stat().st_mtime_ns == mtime
    assert store.get(digest) == b"<html>hello</html>"
    assert not list(path.parent.glob(".tmp-*"))
    path.write_bytes(b"tampered")
    with pytest.raises(WarehouseError, match="damaged"):
        store.get(digest)
    with pytest.raises(WarehouseError, match="no body"):
        store.get("0" * 64)
    with pytest.raises(WarehouseError, match="not a sha256"):
        store.has("../../etc/passwd")


def test_deferred_checkpoint_keeps_loads_durable_in_the_log_until_a_checkpoint(db_path):
    """Loads opened with defer_checkpoint leave their writes in DuckDB's log: a later reader sees them, and an
    explicit checkpoint folds the log into the file."""
    from warehouse.db import checkpoint

    wal = pathlib.Path(str(db_path) + ".wal")
    with open_warehouse(db_path) as con:                    # migrations and reference data: checkpointed on close
        pass
    with open_warehouse(db_path, defer_checkpoint=True, memory_limit="64MB") as con:
        save_batch(con, seed_batch())
        limit = con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
    assert wal.exists() and wal.stat().st_size > 0
    with open_warehouse(db_path, read_only=True) as con:
        loaded = counts(con)
    with open_warehouse(db_path, defer_checkpoint=True) as con:
        checkpoint(con)
    with open_warehouse(db_path, read_only=True) as con:
        after = counts(con)
    assert loaded["documents"] == 1 and loaded["events"] == 3 and after == loaded
    assert not wal.exists() or wal.stat().st_size == 0
    assert limit == "61.0 MiB"                              # 64MB (10^6 bytes) as DuckDB prints it


def test_a_new_warehouse_appears_whole_and_a_killed_creation_leaves_nothing_half_made(tmp_path):
    import os
    import time

    import duckdb

    db = tmp_path / "w.duckdb"
    # what a process killed while creating leaves behind: its hidden file, half written, an hour old
    stale = tmp_path / ".w.duckdb.creating-4242-1"
    stale.write_bytes(b"\0" * 4096)
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".w.duckdb.creating-4243-2"      # another process creating right now: left alone
    fresh.write_bytes(b"\0" * 4096)
    with open_warehouse(db) as con:
        (n,), = con.execute("SELECT count(*) FROM schema_migrations").fetchall()
        assert n >= 1
    assert not stale.exists() and fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [fresh.name, "w.duckdb"]
    # the file is complete on its own: any DuckDB client opens it read-only and sees the schema
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    assert {"documents", "events", "engagements"} <= tables
