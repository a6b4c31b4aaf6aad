"""Shared fixtures. Tests use real parts: loopback HTTP (pytest-httpserver), real DuckDB files, real Prefect runs."""
from __future__ import annotations

import os
import pathlib

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

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
