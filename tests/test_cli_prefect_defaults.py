"""The `caravan` command's Prefect defaults: set before Prefect loads, and the user's own settings win."""
from __future__ import annotations

import os
import subprocess
import sys

_PROBE = ("import flows.cli; from prefect.settings import get_current_settings; s = get_current_settings(); "
          "print(s.server.ephemeral.startup_timeout_seconds, s.server.analytics_enabled)")


def _probe(env: dict) -> str:
    run = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True)
    return run.stdout.strip()


def test_the_temporary_server_gets_time_for_its_first_start():
    # a first start on a slow machine took longer than Prefect's 20 s: the command allows 120
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_SERVER_")}
    assert _probe(env) == "120 False"


def test_the_user_s_own_prefect_settings_win():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_SERVER_")}
    env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "45"
    assert _probe(env).startswith("45 ")
