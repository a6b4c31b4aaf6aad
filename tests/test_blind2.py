"""The second blind set (devset/blind2/) is well formed: the same checks as tests/test_blind.py.

Coder engineers do not read these documents or their gold (see devset/blind2/README.md); these
tests only check the set's own consistency: gold format, documents and gold pair up, evidence
phrases occur verbatim in the visible text, publication dates agree with what each document states,
HTML pages carry boilerplate, the blog's body states no absolute date, the text brief has title and
date lines, the sources file reads the documents offline, and no document reuses a sentence (or a
10-word run) of the seed article, or a sentence of samples/, devset/holdout/ or devset/blind/.
This set has no feed: six files only.
"""
from __future__ import annotations

import pathlib
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from tests import test_blind as tb   # helpers only (module import: its tests are not re-collected)
from tests import test_samples as ts

REPO = pathlib.Path(__file__).resolve().parents[1]
BLIND2 = REPO / "devset" / "blind2"
DOCS_DIR = BLIND2 / "docs"
GOLD_DIR = BLIND2 / "gold"
SOURCES = BLIND2 / "sources.yaml"
STYLES = ("thinktank", "wire", "pressrelease", "blog", "brief")

DOCS = tb.documents(DOCS_DIR) if DOCS_DIR.is_dir() else {}
GOLDS = ({p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.yaml"))}
         if GOLD_DIR.is_dir() else {})


def test_blind2_set_has_every_style():
    kinds = [d["kind"] for d in DOCS.values()]
    assert kinds.count("html") == 5 and kinds.count("txt") == 1 and "feed" not in kinds
    names = [p.name for p in DOCS_DIR.glob("*.*")]
    for style in STYLES:
        assert any(n.startswith(style + "-") for n in names), f"no {style} document"
    assert sum(n.startswith("thinktank-") for n in names) == 2


def test_every_document_has_gold_and_every_gold_a_document():
    assert DOCS and sorted(DOCS) == sorted(GOLDS)


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_follows_the_format(key):
    assert ts.format_problems(GOLDS[key], key) == []


@pytest.mark.parametrize("key", sorted(GOLDS))
def test_gold_size_and_ids(key):
    events = GOLDS[key]["events"]
    low, high = (18, 32) if key.startswith("thinktank-") else (8, 24)
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
    low, high = (900, 1400) if key.startswith("thinktank-") else (400, 1400)
    assert low <= body_words <= high, f"{key}: article has {body_words} words"


@pytest.mark.parametrize("key", sorted(k for k in DOCS if k.startswith("thinktank-")))
def test_thinktank_footnote_markers_are_glued_to_words(key):
    text = DOCS[key]["text"]
    assert len(re.findall(r"[a-z\)]\.?\d\b", text)) >= 4, f"{key}: no glued footnote markers"


def test_text_briefs_have_title_and_date_lines():
    briefs = [d for d in DOCS.values() if d["kind"] == "txt"]
    assert briefs
    for doc in briefs:
        lines = [l for l in doc["raw"].splitlines() if l.strip()]
        assert len(lines[0].split()) >= 3, "first line is the title"
        assert ts._visible_date(lines[1]) is not None, "second line carries the date"
        assert 400 <= len(doc["raw"].split()) <= 1300


def test_sources_file_reads_the_blind2_documents():
    config = yaml.safe_load(SOURCES.read_text(encoding="utf-8"))
    kinds = {s["kind"] for s in config["sources"]}
    assert kinds == {"files"}, "offline sources only"
    assert {s["path"] for s in config["sources"]} == {"docs/*.html", "docs/*.txt"}


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


def test_no_document_reuses_a_sentence_of_the_other_sets():
    other = set()
    for doc in ts.DOCS.values():
        other |= _sentence_keys(doc["text"])
    for folder, link in ((REPO / "devset" / "holdout" / "docs",
                          re.compile(r"^https://caravan-holdout\.example/news/([a-z0-9-]+)$")),
                         (tb.DOCS_DIR, tb.FEED_LINK)):
        if folder.is_dir():
            for doc in tb.documents(folder, link).values():
                other |= _sentence_keys(doc["text"])
    for key, doc in DOCS.items():
        joined = " ".join(ts._words(doc["text"]))
        reused = [s for s in other if s and s in joined]
        assert reused == [], f"{key} reuses sentences of another set: {reused[:2]}"
