"""Run `caravan` in a subprocess: its own session (so a kill takes the whole group), the net jail on, and
the exit status, wall time and peak memory (ru_maxrss from wait4) recorded.
"""
from __future__ import annotations

import os
import pathlib
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Callable

REPO = pathlib.Path(__file__).resolve().parents[2]
NETJAIL_SITE = pathlib.Path(__file__).resolve().parent / "netjail_site"


@dataclass
class CliRun:
    returncode: int | None        # None when we killed it
    stdout: str
    stderr: str
    seconds: float
    maxrss_mb: float
    killed: bool = False
    jail_attempts: list[str] | None = None


def cli_env(jail_log: pathlib.Path, prefect_api_url: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(NETJAIL_SITE)
    env["CARAVAN_NETJAIL_LOG"] = str(jail_log)
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    if prefect_api_url:      # reuse the test session's Prefect API instead of starting a server per child
        env["PREFECT_API_URL"] = prefect_api_url
    return env


def start_cli(args: list[str], env: dict[str, str], out_dir: pathlib.Path):
    out = open(out_dir / "stdout.txt", "w+", encoding="utf-8")
    err = open(out_dir / "stderr.txt", "w+", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], cwd=REPO, env=env, stdout=out, stderr=err,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    return proc, out, err


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def run_cli(args: list[str], *, timeout: float = 600, prefect_api_url: str | None = None,
            kill_when: Callable[[float], bool] | None = None, poll: float = 0.05) -> CliRun:
    """Run `python -m flows.cli ARGS`; `kill_when(elapsed)` returning True sends SIGKILL to the whole group."""
    with tempfile.TemporaryDirectory(prefix="caravan-cli-") as tmp:
        tmp_path = pathlib.Path(tmp)
        jail_log = tmp_path / "jail.log"
        proc, out, err = start_cli(args, cli_env(jail_log, prefect_api_url), tmp_path)
        started = time.monotonic()
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            elapsed = time.monotonic() - started
            if elapsed > timeout or (kill_when is not None and kill_when(elapsed)):
                killed = True
                kill_group(proc)
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(poll)
        seconds = time.monotonic() - started
        # the group may hold a helper (e.g. a Prefect server the child started): never leave it behind
        kill_group(proc)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
        out.close()
        err.close()
        attempts = jail_log.read_text().splitlines() if jail_log.exists() else []
    return CliRun(None if killed else proc.returncode, stdout, stderr, seconds, usage.ru_maxrss / 1024, killed,
                  attempts)
