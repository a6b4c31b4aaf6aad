"""The bundled sample corpus (samples/) and its dev-set gold (devset/gold/) agree with each other
and with the coding rules in devset/CODEBOOK.md.

Checks: every gold file follows the seed gold's format; every document (each sample file and each
feed item) has exactly one gold file; every evidence phrase occurs verbatim in the visible text of
its document; the gold's publication date is the one the document states; HTML pages carry site
boilerplate; and no sample reuses a sentence (or a long run of words) of the seed article.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

try:  # the project parses feeds with defusedxml; the stdlib parser is enough for our own files
    from defusedxml import ElementTree as ET
except ImportError:  # pragma: no cover
    import xml.etree.ElementTree as ET

REPO = pathlib.Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
FEEDS = SAMPLES / "feeds"
GOLD = REPO / "devset" / "gold"
FEED_FILE = FEEDS / "central-asia-digest.xml"
FEED_LINK = re.compile(r"^https://caravan-samples\.example/news/([a-z0-9-]+)$")
CONTENT_NS = "{http://purl.org/rss/1.0/modules/content/}encoded"

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PRECISIONS = {"day", "month", "year", "none"}
GROUP_CODES = {"TALIBAN", "ISKP", "IMU", "IJU", "TTT", "NRF", "UN", "SCO", "CSTO", "EU", "UNK"}
CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
POSTURES = {"engaging", "cautious", "hostile"}
EVENT_KEYS = {"id", "date", "precision", "actor1", "actor2", "type", "symmetric", "quantity",
              "fatalities", "location", "evidence"}
UNITS = {"USD", "EUR", "RUB", "tonnes", "percent", "people", "km", "MW", "kWh", "vehicles", "trucks",
         "cubic metres"}
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}


# ---------------------------------------------------------------- documents

def squash(text: str) -> str:
    """One space between words, typographic quotes kept as they are."""
    return re.sub(r"\s+", " ", text).strip()


def html_visible_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "template", "noscript", "head"]):
        tag.decompose()
    return squash(soup.get_text(" "))


def feed_items() -> list[dict]:
    root = ET.fromstring(FEED_FILE.read_bytes())
    items = []
    for item in root.iter("item"):
        link = (item.findtext("link") or "").strip()
        items.append({
            "link": link,
            "title": item.findtext("title"),
            "pubDate": item.findtext("pubDate"),
            "content": item.findtext(CONTENT_NS) or "",
        })
    return items


def documents() -> dict[str, dict]:
    """doc key -> {kind, text (visible), raw, path}. Keys follow score.py: last URL segment, no extension."""
    docs: dict[str, dict] = {}
    for path in sorted(SAMPLES.iterdir()):
        if path.is_file() and path.suffix in (".html", ".txt"):
            raw = path.read_text(encoding="utf-8")
            text = html_visible_text(raw) if path.suffix == ".html" else squash(raw)
            docs[path.stem] = {"kind": path.suffix[1:], "raw": raw, "text": text, "path": path}
    if FEED_FILE.exists():
        for item in feed_items():
            match = FEED_LINK.match(item["link"])
            key = match.group(1) if match else item["link"]
            docs[key] = {"kind": "feed", "raw": item["content"], "item": item, "path": FEED_FILE,
                         "text": html_visible_text(item["content"])}
    return docs


def golds() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.yaml"))}


DOCS = documents()
GOLDS = golds()


# ---------------------------------------------------------------- publication dates as the page states them

def _iso_day(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return dt.date(*map(int, match.groups())) if match else None


def _visible_date(text: str) -> dt.date | None:
    """A visible date line: 17.07.2025, 17 July 2025, July 17, 2025 or 2025-07-17 (first one found)."""
    patterns = [
        (r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", lambda m: dt.date(int(m[3]), int(m[2]), int(m[1]))),
        (r"\b(\d{4})-(\d{2})-(\d{2})\b", lambda m: dt.date(int(m[1]), int(m[2]), int(m[3]))),
        (r"\b(\d{1,2}) ([A-Z][a-z]+) (\d{4})\b",
         lambda m: dt.date(int(m[3]), MONTHS[m[2].lower()], int(m[1])) if m[2].lower() in MONTHS else None),
        (r"\b([A-Z][a-z]+)\.? (\d{1,2}), (\d{4})\b",
         lambda m: dt.date(int(m[3]), MONTHS[m[1].lower()], int(m[2])) if m[1].lower() in MONTHS else None),
    ]
    found = []
    for pattern, build in patterns:
        for m in re.finditer(pattern, text):
            day = build(m)
            if day:
                found.append((m.start(), day))
    return min(found)[1] if found else None


def stated_publication_dates(doc: dict) -> list[dt.date]:
    """Every publication date the document states in machine-readable or visible form."""
    if doc["kind"] == "feed":
        return [parsedate_to_datetime(doc["item"]["pubDate"]).date()]
    if doc["kind"] == "txt":
        head = "\n".join(doc["raw"].splitlines()[:4])
        day = _visible_date(head)
        return [day] if day else []
    soup = BeautifulSoup(doc["raw"], "html.parser")
    dates = []
    for meta in soup.find_all("meta", attrs={"property": "article:published_time"}):
        dates.append(_iso_day(meta.get("content", "")))
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        data = json.loads(script.string)
        for node in data if isinstance(data, list) else [data]:
            if node.get("datePublished"):
                dates.append(_iso_day(node["datePublished"]))
    for time in soup.find_all("time"):
        if time.get("datetime"):
            dates.append(_iso_day(time["datetime"]))
    if not dates:
        day = _visible_date(doc["text"])
        if day:
            dates.append(day)
    return [d for d in dates if d]


# ---------------------------------------------------------------- gold format (shared with the seed gold)

def as_iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def format_problems(gold: dict, key: str) -> list[str]:
    problems = []
    if str(gold.get("doc")) != key:
        problems.append(f"doc {gold.get('doc')!r} differs from file name {key!r}")
    published = gold.get("published")
    if not isinstance(published, dt.date):
        problems.append("published is not a YYYY-MM-DD date")
        published = dt.date.max
    for state, posture in (gold.get("postures") or {}).items():
        if state not in CENTRAL_ASIA or posture not in POSTURES:
            problems.append(f"posture {state}: {posture}")
    events = gold.get("events") or []
    if not events:
        problems.append("no events")
    ids = [e.get("id") for e in events]
    if len(ids) != len(set(ids)):
        problems.append("duplicate event ids")
    for e in events:
        where = f"{key}/{e.get('id')}"
        extra = set(e) - EVENT_KEYS
        if extra:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        for actor in (e.get("actor1"), e.get("actor2")):
            if actor is not None and not (actor in GROUP_CODES or re.fullmatch(r"[A-Z]{3}", str(actor))):
                problems.append(f"{where}: actor {actor!r} is not a code")
        if "actor1" not in e or "actor2" not in e:
            problems.append(f"{where}: actor1 and actor2 must both be present (null allowed)")
        types = e.get("type")
        if not isinstance(types, list) or not types or set(types) - TYPES or len(set(types)) != len(types):
            problems.append(f"{where}: type {types!r} must be a list of distinct PLOVER roots")
        precision = e.get("precision")
        date = as_iso(e.get("date"))
        if precision not in PRECISIONS:
            problems.append(f"{where}: precision {precision!r}")
        shape = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}.get(precision)
        if precision == "none" and date is not None:
            problems.append(f"{where}: precision none with a date")
        if shape:
            if date is None or not re.fullmatch(shape, date):
                problems.append(f"{where}: date {date!r} does not fit precision {precision}")
            else:
                parts = [int(p) for p in date.split("-")] + [1, 1]
                try:
                    day = dt.date(*parts[:3])
                except ValueError:
                    problems.append(f"{where}: date {date!r} is not a calendar date")
                else:
                    if day > published:
                        problems.append(f"{where}: date {date} after publication {published}")
        if "symmetric" in e and not isinstance(e["symmetric"], bool):
            problems.append(f"{where}: symmetric must be true/false")
        q = e.get("quantity")
        if q is not None and (set(q) != {"value", "unit"} or not isinstance(q["value"], (int, float))
                              or q["unit"] not in UNITS):
            problems.append(f"{where}: quantity {q!r}")
        f = e.get("fatalities")
        if f is not None and not (isinstance(f, int) and f >= 0):
            problems.append(f"{where}: fatalities {f!r}")
        if not isinstance(e.get("evidence"), str) or len(e["evidence"].split()) < 2:
            problems.append(f"{where}: evidence must be a phrase of the document")
    return problems


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
        assert _visible_date(lines[1]) is not None, "second line carries the date"
        assert 400 <= len(doc["raw"].split()) <= 1300


def test_feed_items_are_well_formed():
    items = feed_items()
    assert len(items) == 3
    for item in items:
        assert FEED_LINK.match(item["link"]), item["link"]
        assert item["title"] and item["pubDate"]
        assert len(html_visible_text(item["content"]).split()) >= 150


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", squash(text)) if len(s.split()) >= 6]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def test_no_sample_reuses_the_seed_article(shared_dir):
    seed = "\n".join(p.read_text(encoding="utf-8") for p in (shared_dir / "seed").glob("*.txt"))
    seed_sentences = {" ".join(_words(s)) for s in _sentences(seed)}
    seed_words = _words(seed)
    run = 10
    seed_runs = {tuple(seed_words[i:i + run]) for i in range(len(seed_words) - run + 1)}
    for key, doc in DOCS.items():
        words = _words(doc["text"])
        joined = " ".join(words)
        reused = [s for s in seed_sentences if s and s in joined]
        assert reused == [], f"{key} reuses seed sentences: {reused[:2]}"
        shared_runs = [" ".join(words[i:i + run]) for i in range(len(words) - run + 1)
                       if tuple(words[i:i + run]) in seed_runs]
        assert shared_runs == [], f"{key} shares {run}-word runs with the seed: {shared_runs[:2]}"
