"""`reprocess`: events rebuilt from the stored raw pages with no network at all, and re-coded under a new
coder version. A real loopback HTTP server (stopped before reprocessing), a real DuckDB file, real flow runs."""
from __future__ import annotations

import dataclasses
import json
import os
import pathlib
import socket
import subprocess
import sys

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FAST_FETCH, REPO, write_sources

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Turkmen and Taliban officials review TAPI progress</title>
<meta property="article:published_time" content="2024-09-12T06:00:00+00:00"></head>
<body><nav><a href="/">Caspian Ledger</a></nav><article>
<h1>Turkmen and Taliban officials review TAPI progress</h1>
<p>On 11 September 2024 Turkmenistan's foreign minister met Taliban officials in Herat to review work on the
TAPI gas pipeline.</p>
<p>Turkmenistan pledged $50 million for a power line that will reach Herat next year.</p>
<p>Uzbekistan did not attend the meeting in Herat.</p>
</article><footer>Caspian Ledger: a page written for Caravan's tests.</footer></body></html>"""


def query(db: pathlib.Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def refused(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) != 0


@pytest.fixture
def loaded(tmp_path: pathlib.Path):
    """A warehouse refreshed from a loopback server that is then stopped: nothing answers any more."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        server.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
        server.expect_request("/energy/tapi-review").respond_with_data(PAGE, content_type="text/html; charset=utf-8")
        url = server.url_for("/energy/tapi-review")
        sources = write_sources(tmp_path, FAST_FETCH + f"sources:\n  - id: caspian-ledger\n    kind: page\n    url: {url}\n")
        db = tmp_path / "w.duckdb"
        from flows.refresh import refresh_flow

        summary = refresh_flow(sources_path=str(sources), db_path=str(db))
        assert summary["counts"]["documents_parsed"] == 1
        assert len(server.log) == 2                 # robots.txt and the page
    finally:
        server.clear()
        server.stop()
    assert refused(server.host, server.port)
    return db


def events(db: pathlib.Path) -> list[tuple]:
    return query(db, "SELECT event_id, fingerprint, evidence, event_type, actor1, actor2 FROM events ORDER BY event_id")


def test_reprocess_rebuilds_events_from_raw_pages_without_network(loaded: pathlib.Path) -> None:
    from flows.refresh import reprocess_flow

    db = loaded
    before = events(db)
    assert before, "the refresh coded no events"
    docs_before = query(db, "SELECT doc_id, url, title, text, content_hash FROM documents")
    # delete every event, then rebuild them from the stored bytes alone (the server is gone)
    con = duckdb.connect(str(db))
    try:
        con.execute("DELETE FROM events")
    finally:
        con.close()
    assert events(db) == []
    summary = reprocess_flow(db_path=str(db))
    c = summary["counts"]
    assert c["raw_missing"] == 0 and c["documents_parsed"] == 1 and c["parse_failed"] == 0
    assert c["fetched"] == 0
    assert events(db) == before                                        # same ids, same coding
    assert query(db, "SELECT doc_id, url, title, text, content_hash FROM documents") == docs_before
    # reprocessing again is idempotent: no row added or removed
    again = reprocess_flow(db_path=str(db))
    assert again["counts"]["events_added"] == 0 and again["counts"]["events_removed"] == 0
    assert events(db) == before


def test_new_coder_version_recodes_stored_pages(loaded: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.refresh
    import transforms.coder
    import transforms.coder.pipeline
    import transforms.pipeline

    db = loaded
    before = events(db)
    old_version = transforms.coder.CODER_VERSION
    assert query(db, "SELECT DISTINCT coder_version FROM documents") == [(old_version,)]
    with_quantity = query(db, "SELECT event_id FROM events WHERE quantity_value IS NOT NULL")
    assert with_quantity, "the page's pledge should carry a quantity"
    upgraded = old_version + "+recode-test"
    # a coder upgrade: a new version string wherever the running code reads it, and a change of behaviour
    # (built on the real coder: this version no longer attaches quantities to events)
    for module in (transforms.coder, transforms.coder.pipeline, flows.refresh):
        monkeypatch.setattr(module, "CODER_VERSION", upgraded)
    real_code = transforms.pipeline.code_document

    def upgraded_coder(doc):
        return [dataclasses.replace(e, quantity_value=None, quantity_unit=None, quantity_text=None,
                                    coder_version=upgraded) for e in real_code(doc)]

    monkeypatch.setattr(transforms.pipeline, "code_document", upgraded_coder)
    summary = flows.refresh.reprocess_flow(db_path=str(db))
    c = summary["counts"]
    assert c["documents_parsed"] == 1
    assert query(db, "SELECT DISTINCT coder_version FROM documents") == [(upgraded,)]
    ((params,),) = query(db, "SELECT params_json FROM runs WHERE params_json LIKE '%reprocess%'")
    assert json.loads(params)["coder_version"] == upgraded                # the run log says which coder ran
    after = events(db)
    # the events it codes differently are replaced (new ids), the others keep theirs; same facts throughout
    assert c["events_removed"] == len(with_quantity) and c["events_added"] == len(with_quantity)
    assert not {row[0] for row in with_quantity} & {row[0] for row in after}
    assert sorted(row[1:] for row in after) == sorted(row[1:] for row in before)      # same fingerprints
    assert query(db, "SELECT count(*) FROM events WHERE quantity_value IS NOT NULL") == [(0,)]
    old_ids = {row[0] for row in before}
    versions = dict(query(db, "SELECT event_id, coder_version FROM events"))
    assert {v for k, v in versions.items() if k not in old_ids} == {upgraded}   # re-coded rows say by whom


def test_cli_reprocess_with_no_network(loaded: pathlib.Path) -> None:
    db = loaded
    before = events(db)
    from prefect.settings import PREFECT_API_URL

    # the session's test API, so the child process does not start a temporary server of its own
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()}
    done = subprocess.run([sys.executable, "-m", "flows.cli", "reprocess", "--db", str(db)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1 parsed" in done.stdout
    assert events(db) == before
