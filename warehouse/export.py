"""Export every table and view to Parquet (or CSV) for other tools; swapped in whole, with a manifest.

Layout: <out>/<name>.parquet per table/view; events and engagements as hive partitions by the year of
event_date (<out>/events/year=2023/…, undated rows under year=__HIVE_DEFAULT_PARTITION__); manifest.json.
Written into a temporary sibling folder and renamed into place, so a reader never sees a half-written export.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import shutil
import uuid

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from warehouse.db import WarehouseError, one_line, open_warehouse, schema_version

PARTITIONED = {"events": "event_date", "engagements": "event_date"}   # table -> date column for year partitions
FORMATS = ("parquet", "csv")
LIST_OBJECTS = """
SELECT table_name, 'table' AS kind FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary
UNION ALL
SELECT view_name, 'view' FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal AND NOT temporary
ORDER BY 2, 1
"""


def export_warehouse(db_path, out_dir, fmt: str = "parquet", wait_seconds: float = 60.0, on_wait=None) -> dict:
    """Write every table and view of the warehouse to `out_dir` (replaced atomically). Returns the manifest."""
    if fmt not in FORMATS:
        raise WarehouseError(f"unknown export format {fmt!r} (parquet or csv)")
    out = pathlib.Path(out_dir).resolve()
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "manifest.json").exists())):
        raise WarehouseError(f"{out} exists and is not an earlier export (no manifest.json): not replacing it")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        with open_warehouse(db_path, read_only=True, wait_seconds=wait_seconds, on_wait=on_wait) as con:
            manifest = {
                "format": fmt,
                "schema_version": schema_version(con),
                "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "warehouse": str(pathlib.Path(db_path).resolve()),
                "duckdb_version": duckdb.__version__,
                "objects": {},
            }
            for name, kind in con.execute(LIST_OBJECTS).fetchall():
                table = con.table(name).to_arrow_table()
                manifest["objects"][name] = _write(table, name, kind, tmp, fmt)
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        _swap(tmp, out)
    except duckdb.Error as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise WarehouseError(f"export of {db_path} failed: {one_line(exc)}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _write(table: pa.Table, name: str, kind: str, folder: pathlib.Path, fmt: str) -> dict:
    entry = {"kind": kind, "rows": table.num_rows, "columns": {f.name: str(f.type) for f in table.schema}}
    date_col = PARTITIONED.get(name)
    if date_col and date_col in table.column_names:
        table = table.append_column("year", pc.year(table[date_col]).cast(pa.int32()))
        ds.write_dataset(table, folder / name, format=fmt, basename_template="part-{i}." + fmt,
                         partitioning=ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive"))
        entry.update(path=name, partitioned_by=["year"])
    else:
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":
            pq.write_table(table, path)
        else:
            pacsv.write_csv(table, path)
        entry.update(path=path.name, partitioned_by=[])
    return entry


def _swap(tmp: pathlib.Path, out: pathlib.Path) -> None:
    """Put the finished export in place: the old one (if any) is renamed away first, then removed."""
    if not out.exists():
        os.rename(tmp, out)
        return
    old = out.parent / f".{out.name}.old-{uuid.uuid4().hex[:8]}"
    os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def read_export(out_dir, name: str) -> pa.Table:
    """Read one exported table or view back (hive partitions included) using its manifest."""
    out = pathlib.Path(out_dir)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["objects"][name]
    fmt: str | ds.FileFormat = manifest["format"]
    partitioning = None
    if entry["partitioned_by"]:
        partitioning = ds.partitioning(pa.schema([("year", pa.int32())]), flavor="hive")
    if fmt == "csv":   # CSV carries no types: use the ones the manifest recorded
        types = {}
        for column, type_name in entry["columns"].items():
            try:
                types[column] = pa.type_for_alias(type_name)
            except ValueError:
                types[column] = pa.string()
        fmt = ds.CsvFileFormat(convert_options=pacsv.ConvertOptions(column_types=types))
    return ds.dataset(out / entry["path"], format=fmt, partitioning=partitioning).to_table()
