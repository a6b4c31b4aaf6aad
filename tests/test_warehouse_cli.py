"""caravan sql / timeline / status / export as click commands: readable tables, one-line errors, CARAVAN_DB."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml
from click.testing import CliRunner

from flows.cli_warehouse import COMMANDS, export_command, sql_command, status_command, timeline_command
from tests.test_warehouse import FIXTURES, load_given
from warehouse.db import finish_run, open_warehouse, run_checks, start_run
from warehouse.query import parse_since, timeline



@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "caravan.duckdb"
    cases = yaml.safe_load((FIXTURES / "views.yaml").read_text(encoding="utf-8"))
    given = next(c for c in cases if c["view"] == "dyad_monthly")["given"]
    with open_warehouse(path) as con:
        start_run(con, "r1", dt.datetime(2024, 2, 20, 8, 0, tzinfo=dt.timezone.utc), {"sources_path": "sources.yaml"})
        load_given(con, given)
        run_checks(con, "r1")
        finish_run(con, "r1", dt.datetime(2024, 2, 20, 8, 1), "completed", {"events_added": 7})
    return path


def run(command, args, env=None):
    return CliRunner().invoke(command, args, env=env or {}, catch_exceptions=False)


def test_commands_are_exported_for_the_caravan_group():
    assert [c.name for c in COMMANDS] == ["sql", "timeline", "status", "export"]


def test_sql_prints_a_table(warehouse):
    result = run(sql_command, ["SELECT actor1, month, engagements FROM dyad_monthly ORDER BY actor1, month",
                               "--db", str(warehouse)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["actor1", "month", "engagements"]
    assert lines[1].split() == ["KAZ", "2023-08-01", "2"] and len(lines) == 4


def test_sql_reads_the_db_from_the_environment_and_errors_are_one_line(warehouse):
    result = run(sql_command, ["SELECT count(*) AS n FROM events"], env={"CARAVAN_DB": str(warehouse)})
    assert result.exit_code == 0 and result.output.split() == ["n", "7"]
    bad = run(sql_command, ["SELECT nope FROM events", "--db", str(warehouse)])
    assert bad.exit_code == 1 and bad.output.startswith("Error: query failed: Binder Error")
    assert len(bad.output.strip().splitlines()) == 1
    # read-only: an analyst's query cannot change the warehouse
    write = run(sql_command, ["DELETE FROM events", "--db", str(warehouse)])
    assert write.exit_code == 1 and "read-only" in write.output.lower()


def test_missing_warehouse_is_one_clear_line(tmp_path):
    result = run(timeline_command, ["--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: no warehouse at {tmp_path / 'none.duckdb'} (run caravan refresh first)"


def test_timeline_filters_by_actor_and_since(warehouse):
    frame = timeline(warehouse, actor="tkm", since="2023-08")
    assert list(frame["actor1"]) == ["TKM", "TKM"] and list(frame["date"]) == ["2023-08-11", "2023-08-10"]
    later = timeline(warehouse, since="2023-08-15")
    assert list(later["date"]) == ["2023-09", "2023-08-20"]
    everything = timeline(warehouse, limit=100)
    assert len(everything) == 7 and everything["date"].isna().iloc[-1]      # undated last
    result = run(timeline_command, ["--db", str(warehouse), "--actor", "KAZ", "--since", "2023-09", "--limit", "5"])
    assert result.exit_code == 0
    assert "In September 2023 KAZ pledged more trade." in result.output and "2022" not in result.output
    bad = run(timeline_command, ["--db", str(warehouse), "--since", "last week"])
    assert bad.exit_code == 1 and "YYYY, YYYY-MM or YYYY-MM-DD" in bad.output


def test_parse_since():
    assert parse_since("2023") == dt.date(2023, 1, 1)
    assert parse_since("2023-01") == dt.date(2023, 1, 1)
    assert parse_since("2023-02-28") == dt.date(2023, 2, 28)
    assert parse_since(None) is None


def test_status_shows_runs_sources_and_checks(warehouse):
    result = run(status_command, ["--db", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "== runs" in result.output and "r1" in result.output and "completed" in result.output
    assert "== sources" in result.output and "== checks" in result.output
    assert "known_actor_codes" in result.output


def test_export_command(warehouse, tmp_path):
    result = run(export_command, ["--db", str(warehouse), "--out", str(tmp_path / "exp"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "schema version" in result.output and (tmp_path / "exp" / "manifest.json").exists()
    assert any(line.split()[:3] == ["events", "table", "7"] for line in result.output.splitlines())
