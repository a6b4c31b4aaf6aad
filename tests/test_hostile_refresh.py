"""Hostile and broken input through whole refresh runs: clear causes, nothing lost, no crash, no leak.

One `caravan refresh` (subprocess, net jail on) over every case of the bad-input corpus at once
(tests/hostile/corpus.py), then finer checks on what the loopback servers saw, a `--strict` rerun, an
in-process run where good sources turn hostile, and the CLI's handling of bad sources.yaml files.
"""
from __future__ import annotations

import json
import pathlib
import re
import sys

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FAST_FETCH, write_sources
from tests.hostile import texts
from tests.hostile.corpus import (BIG_FEED_MAX, CASE_IDS, PASSWD_TOKEN, SECRET_TOKEN, Corpus, billion_laughs,
                                  gzip_bomb, leak_report, serve_corpus)
from tests.hostile.netjail import NetJail
from tests.hostile.proc import CliRun, run_cli
from tests.hostile.rawserver import RawServer

pytestmark = pytest.mark.usefixtures("prefect_harness")

CEILING_SECONDS = 300        # generous: the run takes well under a minute here
CEILING_RSS_MB = 1536


def query(db: pathlib.Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def prefect_api_url(prefect_harness) -> str:
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value()


@pytest.fixture(scope="module")
def servers():
    server = HTTPServer(host="127.0.0.1")
    server.start()
    try:
        with RawServer() as raw:
            yield server, raw
    finally:
        server.clear()
        if server.is_running():
            server.stop()


class HostileRun:
    def __init__(self, corpus: Corpus, db: pathlib.Path, run: CliRun, requests: list[tuple[str, str]]) -> None:
        self.corpus, self.db, self.run, self.requests = corpus, db, run, requests
        self.summary = json.loads(run.stdout) if run.returncode == 0 or run.stdout.lstrip().startswith("{") else None

    def source(self, source_id: str) -> dict:
        return next(s for s in self.summary["sources"] if s["source_id"] == source_id)


@pytest.fixture(scope="module")
def hostile(servers, tmp_path_factory, prefect_api_url) -> HostileRun:
    server, raw = servers
    folder = tmp_path_factory.mktemp("hostile")
    corpus = serve_corpus(server, raw, folder)
    assert sorted(corpus.cases) == sorted(CASE_IDS)
    db = folder / "w.duckdb"
    run = run_cli(["refresh", "--sources", str(corpus.sources_path), "--db", str(db), "--json"],
                  timeout=CEILING_SECONDS * 2, prefect_api_url=prefect_api_url)
    print(f"\nhostile refresh over {len(corpus.cases)} sources: exit {run.returncode}, {run.seconds:.1f} s, "
          f"peak RSS {run.maxrss_mb:.0f} MB", file=sys.stderr)
    requests = [(req.path, req.query_string.decode()) for req, _resp in server.log]
    return HostileRun(corpus, db, run, requests)


# ------------------------------------------------------------------------------------- the whole run

def test_run_completes_with_exit_0_in_bounded_time_and_memory(hostile: HostileRun) -> None:
    run = hostile.run
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert hostile.summary["status"] == "completed_with_failures"
    assert run.seconds < CEILING_SECONDS, f"took {run.seconds:.0f} s"
    assert run.maxrss_mb < CEILING_RSS_MB, f"peak RSS {run.maxrss_mb:.0f} MB"


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_each_source_fails_with_its_cause_or_loads(hostile: HostileRun, case_id: str) -> None:
    case = hostile.corpus.cases[case_id]
    report = hostile.source(case_id)
    causes = " | ".join(report["causes"])
    docs = query(hostile.db, "SELECT url, text FROM documents WHERE source_id = ?", [case_id])
    if case.expect == "failed":
        assert report["status"] == "failed", (report["status"], causes)
        assert case_id in {s["source_id"] for s in hostile.summary["sources"] if s["status"] == "failed"}
    if case.expect == "problem":
        assert report["status"] in ("failed", "partial"), (report["status"], causes)
    if case.expect in ("failed", "problem"):
        assert re.search(case.cause, causes, re.I), f"{case_id}: cause {causes!r} does not match {case.cause!r}"
        assert all("\n" not in c and "Traceback" not in c for c in report["causes"])
        assert not docs, f"{case_id} loaded {[d[0] for d in docs]}"
    if case.expect == "loads":
        assert docs, f"{case_id}: nothing loaded; causes {causes!r}"
        assert any(case.marker in text for _url, text in docs), [t[:200] for _u, t in docs]
    for _url, text in docs:        # whatever loaded is clean text
        assert "\x00" not in text and "\ufffd" not in text[:2000]
        assert text.strip()


def test_failed_sources_are_on_record_with_cause_and_time(hostile: HostileRun) -> None:
    rows = dict(query(hostile.db, "SELECT source_id, last_error FROM source_health WHERE health = 'failing'"))
    expected = {c.id for c in hostile.corpus.cases.values() if c.expect == "failed" and c.kind != "files"
                and c.id != "feed-file-links-only"}    # its fetch was fine; every link was dropped unread
    # a page whose bytes arrived but cannot be parsed is a failed attempt too, its cause the parser's
    assert expected <= set(rows), sorted(expected - set(rows))
    for source_id in expected:
        assert rows[source_id], source_id
    for source_id in ("html-js-shell", "html-png-as-html", "html-pdf-as-html"):
        assert rows[source_id].startswith("parse: "), rows[source_id]
    failed_fetches = query(hostile.db, "SELECT count(*) FROM fetches WHERE outcome IN ('failed', 'blocked') "
                                       "AND (error IS NULL OR error = '' OR fetched_at IS NULL)")
    assert failed_fetches == [(0,)]


def test_good_sources_load_documents_and_events(hostile: HostileRun) -> None:
    for source_id, want_docs in (("good-page", 1), ("good-feed", 2), ("good-files", 1)):
        (docs, events), = query(hostile.db, "SELECT count(DISTINCT d.doc_id), count(e.event_id) FROM documents d "
                                            "LEFT JOIN events e USING (doc_id) WHERE d.source_id = ?", [source_id])
        assert docs == want_docs and events >= want_docs, (source_id, docs, events)
    texts_by_source = query(hostile.db, "SELECT source_id, text FROM documents WHERE source_id LIKE 'good-%'")
    joined = " ".join(t for _s, t in texts_by_source)
    for marker in (texts.GOOD_PAGE_MARKER, *texts.GOOD_FEED_MARKERS, texts.GOOD_BRIEF_MARKER):
        assert marker in joined
    pairs = set(query(hostile.db, "SELECT actor1, actor2 FROM events e JOIN documents d USING (doc_id) "
                                  "WHERE d.source_id = 'good-page'"))
    assert ("UZB", "TALIBAN") in pairs


def test_nothing_leaks_and_nothing_leaves_loopback(hostile: HostileRun) -> None:
    assert leak_report(hostile.db) == {}
    assert hostile.run.jail_attempts == [], "the guard let a connection to a non-loopback address through"
    paths = {p for p, _q in hostile.requests}
    assert "/feed/evil.dtd" not in paths            # the external DTD of the parameter-entity XXE
    for source_id in ("feed-bad-links", "sitemap-self-index", "http-redirect-file", "http-redirect-metadata",
                      "http-redirect-private"):
        rows = query(hostile.db, "SELECT url, outcome, error FROM fetches WHERE source_id = ? AND outcome <> 'ok'",
                     [source_id])
        for url, outcome, error in rows:
            assert outcome in ("blocked", "failed") and "refused" in error, (url, outcome, error)
    refused = {u for (u,) in query(hostile.db, "SELECT url FROM fetches WHERE source_id = 'feed-bad-links'")}
    assert {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/"} <= refused
    # file:// links in remote content are never read, so no row has a file:// URL except the files source
    assert query(hostile.db, "SELECT source_id, url FROM fetches WHERE url LIKE 'file:%' "
                             "AND source_id <> 'good-files' AND outcome = 'ok'") == []


def test_warehouse_is_consistent_after_the_run(hostile: HostileRun) -> None:
    assert query(hostile.db, "SELECT count(*) FROM events e LEFT JOIN documents d USING (doc_id) "
                             "WHERE d.doc_id IS NULL") == [(0,)]
    bad = query(hostile.db, "SELECT e.event_id FROM events e JOIN documents d USING (doc_id) "
                            "WHERE substr(d.text, e.start_char + 1, e.end_char - e.start_char) <> e.evidence")
    assert bad == []
    assert all(c["passed"] for c in hostile.summary["checks"]), [c for c in hostile.summary["checks"]
                                                                 if not c["passed"]]


# ----------------------------------------------------------------------- what the servers saw, per case

def test_robots_disallowed_page_is_never_requested(hostile: HostileRun) -> None:
    paths = [p for p, _q in hostile.requests]
    assert "/robots.txt" in paths
    assert not [p for p in paths if p.startswith("/private/")]


def test_feed_of_20000_items_is_bounded_to_max_items(hostile: HostileRun) -> None:
    item_requests = [p for p, _q in hostile.requests if p.startswith("/huge-item/")]
    assert 0 < len(item_requests) <= BIG_FEED_MAX
    (docs,), = query(hostile.db, "SELECT count(*) FROM documents WHERE source_id = 'feed-20000-items'")
    assert 0 < docs <= BIG_FEED_MAX


def test_sitemap_index_that_includes_itself_is_read_once(hostile: HostileRun) -> None:
    seen: dict[tuple[str, str], int] = {}
    for path, q in hostile.requests:
        if path.startswith("/sitemap/"):
            seen[(path, q)] = seen.get((path, q), 0) + 1
    assert seen.get(("/sitemap/index.xml", ""), 0) == 1, seen
    assert all(n == 1 for n in seen.values()), seen
    assert hostile.source("sitemap-self-index")["documents"] == 1


def test_retry_after_is_honoured_only_when_reasonable(hostile: HostileRun) -> None:
    hits = [p for p, _q in hostile.requests]
    assert hits.count("/status/429") == 2            # retries: 1 -> two attempts, a Retry-After of 1 s apart
    assert hits.count("/status/429-long") == 1       # a day's Retry-After: give up at once, do not sleep
    (duration,), = query(hostile.db, "SELECT max(duration_ms) FROM fetches WHERE source_id = "
                                     "'http-429-retry-after-huge'")
    assert duration < 3000
    (duration,), = query(hostile.db, "SELECT max(duration_ms) FROM fetches WHERE source_id = 'http-429'")
    assert duration >= 900                           # it did wait the second


def test_slow_servers_are_cut_by_the_deadline(hostile: HostileRun) -> None:
    rows = dict(query(hostile.db, "SELECT source_id, max(duration_ms) FROM fetches WHERE source_id IN "
                                  "('http-no-headers', 'http-drip-body', 'http-drip-headers') GROUP BY 1"))
    assert set(rows) == {"http-no-headers", "http-drip-body", "http-drip-headers"}
    for source_id, ms in rows.items():
        # total_timeout 4 s per attempt, two attempts at most, plus backoff
        assert ms < 2 * 4000 + 2000, (source_id, ms)


def test_size_caps_hold_while_streaming(hostile: HostileRun) -> None:
    rows = dict(query(hostile.db, "SELECT source_id, max(coalesce(bytes, 0)) FROM fetches WHERE source_id IN "
                                  "('html-huge-streamed', 'http-gzip-bomb') GROUP BY 1"))
    assert set(rows) == {"html-huge-streamed", "http-gzip-bomb"}
    assert all(b <= 4_000_000 + 65536 for b in rows.values()), rows
    raw_sizes = [p.stat().st_size for p in (hostile.db.parent / "raw").rglob("*") if p.is_file()]
    assert max(raw_sizes) < 4_000_000


# ----------------------------------------------------------------------------------- --strict rerun

def test_strict_rerun_exits_1_names_failures_and_keeps_earlier_loads(hostile: HostileRun, prefect_api_url) -> None:
    before = query(hostile.db, "SELECT doc_id, text_hash FROM documents ORDER BY 1")
    events_before = query(hostile.db, "SELECT event_id FROM events ORDER BY 1")
    run = run_cli(["refresh", "--sources", str(hostile.corpus.sources_path), "--db", str(hostile.db), "--strict"],
                  timeout=CEILING_SECONDS * 2, prefect_api_url=prefect_api_url)
    print(f"\nstrict rerun: exit {run.returncode}, {run.seconds:.1f} s, peak RSS {run.maxrss_mb:.0f} MB",
          file=sys.stderr)
    assert run.returncode == 1, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert run.jail_attempts == []
    out = run.stdout
    assert "source problems:" in out
    problem_lines = {line.split()[0]: line for line in out.splitlines()
                     if re.match(r"^\s{4}[a-z0-9][a-z0-9_.-]* \((failed|partial)\): ", line)}
    for case in hostile.corpus.cases.values():
        if case.expect in ("failed", "problem"):
            assert case.id in problem_lines, f"{case.id} not named in the summary"
            assert re.search(case.cause, problem_lines[case.id], re.I), problem_lines[case.id]
    # nothing earlier loaded was lost, and a rerun over the same bytes adds nothing
    assert query(hostile.db, "SELECT doc_id, text_hash FROM documents ORDER BY 1") == before
    assert query(hostile.db, "SELECT event_id FROM events ORDER BY 1") == events_before
    assert leak_report(hostile.db) == {}


# ------------------------------------------------------------- a good source turns hostile (in process)

@pytest.fixture
def jail():
    jail = NetJail()
    jail.install()
    try:
        yield jail
    finally:
        jail.uninstall()


def test_what_earlier_runs_loaded_stays_when_sources_turn_hostile(httpserver: HTTPServer, tmp_path: pathlib.Path,
                                                                   jail: NetJail) -> None:
    from flows.refresh import refresh_flow

    title, date, paras = texts.GOOD_PAGE
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    httpserver.expect_request("/a.html").respond_with_data(texts.article_html(title, date, paras),
                                                           content_type="text/html")
    httpserver.expect_request("/b.html").respond_with_data(
        texts.article_html("Dushanbe meeting", "2023-05-03", texts.UTF16_PARAGRAPHS), content_type="text/html")
    items = "".join(f"<item><title>{t}</title><link>{httpserver.url_for('/b.html')}</link></item>" for t in ["B"])
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>',
        content_type="application/rss+xml")
    sources = write_sources(tmp_path, FAST_FETCH + "  max_bytes: 2000000\nsources:\n"
                            f"  - id: page-a\n    kind: page\n    url: {httpserver.url_for('/a.html')}\n"
                            f"  - id: feed-b\n    kind: feed\n    url: {httpserver.url_for('/feed.xml')}\n")
    db = tmp_path / "w.duckdb"
    first = refresh_flow(sources_path=str(sources), db_path=str(db))
    assert first["counts"]["sources_failed"] == 0
    docs = query(db, "SELECT doc_id, source_id, text_hash FROM documents ORDER BY 1")
    events = query(db, "SELECT event_id, doc_id, evidence FROM events ORDER BY 1")
    assert len(docs) == 2 and len(events) >= 2

    # the page now serves a JS shell, then a gzip bomb; the feed turns into a billion-laughs document
    for hostile_page in ("shell", "bomb"):
        httpserver.clear()
        httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n",
                                                                   content_type="text/plain")
        if hostile_page == "shell":
            httpserver.expect_request("/a.html").respond_with_data(
                '<html><head><script src="/app.js"></script></head><body><div id="app"></div></body></html>',
                content_type="text/html")
        else:
            httpserver.expect_request("/a.html").respond_with_data(
                gzip_bomb(), content_type="text/html", headers={"Content-Encoding": "gzip"})
        httpserver.expect_request("/feed.xml").respond_with_data(billion_laughs(httpserver.url_for("/b.html")),
                                                                 content_type="application/rss+xml")
        summary = refresh_flow(sources_path=str(sources), db_path=str(db))
        by_id = {s["source_id"]: s for s in summary["sources"]}
        assert by_id["feed-b"]["status"] == "failed" and re.search("entit", " ".join(by_id["feed-b"]["causes"]))
        assert by_id["page-a"]["status"] in ("failed", "partial"), by_id["page-a"]
        assert by_id["page-a"]["causes"], by_id["page-a"]
        assert query(db, "SELECT doc_id, source_id, text_hash FROM documents ORDER BY 1") == docs
        assert query(db, "SELECT event_id, doc_id, evidence FROM events ORDER BY 1") == events
    health = dict(query(db, "SELECT source_id, health FROM source_health"))
    assert health["feed-b"] == "failing" and health["page-a"] == "failing"
    assert jail.attempts == []


# ------------------------------------------------------------------------------ bad sources.yaml: CLI

CONFIG_CASES = {
    "invalid-yaml": ("sources: [\n  - id: a\n    kind: page\n", r"invalid YAML at line \d+"),
    "unknown-kind": ("sources:\n  - id: pod\n    kind: podcast\n    url: http://127.0.0.1:9/x\n",
                     r"sources\[0\] \(id 'pod'\): key 'kind': unknown kind 'podcast'"),
    "missing-url": ("sources:\n  - id: nourl\n    kind: sitemap\n", r"sources\[0\] \(id 'nourl'\): key 'url': missing"),
    "wrong-type": ("sources:\n  - id: typed\n    kind: feed\n    url: http://127.0.0.1:9/f\n    max_items: lots\n",
                   r"sources\[0\] \(id 'typed'\): key 'max_items'"),
    "duplicate-ids": ("sources:\n  - id: twin\n    kind: files\n    path: a/*.txt\n"
                      "  - id: twin\n    kind: files\n    path: b/*.txt\n",
                      r"sources\[1\] \(id 'twin'\): key 'id': duplicate of sources\[0\]"),
    "empty-file": ("", r"the file is empty"),
    "page-file-url": ("sources:\n  - id: local-passwd\n    kind: page\n    url: file:///etc/passwd\n",
                      r"sources\[0\] \(id 'local-passwd'\): key 'url': .*absolute http\(s\) URL"),
    "binary-garbage": ("\x00\x01\x02 not yaml: [", r"invalid YAML|cannot read|top level"),
}


@pytest.mark.parametrize("name", sorted(CONFIG_CASES))
def test_cli_bad_config_exits_2_with_one_line(tmp_path: pathlib.Path, name: str) -> None:
    text, expected = CONFIG_CASES[name]
    sources = write_sources(tmp_path, text)
    db = tmp_path / "w.duckdb"
    run = run_cli(["refresh", "--sources", str(sources), "--db", str(db)], timeout=120)
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("caravan: error: ") and str(sources) in lines[0]
    assert re.search(expected, lines[0]), lines[0]
    assert run.jail_attempts == []


def test_cli_unknown_only_id_and_unusable_warehouse_exit_2(tmp_path: pathlib.Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(texts.GOOD_BRIEF)
    sources = write_sources(tmp_path, "sources:\n  - id: local\n    kind: files\n    path: docs/*.txt\n")
    run = run_cli(["refresh", "--sources", str(sources), "--db", str(tmp_path / "w.duckdb"), "--only", "nope"],
                  timeout=120)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "unknown source id" in run.stderr and "Traceback" not in run.stderr
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a DuckDB file\n" * 100)
    run = run_cli(["refresh", "--sources", str(sources), "--db", str(garbage)], timeout=120)
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr, run.stderr
    assert garbage.read_bytes() == b"this is not a DuckDB file\n" * 100     # not overwritten
