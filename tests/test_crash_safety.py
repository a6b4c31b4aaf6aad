"""Crash safety: a refresh killed with SIGKILL while it loads leaves a warehouse that opens, holds no orphan
events and no half-loaded document, and the next refresh completes and loads everything.

A `files` source of a few hundred generated articles (tests/hostile/texts.py), batch_size 20, so a run is
many small load transactions. A clean reference run gives the expected documents and events. Then one
warehouse is killed four times in a row, at moments detected from outside (DuckDB's lock keeps readers out
while the writer runs, so progress is read from the raw store folder beside the warehouse):
  1. as soon as the warehouse file appears (schema being created),
  2. once two batches are landed (the first batches loading),
  3. once half the pages are landed,
  4. once nearly all are landed (the last batches and the views/checks step).
After each kill the file is checked; after the last, a full refresh must reach the reference exactly.
"""
from __future__ import annotations

import pathlib
import sys
from collections import defaultdict

import duckdb
import pytest

from tests.hostile.proc import run_cli
from tests.hostile.texts import generate_pages

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGES = 240
BATCH = 20


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


def raw_count(db: pathlib.Path) -> int:
    root = db.parent / "raw"
    if not root.is_dir():
        return 0
    return sum(1 for p in root.glob("??/*") if len(p.name) == 64)


def after(condition, delay: float):
    """A kill_when: true `delay` seconds after `condition()` first held (the next batch is then being
    parsed, coded or loaded: the offsets scatter the kills over those steps)."""
    first: list[float] = []

    def when(elapsed: float) -> bool:
        if not first and condition():
            first.append(elapsed)
        return bool(first) and elapsed - first[0] >= delay
    return when


def snapshot(db: pathlib.Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """(doc_id -> text_hash, doc_id -> set of event ids) of a warehouse, opened read-only."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = dict(con.execute("SELECT doc_id, text_hash FROM documents").fetchall())
        events: dict[str, set[str]] = defaultdict(set)
        for doc_id, event_id in con.execute("SELECT doc_id, event_id FROM events").fetchall():
            events[doc_id].add(event_id)
        return docs, dict(events)
    finally:
        con.close()


def assert_consistent(db: pathlib.Path, ref_docs: dict[str, str], ref_events: dict[str, set[str]]) -> int:
    """The killed warehouse opens; every document in it is whole: same text and all of its events."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "documents" not in tables:          # killed before the schema was committed: nothing to check
            return 0
        (orphans,), = con.execute("SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_id) "
                                  "WHERE d.doc_id IS NULL").fetchall()
        assert orphans == 0
        bad_offsets = con.execute(
            "SELECT e.event_id FROM events e JOIN documents d USING (doc_id) "
            "WHERE substr(d.text, e.start_char + 1, e.end_char - e.start_char) <> e.evidence").fetchall()
        assert bad_offsets == []
    finally:
        con.close()
    docs, events = snapshot(db)
    assert set(docs) <= set(ref_docs)
    for doc_id, text_hash in docs.items():
        assert text_hash == ref_docs[doc_id], f"{doc_id}: half-written document"
        assert events.get(doc_id, set()) == ref_events.get(doc_id, set()), f"{doc_id}: events incomplete"
    return len(docs)


def test_sigkill_during_loads_leaves_a_usable_warehouse(tmp_path: pathlib.Path, prefect_api_url: str) -> None:
    pages_dir = tmp_path / "pages"
    pages_dir.mkdir()
    for page in generate_pages(PAGES):
        (pages_dir / page.name).write_text(page.body(), encoding="utf-8")
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"batch_size: {BATCH}\nsources:\n  - id: notes\n    kind: files\n    path: pages/note-*\n",
                       encoding="utf-8")

    def refresh(db: pathlib.Path, kill_when=None):
        return run_cli(["refresh", "--sources", str(sources), "--db", str(db)], timeout=600,
                       prefect_api_url=prefect_api_url, kill_when=kill_when, poll=0.005)

    ref_db = tmp_path / "reference" / "w.duckdb"
    ref_db.parent.mkdir()
    ref = refresh(ref_db)
    assert ref.returncode == 0, ref.stderr[-3000:]
    ref_docs, ref_events = snapshot(ref_db)
    n_events = sum(len(v) for v in ref_events.values())
    print(f"\nreference: {len(ref_docs)} documents, {n_events} events in {ref.seconds:.1f} s", file=sys.stderr)
    assert len(ref_docs) == PAGES
    assert n_events >= PAGES          # every generated page states at least one event

    db = tmp_path / "crash" / "w.duckdb"
    db.parent.mkdir()
    moments = [
        ("warehouse file appears", after(lambda: db.exists(), 0.0)),
        ("two batches landed + 0.10 s", after(lambda: raw_count(db) >= 2 * BATCH, 0.10)),
        ("half the pages landed + 0.05 s", after(lambda: raw_count(db) >= PAGES // 2, 0.05)),
        ("nearly all pages landed + 0.20 s", after(lambda: raw_count(db) >= PAGES - 2 * BATCH, 0.20)),
    ]
    killed = 0
    for name, when in moments:
        run = refresh(db, when)
        loaded = assert_consistent(db, ref_docs, ref_events)
        killed += run.killed
        print(f"killed at '{name}' after {run.seconds:.1f} s (killed={run.killed}): {loaded} documents whole, "
              f"{raw_count(db)} raw pages", file=sys.stderr)
        if not run.killed:
            assert run.returncode == 0, run.stderr[-3000:]
    assert killed >= 3, "the kills came too late to test anything"

    final = refresh(db)
    assert final.returncode == 0, final.stderr[-3000:]
    assert "Traceback" not in final.stderr
    docs, events = snapshot(db)
    assert docs == ref_docs
    assert events == ref_events
    con = duckdb.connect(str(db), read_only=True)
    try:
        (orphans,), = con.execute("SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_id) "
                                  "WHERE d.doc_id IS NULL").fetchall()
        assert orphans == 0
        (last_status,), = con.execute("SELECT status FROM runs ORDER BY started_at DESC LIMIT 1").fetchall()
        assert last_status == "completed"
    finally:
        con.close()
