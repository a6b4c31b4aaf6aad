"""Data checks: a clean load passes; planted bad rows are caught; a failed check keeps every row."""
from __future__ import annotations

import json

import pytest

from tests.test_warehouse import counts, load_given, seed_batch
from warehouse import sqlfiles
from warehouse.db import ChecksFailed, open_warehouse, raise_for_checks, refresh_views, run_checks, save_batch

CHECKS = {name for name, _, _ in sqlfiles.checks()}


def test_the_rules_of_the_issue_have_checks():
    assert CHECKS == {"unique_ids", "no_orphan_events", "known_actor_codes", "valid_types_and_precisions",
                      "event_not_after_publication", "known_quantity_units", "engagements_match_mentions"}
    assert all(description for _, description, _ in sqlfiles.checks())


def test_clean_warehouse_passes_and_results_are_stored(tmp_path):
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, {"events": []})
        save_batch(con, seed_batch())
        refresh_views(con)
        results = run_checks(con, "r1")
        stored = con.execute("SELECT check_name, passed, failed_rows FROM quality_checks WHERE run_id = 'r1' "
                             "ORDER BY check_name").fetchall()
    assert [r.name for r in results if not r.passed] == []
    assert stored == [(name, True, 0) for name in sorted(CHECKS)]
    raise_for_checks(results)        # nothing failed: no exception


PLANTED = [
    # (check that must fail, SQL that plants the bad row)
    ("no_orphan_events",
     "INSERT INTO events (event_id, fingerprint, doc_id, evidence, actor1, actor2, event_type, date_precision, status) "
     "VALUES ('e_orphan', 'f_orphan', 'd_missing', 'x', 'KAZ', 'TALIBAN', 'CONSULT', 'none', 'asserted')"),
    ("known_actor_codes", "UPDATE events SET actor2 = 'ATLANTIS' WHERE event_type = 'REJECT'"),
    ("valid_types_and_precisions", "UPDATE events SET event_type = 'HUG' WHERE event_type = 'REJECT'"),
    ("valid_types_and_precisions", "UPDATE events SET date_precision = 'week' WHERE event_type = 'CONCEDE'"),
    ("event_not_after_publication", "UPDATE events SET event_date = DATE '2024-03-01' WHERE event_type = 'CONCEDE'"),
    ("known_quantity_units",
     "UPDATE events SET quantity_value = 3, quantity_unit = 'furlongs' WHERE event_type = 'CONCEDE'"),
    ("engagements_match_mentions", "DELETE FROM engagement_mentions WHERE event_id IN "
                                   "(SELECT event_id FROM events WHERE event_type = 'REJECT')"),
    ("unique_ids", "INSERT INTO event_candidates SELECT * FROM event_candidates"),
    ("unique_ids", "INSERT INTO event_candidates BY NAME SELECT * EXCLUDE (status), 'negated' AS status FROM events LIMIT 1"),
]


@pytest.mark.parametrize("check,plant", PLANTED, ids=[f"{c}-{i}" for i, (c, _) in enumerate(PLANTED)])
def test_planted_bad_row_fails_its_check_and_nothing_is_deleted(tmp_path, check, plant):
    with open_warehouse(tmp_path / "w.duckdb") as con:
        load_given(con, {"events": []})
        save_batch(con, seed_batch())
        refresh_views(con)
        con.execute(plant).fetchall()
        before = counts(con)
        results = {r.name: r for r in run_checks(con, "r_bad")}
        after = counts(con)
        stored = con.execute("SELECT passed, failed_rows, sample_json FROM quality_checks "
                             "WHERE run_id = 'r_bad' AND check_name = ?", [check]).fetchall()
    assert not results[check].passed and results[check].failed_rows >= 1
    assert results[check].sample, "a failed check shows sample rows"
    assert stored[0][0] is False and stored[0][1] == results[check].failed_rows
    assert json.loads(stored[0][2]) == results[check].sample
    # only quality_checks grew; every data row is still there
    assert {k: v for k, v in after.items() if k != "quality_checks"} == \
           {k: v for k, v in before.items() if k != "quality_checks"}
    with pytest.raises(ChecksFailed, match=check):
        raise_for_checks(list(results.values()))
