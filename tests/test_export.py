"""caravan export: every table and view, read back with pyarrow, row counts equal; year partitions; atomic swap."""
from __future__ import annotations

import json

import pyarrow.dataset as ds
import pytest
import yaml

from tests.test_warehouse import FIXTURES, load_given, seed_batch
from warehouse.db import SCHEMA_VERSION, WarehouseError, open_warehouse, refresh_views, run_checks, save_batch
from warehouse.export import export_warehouse, read_export


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "data" / "caravan.duckdb"
    cases = yaml.safe_load((FIXTURES / "views.yaml").read_text(encoding="utf-8"))
    with open_warehouse(path) as con:
        load_given(con, cases[0]["given"])          # dated (2023) and undated engagements across 2 sources
        save_batch(con, seed_batch())
        refresh_views(con)
        run_checks(con, "r1")
    return path


def db_counts(path) -> dict[str, int]:
    with open_warehouse(path, read_only=True) as con:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' UNION ALL "
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal").fetchall()]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchall()[0][0] for n in names}


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_reads_back_with_the_same_row_counts(warehouse, tmp_path, fmt):
    out = tmp_path / "export"
    manifest = export_warehouse(warehouse, out, fmt)
    expected = db_counts(warehouse)
    assert set(manifest["objects"]) == set(expected)
    for name, rows in expected.items():
        assert manifest["objects"][name]["rows"] == rows, name
        assert read_export(out, name).num_rows == rows, name
    on_disk = json.loads((out / "manifest.json").read_text())
    assert on_disk["schema_version"] == SCHEMA_VERSION and on_disk["format"] == fmt and on_disk["created_at"]
    assert {"events", "engagements", "engagement_timeline", "country_posture"} <= set(on_disk["objects"])


def test_events_and_engagements_are_hive_partitioned_by_year(warehouse, tmp_path):
    out = tmp_path / "export"
    export_warehouse(warehouse, out)
    for name in ("events", "engagements"):
        folders = sorted(p.name for p in (out / name).iterdir())
        assert "year=2023" in folders and "year=__HIVE_DEFAULT_PARTITION__" in folders, folders
    events = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table()
    years = {(r["event_date"].year if r["event_date"] else None, r["year"]) for r in events.to_pylist()}
    assert all(a == b for a, b in years)


def test_export_replaces_an_earlier_one_whole(warehouse, tmp_path):
    out = tmp_path / "export"
    export_warehouse(warehouse, out)
    (out / "stale.parquet").write_bytes(b"left from before")
    before = json.loads((out / "manifest.json").read_text())["created_at"]
    export_warehouse(warehouse, out, "csv")
    assert not (out / "stale.parquet").exists()
    assert (out / "documents.csv").exists() and not (out / "documents.parquet").exists()
    assert json.loads((out / "manifest.json").read_text())["format"] == "csv" and before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []   # no temp folders left


def test_export_never_replaces_a_folder_that_is_not_an_export(warehouse, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(WarehouseError, match="not an earlier export"):
        export_warehouse(warehouse, out)
    assert (out / "thesis.docx").read_bytes() == b"precious"


def test_failed_export_leaves_the_old_one_and_no_temp_folder(warehouse, tmp_path):
    out = tmp_path / "export"
    export_warehouse(warehouse, out)
    with pytest.raises(WarehouseError, match="no warehouse"):
        export_warehouse(tmp_path / "absent.duckdb", out)
    assert (out / "manifest.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []
