"""`caravan serve`: real Prefect servers, real deployments, real scheduled runs writing a real DuckDB file.

Every process a test starts is stopped by the test (or its fixture), and the test checks that none is left.
"""
from __future__ import annotations

import contextlib
import os
import pathlib
import re
import signal
import socket
import subprocess
import sys
import time

import duckdb
import httpx
import pytest

from flows.config import load_config
from flows.serve import LocalPrefectServer, ServeError, plan_deployments, run_serve
from tests.conftest import REPO, write_sources

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Uzbek envoy opens a trade office in Mazar-i-Sharif</title>
<meta property="article:published_time" content="2024-05-14T08:00:00+00:00"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Uzbek envoy opens a trade office in Mazar-i-Sharif</h1>
<p>On 14 May 2024 Uzbekistan's special envoy for Afghanistan met Taliban officials in Mazar-i-Sharif and
opened a trade office near the Termez crossing. Uzbekistan said the office would handle cargo bound for
the Trans-Afghan railway.</p><p>Taliban officials welcomed the visit and promised security for traders.</p>
</article><footer>Our own test page, written for Caravan's serve test.</footer></body></html>
"""


def procs() -> list[tuple[int, int, str]]:
    """(pid, pgid, command line) of every process on the machine, from `ps` (no psutil)."""
    out = subprocess.run(["ps", "-ww", "-eo", "pid=,pgid=,args="], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3:
            rows.append((int(parts[0]), int(parts[1]), parts[2]))
    return rows


def servers_on(port: int) -> list[int]:
    return [pid for pid, _, args in procs() if "prefect" in args and "server" in args and f"--port {port}" in args]


def group_members(pgid: int) -> list[int]:
    return [pid for pid, group, _ in procs() if group == pgid]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def documents(db: pathlib.Path) -> int:
    """Rows in `documents`, read-only; 0 while the file is locked by a writer or not yet created."""
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def serve_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_SERVER_ANALYTICS_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING",
               PREFECT_RUNNER_POLL_FREQUENCY="2", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


class ServeProcess:
    """`caravan serve` as a child process in its own process group, with its output in a file."""

    def __init__(self, args: list[str], env: dict[str, str], log: pathlib.Path) -> None:
        self.log = log
        self.handle = open(log, "ab")
        self.started = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", *args], cwd=REPO, env=env,
                                     stdin=subprocess.DEVNULL, stdout=self.handle, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, predicate, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            if self.proc.poll() is not None:
                pytest.fail(f"caravan serve exited ({self.proc.returncode}) before {what}:\n{self.output()[-3000:]}")
            time.sleep(0.5)
        pytest.fail(f"no {what} after {timeout:.0f} s:\n{self.output()[-3000:]}")

    def terminate(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        """A signal to `caravan serve` itself (not its group): it must clean up on its own."""
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=timeout)

    def kill_group(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.handle.close()


@pytest.fixture
def serve_processes():
    started: list[ServeProcess] = []
    yield started
    for sp in started:
        sp.kill_group()
        leftovers = group_members(sp.proc.pid)
        for pid in leftovers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        assert not leftovers, f"processes left in the serve group: {leftovers}"


def test_serve_starts_its_own_server_runs_the_schedule_and_stops_cleanly(tmp_path: pathlib.Path,
                                                                        serve_processes) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "uzbek-trade-office.html").write_text(PAGE, encoding="utf-8")
    sources = write_sources(tmp_path, "schedule:\n  interval: 5\nsources:\n"
                                      "  - id: local-pages\n    kind: files\n    path: pages/*.html\n")
    db = tmp_path / "data" / "w.duckdb"
    sp = ServeProcess(["--sources", str(sources), "--db", str(db)], serve_env(), tmp_path / "serve.log")
    serve_processes.append(sp)
    port = int(sp.wait_for(lambda: (m := re.search(r"Prefect server on http://127\.0\.0\.1:(\d+)", sp.output()))
                           and m.group(1), 30, "server announcement"))
    healthy = sp.wait_for(lambda: re.search(r"healthy after ([\d.]+) s", sp.output()), 150, "healthy server")
    t_healthy = time.monotonic() - sp.started
    assert servers_on(port), "the Prefect server is not a separate process"
    # the schedule really runs a refresh that loads the page into the warehouse
    sp.wait_for(lambda: documents(db) >= 1, 150, "document in the warehouse")
    t_first = time.monotonic() - sp.started
    api = f"http://127.0.0.1:{port}/api"
    deployments = {d["id"]: d["name"] for d in httpx.post(f"{api}/deployments/filter", json={}, timeout=10,
                                                          trust_env=False).json()}

    def completed_default_run() -> bool:
        # the documents land in the load task; the run completes a little later (views, checks, artifacts)
        runs = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}},
                          timeout=10, trust_env=False).json()
        return any(deployments.get(r["deployment_id"]) == "default" for r in runs)

    sp.wait_for(completed_default_run, 120, "completed run of the default deployment")
    artifacts = httpx.post(f"{api}/artifacts/filter", json={"artifacts": {"key": {"any_": ["refresh-summary"]}}},
                           timeout=10, trust_env=False).json()
    assert artifacts and "Caravan refresh" in artifacts[0]["data"]         # what the UI shows for a run
    assert (db.parent / "prefect" / "prefect.db").exists()           # PREFECT_HOME beside the warehouse
    con = duckdb.connect(str(db), read_only=True)
    try:
        (title,) = con.execute("SELECT title FROM documents").fetchone()
    finally:
        con.close()
    assert "Mazar-i-Sharif" in title
    # SIGTERM: serve stops, stops its server, leaves nothing behind
    t_stop = time.monotonic()
    assert sp.terminate() == 0, sp.output()[-3000:]
    stop_seconds = time.monotonic() - t_stop
    assert servers_on(port) == []
    assert not port_open(port)
    assert group_members(sp.proc.pid) == []
    assert "stopping the Prefect server" in sp.output()
    print(f"\n[serve figures] server healthy after {healthy.group(1)} s (serve start -> healthy {t_healthy:.1f} s); "
          f"serve start -> first documents {t_first:.1f} s; SIGTERM -> exit {stop_seconds:.1f} s")


@pytest.fixture
def external_server(tmp_path: pathlib.Path):
    """A real Prefect server this test owns (as in production: a separate service)."""
    server = LocalPrefectServer(tmp_path / "server-home")
    server.start()
    try:
        yield server
    finally:
        pid = server.proc.pid
        server.stop()
        assert servers_on(server.port) == [] and pid not in [p for p, _, _ in procs()]


def read_deployments(api_url: str) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        with get_client(sync_client=True) as client:
            return {d.name: d for d in client.read_deployments()}


def test_serve_against_a_running_server_registers_unpaused_limited_deployments(
        tmp_path: pathlib.Path, external_server: LocalPrefectServer, serve_processes) -> None:
    sources = write_sources(tmp_path, """schedule:
  cron: "30 5 * * *"
  timezone: Asia/Tashkent
sources:
  - id: briefs
    kind: files
    path: briefs/*.txt
  - id: wire
    kind: files
    path: wire/*.html
    schedule:
      interval: 3600
  - id: archived
    kind: files
    path: old/*.html
    enabled: false
""")
    db = tmp_path / "w.duckdb"
    api = external_server.api_url
    args = ["--sources", str(sources), "--db", str(db)]

    def registered():
        found = read_deployments(api)
        return found if {"default", "source-wire"} <= set(found) and not any(d.paused for d in found.values()) \
            else None

    sp = ServeProcess(args, serve_env(PREFECT_API_URL=api), tmp_path / "serve1.log")
    serve_processes.append(sp)
    found = sp.wait_for(registered, 90, "deployments on the server")
    assert "starting a Prefect server" not in sp.output()             # it used ours
    default, wire = found["default"], found["source-wire"]
    assert default.parameters == {"sources_path": str(sources), "db_path": str(db), "only": ["briefs"]}
    assert wire.parameters["only"] == ["wire"]
    (cron,), (interval,) = default.schedules, wire.schedules
    assert cron.schedule.cron == "30 5 * * *" and cron.schedule.timezone == "Asia/Tashkent" and cron.active
    assert interval.schedule.interval.total_seconds() == 3600 and interval.active
    for deployment in (default, wire):
        assert deployment.global_concurrency_limit is not None
        assert deployment.global_concurrency_limit.limit == 1
        assert deployment.concurrency_options.collision_strategy.value == "ENQUEUE"
        assert deployment.entrypoint == "flows.refresh.refresh_flow"
    assert "archived" in sp.output() and "disabled" in sp.output()
    assert sp.terminate(signal.SIGINT) == 0, sp.output()[-3000:]      # Ctrl-C
    # stopping serve pauses its schedules (nobody would run them) and leaves the external server running
    assert all(d.paused for d in read_deployments(api).values() if d.name in ("default", "source-wire"))
    assert external_server.proc.poll() is None
    # a restart resumes them: the schedule is not left paused
    sp2 = ServeProcess(args, serve_env(PREFECT_API_URL=api), tmp_path / "serve2.log")
    serve_processes.append(sp2)
    again = sp2.wait_for(registered, 90, "deployments resumed after restart")
    assert again["default"].id == default.id                         # updated in place, not duplicated
    assert len([d for d in again.values() if d.name == "default"]) == 1
    assert sp2.terminate() == 0, sp2.output()[-3000:]


def test_plan_names_unscheduled_and_refuses_an_empty_plan(tmp_path: pathlib.Path) -> None:
    sources = write_sources(tmp_path, """sources:
  - id: alpha
    kind: files
    path: a/*.html
  - id: beta
    kind: files
    path: b/*.html
    schedule:
      cron: "0 */4 * * *"
""")
    plan = plan_deployments(load_config(sources))
    assert [(d.name, d.only) for d in plan.deployments] == [("source-beta", ["beta"])]
    assert plan.unscheduled == ["alpha"]
    lines: list[str] = []
    only_alpha = write_sources(tmp_path, "sources:\n  - id: alpha\n    kind: files\n    path: a/*.html\n")
    with pytest.raises(ServeError, match="nothing to schedule"):
        run_serve(only_alpha, tmp_path / "w.duckdb", echo=lines.append)
    assert any("alpha" in line and "will not run" in line for line in lines)
    done = subprocess.run([sys.executable, "-m", "flows.cli", "serve", "--sources", str(only_alpha), "--db",
                           str(tmp_path / "w.duckdb")], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env=serve_env())
    assert done.returncode == 2 and "nothing to schedule" in done.stderr and "Traceback" not in done.stderr
