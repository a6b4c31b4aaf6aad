"""Incremental, polite refreshes: conditional GETs (ETag -> 304), unchanged bytes not re-parsed, changed text
re-coded. Real HTTP from pytest-httpserver on loopback, a real DuckDB file, real Prefect flow runs."""
from __future__ import annotations

import pathlib

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import FAST_FETCH, write_sources

pytestmark = pytest.mark.usefixtures("prefect_harness")

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T07:30:00+00:00"></head>
<body><header><a href="/">Steppe Monitor</a> | <a href="/region">Region</a></header>
<article><h1>{title}</h1>{paragraphs}</article>
<aside>Subscribe to our weekly newsletter.</aside><footer>Steppe Monitor test pages for Caravan.</footer></body></html>"""

FIRST = ("Kazakh delegation visits Kabul", "2024-06-11", [
    "On 10 June 2024 a Kazakh delegation led by the trade minister visited Kabul and met Taliban officials.",
    "Kazakhstan agreed to send 3,000 tonnes of wheat flour to Afghanistan before the winter.",
    "The two sides also discussed a joint logistics hub near the Hairatan border crossing.",
])
SECOND = ("Tajikistan protests border shelling", "2024-07-02", [
    "On 1 July 2024 Tajikistan accused the Taliban of shelling a border post in the Darvoz district.",
    "The Tajik foreign ministry summoned the Afghan charge d'affaires in Dushanbe to protest.",
])


def article(story: tuple[str, str, list[str]]) -> bytes:
    title, date, sentences = story
    return ARTICLE.format(title=title, date=date,
                          paragraphs="".join(f"<p>{s}</p>" for s in sentences)).encode("utf-8")


class ConditionalPage:
    """An article endpoint that keeps its own ETag and answers 304 to a matching If-None-Match."""

    def __init__(self, body: bytes, etag: str | None) -> None:
        self.body, self.etag = body, etag
        self.requests: list[dict[str, str]] = []

    def __call__(self, request: Request) -> Response:
        self.requests.append(dict(request.headers))
        headers = {"ETag": self.etag} if self.etag else {}
        if self.etag and request.headers.get("If-None-Match") == self.etag:
            return Response(status=304, headers=headers)
        return Response(self.body, status=200, headers=headers, content_type="text/html; charset=utf-8")


def serve_article(httpserver: HTTPServer, page: ConditionalPage, path: str = "/region/kazakh-visit") -> str:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n", content_type="text/plain")
    httpserver.expect_request(path).respond_with_handler(page)
    return httpserver.url_for(path)


def query(db: pathlib.Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def refresh(sources: pathlib.Path, db: pathlib.Path) -> dict:
    from flows.refresh import refresh_flow

    return refresh_flow(sources_path=str(sources), db_path=str(db))


def setup_source(tmp_path: pathlib.Path, url: str) -> tuple[pathlib.Path, pathlib.Path]:
    sources = write_sources(tmp_path, FAST_FETCH + f"sources:\n  - id: steppe-monitor\n    kind: page\n    url: {url}\n")
    return sources, tmp_path / "w.duckdb"


def event_rows(db: pathlib.Path) -> list[tuple]:
    return query(db, "SELECT event_id, evidence FROM events ORDER BY event_id")


def test_etag_304_is_not_modified_and_events_stay(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    page = ConditionalPage(article(FIRST), etag='"sm-2024-06-11-a"')
    sources, db = setup_source(tmp_path, serve_article(httpserver, page))
    first = refresh(sources, db)
    assert first["counts"]["fetched"] == 1 and first["counts"]["documents_parsed"] == 1
    events_before = event_rows(db)
    assert events_before, "the first refresh coded no events from the article"
    assert "If-None-Match" not in page.requests[0]
    ((etag,),) = query(db, "SELECT etag FROM fetches WHERE outcome = 'ok' AND url LIKE '%kazakh-visit'")
    assert etag == page.etag

    second = refresh(sources, db)
    assert len(page.requests) == 2
    assert page.requests[1].get("If-None-Match") == page.etag       # the second request was conditional
    c = second["counts"]
    assert c["not_modified"] == 1 and c["fetched"] == 0
    assert c["documents_parsed"] == 0 and c["documents_unchanged"] == 0        # nothing to parse at all
    assert c["events_added"] == 0 and c["events_removed"] == 0
    assert event_rows(db) == events_before
    outcomes = query(db, "SELECT outcome, status_code FROM fetches WHERE url LIKE '%kazakh-visit' ORDER BY fetched_at")
    assert outcomes[-1] == ("not_modified", 304)
    # a third run still sends the validator: a 304 keeps what the warehouse knows about the page
    refresh(sources, db)
    assert page.requests[2].get("If-None-Match") == page.etag
    assert event_rows(db) == events_before


def test_same_bytes_without_etag_are_not_reparsed(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    page = ConditionalPage(article(FIRST), etag=None)
    sources, db = setup_source(tmp_path, serve_article(httpserver, page))
    refresh(sources, db)
    events_before = event_rows(db)
    ((updated_before,),) = query(db, "SELECT updated_at FROM documents")
    second = refresh(sources, db)
    assert "If-None-Match" not in page.requests[1]
    c = second["counts"]
    assert c["fetched"] == 1 and c["not_modified"] == 0               # a full 200 came back...
    assert c["documents_unchanged"] == 1 and c["documents_parsed"] == 0     # ...but its hash was known
    assert c["events_added"] == 0 and c["events_removed"] == 0
    assert event_rows(db) == events_before
    assert query(db, "SELECT updated_at FROM documents") == [(updated_before,)]


def test_changed_text_replaces_the_events(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    page = ConditionalPage(article(FIRST), etag='"v1"')
    sources, db = setup_source(tmp_path, serve_article(httpserver, page))
    refresh(sources, db)
    events_before = event_rows(db)
    assert events_before
    # the publisher rewrites the page: new bytes, new ETag
    page.body, page.etag = article(SECOND), '"v2"'
    second = refresh(sources, db)
    assert page.requests[1].get("If-None-Match") == '"v1"'
    c = second["counts"]
    assert c["fetched"] == 1 and c["documents_parsed"] == 1
    events_after = event_rows(db)
    assert events_after and not set(events_before) & set(events_after)
    assert c["events_removed"] == len(events_before) and c["events_added"] == len(events_after)
    assert all("Kazakh" not in evidence for _, evidence in events_after)
    assert query(db, "SELECT count(*), max(title) FROM documents") == [(1, SECOND[0])]
    ((etag,),) = query(db, "SELECT etag FROM fetches WHERE outcome = 'ok' ORDER BY fetched_at DESC LIMIT 1")
    assert etag == '"v2"'
    # and the new ETag is the one sent next time
    third = refresh(sources, db)
    assert page.requests[2].get("If-None-Match") == '"v2"' and third["counts"]["not_modified"] == 1
    assert event_rows(db) == events_after
