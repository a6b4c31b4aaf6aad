"""Shared fixtures. Tests use real parts: loopback HTTP (pytest-httpserver), real DuckDB files, real Prefect runs."""
from __future__ import annotations

import os
import pathlib

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# the temporary API server's first start creates its database: about 12 s on this machine (../shared/docs/
# FACTS.md), more on a slower or busier one, and Prefect gives up after 20 s by default
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

REPO = pathlib.Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_DOC = "idsa-central-asia-taliban-2024-02-19"


@pytest.fixture(scope="session")
def repo_root() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> pathlib.Path:
    """../shared beside the checkout (seed article, gold, scorer); tests that need it skip when absent."""
    if not (SHARED / "seed").is_dir():
        pytest.skip("../shared is absent: seed-based test skipped")
    return SHARED


@pytest.fixture(scope="session")
def seed_html(shared_dir) -> bytes:
    return (shared_dir / "seed" / f"{SEED_DOC}.html").read_bytes()


@pytest.fixture(scope="session")
def seed_text(shared_dir) -> str:
    return (shared_dir / "seed" / f"{SEED_DOC}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API (its own SQLite database) for every in-process flow run of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def write_sources(folder: pathlib.Path, body: str) -> pathlib.Path:
    """A sources.yaml in `folder` (tests build small ones around loopback servers)."""
    path = folder / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    return path


FAST_FETCH = """fetch:
  timeout: 3
  total_timeout: 10
  retries: 1
  backoff: 0.05
  per_host_delay: 0
  concurrency: 4
"""
