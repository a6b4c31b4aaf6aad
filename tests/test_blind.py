"""The blind set (devset/blind/) is well formed: the same checks as tests/test_holdout.py.

The blind documents and their gold measure how the event coder generalises to prose nobody tuned
it on; coder engineers do not read them (see devset/blind/README.md). These tests only check the
set's own consistency: every gold file follows the seed gold's format; every document (each file in
docs/ and each item of the feed) has exactly one gold file and vice versa; every evidence phrase
occurs verbatim in the visible text of its document; the gold's publication date is the one the
document states (and the one in its name); HTML pages carry site boilerplate; the blog states no
absolute date in its body; the sources file reads the documents; and no document reuses a sentence
(or a 10-word run) of the seed article, or a sentence of samples/ or of devset/holdout/.
"""
from __future__ import annotations

import pathlib
import re
from email.utils import parsedate_to_datetime

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import test_samples as ts  # helpers only (module import: its tests are not re-collected)

REPO = pathlib.Path(__file__).resolve().parents[1]
BLIND = REPO / "devset" / "blind"
DOCS_DIR = BLIND / "docs"
GOLD_DIR = BLIND / "gold"
SOURCES = BLIND / "sources.yaml"
HOLDOUT_DOCS = REPO / "devset" / "holdout" / "docs"
FEED_LINK = re.compile(r"^https://caravan-blind\.example/news/([a-z0-9-]+)$")
STYLES = ("thinktank", "wire", "pressrelease", "digest", "interview", "blog", "brief")


def feed_files(folder: pathlib.Path = DOCS_DIR) -> list[pathlib.Path]:
    return sorted(folder.glob("*.xml"))


def feed_items(path: pathlib.Path) -> list[dict]:
    root = ts.ET.fromstring(path.read_bytes())
    return [{
        "link": (item.findtext("link") or "").strip(),
        "title": item.findtext("title"),
        "pubDate": item.findtext("pubDate"),
        "content": item.findtext(ts.CONTENT_NS) or "",
    } for item in root.iter("item")]


def documents(folder: pathlib.Path = DOCS_DIR, link: re.Pattern = FEED_LINK) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for path in sorted(folder.glob("*.*")):
        if path.suffix in (".html", ".txt"):
            raw = path.read_text(encoding="utf-8")
            text = ts.html_visible_text(raw) if path.suffix == ".html" else ts.squash(raw)
            docs[path.stem] = {"kind": path.suffix[1:], "raw": raw, "text": text, "path": path}
    for path in feed_files(folder):
        for item in feed_items(path):
            match = link.match(item["link"])
            key = match.group(1) if match else item["link"]
            docs[key] = {"kind": "feed", "raw": item["content"], "item": item, "path": path,
                         "text": ts.html_visible_text(item["content"])}
    return docs


def golds() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.yaml"))}


DOCS = documents() if DOCS_DIR.is_dir() else {}
GOLDS = golds() if GOLD_DIR.is_dir() else {}


def test_blind_set_has_every_style():
    kinds = [d["kind"] for d in DOCS.values()]
    assert kinds.count("html") >= 6 and kinds.count("txt") >= 1
    assert 2 <= kinds.count("feed") <= 3, "the feed holds two or three items"
    names = [p.name for p in DOCS_DIR.glob("*.*")]
    for style in STYLES:
        assert any(n.startswith(style + "-") for n in names), f"no {style} document"
    assert len(feed_files()) == 1


def test_every_document_has_gold_and_every_gold_a_document():
    assert DOCS and sorted(DOCS) == sorted(GOLDS)


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_follows_the_format(key):
    assert ts.format_problems(GOLDS[key], key) == []


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_size_and_ids(key):
    events = GOLDS[key]["events"]
    low, high = (4, 8) if DOCS.get(key, {}).get("kind") == "feed" else (8, 20)
    assert low <= len(events) <= high, f"{key}: {len(events)} events"
    assert [e["id"] for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_header_lists_the_planted_non_events(key):
    head = (GOLD_DIR / f"{key}.yaml").read_text(encoding="utf-8").split("\ndoc:")[0]
    assert "Not coded" in head, f"{key}: the header comment must list the planted non-events"


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_evidence_occurs_verbatim_in_visible_text(key):
    text = DOCS[key]["text"]
    missing = [e["id"] for e in GOLDS[key]["events"] if ts.squash(e["evidence"]) not in text]
    assert missing == [], f"{key}: evidence not found for {missing}"


@pytest.mark.parametrize("key", sorted(DOCS))
def test_publication_date_is_stated_and_matches_gold(key):
    stated = ts.stated_publication_dates(DOCS[key])
    assert stated, f"{key}: the document states no publication date"
    assert set(stated) == {GOLDS[key]["published"]}, f"{key}: {stated} vs gold {GOLDS[key]['published']}"
    assert key.endswith(GOLDS[key]["published"].isoformat())


def test_blog_states_no_absolute_date_in_its_body():
    blogs = [(k, d) for k, d in DOCS.items() if k.startswith("blog-")]
    assert blogs
    for key, doc in blogs:
        body = BeautifulSoup(doc["raw"], "html.parser").find("div", class_="entry-content")
        assert body is not None
        assert ts._visible_date(body.get_text(" ")) is None, f"{key}: the body carries an absolute date"
        assert not re.search(r"\b(19|20)\d\d\b", body.get_text(" ")), f"{key}: the body names a year"


@pytest.mark.parametrize("key", sorted(k for k, d in DOCS.items() if d["kind"] == "html"))
def test_html_pages_carry_boilerplate(key):
    soup = BeautifulSoup(DOCS[key]["raw"], "html.parser")
    assert soup.find("nav") is not None and soup.find("footer") is not None
    assert soup.find("title") is not None and soup.find("article") is not None
    body_words = len(soup.find("article").get_text(" ").split())
    assert 400 <= body_words <= 1400, f"{key}: article has {body_words} words"


def test_text_briefs_have_title_and_date_lines():
    briefs = [d for d in DOCS.values() if d["kind"] == "txt"]
    assert briefs
    for doc in briefs:
        lines = [l for l in doc["raw"].splitlines() if l.strip()]
        assert len(lines[0].split()) >= 3, "first line is the title"
        assert ts._visible_date(lines[1]) is not None, "second line carries the date"
        assert 400 <= len(doc["raw"].split()) <= 1300


def test_feed_items_are_well_formed():
    for path in feed_files():
        items = feed_items(path)
        assert 2 <= len(items) <= 3
        for item in items:
            assert FEED_LINK.match(item["link"]), item["link"]
            assert item["title"] and item["pubDate"]
            parsedate_to_datetime(item["pubDate"])
            assert len(ts.html_visible_text(item["content"]).split()) >= 150


def test_sources_file_reads_the_blind_documents():
    config = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    by_kind = {}
    for source in config["sources"]:
        by_kind.setdefault(source["kind"], []).append(source)
    assert {s["path"] for s in by_kind["files"]} == {"docs/*.html", "docs/*.txt"}
    (feed,) = by_kind["feed"]
    assert feed["path"] == "docs/*.xml" and feed["fetch_pages"] is False
    assert set(by_kind) == {"files", "feed"}, "offline sources only"


def test_sources_file_passes_the_project_validation():
    config_mod = pytest.importorskip("flows.config")
    loader = getattr(config_mod, "load_config", None) or getattr(config_mod, "load_sources", None)
    if loader is None:
        pytest.skip("flows.config exposes no loader under a known name")
    loader(SOURCES)


def _sentence_keys(text: str) -> set[str]:
    return {" ".join(ts._words(s)) for s in ts._sentences(text)}


def test_no_document_reuses_the_seed_article(shared_dir):
    seed = "\n".join(p.read_text(encoding="utf-8") for p in (shared_dir / "seed").glob("*.txt"))
    seed_sentences = _sentence_keys(seed)
    seed_words = ts._words(seed)
    run = 10
    seed_runs = {tuple(seed_words[i:i + run]) for i in range(len(seed_words) - run + 1)}
    for key, doc in DOCS.items():
        words = ts._words(doc["text"])
        joined = " ".join(words)
        reused = [s for s in seed_sentences if s and s in joined]
        assert reused == [], f"{key} reuses seed sentences: {reused[:2]}"
        shared_runs = [" ".join(words[i:i + run]) for i in range(len(words) - run + 1)
                       if tuple(words[i:i + run]) in seed_runs]
        assert shared_runs == [], f"{key} shares {run}-word runs with the seed: {shared_runs[:2]}"


def test_no_document_reuses_a_sample_or_holdout_sentence():
    other = set()
    for doc in ts.DOCS.values():
        other |= _sentence_keys(doc["text"])
    if HOLDOUT_DOCS.is_dir():
        holdout_link = re.compile(r"^https://caravan-holdout\.example/news/([a-z0-9-]+)$")
        for doc in documents(HOLDOUT_DOCS, holdout_link).values():
            other |= _sentence_keys(doc["text"])
    for key, doc in DOCS.items():
        joined = " ".join(ts._words(doc["text"]))
        reused = [s for s in other if s and s in joined]
        assert reused == [], f"{key} reuses sentences of samples/ or devset/holdout/: {reused[:2]}"


def test_feed_slugs_are_dated_and_unique():
    slugs = [k for k, d in DOCS.items() if d["kind"] == "feed"]
    assert len(slugs) == len(set(slugs))
    for slug in slugs:
        assert re.search(r"-\d{4}-\d{2}-\d{2}$", slug), slug
