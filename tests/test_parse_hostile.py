"""Hostile and broken input: each case gives a Document or a ParseError, and quickly."""
from __future__ import annotations

import datetime as dt
import gzip
import time

import pytest

from transforms.errors import ParseError
from transforms.models import Document, RawPage
from transforms.parse import PARSER_WALK, parse_document

FETCHED = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
PARA = ("<p>Customs officers on both banks of the river reported that lorries carrying flour and fuel crossed "
        "the bridge on Wednesday after a two-day closure, according to the regional transport office.</p>")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


def page(body: bytes, content_type: str | None = "text/html") -> RawPage:
    return RawPage(source_id="t", url="https://example.org/h", final_url="https://example.org/h", status=200,
                   content_type=content_type, body=body, fetched_at=FETCHED)


def parse_quickly(body: bytes, content_type: str | None = "text/html", limit: float = 2.0):
    """Document or ParseError (anything else fails the test), within `limit` seconds."""
    start = time.perf_counter()
    try:
        result = parse_document(page(body, content_type))
    except ParseError as exc:
        result = exc
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.2f}s"
    assert isinstance(result, (Document, ParseError))
    if isinstance(result, ParseError):
        assert "\n" not in str(result) and str(result)
    return result


@pytest.mark.parametrize("depth", [300, 30_000, 100_000])
def test_deeply_nested_divs_keep_text_after_the_depth_limit(depth):
    body = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth + PARA + "</div>" * depth
            + PARA.replace("Wednesday", "Thursday") + "</body></html>").encode()
    doc = parse_quickly(body)
    assert isinstance(doc, Document)
    assert doc.parser == PARSER_WALK
    assert "on Wednesday" in doc.text and "on Thursday" in doc.text
    assert doc.title == "Deep"


@pytest.mark.parametrize("tag", ["span", "b", "table", "ul", "blockquote", "font"])
def test_deep_nesting_of_other_tags(tag):
    body = (f"<{tag}>" * 50_000 + PARA).encode()
    result = parse_quickly(body)
    if isinstance(result, Document):
        assert "lorries carrying flour" in result.text


def test_unclosed_tags_and_many_open_angles():
    parse_quickly(("<p>" + "<" * 200_000 + " text").encode())
    parse_quickly(("<script>" * 20_000 + PARA).encode())
    parse_quickly(("<!--" + PARA * 10).encode())


def test_null_bytes_inside_text():
    body = PARA.replace("flour", "fl\x00our").encode() * 2
    doc = parse_quickly(b"<html><body>" + body + b"</body></html>")
    assert isinstance(doc, Document) and "\x00" not in doc.text and "flour" in doc.text


def test_truncated_mid_tag():
    doc = parse_quickly(b"<html><head><title>Cut</title></head><body>" + PARA.encode() + b"<p>More text <a hre")
    assert isinstance(doc, Document) and "lorries carrying flour" in doc.text


def test_no_body_element():
    doc = parse_quickly(PARA.encode() * 3)
    assert isinstance(doc, Document) and "lorries carrying flour" in doc.text


def test_xml_declaration_before_xhtml():
    body = ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr">'
            "<body>" + PARA + "</body></html>").encode()
    doc = parse_quickly(body, "application/xhtml+xml")
    assert isinstance(doc, Document) and doc.language == "fr"


@pytest.mark.parametrize("body, kind", [
    (PNG, "PNG image"), (PDF, "PDF document"), (gzip.compress(PARA.encode()), "gzip data"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"), (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
])
def test_binary_served_as_html(body, kind):
    err = parse_quickly(body + bytes(range(256)) * 20)
    assert isinstance(err, ParseError)
    assert kind in str(err) and "text/html" in str(err)


def test_unrecognised_binary_noise():
    noise = bytes((i * 37 + 11) % 32 for i in range(5000))   # control bytes only
    err = parse_quickly(noise)
    assert isinstance(err, ParseError) and "binary" in str(err)


def test_javascript_app_shell():
    body = (b'<!doctype html><html><head><script src="/a.js"></script><script src="/b.js"></script></head>'
            b'<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>'
            b"<script>window.__STATE__={}</script></body></html>")
    err = parse_quickly(body)
    assert isinstance(err, ParseError) and "JavaScript app shell" in str(err)


def test_navigation_only_page():
    body = b"<html><body><nav><a href='/'>Home</a><a href='/x'>News</a></nav></body></html>"
    assert isinstance(parse_quickly(body), ParseError)


def test_utf16_little_endian_without_bom_declared_in_header():
    body = ("<html><body>" + PARA + "</body></html>").encode("utf-16-le")
    doc = parse_quickly(body, "text/html; charset=utf-16le")
    assert isinstance(doc, Document) and "lorries carrying flour" in doc.text


def test_bogus_and_dangerous_charsets_are_ignored():
    for charset in ("utf-7", "no-such-charset", "base64", "unicode_escape", "x" * 60):
        doc = parse_quickly(("<html><body>" + PARA + "</body></html>").encode(), f"text/html; charset={charset}")
        assert isinstance(doc, Document) and "lorries carrying flour" in doc.text


def test_huge_json_ld_and_deep_json():
    deep = "[" * 100_000 + "]" * 100_000
    body = (f'<html><head><script type="application/ld+json">{deep}</script></head><body>{PARA}</body></html>'
            ).encode()
    assert isinstance(parse_quickly(body), Document)


def test_very_wide_page():
    body = ("<html><body>" + "<p>x</p>" * 100_000 + PARA + "</body></html>").encode()
    parse_quickly(body, limit=10.0)


def test_oversized_body():
    err = parse_quickly(b"<p>" + b"a" * 21_000_000)
    assert isinstance(err, ParseError) and "too large" in str(err)
