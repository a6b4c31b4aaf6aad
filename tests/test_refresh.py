"""The refresh flow end to end: real HTTP on loopback, a real DuckDB file, real Prefect flow runs."""
from __future__ import annotations

import pathlib
import socket
import subprocess
import sys

import duckdb
import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import FAST_FETCH, SEED_DOC, write_sources

pytestmark = pytest.mark.usefixtures("prefect_harness")

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title}</title><meta property="article:published_time" content="{date}T09:00:00+00:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>Copyright Example Press. All rights reserved.</footer></body></html>"""


@pytest.fixture(autouse=True)
def robots_allow_all(httpserver: HTTPServer) -> None:
    """A loopback site with a robots.txt that allows us (an unanswered robots.txt means 'disallow all')."""
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")


def page(title: str, date: str, body: str) -> str:
    return ARTICLE.format(title=title, date=date, body=body)


def count(db: pathlib.Path, sql: str, params: list | None = None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_refresh(sources: pathlib.Path, db: pathlib.Path, **kwargs) -> dict:
    from flows.refresh import refresh_flow

    return refresh_flow(sources_path=str(sources), db_path=str(db), **kwargs)


def test_seed_page_over_http(httpserver: HTTPServer, seed_html: bytes, shared_dir: pathlib.Path,
                             tmp_path: pathlib.Path) -> None:
    path = f"/idsacomments/{SEED_DOC}.html"
    httpserver.expect_request(path).respond_with_data(seed_html, content_type="text/html; charset=utf-8")
    url = httpserver.url_for(path)
    sources = write_sources(tmp_path, FAST_FETCH + f"sources:\n  - id: seed\n    kind: page\n    url: {url}\n")
    db = tmp_path / "w.duckdb"
    summary = run_refresh(sources, db)
    assert summary["counts"]["sources_failed"] == 0
    (doc_url, canonical, title, published, text), = count(
        db, "SELECT url, canonical_url, title, published_at, text FROM documents")
    assert doc_url == url
    assert canonical.startswith("https://idsa.in/idsacomments/")
    assert "Central Asian Engagement" in title
    assert str(published) == "2024-02-19"
    for boilerplate in ("Related Comments", "cookie", "Whatsapp", "Click here for detailed profile"):
        assert boilerplate not in text
    assert text.startswith("On 29 December 2023")
    # the raw bytes were landed by content hash, and the fetch is on record
    (content_hash, outcome), = count(db, "SELECT content_hash, outcome FROM fetches WHERE url = ?", [url])
    assert outcome == "ok"
    assert (tmp_path / "raw" / content_hash[:2] / content_hash).read_bytes() == seed_html
    # the evaluation script reads the warehouse and prints a score
    scored = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), "--db", str(db)],
                            capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.strip().splitlines()[-1].startswith("F1 ")


def kazakh_visit_source(httpserver: HTTPServer, tmp_path: pathlib.Path, path: str) -> pathlib.Path:
    """A sources.yaml with one page source: a short article (a visit, an aid delivery) served at `path`."""
    body = ("On 3 August 2023 Kazakhstan's deputy prime minister visited Kabul and met Taliban officials. "
            "Kazakhstan sent 5,000 tonnes of flour to Afghanistan in March 2023.")
    httpserver.expect_request(path).respond_with_data(page("Kazakh minister in Kabul", "2023-08-05", body),
                                                      content_type="text/html")
    return write_sources(tmp_path, FAST_FETCH + "sources:\n  - id: news\n    kind: page\n    url: "
                         + httpserver.url_for(path) + "\n")


def test_rerun_adds_no_rows(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    sources = kazakh_visit_source(httpserver, tmp_path, "/news/kazakh-visit")
    db = tmp_path / "w.duckdb"
    tables = ("documents", "events", "engagements", "sources", "actors")
    first = run_refresh(sources, db)
    before = {t: count(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}
    ids_before = count(db, "SELECT event_id FROM events ORDER BY 1")
    second = run_refresh(sources, db)
    after = {t: count(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}
    assert before["documents"] == 1 and before["events"] >= 1
    assert after == before
    assert count(db, "SELECT event_id FROM events ORDER BY 1") == ids_before
    assert first["counts"]["events_added"] == before["events"]
    assert second["counts"]["events_added"] == 0
    assert second["counts"]["documents_unchanged"] == 1
    # nothing loaded: engagements are not rebuilt; the loads' write-ahead log was checkpointed at the end
    assert (first["engagements"], second["engagements"]) == ("full", "unchanged")
    assert not pathlib.Path(str(db) + ".wal").exists()


def test_unreachable_source_is_reported_and_others_load(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    httpserver.expect_request("/ok").respond_with_data(
        page("Uzbek trade", "2024-03-01", "Uzbekistan signed a transit agreement with the Taliban in Tashkent."),
        content_type="text/html")
    dead = f"http://127.0.0.1:{free_port()}/gone"
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "brief.txt").write_text(
        "Brief\n12 March 2024\n\nTurkmenistan and the Taliban discussed the TAPI pipeline in Ashgabat.\n")
    sources = write_sources(tmp_path, FAST_FETCH + f"""sources:
  - id: good
    kind: page
    url: {httpserver.url_for('/ok')}
  - id: dead
    kind: page
    url: {dead}
  - id: local
    kind: files
    path: local/*.txt
  - id: empty-glob
    kind: files
    path: nothing/*.html
""")
    db = tmp_path / "w.duckdb"
    summary = run_refresh(sources, db)
    by_id = {s["source_id"]: s for s in summary["sources"]}
    assert by_id["dead"]["status"] == "failed"
    assert "dead" in {s["source_id"] for s in summary["sources"] if s["status"] == "failed"}
    assert any("127.0.0.1" in c or "connect" in c.lower() for c in by_id["dead"]["causes"])
    assert by_id["empty-glob"]["status"] == "failed"
    assert "matched no files" in by_id["empty-glob"]["causes"][0]
    assert by_id["good"]["status"] == "ok" and by_id["local"]["status"] == "ok"
    assert summary["counts"]["sources_failed"] == 2
    assert count(db, "SELECT count(*) FROM documents")[0][0] == 2
    (outcome, error), = count(db, "SELECT outcome, error FROM fetches WHERE url = ?", [dead])
    assert outcome == "failed" and error
    # what an earlier run loaded stays when its source fails later
    httpserver.clear()
    summary2 = run_refresh(sources, db)
    assert {s["source_id"] for s in summary2["sources"] if s["status"] == "failed"} >= {"good", "dead"}
    assert count(db, "SELECT count(*) FROM documents")[0][0] == 2


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Test wire</title><link>{base}</link><description>test</description>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>{link}</link><pubDate>{pub}</pubDate>
<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"""


def test_feed_of_three_items_yields_three_documents(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    stories = [
        ("kabul-talks", "Wed, 10 Jan 2024 08:00:00 GMT", "Kyrgyz officials held talks with the Taliban in Kabul."),
        ("flour-aid", "Thu, 11 Jan 2024 08:00:00 GMT", "Kazakhstan delivered 2,000 tonnes of flour to Afghanistan."),
        ("border-row", "Fri, 12 Jan 2024 08:00:00 GMT", "Tajikistan accused the Taliban of arming militants."),
    ]
    items = []
    for slug, pub, body in stories:
        link = httpserver.url_for(f"/news/{slug}")
        items.append(ITEM.format(title=slug.replace("-", " ").title(), link=link, pub=pub, body=body))
        if slug != "border-row":   # one linked page is missing: the item's own content is used instead
            httpserver.expect_request(f"/news/{slug}").respond_with_data(
                page(slug, "2024-01-10", body + " Officials confirmed it on Wednesday."), content_type="text/html")
        else:
            httpserver.expect_request(f"/news/{slug}").respond_with_data("gone", status=404)
    httpserver.expect_request("/feed.xml").respond_with_data(
        FEED.format(base=httpserver.url_for("/"), items="\n".join(items)), content_type="application/rss+xml")
    sources = write_sources(tmp_path, FAST_FETCH + "sources:\n  - id: wire\n    kind: feed\n    url: "
                            + httpserver.url_for("/feed.xml") + "\n")
    db = tmp_path / "w.duckdb"
    summary = run_refresh(sources, db)
    rows = count(db, "SELECT url, published_at, text FROM documents ORDER BY url")
    assert len(rows) == 3
    assert {r[0] for r in rows} == {httpserver.url_for(f"/news/{s}") for s, _, _ in stories}
    fallback = next(r for r in rows if r[0].endswith("border-row"))
    assert str(fallback[1]) == "2024-01-12"          # the item's own date
    assert "accused the Taliban" in fallback[2]
    wire = next(s for s in summary["sources"] if s["source_id"] == "wire")
    assert wire["status"] == "partial" and "404" in " ".join(wire["causes"])


def test_cli_bad_config_is_one_line(tmp_path: pathlib.Path) -> None:
    sources = write_sources(tmp_path, "sources:\n  - id: x\n    kind: page\n")
    done = subprocess.run([sys.executable, "-m", "flows.cli", "refresh", "--sources", str(sources),
                           "--db", str(tmp_path / "w.duckdb")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0, done.stderr
    assert "sources[0] (id 'x'): key 'url': missing" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_memory_cap_duckdb_cannot_work_under_is_lifted_not_fatal(httpserver: HTTPServer, tmp_path: pathlib.Path,
                                                                    monkeypatch, caplog) -> None:
    """The refresh caps DuckDB's memory (CARAVAN_DUCKDB_MEMORY); a load or a views rebuild that runs out under the
    cap is rolled back and done again without it, with a warning: the run completes with the same rows."""
    sources = kazakh_visit_source(httpserver, tmp_path, "/news/capped")
    uncapped = run_refresh(sources, tmp_path / "free.duckdb")
    monkeypatch.setenv("CARAVAN_DUCKDB_MEMORY", "256KB")     # far too little for anything DuckDB does
    with caplog.at_level("WARNING"):
        capped = run_refresh(sources, tmp_path / "capped.duckdb")
    assert "again without the cap" in caplog.text
    assert capped["status"] == uncapped["status"] == "completed"
    assert capped["totals"] == uncapped["totals"] and capped["totals"]["events"] >= 1
    assert (count(tmp_path / "capped.duckdb", "SELECT evidence FROM events ORDER BY 1")
            == count(tmp_path / "free.duckdb", "SELECT evidence FROM events ORDER BY 1"))
