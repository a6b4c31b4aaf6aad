"""A writer in another process holds DuckDB's file lock: readers and writers wait (saying so once), then give up clearly."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from click.testing import CliRunner

from flows.cli_warehouse import sql_command
from warehouse.db import WarehouseBusy, open_warehouse

HOLDER = textwrap.dedent("""
    import sys, time
    from warehouse.db import open_warehouse
    with open_warehouse(sys.argv[1]) as con:
        print("locked", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def hold_lock(path, seconds: float) -> subprocess.Popen:
    """Start a process that opens the warehouse for writing and keeps it `seconds`; return once it holds the lock."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if line.strip() != "locked":
        proc.kill()
        pytest.fail(f"lock holder did not start: {proc.stderr.read()}")
    return proc


@pytest.fixture
def warehouse(tmp_path):
    path = tmp_path / "caravan.duckdb"
    with open_warehouse(path):
        pass
    return path


@pytest.mark.parametrize("read_only", [True, False], ids=["reader", "writer"])
def test_gives_up_with_warehouse_busy_after_the_wait(warehouse, read_only):
    holder = hold_lock(warehouse, 30)
    try:
        messages: list[str] = []
        started = time.monotonic()
        with pytest.raises(WarehouseBusy, match="locked by another process .*gave up after 0.8 s"):
            with open_warehouse(warehouse, read_only=read_only, wait_seconds=0.8, on_wait=messages.append):
                pass
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert 0.7 <= waited < 5
    assert messages == [f"waiting: a refresh is writing to {warehouse} (up to 0.8 s)"]


def test_waits_and_then_opens_when_the_writer_finishes(warehouse):
    holder = hold_lock(warehouse, 1.5)
    try:
        messages: list[str] = []
        with open_warehouse(warehouse, read_only=True, wait_seconds=30, on_wait=messages.append) as con:
            assert con.execute("SELECT count(*) FROM schema_migrations").fetchall()[0][0] > 0
    finally:
        holder.wait(timeout=30)
    assert len(messages) == 1 and "a refresh is writing" in messages[0]


def test_cli_says_a_refresh_is_writing_and_exits_non_zero(warehouse):
    holder = hold_lock(warehouse, 30)
    try:
        result = CliRunner().invoke(sql_command, ["SELECT 1", "--db", str(warehouse), "--wait", "0.5"])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1
    assert "waiting: a refresh is writing to" in result.output
    assert "Error:" in result.output and "locked by another process" in result.output
    assert "Traceback" not in result.output
