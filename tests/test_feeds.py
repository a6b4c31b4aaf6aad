"""Feeds and sitemaps: RSS 2.0, RSS 1.0/RDF, Atom, urlset, sitemapindex, gzip, and unsafe XML."""
from __future__ import annotations

import datetime as dt
import gzip
import time
import tracemalloc

import pytest

from transforms.errors import FeedError
from transforms.feeds import (
    MAX_DECOMPRESSED_BYTES,
    FeedItem,
    looks_like_feed,
    looks_like_sitemap,
    parse_feed,
    parse_sitemap,
)

BASE = "https://news.example.org/feeds/main.xml"
UTC = dt.timezone.utc

RSS2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example regional desk</title>
  <link>https://news.example.org/</link>
  <atom:link href="https://news.example.org/feeds/main.xml" rel="self" type="application/rss+xml"/>
  <item>
    <title>Rail freight memorandum &amp; timetable</title>
    <link>https://news.example.org/2025/05/rail-memorandum</link>
    <pubDate>Fri, 02 May 2025 07:00:00 +0500</pubDate>
    <description>Short summary of the rail story.</description>
    <content:encoded><![CDATA[<p>Ministers signed a memorandum on rail freight.</p>]]></content:encoded>
  </item>
  <item>
    <title>Border market reopens</title>
    <link>/2025/06/border-market</link>
    <dc:date>2025-06-03T10:30:00Z</dc:date>
    <description>&lt;p&gt;Traders returned to the seasonal market.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Canal survey&nbsp;begins</title>
    <guid isPermaLink="true">https://news.example.org/2025/07/canal-survey</guid>
    <pubDate>Thu, 17 Jul 2025 09:00:00 GMT</pubDate>
    <description>Engineers started surveying the shared canal.</description>
  </item>
  <item><title>No link at all</title><guid isPermaLink="false">tag:example,2025:42</guid></item>
  <item><title>Script link</title><link>javascript:alert(1)</link></item>
  <item><title>File link</title><link>file:///etc/passwd</link></item>
</channel>
</rss>"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example.org/rdf">
    <title>Example RDF channel</title><link>https://news.example.org/</link>
    <items><rdf:Seq><rdf:li resource="https://news.example.org/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://news.example.org/a">
    <title>Water talks continue</title><link>https://news.example.org/a</link>
    <description>Negotiators met again.</description><dc:date>2024-02-19</dc:date>
  </item>
  <item rdf:about="https://news.example.org/b">
    <title>Link only in rdf:about</title><dc:date>2024-02-20T08:00:00+06:00</dc:date>
  </item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/posts/">
  <title>Example analysis blog</title>
  <entry>
    <title type="html">&lt;em&gt;Corridors&lt;/em&gt; and customs</title>
    <link rel="self" href="https://blog.example.org/api/1"/>
    <link rel="alternate" type="text/html" href="corridors-and-customs"/>
    <published>2024-02-19T00:00:00+05:30</published>
    <updated>2024-03-01T00:00:00Z</updated>
    <summary>A short summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>First <b>bold</b> point.</p></div></content>
  </entry>
  <entry>
    <title>Only updated</title>
    <link href="https://blog.example.org/posts/only-updated"/>
    <updated>2024-04-05T12:00:00Z</updated>
    <content type="html">&lt;p&gt;Escaped markup body.&lt;/p&gt;</content>
  </entry>
</feed>"""


def test_rss2_items_dates_content_and_dropped_links():
    items = parse_feed(RSS2, BASE)
    assert items.kind == "rss2"
    assert [i.link for i in items] == [
        "https://news.example.org/2025/05/rail-memorandum",
        "https://news.example.org/2025/06/border-market",          # relative link resolved
        "https://news.example.org/2025/07/canal-survey",           # permalink guid used as link
    ]
    assert items[0] == FeedItem(
        link="https://news.example.org/2025/05/rail-memorandum", title="Rail freight memorandum & timetable",
        published=dt.datetime(2025, 5, 2, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        content_html="<p>Ministers signed a memorandum on rail freight.</p>")
    assert items[1].published == dt.datetime(2025, 6, 3, 10, 30, tzinfo=UTC)
    assert items[1].content_html == "<p>Traders returned to the seasonal market.</p>"
    assert items[2].title == "Canal survey\u00a0begins".replace("\u00a0", " ")  # &nbsp; (HTML entity) tolerated
    assert items[2].published == dt.datetime(2025, 7, 17, 9, 0, tzinfo=UTC)
    assert all(i.published is not None and i.published.tzinfo is not None for i in items)
    assert items.dropped == 2 and items.missing_link == 1


def test_rss1_rdf():
    items = parse_feed(RSS1, BASE)
    assert items.kind == "rss1"
    assert [(i.link, i.title) for i in items] == [
        ("https://news.example.org/a", "Water talks continue"),
        ("https://news.example.org/b", "Link only in rdf:about"),
    ]
    assert items[0].published == dt.datetime(2024, 2, 19, tzinfo=UTC)
    assert items[0].content_html == "Negotiators met again."
    assert items[1].published.utcoffset() == dt.timedelta(hours=6)


def test_atom_entries():
    items = parse_feed(ATOM, BASE)
    assert items.kind == "atom"
    first, second = items
    assert first.link == "https://blog.example.org/posts/corridors-and-customs"     # xml:base + alternate
    assert first.title == "Corridors and customs"
    assert first.published == dt.datetime(2024, 2, 19, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)))
    assert first.content_html == "<p>First <b>bold</b> point.</p>"                  # content beats summary
    assert second.published == dt.datetime(2024, 4, 5, 12, 0, tzinfo=UTC)
    assert second.content_html == "<p>Escaped markup body.</p>"


def test_encodings_bom_whitespace_and_multibyte_declarations():
    utf16 = RSS2.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert len(parse_feed(utf16, BASE)) == 3
    assert len(parse_feed(b"\n\n   " + RSS2, BASE)) == 3
    sjis = ('<?xml version="1.0" encoding="shift_jis"?><rss version="2.0"><channel><item><title>テスト</title>'
            '<link>https://example.jp/1</link></item></channel></rss>').encode("shift_jis")
    assert parse_feed(sjis, BASE)[0].title == "テスト"
    cp1251 = ('<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><item><title>Переговоры'
              '</title><link>https://example.kz/1</link></item></channel></rss>').encode("cp1251")
    assert parse_feed(cp1251, BASE)[0].title == "Переговоры"


def test_gzip_feed():
    assert len(parse_feed(gzip.compress(RSS2), BASE)) == 3


def test_malformed_xml_names_line_and_column():
    bad = b'<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>x</item>\n</channel></rss>'
    with pytest.raises(FeedError, match=r"malformed XML in feed: mismatched tag at line 4, column \d+"):
        parse_feed(bad, BASE)


@pytest.mark.parametrize("body, message", [
    (b"", "empty feed"),
    (b"plain words, no markup", "not XML"),
    (b"<html><body><p>a page</p></body></html>", r"not a feed: root element <html>"),
    (b"<urlset/>", r"not a feed: root element <urlset>"),
])
def test_not_a_feed(body, message):
    with pytest.raises(FeedError, match=message):
        parse_feed(body, BASE)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><item><title>&lol9;</title><link>https://x.example/1</link></item></channel></rss>"""


def test_billion_laughs_refused():
    start = time.perf_counter()
    with pytest.raises(FeedError, match="billion laughs"):
        parse_feed(BILLION_LAUGHS, BASE)
    with pytest.raises(FeedError, match="billion laughs"):
        parse_sitemap(BILLION_LAUGHS.replace(b"<rss", b"<urlset").replace(b"</rss>", b"</urlset>"), BASE)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("doctype", [
    b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>',
])
def test_xxe_refused_without_reading_the_file(doctype):
    body = (b'<?xml version="1.0"?>' + doctype
            + b"<rss version=\"2.0\"><channel><item><title>&xxe;</title><link>https://x.example/1</link>"
            + b"<description>&xxe;</description></item></channel></rss>")
    with pytest.raises(FeedError, match="XXE") as info:
        parse_feed(body, BASE)
    assert "root:" not in str(info.value)       # nothing of /etc/passwd's content


def test_external_dtd_reference_is_not_fetched():
    body = (b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
            b'"http://127.0.0.1:9/rss-0.91.dtd"><rss version="0.91"><channel><item><title>Old</title>'
            b"<link>https://old.example/1</link></item></channel></rss>")
    assert [i.link for i in parse_feed(body, BASE)] == ["https://old.example/1"]


def _big_rss(n: int) -> bytes:
    items = b"".join(b"<item><title>Item %d</title><link>https://big.example/%d</link>"
                     b"<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><description>Body %d</description></item>"
                     % (i, i, i) for i in range(n))
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>' + items + b"</channel></rss>"


def test_twenty_thousand_items_bounded():
    body = _big_rss(20_000)
    start = time.perf_counter()
    items = parse_feed(body, BASE, max_items=500)
    assert time.perf_counter() - start < 1
    assert len(items) == 500 and items.truncated
    assert items[0].link == "https://big.example/0" and items[-1].link == "https://big.example/499"

    start = time.perf_counter()
    everything = parse_feed(body, BASE, max_items=100_000)
    assert time.perf_counter() - start < 5
    assert len(everything) == 20_000 and not everything.truncated

    tracemalloc.start()
    parse_feed(body, BASE, max_items=100_000)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 40 * len(body)    # the items themselves plus a small, constant working set


def test_looks_like():
    assert looks_like_feed(RSS2) and looks_like_feed(RSS1) and looks_like_feed(ATOM)
    assert looks_like_feed(b"\xef\xbb\xbf" + RSS2)
    assert not looks_like_feed(b"<html><body>x</body></html>") and not looks_like_feed(URLSET)
    assert looks_like_sitemap(URLSET) and looks_like_sitemap(INDEX) and looks_like_sitemap(gzip.compress(URLSET))
    assert not looks_like_sitemap(RSS2) and not looks_like_sitemap(b"\x1f\x8b garbage")


# ------------------------------------------------------------------------------------------ sitemaps

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url><loc>https://news.example.org/a</loc><lastmod>2024-02-19</lastmod>
       <image:image><image:loc>https://news.example.org/a.png</image:loc></image:image></url>
  <url><loc> /relative/b </loc></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>data:text/html,hi</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.org/sitemap-2024.xml.gz</loc></sitemap>
  <sitemap><loc>https://news.example.org/sitemap-2025.xml</loc></sitemap>
</sitemapindex>"""


def test_sitemap_urlset():
    sm = parse_sitemap(URLSET, "https://news.example.org/sitemap.xml")
    assert sm.urls == ["https://news.example.org/a", "https://news.example.org/relative/b"]
    assert sm.sitemaps == [] and sm.dropped == 2 and not sm.truncated


def test_sitemap_index():
    sm = parse_sitemap(INDEX, BASE)
    assert sm.sitemaps == ["https://news.example.org/sitemap-2024.xml.gz", "https://news.example.org/sitemap-2025.xml"]
    assert sm.urls == []


def test_gzip_sitemap():
    sm = parse_sitemap(gzip.compress(URLSET), BASE)
    assert sm.urls[0] == "https://news.example.org/a" and len(sm.urls) == 2


def test_gzip_bomb_sitemap_is_capped():
    # ~60 MB of whitespace inside a urlset compresses to ~60 KB
    bomb = gzip.compress(b"<urlset>" + b" " * (MAX_DECOMPRESSED_BYTES + 10 * 1024 * 1024) + b"</urlset>", 9)
    assert len(bomb) < 200_000
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(FeedError, match="cap"):
        parse_sitemap(bomb, BASE)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 5
    assert peak < MAX_DECOMPRESSED_BYTES * 1.5


def test_corrupt_and_truncated_gzip():
    with pytest.raises(FeedError, match="gzip"):
        parse_sitemap(gzip.compress(URLSET)[:-20], BASE)
    with pytest.raises(FeedError, match="gzip"):
        parse_sitemap(b"\x1f\x8b\x08\x00garbage-garbage", BASE)


def test_sitemap_max_urls_and_text_form():
    many = (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + b"".join(b"<url><loc>https://s.example/%d</loc></url>" % i for i in range(5000)) + b"</urlset>")
    sm = parse_sitemap(many, BASE, max_urls=100)
    assert len(sm.urls) == 100 and sm.truncated
    text = b"https://s.example/1\nhttps://s.example/2\n\nftp://s.example/3\n"
    sm = parse_sitemap(text, BASE)
    assert sm.urls == ["https://s.example/1", "https://s.example/2"] and sm.dropped == 1


def test_sitemap_errors():
    with pytest.raises(FeedError, match="not a sitemap"):
        parse_sitemap(RSS2, BASE)
    with pytest.raises(FeedError, match=r"malformed XML in sitemap: .* at line 1, column"):
        parse_sitemap(b"<urlset><url><loc>https://a.example/</url></urlset>", BASE)
