"""The `caravan` command line.

    caravan refresh   [--sources PATH] [--db PATH] [--strict] [--only ID ...] [--revalidate]
    caravan reprocess [--db PATH]
    caravan sql | timeline | status | export ...   (warehouse commands, flows/cli_warehouse.py)

Library errors reach the user as one clear line and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import os
import sys

# Quiet, offline-friendly Prefect defaults; set before Prefect is imported. The user's settings win.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# the temporary API server's first start creates its database: about 12 s on this machine (../shared/docs/
# FACTS.md), more on a slower or busier one, and Prefect gives up after 20 s by default
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

import click  # noqa: E402

from transforms.errors import CaravanError  # noqa: E402

DEFAULT_DB = os.environ.get("CARAVAN_DB", "data/caravan.duckdb")
DEFAULT_SOURCES = os.environ.get("CARAVAN_SOURCES", "sources.yaml")

EXIT_OK, EXIT_SOURCE_FAILED, EXIT_CANNOT_RUN = 0, 1, 2


class CaravanGroup(click.Group):
    """Turns our own errors into one line and exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CaravanError as exc:
            click.echo(f"caravan: error: {exc}", err=True)
            ctx.exit(EXIT_CANNOT_RUN)


@click.group(cls=CaravanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="caravan")
def cli() -> None:
    """Caravan: who engaged whom, when and how, from analysis and news, in a DuckDB warehouse."""


def print_summary(summary: dict) -> None:
    c = summary["counts"]
    echo = click.echo
    echo(f"Caravan refresh {summary['run_id']}: {summary['status']}")
    echo(f"  sources:   {c['sources_ok']} ok, {c['sources_failed']} failed")
    echo(f"  pages:     {c['fetched']} fetched, {c['not_modified']} not modified, {c['fetch_failed']} failed")
    if c.get("skipped"):
        echo(f"             {c['skipped']} not requested: {c.get('skipped_sitemap_lastmod', 0)} unchanged per sitemap "
             f"lastmod, {c.get('skipped_feed_date', 0)} per feed item date, {c.get('skipped_fresh', 0)} still fresh "
             f"(Cache-Control/Expires), {c.get('skipped_file_stat', 0)} local files unchanged (size, mtime)")
    echo(f"  documents: {c['documents_parsed']} parsed, {c['documents_unchanged']} unchanged, "
         f"{c['parse_failed']} could not be parsed")
    echo(f"  events:    {c['events_added']} added, {c['events_removed']} removed, {c['events_unchanged']} unchanged")
    echo(f"  checks:    {c['checks_passed']} passed, {c['checks_failed']} failed")
    for check in summary["checks"]:
        if not check["passed"]:
            echo(f"    FAILED check {check['name']}: {check['failed_rows']} row(s) — {check['description']}")
    problems = [s for s in summary["sources"] if s["causes"]]
    if problems:
        echo("  source problems:")
        for s in problems:
            shown = s["causes"][:3] + ([f"... and {len(s['causes']) - 3} more"] if len(s["causes"]) > 3 else [])
            echo(f"    {s['source_id']} ({s['status']}): " + "; ".join(shown))
    t = summary["totals"]
    echo(f"  warehouse: {t['documents']} documents, {t['events']} events in {summary['db_path']}")
    if summary["latest"]:
        echo("  latest engagements:")
        for date, precision, a1, a2, etype, place, n in summary["latest"]:
            when = "undated" if date is None else {"year": str(date)[:4], "month": str(date)[:7]}.get(precision, str(date))
            echo(f"    {when:<10} {a1 or '?':<8} {etype:<10} {a2 or '?':<8} {place or '':<14} sources={n}")


def preflight(sources: str, db: str):
    """Fail fast, with one line, on a bad config or an unusable warehouse, before any Prefect run starts."""
    from flows.config import load_config
    from warehouse.db import open_warehouse

    config = load_config(sources)
    with open_warehouse(db, on_wait=lambda msg: click.echo(msg, err=True)):
        pass
    return config


@cli.command()
@click.option("--sources", "sources", default=DEFAULT_SOURCES, show_default=True, help="sources.yaml to read")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file")
@click.option("--strict", is_flag=True, help="exit non-zero when any source failed")
@click.option("--only", multiple=True, metavar="ID", help="refresh only these source ids")
@click.option("--json", "as_json", is_flag=True, help="print the run summary as JSON")
@click.option("--revalidate", is_flag=True,
              help="ask the server about every page (conditional GET), even those the listing or the cache says "
                   "are unchanged (sources.yaml `revalidate: always` for this run), and read every local file "
                   "again, even those whose size and mtime are unchanged")
def refresh(sources: str, db: str, strict: bool, only: tuple[str, ...], as_json: bool, revalidate: bool) -> None:
    """Fetch the sources, parse, code events, load the warehouse and refresh its views."""
    config = preflight(sources, db)
    if only:
        config.enabled_sources(list(only))   # unknown ids: one clear line
    from flows.refresh import flow_for

    summary = flow_for(config)(sources_path=sources, db_path=db, only=list(only) or None,
                               revalidate="always" if revalidate else None)
    if as_json:
        import json

        click.echo(json.dumps(summary, default=str, indent=2))
    else:
        print_summary(summary)
    if summary["counts"]["checks_failed"]:
        sys.exit(EXIT_SOURCE_FAILED)
    if strict and summary["counts"]["sources_failed"]:
        sys.exit(EXIT_SOURCE_FAILED)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file")
def reprocess(db: str) -> None:
    """Re-parse and re-code every stored raw page, without the network (after a coder upgrade)."""
    from warehouse.db import open_warehouse

    with open_warehouse(db, read_only=True, on_wait=lambda msg: click.echo(msg, err=True)):
        pass
    from flows.refresh import reprocess_flow

    summary = reprocess_flow(db_path=db)
    print_summary(summary)
    if summary["counts"]["raw_missing"]:
        click.echo(f"  note: {summary['counts']['raw_missing']} document(s) had no stored raw page", err=True)


def register_optional_commands() -> None:
    from flows import cli_warehouse

    for command in cli_warehouse.COMMANDS:
        cli.add_command(command)


register_optional_commands()

from flows.serve import serve  # noqa: E402

cli.add_command(serve)


def main() -> None:
    cli(prog_name="caravan")


if __name__ == "__main__":
    main()
