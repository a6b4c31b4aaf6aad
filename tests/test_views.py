"""Each view: rows given (tests/fixtures/warehouse/views.yaml), expected rows out, on a real DuckDB file."""
from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml

from tests.test_warehouse import FIXTURES, load_given
from warehouse import sqlfiles
from warehouse.db import open_warehouse, run_checks

CASES = yaml.safe_load((FIXTURES / "views.yaml").read_text(encoding="utf-8"))


def norm(value):
    """Compare across YAML and DuckDB: dates as ISO text, numbers as floats (NaN = NULL)."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else round(float(value), 6)
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["name"][:60] for c in CASES])
def test_view_gives_expected_rows(tmp_path, case):
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, case["given"])
        cursor = con.execute(case["query"])
        names = [d[0] for d in cursor.description]
        got = [{k: norm(v) for k, v in zip(names, row)} for row in cursor.fetchall()]
    want = [{k: norm(v) for k, v in row.items()} for row in case["expect"]]
    assert got == want


def test_every_view_has_a_case_and_opens_with_its_grain():
    tested = {c["view"] for c in CASES}
    for name, sql in sqlfiles.views():
        assert sql.startswith("-- Grain: one row per"), f"{name} must open with its grain"
        view = name[3:-4]
        assert f"CREATE OR REPLACE VIEW {view} AS" in sql
        assert view in tested, f"views.yaml has no case for {view}"



def test_country_posture_of_the_seed_article_coded_by_our_coder(tmp_path, seed_html, shared_dir):
    """End to end on the seed: parse + code the article, load it, and read the postures the gold file states."""
    parse = pytest.importorskip("transforms.parse")
    coder = pytest.importorskip("transforms.coder")
    from transforms.models import RawPage
    from warehouse.db import LoadBatch, refresh_views, save_batch

    page = RawPage(source_id="seed", url="file:///seed/idsa-central-asia-taliban-2024-02-19.html",
                   final_url="file:///seed/idsa-central-asia-taliban-2024-02-19.html", status=200,
                   content_type="text/html", body=seed_html, fetched_at=dt.datetime(2024, 2, 20, 8, 0))
    doc = parse.parse_document(page)
    events = coder.code_document(doc)
    gold = yaml.safe_load((shared_dir / "eval" / "gold" / "idsa-central-asia-taliban-2024-02-19.yaml").read_text())
    with open_warehouse(tmp_path / "seed.duckdb") as con:      # the real reference data from transforms/data
        save_batch(con, LoadBatch("seed", documents=[doc], events={doc.doc_id: events},
                                  coder_version=coder.CODER_VERSION))
        refresh_views(con)
        posture = dict(con.execute("SELECT state, posture FROM country_posture").fetchall())
    assert posture == gold["postures"]


# ------------------------------------------------------------------ engagements: incremental rebuild = full rebuild

def engagement_rows(con) -> tuple[list, list]:
    return (con.execute("SELECT * FROM engagements ORDER BY engagement_id").fetchall(),
            con.execute("SELECT * FROM engagement_mentions ORDER BY engagement_id, event_id").fetchall())


def random_events(rng, doc_id: str, n: int) -> list:
    """Events over a small key space, so documents share engagements and a re-coding moves events between them."""
    from tests.test_warehouse import make_event

    events = []
    for i in range(n):
        dated = rng.random() < 0.8
        quantity = rng.choice([None, 5.0, 7.0])
        events.append(make_event({
            "doc_id": doc_id, "sentence_index": i, "start_char": 10 * i,
            "evidence": f"{doc_id} sentence {i} version {rng.randrange(3)}.",
            "actor1": rng.choice(["KAZ", "TJK", "UZB"]), "actor2": "TALIBAN",
            "event_type": rng.choice(["CONSULT", "REJECT", "AID"]), "mode": rng.choice([None, None, "visit"]),
            "event_date": dt.date(2023, rng.choice([1, 2]), rng.choice([1, 2])) if dated else None,
            "date_precision": rng.choice(["day", "month"]) if dated else "none",
            "location": rng.choice(["Kabul", " kabul", None]),
            "quantity_value": quantity, "quantity_unit": None if quantity is None else "USD",
            "fatalities": rng.choice([None, 0, 2])}))
    return [e for e in events if not (e.event_type != "CONSULT" and e.mode == "visit")]


def test_incremental_engagement_rebuild_equals_a_full_rebuild(tmp_path):
    """Batches that add documents, re-code them (events move between engagements), empty one, change a document's
    date (which decides the lead mention) or send events without their document: after each, the incremental
    rebuild gives exactly the rows a full rebuild gives."""
    import random

    from tests.test_warehouse import REFERENCE, make_document
    from warehouse.db import LoadBatch, load_reference_data, refresh_views, save_batch

    rng = random.Random(7)
    modes = []
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_reference_data(con, REFERENCE)
        docs = [f"d{i}" for i in range(12)]
        save_batch(con, LoadBatch("r0", documents=[make_document({"doc_id": d}) for d in docs],
                                  events={d: random_events(rng, d, 6) for d in docs[:6]}))
        assert refresh_views(con)["engagements"] == "full"          # never built: a full build
        for step in range(8):
            touched = rng.sample(docs, 3)
            documents = [make_document({"doc_id": d, "published_at": dt.date(2024, 1, 1 + rng.randrange(20)),
                                        "source_id": rng.choice(["s1", "s2"])})
                         for d in touched[:2]]                        # touched[2]: events without its document
            events = {d: random_events(rng, d, rng.choice([0, 3, 6])) for d in touched}
            save_batch(con, LoadBatch(f"r{step + 1}", documents=documents, events=events))
            done = refresh_views(con)
            modes.append((done["engagements"], done["pending_documents"]))
            incremental = engagement_rows(con)
            refresh_views(con, full=True)
            full = engagement_rows(con)
            assert incremental == full, f"step {step}: incremental rebuild differs from a full one"
        assert full[0] and full[1], "the test must build some engagements"
        failed = [r.name for r in run_checks(con, "after") if not r.passed]
    assert [m for m, _ in modes] == ["incremental"] * 8 and all(n >= 2 for _, n in modes)
    assert failed == []


def test_engagements_are_not_rebuilt_when_nothing_changed_and_fully_after_an_override(tmp_path):
    from tests.test_warehouse import seed_batch
    from warehouse.db import add_override, refresh_views, save_batch

    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, {"documents": [{"doc_id": f"d_other{i}"} for i in range(8)], "events": []})
        save_batch(con, seed_batch())        # 1 document of 9 pending: only its engagements are rebuilt
        assert refresh_views(con)["engagements"] == "incremental"
        before = engagement_rows(con)
        assert refresh_views(con) == {"engagements": "unchanged", "pending_documents": 0}
        same = engagement_rows(con)
        save_batch(con, seed_batch())                    # the same batch again: its document is pending, rows equal
        assert refresh_views(con)["engagements"] == "incremental"
        again = engagement_rows(con)
        fingerprint = con.execute("SELECT fingerprint FROM events WHERE event_type = 'REJECT'").fetchall()[0][0]
        add_override(con, fingerprint, "suppress")
        assert refresh_views(con)["engagements"] == "full"   # overrides changed: everything is rebuilt
        suppressed = engagement_rows(con)
        con.execute("DELETE FROM overrides").fetchall()      # undoing it by hand is seen too
        assert refresh_views(con)["engagements"] == "full"
        undone = engagement_rows(con)
    assert before[0] and same == before and again == before and undone == before
    assert len(suppressed[0]) == len(before[0]) - 1


def test_a_first_load_rebuilds_in_full(tmp_path):
    """When most documents are new (a first refresh), one full rebuild is cheaper than an incremental one."""
    from tests.test_warehouse import seed_batch
    from warehouse.db import refresh_views, save_batch

    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, {"events": []})
        save_batch(con, seed_batch())        # 1 document of 1 pending
        done = refresh_views(con)
    assert done == {"engagements": "full", "pending_documents": 1}
