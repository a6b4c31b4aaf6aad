"""Properties of the whole page pipeline (hypothesis): parse + code never raise on any bytes, and every event's
offsets index its document's text, in Python (code points) and in the warehouse (DuckDB substr, 1-based).
"""
from __future__ import annotations

import datetime as dt
import pathlib
import uuid

import duckdb
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import write_sources
from transforms.models import RawPage
from transforms.pipeline import process_pages

NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
ACTIONS = {"parsed", "unchanged", "metadata", "failed"}

# sentences the coder codes, so generated pages carry events whose offsets can be checked
EVENT_SENTENCES = [
    "Uzbekistan's foreign minister visited Kabul on 7 October 2021 and met Taliban officials.",
    "Kazakhstan sent 5,000 tonnes of flour to Afghanistan in March 2023.",
    "Tajikistan accused the Taliban of arming militants on 4 May 2024.",
    "Turkmenistan signed an agreement with the Taliban in Herat on 11 September 2024.",
    "Kyrgyz officials held talks with the Taliban in Bishkek on 2 February 2023.",
]
# text that moves code-point, UTF-16 and UTF-8 offsets apart, and other awkward characters
ODD = ["🇺🇿", "𝔘𝔷𝔟𝔢𝔨", "😀", "é", "e\u0301", "\u200b", "\u200f", "\u00a0", "\ufeff", "Ташкент", "کابل",
       "中亚", "\r\n", "\t", "&amp;", "&#x1F600;", "&nbsp;", "<", ">", "\\", "\x0b", "\u2028", "\x00"]

TAGS = ["p", "div", "article", "span", "b", "i", "a", "h1", "h2", "li", "ul", "td", "tr", "table", "section",
        "header", "footer", "nav", "aside", "script", "style", "noscript", "title", "pre", "blockquote", "br"]

words = st.one_of(st.sampled_from(EVENT_SENTENCES), st.sampled_from(ODD), st.text(max_size=40))


@st.composite
def html_soup(draw) -> str:
    """HTML-ish text: nested, unclosed and stray tags, attributes, entities, event sentences, odd characters."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["<!DOCTYPE html>", "<html>", "<html lang='en'><head>",
                                           '<meta charset="utf-8">', "<?xml version='1.0'?>", ""])))
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="x"', " id=a", ' href="javascript:1"', " style='", ' data-x="<p>"']))
            parts.append(f"<{tag}{attr}>")
            open_tags.append(tag)
        elif choice == 1 and open_tags:
            parts.append(f"</{open_tags.pop()}>")
        elif choice == 2:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")        # stray close
        else:
            parts.append(" ".join(draw(st.lists(words, min_size=1, max_size=4))))
    if draw(st.booleans()):
        parts.extend(f"</{t}>" for t in reversed(open_tags))
    text = "".join(parts)
    cut = draw(st.integers(0, len(text)))
    return text if draw(st.booleans()) else text[:cut]


@st.composite
def raw_pages(draw) -> RawPage:
    kind = draw(st.sampled_from(["soup", "text", "bytes"]))
    if kind == "soup":
        body_text = draw(html_soup())
    elif kind == "text":
        body_text = " ".join(draw(st.lists(words, max_size=12)))
    else:
        body_text = None
    if body_text is None:
        body = draw(st.binary(max_size=2000))
    else:
        encoding = draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1251", "latin-1"]))
        body = body_text.encode(encoding, errors="replace")
    ctype = draw(st.sampled_from(["text/html", "text/html; charset=utf-8", "text/plain", "text/plain; charset=utf-16",
                                  "application/xhtml+xml", "application/octet-stream", None,
                                  "text/html; charset=bogus-charset"]))
    url = f"https://example.org/p/{uuid.uuid4().hex}" if draw(st.booleans()) else f"file:///tmp/{uuid.uuid4().hex}.txt"
    return RawPage(source_id="prop", url=url, final_url=url, status=200, content_type=ctype, body=body,
                   fetched_at=NOW, headers={})


def check_result(pages: list[RawPage], result) -> None:
    assert len(result.pages) == len(pages)
    assert {p.action for p in result.pages} <= ACTIONS
    for page in result.pages:
        if page.action == "failed":
            assert page.error and "\n" not in page.error
            assert not page.error.startswith("coder:"), f"the coder raised: {page.error}"
    by_id = {d.doc_id: d for d in result.documents}
    for doc_id, events in result.events.items():
        text = by_id[doc_id].text
        for e in events:
            assert 0 <= e.start_char < e.end_char <= len(text), (e.start_char, e.end_char, len(text))
            assert text[e.start_char:e.end_char] == e.evidence, (e.start_char, e.end_char, e.evidence, text)


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.data_too_large])


@SETTINGS
@given(st.lists(raw_pages(), min_size=1, max_size=4))
def test_process_pages_never_raises_and_offsets_index_text(pages: list[RawPage]) -> None:
    check_result(pages, process_pages(pages, {}))


@SETTINGS
@given(st.text(max_size=3000), st.sampled_from(["text/plain", "text/html"]))
def test_arbitrary_text_never_raises(text: str, ctype: str) -> None:
    page = RawPage(source_id="prop", url="https://example.org/t", final_url="https://example.org/t", status=200,
                   content_type=ctype, body=text.encode("utf-8", errors="surrogatepass"), fetched_at=NOW)
    check_result([page], process_pages([page], {}))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(prefix=st.lists(st.sampled_from(ODD[:-1]), min_size=1, max_size=8), sentence=st.sampled_from(EVENT_SENTENCES),
       tail=st.text(max_size=200))
def test_offsets_match_duckdb_substr_after_save(tmp_path_factory, prefix, sentence, tail) -> None:
    """save_batch then SQL: DuckDB's 1-based substr over VARCHAR (code points) gives back the evidence."""
    from transforms.coder import CODER_VERSION
    from warehouse.db import LoadBatch, open_warehouse, save_batch

    text = "Brief\n12 March 2024\n\n" + " ".join(prefix) + " " + sentence + " " + tail + "\n"
    url = f"file:///tmp/prop/{uuid.uuid4().hex}.txt"
    page = RawPage(source_id="prop", url=url, final_url=url, status=200, content_type="text/plain",
                   body=text.encode("utf-8", errors="surrogatepass"), fetched_at=NOW)
    result = process_pages([page], {})
    assume(result.events and any(result.events.values()))
    db = tmp_path_factory.getbasetemp() / "prop-warehouse" / "w.duckdb"
    db.parent.mkdir(exist_ok=True)
    with open_warehouse(str(db)) as con:
        save_batch(con, LoadBatch(run_id="prop", sources=[], fetches=[], documents=result.documents,
                                  events=result.events, coder_version=CODER_VERSION))
        rows = con.execute(
            "SELECT e.start_char, e.end_char, e.evidence, substr(d.text, e.start_char + 1, e.end_char - e.start_char),"
            " d.text FROM events e JOIN documents d USING (doc_id) WHERE d.url = ?", [url]).fetchall()
    assert rows
    for start, end, evidence, sub, stored_text in rows:
        assert sub == evidence
        assert stored_text[start:end] == evidence


# ------------------------------------------------------------------------ after a real refresh

ODD_DOC = ("Brief: 🇺🇿 Ташкент 𝔘𝔷𝔟𝔢𝔨 notes\n3 May 2024\n\n"
           "Résumé e\u0301 😀😀 中亚 کابل \u200b\u200f —\n"
           "Uzbekistan's foreign minister visited Kabul on 7 October 2021 and met Taliban officials. 🇦🇫\n"
           "𝔗𝔢𝔵𝔱 😀 Kazakhstan sent 5,000 tonnes of flour to Afghanistan in March 2023.\n")


@pytest.mark.usefixtures("prefect_harness")
def test_every_event_offset_indexes_documents_text_after_refresh(tmp_path: pathlib.Path) -> None:
    from flows.refresh import refresh_flow

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "odd.txt").write_text(ODD_DOC, encoding="utf-8")
    (tmp_path / "docs" / "odd.html").write_text(
        "<html><head><meta charset='utf-8'><title>🇺🇿 notes</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in ODD_DOC.splitlines()[3:]) + "</article></body></html>",
        encoding="utf-8")
    sources = write_sources(tmp_path, "sources:\n  - id: odd\n    kind: files\n    path: docs/*\n")
    db = tmp_path / "w.duckdb"
    summary = refresh_flow(sources_path=str(sources), db_path=str(db))
    assert summary["counts"]["sources_failed"] == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT e.event_id, e.start_char, e.end_char, e.evidence, d.text, "
            "substr(d.text, e.start_char + 1, e.end_char - e.start_char) = e.evidence "
            "FROM events e JOIN documents d USING (doc_id)").fetchall()
        (mismatched,), = con.execute(
            "SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
            "WHERE substr(d.text, e.start_char + 1, e.end_char - e.start_char) IS DISTINCT FROM e.evidence").fetchall()
    finally:
        con.close()
    assert len(rows) >= 4, rows          # two events in each of the two documents
    assert mismatched == 0
    discriminating = 0
    for _id, start, end, evidence, text, same in rows:
        assert same and text[start:end] == evidence
        before = text[:start]
        # the offsets are code points: bytes or UTF-16 units before the sentence would give other numbers
        if len(before.encode("utf-8")) != start and len(before.encode("utf-16-le")) // 2 != start:
            discriminating += 1
    assert discriminating >= 2, "no event is preceded by non-BMP text: the check would not tell offsets apart"
