"""`caravan serve`: run the refresh on the schedules of sources.yaml, as Prefect deployments.

    caravan serve [--sources PATH] [--db PATH] [--api-url URL] [--port N]

One deployment `caravan-refresh/default` runs the default `schedule:` over every enabled source that has
no schedule of its own; each source with its own `schedule:` gets `caravan-refresh/source-<id>` (run with
`only=[id]`). The deployments are served by this process (no work pool) until SIGINT/SIGTERM.

Prefect's temporary (ephemeral) API runs no schedules, so a real server is needed:
- with `--api-url` or `PREFECT_API_URL` set, that server is used (checked healthy first);
- otherwise `serve` starts `prefect server start` on 127.0.0.1 itself, in its own process group, with
  PREFECT_HOME in `<warehouse folder>/prefect/`, waits until `/api/health` answers, and stops the whole
  group on exit (SIGTERM, then SIGKILL after a grace period).

Runs never overlap: each deployment has a concurrency limit of 1 (collision strategy ENQUEUE: a run that
comes due while the previous one is still going waits for it), and this process executes one flow run at
a time across all its deployments (`serve(limit=1)`), so two deployments never write the warehouse at once.
Schedules are applied with `paused=False`: a restart resumes them (stopping `serve` pauses them, so no
runs pile up while nobody serves them).
"""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
from typing import Callable, Iterator

import httpx

from flows.config import Schedule, SourcesConfig, load_config
from transforms.errors import CaravanError

FLOW_NAME = "caravan-refresh"
DEFAULT_DEPLOYMENT = "default"
DEPLOYMENT_TAGS = ["caravan"]
# A fixed anchor keeps interval schedules on the same grid across restarts (every 6 h = 00, 06, 12, 18 UTC).
INTERVAL_ANCHOR = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
HEALTH_TIMEOUT = float(os.environ.get("CARAVAN_SERVER_START_TIMEOUT", "120"))
STOP_GRACE = 10.0

Echo = Callable[[str], None]


class ServeError(CaravanError):
    """`caravan serve` cannot start or keep its Prefect server."""


# ------------------------------------------------------------------------------------------ planning

@dataclasses.dataclass(frozen=True)
class PlannedDeployment:
    name: str
    schedule: Schedule
    only: list[str] | None            # None: every enabled source in sources.yaml at run time

    def describe(self) -> str:
        when = f"cron {self.schedule.cron!r}" if self.schedule.cron else f"every {self.schedule.interval} s"
        tz = f" ({self.schedule.timezone})" if self.schedule.timezone != "UTC" else ""
        what = "all sources" if self.only is None else ", ".join(self.only)
        return f"{FLOW_NAME}/{self.name}: {when}{tz}: {what}"


@dataclasses.dataclass
class Plan:
    deployments: list[PlannedDeployment]
    unscheduled: list[str]            # enabled sources with no schedule and no default: never run by serve
    disabled: list[str]


def plan_deployments(config: SourcesConfig) -> Plan:
    """Which deployments sources.yaml asks for: the default schedule, and one per source with its own."""
    enabled = [s for s in config.sources if s.enabled]
    own = [s for s in enabled if s.schedule is not None]
    rest = [s.id for s in enabled if s.schedule is None]
    deployments: list[PlannedDeployment] = []
    unscheduled: list[str] = []
    if rest:
        if config.schedule is not None:
            # without any per-source schedule the default run takes whatever sources.yaml lists at run time
            deployments.append(PlannedDeployment(DEFAULT_DEPLOYMENT, config.schedule, rest if own else None))
        else:
            unscheduled = rest
    for source in own:
        deployments.append(PlannedDeployment(f"source-{source.id}", source.schedule, [source.id]))
    return Plan(deployments, unscheduled, [s.id for s in config.sources if not s.enabled])


def prefect_schedule(schedule: Schedule):
    from prefect.schedules import Cron, Interval

    if schedule.cron is not None:
        return Cron(schedule.cron, timezone=schedule.timezone)
    return Interval(schedule.interval, anchor_date=INTERVAL_ANCHOR, timezone=schedule.timezone)


def build_deployments(plan: Plan, sources_path: pathlib.Path, db_path: pathlib.Path) -> list:
    """RunnerDeployments of `refresh_flow`, with absolute paths so runs do not depend on a working folder."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
    from prefect.types.entrypoint import EntrypointType

    from flows.refresh import refresh_flow

    deployments = []
    for planned in plan.deployments:
        deployments.append(refresh_flow.to_deployment(
            name=planned.name,
            parameters={"sources_path": str(sources_path), "db_path": str(db_path), "only": planned.only},
            schedules=[prefect_schedule(planned.schedule)],
            paused=False,
            concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE),
            description=f"Caravan refresh of {sources_path} into {db_path}: "
                        + ("all sources" if planned.only is None else ", ".join(planned.only)),
            tags=DEPLOYMENT_TAGS,
            entrypoint_type=EntrypointType.MODULE_PATH,
        ))
    return deployments


# ------------------------------------------------------------------------------------ Prefect server

def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        response = httpx.get(api_url.rstrip("/") + "/health", timeout=timeout, trust_env=False)
    except httpx.HTTPError:
        return False
    return response.status_code == 200 and response.text.strip() == "true"


def wait_healthy(api_url: str, timeout: float, echo: Echo) -> None:
    """An external server may still be starting (two services started together): wait for it a while."""
    deadline = time.monotonic() + timeout
    if api_healthy(api_url):
        return
    echo(f"caravan serve: waiting up to {timeout:.0f} s for the Prefect API at {api_url}")
    while time.monotonic() < deadline:
        time.sleep(1.0)
        if api_healthy(api_url):
            return
    raise ServeError(f"no healthy Prefect API at {api_url} after {timeout:.0f} s "
                     f"(GET {api_url.rstrip('/')}/health)")


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    """Linux: the server gets SIGTERM if `caravan serve` itself is killed (SIGKILL leaves no handler)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except Exception:
        pass


class LocalPrefectServer:
    """`prefect server start` on loopback, owned by this process: started, health-checked, stopped."""

    def __init__(self, home: pathlib.Path, port: int = 0, host: str = "127.0.0.1") -> None:
        self.home = home
        self.host = host
        self.port = port or free_port(host)
        self.proc: subprocess.Popen | None = None
        self.log_path = home / "server.log"
        self.started_in: float | None = None

    @property
    def api_url(self) -> str:
        return f"http://{self.host}:{self.port}/api"

    @property
    def ui_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = HEALTH_TIMEOUT) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_API_KEY")}
        env.update(PREFECT_HOME=str(self.home), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        env.setdefault("PREFECT_SERVER_UI_ENABLED", "true")
        began = time.monotonic()
        with open(self.log_path, "ab") as log:
            log.write(f"\n--- caravan serve: starting prefect server on {self.ui_url} at "
                      f"{dt.datetime.now(dt.timezone.utc).isoformat()}\n".encode())
            log.flush()
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "prefect", "server", "start", "--host", self.host, "--port", str(self.port)],
                env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,                       # its own process group: we stop all of it
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise ServeError(f"prefect server exited with code {self.proc.returncode} before it was healthy; "
                                 f"see {self.log_path}: {self.log_tail()}")
            if api_healthy(self.api_url, timeout=1.0):
                self.started_in = time.monotonic() - began
                return
            time.sleep(0.25)
        self.stop()
        raise ServeError(f"prefect server on {self.ui_url} was not healthy after {timeout:.0f} s; see {self.log_path}")

    def log_tail(self, lines: int = 3) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            return ""
        return " | ".join(line.strip() for line in text[-lines:])

    def stop(self, grace: float = STOP_GRACE) -> None:
        """SIGTERM to the server's whole process group, SIGKILL after `grace` seconds. Idempotent."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            pgid = os.getpgid(proc.pid)
        except ProcessLookupError:
            pgid = proc.pid
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError):    # anything left in the group (workers) goes too
            os.killpg(pgid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)

    def __enter__(self) -> "LocalPrefectServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# ------------------------------------------------------------------------------------------ signals

class Shutdown(KeyboardInterrupt):
    """SIGTERM/SIGHUP before Prefect's runner installs its own handler: unwind and clean up.

    SIGINT is a KeyboardInterrupt throughout; Prefect's `serve` turns both into a graceful stop."""


@contextlib.contextmanager
def shutdown_on_signals() -> Iterator[None]:
    def raise_shutdown(signum, frame):
        raise Shutdown(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, raise_shutdown) for sig in (signal.SIGTERM, signal.SIGHUP)}
    # a service started from a non-interactive shell in the background inherits SIGINT ignored: take it back
    previous[signal.SIGINT] = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


@contextlib.contextmanager
def signals_ignored() -> Iterator[None]:
    """While cleaning up, a second Ctrl-C or SIGTERM must not leave the server behind."""
    sigs = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in sigs}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --------------------------------------------------------------------------------------------- serve

@contextlib.contextmanager
def prefect_api(api_url: str) -> Iterator[None]:
    """Point this process (and the flow-run processes it spawns) at `api_url`, and prove it answers."""
    os.environ["PREFECT_API_URL"] = api_url
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        with get_client(sync_client=True) as client:
            talks_to = str(client.api_url).rstrip("/")
            if talks_to != api_url.rstrip("/"):
                raise ServeError(f"the Prefect client talks to {talks_to}, not {api_url}")
            problem = client.api_healthcheck()
            if problem is not None:
                raise ServeError(f"Prefect API at {api_url} is not healthy: {problem}")
        yield


def serve_deployments(plan: Plan, sources_path: pathlib.Path, db_path: pathlib.Path, api_url: str,
                      echo: Echo) -> None:
    import prefect

    with prefect_api(api_url):
        deployments = build_deployments(plan, sources_path, db_path)
        echo(f"caravan serve: serving {len(deployments)} deployment(s) against {api_url}; "
             f"deployments in the UI: {api_url.rstrip('/').removesuffix('/api')}/deployments")
        try:
            # pause_on_shutdown=False: Prefect's runner skips it when stopped before it started polling;
            # pause_served() below does it every time.
            prefect.serve(*deployments, limit=1, pause_on_shutdown=False, print_starting_message=False)
        finally:
            with signals_ignored():
                pause_served([f"{FLOW_NAME}/{d.name}" for d in deployments], echo)


def pause_served(names: list[str], echo: Echo) -> None:
    """Pause the deployments this process served: nobody runs them now, so no runs should pile up.

    The next `caravan serve` applies them with paused=False again."""
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            for name in names:
                with contextlib.suppress(Exception):      # never applied (stopped early): nothing to pause
                    client.pause_deployment(client.read_deployment_by_name(name).id)
    except Exception as exc:  # the server is gone: nothing will be scheduled anyway
        echo(f"caravan serve: could not pause the deployments: {type(exc).__name__}: {exc}")


def run_serve(sources: str | os.PathLike, db: str | os.PathLike, *, api_url: str | None = None, port: int = 0,
              echo: Echo = print) -> None:
    """Validate sources.yaml, find or start a Prefect server, serve the schedules until stopped."""
    sources_path = pathlib.Path(sources).resolve()
    db_path = pathlib.Path(db).resolve()
    config = load_config(sources_path)
    plan = plan_deployments(config)
    if plan.unscheduled:
        echo("caravan serve: no schedule for source(s) " + ", ".join(plan.unscheduled)
             + " (sources.yaml has no default `schedule:` and they have none of their own): serve will not run them")
    if plan.disabled:
        echo("caravan serve: disabled source(s) skipped: " + ", ".join(plan.disabled))
    if not plan.deployments:
        raise ServeError(f"{sources_path}: nothing to schedule: add a top-level `schedule:` "
                         "({cron: ...} or {interval: seconds}) or a `schedule:` on a source")
    for planned in plan.deployments:
        echo("  " + planned.describe())
    db_path.parent.mkdir(parents=True, exist_ok=True)
    api_url = api_url or os.environ.get("PREFECT_API_URL") or None

    with shutdown_on_signals():
        if api_url:
            wait_healthy(api_url, HEALTH_TIMEOUT, echo)
            echo(f"caravan serve: using the Prefect server at {api_url}")
            try:
                serve_deployments(plan, sources_path, db_path, api_url, echo)
            except KeyboardInterrupt:      # Ctrl-C, or SIGTERM/SIGHUP before the runner took over
                pass
            echo("caravan serve: stopped")
            return
        from filelock import FileLock, Timeout

        home = db_path.parent / "prefect"
        home.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(home / "serve.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise ServeError(f"another `caravan serve` already runs a Prefect server from {home}") from None
        server = LocalPrefectServer(home, port)
        try:
            echo(f"caravan serve: starting a Prefect server on {server.ui_url} (PREFECT_HOME={home})")
            server.start()
            echo(f"caravan serve: Prefect server healthy after {server.started_in:.1f} s; "
                 f"UI at {server.ui_url}  (API {server.api_url}; log {server.log_path})")
            serve_deployments(plan, sources_path, db_path, server.api_url, echo)
        except KeyboardInterrupt:          # Ctrl-C, or SIGTERM/SIGHUP before the runner took over
            pass
        finally:
            with signals_ignored():
                echo("caravan serve: stopping the Prefect server")
                server.stop()
                lock.release()
        echo("caravan serve: stopped")


# ----------------------------------------------------------------------------------------------- CLI

def _command():
    import click

    @click.command(name="serve")
    @click.option("--sources", "sources", default=os.environ.get("CARAVAN_SOURCES", "sources.yaml"), show_default=True, help="sources.yaml to read")
    @click.option("--db", default=os.environ.get("CARAVAN_DB", "data/caravan.duckdb"), show_default=True, help="DuckDB warehouse file")
    @click.option("--api-url", default=None, metavar="URL",
                  help="Prefect API of a running server, e.g. http://127.0.0.1:4200/api "
                       "[default: $PREFECT_API_URL, else start one on loopback]")
    @click.option("--port", default=0, type=click.IntRange(0, 65535), show_default="a free port",
                  help="port of the Prefect server serve starts itself (its UI is there too)")
    def serve(sources: str, db: str, api_url: str | None, port: int) -> None:
        """Run the refresh on the schedules in sources.yaml until stopped (Prefect deployments).

        Needs a real Prefect server: uses --api-url or $PREFECT_API_URL, otherwise starts one on
        127.0.0.1 (PREFECT_HOME in the warehouse folder) and stops it on exit.
        """
        run_serve(sources, db, api_url=api_url, port=port, echo=click.echo)

    return serve


serve = _command()
