"""RawPage -> Document: main text without boilerplate, plus title, author, date, canonical URL, language.

Pure: no I/O. HTML is parsed once with lxml; metadata is read from that tree, boilerplate blocks are
pruned from it, and the same tree goes to trafilatura (fast settings; balanced settings only when the
fast pass finds too little). Plain text gets title / date-line / boilerplate-line heuristics.

`parse_document` raises `ParseError` (one line) for input with no article and never anything else.
"""
from __future__ import annotations

import datetime as dt
import html as htmllib
import json
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

from transforms.errors import ParseError
from transforms.models import Document, RawPage, doc_id_for, sha256_hex
from transforms.text import (
    control_ratio,
    decode_body,
    detect_language,
    normalize_lang_tag,
    parse_date_line,
    parse_date_string,
    sniff_binary,
    strip_controls,
)

__all__ = ["parse_document", "PARSER_TRAFILATURA", "PARSER_PLAIN", "PARSER_WALK", "MAX_BODY_BYTES"]

PARSER_TRAFILATURA = f"trafilatura-{trafilatura.__version__}"
PARSER_PLAIN = "plain"
PARSER_WALK = f"lxml-walk-{'.'.join(map(str, etree.LXML_VERSION[:3]))}"   # feed fragments, over-deep pages
MAX_BODY_BYTES = 20_000_000
MAX_TAGS_FOR_TRAFILATURA = 40_000
MIN_TEXT_CHARS = 20            # less visible text than this is "no article"
_SHORT_FAST_RESULT = 400       # fast pass below this on a page with much more text: retry balanced

_HTML_MIMES = {"text/html", "application/xhtml+xml", "application/xml+xhtml"}
_BINARY_MIME_RE = re.compile(r"^(?:image|audio|video|font)/|^application/(?:pdf|zip|gzip|x-gzip|x-tar|"
                             r"x-7z-compressed|vnd\.rar|msword|vnd\.ms-|vnd\.openxmlformats|wasm)")
_FEED_MIME_RE = re.compile(r"(?:rss|atom|rdf)\+xml$")
_HTML_SNIFF_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|section|main|br|span|a|h[1-6]|meta|title|table|ul|ol|li|"
    r"script|style|img|em|strong|b|i|blockquote)[\s>/]", re.I)
_HTML_START_RE = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NEWLINES_RE = re.compile(r"\r\n?|\f|\v|\u2028|\u2029")

# --------------------------------------------------------------------------- boilerplate rules

_SHARE_WORDS = (r"share|tweet|email|e-mail|mail|whatsapp|linkedin|facebook|twitter|x|print|telegram|reddit|"
                r"pinterest|copy\s+link|vk|messenger|save|bookmark")
# anchored rules (tried with .match: fail fast at position 0)
_BOILERPLATE_START_RE = re.compile(
    rf"""(?:the\s+)?(?:views|opinions)\s+expressed\b
     |disclaimer\b
     |(?:copyright\s*)?©
     |copyright\s+(?:\d|©|\(c\))
     |(?:you\s+are\s+here|skip\s+to\s+(?:main\s+)?content)\b
     |(?:related|recommended|most\s+read|most\s+popular|read\s+more|also\s+read|more\s+from|more\s+on\s+this)
        (?:\s+(?:comments|articles|posts|stories|news|reading|content))?\s*:?$
     |(?:{_SHARE_WORDS})(?:\s*[|/·•,]?\s*(?:{_SHARE_WORDS}))*\s*$
     |(?:share\s+(?:this|on)|follow\s+us|subscribe\s+to\s+our|sign\s+up\s+for\s+our)\b
    """, re.I | re.X)
# rules that may match anywhere; only tried when one of the keywords occurs
_BOILERPLATE_KEYWORDS = ("cookie", "rights reserved", "profile", "bio", "appeared first", "javascript")
_BOILERPLATE_ANY_RE = re.compile(
    r"""click\s+here\s+for\s+(?:the\s+|a\s+)?(?:detailed|full|complete|author)?\s*(?:profile|bio)
     |\b(?:this|our)\s+(?:web)?site\s+uses\s+cookies
     |\bwe\s+use\s+cookies\b
     |\baccept\s+(?:all\s+)?cookies\b
     |\bcookie\s+(?:policy|settings|preferences)\b
     |\ball\s+rights\s+reserved\b
     |\bthe\s+post\b.{1,200}\bappeared\s+first\s+on\b
     |\b(?:enable|turn\s+on|activate)\s+javascript\b|\bjavascript\s+(?:is\s+)?(?:required|disabled)
    """, re.I | re.X)
_BOILERPLATE_MAX_CHARS = 400
_LEADING_BULLET_RE = re.compile(r"^[•·▪◦‣*\-–—]\s*")
_AUTHOR_BLURB_RE = re.compile(
    r"^(?:[Bb]y\s+)?(?P<name>(?:(?:Dr|Prof|Mr|Ms|Mrs|Professor)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"\s+(?:is|was)\s+(?:a|an|the)\s+[^.]{0,150}?\b(?i:analyst|fellow|researcher|professor|journalist|"
    r"correspondent|editor|director|scholar|consultant|writer|lecturer|associate|reporter|contributor)\b")
_NAV_LINE_RE = re.compile(
    r"^(?:you\s+are\s+here:?|skip\s+to\s+(?:main\s+)?content|home(?:\s*[»>/|›].*)?|menu|main\s+menu|"
    r"navigation|search|breadcrumbs?|toggle\s+navigation)$", re.I)
_HONORIFIC_RE = re.compile(r"^(?:by\s+|author:\s*)?(?:(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+)?", re.I)
_BULLET_SHORT_RE = re.compile(r"^[•·▪◦‣*\-–—]\s*\S+(?:\s+\S+){0,2}$")

# class / id segments marking blocks that are never article text (whole segments of a class or id:
# "share-links", "field-author-profile", "cookie_banner"; not "node-idsa-comments")
_PRUNE_CANDIDATES = etree.XPath("//body//*[@class or @id][not(self::article or self::main or self::body)]")
_PRUNE_SEGMENT_RE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharethis|social|disclaimer|cookies?|consent|gdpr|breadcrumbs?|related|"
    r"newsletter|subscribe|subscription|authors?|byline|bio|promo|sponsored|advert|advertisement|ads|outbrain|"
    r"taboola|paywall|signup|popup)(?=$|[\s_-])")
_COUNT_P = etree.XPath("count(.//p)")

# --------------------------------------------------------------------------- metadata rules

_DATE_META_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "article:published", "published_time", "publishdate", "publish-date", "publish_date",
    "pubdate", "publication_date", "publication-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "dc:date", "dc.date.created", "dcterms.created", "citation_publication_date",
    "citation_date", "sailthru.date", "parsely-pub-date", "date", "created", "article:modified_time",
)
_AUTHOR_META_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "byl", "parsely-author",
                     "sailthru.author", "citation_author", "twitter:creator")
_TITLE_META_KEYS = ("og:title", "twitter:title", "dc.title", "citation_title", "parsely-title", "headline")
_LANG_META_KEYS = ("content-language", "dc.language", "language", "og:locale")
_JSONLD_XPATH = etree.XPath("//script[@type='application/ld+json']")
_DATE_ATTR_XPATH = etree.XPath(
    "//*[@itemprop='datePublished' or @property='dc:date' or @property='dc:created' or @property='dcterms:created'"
    " or @property='dcterms:issued' or @property='article:published_time' or @itemprop='dateCreated']"
    "[@content or @datetime]")
_TIME_XPATH = etree.XPath("//time")
_AUTHOR_XPATH = etree.XPath("//*[@rel='author' or @itemprop='author' or @class]")
_AUTHOR_CLASS_RE = re.compile(r"author|byline")
_H1_XPATH = etree.XPath("//h1")
_REGION_XPATH = etree.XPath("(//article | //main | //*[@itemprop='articleBody'])[1]")
_TITLE_SPLIT_RE = re.compile(r"\s+(?:\||–|—|-|::|·|»)\s+")
_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)/([01]?\d)(?:/([0-3]?\d))?/")
_JS_SHELL_RE = re.compile(
    r"<div[^>]{0,80}\bid=[\"']?(?:root|app|__next|__nuxt|main-app|svelte)[\"']?[^>]{0,80}>\s*</div>"
    r"|<noscript[^>]*>[^<]{0,300}javascript", re.I)
_SCRIPT_TAG_RE = re.compile(r"<script\b", re.I)

# --------------------------------------------------------------------------- public API


def parse_document(raw: RawPage) -> Document:
    """Parse one fetched page (HTML or plain text) into a Document; ParseError when there is no article."""
    try:
        return _parse(raw)
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page too deeply nested to parse") from exc
    except MemoryError as exc:
        raise ParseError("page too large to parse in memory") from exc
    except Exception as exc:  # noqa: BLE001 - the contract: ParseError and nothing else
        detail = " ".join(str(exc).split())[:160]
        raise ParseError(f"unparseable page ({type(exc).__name__}: {detail})") from exc


# --------------------------------------------------------------------------- dispatch


def _content_type(raw: RawPage) -> str | None:
    if raw.content_type:
        return raw.content_type
    for key, value in (raw.headers or {}).items():
        if key.lower() == "content-type":
            return value
    return None


def _parse(raw: RawPage) -> Document:
    body = raw.body or b""
    if not body.strip():
        raise ParseError("empty body")
    if len(body) > MAX_BODY_BYTES:
        raise ParseError(f"page too large ({len(body):,} bytes > {MAX_BODY_BYTES:,})")
    ctype = _content_type(raw)
    mime = (ctype or "").split(";", 1)[0].strip().lower()
    served = mime or "no content type"
    kind = sniff_binary(body)
    if kind:
        raise ParseError(f"binary content ({kind}) served as {served}")
    if _BINARY_MIME_RE.search(mime):
        raise ParseError(f"binary content type {mime}")
    if "json" in mime:
        raise ParseError(f"JSON data ({mime}), not an article page")

    decoded = decode_body(body, ctype)
    text = decoded.text
    if control_ratio(text) > 0.05:
        raise ParseError(f"binary content (unrecognised bytes) served as {served}")
    text = strip_controls(text)
    if not text.strip():
        raise ParseError("empty body (whitespace and control characters only)")

    if _FEED_MIME_RE.search(mime) or (mime in ("", "text/xml", "application/xml") and _looks_like_feed_text(text)):
        raise ParseError("RSS/Atom feed, not an article page (read it with transforms.feeds.parse_feed)")

    if mime in _HTML_MIMES:
        is_html = bool(_HTML_SNIFF_RE.search(text[:65536]))
    elif mime == "text/plain":
        is_html = bool(_HTML_START_RE.match(text[:4096]))
    else:
        is_html = bool(_HTML_SNIFF_RE.search(text[:4096]))
    if is_html:
        return _parse_html(raw, text)
    return _parse_plain(raw, text)


def _looks_like_feed_text(text: str) -> bool:
    head = text[:2048].lstrip()
    return bool(re.match(r"(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", head, re.S))


def _finish(raw: RawPage, paragraphs: list[str], *, title, author, date, canonical, language,
            parser: str) -> Document:
    text = "\n\n".join(paragraphs)
    if raw.feed_title:
        title = _collapse(raw.feed_title) or title
    if raw.feed_published is not None:
        date = (raw.feed_published.date(), "day")
    if date is not None and not _plausible(date[0], raw):
        date = None
    published, precision = date if date else (None, "none")
    return Document(
        doc_id=doc_id_for(raw.url), source_id=raw.source_id, url=raw.url, canonical_url=canonical,
        title=title or None, author=author or None, published_at=published, published_precision=precision,
        language=language or detect_language(text), text=text, content_hash=raw.content_hash,
        text_hash=sha256_hex(text), parser=parser,
    )


def _plausible(day: dt.date, raw: RawPage) -> bool:
    if day.year < 1900:
        return False
    fetched = raw.fetched_at.date() if isinstance(raw.fetched_at, dt.datetime) else None
    return fetched is None or day <= fetched + dt.timedelta(days=2)


def _collapse(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


# --------------------------------------------------------------------------- paragraphs


def _is_boilerplate(para: str) -> bool:
    if _BOILERPLATE_START_RE.match(para):
        return True
    low = para.lower()
    return any(k in low for k in _BOILERPLATE_KEYWORDS) and _BOILERPLATE_ANY_RE.search(para) is not None


def _clean_paragraphs(paragraphs: list[str], title: str | None) -> tuple[list[str], str | None]:
    """Collapse whitespace, drop empty and boilerplate paragraphs and a leading copy of the title.
    Returns the paragraphs and an author name found in a dropped author blurb (if any)."""
    out: list[str] = []
    author = None
    norm_title = _collapse(title).casefold() if title else None
    for para in paragraphs:
        para = " ".join(para.split())
        if not para:
            continue
        if len(para) <= _BOILERPLATE_MAX_CHARS:
            bare = _LEADING_BULLET_RE.sub("", para)
            if _is_boilerplate(bare):
                m = _AUTHOR_BLURB_RE.match(bare)
                if m and author is None:
                    author = m.group("name")
                continue
        if out and out[-1] == para:
            continue
        out.append(para)
    if out and norm_title and out[0].casefold() == norm_title:
        out.pop(0)
    # a dateline standing alone near the top is metadata, not a sentence
    for idx in range(min(3, len(out)) - 1, -1, -1):
        if len(out[idx]) <= 80 and parse_date_line(out[idx]):
            out.pop(idx)
    # author blurbs open or close an article; look only there
    for idx in (0, 1, -2, -1):
        if -len(out) <= idx < len(out):
            para = out[idx]
            if len(para) <= 300:
                m = _AUTHOR_BLURB_RE.match(para)
                if m:
                    author = author or m.group("name")
                    out.pop(idx)
                    break
    return out, author


# --------------------------------------------------------------------------- HTML


def _parse_html(raw: RawPage, text: str) -> Document:
    parser = lxml.html.HTMLParser(encoding="utf-8", collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        tree = None
    too_deep = any("Excessive depth" in (e.message or "") for e in parser.error_log)
    base = raw.final_url or raw.url
    feed_context = raw.feed_title is not None or raw.feed_published is not None

    huge = text.count("<") > MAX_TAGS_FOR_TRAFILATURA
    meta = _Metadata(tree, base, raw, small=not huge) if tree is not None else None
    # all metadata is read before pruning (pruning removes bylines and date blocks)
    title = meta.title() if meta else None
    author = meta.author() if meta else None
    date = meta.date(text_fallback=True) if meta else _url_date(base)
    canonical = meta.canonical() if meta else None
    language = meta.language() if meta else None

    if tree is None or too_deep:
        # lxml stops at depth 256 and drops the rest: read the whole page with a linear regex walk.
        paragraphs, parser_name = _regex_walk(text), PARSER_WALK
    elif feed_context or huge:
        # a feed item's own content is already the article (no page chrome to remove); a page with
        # tens of thousands of tags gets the linear walk too (trafilatura costs ~0.1 ms per element)
        paragraphs, parser_name = _block_walk(tree.body if tree.find("body") is not None else tree), PARSER_WALK
    else:
        _prune(tree)
        paragraphs, parser_name = _trafilatura(tree, base), PARSER_TRAFILATURA

    paragraphs, blurb_author = _clean_paragraphs(paragraphs, title)
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        if _JS_SHELL_RE.search(text) or len(_SCRIPT_TAG_RE.findall(text[:200000])) >= 3:
            raise ParseError("no article text: page is a JavaScript app shell")
        raise ParseError("no article text found in HTML")

    author = author or _clean_author(blurb_author)
    return _finish(raw, paragraphs, title=title, author=author, date=date, canonical=canonical,
                   language=language, parser=parser_name)


def _prune(tree) -> None:
    """Drop blocks whose class/id says they are chrome (share bars, author blurbs, cookie banners,
    related lists, disclaimers). A candidate holding several paragraphs is kept: it may be the article."""
    for el in _prune_candidates(tree):
        if not _PRUNE_SEGMENT_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}".lower()):
            continue
        if el.getparent() is None:
            continue
        if _COUNT_P(el) >= 4:
            continue
        el.drop_tree()


_NOT_PRUNED = frozenset(("article", "main", "body"))


def _prune_candidates(tree) -> list:
    """_PRUNE_CANDIDATES(tree), the same elements in the same order, walked without XPath when the page has
    one body (a plain element walk costs less than the XPath's descendant-or-self steps)."""
    bodies = list(tree.iter("body"))
    if len(bodies) != 1:
        return _PRUNE_CANDIDATES(tree)
    return [el for el in bodies[0].iter(etree.Element)
            if (el.get("class") is not None or el.get("id") is not None) and el.tag not in _NOT_PRUNED]


def _trafilatura(tree, url: str | None) -> list[str]:
    result = trafilatura.bare_extraction(tree, url=url, fast=True, include_comments=False,
                                         include_tables=True, with_metadata=False)
    text = result.text if result is not None and result.text else ""
    if len(text) < _SHORT_FAST_RESULT and len(tree.text_content()) > 4 * max(len(text), 250):
        retry = trafilatura.bare_extraction(tree, url=url, fast=False, include_comments=False,
                                            include_tables=True, with_metadata=False)
        if retry is not None and retry.text and len(retry.text) > len(text):
            text = retry.text
    return text.split("\n")


_BLOCK_TAGS = frozenset("p div br li h1 h2 h3 h4 h5 h6 tr blockquote section article ul ol table pre dd dt hr "
                        "figure figcaption header footer main address details summary".split())
_SKIP_TAGS = frozenset("script style noscript template nav form button select textarea svg iframe object "
                       "head aside math canvas".split())


def _block_walk(root) -> list[str]:
    """All visible text of `root`, one paragraph per block element (iterative, no recursion)."""
    paragraphs: list[str] = []
    buf: list[str] = []
    skipping = None

    def flush() -> None:
        if buf:
            paragraphs.append("".join(buf))
            buf.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping is not None:
                continue
            if tag in _SKIP_TAGS:
                skipping = el
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if el.text and tag:
                buf.append(el.text)
        else:
            if skipping is not None:
                if el is not skipping:
                    continue
                skipping = None
            elif tag in _BLOCK_TAGS:
                flush()
            if el.tail and el is not root:
                buf.append(el.tail)
    flush()
    return [p for p in (_collapse(p) for p in paragraphs) if p]


_RAW_BLOCKS = ("script", "style", "noscript", "template", "head", "svg")
_BLOCK_TAG_RE = re.compile(
    r"<(?:/?(?:p|div|br|li|h[1-6]|tr|section|article|blockquote|ul|ol|table|header|footer|nav|aside|main|pre|dd|"
    r"dt|hr|figure|figcaption))\b[^<>]*>", re.I)
_ANY_TAG_RE = re.compile(r"<[^<>]*>")
_PARA_SPLIT_RE = re.compile(r"\n\s*\n")


def _strip_raw_blocks(text: str) -> str:
    """Remove <script>…</script> and similar blocks in one linear pass (str.find, no backtracking)."""
    lower = text.lower()
    out: list[str] = []
    pos, n = 0, len(text)
    while pos < n:
        nearest, name = -1, None
        for tag in _RAW_BLOCKS:
            i = lower.find("<" + tag, pos)
            if i != -1 and (nearest == -1 or i < nearest):
                nearest, name = i, tag
        if nearest == -1:
            out.append(text[pos:])
            break
        out.append(text[pos:nearest])
        end = lower.find("</" + name, nearest)
        if end == -1:
            break
        close = lower.find(">", end)
        pos = n if close == -1 else close + 1
    return "".join(out)


def _regex_walk(text: str) -> list[str]:
    """Linear-time text of any HTML, however deep or broken: block tags become paragraph breaks."""
    body = _strip_raw_blocks(text)
    body = _BLOCK_TAG_RE.sub("\n\n", body)
    body = _ANY_TAG_RE.sub("", body)
    body = htmllib.unescape(body)
    return [p for p in (_collapse(p) for p in _PARA_SPLIT_RE.split(body)) if p]


class _Metadata:
    """Metadata read from one lxml tree (before pruning). Each lookup is computed once, on demand."""

    def __init__(self, tree, base: str | None, raw: RawPage, *, small: bool = True) -> None:
        self.tree = tree
        self.small = small            # False for pages with tens of thousands of tags: skip htmldate
        self.base = base
        self.raw = raw
        self.metas: dict[str, str] = {}
        for el in tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            content = el.get("content")
            if key and content and content.strip():
                self.metas.setdefault(key.strip().lower(), content.strip())
        self._jsonld: dict | None = None

    # JSON-LD: first datePublished / headline / author found in any block (bounded walk)
    def jsonld(self) -> dict:
        if self._jsonld is not None:
            return self._jsonld
        found: dict = {}
        for script in _JSONLD_XPATH(self.tree)[:10]:
            raw_json = (script.text or "").strip()
            if not raw_json or len(raw_json) > 500_000:
                continue
            try:
                data = json.loads(raw_json)
            except (ValueError, RecursionError):
                continue
            stack, seen = [data], 0
            while stack and seen < 5000:
                node = stack.pop()
                seen += 1
                if isinstance(node, dict):
                    for key in ("datePublished", "dateCreated", "headline", "author"):
                        if key in node and key not in found:
                            found[key] = node[key]
                    stack.extend(v for v in node.values() if isinstance(v, (dict, list)))
                elif isinstance(node, list):
                    stack.extend(v for v in node[:200] if isinstance(v, (dict, list)))
        self._jsonld = found
        return found

    def title(self) -> str | None:
        for key in _TITLE_META_KEYS:
            value = _collapse(self.metas.get(key))
            if value:
                return value
        headline = self.jsonld().get("headline")
        if isinstance(headline, str) and _collapse(headline):
            return _collapse(headline)[:500]
        h1s = _H1_XPATH(self.tree)
        if len(h1s) == 1:
            value = _collapse(h1s[0].text_content())
            if value:
                return value[:500]
        title_el = self.tree.find(".//title")
        if title_el is not None:
            value = _collapse(title_el.text_content())
            if value:
                parts = _TITLE_SPLIT_RE.split(value)
                return max(parts, key=len)[:500] if len(parts) > 1 else value[:500]
        return None

    def author(self) -> str | None:
        for key in _AUTHOR_META_KEYS:
            name = _clean_author(self.metas.get(key))
            if name:
                return name
        value = self.jsonld().get("author")
        for _ in range(3):
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, dict):
                value = value.get("name")
        if isinstance(value, str):
            name = _clean_author(value)
            if name:
                return name
        tried = 0
        for el in _AUTHOR_XPATH(self.tree):
            if el.tag == "meta" or not (el.get("rel") == "author" or el.get("itemprop") == "author"
                                        or _AUTHOR_CLASS_RE.search(el.get("class") or "")):
                continue
            tried += 1
            if tried > 8:
                break
            links = el.findall(".//a") if el.tag != "a" else [el]
            names = el.xpath(".//*[@itemprop='name']")
            for cand in [*names, *links, el]:
                name = _clean_author(cand.text_content())
                if name:
                    return name
        return None

    def date(self, *, text_fallback: bool) -> tuple[dt.date, str] | None:
        for key in _DATE_META_KEYS:
            got = parse_date_string(self.metas.get(key))
            if got and _plausible(got[0], self.raw):
                return got
        ld = self.jsonld()
        for key in ("datePublished", "dateCreated"):
            if isinstance(ld.get(key), str):
                got = parse_date_string(ld[key])
                if got and _plausible(got[0], self.raw):
                    return got
        for el in _DATE_ATTR_XPATH(self.tree)[:5]:
            got = parse_date_string(el.get("content") or el.get("datetime"))
            if got and _plausible(got[0], self.raw):
                return got
        times = _TIME_XPATH(self.tree)[:20]
        times.sort(key=lambda t: 0 if (t.get("pubdate") is not None or t.get("itemprop") == "datePublished"
                                       or "publish" in (t.get("class") or "")) else 1)
        for el in times:
            got = parse_date_string(el.get("datetime")) or parse_date_line(_collapse(el.text_content()))
            if got and _plausible(got[0], self.raw):
                return got
        if text_fallback:
            region = _REGION_XPATH(self.tree)
            for root in ([region[0]] if region else []) + [self.tree]:
                checked = 0
                for node in root.itertext():
                    line = node.strip()
                    if not line:
                        continue
                    checked += 1
                    if checked > 400:
                        break
                    if len(line) <= 80 and not line.lower().startswith(("updated", "modified", "last")):
                        got = parse_date_line(line)
                        if got and _plausible(got[0], self.raw):
                            return got
        got = _url_date(self.base)
        if got and _plausible(got[0], self.raw):
            return got
        return self._htmldate() if self.small else None

    def _htmldate(self) -> tuple[dt.date, str] | None:
        try:
            from htmldate import find_date

            found = find_date(self.tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
        except Exception:  # noqa: BLE001 - a fallback that fails only means "no date"
            return None
        got = parse_date_string(found) if found else None
        return got if got and _plausible(got[0], self.raw) else None

    def canonical(self) -> str | None:
        for el in self.tree.iter("link"):
            rel = (el.get("rel") or "").lower().split()
            if "canonical" in rel and el.get("href"):
                url = _absolute_http(el.get("href"), self.base)
                if url:
                    return url
        return _absolute_http(self.metas.get("og:url"), self.base)

    def language(self) -> str | None:
        root = self.tree.getroottree().getroot()
        for value in (root.get("lang"), root.get("xml:lang"), root.get("{http://www.w3.org/XML/1998/namespace}lang")):
            code = normalize_lang_tag(value)
            if code:
                return code
        for key in _LANG_META_KEYS:
            value = self.metas.get(key)
            code = normalize_lang_tag(value.split(",")[0] if value else None)
            if code:
                return code
        return None


def _absolute_http(href: str | None, base: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    try:
        url = urljoin(base or "", href) if base else href
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return url


def _url_date(url: str | None) -> tuple[dt.date, str] | None:
    if not url:
        return None
    m = _URL_DATE_RE.search(url)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    try:
        if m.group(3):
            return dt.date(year, month, int(m.group(3))), "day"
        return dt.date(year, month, 1), "month"
    except ValueError:
        return None


_AUTHOR_BAD_RE = re.compile(r"https?:|www\.|@|\d|click|profile|view\s+all|more\s+from|read\s+more|"
                            r"staff|editorial|admin|unknown|posted", re.I)


def _clean_author(value: str | None) -> str | None:
    """A person's name from a byline-ish string, or None when it does not look like one."""
    if not value:
        return None
    value = _collapse(value)
    value = _HONORIFIC_RE.sub("", value).strip(" ,;:|-–—")
    if not value or len(value) > 60 or _AUTHOR_BAD_RE.search(value):
        return None
    words = value.split()
    if not 2 <= len(words) <= 6 or not any(ch.isupper() for ch in value):
        return None
    return value


# --------------------------------------------------------------------------- plain text


def _looks_like_title(line: str) -> bool:
    if not 3 <= len(line) <= 200 or len(line.split()) > 30:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if _NAV_LINE_RE.match(line) or _BULLET_SHORT_RE.match(line) or parse_date_line(line):
        return False
    return any(ch.isalpha() for ch in line)


def _parse_plain(raw: RawPage, text: str) -> Document:
    text = _NEWLINES_RE.sub("\n", text)
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        line = _WS_RE.sub(" ", line).strip()
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    title = author = None
    date = None
    drop: set[tuple[int, int]] = set()
    seen = 0
    for bi, block in enumerate(blocks):
        for li, line in enumerate(block):
            seen += 1
            if seen > 15 or len(line) > 300:
                break
            if _NAV_LINE_RE.match(line):
                drop.add((bi, li))
            elif date is None and (got := parse_date_line(line)) is not None:
                date = got
                drop.add((bi, li))
            elif (title is None and seen <= 6 and _looks_like_title(line)
                  and (len(block) == 1 or not _is_hard_wrapped(block))):
                title = line
                drop.add((bi, li))
            elif _BULLET_SHORT_RE.match(line):
                drop.add((bi, li))
        else:
            continue
        break

    paragraphs: list[str] = []
    for bi, block in enumerate(blocks):
        lines = [line for li, line in enumerate(block) if (bi, li) not in drop]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    paragraphs, blurb_author = _clean_paragraphs(paragraphs, title)
    author = _clean_author(blurb_author)
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        raise ParseError("no article text: plain text too short")
    return _finish(raw, paragraphs, title=title, author=author, date=date, canonical=None,
                   language=None, parser=PARSER_PLAIN)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one block that are a single paragraph wrapped at a fixed width (joined with spaces),
    as opposed to one paragraph per line."""
    if len(lines) < 2:
        return True
    body = lines[:-1]
    if any(_LEADING_BULLET_RE.match(line) for line in lines):
        return False
    widths = [len(line) for line in body]
    open_ended = sum(1 for line in body if not line.endswith((".", "!", "?", ":", '"', "”")))
    return max(widths) <= 110 and min(widths) >= 30 and open_ended >= len(body) / 2
