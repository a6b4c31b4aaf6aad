"""Schema migrations: applied in order, idempotent, an old warehouse upgrades in place, bad files fail clearly."""
from __future__ import annotations

import duckdb
import pytest

from tests.test_warehouse import FIXTURES, load_given
from warehouse import sqlfiles
from warehouse.db import (SCHEMA_VERSION, WRITE_CONFIG, WarehouseError, migrate, open_warehouse, refresh_views,
                          run_checks, schema_version)


def make_v1_warehouse(path):
    """A warehouse as the first release left it: only 001_core.sql applied, with rows in it."""
    con = duckdb.connect(str(path), config=WRITE_CONFIG)
    try:
        assert migrate(con, path, upto=1) == [1]
        con.execute((FIXTURES / "v1_rows.sql").read_text()).fetchall()
    finally:
        con.close()


def test_migration_files_are_numbered_and_increasing():
    versions = [v for v, _, _ in sqlfiles.migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1 and SCHEMA_VERSION == versions[-1]


def test_old_schema_warehouse_migrates_in_place_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1_warehouse(path)
    con = duckdb.connect(str(path), read_only=True)
    assert schema_version(con) == 1
    assert not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'overrides'").fetchall()[0][0]
    con.close()
    with open_warehouse(path) as con:
        assert schema_version(con) == SCHEMA_VERSION
        applied = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        assert applied == list(range(1, SCHEMA_VERSION + 1))
        assert con.execute("SELECT doc_id, title FROM documents").fetchall() == [("d_old", "Old")]
        assert con.execute("SELECT event_id, event_type FROM events").fetchall() == [("e_old", "CONSULT")]
        assert con.execute("SELECT count(*) FROM fetches").fetchall()[0][0] == 1
        load_given(con, {"events": []})           # fixture reference data (KAZ, TALIBAN, CONSULT ...)
        refresh_views(con)
        timeline = con.execute("SELECT actor1, actor2, date_label, n_sources FROM engagement_timeline").fetchall()
        failed = [r.name for r in run_checks(con, "after-migration") if not r.passed]
    assert timeline == [("KAZ", "TALIBAN", "2023-08-03", 1)]
    assert failed == []


def test_migrations_are_idempotent(tmp_path):
    con = duckdb.connect(str(tmp_path / "twice.duckdb"), config=WRITE_CONFIG)
    try:
        for _ in range(2):           # each file run twice: IF NOT EXISTS / ON CONFLICT keep the second run harmless
            for _, _, sql in sqlfiles.migrations():
                con.execute(sql).fetchall()
        assert con.execute("SELECT count(*) FROM subject_actors WHERE role = 'focus'").fetchall()[0][0] == 5
    finally:
        con.close()
    with open_warehouse(tmp_path / "again.duckdb") as con:
        assert migrate(con) == []         # nothing pending on a second open


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    with open_warehouse(path) as con:
        con.execute("INSERT INTO schema_migrations VALUES (?, 'future.sql', NULL, NULL)", [SCHEMA_VERSION + 1]).fetchall()
    with pytest.raises(WarehouseError, match=r"future.duckdb has schema version \d+, newer than this Caravan"):
        with open_warehouse(path):
            pass


def test_not_a_database_names_the_file(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(WarehouseError, match="notes.duckdb: not a usable DuckDB database") as info:
        with open_warehouse(path):
            pass
    assert "\n" not in str(info.value)
    assert path.read_text().startswith("these are my notes")     # left alone


def test_missing_warehouse_read_only(tmp_path):
    with pytest.raises(WarehouseError, match=r"no warehouse at .*absent.duckdb \(run caravan refresh first\)"):
        with open_warehouse(tmp_path / "absent.duckdb", read_only=True):
            pass
    assert not (tmp_path / "absent.duckdb").exists()


def test_new_file_and_folder_are_created(tmp_path):
    path = tmp_path / "deep" / "er" / "caravan.duckdb"
    with open_warehouse(path) as con:
        assert schema_version(con) == SCHEMA_VERSION
    assert path.exists()
