"""Property tests: whatever the bytes, parsing fails only with its own one-line error."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.errors import FeedError, ParseError
from transforms.feeds import looks_like_feed, looks_like_sitemap, parse_feed, parse_sitemap
from transforms.models import Document, RawPage
from transforms.parse import parse_document
from transforms.text import decode_body, parse_date_line, parse_date_string

FETCHED = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CONTENT_TYPES = st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/plain",
                                 "text/html; charset=windows-1251", "application/xhtml+xml",
                                 "application/octet-stream", "text/html; charset=bogus", "text/xml"])
HTML_PIECES = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "</body>", "<p>", "</p>", "<div>", "</div>", "<br>", "<script>",
    "</script>", "<title>", "</title>", "<h1>", "<!--", "-->", "<meta charset='cp1251'>", "<time datetime='2024-02-19'>",
    '<meta property="article:published_time" content="2024-02-30">', '<script type="application/ld+json">',
    '{"datePublished": "x", "author": [[{}]]}', "<", ">", "&amp;", "&#0;", "&#xD800;", "\x00", "\ufeff",
    "February 19, 2024", "17.07.2025", "Kazakhstan and Uzbekistan signed a transit agreement in Tashkent. ",
    "<a href='javascript:x'>", "<link rel=canonical href='http://[::1'>", "<html lang='zz-ZZ-x-1'>",
])
HTMLISH = st.lists(st.one_of(HTML_PIECES, st.text(max_size=40)), max_size=40).map("".join)


def _page(body: bytes, content_type, **kw) -> RawPage:
    return RawPage(source_id="p", url="https://example.org/p", final_url="https://example.org/p", status=200,
                   content_type=content_type, body=body, fetched_at=FETCHED, **kw)


def _check(raw: RawPage) -> None:
    try:
        doc = parse_document(raw)
    except ParseError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(doc, Document)
    assert doc.published_precision in ("day", "month", "year", "none")
    assert (doc.published_at is None) == (doc.published_precision == "none")
    assert "\x00" not in doc.text and doc.text == doc.text.strip()


@SETTINGS
@given(body=st.binary(max_size=2000), content_type=CONTENT_TYPES)
def test_parse_document_arbitrary_bytes(body, content_type):
    _check(_page(body, content_type))


@SETTINGS
@given(text=HTMLISH, content_type=CONTENT_TYPES,
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1", "utf-16-le"]),
       feed_title=st.one_of(st.none(), st.text(max_size=20)))
def test_parse_document_htmlish_text(text, content_type, encoding, feed_title):
    body = text.encode(encoding, errors="replace")
    _check(_page(body, content_type, feed_title=feed_title))


XML_PIECES = st.sampled_from([
    '<?xml version="1.0"?>', '<?xml version="1.0" encoding="shift_jis"?>', "<rss>", "</rss>", "<channel>",
    "</channel>", "<item>", "</item>", "<entry>", "</entry>", '<feed xmlns="http://www.w3.org/2005/Atom">',
    "</feed>", "<link>", "</link>", '<link href="', '"/>', "https://a.example/x", "javascript:1", "<title>",
    "</title>", "<pubDate>", "</pubDate>", "Mon, 99 Foo 2024", "2024-13-45T99:99", "<urlset>", "</urlset>",
    "<url>", "</url>", "<loc>", "</loc>", "<sitemapindex>", '<!DOCTYPE x [<!ENTITY a "b">]>', "&a;", "&nbsp;",
    "<![CDATA[", "]]>", "<", "&", "\x00", "\ufeff", '<content type="xhtml">', "<div>", "</div>", 'xml:base="::"',
])
XMLISH = st.lists(st.one_of(XML_PIECES, st.text(max_size=20)), max_size=40).map("".join)


@SETTINGS
@given(body=st.one_of(st.binary(max_size=2000), XMLISH.map(lambda s: s.encode("utf-8", "replace"))),
       base=st.sampled_from(["https://example.org/feed", "", "not a url", "http://[::1"]))
def test_feeds_and_sitemaps_raise_only_feed_error(body, base):
    for fn in (parse_feed, parse_sitemap):
        try:
            result = fn(body, base)
        except FeedError as exc:
            assert str(exc) and "\n" not in str(exc)
            continue
        links = [i.link for i in result] if fn is parse_feed else result.urls + result.sitemaps
        assert all(link.startswith(("http://", "https://")) for link in links)
    assert looks_like_feed(body) in (True, False)
    assert looks_like_sitemap(body) in (True, False)


@SETTINGS
@given(value=st.text(max_size=100))
def test_date_helpers_total(value):
    for fn in (parse_date_string, parse_date_line):
        got = fn(value)
        assert got is None or got[1] in ("day", "month", "year")


@SETTINGS
@given(body=st.binary(max_size=3000), header=st.one_of(st.none(), st.text(max_size=40)))
def test_decode_body_total(body, header):
    assert isinstance(decode_body(body, header).text, str)
