"""Feed (RSS 2.0, RSS 1.0/RDF, Atom) and sitemap (urlset, sitemapindex, gzip, plain text) parsing.

Pure: bytes in, records out. XML goes through defusedxml's streaming parser with entity declarations
and external references refused, so neither "billion laughs" nor XXE can run. Work is bounded: the
parse stops after `max_items` / `max_urls`, processed elements are freed as the stream advances, and a
gzip body is decompressed in chunks up to a size cap. Only http(s) links are returned; others are
dropped and counted. Every failure is a `FeedError` with one line naming the cause.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import html as htmllib
import io
import re
import zlib
from dataclasses import dataclass, field
from html.entities import name2codepoint
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml import ElementTree as DET

from transforms.errors import FeedError
from transforms.text import normalize_charset, parse_date_string, sniff_bom

__all__ = ["FeedItem", "FeedItems", "Sitemap", "Stamp", "parse_feed", "parse_sitemap", "parse_lastmod",
           "looks_like_feed", "looks_like_sitemap", "MAX_DECOMPRESSED_BYTES"]

MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024      # the sitemap protocol's own limit (50 MB uncompressed)
MAX_BODY_BYTES = 50 * 1024 * 1024

_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_XML_DECL_RE = re.compile(r"^<\?xml[^>]{0,300}?\?>")
_DECL_ENCODING_RE = re.compile(rb"""^<\?xml[^>]{0,300}?encoding\s*=\s*["']([A-Za-z0-9_.:+-]{1,40})["']""")
_ENTITY_REF_RE = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_TAG_RE = re.compile(r"<[^<>]*>")
_FEED_SNIFF_RE = re.compile(
    r"^(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]{0,300}\?>\s*|<!DOCTYPE[^>\[]{0,500}(?:\[.*?\])?\s*>\s*)*"
    r"<(?:[A-Za-z][\w.-]*:)?(rss|feed|RDF)[\s>/]", re.S)
_SITEMAP_SNIFF_RE = re.compile(
    r"^(?:<\?xml[^>]{0,300}\?>\s*)?(?:<!--.*?-->\s*|<\?[^>]{0,300}\?>\s*)*<(?:[A-Za-z][\w.-]*:)?(urlset|sitemapindex)[\s>/]",
    re.S)


@dataclass(frozen=True)
class Stamp:
    """A listing's "last changed" date (sitemap <lastmod>, feed item updated / pubDate) and how precise it is.

    ``at`` is the start of what the text names, in UTC; ``precision`` is second | minute | day | month | year;
    ``zoned`` says whether the text gave a UTC offset. :attr:`latest` is the last instant the text can mean: a
    date-only "2024-06-11" may mean any moment of that day in any time zone, so until 2024-06-12 12:00 UTC.
    """

    at: dt.datetime
    precision: str
    zoned: bool = True

    @property
    def latest(self) -> dt.datetime:
        if self.precision == "year":
            end = self.at.replace(year=self.at.year + 1)
        elif self.precision == "month":
            end = (self.at.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        else:
            end = self.at + {"day": dt.timedelta(days=1), "minute": dt.timedelta(minutes=1),
                             "second": dt.timedelta(seconds=1)}[self.precision]
        end -= dt.timedelta(microseconds=1)
        # without an offset the text is some zone's local time: UTC-12 is the latest it can be
        return end if self.zoned else end + dt.timedelta(hours=12)

    def text(self) -> str:
        """Canonical text (what the warehouse stores): ISO 8601 cut to the precision, offset +00:00 when given."""
        cut = {"year": 4, "month": 7, "day": 10, "minute": 16, "second": 19}[self.precision]
        value = self.at.strftime("%Y-%m-%dT%H:%M:%S")[:cut]
        return value + ("+00:00" if self.zoned and cut > 10 else "")


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str | None
    published: dt.datetime | None           # timezone-aware (UTC assumed when the feed gives none)
    content_html: str | None                 # content:encoded / Atom content, else description / summary
    # last change: updated / modified, else the publication date (for skipping the page's request; not part of
    # the item's identity, so items compare on link, title, date and content as before)
    updated: Stamp | None = field(default=None, compare=False)


class FeedItems(list):
    """The items of a feed (a plain list) plus what was left out and why."""

    def __init__(self, items=(), *, kind: str = "", dropped: int = 0, missing_link: int = 0,
                 truncated: bool = False) -> None:
        super().__init__(items)
        self.kind = kind                     # rss2 | rss1 | atom
        self.dropped = dropped               # items whose link was not http(s) (javascript:, file:, data:, ...)
        self.missing_link = missing_link     # items with no link at all
        self.truncated = truncated           # stopped at max_items


@dataclass
class Sitemap:
    urls: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    lastmod: dict[str, Stamp] = field(default_factory=dict)   # page URL -> its readable <lastmod>
    dropped: int = 0                         # <loc> values that were not http(s)
    truncated: bool = False                  # stopped at max_urls


# --------------------------------------------------------------------------- sniffing


def looks_like_feed(body: bytes) -> bool:
    """True when the bytes open like an RSS 2.0, RSS 1.0/RDF or Atom document (cheap: first 4 KB)."""
    head = _sniff_text(body)
    return head is not None and _FEED_SNIFF_RE.match(head) is not None


def looks_like_sitemap(body: bytes) -> bool:
    """True for an XML urlset / sitemapindex (also gzip-compressed)."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body[:65536], 8192)
        except zlib.error:
            return False
    head = _sniff_text(body)
    return head is not None and _SITEMAP_SNIFF_RE.match(head) is not None


def _sniff_text(body: bytes) -> str | None:
    if not isinstance(body, (bytes, bytearray)):
        return None
    chunk = bytes(body[:4096])
    bom = sniff_bom(chunk)
    if bom:
        text = chunk[bom[1]:].decode(bom[0], errors="ignore")
    else:
        text = chunk.decode("utf-8", errors="ignore")
    return text.lstrip()


# --------------------------------------------------------------------------- shared XML plumbing


def _gunzip(body: bytes, cap: int) -> bytes:
    """Decompress gzip in 1 MB steps; refuse output beyond `cap` bytes (a gzip bomb stops at the cap,
    holding no more than the cap in memory)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    chunks: list[bytes] = []
    total = 0
    data = body
    try:
        while True:
            chunk = d.decompress(data, 1 << 20)
            total += len(chunk)
            if total > cap:
                raise FeedError(f"gzip body expands beyond the {cap // (1024 * 1024)} MB cap (compression bomb?)")
            chunks.append(chunk)
            data = d.unconsumed_tail
            if d.eof or (not data and not chunk):
                break
        if not d.eof:
            raise FeedError("gzip body is truncated")
    except zlib.error as exc:
        raise FeedError(f"corrupt gzip body: {exc}") from exc
    return b"".join(chunks)


def _to_utf8_xml(body: bytes) -> bytes:
    """Decode with BOM / XML-declaration encoding (any Python codec, multi-byte ones included), then
    hand expat clean UTF-8 with the declaration rewritten and leading whitespace removed."""
    bom = sniff_bom(body)
    if bom:
        encoding, skip = bom
        text = body[skip:].decode(encoding, errors="replace")
    else:
        m = _DECL_ENCODING_RE.match(body.lstrip()[:400])
        encoding = (normalize_charset(m.group(1).decode("ascii")) if m else None) or "utf-8"
        if encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
            encoding = "utf-8"                # a declaration readable as ASCII is not UTF-16
        text = body.decode(encoding, errors="replace")
    text = text.lstrip()
    text = _XML_DECL_RE.sub('<?xml version="1.0" encoding="utf-8"?>', text, count=1)
    return text.encode("utf-8", errors="replace")


def _html_entities_to_numeric(data: bytes) -> bytes:
    """Feeds often use HTML entities (&nbsp; &mdash;) that XML does not define: make them numeric."""
    text = data.decode("utf-8", errors="replace")

    def repl(m: re.Match) -> str:
        name = m.group(1)
        if name in _XML_ENTITIES or name not in name2codepoint:
            return m.group(0)
        return f"&#{name2codepoint[name]};"

    return _ENTITY_REF_RE.sub(repl, text).encode("utf-8")


def _iterparse(data: bytes):
    """Streaming, defused parse: entity declarations and external references raise."""
    return DET.iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=False,
                         forbid_entities=True, forbid_external=True)


def _feed_error(exc: BaseException, what: str) -> FeedError:
    if isinstance(exc, EntitiesForbidden):
        ref = getattr(exc, "sysid", None) or getattr(exc, "pubid", None)
        if ref:
            return FeedError(f"{what} refused: it declares an external entity '{getattr(exc, 'name', '?')}' ({ref}): XXE risk")
        return FeedError(f"{what} refused: it declares XML entity '{getattr(exc, 'name', '?')}' (entity expansion / "
                         f"'billion laughs' risk)")
    if isinstance(exc, ExternalReferenceForbidden):
        return FeedError(f"{what} refused: it references an external resource ({getattr(exc, 'sysid', None) or getattr(exc, 'pubid', None)}): XXE risk")
    if isinstance(exc, DefusedXmlException):
        return FeedError(f"{what} refused: unsafe XML ({type(exc).__name__})")
    if isinstance(exc, ET.ParseError):
        line, col = getattr(exc, "position", (0, 0))
        msg = str(exc).split(":", 1)[0]
        return FeedError(f"malformed XML in {what}: {msg} at line {line}, column {col}")
    detail = " ".join(str(exc).split())[:160]
    return FeedError(f"unreadable {what} ({type(exc).__name__}: {detail})")


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def _ns(tag) -> str:
    return tag[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _http_url(value: str | None, base: str | None) -> tuple[str | None, bool]:
    """(absolute http(s) URL or None, whether a non-empty value was dropped)."""
    if not value:
        return None, False
    value = value.strip()
    if not value:
        return None, False
    try:
        url = urljoin(base, value) if base else value
        parts = urlsplit(url)
    except ValueError:
        return None, True
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None, True
    return url, False


def _text(el) -> str:
    return "".join(el.itertext()) if el is not None else ""


# --------------------------------------------------------------------------- feeds

_DATE_TAGS = ("published", "pubDate", "date", "issued", "created", "updated", "modified")
_CHANGE_TAGS = ("updated", "modified", "pubDate", "published", "date", "issued", "created")   # last change first
_CONTENT_RANK = {"encoded": 0, "content": 1, "description": 2, "summary": 3}


def _only_feed_errors(what: str, parse, *args):
    """Run a parser under the module's contract: FeedError with one line, and nothing else."""
    try:
        return parse(*args)
    except FeedError:
        raise
    except RecursionError as exc:
        raise FeedError(f"{what} too deeply nested") from exc
    except MemoryError as exc:
        raise FeedError(f"{what} too large to parse in memory") from exc
    except Exception as exc:  # noqa: BLE001 - the contract: FeedError and nothing else
        raise _feed_error(exc, what) from exc


def parse_feed(body: bytes, base_url: str, max_items: int = 500) -> FeedItems:
    """RSS 2.0, RSS 1.0/RDF or Atom bytes -> the first `max_items` items that have an http(s) link."""
    return _only_feed_errors("feed", _parse_feed, body, base_url, max_items)


def _prepare(body: bytes, what: str) -> bytes:
    if not isinstance(body, (bytes, bytearray)):
        raise FeedError(f"{what} body must be bytes, not {type(body).__name__}")
    body = bytes(body)
    if len(body) > MAX_BODY_BYTES:
        raise FeedError(f"{what} too large ({len(body):,} bytes)")
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body, MAX_DECOMPRESSED_BYTES)
    if not body.strip():
        raise FeedError(f"empty {what}")
    return _to_utf8_xml(body)


def _parse_feed(body: bytes, base_url: str, max_items: int) -> FeedItems:
    data = _prepare(body, "feed")
    if not data.startswith(b"<"):
        raise FeedError("not a feed: the body is not XML")
    try:
        return _collect_items(data, base_url, max_items)
    except ET.ParseError as exc:
        if "undefined entity" not in str(exc):
            raise _feed_error(exc, "feed") from exc
    fixed = _html_entities_to_numeric(data)
    try:
        return _collect_items(fixed, base_url, max_items)
    except ET.ParseError as exc:
        raise _feed_error(exc, "feed") from exc


def _collect_items(data: bytes, base_url: str, max_items: int) -> FeedItems:
    result = FeedItems()
    stack: list = []
    bases: list[str] = []
    kind = ""
    for event, el in _iterparse(data):
        if event == "start":
            stack.append(el)
            parent_base = bases[-1] if bases else base_url
            xb = el.get(_XML_NS + "base")
            bases.append(urljoin(parent_base, xb.strip()) if xb and parent_base else (xb or parent_base))
            if len(stack) == 1:
                root = _local(el.tag)
                if root == "rss":
                    kind = "rss2"
                elif root == "feed":
                    kind = "atom"
                elif root == "RDF":
                    kind = "rss1"
                else:
                    raise FeedError(f"not a feed: root element <{root or el.tag}>")
                result.kind = kind
            continue
        # end event
        stack.pop()
        item_base = bases.pop()
        name = _local(el.tag)
        if name not in ("item", "entry") or not stack:
            continue
        if len(result) >= max_items:
            result.truncated = True
            break
        item = _item(el, kind, item_base)
        if isinstance(item, FeedItem):
            result.append(item)
        elif item == "dropped":
            result.dropped += 1
        else:
            result.missing_link += 1
        el.clear()
        try:
            stack[-1].remove(el)          # free processed items: memory stays flat over long feeds
        except ValueError:
            pass
    if not kind:
        raise FeedError("not a feed: no root element")
    return result


def _item(el, kind: str, base: str):
    link_value = None
    guid_value = None
    title = None
    dates: dict[str, str] = {}
    contents: dict[str, str] = {}
    for child in el:
        name = _local(child.tag)
        if name == "link":
            if kind == "atom" or child.get("href") is not None:
                rel = (child.get("rel") or "alternate").strip().lower()
                href = child.get("href")
                if href and rel == "alternate" and (link_value is None or child.get("type") in (None, "text/html")):
                    link_value = href
            elif link_value is None:
                link_value = _text(child)
        elif name == "guid":
            if (child.get("isPermaLink") or "true").strip().lower() == "true":
                guid_value = _text(child)
        elif name == "title" and title is None:
            title = _text(child)
        elif name in _DATE_TAGS and name not in dates:
            dates[name] = _text(child)
        elif name in _CONTENT_RANK and name not in contents:
            contents[name] = _content(child)
    if link_value is None and kind == "rss1":
        link_value = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    link, dropped = _http_url(link_value, base)
    if link is None and not dropped:
        link, dropped = _http_url(guid_value, base)
    if link is None:
        return "dropped" if dropped else "missing"
    published = None
    for name in _DATE_TAGS:
        if name in dates:
            published = _parse_datetime(dates[name])
            if published is not None:
                break
    content = None
    for name in sorted(contents, key=_CONTENT_RANK.__getitem__):
        if contents[name] and contents[name].strip():
            content = contents[name]
            break
    updated = None
    for name in _CHANGE_TAGS:
        if name in dates:
            updated = parse_lastmod(dates[name])
            if updated is not None:
                break
    return FeedItem(link=link, title=_clean_title(title), published=published, content_html=content,
                    updated=updated)


def _content(el) -> str:
    """Atom type="xhtml" content is markup in the tree: serialise it without namespace prefixes."""
    if el.get("type") == "xhtml" and len(el):
        parts = [el.text or ""]
        for child in el:
            for sub in child.iter():
                sub.tag = _local(sub.tag) or "span"
            parts.append(ET.tostring(child, encoding="unicode", method="html"))
        html = "".join(parts).strip()
        if html.startswith("<div>") and html.endswith("</div>"):
            html = html[5:-6]
        return html
    return _text(el)


def _clean_title(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(htmllib.unescape(_TAG_RE.sub(" ", value)).split())
    return value or None


def _parse_datetime(value: str | None) -> dt.datetime | None:
    """RFC 822 (RSS pubDate) or ISO 8601 (Atom, dc:date); naive results are taken as UTC."""
    if not value:
        return None
    value = value.strip()[:100]
    if not value:
        return None
    parsed = None
    if value[:1].isalpha() or "," in value[:5]:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            parsed = None
    if parsed is None:
        try:
            parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            got = parse_date_string(value)
            parsed = dt.datetime(got[0].year, got[0].month, got[0].day) if got else None
    if parsed is None or not 1900 <= parsed.year <= 2200:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


# --------------------------------------------------------------------------- last-changed dates

_W3C_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
                     r"\s*(Z|[+-]\d{2}:?\d{2})?)?)?)?", re.I)
_RFC822_TIME_RE = re.compile(r"\d{1,2}:\d{2}(:\d{2})?")


def parse_lastmod(value: str | None) -> Stamp | None:
    """A sitemap <lastmod> (W3C datetime: YYYY, YYYY-MM, YYYY-MM-DD, with hh:mm[:ss] and an offset) or a feed date
    (RFC 822 pubDate, ISO 8601) -> Stamp; None when absent or unreadable (the caller then asks the server)."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()[:100]
    if not value:
        return None
    if value[:1].isalpha() or "," in value[:5]:      # RFC 822 (RSS pubDate)
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if parsed is None or not 1900 <= parsed.year <= 2200:
            return None
        clock = _RFC822_TIME_RE.search(value)
        zoned = parsed.tzinfo is not None and not value.rstrip().endswith("-0000")
        precision = "second" if clock and clock.group(1) else ("minute" if clock else "day")
        return _stamp(parsed, precision, zoned)
    m = _W3C_RE.fullmatch(value)
    if m is None:
        return None
    year, month, day, hour, minute, second, offset = m.groups()
    try:
        at = dt.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                         int(second or 0))
        if offset and offset.upper() == "Z":
            at = at.replace(tzinfo=dt.timezone.utc)
        elif offset:
            sign = -1 if offset[0] == "-" else 1
            digits = offset[1:].replace(":", "")
            delta = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if delta > dt.timedelta(hours=14):
                return None
            at = at.replace(tzinfo=dt.timezone(sign * delta))
    except ValueError:
        return None
    if not 1900 <= at.year <= 2200:
        return None
    precision = ("second" if second else "minute" if minute else "day" if day else "month" if month else "year")
    # a date without a time has no zone; a time without an offset is some zone's local time
    return _stamp(at, precision, zoned=at.tzinfo is not None)


def _stamp(at: dt.datetime, precision: str, zoned: bool) -> Stamp:
    at = at.astimezone(dt.timezone.utc) if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)
    return Stamp(at=at.replace(microsecond=0), precision=precision, zoned=zoned)


# --------------------------------------------------------------------------- sitemaps


def parse_sitemap(body: bytes, base_url: str, max_urls: int = 50_000) -> Sitemap:
    """A urlset (page URLs) or sitemapindex (child sitemap URLs); gzip and plain-text sitemaps too."""
    return _only_feed_errors("sitemap", _parse_sitemap, body, base_url, max_urls)


def _parse_sitemap(body: bytes, base_url: str, max_urls: int) -> Sitemap:
    data = _prepare(body, "sitemap")
    if not data.startswith(b"<"):
        return _text_sitemap(data, base_url, max_urls)
    result = Sitemap()
    depth = 0
    root = ""
    try:
        for event, el in _iterparse(data):
            if event == "start":
                depth += 1
                if depth == 1:
                    root = _local(el.tag)
                    if root not in ("urlset", "sitemapindex"):
                        raise FeedError(f"not a sitemap: root element <{root or el.tag}>")
                continue
            depth -= 1
            name = _local(el.tag)
            if depth != 1 or name not in ("url", "sitemap"):
                continue
            loc = lastmod = None
            for child in el:
                tag = _local(child.tag)
                if tag == "loc" and loc is None:
                    loc = _text(child)
                elif tag == "lastmod" and lastmod is None:
                    lastmod = _text(child)
            target = result.urls if name == "url" else result.sitemaps
            if len(target) >= max_urls:
                result.truncated = True
                break
            url, dropped = _http_url(loc, base_url)
            if url:
                target.append(url)
                stamp = parse_lastmod(lastmod) if lastmod and name == "url" else None
                if stamp is not None:
                    result.lastmod[url] = stamp
            elif dropped:
                result.dropped += 1
            el.clear()
    except DefusedXmlException as exc:
        raise _feed_error(exc, "sitemap") from exc
    except ET.ParseError as exc:
        raise _feed_error(exc, "sitemap") from exc
    if not root:
        raise FeedError("not a sitemap: no root element")
    return result


def _text_sitemap(data: bytes, base_url: str, max_urls: int) -> Sitemap:
    """The sitemap protocol's text form: one URL per line."""
    result = Sitemap()
    lines = data.decode("utf-8", errors="replace").splitlines()
    if not any(line.strip().lower().startswith(("http://", "https://")) for line in lines[:20]):
        raise FeedError("not a sitemap: neither XML nor a list of URLs")
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(result.urls) >= max_urls:
            result.truncated = True
            break
        url, dropped = _http_url(line, base_url)
        if url:
            result.urls.append(url)
        elif dropped:
            result.dropped += 1
    return result
