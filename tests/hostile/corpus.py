"""The bad-input corpus: every hostile case at its own loopback path, and a sources.yaml with one source each.

    with RawServer() as raw:
        corpus = serve_corpus(httpserver, raw, tmp_path)
        corpus.sources_path            # sources.yaml: one source per case + the good sources
        corpus.cases["http-429"]       # what that source must do (fail with a cause matching a pattern, or load)

Case outcomes:
    "failed"   the source is named failed, its causes match `cause`
    "problem"  the source is named (failed or partial), its causes match `cause`
    "loads"    at least one document of the source is in the warehouse and its text holds `marker`
    "survives" the run must not crash on it; load or fail, either is acceptable (the bytes are odd but not wrong)

Leak canaries: feed items, sitemap entries and redirects point at `file:///etc/passwd`, at a secret file we
write (`SECRET_TOKEN` inside), at the cloud metadata address and at private addresses. None may be fetched,
and neither token may reach documents, fetches or the raw store.
"""
from __future__ import annotations

import datetime
import functools
import gzip
import io
import pathlib
import re
import struct
import zlib
from dataclasses import dataclass, field

from pytest_httpserver import HTTPServer
from werkzeug.wrappers import Request, Response

from tests.hostile import texts
from tests.hostile.rawserver import RawServer

SECRET_TOKEN = "CARAVAN-CANARY-7f3e9b1c-do-not-load"
PASSWD_TOKEN = "root:x:0:0"
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
PRIVATE_URL = "http://10.0.0.1/"
PRIVATE_V6_MAPPED = "http://[::ffff:10.0.0.1]/admin"
GOPHER_URL = "gopher://127.0.0.1:70/"

# small, for fast failing runs; the cap is far below the big page and the bomb
HOSTILE_FETCH = """fetch:
  timeout: 1.5
  total_timeout: 4
  retries: 1
  backoff: 0.05
  max_retry_after: 1
  max_bytes: 4000000
  max_redirects: 4
  per_host_delay: 0
  per_host_concurrency: 4
  concurrency: 8
"""
MAX_BYTES = 4_000_000
BIG_FEED_ITEMS = 20_000
BIG_FEED_MAX = 6

# every source serve_corpus writes, in order (tests parametrize over these)
CASE_IDS = [
    "good-page", "good-feed", "good-files",
    "html-truncated", "html-no-body", "html-js-shell", "html-huge-streamed", "html-png-as-html", "html-pdf-as-html",
    "html-cp1251-meta", "html-utf16-bom", "html-null-bytes", "html-deep-nesting",
    "http-404", "http-410", "http-500", "http-503", "http-429", "http-429-retry-after-huge",
    "http-no-headers", "http-drip-body", "http-drip-headers", "http-reset-mid-body",
    "http-redirect-loop", "http-redirect-file", "http-redirect-secret-file", "http-redirect-metadata",
    "http-redirect-private", "http-gzip-bomb", "robots-disallowed",
    "feed-malformed", "feed-billion-laughs", "feed-xxe", "feed-xxe-parameter", "feed-bad-links", "feed-file-links-only",
    "feed-20000-items",
    "feed-local-file-links", "sitemap-self-index", "files-empty-glob",
]


@dataclass
class Case:
    id: str
    kind: str                       # page | feed | sitemap | files
    location: str                   # url, or path glob for files
    expect: str                     # failed | problem | loads | survives
    cause: str | None = None        # regex (case-insensitive) the joined causes must match
    marker: str | None = None       # text a loaded document must hold
    extra: dict = field(default_factory=dict)   # more keys for the sources.yaml entry
    note: str = ""

    def yaml(self) -> str:
        key = "path" if self.kind == "files" or (self.kind == "feed" and "://" not in self.location) else "url"
        lines = [f"  - id: {self.id}", f"    kind: {self.kind}", f"    {key}: '{self.location}'"]
        lines += [f"    {k}: {v}" for k, v in self.extra.items()]
        return "\n".join(lines)


@dataclass
class Corpus:
    cases: dict[str, Case]
    sources_path: pathlib.Path
    folder: pathlib.Path
    httpserver: HTTPServer
    raw: RawServer
    secret_path: pathlib.Path

    def requests_for(self, path: str) -> int:
        """How many requests the loopback HTTP server saw for `path` (query ignored)."""
        return sum(1 for req, _resp in self.httpserver.log if req.path == path)

    def requests_matching(self, pattern: str) -> list[str]:
        rx = re.compile(pattern)
        return [req.path for req, _resp in self.httpserver.log if rx.search(req.path)]


# ------------------------------------------------------------------------------------------ bytes

def png_bytes() -> bytes:
    """A real (tiny) PNG: signature, IHDR, IDAT, IEND."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(64)) for y in range(64))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf_bytes() -> bytes:
    stream = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Uzbekistan met the Taliban in Kabul) Tj ET" * 20)
    return (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            b"3 0 obj << /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >> stream\n"
            + stream + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


@functools.lru_cache(maxsize=1)
def gzip_bomb(size: int = 256 * 1024 * 1024) -> bytes:
    """`size` bytes of HTML-ish padding, gzip-compressed to about a thousandth of that."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [comp.compress(b"<html><body><p>")]
    block = b" " * (1 << 20)
    out += [comp.compress(block) for _ in range(size // len(block))]
    out.append(comp.flush())
    return b"".join(out)


def deep_nesting(levels: int = 30_000) -> bytes:
    inner = "<p>" + " ".join(texts.TRUNCATED_PARAGRAPHS) + "</p>"
    return ("<!DOCTYPE html><html><head><title>Deep</title></head><body>" + "<div>" * levels + inner
            + "</div>" * levels + "</body></html>").encode()


def feed_xml(base: str, items: list[tuple[str, str, str, str | None]], *, prolog: str = "") -> bytes:
    """RSS 2.0 of (title, link, pubDate, content_html or None)."""
    parts = []
    for title, link, pub, content in items:
        enc = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
        parts.append(f"<item><title>{title}</title><link>{link}</link><pubDate>{pub}</pubDate>{enc}</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
            f'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Test desk</title><link>{base}</link><description>tests</description>"
            + "".join(parts) + "</channel></rss>").encode()


def big_feed(base_url: str, n: int) -> bytes:
    buf = io.StringIO()
    buf.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Firehose</title>'
              f"<link>{base_url}</link><description>many</description>")
    for i in range(n):
        buf.write(f"<item><title>Item {i}</title><link>{base_url}huge-item/{i}</link>"
                  f"<pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate></item>")
    buf.write("</channel></rss>")
    return buf.getvalue().encode()


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><link>http://127.0.0.1/</link><description>x</description>
<item><title>&lol9;</title><link>{link}</link><description>&lol9;</description></item>
</channel></rss>"""

def billion_laughs(link: str) -> bytes:
    return BILLION_LAUGHS.replace("{link}", link).encode()


XXE_FEED = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY passwd SYSTEM "file:///etc/passwd">
 <!ENTITY secret SYSTEM "file://{secret}">
]>
<rss version="2.0"><channel><title>Leaky</title><link>http://127.0.0.1/</link><description>x</description>
<item><title>&passwd;</title><link>{link}</link><description>&secret; &passwd;</description></item>
</channel></rss>"""

XXE_PARAM_FEED = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY % remote SYSTEM "{dtd}">
 %remote;
]>
<rss version="2.0"><channel><title>Leaky</title><link>http://127.0.0.1/</link><description>x</description>
<item><title>Parameter entity</title><link>{link}</link><description>&exfil;</description></item>
</channel></rss>"""

MALFORMED_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken</title>
<item><title>First <b>item</title><link>{link}</link></item>
<item><title>Second</titel><link>{link}</link>
</channel>"""


# ------------------------------------------------------------------------------------------ serving

def _streamed_big_page(total: int):
    head = b"<!DOCTYPE html><html><head><title>Huge</title></head><body><article>"
    para = b"<p>" + (b"Kazakhstan sent flour to Afghanistan. " * 40) + b"</p>\n"

    def generate():
        sent = 0
        yield head
        while sent < total:
            yield para
            sent += len(para)
        yield b"</article></body></html>"
    return generate


def serve_corpus(httpserver: HTTPServer, raw: RawServer, folder: pathlib.Path,
                 *, with_slow: bool = True) -> Corpus:
    """Register every case on `httpserver` / `raw`, write the files it needs under `folder`, and a sources.yaml."""
    url = httpserver.url_for
    base = url("/")
    folder.mkdir(parents=True, exist_ok=True)
    secret = folder / "secret.txt"
    secret.write_text(f"{SECRET_TOKEN}\nUzbekistan visited Kabul on 1 May 2024 and met Taliban officials.\n")
    secret_uri = secret.resolve().as_uri()
    cases: list[Case] = []

    def page(path: str, body: bytes | str, *, ctype: str = "text/html", status: int = 200,
             headers: dict | None = None) -> str:
        httpserver.expect_request(path).respond_with_data(body, status=status, content_type=ctype,
                                                          headers=headers or {})
        return url(path)

    def add(case: Case) -> None:
        cases.append(case)

    # robots.txt for the whole loopback host: one path is off limits
    page("/robots.txt", "User-agent: *\nDisallow: /private/\n", ctype="text/plain")

    # ---------------------------------------------------------------- the good sources
    title, date, paras = texts.GOOD_PAGE
    add(Case("good-page", "page", page("/good/uzbek-kabul.html", texts.article_html(title, date, paras)),
             "loads", marker=texts.GOOD_PAGE_MARKER))
    feed_items = []
    for slug, pub, title, paras in texts.GOOD_FEED_ITEMS:
        iso = datetime.datetime.strptime(pub, "%a, %d %b %Y %H:%M:%S GMT").date().isoformat()
        link = page(f"/good/{slug}.html", texts.article_html(title, iso, paras))
        feed_items.append((title, link, pub, None))
    add(Case("good-feed", "feed", page("/good/feed.xml", feed_xml(base, feed_items), ctype="application/rss+xml"),
             "loads", marker=texts.GOOD_FEED_MARKERS[0]))
    (folder / "good-files").mkdir(exist_ok=True)
    (folder / "good-files" / "kyrgyz-brief.txt").write_text(texts.GOOD_BRIEF, encoding="utf-8")
    add(Case("good-files", "files", "good-files/*.txt", "loads", marker=texts.GOOD_BRIEF_MARKER))

    # ---------------------------------------------------------------- HTML bodies
    t_html = texts.article_html("Deputy premier in Kabul", "2023-08-04", texts.TRUNCATED_PARAGRAPHS)
    cut = t_html.index("</article>")
    add(Case("html-truncated", "page", page("/html/truncated.html", t_html[:cut] + '<p>More on this <a hre'),
             "loads", marker=texts.TRUNCATED_MARKER, note="cut mid-tag"))
    nobody = "<title>Power line deal</title>\n" + "\n".join(f"<p>{p}</p>" for p in texts.NOBODY_PARAGRAPHS)
    add(Case("html-no-body", "page", page("/html/no-body.html", nobody), "loads", marker=texts.NOBODY_MARKER))
    shell = ('<!DOCTYPE html><html><head><title>App</title><script src="/static/app.3f9a.js" defer></script>'
             '</head><body><div id="root"></div><noscript></noscript>'
             "<script>window.__STATE__={\"route\":\"/news\"};</script></body></html>")
    add(Case("html-js-shell", "page", page("/html/js-shell.html", shell), "failed", cause=r"pars|no (article|text)"))
    httpserver.expect_request("/html/huge.html").respond_with_handler(
        lambda request: Response(_streamed_big_page(MAX_BYTES * 8)(), content_type="text/html"))
    add(Case("html-huge-streamed", "page", url("/html/huge.html"), "failed",
             cause=r"byte|size|large|cap|limit|exceed", note="32 MB, chunked, cap 4 MB"))
    add(Case("html-png-as-html", "page", page("/html/picture.html", png_bytes()), "failed",
             cause=r"binary|pars|image|png|not (html|text)|decod"))
    add(Case("html-pdf-as-html", "page", page("/html/report.html", pdf_bytes()), "failed",
             cause=r"binary|pars|pdf|not (html|text)|decod"))
    cp = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
          "<title>Переговоры в Кабуле</title></head><body><article><h1>Переговоры в Кабуле</h1>"
          f"<p>{texts.CP1251_TEXT}</p><p>{texts.CP1251_TEXT}</p></article></body></html>").encode("cp1251")
    add(Case("html-cp1251-meta", "page", page("/html/cp1251.html", cp, ctype="text/html"), "loads",
             marker=texts.CP1251_MARKER, note="charset only in <meta>"))
    u16 = texts.article_html("Dushanbe meeting", "2023-05-03", texts.UTF16_PARAGRAPHS).encode("utf-16")  # BOM
    add(Case("html-utf16-bom", "page", page("/html/utf16.html", u16, ctype="text/html"), "loads",
             marker=texts.UTF16_MARKER))
    nul = texts.article_html("Nulls", "2023-08-04", texts.TRUNCATED_PARAGRAPHS).encode()
    nul = nul.replace(b"<p>", b"<p>\x00\x00", 2).replace(b"Kabul", b"Kab\x00ul", 1)
    add(Case("html-null-bytes", "page", page("/html/nulls.html", nul), "survives"))
    add(Case("html-deep-nesting", "page", page("/html/deep.html", deep_nesting()), "survives",
             note="30,000 nested <div>"))

    # ---------------------------------------------------------------- HTTP behaviour
    for code in (404, 410, 500, 503):
        add(Case(f"http-{code}", "page", page(f"/status/{code}", f"status {code}", ctype="text/plain", status=code),
                 "failed", cause=str(code)))
    add(Case("http-429", "page", page("/status/429", "slow down", ctype="text/plain", status=429,
                                      headers={"Retry-After": "1"}), "failed", cause="429"))
    add(Case("http-429-retry-after-huge", "page",
             page("/status/429-long", "slow down", ctype="text/plain", status=429, headers={"Retry-After": "86400"}),
             "failed", cause="429", note="Retry-After a day: must not wait"))
    if with_slow:
        add(Case("http-no-headers", "page", raw.url_for("/silent"), "failed", cause=r"time|deadline"))
        add(Case("http-drip-body", "page", raw.url_for("/drip"), "failed", cause=r"time|deadline"))
        add(Case("http-drip-headers", "page", raw.url_for("/drip-headers"), "failed", cause=r"time|deadline"))
        add(Case("http-reset-mid-body", "page", raw.url_for("/reset"), "failed",
                 cause=r"reset|incomplete|closed|peer|connection|protocol|read"))
    page("/redirect/loop-a", "", status=302, headers={"Location": url("/redirect/loop-b")})
    page("/redirect/loop-b", "", status=302, headers={"Location": "/redirect/loop-a"})
    add(Case("http-redirect-loop", "page", url("/redirect/loop-a"), "failed", cause=r"redirect"))
    add(Case("http-redirect-file", "page",
             page("/redirect/to-file", "", status=302, headers={"Location": "file:///etc/passwd"}),
             "failed", cause=r"file|scheme|refused"))
    add(Case("http-redirect-secret-file", "page",
             page("/redirect/to-secret", "", status=301, headers={"Location": secret_uri}),
             "failed", cause=r"file|scheme|refused"))
    add(Case("http-redirect-metadata", "page",
             page("/redirect/to-metadata", "", status=302, headers={"Location": METADATA_URL}),
             "failed", cause=r"169\.254\.169\.254.*(link-local|refused)|refused"))
    add(Case("http-redirect-private", "page",
             page("/redirect/to-private", "", status=307, headers={"Location": PRIVATE_URL}),
             "failed", cause=r"10\.0\.0\.1.*(private|refused)|refused"))
    add(Case("http-gzip-bomb", "page",
             page("/bomb.html", gzip_bomb(), headers={"Content-Encoding": "gzip"}),
             "failed", cause=r"byte|size|large|cap|limit|exceed|decompress", note="256 MB in ~260 KB"))

    # ---------------------------------------------------------------- robots.txt
    page("/private/secret-page.html", texts.article_html("Hidden", "2024-01-01", texts.UTF16_PARAGRAPHS))
    add(Case("robots-disallowed", "page", url("/private/secret-page.html"), "failed", cause=r"robots"))

    # ---------------------------------------------------------------- feeds and sitemaps
    ok_link = url("/good/uzbek-kabul.html")
    add(Case("feed-malformed", "feed", page("/feed/malformed.xml", MALFORMED_FEED.format(link=ok_link),
                                            ctype="application/rss+xml"),
             "failed", cause=r"feed|xml|malformed|pars|mismatch|well"))
    add(Case("feed-billion-laughs", "feed", page("/feed/laughs.xml", billion_laughs(ok_link),
                                                 ctype="application/rss+xml"),
             "failed", cause=r"entit|dtd|forbidden|unsafe"))
    add(Case("feed-xxe", "feed", page("/feed/xxe.xml", XXE_FEED.format(link=ok_link, secret=secret.resolve()),
                                      ctype="application/rss+xml"),
             "failed", cause=r"entit|dtd|external|forbidden|unsafe"))
    page("/feed/evil.dtd", f'<!ENTITY exfil SYSTEM "{secret_uri}">', ctype="application/xml-dtd")
    add(Case("feed-xxe-parameter", "feed",
             page("/feed/xxe-param.xml", XXE_PARAM_FEED.format(link=ok_link, dtd=url("/feed/evil.dtd")),
                  ctype="application/rss+xml"),
             "failed", cause=r"entit|dtd|external|forbidden|unsafe"))
    bad_links = [("Local file", "file:///etc/passwd"), ("Secret", secret_uri), ("Metadata", METADATA_URL),
                 ("Private", PRIVATE_URL), ("Mapped", PRIVATE_V6_MAPPED), ("Gopher", GOPHER_URL)]
    add(Case("feed-bad-links", "feed",
             page("/feed/bad-links.xml", feed_xml(base, [(t, l, "Mon, 01 Jan 2024 00:00:00 GMT", None)
                                                         for t, l in bad_links]), ctype="application/rss+xml"),
             "failed", cause=r"refused", note="every item link is off limits"))
    only_files = [("Passwd", "file:///etc/passwd"), ("Secret", secret_uri), ("Script", "javascript:alert(1)")]
    add(Case("feed-file-links-only", "feed",
             page("/feed/file-links.xml", feed_xml(base, [(t, l, "Mon, 01 Jan 2024 00:00:00 GMT", None)
                                                          for t, l in only_files]), ctype="application/rss+xml"),
             "failed", cause=r"refused", note="no http(s) link at all: nothing to fetch, and said so"))
    httpserver.expect_request(re.compile(r"^/huge-item/\d+$")).respond_with_handler(
        lambda request: Response(texts.article_html(
            "Firehose item", "2024-01-01",
            [f"Uzbekistan sent {int(request.path.rsplit('/', 1)[1]) + 2} tonnes of wheat to Afghanistan "
             f"on 1 January 2024."]), content_type="text/html"))
    add(Case("feed-20000-items", "feed", page("/feed/huge.xml", big_feed(base, BIG_FEED_ITEMS),
                                              ctype="application/rss+xml"),
             "loads", marker="tonnes of wheat to Afghanistan", extra={"max_items": BIG_FEED_MAX}))

    index = (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"<sitemap><loc>{url('/sitemap/index.xml')}</loc></sitemap>"
             f"<sitemap><loc>{url('/sitemap/child.xml')}</loc></sitemap>"
             f"<sitemap><loc>{url('/sitemap/index.xml')}?again=1</loc></sitemap>"
             f"<sitemap><loc>file:///etc/passwd</loc></sitemap>"
             f"<sitemap><loc>{METADATA_URL}</loc></sitemap></sitemapindex>")
    sm_title, sm_date, sm_paras = texts.SITEMAP_PAGE
    sm_page = page("/sitemap-pages/herat-rail.html", texts.article_html(sm_title, sm_date, sm_paras))
    child_urls = [sm_page, secret_uri, "file:///etc/passwd", METADATA_URL, PRIVATE_URL]
    child = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             + "".join(f"<url><loc>{u}</loc></url>" for u in child_urls) + "</urlset>")
    page("/sitemap/child.xml", child, ctype="application/xml")
    add(Case("sitemap-self-index", "sitemap", page("/sitemap/index.xml", index, ctype="application/xml"),
             "loads", marker=texts.SITEMAP_MARKER, note="lists itself; child lists file:// and private URLs"))

    # a feed file on disk (a local source) whose items point at local files: read as a feed, links never opened
    (folder / "local-feed").mkdir(exist_ok=True)
    (folder / "local-feed" / "digest.xml").write_bytes(feed_xml(base, [
        ("Passwd", "file:///etc/passwd", "Mon, 01 Jan 2024 00:00:00 GMT", None),
        ("Secret", secret_uri, "Mon, 01 Jan 2024 00:00:00 GMT", None),
        ("Metadata", METADATA_URL, "Mon, 01 Jan 2024 00:00:00 GMT", None)]))
    add(Case("feed-local-file-links", "feed", "local-feed/*.xml", "survives",
             note="kind feed with a path: item links to file:// and metadata are not followed"))

    # ---------------------------------------------------------------- config-level
    add(Case("files-empty-glob", "files", "nothing-here/*.html", "failed", cause=r"matched no files"))

    body = HOSTILE_FETCH + "sources:\n" + "\n".join(c.yaml() for c in cases) + "\n"
    sources_path = folder / "sources.yaml"
    sources_path.write_text(body, encoding="utf-8")
    return Corpus({c.id: c for c in cases}, sources_path, folder, httpserver, raw, secret)


def leak_report(db_path: pathlib.Path) -> dict[str, list]:
    """Rows and raw files holding a canary: they must all be empty."""
    import duckdb

    found: dict[str, list] = {}
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        for token in (SECRET_TOKEN, PASSWD_TOKEN):
            found[f"documents:{token}"] = con.execute(
                "SELECT doc_id, url FROM documents WHERE contains(text, ?) OR contains(coalesce(title, ''), ?)",
                [token, token]).fetchall()
            found[f"fetches:{token}"] = con.execute(
                "SELECT url, error FROM fetches WHERE contains(coalesce(error, ''), ?) "
                "OR contains(coalesce(headers_json, ''), ?) OR contains(coalesce(feed_title, ''), ?)",
                [token, token, token]).fetchall()
            found[f"events:{token}"] = con.execute(
                "SELECT event_id FROM events WHERE contains(evidence, ?)", [token]).fetchall()
        # nothing read from a file:// URL for a non-files source, nothing fetched from a private address
        found["fetched-off-limits"] = con.execute(
            "SELECT source_id, url, outcome FROM fetches WHERE outcome = 'ok' AND source_id <> 'good-files' AND ("
            "url LIKE 'file:%' OR url LIKE '%169.254.%' OR url LIKE '%//10.%' OR url LIKE '%::ffff:%' "
            "OR coalesce(final_url, '') LIKE 'file:%' OR coalesce(final_url, '') LIKE '%169.254.%' "
            "OR coalesce(final_url, '') LIKE '%//10.%')").fetchall()
    finally:
        con.close()
    raw_root = db_path.parent / "raw"
    found["raw-store"] = [str(p) for p in raw_root.rglob("*") if p.is_file()
                          and (SECRET_TOKEN.encode() in p.read_bytes() or PASSWD_TOKEN.encode() in p.read_bytes())]
    return {k: v for k, v in found.items() if v}


def gunzip_size(data: bytes) -> int:
    """For the bomb's own sanity check: decompressed length, streamed."""
    total = 0
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        while chunk := fh.read(1 << 20):
            total += len(chunk)
    return total
