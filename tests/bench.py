"""Caravan's benchmark: what a page costs, per stage, against trafilatura alone. Not a test (no `test_` prefix).

    .venv/bin/python -m tests.bench                       # N = 1,000 and 10M-event views (~20 min on 2 cores)
    .venv/bin/python -m tests.bench --n 1000 --n 20000    # the issue's pair; 20,000 takes hours on 2 cores
    .venv/bin/python -m tests.bench --events 10000000     # views over 10M synthetic events (alone: --only views)
    .venv/bin/python -m tests.bench --json out.json       # also write every figure as JSON
    .venv/bin/python -m tests.bench --report out.json     # print an earlier run's report again

For each N the corpus (tests/benchcorpus.py) is written to a temporary folder, one file at a time, and every
measurement runs in a fresh subprocess that streams the files, so each reports its own peak memory (ru_maxrss):
  reference   trafilatura.extract alone on every page (the reference) and a bare selectolax / lxml parse (the floor)
  stages      the functions the flow calls, without Prefect, batch by batch: read_local (fetch), parse_document,
              code_document, save_batch (load), refresh_views + run_checks (views)
  files       the real refresh_flow over a `files` source, then again with nothing changed
  http        the real refresh_flow over a sitemap served from a loopback server (another process), then again:
              the sitemap gives each page a fixed <lastmod>, so the rerun requests no page (with --no-lastmod it
              has none, and the rerun makes a conditional GET per page: 304s)
  dask        (only with --only dask) the files refresh with parse + code on a local Dask cluster started once
Prefect overhead = flow wall time - the time spent inside task bodies (each task's fn is timed in place; the
work is the real work). The ephemeral Prefect API's start-up is timed apart, with a trivial flow run first.
Targets are printed with the figures; none of this runs in the test suite.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email.utils
import functools
import http.server
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from typing import Iterator

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

REPO = pathlib.Path(__file__).resolve().parents[1]
TARGETS = {
    "pipeline_vs_trafilatura": 1.5,       # (parse + extract + code + load) per page / trafilatura.extract per page
    "unchanged_vs_full": 0.03,            # a refresh with nothing changed / the full refresh
    "prefect_share": 0.10,                # Prefect orchestration / flow wall time (20,000 pages)
    "memory_growth": 0.20,                # peak RSS at the largest N / at the smallest N, minus one
    "views_vs_groupby": 3.0,              # view query / bare GROUP BY over the same events
}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def corpus_files(corpus: pathlib.Path) -> list[pathlib.Path]:
    return sorted(corpus.glob("*.html"))


def batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Clock:
    """Adds up wall time per named stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


# ------------------------------------------------------------------------------------------ children

def child_reference(corpus: pathlib.Path) -> dict:
    """trafilatura.extract alone (the reference) and bare parses (the floor), page by page from disk."""
    import lxml.html
    import trafilatura
    from selectolax.lexbor import LexborHTMLParser

    clock = Clock()
    pages = words = 0
    for path in corpus_files(corpus):
        body = path.read_bytes()
        with clock("trafilatura_extract"):
            text = trafilatura.extract(body)
        with clock("selectolax_parse"):
            LexborHTMLParser(body).body
        with clock("lxml_parse"):
            lxml.html.fromstring(body)
        pages += 1
        words += len((text or "").split())
    return {"pages": pages, "seconds": clock.seconds, "extracted_words": words, "peak_rss_mb": peak_rss_mb()}


def child_stages(corpus: pathlib.Path, db: pathlib.Path, batch_size: int) -> dict:
    """The flow's own functions, batch by batch, without Prefect; trafilatura.extract on the same pages, interleaved
    batch by batch, so the ratio holds even when other work on the machine comes and goes."""
    import trafilatura

    from flows.fetch import read_local
    from transforms.coder import CODER_VERSION, code_document
    from transforms.parse import parse_document
    from warehouse.db import LoadBatch, open_warehouse, refresh_views, run_checks, save_batch

    clock = Clock()
    pages = documents = events = 0
    with open_warehouse(db) as con:
        for chunk in batched(corpus_files(corpus), batch_size):
            with clock("fetch"):
                raws = [read_local(path, "bench") for path in chunk]
            with clock("trafilatura_extract"):
                for raw in raws:
                    trafilatura.extract(raw.body)
            with clock("parse"):
                docs = [parse_document(raw) for raw in raws]
            with clock("code"):
                coded = {doc.doc_id: code_document(doc) for doc in docs}
            with clock("load"):
                save_batch(con, LoadBatch(run_id="bench", documents=docs, events=coded, coder_version=CODER_VERSION))
            pages += len(raws)
            documents += len(docs)
            events += sum(len(v) for v in coded.values())
        with clock("views"):
            refresh_views(con)
            run_checks(con, "bench")
    return {"pages": pages, "documents": documents, "events": events, "seconds": clock.seconds,
            "peak_rss_mb": peak_rss_mb()}


TASK_CLOCK: list[Clock] = [Clock()]    # the clock of the flow run being measured (one run at a time)


def instrument_tasks() -> None:
    """Time each task body of the refresh flow in place (the real function runs; only a timer is added)."""
    import flows.refresh as refresh

    for name in ("prepare_warehouse", "discover", "fetch_batch", "process_batch", "load_batch", "finalize"):
        task = getattr(refresh, name)
        if getattr(task.fn, "_bench_timed", False):
            continue
        body = task.fn

        @functools.wraps(body)
        def timed(*args, _body=body, _name=name, **kwargs):
            with TASK_CLOCK[0](_name):
                return _body(*args, **kwargs)
        timed._bench_timed = True
        task.fn = timed


def warm_prefect() -> float:
    """Start the ephemeral Prefect API with a trivial flow run; returns its wall time."""
    from prefect import flow

    @flow(name="bench-warm-up")
    def warm_up() -> int:
        return 1

    start = time.perf_counter()
    warm_up()
    return time.perf_counter() - start


def timed_refresh(sources: pathlib.Path, db: pathlib.Path) -> dict:
    from flows.config import load_config
    from flows.refresh import flow_for

    clock = TASK_CLOCK[0] = Clock()
    instrument_tasks()
    # the flow's resident memory after each batch (flows/memory.py): what stays between batches, apart from the
    # peaks of single tasks (a load, finalize)
    rss_log = pathlib.Path(tempfile.mkstemp(prefix="caravan-rss-", suffix=".jsonl")[1])
    os.environ["CARAVAN_RSS_LOG"] = str(rss_log)
    start = time.perf_counter()
    try:
        summary = flow_for(load_config(sources))(sources_path=str(sources), db_path=str(db))
    finally:
        os.environ.pop("CARAVAN_RSS_LOG", None)
        lines = rss_log.read_text(encoding="utf-8").splitlines()
        rss_log.unlink(missing_ok=True)
    wall = time.perf_counter() - start
    inside = sum(clock.seconds.values())
    return {"wall": wall, "tasks": clock.seconds, "inside_tasks": inside, "prefect": wall - inside,
            "counts": summary["counts"], "totals": summary["totals"], "status": summary["status"],
            "batch_rss_mb": [json.loads(line)["rss_mb"] for line in lines],
            # the process's peak so far after each batch: the last one is the peak before finalize
            "batch_peak_mb": [json.loads(line)["peak_mb"] for line in lines]}


def child_refresh(sources: pathlib.Path, db: pathlib.Path, dask_workers: int = 0) -> dict:
    # first, as `caravan refresh` does: importing the flow caps glibc's malloc arenas (flows/memory.py)
    import flows.refresh  # noqa: F401

    startup = warm_prefect()
    with contextlib.ExitStack() as stack:
        cluster_s = 0.0
        if dask_workers:
            # a long-lived cluster, as in production: started (and its workers' imports warmed) once, apart
            from distributed import Client, LocalCluster
            from prefect.server.api.server import SubprocessASGIServer

            # the workers report task runs to the same API as the flow (on a real cluster: PREFECT_API_URL on
            # every worker); without it each worker process would start a temporary API of its own
            if not os.environ.get("PREFECT_API_URL"):
                os.environ["PREFECT_API_URL"] = SubprocessASGIServer().api_url
            start = time.perf_counter()
            cluster = stack.enter_context(LocalCluster(n_workers=dask_workers, threads_per_worker=1, processes=True,
                                                       host="127.0.0.1", dashboard_address=None))
            with Client(cluster) as client:
                client.run(lambda: __import__("flows.refresh"))
            os.environ["CARAVAN_DASK_ADDRESS"] = cluster.scheduler_address
            cluster_s = time.perf_counter() - start
        full = timed_refresh(sources, db)
        rss_full = peak_rss_mb()
        again = timed_refresh(sources, db)
    return {"prefect_startup": startup, "dask_cluster_startup": cluster_s, "full": full, "unchanged": again,
            "peak_rss_mb": rss_full, "peak_rss_after_rerun_mb": peak_rss_mb()}


def child_views(db: pathlib.Path, n_events: int) -> dict:
    """n_events synthetic events made in SQL, the warehouse's own views over them, against bare GROUP BYs."""
    from warehouse.db import open_warehouse, refresh_views

    docs = max(1, n_events // 20)
    clock = Clock()
    with open_warehouse(db) as con:
        with clock("generate"):
            con.execute("""
                INSERT INTO documents (doc_id, source_id, url, published_at, published_precision, text, content_hash,
                                       text_hash, parser, first_seen, updated_at)
                SELECT 'd_' || i, 'src' || (hash(i) % 40), 'https://bench.example/' || i,
                       DATE '2021-09-01' + CAST(hash(i, 'p') % 1550 AS INTEGER), 'day', '', 'h' || i, 't' || i,
                       'bench', TIMESTAMP '2025-01-01', TIMESTAMP '2025-01-01'
                FROM range(?) t(i)""", [docs])
            con.execute("""
                INSERT INTO events (event_id, fingerprint, doc_id, sentence_index, start_char, end_char, evidence,
                                    actor1, actor2, event_type, mode, event_date, date_precision, date_source,
                                    quantity_value, quantity_unit, location, confidence, coder_version, status,
                                    quad_class, score, extracted_at)
                WITH r AS (
                    SELECT i, hash(i, 'a') AS h1, hash(i, 'b') AS h2, hash(i, 'c') AS h3, hash(i, 'd') AS h4
                    FROM range(?) t(i)
                ), roots AS (
                    SELECT row_number() OVER (ORDER BY event_type) - 1 AS k, event_type, quad_class, score
                    FROM event_types WHERE mode IS NULL
                )
                SELECT 'e_' || i, 'f_' || i, 'd_' || (i // 20), CAST(i % 20 AS INTEGER), 0, 80,
                       'Synthetic sentence ' || i,
                       ['KAZ','KGZ','TJK','TKM','UZB','TALIBAN','AFG','RUS','PAK','ISKP'][1 + CAST(h1 % 10 AS INTEGER)],
                       ['TALIBAN','AFG','UZB','KAZ','TKM','TJK','KGZ','CHN','IRN','NRF'][1 + CAST(h2 % 10 AS INTEGER)],
                       roots.event_type, NULL,
                       CASE WHEN h4 % 10 = 9 THEN NULL ELSE DATE '2021-08-15' + CAST(h3 % 1600 AS INTEGER) END,
                       CASE h4 % 10 WHEN 9 THEN 'none' WHEN 8 THEN 'year' WHEN 7 THEN 'month' WHEN 6 THEN 'month'
                                    ELSE 'day' END,
                       'explicit',
                       CASE WHEN h1 % 7 = 0 THEN CAST(h2 % 100000 AS DOUBLE) END,
                       CASE WHEN h1 % 7 = 0 THEN 'USD' END,
                       ['Kabul','Tashkent','Termez','Herat','Astana','Dushanbe',NULL,NULL][1 + CAST(h3 % 8 AS INTEGER)],
                       0.8, 'bench', 'asserted', roots.quad_class, roots.score, TIMESTAMP '2025-01-01'
                FROM r JOIN roots ON roots.k = r.h2 % (SELECT count(*) FROM roots)""", [n_events])
        stored = con.execute("SELECT count(*) FROM events").fetchone()[0]
        with clock("refresh_views"):
            refresh_views(con)                       # never built: a full build
        with clock("refresh_views_unchanged"):
            refresh_views(con)                       # nothing loaded since: engagements are left as they are
        # a load of 200 documents marks them pending (as save_batch does); only their engagements are rebuilt
        con.execute("INSERT INTO engagements_pending SELECT 'd_' || (i * 97) FROM range(200) t(i)")
        with clock("refresh_views_200_docs"):
            refresh_views(con)
        engagements = con.execute("SELECT count(*) FROM engagements").fetchone()[0]
        queries = {
            "dyad_monthly": (
                "SELECT * FROM dyad_monthly",
                """SELECT actor1, actor2, CAST(date_trunc('month', event_date) AS DATE) AS month, count(*),
                          count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                          count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
                          sum(score)
                   FROM events WHERE event_date IS NOT NULL AND date_precision IN ('day', 'month')
                     AND actor1 IS NOT NULL AND actor2 IS NOT NULL
                   GROUP BY ALL"""),
            "country_posture": (
                "SELECT * FROM country_posture",
                """SELECT actor1, count(*) FILTER (WHERE quad_class IN (1, 2)),
                          count(*) FILTER (WHERE quad_class IN (3, 4)), sum(score)
                   FROM events WHERE actor1 IN ('KAZ','KGZ','TJK','TKM','UZB') AND actor2 IN ('TALIBAN','AFG')
                   GROUP BY actor1"""),
            "engagement_timeline": (
                """SELECT actor1_name, actor2_name, quad, count(*), sum(n_mentions), max(event_date)
                   FROM engagement_timeline GROUP BY ALL""",
                """SELECT actor1, actor2, quad_class, count(*), count(*), max(event_date)
                   FROM events GROUP BY ALL"""),
        }
        results = {}
        for name, (view_sql, bare_sql) in queries.items():
            view_s, view_rows = best_of(con, view_sql)
            bare_s, bare_rows = best_of(con, bare_sql)
            results[name] = {"view_s": view_s, "bare_s": bare_s, "ratio": view_s / bare_s if bare_s else None,
                             "view_rows": view_rows, "bare_rows": bare_rows}
    return {"events": stored, "engagements": engagements, "seconds": clock.seconds, "queries": results,
            "peak_rss_mb": peak_rss_mb()}


def best_of(con, sql: str, runs: int = 3) -> tuple[float, int]:
    best, rows = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = len(con.execute(sql).fetchall())
        best = min(best, time.perf_counter() - start)
    return best, rows


# ----------------------------------------------------------------------------------------- loopback

class CorpusHandler(http.server.BaseHTTPRequestHandler):
    """Serves a written corpus: robots.txt, sitemap.xml, and the pages with ETag / Last-Modified (304s)."""

    protocol_version = "HTTP/1.1"
    corpus: pathlib.Path
    paths: dict[str, str]
    sitemap: bytes

    def log_message(self, *args) -> None:  # quiet
        pass

    def send_body(self, status: int, body: bytes, content_type: str, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/robots.txt":
            return self.send_body(200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path == "/sitemap.xml":
            return self.send_body(200, self.sitemap, "application/xml")
        name = self.paths.get(path)
        if name is None:
            return self.send_body(404, b"not found", "text/plain")
        file = self.corpus / name
        stat = file.stat()
        etag = f'"{stat.st_size:x}-{int(stat.st_mtime):x}"'
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_body(200, file.read_bytes(), "text/html; charset=utf-8", {"ETag": etag, "Last-Modified": modified})

    do_HEAD = do_GET


LASTMOD_EPOCH = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


def lastmod_of(index: int) -> str:
    """A fixed <lastmod> for the page at `index` of the sitemap (one a minute from 2025-01-01): the same every run."""
    return (LASTMOD_EPOCH + dt.timedelta(minutes=index)).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def serve(corpus: pathlib.Path, lastmod: bool = True) -> None:
    """Run the loopback server (in its own process); print its port, serve until killed."""
    lines = (corpus / "paths.txt").read_text(encoding="utf-8").splitlines()
    paths = dict(reversed(line.split("\t")) for line in lines)
    handler = type("Handler", (CorpusHandler,), {"corpus": corpus, "paths": paths})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = "".join(f"<url><loc>{base}{p}</loc>" + (f"<lastmod>{lastmod_of(i)}</lastmod>" if lastmod else "")
                   + "</url>\n" for i, p in enumerate(paths))
    handler.sitemap = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
                       f'sitemap/0.9">\n{urls}</urlset>\n').encode("utf-8")
    print(server.server_address[1], flush=True)
    server.serve_forever()


# ------------------------------------------------------------------------------------------- parent

def run_child(args: list[str], log: pathlib.Path) -> dict:
    """Run one measurement in a fresh interpreter; its last stdout line is its JSON result."""
    cmd = [sys.executable, "-m", "tests.bench", "--child", *args]
    # Prefect's temporary API keeps its SQLite database under PREFECT_HOME: one of the bench's own, shared by
    # its children, so other Prefect users on the machine neither slow nor skew it; a busy machine may need
    # longer than the default 20 s to start it.
    env = {**os.environ, "PREFECT_HOME": str(log.parent / "prefect-home"),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180"}
    with log.open("a", encoding="utf-8") as err:
        done = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:])
        raise SystemExit(f"bench: {args[0]} failed (exit {done.returncode}):\n{tail}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_sources(folder: pathlib.Path, body: str) -> pathlib.Path:
    path = folder / "sources.yaml"
    path.write_text(body, encoding="utf-8")
    return path


FAST_FETCH = """fetch:
  per_host_delay: 0
  per_host_concurrency: 8
  concurrency: 8
  retries: 0
  timeout: 30
  total_timeout: 60
"""


def measure_n(n: int, work: pathlib.Path, batch_size: int, modes: set[str], log: pathlib.Path,
              lastmod: bool = True) -> dict:
    from tests.benchcorpus import write_corpus

    corpus = work / f"corpus-{n}"
    start = time.perf_counter()
    written = write_corpus(corpus, n)
    out: dict = {"n": n, "corpus_mb": written["bytes"] / 1e6, "generate_s": time.perf_counter() - start}
    print(f"  N={n}: corpus {written['bytes'] / 1e6:.0f} MB written in {out['generate_s']:.0f} s", flush=True)
    if "reference" in modes:
        out["reference"] = run_child(["reference", str(corpus)], log)
        print(f"  N={n}: reference done", flush=True)
    if "stages" in modes:
        out["stages"] = run_child(["stages", str(corpus), str(work / f"stages-{n}.duckdb"), str(batch_size)], log)
        print(f"  N={n}: stages done", flush=True)
    if "files" in modes:
        folder = work / f"files-{n}"
        folder.mkdir()
        sources = write_sources(folder, f"batch_size: {batch_size}\nsources:\n  - id: bench-files\n    kind: files\n"
                                        f"    path: {corpus}/*.html\n    max_items: {n}\n")
        out["files"] = run_child(["refresh", str(sources), str(folder / "w.duckdb")], log)
        print(f"  N={n}: files refresh done", flush=True)
    if "dask" in modes:
        # the same files refresh with parse + code on a local Dask cluster (a worker process per core, started
        # once, CARAVAN_DASK_ADDRESS); task bodies that run on workers are timed there, so compare wall times
        folder = work / f"dask-{n}"
        folder.mkdir()
        sources = write_sources(folder, f"batch_size: {batch_size}\nsources:\n  - id: bench-files\n    kind: files\n"
                                        f"    path: {corpus}/*.html\n    max_items: {n}\n")
        out["dask"] = run_child(["refresh", str(sources), str(folder / "w.duckdb"), str(os.cpu_count() or 1)], log)
        print(f"  N={n}: dask refresh done", flush=True)
    if "http" in modes:
        server = subprocess.Popen([sys.executable, "-m", "tests.bench", "--child", "serve", str(corpus)]
                                  + ([] if lastmod else ["--no-lastmod"]), cwd=REPO, stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline())
            folder = work / f"http-{n}"
            folder.mkdir()
            sources = write_sources(folder, FAST_FETCH + f"batch_size: {batch_size}\nsources:\n"
                                    f"  - id: bench-http\n    kind: sitemap\n"
                                    f"    url: http://127.0.0.1:{port}/sitemap.xml\n    allow_private: true\n"
                                    f"    max_items: {n}\n")
            out["http"] = run_child(["refresh", str(sources), str(folder / "w.duckdb")], log)
        finally:
            server.terminate()
            server.wait(timeout=10)
        print(f"  N={n}: http refresh done", flush=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return out


# ------------------------------------------------------------------------------------------- report

STAGE_LABELS = {
    "trafilatura_extract": "trafilatura.extract alone, same pages, interleaved (reference)",
    "fetch": "fetch: read_local",
    "parse": "parse + extract text: parse_document (lxml + trafilatura)",
    "code": "extract + code events: code_document",
    "load": "load: save_batch (one transaction per batch)",
    "views": "views + checks: refresh_views, run_checks (once)",
}


def ms(seconds: float, pages: int) -> str:
    return f"{1000 * seconds / pages:.2f}" if pages else "-"


def verdict(value: float | None, limit: float, lower_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value <= limit if lower_is_better else value >= limit
    return "ok" if ok else "MISSED"


def batch_rss_note(series: list[float] | None) -> str:
    """Resident memory between batches (after each batch's load): flat when nothing is kept from batch to batch."""
    if not series:
        return ""
    return (f"; resident between batches {series[0]:.0f} MB after the first, {series[-1]:.0f} MB after the last "
            f"(max {max(series):.0f}, {len(series)} batches)")


def report(results: dict) -> str:
    lines = [f"# Caravan benchmark, {results['date']}, {results['machine']}", ""]
    for r in results["runs"]:
        n = r["n"]
        lines += [f"## N = {n:,} pages ({r['corpus_mb']:.0f} MB of HTML)", ""]
        ref = r.get("reference")
        traf = ref["seconds"]["trafilatura_extract"] / ref["pages"] if ref else None
        if ref:
            lines += ["| reference (one core) | ms/page | pages/s |", "| --- | ---: | ---: |"]
            for key, label in (("trafilatura_extract", "trafilatura.extract alone (reference)"),
                               ("selectolax_parse", "selectolax parse (floor)"), ("lxml_parse", "lxml parse")):
                s = ref["seconds"][key]
                lines.append(f"| {label} | {ms(s, ref['pages'])} | {ref['pages'] / s:,.0f} |")
            lines.append("")
        st = r.get("stages")
        if st:
            p = st["pages"]
            if "trafilatura_extract" in st["seconds"]:   # measured interleaved with the stages: the ratio's base
                traf = st["seconds"]["trafilatura_extract"] / p
            lines += ["| stage, no Prefect | ms/page | x trafilatura |", "| --- | ---: | ---: |"]
            for key in ("trafilatura_extract", "fetch", "parse", "code", "load", "views"):
                if key not in st["seconds"]:
                    continue
                s = st["seconds"][key]
                label = STAGE_LABELS[key]
                lines.append(f"| {label} | {ms(s, p)} | {s / p / traf:.2f} |" if traf else f"| {label} | {ms(s, p)} | |")
            work = sum(st["seconds"].get(k, 0.0) for k in ("parse", "code", "load"))
            ratio = work / p / traf if traf else None
            r["pipeline_ratio"] = ratio
            lines += [f"| **parse + extract + code + load** | **{ms(work, p)}** | **{ratio:.2f}** "
                      f"(target ≤ {TARGETS['pipeline_vs_trafilatura']}: {verdict(ratio, TARGETS['pipeline_vs_trafilatura'])}) |"
                      if ratio else f"| parse + code + load | {ms(work, p)} | |",
                      "", f"{st['documents']:,} documents, {st['events']:,} events coded; "
                      f"peak memory {st['peak_rss_mb']:.0f} MB", ""]
        if r.get("dask"):
            d = r["dask"]
            pages = max(1, d["full"]["counts"].get("documents_parsed", 0))
            line = (f"### refresh_flow on a local Dask cluster ({os.cpu_count()} worker processes, started once "
                    f"in {d['dask_cluster_startup']:.1f} s)\n\n"
                    f"- flow wall time {d['full']['wall']:.1f} s, {pages / d['full']['wall']:,.1f} pages/s; "
                    f"nothing changed: {d['unchanged']['wall']:.1f} s")
            if r.get("files"):
                line += f"; {r['files']['full']['wall'] / d['full']['wall']:.2f}x the thread runner's throughput"
            lines += [line, ""]
        for mode in ("files", "http"):
            rr = r.get(mode)
            if not rr:
                continue
            full, again = rr["full"], rr["unchanged"]
            pages = max(1, full["counts"].get("documents_parsed", 0) + full["counts"].get("parse_failed", 0))
            share = full["prefect"] / full["wall"]
            unchanged = again["wall"] / full["wall"]
            r[f"{mode}_prefect_share"] = share
            r[f"{mode}_unchanged_ratio"] = unchanged
            lines += [f"### refresh_flow over {'a `files` source' if mode == 'files' else 'HTTP (loopback sitemap)'}", "",
                      "| task body | s | ms/page |", "| --- | ---: | ---: |"]
            for key, s in full["tasks"].items():
                lines.append(f"| {key} | {s:.1f} | {ms(s, pages)} |")
            lines += [f"| **flow wall time** | **{full['wall']:.1f}** | **{ms(full['wall'], pages)}** |",
                      f"| Prefect orchestration (wall − task bodies) | {full['prefect']:.1f} | {ms(full['prefect'], pages)} |",
                      "",
                      f"- {pages / full['wall']:,.1f} pages/s end to end; {full['totals']['documents']:,} documents, "
                      f"{full['totals']['events']:,} events; status {full['status']}",
                      f"- Prefect's share of the run: {100 * share:.1f} % (target ≤ {100 * TARGETS['prefect_share']:.0f} %"
                      f" at 20,000: {verdict(share, TARGETS['prefect_share'])}); start-up of the temporary API "
                      f"{rr['prefect_startup']:.1f} s, not counted",
                      f"- nothing changed: {again['wall']:.1f} s = {100 * unchanged:.1f} % of the full refresh "
                      f"(target ≤ {100 * TARGETS['unchanged_vs_full']:.0f} %: {verdict(unchanged, TARGETS['unchanged_vs_full'])}); "
                      f"its task bodies: " + ", ".join(f"{k} {v:.1f} s" for k, v in again["tasks"].items())
                      + f"; pages fetched {again['counts'].get('fetched', 0)}, not modified (304) "
                      f"{again['counts'].get('not_modified', 0)}, not requested {again['counts'].get('skipped', 0)}",
                      f"- peak memory {rr['peak_rss_mb']:.0f} MB (after the rerun {rr['peak_rss_after_rerun_mb']:.0f} MB)"
                      + batch_rss_note(full.get("batch_rss_mb")),
                      ""]
    runs = results["runs"]
    if len(runs) > 1:
        lines += ["## Memory from the smallest to the largest N", "", "| measurement | " +
                  " | ".join(f"N = {r['n']:,}" for r in runs) + " | growth |", "| --- |" + " ---: |" * (len(runs) + 1)]
        for mode in ("reference", "stages", "files", "http"):
            values = [r[mode]["peak_rss_mb"] for r in runs if mode in r]
            if len(values) == len(runs):
                growth = values[-1] / values[0] - 1
                lines.append(f"| {mode} | " + " | ".join(f"{v:.0f} MB" for v in values) +
                             f" | {100 * growth:+.0f} % ({verdict(abs(growth), TARGETS['memory_growth'])}) |")
        lines.append("")
    views = results.get("views")
    if views:
        lines += [f"## Views over {views['events']:,} synthetic events ({views['engagements']:,} engagements)", "",
                  f"generate {views['seconds']['generate']:.1f} s, refresh_views (rebuilds engagements) "
                  f"{views['seconds']['refresh_views']:.1f} s; again with nothing loaded "
                  f"{views['seconds'].get('refresh_views_unchanged', float('nan')):.2f} s, after a load of 200 "
                  f"documents {views['seconds'].get('refresh_views_200_docs', float('nan')):.2f} s; "
                  f"peak memory {views['peak_rss_mb']:.0f} MB", "",
                  "| query | view s | bare GROUP BY s | ratio |", "| --- | ---: | ---: | ---: |"]
        for name, q in views["queries"].items():
            lines.append(f"| {name} | {q['view_s']:.3f} | {q['bare_s']:.3f} | {q['ratio']:.2f} "
                         f"({verdict(q['ratio'], TARGETS['views_vs_groupby'])}) |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, *rest = argv[1:]
        if kind == "serve":
            serve(pathlib.Path(rest[0]), lastmod="--no-lastmod" not in rest)
            return 0
        if kind == "reference":
            result = child_reference(pathlib.Path(rest[0]))
        elif kind == "stages":
            result = child_stages(pathlib.Path(rest[0]), pathlib.Path(rest[1]), int(rest[2]))
        elif kind == "refresh":
            result = child_refresh(pathlib.Path(rest[0]), pathlib.Path(rest[1]), int(rest[2]) if rest[2:] else 0)
        elif kind == "views":
            result = child_views(pathlib.Path(rest[0]), int(rest[1]))
        else:
            raise SystemExit(f"unknown child {kind}")
        print(json.dumps(result, default=str), flush=True)
        return 0
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="pages per run (repeat for several; default 1000)")
    parser.add_argument("--events", type=int, default=10_000_000, help="synthetic events for the views run")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--only", action="append", choices=["reference", "stages", "files", "http", "views", "dask"],
                        help="run only these measurements (repeatable)")
    parser.add_argument("--no-lastmod", action="store_true",
                        help="http: serve the sitemap without <lastmod> (the rerun revalidates every page: 304s)")
    parser.add_argument("--workdir", type=pathlib.Path, help="keep corpora and warehouses here (default: a temp dir)")
    parser.add_argument("--json", type=pathlib.Path, help="also write the figures as JSON")
    parser.add_argument("--report", type=pathlib.Path, action="append",
                        help="print the report of JSON written by --json (repeat to merge runs); run nothing")
    args = parser.parse_args(argv)
    if args.report:
        merged: dict = {}
        for path in args.report:
            data = json.loads(path.read_text(encoding="utf-8"))
            runs = merged.get("runs", []) + data.get("runs", [])
            merged = {**merged, **data, "runs": sorted(runs, key=lambda r: r["n"])}
            if merged.get("views") is None and data.get("views"):
                merged["views"] = data["views"]
        print(report(merged))
        return 0
    modes = set(args.only or ["reference", "stages", "files", "http", "views"])
    sizes = sorted(set(args.n or [1000]))
    work = args.workdir or pathlib.Path(tempfile.mkdtemp(prefix="caravan-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = work / "bench.log"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    results: dict = {"date": dt.date.today().isoformat(), "machine": f"{os.cpu_count()} cores, Python "
                     f"{sys.version.split()[0]}, commit {commit.strip() or '?'}", "targets": TARGETS, "runs": []}
    print(f"bench: work in {work} (child logs in {log})", flush=True)
    try:
        for n in sizes:
            run_dir = work / f"n{n}"
            run_dir.mkdir(exist_ok=True)
            results["runs"].append(measure_n(n, run_dir, args.batch_size, modes, log, lastmod=not args.no_lastmod))
        if "views" in modes:
            results["views"] = run_child(["views", str(work / "views.duckdb"), str(args.events)], log)
            (work / "views.duckdb").unlink(missing_ok=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
