"""The HTTP refresh's memory stays flat from batch to batch (issue #7). No timing, no RSS thresholds: what is
checked is the mechanism — page bodies fetched on threads land in at most CARAVAN_MALLOC_ARENAS glibc arenas, the
flow caps them before its first fetch, and each batch's tasks get only that batch's state — over real loopback
servers. Measured figures are in docs/PERFORMANCE.md."""
from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FAST_FETCH, REPO, write_sources

from flows.memory import _glibc

needs_glibc = pytest.mark.skipif(_glibc() is None, reason="malloc arenas are glibc's")

# A fresh interpreter (its arenas untouched by pytest's threads) serves 48 pages of 60 KB on loopback and fetches
# them with the flow's own fetch task body (flows.refresh.fetch_batch: a pool of 32 threads, concurrency 8), after
# the cap that importing flows.refresh sets (or none; the import comes first, as in `caravan refresh`, since threads
# started before the cap keep arenas of their own), then prints how many malloc arenas (glibc's malloc_info
# <heap>s) the process has.
FETCH_IN_FRESH_PROCESS = textwrap.dedent("""
    from flows.refresh import WorkItem, fetch_batch   # first, as `caravan refresh` does: the import caps arenas

    import ctypes, http.server, json, re, sys, tempfile, threading
    from flows.config import FetchSettings
    from flows.memory import malloc_arena_cap
    cap = malloc_arena_cap()

    class Pages(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        def log_message(self, *args): pass
        def do_GET(self):
            body = b"User-agent: *\\nAllow: /\\n" if self.path == "/robots.txt" else b"<p>page</p>" * 6000
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def arenas():
        libc = ctypes.CDLL(None)
        libc.open_memstream.restype = ctypes.c_void_p
        buf, size = ctypes.c_char_p(), ctypes.c_size_t()
        stream = libc.open_memstream(ctypes.byref(buf), ctypes.byref(size))
        libc.malloc_info(0, ctypes.c_void_p(stream))
        libc.fclose(ctypes.c_void_p(stream))
        xml = ctypes.string_at(buf, size.value).decode()
        libc.free(buf)
        return len(re.findall("<heap nr=", xml))

    settings = FetchSettings(per_host_delay=0, per_host_concurrency=8, concurrency=8, retries=0)
    batch = [WorkItem("s", f"{base}/p/{i}.html", allow_private=True, source_is_local=True) for i in range(48)]
    pages, rows, tally = fetch_batch.fn(batch, {}, settings, tempfile.mkdtemp(), "r_test")
    print(json.dumps({"cap": cap, "pages": len(pages), "arenas": arenas()}))
""")


def fetch_in_fresh_process(arenas_env: str) -> dict:
    env = {**os.environ, "CARAVAN_MALLOC_ARENAS": arenas_env}
    done = subprocess.run([sys.executable, "-c", FETCH_IN_FRESH_PROCESS], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_glibc
def test_page_bodies_fetched_on_threads_share_the_capped_arenas() -> None:
    capped = fetch_in_fresh_process("2")
    assert capped["cap"] == 2 and capped["pages"] == 48
    assert capped["arenas"] <= 2
    # the guard's counterpart: without the cap, the same fetch spreads over many arenas (that is what fragmented)
    uncapped = fetch_in_fresh_process("0")
    assert uncapped["cap"] == 0 and uncapped["pages"] == 48
    assert uncapped["arenas"] > 2


def test_arena_cap_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.memory import DEFAULT_MALLOC_ARENAS, cap_malloc_arenas, malloc_arena_cap

    monkeypatch.delenv("CARAVAN_MALLOC_ARENAS", raising=False)
    assert malloc_arena_cap() == DEFAULT_MALLOC_ARENAS == 2
    monkeypatch.setenv("CARAVAN_MALLOC_ARENAS", "4")
    assert malloc_arena_cap() == 4
    monkeypatch.setenv("CARAVAN_MALLOC_ARENAS", "lots")
    assert malloc_arena_cap() == DEFAULT_MALLOC_ARENAS
    monkeypatch.setenv("CARAVAN_MALLOC_ARENAS", "0")
    assert cap_malloc_arenas() == 0          # 0: glibc's default is left alone


ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Note {i}</title>
<meta property="article:published_time" content="2023-05-{day:02d}T09:00:00+00:00"></head>
<body><article><h1>Note {i}</h1><p>On {day} May 2023 Uzbekistan's foreign minister met Taliban officials in
Kabul to discuss the railway project. The two sides agreed to meet again in June.</p></article></body></html>"""


@pytest.mark.usefixtures("prefect_harness")
def test_http_refresh_caps_arenas_first_and_keeps_only_one_batch(httpserver: HTTPServer, tmp_path: pathlib.Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.refresh as refresh

    pages = 7
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    urls = []
    for i in range(pages):
        path = f"/notes/{i}.html"
        httpserver.expect_request(path).respond_with_data(ARTICLE.format(i=i, day=i + 1), content_type="text/html")
        urls.append(httpserver.url_for(path))
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>{u}</loc></url>" for u in urls) + "</urlset>")
    httpserver.expect_request("/sitemap.xml").respond_with_data(sitemap, content_type="application/xml")
    sources = write_sources(tmp_path, FAST_FETCH + "batch_size: 3\nsources:\n  - id: notes\n    kind: sitemap\n"
                            f"    url: {httpserver.url_for('/sitemap.xml')}\n    allow_private: true\n")
    db = tmp_path / "w.duckdb"
    calls: list[tuple] = []
    capper, fetch_body = refresh.cap_malloc_arenas, refresh.fetch_batch.fn

    def cap_spy() -> int:
        calls.append(("cap",))
        return capper()

    def fetch_spy(batch, validators, *args, **kwargs):
        calls.append(("fetch", len(batch), sorted(validators)))
        assert set(validators) <= {w.url for w in batch}   # the state handed over is this batch's, no more
        return fetch_body(batch, validators, *args, **kwargs)

    monkeypatch.setattr(refresh, "cap_malloc_arenas", cap_spy)
    monkeypatch.setattr(refresh.fetch_batch, "fn", fetch_spy)
    log = tmp_path / "rss.jsonl"
    monkeypatch.setenv("CARAVAN_RSS_LOG", str(log))

    first = refresh.refresh_flow(sources_path=str(sources), db_path=str(db))
    assert first["counts"]["fetched"] == pages and first["counts"]["documents_parsed"] == pages
    assert calls[0] == ("cap",)                                  # before any page is fetched
    assert [c[1] for c in calls[1:]] == [3, 3, 1]                # batches of batch_size, in order
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(x["batch"], x["pages"]) for x in lines] == [(1, 3), (2, 3), (3, 1)]
    assert all(x["rss_mb"] > 0 and x["peak_mb"] >= x["rss_mb"] for x in lines)
    assert len({x["run_id"] for x in lines}) == 1

    # a rerun asks conditionally: each batch carries the validators of its own URLs only
    calls.clear()
    second = refresh.refresh_flow(sources_path=str(sources), db_path=str(db))
    assert second["counts"]["documents_unchanged"] == pages
    fetches = [c for c in calls if c[0] == "fetch"]
    assert [len(c[2]) for c in fetches] == [3, 3, 1]
    assert sorted(u for c in fetches for u in c[2]) == sorted(urls)
