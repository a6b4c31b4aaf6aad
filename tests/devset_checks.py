"""Helpers shared by the checks of hand-written evaluation sets (tests/test_samples.py, tests/test_devsets.py).

A plain module (no `test_` prefix, so pytest does not collect it): it loads documents and gold,
reads the publication dates a document states, checks a gold file against the seed gold's format,
and finds sentences (or long runs of words) a document reuses from other text.
"""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re
from collections.abc import Iterable
from email.utils import parsedate_to_datetime

import yaml
from bs4 import BeautifulSoup

try:  # the project parses feeds with defusedxml; the stdlib parser is enough for our own files
    from defusedxml import ElementTree as ET
except ImportError:  # pragma: no cover
    import xml.etree.ElementTree as ET

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


# ---------------------------------------------------------------- documents and gold

def squash(text: str) -> str:
    """One space between words, typographic quotes kept as they are."""
    return re.sub(r"\s+", " ", text).strip()


def html_visible_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "template", "noscript", "head"]):
        tag.decompose()
    return squash(soup.get_text(" "))


def feed_items(path: pathlib.Path) -> list[dict]:
    """The items of an RSS file: link, title, pubDate and content:encoded."""
    root = ET.fromstring(path.read_bytes())
    return [{
        "link": (item.findtext("link") or "").strip(),
        "title": item.findtext("title"),
        "pubDate": item.findtext("pubDate"),
        "content": item.findtext(CONTENT_NS) or "",
    } for item in root.iter("item")]


def documents(files: Iterable[pathlib.Path], feeds: Iterable[pathlib.Path],
              link: re.Pattern | None) -> dict[str, dict]:
    """doc key -> {kind, text (visible), raw, path}. Keys follow score.py: last URL segment, no extension.

    `files` may hold any paths (only .html and .txt files are read); each item of each of `feeds`
    is a document keyed by the slug `link` captures (the whole link where it does not match).
    """
    docs: dict[str, dict] = {}
    for path in files:
        if path.is_file() and path.suffix in (".html", ".txt"):
            raw = path.read_text(encoding="utf-8")
            text = html_visible_text(raw) if path.suffix == ".html" else squash(raw)
            docs[path.stem] = {"kind": path.suffix[1:], "raw": raw, "text": text, "path": path}
    for path in feeds:
        for item in feed_items(path):
            match = link.match(item["link"]) if link else None
            key = match.group(1) if match else item["link"]
            docs[key] = {"kind": "feed", "raw": item["content"], "item": item, "path": path,
                         "text": html_visible_text(item["content"])}
    return docs


def golds(folder: pathlib.Path) -> dict[str, dict]:
    """file stem -> parsed gold, for every *.yaml in `folder` ({} when the folder is absent)."""
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yaml"))}


# ---------------------------------------------------------------- publication dates as the page states them

def iso_day(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    return dt.date(*map(int, match.groups())) if match else None


def visible_date(text: str) -> dt.date | None:
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
        day = visible_date(head)
        return [day] if day else []
    soup = BeautifulSoup(doc["raw"], "html.parser")
    dates = []
    for meta in soup.find_all("meta", attrs={"property": "article:published_time"}):
        dates.append(iso_day(meta.get("content", "")))
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        data = json.loads(script.string)
        for node in data if isinstance(data, list) else [data]:
            if node.get("datePublished"):
                dates.append(iso_day(node["datePublished"]))
    for time in soup.find_all("time"):
        if time.get("datetime"):
            dates.append(iso_day(time["datetime"]))
    if not dates:
        day = visible_date(doc["text"])
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


# ---------------------------------------------------------------- reuse of other text

def sentences(text: str) -> list[str]:
    """The sentences of six or more words."""
    return [s for s in re.split(r"(?<=[.!?])\s+", squash(text)) if len(s.split()) >= 6]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))


def sentence_keys(text: str) -> set[str]:
    """Each sentence of `text` as its lower-case words joined by one space."""
    return {" ".join(words(s)) for s in sentences(text)}


def seed_reuse(docs: dict[str, dict], seed_dir: pathlib.Path, run: int = 10) -> list[str]:
    """One line per document that reuses a sentence, or a run of `run` words, of the seed article(s)."""
    seed = "\n".join(p.read_text(encoding="utf-8") for p in seed_dir.glob("*.txt"))
    seed_sentences = sentence_keys(seed)
    seed_words = words(seed)
    seed_runs = {tuple(seed_words[i:i + run]) for i in range(len(seed_words) - run + 1)}
    problems = []
    for key, doc in docs.items():
        doc_words = words(doc["text"])
        joined = " ".join(doc_words)
        reused = [s for s in seed_sentences if s and s in joined]
        if reused:
            problems.append(f"{key} reuses seed sentences: {reused[:2]}")
        shared_runs = [" ".join(doc_words[i:i + run]) for i in range(len(doc_words) - run + 1)
                       if tuple(doc_words[i:i + run]) in seed_runs]
        if shared_runs:
            problems.append(f"{key} shares {run}-word runs with the seed: {shared_runs[:2]}")
    return problems
