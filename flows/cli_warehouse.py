"""Analyst commands on the warehouse: caravan sql / timeline / status / export.

They open the DuckDB file read-only. While a refresh holds the write lock they wait (saying so once, on
stderr) up to --wait seconds, then stop with one clear line. Errors are one line, never a traceback.
"""
from __future__ import annotations

import os

import click
import pandas as pd

from transforms.errors import CaravanError
from warehouse.db import one_line
from warehouse.export import export_warehouse
from warehouse.query import run_sql, status as warehouse_status, timeline as warehouse_timeline

DEFAULT_DB = "data/caravan.duckdb"


def db_option(func):
    return click.option("--db", "db_path", envvar="CARAVAN_DB", default=DEFAULT_DB, show_default=True,
                        type=click.Path(dir_okay=False),
                        help="Warehouse file (or set CARAVAN_DB).")(func)


def wait_option(default: float):
    return click.option("--wait", "wait_seconds", default=default, show_default=True, type=float,
                        help="Seconds to wait while a refresh is writing to the warehouse.")


def _say_waiting(message: str) -> None:
    click.echo(message, err=True)


def _table(frame: pd.DataFrame, max_colwidth: int = 60) -> str:
    if frame.empty:
        return "(no rows)" if len(frame.columns) else "(no result)"
    with pd.option_context("display.max_colwidth", max_colwidth, "display.width", 250,
                           "display.max_columns", None, "display.max_rows", None):
        return frame.to_string(index=False, na_rep="")


@click.command("sql")
@click.argument("query")
@db_option
@wait_option(30.0)
@click.option("--max-width", default=60, show_default=True, help="Widest a column is printed.")
def sql_command(query: str, db_path: str, wait_seconds: float, max_width: int) -> None:
    """Run a read-only SQL QUERY on the warehouse and print the rows."""
    try:
        frame = run_sql(db_path, query, wait_seconds=wait_seconds, on_wait=_say_waiting)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(_table(frame, max_width))


@click.command("timeline")
@db_option
@wait_option(30.0)
@click.option("--actor", default=None, help="Only engagements with this actor code (e.g. KAZ).")
@click.option("--since", default=None, help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
def timeline_command(db_path: str, wait_seconds: float, actor: str | None, since: str | None, limit: int) -> None:
    """Print the engagement timeline, newest first (undated engagements last)."""
    try:
        frame = warehouse_timeline(db_path, actor=actor, since=since, limit=limit, wait_seconds=wait_seconds,
                                   on_wait=_say_waiting)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(_table(frame, 70))


@click.command("status")
@db_option
@wait_option(30.0)
@click.option("--runs", default=10, show_default=True, type=click.IntRange(min=1), help="How many recent runs.")
def status_command(db_path: str, wait_seconds: float, runs: int) -> None:
    """Print recent runs, the health of each source and the latest data checks."""
    try:
        frames = warehouse_status(db_path, runs=runs, wait_seconds=wait_seconds, on_wait=_say_waiting)
    except CaravanError as exc:
        raise click.ClickException(str(exc)) from None
    for title, frame in frames.items():
        click.echo(f"== {title}")
        click.echo(_table(frame))
        click.echo("")


@click.command("export")
@db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder to write (replaced whole when the export is complete).")
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv"]), default="parquet", show_default=True)
@wait_option(60.0)
def export_command(db_path: str, out_dir: str, fmt: str, wait_seconds: float) -> None:
    """Export every table and view (events and engagements partitioned by year) with a manifest."""
    try:
        manifest = export_warehouse(db_path, out_dir, fmt, wait_seconds=wait_seconds, on_wait=_say_waiting)
    except (CaravanError, OSError) as exc:
        raise click.ClickException(one_line(exc)) from None
    objects = manifest["objects"]
    click.echo(f"exported {len(objects)} tables and views ({fmt}, schema version {manifest['schema_version']}) "
               f"to {os.path.abspath(out_dir)}")
    for name, entry in objects.items():
        click.echo(f"  {name:<24} {entry['kind']:<5} {entry['rows']:>9} rows")


COMMANDS = [sql_command, timeline_command, status_command, export_command]

if __name__ == "__main__":   # python -m flows.cli_warehouse sql "SELECT 1" (handy before the caravan group has them)
    group = click.Group("caravan-warehouse", commands={c.name: c for c in COMMANDS})
    group()
