"""The `runs` table: a run that Prefect cancels or that crashes is closed, never left 'running'."""
from __future__ import annotations

import datetime as dt
import pathlib

from flows.refresh import mark_run_ended, refresh_flow
from warehouse.db import end_unfinished_runs, open_warehouse, start_run


def test_unfinished_runs_of_one_flow_run_are_closed(tmp_path: pathlib.Path) -> None:
    db = tmp_path / "w.duckdb"
    now = dt.datetime.now(dt.timezone.utc)
    with open_warehouse(db) as con:
        start_run(con, "r20260101T000000_aaaabbbbcccc", now, {})
        start_run(con, "r20260101T000100_ddddeeeeffff", now, {})
        closed = end_unfinished_runs(con, "aaaabbbbcccc", now, "cancelled", {"ended_by": "Cancelled"})
        rows = con.execute("SELECT run_id, status, finished_at IS NOT NULL FROM runs ORDER BY run_id").fetchall()
    assert closed == ["r20260101T000000_aaaabbbbcccc"]
    assert rows == [("r20260101T000000_aaaabbbbcccc", "cancelled", True),
                    ("r20260101T000100_ddddeeeeffff", "running", False)]


def test_refresh_flow_closes_its_run_when_cancelled_or_crashed() -> None:
    assert mark_run_ended in refresh_flow.on_cancellation_hooks
    assert mark_run_ended in refresh_flow.on_crashed_hooks
