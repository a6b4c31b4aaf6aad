"""Read-only questions to the warehouse for the analyst commands (caravan sql / timeline / status)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

import duckdb
import pandas as pd

from warehouse import sqlfiles
from warehouse.db import WarehouseError, one_line, open_warehouse

DEFAULT_WAIT = 30.0


def run_sql(db_path, sql: str, params=None, wait_seconds: float = DEFAULT_WAIT,
            on_wait: Callable[[str], Any] | None = None) -> pd.DataFrame:
    """Run one statement on a read-only connection and return its rows."""
    with open_warehouse(db_path, read_only=True, wait_seconds=wait_seconds, on_wait=on_wait) as con:
        try:
            cursor = con.execute(sql, params) if params is not None else con.execute(sql)
            if cursor.description is None:
                return pd.DataFrame()
            return cursor.fetch_df()
        except duckdb.Error as exc:
            raise WarehouseError(f"query failed: {one_line(exc)}") from None


def parse_since(since: str | dt.date | None) -> dt.date | None:
    """'2023', '2023-01' or '2023-01-15' -> the first day it names."""
    if since is None or isinstance(since, dt.date):
        return since
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", since.strip())
    if not match:
        raise WarehouseError(f"--since {since!r}: give YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise WarehouseError(f"--since {since!r}: {exc}") from None


def timeline(db_path, actor: str | None = None, since: str | dt.date | None = None, limit: int = 50,
             wait_seconds: float = DEFAULT_WAIT, on_wait: Callable[[str], Any] | None = None) -> pd.DataFrame:
    """Engagements newest first (undated last), for one actor code and/or from a date on."""
    params = {"actor": actor.upper() if actor else None, "since": parse_since(since), "limit": int(limit)}
    return run_sql(db_path, sqlfiles.query("timeline"), params, wait_seconds=wait_seconds, on_wait=on_wait)


def status(db_path, runs: int = 10, wait_seconds: float = DEFAULT_WAIT,
           on_wait: Callable[[str], Any] | None = None) -> dict[str, pd.DataFrame]:
    """Recent runs, source health and the latest data checks."""
    with open_warehouse(db_path, read_only=True, wait_seconds=wait_seconds, on_wait=on_wait) as con:
        try:
            return {
                "runs": con.execute(sqlfiles.query("recent_runs"), {"limit": int(runs)}).fetch_df(),
                "sources": con.execute("SELECT source_id, health, last_success_at, last_error_at, last_error, "
                                       "documents, events FROM source_health ORDER BY source_id").fetch_df(),
                "checks": con.execute(sqlfiles.query("latest_checks")).fetch_df(),
            }
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot read status from {db_path}: {one_line(exc)}") from None
