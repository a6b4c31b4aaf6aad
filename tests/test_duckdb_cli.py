"""The DuckDB CLI from the package registry (duckdb-cli 1.5) opens a warehouse our code wrote and answers every view."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import duckdb
import pytest
import yaml

from tests.test_warehouse import FIXTURES, load_given, seed_batch
from warehouse import sqlfiles
from warehouse.db import open_warehouse, refresh_views, run_checks, save_batch

CLI = pathlib.Path(sys.executable).parent / "duckdb"


def cli(db: pathlib.Path, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), "-readonly", "-json", str(db), "-c", sql], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory) -> tuple[pathlib.Path, dict[str, int]]:
    if not CLI.exists():
        pytest.skip("duckdb-cli is not installed in this environment (dev extra)")
    path = tmp_path_factory.mktemp("cli") / "caravan.duckdb"
    cases = yaml.safe_load((FIXTURES / "views.yaml").read_text(encoding="utf-8"))
    posture = next(c for c in cases if c["view"] == "country_posture")
    with open_warehouse(path) as con:
        load_given(con, posture["given"])
        save_batch(con, seed_batch())
        refresh_views(con)
        run_checks(con, "r-cli")
        expected = {v: con.execute(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in sqlfiles.view_names()}
    return path, expected


def test_cli_is_the_registry_1_5_line():
    if not CLI.exists():
        pytest.skip("duckdb-cli is not installed")
    version = subprocess.run([str(CLI), "--version"], capture_output=True, text=True).stdout
    assert version.startswith("v1."), version


def test_cli_answers_every_view(refreshed):
    path, expected = refreshed
    for view, count in expected.items():
        result = cli(path, f"SELECT count(*) AS n FROM {view}; SELECT * FROM {view} LIMIT 3;")
        assert result.returncode == 0, f"{view}: {result.stderr.strip()}"
        first = json.loads(result.stdout[:result.stdout.index("]") + 1])
        assert first == [{"n": count}], view
    assert expected["engagement_timeline"] > 0 and expected["country_posture"] == 5


def test_cli_reads_the_posture_on_the_seed_events(refreshed):
    path, _ = refreshed
    result = cli(path, "SELECT state, posture FROM country_posture ORDER BY state")
    assert result.returncode == 0, result.stderr
    assert {r["state"]: r["posture"] for r in json.loads(result.stdout)} == {
        "KAZ": "engaging", "KGZ": "engaging", "TJK": "hostile", "TKM": "engaging", "UZB": "engaging"}


def test_default_duckdb_2_format_is_what_the_cli_refuses(tmp_path):
    """Why storage compatibility is set: a file in DuckDB 2.x's own format does not open in the 1.5 CLI."""
    if not CLI.exists():
        pytest.skip("duckdb-cli is not installed")
    plain = tmp_path / "plain.duckdb"
    con = duckdb.connect(str(plain))
    con.execute("CREATE TABLE t AS SELECT 1 AS x").fetchall()
    con.close()
    refused = cli(plain, "SELECT * FROM t")
    if refused.returncode == 0:
        pytest.skip("this duckdb writes a format the CLI reads; the compatibility setting is then harmless")
    assert "version" in refused.stderr.lower()
