"""parse_document on the seed page, the seed's plain text, and fixture pages written for these tests."""
from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from transforms.errors import ParseError
from transforms.models import RawPage, doc_id_for, sha256_hex
from transforms.parse import PARSER_PLAIN, PARSER_TRAFILATURA, parse_document

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "parse"
FETCHED = dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.timezone.utc)
SEED_URL = "https://idsa.in/idsacomments/the-dynamics-of-central-asian-engagement-jwahlang-190224"


def raw_page(body: bytes, content_type: str | None = "text/html; charset=utf-8",
             url: str = "https://example.org/a", **kw) -> RawPage:
    return RawPage(source_id="test", url=url, final_url=url, status=200, content_type=content_type,
                   body=body, fetched_at=FETCHED, **kw)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


# ----------------------------------------------------------------------------------------- the seed

SEED_BOILERPLATE = (
    "Related Comments", "Most Read", "Russia Hosts Taliban Delegation", "China Signs Oil Extraction",
    "uses cookies", "Accept", "Tweet", "Whatsapp", "Linkedin", "Click here for detailed profile",
    "is a Research Analyst", "Views expressed", "Copyright", "Privacy Policy", "Skip to main content",
    "You are here", "Comments & Briefs", "Ask an Expert",
)


@pytest.fixture(scope="module")
def seed_doc(seed_html):
    return parse_document(raw_page(seed_html, url=SEED_URL + "?utm=x"))


def test_seed_body_without_boilerplate(seed_doc, seed_html):
    text = seed_doc.text
    for phrase in SEED_BOILERPLATE:
        assert phrase not in text, phrase
    paras = paragraphs(text)
    assert paras[0].startswith("On 29 December 2023, Kazakhstan announced the removal of the Taliban")
    assert paras[-1].startswith("Central Asian nations, barring Tajikistan, have established")
    assert paras[-1].endswith("plaguing the region.")
    assert "Central Asian Concerns" in paras          # the section heading is kept as its own paragraph
    assert len(paras) >= 18
    # the title is metadata, not the first paragraph
    assert not text.startswith("The Dynamics of Central Asian Engagement")
    # footnote markers stay as written
    assert "regional economy.1" in text and "totalling an approximate $ 987.9 million in 2022.8" in text


def test_seed_metadata(seed_doc):
    assert seed_doc.title == "The Dynamics of Central Asian Engagement with the Taliban Government"
    assert seed_doc.published_at == dt.date(2024, 2, 19)
    assert seed_doc.published_precision == "day"
    assert seed_doc.canonical_url == SEED_URL
    assert seed_doc.language == "en"
    assert seed_doc.author == "Jason Wahlang"
    assert seed_doc.parser == PARSER_TRAFILATURA


def test_seed_record_fields(seed_doc, seed_html):
    assert seed_doc.url == SEED_URL + "?utm=x"
    assert seed_doc.doc_id == doc_id_for(SEED_URL + "?utm=x")
    assert seed_doc.content_hash == sha256_hex(seed_html)
    assert seed_doc.text_hash == sha256_hex(seed_doc.text)
    assert seed_doc.source_id == "test"


def test_seed_plain_text_matches_html_text(seed_text, seed_doc):
    """The site's own text dump (menus and blurb included) reduces to the same article text."""
    doc = parse_document(raw_page(seed_text.encode("utf-8"), "text/plain", url="file:///data/seed.txt"))
    assert doc.parser == PARSER_PLAIN
    assert doc.title == "The Dynamics of Central Asian Engagement with the Taliban Government"
    assert doc.published_at == dt.date(2024, 2, 19) and doc.published_precision == "day"
    assert doc.author == "Jason Wahlang"
    assert doc.language == "en"
    for phrase in SEED_BOILERPLATE:
        assert phrase not in doc.text, phrase
    assert doc.text == seed_doc.text


def test_seed_utf16_with_bom(seed_html):
    body = seed_html.decode("utf-8").encode("utf-16")       # BOM + UTF-16, meta still says utf-8
    doc = parse_document(raw_page(body, "text/html"))
    assert doc.title == "The Dynamics of Central Asian Engagement with the Taliban Government"
    assert "Kazakhstan announced the removal" in doc.text


# ----------------------------------------------------------------------------------------- fixtures

CANAL_FIRST = "Delegations from a fictional river republic and a neighbouring mountain state met"


@pytest.mark.parametrize("name, expected", [
    ("jsonld_date.html", dt.date(2023, 11, 8)),      # JSON-LD only (the +06:00 day, not UTC's)
    ("time_only.html", dt.date(2025, 3, 14)),        # <time datetime> only
    ("visible_date.html", dt.date(2024, 2, 19)),     # "February 19, 2024" line only
    ("visible_date_dots.html", dt.date(2025, 7, 17)),  # "17.07.2025" line only
])
def test_date_sources(name, expected):
    doc = parse_document(raw_page(fixture(name)))
    assert doc.published_at == expected
    assert doc.published_precision == "day"
    assert paragraphs(doc.text)[0].startswith(CANAL_FIRST)
    assert len(paragraphs(doc.text)) == 3
    assert "17.07.2025" not in doc.text and "February 19, 2024" not in doc.text


def test_jsonld_metadata_and_lang_subtag():
    doc = parse_document(raw_page(fixture("jsonld_date.html")))
    assert doc.title == "Canal talks resume between river neighbours"
    assert doc.author == "Aida Kemelova"
    assert doc.language == "en"                       # from lang="en-GB"
    assert "All rights reserved" not in doc.text and "World" not in paragraphs(doc.text)


def test_no_date_means_precision_none():
    doc = parse_document(raw_page(fixture("no_date.html")))
    assert doc.published_at is None
    assert doc.published_precision == "none"
    assert doc.title == "Notes on a shared canal"
    assert doc.language == "en"                       # no lang attribute: detected from the text


def test_month_precision_from_meta():
    html = fixture("no_date.html").replace(
        b"<title>", b'<meta name="dc.date" content="2024-05"><title>')
    doc = parse_document(raw_page(html))
    assert (doc.published_at, doc.published_precision) == (dt.date(2024, 5, 1), "month")


def test_future_date_is_rejected():
    html = fixture("no_date.html").replace(
        b"<title>", b'<meta property="article:published_time" content="2031-01-01"><title>')
    assert parse_document(raw_page(html)).published_precision == "none"


def test_plain_text_with_date_line():
    doc = parse_document(raw_page(fixture("plain_dated.txt"), "text/plain"))
    assert doc.parser == PARSER_PLAIN
    assert doc.title == "Traders return to the border market"
    assert (doc.published_at, doc.published_precision) == (dt.date(2024, 6, 3), "day")
    paras = paragraphs(doc.text)
    assert len(paras) == 2
    assert paras[0].startswith("After several years of waiting")
    assert "\n\n" in doc.text and "3 June 2024" not in doc.text


def test_plain_text_hard_wrapped_lines_are_joined():
    body = ("Ministers met in the capital on Friday and agreed a plan to widen\n"
            "the road between the two border towns before the end of next year,\n"
            "officials said after the meeting.\n\nA second paragraph follows here.\n").encode()
    doc = parse_document(raw_page(body, "text/plain"))
    assert paragraphs(doc.text)[0] == ("Ministers met in the capital on Friday and agreed a plan to widen the road "
                                       "between the two border towns before the end of next year, officials said "
                                       "after the meeting.")


def test_feed_item_fragment_uses_feed_title_and_date():
    published = dt.datetime(2025, 5, 2, 7, 0, tzinfo=dt.timezone.utc)
    doc = parse_document(raw_page(fixture("feed_item.html"), "text/html", url="https://example.org/news/rail",
                                  feed_title="  Rail memorandum signed ", feed_published=published))
    assert doc.title == "Rail memorandum signed"
    assert (doc.published_at, doc.published_precision) == (dt.date(2025, 5, 2), "day")
    assert paragraphs(doc.text) == [
        "Ministers from two neighbouring states signed a memorandum on rail freight on Thursday, according to a "
        "statement from the host ministry.",
        "The document sets out a timetable for a feasibility study.",
    ]
    assert doc.url == "https://example.org/news/rail"


def test_cp1251_declared_only_in_meta():
    body = fixture("cp1251_meta.html")
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    doc = parse_document(raw_page(body, "text/html"))     # no charset in the header
    assert doc.title == "Переговоры о канале"
    assert "Делегации двух соседних государств" in doc.text
    assert doc.language == "ru"


def test_header_charset_wins_over_wrong_guess():
    body = "<html><body><p>Делегации встретились, чтобы обсудить общий канал и пограничный рынок.</p></body></html>"
    doc = parse_document(raw_page(body.encode("koi8-r"), "text/html; charset=KOI8-R"))
    assert "Делегации встретились" in doc.text


def test_text_plain_that_is_html_is_parsed_as_html():
    doc = parse_document(raw_page(fixture("no_date.html"), "text/plain"))
    assert doc.parser == PARSER_TRAFILATURA
    assert "<p>" not in doc.text


def test_canonical_relative_and_og_url():
    html = fixture("no_date.html").replace(b"<title>", b'<link rel="Canonical" href="/canal-notes"><title>')
    doc = parse_document(raw_page(html, url="https://example.org/x?id=1"))
    assert doc.canonical_url == "https://example.org/canal-notes"
    html = fixture("no_date.html").replace(b"<title>", b'<link rel="canonical" href="javascript:void(0)"><title>')
    assert parse_document(raw_page(html)).canonical_url is None


@pytest.mark.parametrize("body, content_type, message", [
    (b"", "text/html", "empty"),
    (b"   \n\t ", "text/html", "empty"),
    (b'{"a": 1}', "application/json", "JSON"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', "application/rss+xml",
     "feed"),
])
def test_no_article_errors(body, content_type, message):
    with pytest.raises(ParseError, match=message):
        parse_document(raw_page(body, content_type))
