"""The bundled sample corpus (samples/) and its dev-set gold (devset/gold/) agree with each other
and with the coding rules in devset/CODEBOOK.md.

Checks: every gold file follows the seed gold's format; every document (each sample file and each
feed item) has exactly one gold file; every evidence phrase occurs verbatim in the visible text of
its document; the gold's publication date is the one the document states; HTML pages carry site
boilerplate; and no sample reuses a sentence (or a long run of words) of the seed article.
"""
from __future__ import annotations

import pathlib
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import devset_checks as dc
from tests.devset_checks import (format_problems, html_visible_text, squash, stated_publication_dates,
                                 visible_date)

REPO = pathlib.Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
FEEDS = SAMPLES / "feeds"
GOLD = REPO / "devset" / "gold"
FEED_FILE = FEEDS / "central-asia-digest.xml"
FEED_LINK = re.compile(r"^https://caravan-samples\.example/news/([a-z0-9-]+)$")


def feed_items() -> list[dict]:
    return dc.feed_items(FEED_FILE)


def documents() -> dict[str, dict]:
    """doc key -> {kind, text (visible), raw, path}. Keys follow score.py: last URL segment, no extension."""
    feeds = [FEED_FILE] if FEED_FILE.exists() else []
    return dc.documents(sorted(SAMPLES.iterdir()), feeds, FEED_LINK)


DOCS = documents()
GOLDS = dc.golds(GOLD)


# ---------------------------------------------------------------- tests

def test_corpus_is_big_and_varied_enough():
    kinds = [d["kind"] for d in DOCS.values()]
    assert kinds.count("feed") == 3, "the feed holds three items"
    assert kinds.count("txt") >= 1
    assert kinds.count("html") >= 7
    assert len(DOCS) >= 11  # eight pages and briefs plus three feed items
    names = [p.name for p in SAMPLES.glob("*.*")]
    for style in ("thinktank", "wire", "pressrelease", "digest", "interview", "blog", "brief", "commentary"):
        assert any(n.startswith(style + "-") for n in names), f"no {style} sample"


def test_every_document_has_gold_and_every_gold_a_document():
    assert sorted(DOCS) == sorted(GOLDS)


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_follows_the_format(key):
    assert format_problems(GOLDS[key], key) == []


def test_seed_gold_passes_the_same_format_check(shared_dir):
    # The checker above must accept the seed gold it was modelled on, or it checks the wrong thing.
    for path in (shared_dir / "eval" / "gold").glob("*.yaml"):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert format_problems(gold, path.stem) == []


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_size_and_ids(key):
    events = GOLDS[key]["events"]
    low = 3 if DOCS.get(key, {}).get("kind") == "feed" else 8
    assert low <= len(events) <= 25
    assert [e["id"] for e in events] == [f"e{i}" for i in range(1, len(events) + 1)]


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_evidence_occurs_verbatim_in_visible_text(key):
    text = DOCS[key]["text"]
    missing = [e["id"] for e in GOLDS[key]["events"] if squash(e["evidence"]) not in text]
    assert missing == [], f"{key}: evidence not found for {missing}"


@pytest.mark.parametrize("key", sorted(DOCS))
def test_publication_date_is_stated_and_matches_gold(key):
    stated = stated_publication_dates(DOCS[key])
    assert stated, f"{key}: the document states no publication date"
    assert set(stated) == {GOLDS[key]["published"]}, f"{key}: {stated} vs gold {GOLDS[key]['published']}"
    # the slug carries the publication date too
    assert key.endswith(GOLDS[key]["published"].isoformat())


@pytest.mark.parametrize("key", sorted(k for k, d in DOCS.items() if d["kind"] == "html"))
def test_html_pages_carry_boilerplate(key):
    soup = BeautifulSoup(DOCS[key]["raw"], "html.parser")
    assert soup.find("nav") is not None and soup.find("footer") is not None
    assert soup.find("title") is not None and soup.find("article") is not None
    body_words = len(soup.find("article").get_text(" ").split())
    assert 400 <= body_words <= 1400, f"{key}: article has {body_words} words"


def test_text_briefs_have_title_and_date_lines():
    for doc in (d for d in DOCS.values() if d["kind"] == "txt"):
        lines = [l for l in doc["raw"].splitlines() if l.strip()]
        assert len(lines[0].split()) >= 3, "first line is the title"
        assert visible_date(lines[1]) is not None, "second line carries the date"
        assert 400 <= len(doc["raw"].split()) <= 1300


def test_feed_items_are_well_formed():
    items = feed_items()
    assert len(items) == 3
    for item in items:
        assert FEED_LINK.match(item["link"]), item["link"]
        assert item["title"] and item["pubDate"]
        assert len(html_visible_text(item["content"]).split()) >= 150


def test_no_sample_reuses_the_seed_article(shared_dir):
    assert dc.seed_reuse(DOCS, shared_dir / "seed") == []
