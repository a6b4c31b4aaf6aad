"""Skipping requests a crawler need not make (issue #7): a page the warehouse already has is not requested when
the sitemap <lastmod> / feed item date says it has not changed since we had it, or while its last response is
still fresh per Cache-Control max-age / Expires (RFC 9111). Pure checks of the rules, then refreshes end to end
over real HTTP (pytest-httpserver on loopback, a real DuckDB file, real Prefect flow runs), counting the
requests the server saw."""
from __future__ import annotations

import datetime as dt
import email.utils
import pathlib

import duckdb
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from flows.config import ConfigError, load_config
from flows.fetch import SKIP_FRESH, SKIP_LISTING, fresh_until, skip_reason
from tests.conftest import FAST_FETCH, write_sources
from transforms.feeds import parse_feed, parse_lastmod, parse_sitemap

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 3, 10, 12, 0, 0, tzinfo=UTC)

# --------------------------------------------------------------------------------------- listing dates


def test_lastmod_forms_and_their_precision() -> None:
    day = parse_lastmod("2024-06-11")
    assert (day.precision, day.zoned, day.text()) == ("day", False, "2024-06-11")
    # a date alone may be that day in any time zone: it can mean as late as 12:00 UTC the next day
    assert day.latest == dt.datetime(2024, 6, 12, 11, 59, 59, 999999, tzinfo=UTC)
    full = parse_lastmod("2024-06-11T14:05:07+05:00")
    assert (full.precision, full.zoned, full.at) == ("second", True, dt.datetime(2024, 6, 11, 9, 5, 7, tzinfo=UTC))
    assert full.text() == "2024-06-11T09:05:07+00:00"
    assert parse_lastmod("2024-06-11T09:05:07.25Z").text() == full.text()
    assert parse_lastmod("2024-06-11T09:05Z").precision == "minute"
    assert parse_lastmod("2024-06").precision == "month" and parse_lastmod("2024").precision == "year"
    rss = parse_lastmod("Tue, 11 Jun 2024 09:05:07 GMT")
    assert rss.precision == "second" and rss.text() == full.text()
    for bad in ("", "   ", "yesterday", "2024-13-01", "2024-02-30", "2024-06-11T25:00Z", "11/06/2024", "0024-01-01",
                "2024-06-11T10:00+19:00"):
        assert parse_lastmod(bad) is None, bad


def test_sitemap_and_feed_carry_their_dates() -> None:
    sitemap = parse_sitemap(b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://news.example/a</loc><lastmod>2024-06-11T09:05:07Z</lastmod></url>
        <url><lastmod>2024-06-12</lastmod><loc>https://news.example/b</loc></url>
        <url><loc>https://news.example/c</loc><lastmod>last tuesday</lastmod></url>
        <url><loc>https://news.example/d</loc></url></urlset>""", "https://news.example/sitemap.xml")
    assert sitemap.urls == [f"https://news.example/{x}" for x in "abcd"]
    assert {u: s.text() for u, s in sitemap.lastmod.items()} == {
        "https://news.example/a": "2024-06-11T09:05:07+00:00", "https://news.example/b": "2024-06-12"}
    atom = parse_feed(b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><title>One</title><link href="https://news.example/one"/><published>2024-06-01T08:00:00Z</published>
               <updated>2024-06-03T10:30:00Z</updated></entry>
        <entry><title>Two</title><link href="https://news.example/two"/><published>2024-06-02T08:00:00Z</published>
        </entry></feed>""", "https://news.example/feed")
    # the last change counts (updated), else the publication date; the document date stays the publication date
    assert [i.updated.text() for i in atom] == ["2024-06-03T10:30:00+00:00", "2024-06-02T08:00:00+00:00"]
    assert atom[0].published == dt.datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
    rss = parse_feed(b"""<rss version="2.0"><channel><title>t</title>
        <item><title>A</title><link>https://news.example/a</link><pubDate>Tue, 11 Jun 2024 09:05:07 +0000</pubDate></item>
        <item><title>B</title><link>https://news.example/b</link><pubDate>soon</pubDate></item>
        </channel></rss>""", "https://news.example/rss")
    assert rss[0].updated.text() == "2024-06-11T09:05:07+00:00" and rss[1].updated is None


# ------------------------------------------------------------------------------------------ freshness


def http_date(when: dt.datetime) -> str:
    return email.utils.format_datetime(when.astimezone(UTC), usegmt=True)


def test_freshness_follows_rfc9111() -> None:
    got = NOW
    assert fresh_until({"cache-control": "public, max-age=600"}, got) == got + dt.timedelta(seconds=600)
    # the response was already 100 s old (Age), or its Date lies 30 s behind us: that much less fresh
    assert fresh_until({"cache-control": "max-age=600", "age": "100"}, got) == got + dt.timedelta(seconds=500)
    assert fresh_until({"cache-control": "max-age=600", "date": http_date(got - dt.timedelta(seconds=30))},
                       got) == got + dt.timedelta(seconds=570)
    # Expires counts from the server's Date; max-age wins over Expires
    assert fresh_until({"date": http_date(got), "expires": http_date(got + dt.timedelta(hours=1))},
                       got) == got + dt.timedelta(hours=1)
    assert fresh_until({"cache-control": "max-age=60", "expires": http_date(got + dt.timedelta(hours=1))},
                       got) == got + dt.timedelta(seconds=60)
    # no explicit freshness, or one that forbids reuse: ask every time
    for headers in ({}, {"last-modified": http_date(got - dt.timedelta(days=30))},
                    {"cache-control": "no-cache, max-age=600"}, {"cache-control": "no-store"},
                    {"cache-control": "max-age=0"}, {"cache-control": "max-age=ten"}, {"expires": "0"},
                    {"pragma": "no-cache", "expires": http_date(got + dt.timedelta(hours=1))},
                    {"cache-control": "max-age=60", "age": "90"},
                    {"date": http_date(got), "expires": http_date(got - dt.timedelta(minutes=1))}):
        assert fresh_until(headers, got) is None, headers


# ------------------------------------------------------------------------------------------ the rule

def basis(checked: dt.datetime, listed: str | None = None, *, failed: dt.datetime | None = None,
          fresh: dt.datetime | None = None) -> dict:
    """What read_revisit.sql gives for a URL (naive UTC timestamps, as DuckDB returns them)."""
    naive = (lambda t: t.astimezone(UTC).replace(tzinfo=None) if t else None)
    return {"checked_at": naive(checked), "listed_lastmod": listed, "fresh_until": naive(fresh),
            "failed_at": naive(failed)}


def test_listing_date_rule() -> None:
    checked = NOW - dt.timedelta(days=1)
    older = parse_lastmod("2026-03-01T08:00:00Z")
    skip = lambda b, stamp, **kw: skip_reason(b, listed=stamp, listing="sitemap", now=NOW, **kw)  # noqa: E731
    assert skip(basis(checked), older) == SKIP_LISTING["sitemap"]
    assert skip_reason(basis(checked), listed=older, listing="feed", now=NOW) == SKIP_LISTING["feed"]
    # never fetched, no date, or a date newer than our copy: ask the server
    assert skip(None, older) is None and skip({}, older) is None
    assert skip(basis(checked), None) is None
    assert skip(basis(checked), parse_lastmod("2026-03-09T18:00:00Z")) is None
    # a date other than the one recorded with our copy is a change, even an older one (a backdated lastmod),
    # and it outweighs a response still fresh per the cache
    assert skip(basis(checked, "2026-03-02T08:00:00+00:00"), older) is None
    assert skip(basis(checked, "2026-03-02T08:00:00+00:00", fresh=NOW + dt.timedelta(hours=1)), older) is None
    assert skip(basis(checked, older.text()), older) == SKIP_LISTING["sitemap"]
    # a failure after the last success is retried; a failure before it does not matter
    assert skip(basis(checked, failed=checked + dt.timedelta(hours=1)), older) is None
    assert skip(basis(checked, failed=checked - dt.timedelta(hours=1)), older) == SKIP_LISTING["sitemap"]
    # revalidate: always never skips; cache ignores the listing
    assert skip(basis(checked), older, mode="always") is None
    assert skip(basis(checked), older, mode="cache") is None


def test_day_precision_and_clock_skew() -> None:
    # fetched at 09:00 on the day the lastmod names: the page may have changed later that day
    same_day = basis(dt.datetime(2026, 3, 10, 9, 0, tzinfo=UTC), "2026-03-10")
    assert skip_reason(same_day, listed=parse_lastmod("2026-03-10"), listing="sitemap", now=NOW) is None
    # fetched two days later: that date is past in every time zone (and beyond the allowed clock skew)
    later = basis(dt.datetime(2026, 3, 12, 9, 0, tzinfo=UTC), "2026-03-10")
    assert (skip_reason(later, listed=parse_lastmod("2026-03-10"), listing="sitemap",
                        now=dt.datetime(2026, 3, 13, tzinfo=UTC)) == SKIP_LISTING["sitemap"])
    # the site's clock may run behind ours: a lastmod 2 minutes before our fetch is not proof...
    fetched = NOW - dt.timedelta(hours=2)
    near = parse_lastmod((fetched - dt.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    assert skip_reason(basis(fetched), listed=near, listing="sitemap", now=NOW) is None
    assert skip_reason(basis(fetched), listed=near, listing="sitemap", now=NOW, clock_skew=60) == SKIP_LISTING["sitemap"]
    # ...unless it is the very lastmod (to the second) the listing gave when we fetched: their clock, both times
    assert skip_reason(basis(fetched, near.text()), listed=near, listing="sitemap", now=NOW) == SKIP_LISTING["sitemap"]
    # equal at day precision proves nothing within the day
    assert skip_reason(same_day, listed=parse_lastmod("2026-03-10"), listing="sitemap", now=NOW) is None
    # the listing is trusted for recheck_days after we last heard from the server (then one conditional GET)
    old_contact = basis(NOW - dt.timedelta(days=31), "2026-01-05T10:00:00+00:00")
    january = parse_lastmod("2026-01-05T10:00:00Z")
    assert skip_reason(old_contact, listed=january, listing="sitemap", now=NOW) is None
    assert skip_reason(old_contact, listed=january, listing="sitemap", now=NOW, recheck_days=45) == SKIP_LISTING["sitemap"]
    assert skip_reason(old_contact, listed=january, listing="sitemap", now=NOW, recheck_days=0) == SKIP_LISTING["sitemap"]
    # a lastmod in the future (a wrong clock or a made-up date) is not trusted, even when unchanged
    future = parse_lastmod("2026-04-01T00:00:00Z")
    assert skip_reason(basis(fetched, future.text()), listed=future, listing="sitemap", now=NOW) is None


def test_fresh_response_is_skipped_until_it_expires() -> None:
    checked = NOW - dt.timedelta(minutes=5)
    fresh = basis(checked, fresh=NOW + dt.timedelta(minutes=5))
    assert skip_reason(fresh, now=NOW) == SKIP_FRESH
    assert skip_reason(fresh, now=NOW, mode="cache") == SKIP_FRESH
    assert skip_reason(fresh, now=NOW + dt.timedelta(minutes=6)) is None
    assert skip_reason(fresh, now=NOW, mode="always") is None
    assert skip_reason(basis(checked, fresh=NOW + dt.timedelta(minutes=5), failed=NOW), now=NOW) is None


def test_revalidate_setting(tmp_path: pathlib.Path) -> None:
    config = load_config(write_sources(tmp_path, """sources:
  - {id: a, kind: sitemap, url: "https://news.example/sitemap.xml"}
  - {id: b, kind: feed, url: "https://news.example/feed", revalidate: always}
  - {id: c, kind: page, url: "https://news.example/p", revalidate: cache}
"""))
    assert [s.revalidate for s in config.sources] == ["listing", "always", "cache"]
    assert config.fetch.clock_skew == 600 and config.fetch.recheck_days == 30
    with pytest.raises(ConfigError, match=r"id 'a'.*revalidate"):
        load_config(write_sources(tmp_path, 'sources:\n  - {id: a, kind: sitemap, url: "https://n.example/s", '
                                            'revalidate: never}\n'))
    with pytest.raises(ConfigError, match=r"revalidate.*unknown key"):
        load_config(write_sources(tmp_path, "sources:\n  - {id: f, kind: files, path: '*.html', revalidate: always}\n"))


# ------------------------------------------------------------------------------------ end to end, HTTP

ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-06-11T07:30:00+00:00"></head>
<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"""

STORIES = {
    "/news/wheat": ("Kazakh wheat for Afghanistan", "On 10 June 2024 Kazakhstan agreed to send 3,000 tonnes of wheat "
                    "flour to Afghanistan before the winter, a trade ministry statement said."),
    "/news/rail": ("Uzbek rail talks", "On 12 June 2024 Uzbek officials met Taliban representatives in Termez to "
                   "discuss a railway line to Mazar-i-Sharif."),
    "/news/border": ("Tajik border post", "On 14 June 2024 Tajik guards reported gunfire from the Afghan side of "
                     "the Panj river near a border post."),
}


class Site:
    """Loopback pages with an ETag each (304 to a matching If-None-Match) and optional extra headers."""

    def __init__(self, httpserver: HTTPServer, headers: dict[str, str] | None = None) -> None:
        self.server = httpserver
        self.version = {path: 1 for path in STORIES}
        self.headers = headers or {}
        self.broken: set[str] = set()
        httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nAllow: /\n")
        for path in STORIES:
            httpserver.expect_request(path).respond_with_handler(lambda request, path=path: self.page(request, path))

    def page(self, request: Request, path: str) -> Response:
        if path in self.broken:
            return Response("down for maintenance", status=503)
        etag = f'"{path}-v{self.version[path]}"'
        headers = {"ETag": etag, **self.headers}
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers=headers)
        title, text = STORIES[path]
        body = ARTICLE.format(title=title, text=f"{text} (version {self.version[path]})")
        return Response(body, status=200, headers=headers, content_type="text/html; charset=utf-8")

    def page_requests(self) -> list[str]:
        """Paths of the page requests so far (robots.txt and listings not counted); then forget them."""
        seen = [req.path for req, _ in self.server.log if req.path in STORIES]
        self.server.clear_log()
        return seen

    def conditional(self) -> list[bool]:
        return [bool(req.headers.get("If-None-Match")) for req, _ in self.server.log if req.path in STORIES]


def sitemap_xml(site: Site, lastmod: dict[str, str | None]) -> str:
    urls = "".join(f"<url><loc>{site.server.url_for(p)}</loc>"
                   + (f"<lastmod>{lastmod[p]}</lastmod>" if lastmod.get(p) else "") + "</url>" for p in STORIES)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def serve_sitemap(site: Site, lastmod: dict[str, str | None]) -> None:
    site.server.expect_request("/sitemap.xml").respond_with_handler(
        lambda request: Response(sitemap_xml(site, lastmod), content_type="application/xml"))


def refresh(tmp_path: pathlib.Path, source: str, **kwargs) -> dict:
    from flows.refresh import refresh_flow

    sources = write_sources(tmp_path, FAST_FETCH + "sources:\n" + source)
    return refresh_flow(sources_path=str(sources), db_path=str(tmp_path / "w.duckdb"), **kwargs)


def rows(tmp_path: pathlib.Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def sitemap_source(site: Site, extra: str = "") -> str:
    return (f"  - id: steppe\n    kind: sitemap\n    url: {site.server.url_for('/sitemap.xml')}\n"
            f"    allow_private: true\n{extra}")


@pytest.mark.usefixtures("prefect_harness")
def test_unchanged_sitemap_lastmod_makes_no_request(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)
    lastmod = {"/news/wheat": "2024-06-10T08:00:00+00:00", "/news/rail": "2024-06-12T09:30:15Z",
               "/news/border": "2024-06-14T17:45:00+05:00"}
    serve_sitemap(site, lastmod)
    first = refresh(tmp_path, sitemap_source(site))
    assert first["counts"]["fetched"] == 3 and first["counts"]["skipped"] == 0
    assert sorted(site.page_requests()) == sorted(STORIES)
    events = rows(tmp_path, "SELECT event_id FROM events ORDER BY 1")

    second = refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == []                   # not one page request
    c = second["counts"]
    assert c["skipped"] == c["skipped_sitemap_lastmod"] == 3
    assert c["fetched"] == c["not_modified"] == c["fetch_failed"] == 0 and c["documents_parsed"] == 0
    assert c["events_removed"] == 0 and rows(tmp_path, "SELECT event_id FROM events ORDER BY 1") == events
    assert second["sources"][0]["skipped"] == 3 and second["sources"][0]["status"] == "ok"
    # the run's record tells a skip from a 304, page by page
    recorded = rows(tmp_path, f"SELECT outcome, skip_reason, listed_lastmod, attempts FROM fetches "
                              f"WHERE run_id = '{second['run_id']}' AND url LIKE '%/news/%' ORDER BY url")
    assert recorded == [("skipped", "unchanged per sitemap lastmod", "2024-06-14T12:45:00+00:00", 0),
                        ("skipped", "unchanged per sitemap lastmod", "2024-06-12T09:30:15+00:00", 0),
                        ("skipped", "unchanged per sitemap lastmod", "2024-06-10T08:00:00+00:00", 0)]
    ((counts_json,),) = rows(tmp_path, f"SELECT counts_json FROM runs WHERE run_id = '{second['run_id']}'")
    assert '"skipped_sitemap_lastmod": 3' in counts_json

    # the publisher edits one page and moves its lastmod: that page alone is requested (a 200 with new text)
    site.version["/news/rail"] = 2
    lastmod["/news/rail"] = "2024-06-20T06:00:00Z"
    third = refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == ["/news/rail"]
    assert third["counts"]["fetched"] == 1 and third["counts"]["skipped"] == 2
    assert third["counts"]["documents_parsed"] == 1
    # a fourth run: the new lastmod is the one recorded with that fetch, so nothing is requested
    refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == []
    # --revalidate (revalidate="always") and force ask about every page: conditional GETs, 304s
    fifth = refresh(tmp_path, sitemap_source(site), revalidate="always")
    assert site.conditional() == [True, True, True] and sorted(site.page_requests()) == sorted(STORIES)
    assert fifth["counts"]["not_modified"] == 3 and fifth["counts"]["skipped"] == 0
    sixth = refresh(tmp_path, sitemap_source(site), force=True)
    assert len(site.page_requests()) == 3 and sixth["counts"]["skipped"] == 0


@pytest.mark.usefixtures("prefect_harness")
def test_no_usable_lastmod_or_revalidate_always_asks_the_server(httpserver: HTTPServer,
                                                                 tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)
    today = dt.datetime.now(UTC).strftime("%Y-%m-%d")
    # none, unreadable, and a date-only lastmod of today (the page may change again later today)
    serve_sitemap(site, {"/news/wheat": None, "/news/rail": "the other day", "/news/border": today})
    refresh(tmp_path, sitemap_source(site))
    site.page_requests()
    second = refresh(tmp_path, sitemap_source(site))
    assert site.conditional() == [True, True, True] and len(site.page_requests()) == 3
    assert second["counts"]["not_modified"] == 3 and second["counts"]["skipped"] == 0


@pytest.mark.usefixtures("prefect_harness")
def test_source_set_to_always_revalidates(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)
    serve_sitemap(site, {p: "2024-06-01T00:00:00Z" for p in STORIES})
    refresh(tmp_path, sitemap_source(site, "    revalidate: always\n"))
    site.page_requests()
    second = refresh(tmp_path, sitemap_source(site, "    revalidate: always\n"))
    assert len(site.page_requests()) == 3 and second["counts"]["not_modified"] == 3
    # the same source on the default setting: the old date is proof enough
    third = refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == [] and third["counts"]["skipped_sitemap_lastmod"] == 3


@pytest.mark.usefixtures("prefect_harness")
def test_failed_page_is_retried_not_skipped(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)
    serve_sitemap(site, {p: "2024-06-01T00:00:00Z" for p in STORIES})
    refresh(tmp_path, sitemap_source(site))
    site.page_requests()
    # the next run cannot get one page (its lastmod unchanged, so it was not even asked for): now force a failure
    site.broken.add("/news/border")
    refresh(tmp_path, sitemap_source(site), revalidate="always")
    assert "/news/border" in site.page_requests()
    site.broken.clear()
    again = refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == ["/news/border"]            # the failed page is asked for; the others skipped
    assert again["counts"]["not_modified"] == 1 and again["counts"]["skipped"] == 2
    refresh(tmp_path, sitemap_source(site))
    assert site.page_requests() == []                          # back to normal once it succeeded


@pytest.mark.usefixtures("prefect_harness")
def test_max_age_skips_until_expiry_then_revalidates(httpserver: HTTPServer, tmp_path: pathlib.Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.refresh

    site = Site(httpserver, headers={"Cache-Control": "max-age=3600"})
    source = f"  - id: one\n    kind: page\n    url: {site.server.url_for('/news/wheat')}\n    allow_private: true\n"
    refresh(tmp_path, source)
    assert site.page_requests() == ["/news/wheat"]
    ((fresh,),) = rows(tmp_path, "SELECT fresh_until FROM fetches WHERE outcome = 'ok' AND url LIKE '%wheat'")
    assert fresh is not None
    second = refresh(tmp_path, source)
    assert site.page_requests() == [] and second["counts"]["skipped_fresh"] == 1
    # an hour and a minute later the response is stale: a conditional GET, answered 304 with max-age again
    later = dt.datetime.now(UTC) + dt.timedelta(minutes=61)
    monkeypatch.setattr(flows.refresh, "utcnow", lambda: later)
    third = refresh(tmp_path, source)
    assert site.conditional() == [True] and site.page_requests() == ["/news/wheat"]
    assert third["counts"]["not_modified"] == 1 and third["counts"]["skipped"] == 0
    monkeypatch.undo()
    # the 304 renewed the freshness (from now): the next run asks nothing
    assert refresh(tmp_path, source)["counts"]["skipped_fresh"] == 1 and site.page_requests() == []


@pytest.mark.usefixtures("prefect_harness")
def test_feed_item_date_unchanged_skips_its_page(httpserver: HTTPServer, tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)
    updated = {"/news/wheat": "2024-06-10T08:00:00Z", "/news/rail": "2024-06-12T09:30:00Z",
               "/news/border": "2024-06-14T17:45:00Z"}

    def feed(request: Request) -> Response:
        entries = "".join(f"<entry><title>{STORIES[p][0]}</title><link href=\"{site.server.url_for(p)}\"/>"
                          f"<id>{p}</id><updated>{updated[p]}</updated><summary>{STORIES[p][1]}</summary></entry>"
                          for p in STORIES)
        return Response(f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe</title>{entries}</feed>',
                        content_type="application/atom+xml")

    httpserver.expect_request("/feed").respond_with_handler(feed)
    source = f"  - id: steppe-feed\n    kind: feed\n    url: {httpserver.url_for('/feed')}\n    allow_private: true\n"
    refresh(tmp_path, source)
    assert len(site.page_requests()) == 3
    second = refresh(tmp_path, source)
    assert site.page_requests() == [] and second["counts"]["skipped_feed_date"] == 3
    updated["/news/wheat"] = "2024-06-21T10:00:00Z"
    site.version["/news/wheat"] = 2
    third = refresh(tmp_path, source)
    assert site.page_requests() == ["/news/wheat"] and third["counts"]["fetched"] == 1
    assert third["counts"]["skipped_feed_date"] == 2


@pytest.mark.usefixtures("prefect_harness")
def test_feed_item_page_that_failed_is_retried_though_its_date_is_unchanged(httpserver: HTTPServer,
                                                                            tmp_path: pathlib.Path) -> None:
    site = Site(httpserver)

    def feed(request: Request) -> Response:
        items = "".join(f"<item><title>{STORIES[p][0]}</title><link>{site.server.url_for(p)}</link>"
                        f"<pubDate>Tue, 11 Jun 2024 09:05:07 GMT</pubDate>"
                        f"<description>{STORIES[p][1]}</description></item>" for p in STORIES)
        return Response(f'<rss version="2.0"><channel><title>Steppe</title>{items}</channel></rss>',
                        content_type="application/rss+xml")

    httpserver.expect_request("/rss").respond_with_handler(feed)
    source = f"  - id: steppe-rss\n    kind: feed\n    url: {httpserver.url_for('/rss')}\n    allow_private: true\n"
    site.broken.add("/news/border")
    first = refresh(tmp_path, source)
    assert "/news/border" in site.page_requests()
    assert first["counts"]["fetch_failed"] == 1          # the page failed; the item's own content stood in for it
    site.broken.clear()
    second = refresh(tmp_path, source)
    # the item's date has not moved, but its page never came: it is requested; the two others are not
    assert site.page_requests() == ["/news/border"]
    assert second["counts"]["fetched"] == 1 and second["counts"]["skipped_feed_date"] == 2
    third = refresh(tmp_path, source)
    assert site.page_requests() == [] and third["counts"]["skipped_feed_date"] == 3
