"""The refresh process's own memory: glibc's malloc arenas, and an opt-in log of resident memory per batch.

Why the arenas: glibc gives each thread that allocates while others do a malloc arena of its own, up to 8 per core
(16 on two cores). A refresh over HTTP fetches each batch on a pool of threads (flows.fetch.Fetcher.fetch_many), so
every page body is allocated in one of up to 16 arenas and freed later by the flow's thread; what is freed in an
arena can only be reused by that arena, and the arenas fragment: measured, the flow's resident memory between
batches rose by ≈ 2 MB a batch (401 → 441 MB over the first 19 batches of 200 pages) and its peak with it, which a
`files` source, read on the flow's thread, never showed. With MALLOC_ARENA_MAX=2 it stayed flat (397 → 403 MB over
15 batches). The fetch threads mostly wait on sockets, so sharing two arenas costs them nothing measurable.

The cap is set when flows.refresh is imported (before Prefect's threads, which otherwise take arenas of their own:
7 after its start-up) and again when the flow starts; arenas made before it stay (glibc never removes one).

CARAVAN_MALLOC_ARENAS sets the cap (default 2; 0 leaves glibc's default). Not glibc (macOS, musl): nothing to do.
CARAVAN_RSS_LOG=path appends one JSON line per batch of a refresh (resident and peak MB of the flow's process).
"""
from __future__ import annotations

import ctypes
import json
import os
import resource
import sys
from typing import Any

DEFAULT_MALLOC_ARENAS = 2
_M_ARENA_MAX = -8          # glibc <malloc.h>


def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return None
        return ctypes.CDLL(None)
    except (ValueError, OSError, AttributeError):
        return None


def malloc_arena_cap() -> int:
    """The cap CARAVAN_MALLOC_ARENAS asks for (0: leave glibc's default)."""
    value = os.environ.get("CARAVAN_MALLOC_ARENAS", "").strip()
    if not value:
        return DEFAULT_MALLOC_ARENAS
    try:
        return max(0, int(value))
    except ValueError:
        return DEFAULT_MALLOC_ARENAS


def cap_malloc_arenas() -> int:
    """Cap glibc's malloc arenas for this process (see the module's docstring); returns the cap set, 0 if none.

    Arenas that exist already stay; no new one is made past the cap. Call it before the fetch threads start."""
    cap = malloc_arena_cap()
    libc = _glibc() if cap else None
    if libc is None:
        return 0
    try:
        return cap if libc.mallopt(_M_ARENA_MAX, cap) == 1 else 0
    except AttributeError:
        return 0


def memory_mb() -> dict[str, float]:
    """{"rss_mb", "peak_mb"} of this process: /proc/self/status on Linux, else the peak for both."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024.0 if sys.platform != "darwin" else 2**20)
    out = {"rss_mb": peak, "peak_mb": peak}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key == "VmRSS":
                    out["rss_mb"] = int(value.split()[0]) / 1024.0
                elif key == "VmHWM":
                    out["peak_mb"] = int(value.split()[0]) / 1024.0
    except (OSError, ValueError):
        pass
    return out


def log_batch_memory(**fields: Any) -> None:
    """With CARAVAN_RSS_LOG set, append {fields..., rss_mb, peak_mb} as one JSON line to that file."""
    path = os.environ.get("CARAVAN_RSS_LOG")
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as log:
            log.write(json.dumps({**fields, **{k: round(v, 1) for k, v in memory_mb().items()}}) + "\n")
    except OSError:
        pass   # a diagnostic: never fails a run
