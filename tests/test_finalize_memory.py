"""finalize's memory does not grow with the warehouse (issue #7): a full engagements rebuild goes in slices of
group-key hashes, engagements_match_mentions counts event ids in one aggregate instead of joining every mention to
every event, and the refresh's DuckDB cap is 64 MB. Same rows, same check results as before.

Real DuckDB files, a real Prefect flow over a generated corpus (tests/benchcorpus.py); no timing, no RSS figure:
what is checked is what bounds the working set (a slice's statement reads one slice only, slices are sized from
the number of events) and that the bounded path gives exactly what the one-statement path gives."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from tests.conftest import write_sources
from warehouse import sqlfiles
from warehouse.db import (SLICE_EVENTS, LoadBatch, engagement_slices, load_reference_data, open_warehouse,
                          refresh_views, run_checks, save_batch)

# the check as it was before this change: every mention joined to every effective event (the reference for the
# aggregate form now in warehouse/checks/engagements_match_mentions.sql)
JOINED_CHECK = """
WITH m AS (
    SELECT engagement_id, count(*) AS n, count(DISTINCT doc_id) AS docs
    FROM engagement_mentions GROUP BY engagement_id
)
SELECT 'counts differ' AS problem, g.engagement_id AS id
FROM engagements g LEFT JOIN m USING (engagement_id)
WHERE m.n IS DISTINCT FROM g.n_mentions OR m.docs IS DISTINCT FROM g.n_documents
UNION ALL
SELECT 'mention of a missing engagement', m.engagement_id
FROM engagement_mentions m LEFT JOIN engagements g USING (engagement_id) WHERE g.engagement_id IS NULL
UNION ALL
SELECT 'mention of a missing event', m.event_id
FROM engagement_mentions m LEFT JOIN events_effective e USING (event_id) WHERE e.event_id IS NULL
UNION ALL
SELECT 'event in no engagement', e.event_id
FROM events_effective e LEFT JOIN engagement_mentions m USING (event_id) WHERE m.event_id IS NULL
UNION ALL
SELECT 'event in several engagements', event_id
FROM engagement_mentions GROUP BY event_id HAVING count(*) > 1
"""


def engagement_rows(con) -> tuple[list, list]:
    return (con.execute("SELECT * FROM engagements ORDER BY engagement_id").fetchall(),
            con.execute("SELECT * FROM engagement_mentions ORDER BY engagement_id, event_id").fetchall())


def check_results(con) -> list[tuple]:
    return [(r.name, r.failed_rows, r.passed) for r in run_checks(con, "t")]


def load_batches(con, rng: random.Random, batches: int, docs_per_batch: int) -> int:
    """Several batches of documents with events over a small key space (engagements span documents and batches);
    returns the number of events loaded."""
    from tests.test_views import random_events
    from tests.test_warehouse import make_document

    total = 0
    for b in range(batches):
        docs = [f"b{b}d{i}" for i in range(docs_per_batch)]
        events = {d: random_events(rng, d, rng.choice([2, 5, 8])) for d in docs}
        documents = [make_document({"doc_id": d, "published_at": dt.date(2024, 1, 1 + rng.randrange(25)),
                                    "source_id": rng.choice(["s1", "s2", "s3"])}) for d in docs]
        save_batch(con, LoadBatch(f"r{b}", documents=documents, events=events))
        total += sum(len(v) for v in events.values())
    return total


def test_slices_are_sized_from_the_number_of_events():
    assert engagement_slices(0) == 1 and engagement_slices(1) == 1
    assert engagement_slices(SLICE_EVENTS) == 1 and engagement_slices(SLICE_EVENTS + 1) == 2
    for events in (20_000, 97_603, 356_904, 2_000_000):      # 1,000 / 5,000 / 20,000 bench pages, and beyond
        slices = engagement_slices(events)
        assert events / slices <= SLICE_EVENTS, "a slice never holds more than SLICE_EVENTS events on average"
        assert slices == 1 or events / (slices - 1) > SLICE_EVENTS, "and no more slices than needed"
    assert engagement_slices(100, slice_events=7) == 15


def test_a_sliced_full_rebuild_gives_the_rows_and_checks_of_a_one_statement_rebuild(tmp_path):
    from tests.test_warehouse import REFERENCE

    rng = random.Random(11)
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_reference_data(con, REFERENCE)
        events = load_batches(con, rng, batches=4, docs_per_batch=15)
        assert refresh_views(con, slice_events=10**9) == {"engagements": "full", "pending_documents": 60}
        whole = engagement_rows(con)
        whole_checks = check_results(con)
        assert engagement_slices(events, 9) > 10, "the test must cut the rebuild in many slices"
        for size in (1, 9, 40):
            assert refresh_views(con, full=True, slice_events=size)["engagements"] == "full"
            assert engagement_rows(con) == whole, f"slices of {size} events give other rows"
            assert check_results(con) == whole_checks
        # the incremental path (its own mentions insert) still agrees with a sliced full rebuild
        load_batches(con, random.Random(12), batches=1, docs_per_batch=5)
        assert refresh_views(con)["engagements"] == "incremental"
        incremental = engagement_rows(con)
        refresh_views(con, full=True, slice_events=9)
        assert engagement_rows(con) == incremental
    assert len(whole[0]) > 20 and len(whole[1]) == events
    assert any(row[15] > 1 for row in whole[0]), "some engagements must group several events"
    assert [name for name, _, passed in whole_checks if not passed] == []


def test_one_slice_of_the_build_reads_only_its_own_events(tmp_path):
    """What bounds the rebuild's working set: build_engagements.sql, for one slice, keeps exactly the events whose
    group key hashes to it (every event of an engagement in the same slice), and the slices partition the events."""
    from tests.test_warehouse import REFERENCE

    slices = 6
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_reference_data(con, REFERENCE)
        load_batches(con, random.Random(5), batches=3, docs_per_batch=12)
        for _, sql in sqlfiles.views():
            con.execute(sql)
        con.execute(sqlfiles.query("engagement_keys"))
        every = con.execute("SELECT count(*) FROM engagement_keys").fetchall()[0][0]
        sizes = []
        for part in range(slices):
            con.execute(sqlfiles.query("build_engagements"), {"slices": slices, "slice": part})
            n, outside = con.execute(
                "SELECT count(*), count(*) FILTER (WHERE hash(group_key) % $s <> $p) FROM engagement_keyed",
                {"s": slices, "p": part}).fetchall()[0]
            expected = con.execute("SELECT count(*) FROM engagement_keys WHERE hash(group_key) % $s = $p",
                                   {"s": slices, "p": part}).fetchall()[0][0]
            split = con.execute("SELECT count(*) FROM engagement_keys k WHERE k.engagement_id IN "
                                "(SELECT engagement_id FROM engagement_keyed) AND hash(k.group_key) % $s <> $p",
                                {"s": slices, "p": part}).fetchall()[0][0]
            assert (outside, split, n) == (0, 0, expected)
            sizes.append(n)
            con.execute("DROP TABLE engagement_keyed")
    assert sum(sizes) == every and max(sizes) < every, "the slices partition the events, none takes them all"


BREAKAGES = [
    "DELETE FROM engagement_mentions WHERE event_id IN (SELECT event_id FROM engagement_mentions ORDER BY 1 LIMIT 3)",
    "INSERT INTO engagement_mentions SELECT * FROM engagement_mentions ORDER BY event_id LIMIT 2",
    "INSERT INTO engagement_mentions SELECT 'g_missing', event_id, doc_id, source_id FROM engagement_mentions "
    "ORDER BY event_id LIMIT 1",
    "INSERT INTO engagement_mentions SELECT engagement_id, 'e_missing', doc_id, source_id FROM engagement_mentions "
    "ORDER BY event_id LIMIT 2",
    "DELETE FROM events WHERE event_id IN (SELECT event_id FROM events ORDER BY event_id DESC LIMIT 2)",
    "UPDATE engagements SET n_documents = n_documents + 1 WHERE engagement_id IN "
    "(SELECT engagement_id FROM engagements ORDER BY 1 LIMIT 2)",
    "INSERT INTO overrides (fingerprint, action) SELECT fingerprint, 'suppress' FROM events ORDER BY event_id LIMIT 1",
]


def test_the_aggregate_check_finds_the_rows_the_joined_check_found(tmp_path):
    """engagements_match_mentions now counts ids in one aggregate; over a clean warehouse and after each kind of
    damage (one after the other, so they add up) it returns the same rows as the join it replaces."""
    from tests.test_warehouse import REFERENCE

    check = {name: sql for name, _, sql in sqlfiles.checks()}["engagements_match_mentions"]
    seen = []
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_reference_data(con, REFERENCE)
        load_batches(con, random.Random(3), batches=2, docs_per_batch=10)
        refresh_views(con)
        for damage in [None, *BREAKAGES]:
            if damage:
                con.execute(damage)
            joined = sorted(con.execute(JOINED_CHECK).fetchall())
            aggregated = sorted(con.execute(check).fetchall())
            assert aggregated == joined, damage
            seen.append(len(joined))
    assert seen[0] == 0 and len(set(seen)) == len(seen), f"every damage must change what the check finds: {seen}"


@pytest.mark.usefixtures("prefect_harness")
def test_a_first_refresh_in_slices_equals_one_statement(tmp_path, monkeypatch):
    """The real flow over a generated corpus in several batches, with slices small enough that finalize's first
    rebuild takes many: the engagements and check results equal those of a one-statement rebuild of the same
    warehouse, and finalize needed no second try without its cap."""
    import logging

    import warehouse.db as db
    from flows.refresh import refresh_flow, warehouse_memory
    from tests.benchcorpus import write_corpus

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 24)
    sources = write_sources(tmp_path, f"batch_size: 8\nsources:\n  - id: bench-files\n    kind: files\n"
                                      f"    path: {corpus}/*.html\n")
    monkeypatch.setattr(db, "SLICE_EVENTS", 40)
    monkeypatch.delenv("CARAVAN_DUCKDB_MEMORY", raising=False)
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())
    logging.getLogger("prefect").addHandler(handler)
    try:
        summary = refresh_flow(sources_path=str(sources), db_path=str(tmp_path / "w.duckdb"))
    finally:
        logging.getLogger("prefect").removeHandler(handler)
    assert summary["engagements"] == "full" and summary["totals"]["documents"] == 24
    assert not [w for w in warnings if "needed more than" in w], warnings
    assert warehouse_memory() == "64MB"
    with open_warehouse(tmp_path / "w.duckdb") as con:
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        assert engagement_slices(events, 40) >= 5, "the flow's rebuild must have gone in several slices"
        flowed = engagement_rows(con)
        flow_checks = sorted((c["name"], c["failed_rows"], c["passed"]) for c in summary["checks"])
        refresh_views(con, full=True, slice_events=10**9)
        assert engagement_rows(con) == flowed
        assert sorted(check_results(con)) == flow_checks
    assert flowed[0] and len(flowed[1]) == events
    assert all(passed for _, _, passed in flow_checks)


@pytest.mark.usefixtures("prefect_harness")
def test_a_statement_out_of_the_cap_is_tried_under_the_retry_cap_before_no_cap(tmp_path, monkeypatch):
    """Under a cap far too small, loads and finalize run again under RETRY_MEMORY (128 MB, the former cap), not
    straight without a cap (which let one finalize at 20,000 pages peak 170 MB above the loads)."""
    import logging

    import flows.refresh as refresh
    from tests.benchcorpus import write_corpus

    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4)
    sources = write_sources(tmp_path, f"batch_size: 2\nsources:\n  - id: bench-files\n    kind: files\n"
                                      f"    path: {corpus}/*.html\n")
    monkeypatch.delenv("CARAVAN_DUCKDB_MEMORY", raising=False)
    monkeypatch.setattr(refresh, "WAREHOUSE_MEMORY", "256KB")     # far too little for anything DuckDB does
    warnings: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: warnings.append(record.getMessage())
    logging.getLogger("prefect").addHandler(handler)
    try:
        summary = refresh.refresh_flow(sources_path=str(sources), db_path=str(tmp_path / "w.duckdb"))
    finally:
        logging.getLogger("prefect").removeHandler(handler)
    retried = [w for w in warnings if "needed more than 256KB" in w]
    assert summary["status"] == "completed" and summary["totals"]["documents"] == 4
    assert retried and all(w.endswith("again under 128MB") for w in retried), warnings
    assert not [w for w in warnings if "without the cap" in w], warnings
